"""The Reviews tab: browse all 50,000 reviews with the current model's verdict on each."""

from __future__ import annotations

import time
from functools import partial

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout
from superqt.utils import QSignalDebouncer

from engine.errors import Cancelled
from engine.model.config import ModelConfig
from engine.model.training_records import validation_rows
from gui.common.lazy import WhenVisible
from gui.current_model import CurrentModel
from gui.reviews.detail import ReviewDetail
from gui.reviews.table_model import COLUMN_KEYS, ReviewFilter, ReviewTableModel
from gui.tasks import TaskRunner, error_text, shutdown_tasks

# name -> (filter changes, sort key, descending)
PRESETS = {
    "Most confident mistakes": ({"correct": False}, "error", True),
    "Most uncertain": ({}, "uncertainty", False),
    "Longest": ({}, "words", True),
    "Shortest": ({}, "words", False),
}
CHOICES = {  # combo text -> filter value
    "split": {
        "Any split": None,
        "Train": "train",
        "Validation (current run)": "validation",
        "Test": "test",
    },
    "label": {"Any true label": None, "Truly positive": 1, "Truly negative": 0},
    "predicted": {"Any prediction": None, "Predicted positive": 1, "Predicted negative": 0},
    "correct": {"Right or wrong": None, "Right": True, "Wrong": False},
}
PREDICTION_KEYS = ("predicted", "correct")


def all_probabilities(predictor, dataset, progress=None, cancel=None) -> np.ndarray:
    """P(positive) of every review in ``dataset`` (runs as a task)."""
    return predictor.probabilities_for_dataset(dataset)


class ReviewsTab(QWidget):
    """Table of all reviews, filters and presets, and a detail pane for the selected one."""

    predictions_updated = Signal()  # the table shows a new model's probabilities

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviews_tab")
        self.state = state
        self.model = ReviewTableModel(self)
        self.last_filter_ms = 0.0
        self._selected: int | None = None
        # The model whose predictions the table shows (the current model, once computed).
        self.scored_model = None
        self._split_key = None  # (seed, validation size, dataset) of the marked split
        self.tasks = TaskRunner(self)
        self._build()
        state.dataset_changed.connect(self.set_dataset)
        self._refresh = WhenVisible(self, lambda: self.set_predictor(self.state.predictor))
        state.predictor_changed.connect(self._refresh.request)
        state.model_changed.connect(self._follow_split)
        state.filter_requested.connect(self.apply_filter)
        state.review_requested.connect(self.select_review)
        if state.dataset is not None:
            self.set_dataset(state.dataset)

    # ----- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.preset = QComboBox()
        self.preset.addItems(["Presets…", *PRESETS, "Show everything"])
        self.preset.setToolTip("Quick views: the model's worst mistakes, its coin flips, …")
        self.preset.activated.connect(self._preset_chosen)
        self.combos: dict[str, QComboBox] = {}
        for key, options in CHOICES.items():
            combo = QComboBox()
            combo.addItems(list(options))
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
        self.search.setPlaceholderText("Search the review text…")
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
        filters.addWidget(QLabel("P(positive)"))
        filters.addWidget(self.prob_min)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.prob_max)
        filters.addWidget(self.search, 1)

        self.count = QLabel("No dataset loaded yet.")
        self.count.setObjectName("reviews_count")
        self.count.setWordWrap(True)
        self.train_button = QPushButton("Train a model…")
        self.train_button.setToolTip(
            "Predictions, right/wrong and the word colours need a trained model."
        )
        self.train_button.clicked.connect(lambda: self.state.show_tab.emit("train"))
        status = QHBoxLayout()
        status.addWidget(self.count, 1)
        status.addWidget(self.train_button)

        self.table = QTableView()
        self.table.setObjectName("reviews_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col, width in enumerate((78, 72, 54, 60, 84, 56)):  # "validation" fits
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        self._clear_sort_indicator()
        header.sortIndicatorChanged.connect(self._header_sort)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail = ReviewDetail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(filters)
        layout.addLayout(status)
        layout.addWidget(splitter, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh.shown()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        shutdown_tasks(self)
        super().closeEvent(event)

    # ----- state signals ----------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        self.tasks.cancel("probabilities")
        self._selected = None
        self.model.set_dataset(dataset)
        # Your own reviews may have no ratings: no column of question marks.
        has_ratings = dataset is not None and bool(dataset.rating.any())
        self.table.setColumnHidden(COLUMN_KEYS.index("rating"), not has_ratings)
        self._split_key = None
        self._follow_split()
        self.detail.show_review(None, None)
        if dataset is not None and self.state.predictor is not None:
            self.set_predictor(self.state.predictor)
        self._update_count()

    def _follow_split(self, *_args) -> None:
        """Mark the reviews the current model's run held out for validation."""
        model, dataset = self.state.model, self.model.dataset
        config = None
        if model is not None:
            config = model.config or (ModelConfig.from_run(model.run) if model.run else None)
        held_out = (
            dataset is not None
            and config is not None
            and 0 < config.validation_size < len(dataset.indices("train"))
        )
        key = (config.seed, config.validation_size, id(dataset)) if held_out else None
        if key != self._split_key:  # every epoch of a training brings a new model, same split
            self._split_key = key
            self.model.set_validation(validation_rows(dataset, config) if held_out else None)
            self._reselect()
            self._update_count()

    def set_predictor(self, predictor) -> None:
        """Recompute every review's probability in the background; the table keeps working."""
        if predictor is None or self.model.dataset is None:
            self.tasks.cancel("probabilities")
            self.scored_model = None
            if self.model.dataset is not None:
                self.model.set_probabilities(None)
            self._update_count()
            self._show_selected()
            return
        self.tasks.submit(
            all_probabilities,
            predictor,
            self.model.dataset,
            on_done=partial(self._probabilities_ready, model=self._model_of(predictor)),
            on_failed=self._probabilities_failed,
            key="probabilities",
            what="Scoring every review",
        )
        self._update_count(busy=True)

    def _model_of(self, predictor):
        model = self.state.model
        if model is not None and model.predictor is predictor:
            return model
        return CurrentModel(predictor)

    def _probabilities_ready(self, probabilities, model=None) -> None:
        if self.model.dataset is None or len(probabilities) != len(self.model.dataset):
            return  # the dataset changed while we computed
        self.scored_model = model
        self.model.set_probabilities(probabilities)
        self._reselect()
        self._update_count()
        self._show_selected()
        self.predictions_updated.emit()

    def _probabilities_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            message = error_text(exc, "Scoring the reviews")
            self.count.setText(f"Could not compute the model's predictions: {message}")

    def apply_filter(self, values: dict) -> None:
        """Show the reviews matching a ``state.filter_requested`` dict (e.g. a confusion cell)."""
        flt = ReviewFilter.from_dict(values)
        for key, combo in self.combos.items():
            wanted = getattr(flt, key)
            combo.blockSignals(True)
            combo.setCurrentIndex(list(CHOICES[key].values()).index(wanted))
            combo.blockSignals(False)
        for spin, value in ((self.prob_min, flt.prob_min), (self.prob_max, flt.prob_max)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        self._set_filter(flt)

    # ----- controls ---------------------------------------------------------------------
    def current_filter(self) -> ReviewFilter:
        values = {key: CHOICES[key][combo.currentText()] for key, combo in self.combos.items()}
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
        name = self.preset.itemText(index)
        self.preset.setCurrentIndex(0)
        if name == "Show everything":
            self.apply_filter({})
            self._sort("row", False)
        elif name in PRESETS:
            changes, key, descending = PRESETS[name]
            if key in ("error", "uncertainty") and self.model.probabilities is None:
                self.count.setText(f"“{name}” needs the model's predictions: train a model first.")
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

    # ----- selection and status ---------------------------------------------------------
    def select_review(self, row: int) -> None:
        """Select dataset row ``row``, showing every review first if the filter hides it."""
        if self.model.dataset is None or not 0 <= int(row) < len(self.model.dataset):
            return
        if self.model.view_row_of(int(row)) is None:
            self.apply_filter({})
        self._selected = int(row)
        self._reselect()
        self._show_selected()

    def _row_changed(self, current, _previous) -> None:
        self._selected = self.model.dataset_row(current.row()) if current.isValid() else None
        self._show_selected()

    def _show_selected(self) -> None:
        # The pane follows the table: a review the filter hides is not shown beside rows
        # that no longer contain it (it comes back when the filter lets it through).
        visible = self._selected is not None and self.model.view_row_of(self._selected) is not None
        self.detail.show_review(
            self.model.dataset,
            self._selected if visible else None,
            # The model that scored the table, so the pane and the table always agree.
            self.scored_model.predictor
            if self.model.probabilities is not None and self.scored_model is not None
            else None,
            search=self.model.filter.text,
        )

    def _reselect(self) -> None:
        """Keep the same review selected after the rows were filtered or re-sorted."""
        if self._selected is None:
            return
        row = self.model.view_row_of(self._selected)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
        else:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        selection.blockSignals(False)

    def _update_count(self, busy: bool = False) -> None:
        ds = self.model.dataset
        has_model = self.state.predictor is not None
        self.train_button.setVisible(ds is not None and not has_model)
        if ds is None:
            self.count.setText("No dataset loaded yet: load or download it in the Train tab.")
            return
        shown = self.model.rowCount()
        took = "<1" if self.last_filter_ms < 1 else f"{self.last_filter_ms:.0f}"
        text = f"Showing {shown:,} of {len(ds):,} reviews (filtered in {took} ms)."
        if busy or self.tasks.pending("probabilities"):
            model = self.state.model
            text += (
                f" Computing the predictions of {model.short()}…"
                if model is not None
                else " Computing the model's predictions…"
            )
        elif self.scored_model is not None and self.model.probabilities is not None:
            text += f" Predictions by {self.scored_model.short()}."
        elif self.model.probabilities is None:
            text += " No model yet: predictions and right/wrong appear once a model is trained."
            if self.model.filter.needs_predictions():
                text += " The prediction filters match nothing until then."
        self.count.setText(text)
