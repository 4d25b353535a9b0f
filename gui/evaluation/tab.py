"""The Evaluation tab: confusion matrix, probability histogram, ROC curve, and the lexicon.

Clicking a confusion-matrix cell opens the Reviews tab filtered to exactly those reviews
(e.g. "truly positive, predicted negative" = the false negatives) through
``state.filter_requested``. What is shown is always the current model's evaluation (the
state clears it when the model changes); a model whose test result is stored in the run
history is scored again when it comes back, so its matrix and curves return too.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from engine.errors import Cancelled, LabError
from engine.model.evaluation import evaluate_predictor, roc_curve
from gui.common.lazy import WhenVisible
from gui.common.lexicon import LexiconWidget
from gui.common.localized import decimal, number, percent
from gui.common.translate import Retranslating
from gui.evaluation.charts import draw_histogram, draw_roc, histogram_plot, roc_plot
from gui.evaluation.confusion_matrix import ConfusionMatrix
from gui.help.dialogs import glossary_button
from gui.tasks import TaskRunner, error_text, shutdown_tasks

# The glossary entries shown with a "?" above the charts: (glossary key, label).
TERMS = (
    ("accuracy", QT_TRANSLATE_NOOP("EvaluationView", "accuracy")),
    ("loss", QT_TRANSLATE_NOOP("EvaluationView", "loss")),
    ("precision", QT_TRANSLATE_NOOP("EvaluationView", "precision")),
    ("recall", QT_TRANSLATE_NOOP("EvaluationView", "recall")),
    ("roc_auc", QT_TRANSLATE_NOOP("EvaluationView", "ROC AUC")),
    ("splits", QT_TRANSLATE_NOOP("EvaluationView", "test set")),
)


def evaluate_on_test(predictor, dataset, progress=None, cancel=None):
    """The predictor's :class:`Evaluation` on the test split (runs as a task)."""
    return evaluate_predictor(predictor, dataset, dataset.indices("test"))


class EvaluationView(Retranslating, QWidget):
    """Everything about the latest :class:`engine.model.training.Evaluation`, plus the lexicon."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluation_tab")
        self.state = state
        self.evaluation = None
        self._split = "test"
        # Stands in for the summary until the next evaluation (a function giving the text).
        self._summary_note = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.train_button = QPushButton()
        self.train_button.setObjectName("evaluation_train_button")
        self.train_button.clicked.connect(lambda: state.show_tab.emit("train"))
        self.evaluate_button = QPushButton()
        self.evaluate_button.setObjectName("evaluate_current_button")
        self.evaluate_button.clicked.connect(self.evaluate_current)
        self.tasks = TaskRunner(self)
        # The summary on its own row, the glossary words and buttons wrapping under it: in
        # one row they set the window's minimum width to 930 px.
        top = QVBoxLayout()
        top.addWidget(self.summary)
        # "?" next to the numbers: what each of them means (the Help menu's glossary).
        tools = QFlowLayout()
        terms_widget = QWidget()
        terms = QHBoxLayout(terms_widget)
        terms.setContentsMargins(0, 0, 0, 0)
        terms.setSpacing(0)
        self.term_labels: list[QLabel] = []
        for key, _text in TERMS:
            label = QLabel(styleSheet="color: #666;")
            self.term_labels.append(label)
            terms.addWidget(label)
            terms.addWidget(glossary_button(key, self))
        tools.addWidget(terms_widget)
        tools.addWidget(self.evaluate_button)
        tools.addWidget(self.train_button)
        top.addLayout(tools)

        self.matrix = ConfusionMatrix()
        self.matrix.cell_clicked.connect(self.open_cell)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        self.matrix_title = QLabel()
        matrix_box = QVBoxLayout()
        matrix_box.addWidget(self.matrix_title)
        matrix_box.addWidget(self.matrix)
        matrix_box.addWidget(self.hint)
        matrix_box.addStretch(1)

        self.histogram = histogram_plot()
        self.roc = roc_plot()

        charts = QHBoxLayout()
        matrix_frame = QFrame()
        matrix_frame.setLayout(matrix_box)
        charts.addWidget(matrix_frame)
        charts.addWidget(self.histogram, 1)
        charts.addWidget(self.roc, 1)
        charts_widget = QWidget()
        charts_widget.setLayout(charts)

        self.lexicon = LexiconWidget(state)
        # A plain layout, not a splitter: the lexicon's wrapped words get the height they
        # need and the charts take the rest.
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(charts_widget, 1)
        layout.addWidget(self.lexicon)
        state.evaluation_changed.connect(self.set_evaluation)
        state.predictor_changed.connect(self._update_evaluate_button)
        state.dataset_changed.connect(self._update_evaluate_button)
        # A tested model that comes back (relaunch, Runs "Use this model", scrubber) is
        # scored again so its matrix and curves show; only while this tab can be seen.
        self._rescore = WhenVisible(self, self._rescore_stored)
        state.model_changed.connect(self._rescore.request)
        state.model_changed.connect(self._model_changed)
        state.dataset_changed.connect(self._rescore.request)
        self.set_evaluation(state.evaluation)
        self._update_evaluate_button()
        # Built after the model came back (the window builds this tab after its first
        # paint): score it once this tab is shown, as model_changed would have.
        self._rescore.request()
        self.retranslate()

    def retranslate(self) -> None:
        self.train_button.setText(self.tr("Go to the Train tab"))
        self.evaluate_button.setText(self.tr("Evaluate the current model on the test reviews"))
        self.evaluate_button.setToolTip(
            self.tr(
                "Score the model now in use (for example one restored "
                "at start-up, or an epoch picked with the scrubber) on "
                "the 25,000 test reviews."
            )
        )
        for label, (_key, text) in zip(self.term_labels, TERMS, strict=True):
            label.setText(self.tr(text))
        self.hint.setText(self.tr("Click a cell to read those reviews."))
        self.matrix_title.setText(self.tr("<b>Confusion matrix</b>"))
        self.histogram.setLabel("bottom", self.tr("P(positive)"))
        self.histogram.setLabel("left", self.tr("reviews"))
        self.roc.setLabel("bottom", self.tr("false positive rate"))
        self.roc.setLabel("left", self.tr("true positive rate"))
        # Titles, legend names and the summary hold numbers: drawn again from the evaluation.
        note = self._summary_note
        self.set_evaluation(self.evaluation)
        if note is not None:
            self._set_summary_note(note)

    def _set_summary_note(self, note) -> None:
        self._summary_note = note
        self.summary.setText(note())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._rescore.shown()

    def _model_changed(self, _model) -> None:
        if self.state.evaluation is None:
            self._summary_note = None
            self.summary.setText(self._no_evaluation_text())  # names the new, untested model

    def _rescore_stored(self, *_args) -> None:
        model = self.state.model
        if (
            model is not None
            and model.test
            and not model.training
            and self.state.evaluation is None
            and self.state.dataset is not None
            and not self.tasks.pending("evaluate")
        ):
            self._submit(model, save=False)

    def _update_evaluate_button(self, *_args) -> None:
        self.evaluate_button.setEnabled(
            self.state.predictor is not None and self.state.dataset is not None
        )

    def evaluate_current(self) -> None:
        """Evaluate the current model on the test split, off the GUI thread.

        The result belongs to that model: it is stored in the run history (when the model
        is a run's) and shown only while that model is still the current one.
        """
        if self.state.model is None or self.state.dataset is None:
            return
        self._submit(self.state.model, save=True)

    def _submit(self, model, save: bool) -> None:
        self._set_summary_note(
            lambda: self.tr("Evaluating {model} on the test reviews…").format(model=model.short())
        )
        self.tasks.submit(
            evaluate_on_test,
            model.predictor,
            self.state.dataset,
            on_done=lambda evaluation: self._evaluated(model, evaluation, save),
            on_failed=self._evaluation_failed,
            key="evaluate",
            what=self.tr("Evaluating the model"),
        )

    def _evaluated(self, model, evaluation, save: bool) -> None:
        if not self.state.record_evaluation(evaluation, model):
            return  # the model changed meanwhile: this result is not the current model's
        store = self.state.store
        if save and store is not None and model.run_id is not None and not model.training:
            try:
                store.save_evaluation(model.run_id, model.epoch, evaluation.to_dict())
            except LabError as exc:
                self.state.status_message.emit(str(exc))

    def _evaluation_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            self._set_summary_note(
                lambda: self.tr("Could not evaluate the model: {message}").format(
                    message=error_text(exc, self.tr("Evaluating the model"))
                )
            )

    def shutdown(self) -> bool:
        """Cancel and join the background evaluation; True when it has ended."""
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def set_evaluation(self, evaluation) -> None:
        self.evaluation = evaluation
        self._summary_note = None
        self.histogram.clear()
        self.roc.clear()
        self.histogram.setTitle(self.tr("P(positive) by true class"), color="#333")
        self.roc.setTitle(self.tr("ROC curve"), color="#333")
        self.train_button.setVisible(evaluation is None)
        self.matrix.setEnabled(evaluation is not None)
        if evaluation is None:
            self.summary.setText(self._no_evaluation_text())
            self.matrix.set_counts(np.zeros((2, 2)))
            return
        self.matrix.set_counts(evaluation.confusion)
        labels = self._true_labels(evaluation)
        model = self.state.model
        reviews = number(np.sum(evaluation.confusion))
        split = {
            "test": self.tr("Test set, {n} reviews"),
            "train": self.tr("Train set, {n} reviews"),
        }.get(self._split, self.tr("All splits, {n} reviews"))
        numbers = self.tr(
            "<b>{split}</b> — accuracy <b>{accuracy}</b> · loss {loss} · "
            "precision {precision} · recall {recall} · ROC AUC {auc}"
        ).format(
            split=split.format(n=reviews),
            accuracy=percent(evaluation.accuracy),
            loss=decimal(evaluation.loss, 3),
            precision=percent(evaluation.precision),
            recall=percent(evaluation.recall),
            auc=decimal(evaluation.roc_auc, 3),
        )
        if model is not None:
            numbers = self.tr("<b>{model}</b>: {numbers}").format(
                model=html.escape(model.short().capitalize()), numbers=numbers
            )
        self.summary.setText(numbers)
        if labels is None:
            self.histogram.setTitle(self.tr("Load the dataset to see the probability histogram."))
            return
        probs = np.asarray(evaluation.probabilities, dtype=np.float64)
        names = (self.tr("truly negative"), self.tr("truly positive"))
        draw_histogram(self.histogram, labels, probs, names)
        draw_roc(self.roc, *roc_curve(labels, probs))
        self.roc.setTitle(
            self.tr("ROC curve (AUC = {auc})").format(auc=decimal(evaluation.roc_auc, 3)),
            color="#333",
        )

    def _no_evaluation_text(self) -> str:
        model = self.state.model
        if model is None:
            return self.tr(
                "No evaluation yet. Train a model and test it (the book's "
                "protocol ends with a test on the 25,000 test reviews); the "
                "results appear here."
            )
        return self.tr(
            "No evaluation yet of {model} (the current model): "
            "press “Evaluate the current model” or use “Retrain best N and test”."
        ).format(model=html.escape(model.short()))

    def _true_labels(self, evaluation) -> np.ndarray | None:
        ds = self.state.dataset
        rows = np.asarray(evaluation.rows)
        if (
            ds is None
            or rows.size != len(evaluation.probabilities)
            or (rows.size and rows.max() >= len(ds))
        ):
            return None
        splits = np.unique(ds.split[rows])
        self._split = {0: "train", 1: "test"}[int(splits[0])] if splits.size == 1 else "all"
        return ds.label[rows].astype(np.int64)

    def open_cell(self, true_label: int, predicted: int) -> None:
        """Show the reviews of one confusion cell in the Reviews tab."""
        if self.evaluation is None:
            return
        self.state.filter_requested.emit(
            {"split": self._split, "label": true_label, "predicted": predicted}
        )
        self.state.show_tab.emit("reviews")
