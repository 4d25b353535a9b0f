""" "Show the Keras code": the current settings as the book's standalone script.

The text comes from :func:`engine.book.script.keras_script`, exactly what
``python main.py script`` prints for the same settings; with your own reviews loaded
(``own_record``) the first choice is a script reading the same file(s).
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

from engine.book.own_data import own_data_from_record
from engine.book.script import keras_script
from engine.errors import LabError
from engine.model.config import ModelConfig
from engine.model.export import write_text_atomically
from gui.common.save_dialog import save_file_name
from gui.common.translate import Retranslating

SOURCES = ("aclimdb", "keras")


class KerasCodeDialog(Retranslating, QDialog):
    """The script for ``config``, with a choice of data source, Copy and Save."""

    def __init__(
        self,
        config: ModelConfig,
        source: str = "aclimdb",
        parent: QWidget | None = None,
        own_record: dict | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keras_code_dialog")
        self.resize(820, 640)
        self.config = config
        self.own_record = own_record
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        self.sources = QButtonGroup(self)
        row = QHBoxLayout()
        self.data_label = QLabel()
        row.addWidget(self.data_label)
        self.source_radios: dict[str, QRadioButton] = {}
        for key in (("own",) if own_record else ()) + SOURCES:
            button = QRadioButton(objectName=f"code_source_{key}")
            self.source_radios[key] = button
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
        self.copy_button = copy = QPushButton(objectName="keras_code_copy")
        copy.clicked.connect(self.copy)
        self.save_button = save = QPushButton(objectName="keras_code_save")
        save.clicked.connect(self.save_as)
        self.close_button = close = QPushButton()
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
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The Keras code behind these settings"))
        self.intro.setText(
            self.tr(
                "A complete script that does what the app does with these settings, in the "
                "book's order. It needs only keras (with TensorFlow) and numpy; its last line "
                "of output is the test accuracy. Same as <tt>python main.py script</tt>."
            )
        )
        self.data_label.setText(self.tr("Data:"))
        self.source_radios["aclimdb"].setText(self.tr("Stanford archive (an aclImdb folder)"))
        self.source_radios["keras"].setText(self.tr("The book's copy (keras.datasets.imdb)"))
        if "own" in self.source_radios:
            name = str((self.own_record or {}).get("name", ""))
            self.source_radios["own"].setText(self.tr("Your reviews (%1)").replace("%1", name))
        self.copy_button.setText(self.tr("Copy"))
        self.save_button.setText(self.tr("Save as..."))
        self.close_button.setText(self.tr("Close"))

    def set_source(self, source: str) -> None:
        self.source = source
        try:
            own = own_data_from_record(self.own_record) if source == "own" else None
            self.editor.setPlainText(keras_script(self.config, source=source, own=own))
            self.status.setText("")
        except LabError as exc:
            self.editor.setPlainText("")
            self.status.setText(str(exc))

    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Copied to the clipboard."))

    def save_as(self, path: str | None = None) -> Path | None:
        if not path:
            path = save_file_name(
                self, self.tr("Save the Keras script"), "imdb_book.py", "Python (*.py)"
            )
        if not path:
            return None
        try:
            saved = write_text_atomically(Path(path), self.text())
        except OSError as exc:
            self.status.setText(
                self.tr("Cannot write %1: %2.")
                .replace("%2", str(exc.strerror or exc))
                .replace("%1", str(path))
            )
            return None
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(saved)))
        return saved


def show_keras_code(
    config: ModelConfig, source: str, parent: QWidget, own_record: dict | None = None
) -> KerasCodeDialog:
    dialog = KerasCodeDialog(config, source, parent, own_record)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
