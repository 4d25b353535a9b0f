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

AUTOMATIC = "(automatic)"  # the column choice's first item (shown translated)


class OwnDataDialog(QDialog):
    """Training file, test file (optional), text and label columns, threshold, test share."""

    def __init__(self, train: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open your own reviews"))
        # A modal dialog: a language switch cannot happen while it is open.
        self.automatic = self.tr("(automatic)")
        self.setObjectName("own_data_dialog")
        self.train_edit = QLineEdit(train, objectName="own_train_edit")
        self.test_edit = QLineEdit(objectName="own_test_edit")
        self.test_edit.setPlaceholderText(self.tr("none: a share of the training file is held out"))
        self.text_combo = QComboBox(objectName="own_text_column")
        self.label_combo = QComboBox(objectName="own_label_column")
        self.threshold_spin = QDoubleSpinBox(objectName="own_threshold_spin")
        self.threshold_spin.setRange(-1.0, 1_000_000.0)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setSpecialValueText(self.tr("midpoint of the ratings"))
        self.threshold_spin.setValue(-1.0)
        self.threshold_spin.setToolTip(
            self.tr("Ratings above this are positive; 0/1 labels ignore it.")
        )
        self.share_spin = QSpinBox(objectName="own_test_share_spin")
        self.share_spin.setRange(5, 50)
        self.share_spin.setSuffix(" %")
        self.share_spin.setValue(25)
        self.share_spin.setToolTip(
            self.tr("Held out for testing when there is no test file or split column.")
        )
        self.status = QLabel(objectName="own_status_label")
        self.status.setWordWrap(True)

        form = QFormLayout()
        browse = self.tr("Browse...")
        form.addRow(
            self.tr("Training file"), self._with_button(self.train_edit, browse, self._pick_train)
        )
        test_row = self._with_button(self.test_edit, browse, self._pick_test)
        clear = QPushButton(self.tr("Clear"), objectName="own_test_clear")
        clear.clicked.connect(self.test_edit.clear)
        test_row.layout().addWidget(clear)
        form.addRow(self.tr("Test file"), test_row)
        form.addRow(self.tr("Text column"), self.text_combo)
        form.addRow(self.tr("Label column"), self.label_combo)
        form.addRow(self.tr("Rating threshold"), self.threshold_spin)
        form.addRow(self.tr("Held-out test share"), self.share_spin)
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

    def _filter(self) -> str:
        return (
            self.tr("Your own reviews")
            + " (*.tsv *.csv *.txt *.jsonl *.ndjson *.json);;"
            + self.tr("IMDB archive")
            + " (*.tar.gz *.tgz);;"
            + self.tr("All files")
            + " (*)"
        )

    def _pick_train(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Training reviews"), "", self._filter())
        if path:
            self.train_edit.setText(path)
            self._read_columns()

    def _pick_test(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Test reviews"), "", self._filter())
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
                self._problem = self.tr("%1 does not exist.").replace("%1", str(path))
        except LabError as exc:
            self._problem = str(exc)
        for combo in (self.text_combo, self.label_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.automatic, None)
            for i, name in enumerate(self._columns):
                shown = name.strip()[:40] or self.tr("(empty name, column %1)").replace(
                    "%1", str(i + 1)
                )
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
            message = self.tr("A folder of pos/ and neg/ reviews: no columns to choose.")
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
                    self.tr("The first row does not name the text and label columns: pick them.")
                )
            else:
                names = self._columns
                text = found.text if isinstance(found.text, int) else 0
                label = found.label if isinstance(found.label, int) else 0
                message = (
                    (
                        self.tr(
                            "Text: column %1 (%2), label: column %3 (%4); the first row is read as a review."
                        )
                        if numbered and not self._header_row()
                        else self.tr("Text: column %1 (%2), label: column %3 (%4)")
                    )
                    .replace("%1", str(text + 1))
                    .replace("%3", str(label + 1))
                    .replace("%2", names[text][:30])
                    .replace("%4", names[label][:30])
                )
        kind = file_format(path) if path.exists() else ""
        if kind == "jsonl" and ok:
            message = self.tr("JSON Lines. %1").replace("%1", message)
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
