"""Opening your own reviews: a training file, an optional test file and the columns to read.

The dialog reads only the first row (or the first JSON objects) of the file to offer its
columns; when the header names them (``text``/``review``/``document``… and
``label``/``sentiment``/``rating``…) "automatic" is enough, otherwise the user picks them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.data.formats.columns import ColumnChoice, resolve
from engine.data.labels import label_value
from engine.data.own_files import OwnOptions, columns_of, file_format
from engine.errors import LabError

AUTOMATIC = "(automatic)"
OWN_FILTER = (
    "Your own reviews (*.tsv *.csv *.txt *.jsonl *.ndjson *.json);;"
    "IMDB archive (*.tar.gz *.tgz);;All files (*)"
)


class OwnDataDialog(QDialog):
    """Training file, test file (optional), text and label columns, threshold, test share."""

    def __init__(self, train: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open your own reviews")
        self.setObjectName("own_data_dialog")
        self.train_edit = QLineEdit(train, objectName="own_train_edit")
        self.test_edit = QLineEdit(objectName="own_test_edit")
        self.test_edit.setPlaceholderText("none: a share of the training file is held out")
        self.text_combo = QComboBox(objectName="own_text_column")
        self.label_combo = QComboBox(objectName="own_label_column")
        self.threshold_spin = QDoubleSpinBox(objectName="own_threshold_spin")
        self.threshold_spin.setRange(-1.0, 1_000_000.0)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setSpecialValueText("midpoint of the ratings")
        self.threshold_spin.setValue(-1.0)
        self.threshold_spin.setToolTip("Ratings above this are positive; 0/1 labels ignore it.")
        self.share_spin = QSpinBox(objectName="own_test_share_spin")
        self.share_spin.setRange(5, 50)
        self.share_spin.setSuffix(" %")
        self.share_spin.setValue(25)
        self.share_spin.setToolTip(
            "Held out for testing when there is no test file or split column."
        )
        self.status = QLabel(objectName="own_status_label")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(
            "Training file", self._with_button(self.train_edit, "Browse...", self._pick_train)
        )
        test_row = self._with_button(self.test_edit, "Browse...", self._pick_test)
        clear = QPushButton("Clear", objectName="own_test_clear")
        clear.clicked.connect(self.test_edit.clear)
        test_row.layout().addWidget(clear)
        form.addRow("Test file", test_row)
        form.addRow("Text column", self.text_combo)
        form.addRow("Label column", self.label_combo)
        form.addRow("Rating threshold", self.threshold_spin)
        form.addRow("Held-out test share", self.share_spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.train_edit.editingFinished.connect(self._read_columns)
        self.text_combo.currentIndexChanged.connect(self._check)
        self.label_combo.currentIndexChanged.connect(self._check)
        self.resize(640, self.sizeHint().height())
        self._read_columns()

    def _with_button(self, edit: QLineEdit, text: str, slot) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(text)
        button.clicked.connect(slot)
        box.addWidget(button)
        return row

    def _pick_train(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Training reviews", "", OWN_FILTER)
        if path:
            self.train_edit.setText(path)
            self._read_columns()

    def _pick_test(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Test reviews", "", OWN_FILTER)
        if path:
            self.test_edit.setText(path)

    def _read_columns(self) -> None:
        """Offer the training file's columns (first row or JSON keys)."""
        path = Path(self.train_edit.text().strip()).expanduser()
        self._columns: list[str] = []
        self._problem = ""
        try:
            if path.is_file():
                self._columns = columns_of(path)
            elif not path.is_dir():
                self._problem = f"{path} does not exist."
        except LabError as exc:
            self._problem = str(exc)
        for combo in (self.text_combo, self.label_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(AUTOMATIC, None)
            for i, name in enumerate(self._columns):
                shown = name.strip()[:40] or f"(empty name, column {i + 1})"
                combo.addItem(f"{i + 1}: {shown}", str(i + 1))
            combo.blockSignals(False)
        folder = path.is_dir()
        self.text_combo.setEnabled(not folder and bool(self._columns))
        self.label_combo.setEnabled(not folder and bool(self._columns))
        self._check()

    def _choice(self) -> ColumnChoice:
        return ColumnChoice(self.text_combo.currentData(), self.label_combo.currentData())

    def _check(self) -> None:
        """Say whether the columns are known; Open only when they are."""
        ok, message = True, ""
        path = Path(self.train_edit.text().strip()).expanduser()
        if self._problem:
            ok, message = False, self._problem
        elif path.is_dir():
            message = "A folder of pos/ and neg/ reviews: no columns to choose."
        elif self._columns:
            choice = self._choice()
            numbered = choice.text is not None or choice.label is not None
            try:
                found = resolve(self._columns, choice, path.name)
            except LabError as exc:
                found, message = None, str(exc)
            if found is None:
                ok = False
                message = message or (
                    "The first row does not name the text and label columns: pick them."
                )
            else:
                names = self._columns
                text = found.text if isinstance(found.text, int) else 0
                label = found.label if isinstance(found.label, int) else 0
                message = f"Text: column {text + 1} ({names[text][:30]}), label: column " + (
                    f"{label + 1} ({names[label][:30]})"
                )
                if numbered and not self._header_row():
                    message += "; the first row is read as a review."
        kind = file_format(path) if path.exists() else ""
        if kind == "jsonl" and ok:
            message = "JSON Lines. " + message
        self.status.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)

    def _header_row(self) -> bool:
        """Whether the first row is a header: its label field is no label (a name)."""
        picked = self.label_combo.currentData()
        if picked is None or file_format(Path(self.train_edit.text().strip())) == "jsonl":
            return True
        return label_value(self._columns[int(picked) - 1]) is None

    def selection(self) -> tuple[str, str | None, OwnOptions]:
        """(training file, test file or None, options) as chosen."""
        choice = self._choice()
        threshold = self.threshold_spin.value()
        options = OwnOptions(
            text_column=self._key(choice.text),
            label_column=self._key(choice.label),
            label_threshold=None if threshold == self.threshold_spin.minimum() else threshold,
            test_share=self.share_spin.value() / 100,
        )
        test = self.test_edit.text().strip() or None
        return self.train_edit.text().strip(), test, options

    def _key(self, number: str | None) -> str | None:
        """A picked column as the engine takes it: its header name when the file has a
        header row (always for JSON Lines), else its number."""
        if number is None:
            return None
        both = self.text_combo.currentData() and self.label_combo.currentData()
        jsonl = file_format(Path(self.train_edit.text().strip())) == "jsonl"
        if jsonl or (both and self._header_row()):
            return self._columns[int(number) - 1]
        return number
