"""The Reviews tab: browse all 50,000 reviews with the current model's verdict on each."""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.errors import Cancelled
from engine.model.config import ModelConfig
from engine.model.training_records import validation_rows
from gui.common.lazy import ShownAndClosed, WhenVisible
from gui.common.localized import number
from gui.common.translate import Retranslating
from gui.current_model import CurrentModel
from gui.reviews.detail import ReviewDetail
from gui.reviews.filter_bar import FilterBar
from gui.reviews.table_model import COLUMN_KEYS, ReviewTableModel
from gui.tasks import TaskRunner, error_text


def all_probabilities(predictor, dataset, progress=None, cancel=None) -> np.ndarray:
    """P(positive) of every review in ``dataset`` (runs as a task)."""
    return predictor.probabilities_for_dataset(dataset)


class ReviewsTab(Retranslating, ShownAndClosed, FilterBar, QWidget):
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
        # A message that stands in for the count until the next update (re-rendered on a
        # language change): a function giving the text in the current language.
        self._count_note = None
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
        self.retranslate()

    # ----- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        choices, filters = self._build_filter_bar()

        self.count = QLabel()
        self.count.setObjectName("reviews_count")
        self.count.setWordWrap(True)
        self.train_button = QPushButton()
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

    def retranslate(self) -> None:
        self._retranslate_filter_bar()
        self.train_button.setText(self.tr("Train a model…"))
        self.train_button.setToolTip(
            self.tr("Predictions, right/wrong and the word colours need a trained model.")
        )
        self.model.retranslate()
        if self._count_note is not None:
            self.count.setText(self._count_note())
        else:
            self._update_count()

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
            what=self.tr("Scoring every review"),
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
            self._set_count_note(
                lambda: self.tr("Could not compute the model's predictions: {message}").format(
                    message=error_text(exc, self.tr("Scoring the reviews"))
                )
            )

    def _set_count_note(self, note) -> None:
        self._count_note = note
        self.count.setText(note())

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
        self._count_note = None
        ds = self.model.dataset
        has_model = self.state.predictor is not None
        self.train_button.setVisible(ds is not None and not has_model)
        if ds is None:
            self.count.setText(
                self.tr("No dataset loaded yet: load or download it in the Train tab.")
            )
            return
        took = (
            self.tr("<1", "milliseconds")
            if self.last_filter_ms < 1
            else number(round(self.last_filter_ms))
        )
        text = self.tr("Showing {shown} of {total} reviews (filtered in {took} ms).").format(
            shown=number(self.model.rowCount()), total=number(len(ds)), took=took
        )
        if busy or self.tasks.pending("probabilities"):
            model = self.state.model
            more = (
                self.tr("Computing the predictions of {model}…").format(model=model.short())
                if model is not None
                else self.tr("Computing the model's predictions…")
            )
        elif self.scored_model is not None and self.model.probabilities is not None:
            more = self.tr("Predictions by {model}.").format(model=self.scored_model.short())
        elif self.model.probabilities is None:
            more = self.tr(
                "No model yet: predictions and right/wrong appear once a model is trained."
            )
            if self.model.filter.needs_predictions():
                more = self.tr(
                    "No model yet: predictions and right/wrong appear once a model is trained."
                    " The prediction filters match nothing until then."
                )
        else:
            more = ""
        # Two whole sentences side by side (the count, then the model's), as in English.
        self.count.setText(f"{text} {more}".strip())
