"""The Reviews tab's filter bar: presets, the choice combos, the P(positive) range, search.

:class:`FilterBar` is a mixin of :class:`gui.reviews.tab.ReviewsTab`: it builds the
controls, reads them as a :class:`gui.reviews.table_model.ReviewFilter`, sets them from a
``state.filter_requested`` dict, and sorts the table (presets and header clicks). Its
texts are translated in the "ReviewsTab" context, the tab's own.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit
from superqt import QFlowLayout
from superqt.utils import QSignalDebouncer

from gui.reviews.table_model import COLUMN_KEYS, ReviewFilter

# (name, filter changes, sort key, descending); names are translated where they are shown.
PRESETS = (
    (QT_TRANSLATE_NOOP("ReviewsTab", "Most confident mistakes"), {"correct": False}, "error", True),
    (QT_TRANSLATE_NOOP("ReviewsTab", "Most uncertain"), {}, "uncertainty", False),
    (QT_TRANSLATE_NOOP("ReviewsTab", "Longest"), {}, "words", True),
    (QT_TRANSLATE_NOOP("ReviewsTab", "Shortest"), {}, "words", False),
)
CHOICES = {  # filter key -> [(combo text, filter value)], in combo order
    "split": [
        (QT_TRANSLATE_NOOP("ReviewsTab", "Any split"), None),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Train"), "train"),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Validation (current run)"), "validation"),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Test"), "test"),
    ],
    "label": [
        (QT_TRANSLATE_NOOP("ReviewsTab", "Any true label"), None),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Truly positive"), 1),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Truly negative"), 0),
    ],
    "predicted": [
        (QT_TRANSLATE_NOOP("ReviewsTab", "Any prediction"), None),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Predicted positive"), 1),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Predicted negative"), 0),
    ],
    "correct": [
        (QT_TRANSLATE_NOOP("ReviewsTab", "Right or wrong"), None),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Right"), True),
        (QT_TRANSLATE_NOOP("ReviewsTab", "Wrong"), False),
    ],
}
PREDICTION_KEYS = ("predicted", "correct")


class FilterBar:
    """The filter controls and the table's sorting, mixed into the Reviews tab."""

    def _build_filter_bar(self) -> tuple[QFlowLayout, QHBoxLayout]:
        """The controls in two rows: the choices, then the P(positive) range and search."""
        self.preset = QComboBox()
        self.preset.addItems([""] * (len(PRESETS) + 2))  # texts in _retranslate_filter_bar()
        self.preset.activated.connect(self._preset_chosen)
        self.combos: dict[str, QComboBox] = {}
        for key, options in CHOICES.items():
            combo = QComboBox()
            combo.addItems([text for text, _value in options])
            combo.currentIndexChanged.connect(self._controls_changed)
            self.combos[key] = combo
        self.prob_min, self.prob_max = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, value in ((self.prob_min, 0.0), (self.prob_max, 1.0)):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
            spin.valueChanged.connect(self._controls_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._debounce = QSignalDebouncer(parent=self)  # the first positional is the policy
        self._debounce.setTimeout(250)
        self.search.textChanged.connect(self._debounce.throttle)
        self._debounce.triggered.connect(self._controls_changed)

        # Two rows rather than one: in one row the filters alone needed 930 px.
        choices = QFlowLayout()
        choices.addWidget(self.preset)
        for combo in self.combos.values():
            choices.addWidget(combo)
        filters = QHBoxLayout()
        self.prob_label, self.to_label = QLabel(), QLabel()
        filters.addWidget(self.prob_label)
        filters.addWidget(self.prob_min)
        filters.addWidget(self.to_label)
        filters.addWidget(self.prob_max)
        filters.addWidget(self.search, 1)
        return choices, filters

    def _retranslate_filter_bar(self) -> None:
        self.preset.setItemText(0, QCoreApplication.translate("ReviewsTab", "Presets…"))
        for i, (name, *_rest) in enumerate(PRESETS, start=1):
            self.preset.setItemText(i, QCoreApplication.translate("ReviewsTab", name))
        self.preset.setItemText(
            len(PRESETS) + 1, QCoreApplication.translate("ReviewsTab", "Show everything")
        )
        self.preset.setToolTip(
            QCoreApplication.translate(
                "ReviewsTab", "Quick views: the model's worst mistakes, its coin flips, …"
            )
        )
        for key, combo in self.combos.items():
            for i, (text, _value) in enumerate(CHOICES[key]):
                combo.setItemText(i, QCoreApplication.translate("ReviewsTab", text))
        self.search.setPlaceholderText(
            QCoreApplication.translate("ReviewsTab", "Search the review text…")
        )
        self.prob_label.setText(QCoreApplication.translate("ReviewsTab", "P(positive)"))
        self.to_label.setText(
            QCoreApplication.translate("ReviewsTab", "to", "P(positive) from ... to ...")
        )

    def apply_filter(self, values: dict) -> None:
        """Show the reviews matching a ``state.filter_requested`` dict (e.g. a confusion cell)."""
        flt = ReviewFilter.from_dict(values)
        for key, combo in self.combos.items():
            wanted = getattr(flt, key)
            combo.blockSignals(True)
            combo.setCurrentIndex([value for _text, value in CHOICES[key]].index(wanted))
            combo.blockSignals(False)
        for spin, value in ((self.prob_min, flt.prob_min), (self.prob_max, flt.prob_max)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        self._set_filter(flt)

    def current_filter(self) -> ReviewFilter:
        values = {key: CHOICES[key][combo.currentIndex()][1] for key, combo in self.combos.items()}
        return ReviewFilter(
            **values,
            prob_min=self.prob_min.value(),
            prob_max=self.prob_max.value(),
            text=self.search.text(),
        )

    def _controls_changed(self, *_args) -> None:
        self._set_filter(self.current_filter())

    def _set_filter(self, flt: ReviewFilter) -> None:
        start = time.perf_counter()
        self.model.set_filter(flt)
        self.last_filter_ms = (time.perf_counter() - start) * 1000
        self._reselect()
        self._update_count()
        self._show_selected()

    def _preset_chosen(self, index: int) -> None:
        self.preset.setCurrentIndex(0)
        if index == len(PRESETS) + 1:  # "Show everything"
            self.apply_filter({})
            self._sort("row", False)
        elif 1 <= index <= len(PRESETS):
            name, changes, key, descending = PRESETS[index - 1]
            if key in ("error", "uncertainty") and self.model.probabilities is None:
                self._set_count_note(
                    lambda: QCoreApplication.translate(
                        "ReviewsTab",
                        "“{preset}” needs the model's predictions: train a model first.",
                    ).format(preset=QCoreApplication.translate("ReviewsTab", name))
                )
                return
            self.apply_filter(changes)
            self._sort(key, descending)
        self.table.scrollToTop()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _sort(self, key: str, descending: bool) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if key in COLUMN_KEYS and key != "row":
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(COLUMN_KEYS.index(key), order)
        else:
            self._clear_sort_indicator()
        header.blockSignals(False)
        self.model.sort_by(key, descending)
        self._reselect()

    def _clear_sort_indicator(self) -> None:
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _header_sort(self, column: int, order) -> None:
        if column >= 0:
            self.model.sort(column, order)
            self._reselect()
