""" "Show the Keras code": the current settings as the book's standalone script.

The text comes from :func:`engine.book.script.keras_script`, exactly what
``python main.py script`` prints for the same settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from engine.book.script import keras_script
from engine.errors import LabError
from engine.model.config import ModelConfig
from engine.model.export import write_text_atomically
from gui.common.save_dialog import save_file_name

SOURCE_LABELS = {
    "aclimdb": "Stanford archive (an aclImdb folder)",
    "keras": "The book's copy (keras.datasets.imdb)",
}


class KerasCodeDialog(QDialog):
    """The script for ``config``, with a choice of data source, Copy and Save."""

    def __init__(
        self, config: ModelConfig, source: str = "aclimdb", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keras_code_dialog")
        self.setWindowTitle("The Keras code behind these settings")
        self.resize(820, 640)
        self.config = config
        intro = QLabel(
            "A complete script that does what the app does with these settings, in the "
            "book's order. It needs only keras (with TensorFlow) and numpy; its last line "
            "of output is the test accuracy. Same as <tt>python main.py script</tt>."
        )
        intro.setWordWrap(True)
        self.sources = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Data:"))
        for key, label in SOURCE_LABELS.items():
            button = QRadioButton(label, objectName=f"code_source_{key}")
            button.setChecked(key == source)
            self.sources.addButton(button)
            button.toggled.connect(lambda on, k=key: on and self.set_source(k))
            row.addWidget(button)
        row.addStretch(1)
        self.editor = QPlainTextEdit(objectName="keras_code_text")
        self.editor.setReadOnly(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.status = QLabel(objectName="keras_code_status")
        copy = QPushButton("Copy", objectName="keras_code_copy")
        copy.clicked.connect(self.copy)
        save = QPushButton("Save as...", objectName="keras_code_save")
        save.clicked.connect(self.save_as)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (copy, save, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self.set_source(source)

    def set_source(self, source: str) -> None:
        self.source = source
        try:
            self.editor.setPlainText(keras_script(self.config, source=source))
            self.status.setText("")
        except LabError as exc:
            self.editor.setPlainText("")
            self.status.setText(str(exc))

    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText("Copied to the clipboard.")

    def save_as(self, path: str | None = None) -> Path | None:
        if not path:
            path = save_file_name(self, "Save the Keras script", "imdb_book.py", "Python (*.py)")
        if not path:
            return None
        try:
            saved = write_text_atomically(Path(path), self.text())
        except OSError as exc:
            self.status.setText(f"Cannot write {path}: {exc.strerror or exc}.")
            return None
        self.status.setText(f"Saved to {saved}.")
        return saved


def show_keras_code(config: ModelConfig, source: str, parent: QWidget) -> KerasCodeDialog:
    dialog = KerasCodeDialog(config, source, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
