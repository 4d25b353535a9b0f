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
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
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
from gui.help.dialogs import glossary_button
from gui.tasks import TaskRunner, error_text, shutdown_tasks

NAMES = ("negative", "positive")
CELL_NAMES = (("True negatives", "False positives"), ("False negatives", "True positives"))
CLASS_COLOURS = {0: (214, 48, 49), 1: (46, 160, 67)}


class ConfusionMatrix(QWidget):
    """A 2x2 heatmap of clickable cells; ``cell_clicked(true_label, predicted_label)``."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("<b>Predicted →</b><br><b>True ↓</b>"), 0, 0)
        for j, name in enumerate(NAMES):
            grid.addWidget(
                QLabel(f"<b>{name}</b>", alignment=Qt.AlignmentFlag.AlignCenter), 0, j + 1
            )
            grid.addWidget(QLabel(f"<b>{name}</b>"), j + 1, 0)
        self.cells: list[list[QPushButton]] = []
        for t in range(2):
            row = []
            for p in range(2):
                button = QPushButton("—")
                button.setMinimumSize(150, 80)
                button.setToolTip(
                    f"Show these reviews (truly {NAMES[t]}, predicted {NAMES[p]}) "
                    "in the Reviews tab."
                )
                button.clicked.connect(lambda _=False, t=t, p=p: self.cell_clicked.emit(t, p))
                grid.addWidget(button, t + 1, p + 1)
                row.append(button)
            self.cells.append(row)

    def set_counts(self, confusion) -> None:
        counts = np.asarray(confusion, dtype=np.int64).reshape(2, 2)
        total = max(int(counts.sum()), 1)
        top = max(int(counts.max()), 1)
        for t in range(2):
            for p in range(2):
                n = int(counts[t, p])
                strength = n / top
                # A single blue scale, as a heatmap; dark cells get white text.
                colour = QColor.fromRgbF(
                    1 - 0.85 * strength, 1 - 0.55 * strength, 1 - 0.1 * strength
                )
                text_colour = "white" if strength > 0.55 else "black"
                button = self.cells[t][p]
                button.setText(f"{CELL_NAMES[t][p]}\n{n:,}\n{n / total:.1%}")
                button.setStyleSheet(
                    f"QPushButton {{ background: {colour.name()}; color: {text_colour};"
                    " border: 1px solid #8aa; font-size: 13px; }"
                    " QPushButton:hover { border: 2px solid #333; }"
                )


def evaluate_on_test(predictor, dataset, progress=None, cancel=None):
    """The predictor's :class:`Evaluation` on the test split (runs as a task)."""
    return evaluate_predictor(predictor, dataset, dataset.indices("test"))


class EvaluationView(QWidget):
    """Everything about the latest :class:`engine.model.training.Evaluation`, plus the lexicon."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluation_tab")
        self.state = state
        self.evaluation = None
        self._split = "test"

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.train_button = QPushButton("Go to the Train tab")
        self.train_button.setObjectName("evaluation_train_button")
        self.train_button.clicked.connect(lambda: state.show_tab.emit("train"))
        self.evaluate_button = QPushButton("Evaluate the current model on the test reviews")
        self.evaluate_button.setObjectName("evaluate_current_button")
        self.evaluate_button.setToolTip(
            "Score the model now in use (for example one restored "
            "at start-up, or an epoch picked with the scrubber) on "
            "the 25,000 test reviews."
        )
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
        for key, text in (
            ("accuracy", "accuracy"),
            ("loss", "loss"),
            ("precision", "precision"),
            ("recall", "recall"),
            ("roc_auc", "ROC AUC"),
            ("splits", "test set"),
        ):
            terms.addWidget(QLabel(text, styleSheet="color: #666;"))
            terms.addWidget(glossary_button(key, self))
        tools.addWidget(terms_widget)
        tools.addWidget(self.evaluate_button)
        tools.addWidget(self.train_button)
        top.addLayout(tools)

        self.matrix = ConfusionMatrix()
        self.matrix.cell_clicked.connect(self.open_cell)
        hint = QLabel("Click a cell to read those reviews.")
        hint.setStyleSheet("color: #666;")
        matrix_box = QVBoxLayout()
        matrix_box.addWidget(QLabel("<b>Confusion matrix</b>"))
        matrix_box.addWidget(self.matrix)
        matrix_box.addWidget(hint)
        matrix_box.addStretch(1)

        self.histogram = pg.PlotWidget(background="w")
        self.histogram.setTitle("P(positive) by true class", color="#333")
        self.histogram.setLabel("bottom", "P(positive)")
        self.histogram.setLabel("left", "reviews")
        self.histogram.addLegend(offset=(-10, 10))
        self.roc = pg.PlotWidget(background="w")
        self.roc.setTitle("ROC curve", color="#333")
        self.roc.setLabel("bottom", "false positive rate")
        self.roc.setLabel("left", "true positive rate")
        self.roc.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.02)
        self.roc.getPlotItem().getViewBox().setLimits(xMin=-0.05, xMax=1.05, yMin=-0.05, yMax=1.05)
        for plot in (self.histogram, self.roc):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(x=True, y=True, alpha=0.25)

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

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._rescore.shown()

    def _model_changed(self, _model) -> None:
        if self.state.evaluation is None:
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
        self.summary.setText(f"Evaluating {model.short()} on the test reviews…")
        self.tasks.submit(
            evaluate_on_test,
            model.predictor,
            self.state.dataset,
            on_done=lambda evaluation: self._evaluated(model, evaluation, save),
            on_failed=self._evaluation_failed,
            key="evaluate",
            what="Evaluating the model",
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
            message = error_text(exc, "Evaluating the model")
            self.summary.setText(f"Could not evaluate the model: {message}")

    def shutdown(self) -> bool:
        """Cancel and join the background evaluation; True when it has ended."""
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def set_evaluation(self, evaluation) -> None:
        self.evaluation = evaluation
        self.histogram.clear()
        self.roc.clear()
        self.train_button.setVisible(evaluation is None)
        self.matrix.setEnabled(evaluation is not None)
        if evaluation is None:
            self.summary.setText(self._no_evaluation_text())
            self.matrix.set_counts(np.zeros((2, 2)))
            return
        self.matrix.set_counts(evaluation.confusion)
        labels = self._true_labels(evaluation)
        model = self.state.model
        self.summary.setText(
            (f"<b>{html.escape(model.short().capitalize())}</b>: " if model is not None else "")
            + f"<b>{self._split.capitalize()} set, {int(np.sum(evaluation.confusion)):,} reviews</b> — "
            f"accuracy <b>{evaluation.accuracy:.1%}</b> · loss {evaluation.loss:.3f} · "
            f"precision {evaluation.precision:.1%} · recall {evaluation.recall:.1%} · "
            f"ROC AUC {evaluation.roc_auc:.3f}"
        )
        if labels is None:
            self.histogram.setTitle("Load the dataset to see the probability histogram.")
            return
        probs = np.asarray(evaluation.probabilities, dtype=np.float64)
        self._draw_histogram(labels, probs)
        fpr, tpr = roc_curve(labels, probs)
        self.roc.plot([0, 1], [0, 1], pen=pg.mkPen("#999", style=Qt.PenStyle.DashLine))
        self.roc.plot(fpr, tpr, pen=pg.mkPen("#1f5fa8", width=2))
        self.roc.setTitle(f"ROC curve (AUC = {evaluation.roc_auc:.3f})", color="#333")

    def _no_evaluation_text(self) -> str:
        model = self.state.model
        if model is None:
            return (
                "No evaluation yet. Train a model and test it (the book's "
                "protocol ends with a test on the 25,000 test reviews); the "
                "results appear here."
            )
        return (
            f"No evaluation yet of {html.escape(model.short())} (the current model): "
            "press “Evaluate the current model” or use “Retrain best N and test”."
        )

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

    def _draw_histogram(self, labels: np.ndarray, probs: np.ndarray) -> None:
        self.histogram.setTitle("P(positive) by true class", color="#333")
        edges = np.linspace(0, 1, 21)
        for cls in (0, 1):
            counts, _ = np.histogram(probs[labels == cls], bins=edges)
            r, g, b = CLASS_COLOURS[cls]
            self.histogram.plot(
                edges,
                counts,
                stepMode="center",
                fillLevel=0,
                brush=(r, g, b, 80),
                pen=pg.mkPen((r, g, b), width=2),
                name=f"truly {NAMES[cls]}",
            )

    def open_cell(self, true_label: int, predicted: int) -> None:
        """Show the reviews of one confusion cell in the Reviews tab."""
        if self.evaluation is None:
            return
        self.state.filter_requested.emit(
            {"split": self._split, "label": true_label, "predicted": predicted}
        )
        self.state.show_tab.emit("reviews")
