"""The Train tab: dataset status and settings on the left, live plots and results on the right.

Training runs in a :class:`gui.train.worker.TrainingWorker` (a task of this tab's
:class:`gui.tasks.TaskRunner`); this tab only reacts to its signals, keeps the shared
:class:`gui.state.AppState` current (predictor after every epoch, run and evaluation at
the end) and never blocks the event loop. It hears about dataset loading and train/stop
requests through the state's signals, never from the window directly.

This module lays the tab out, enables its buttons and exports the plots; the rest is in
its mixins: :class:`gui.train.dataset_panel.DatasetPanel` (the dataset box),
:class:`gui.train.training_control.TrainingControl` (Train, Stop, Retrain, the run on the
plots) and :class:`gui.train.training_events.TrainingEvents` (the worker's reports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.common.lexicon import LexiconWidget
from gui.common.localized import plural
from gui.common.save_dialog import save_file_name
from gui.common.translate import Retranslating
from gui.tasks import TaskRunner, shutdown_tasks
from gui.train.dataset_panel import DatasetPanel
from gui.train.run_status import RunStatus
from gui.train.scrubber import EpochScrubber
from gui.train.settings_panel import SettingsPanel
from gui.train.training_control import TrainingControl
from gui.train.training_events import TrainingEvents
from gui.train.worker import TrainingWorker

if TYPE_CHECKING:
    from gui.train.overlay import OverlayPainter
    from gui.train.plots import HistoryPlots


class TrainTab(Retranslating, DatasetPanel, TrainingControl, TrainingEvents, QWidget):
    """Train / Stop / Retrain-and-test with live plots; see the module docstring."""

    busy_changed = Signal(bool)
    training_started = Signal(object)  # the TrainingWorker, before its task starts

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("train_tab")
        self.state = state
        self.store = state.store
        self.tasks = TaskRunner(self)
        self.worker: TrainingWorker | None = None
        self.history: dict[str, list[float]] = {}
        self.best_epoch: int | None = None
        self.pending_train = False
        self.best_is_final = True  # False after a run stopped by the user
        self._config = None
        self._retraining = False
        self._run_name = ""
        self._evaluation = None  # the retrained model's test evaluation, until it is current
        self._plotted_run_id: int | None = None  # the run whose curves the plots show
        self._plots: HistoryPlots | None = None  # built by the ``plots`` property
        self._overlay: OverlayPainter | None = None
        self._overlay_payload: dict | None = None  # what to overlay once the plots exist

        left, left_width = self._build_controls(state)
        right = self._build_results(state)
        splitter = QSplitter()
        splitter.setObjectName("train_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([left_width, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._connect_dataset_signals(state)
        state.train_requested.connect(self.request_training)
        state.stop_requested.connect(self.stop_training)
        state.model_changed.connect(self._model_changed)
        state.run_changed.connect(self._run_changed)
        state.overlay_runs.connect(self._overlay_runs)
        self._dataset_changed(state.dataset)
        self.retranslate()

    def retranslate(self) -> None:
        self.train_button.setText(self.tr("Train"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(
            self.tr("End training after the current batch, keeping the model and history (Esc).")
        )
        self.insights.setTabText(0, self.tr("What the model learned"))
        self.insights.setTabText(1, self.tr("Epoch scrubber"))
        self._retranslate_dataset_box()
        self._update_buttons()
        if self._overlay is not None:
            self._overlay.redraw()  # the overlaid runs' legend

    # --- layout ------------------------------------------------------------------------

    def _build_controls(self, state) -> tuple[QWidget, int]:
        """The left pane: dataset box and settings (scrolling), Train/Stop and Retrain;
        returns it with the width it needs."""
        data_box = self._build_dataset_box(state)

        self.settings = SettingsPanel()
        self.settings.config_changed.connect(self._update_buttons)
        self.train_button = QPushButton()
        self.train_button.setObjectName("train_button")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop_button")
        self.retrain_button = QPushButton()
        self.retrain_button.setObjectName("retrain_button")
        self.train_button.clicked.connect(self.request_training)
        self.stop_button.clicked.connect(self.stop_training)
        self.retrain_button.clicked.connect(self.retrain_best)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.stop_button):
            button.setMinimumHeight(32)
            buttons.addWidget(button)

        left_inner = QWidget()
        left_layout = QVBoxLayout(left_inner)
        left_layout.addWidget(data_box)
        left_layout.addWidget(self.settings)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left_inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wide enough for the form and the model summary without a horizontal scroll bar.
        scroll.setMinimumWidth(
            left_inner.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )
        left = QWidget()
        left_outer = QVBoxLayout(left)
        left_outer.setContentsMargins(0, 0, 0, 0)
        left_outer.addWidget(scroll, 1)
        left_outer.addLayout(buttons)
        left_outer.addWidget(self.retrain_button)
        return left, scroll.minimumWidth()

    def _build_results(self, state) -> QWidget:
        """The right pane: the plots over the lexicon and epoch scrubber, then the status.

        The plots (pyqtgraph) are a placeholder until :attr:`plots` is first used: the
        window builds them right after its first paint, which they would delay by about
        0.3 s (pyqtgraph's import and two plot widgets).
        """
        self._plots_placeholder = QWidget(objectName="plots_placeholder")
        self.status = RunStatus()
        # Under the plots: what the network learns (lexicon, every epoch) and the epoch
        # scrubber with the reviews whose verdict flips once it overfits.
        self.lexicon = LexiconWidget(state)
        self.lexicon.setObjectName("train_lexicon")
        self.scrubber = EpochScrubber(state)
        self.scrubber.setObjectName("epoch_scrubber")
        self.insights = QTabWidget()
        self.insights.setObjectName("train_insights_tabs")
        # The pane under the plots can be short on a laptop screen: scroll, never clip.
        lexicon_scroll = QScrollArea()
        lexicon_scroll.setObjectName("train_lexicon_scroll")
        lexicon_scroll.setWidgetResizable(True)
        lexicon_scroll.setFrameShape(QFrame.Shape.NoFrame)
        lexicon_scroll.setWidget(self.lexicon)
        self.insights.addTab(lexicon_scroll, "")  # titles in retranslate()
        self.insights.addTab(self.scrubber, "")
        plots_and_insights = QSplitter(Qt.Orientation.Vertical)
        plots_and_insights.setObjectName("plots_splitter")
        plots_and_insights.addWidget(self._plots_placeholder)
        self._plots_splitter = plots_and_insights
        plots_and_insights.addWidget(self.insights)
        plots_and_insights.setStretchFactor(0, 3)
        plots_and_insights.setStretchFactor(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plots_and_insights, 1)
        right_layout.addWidget(self.status)
        return right

    @property
    def plots(self) -> HistoryPlots:
        """The loss and accuracy plots, built on first use (see :meth:`_build_results`)."""
        if self._plots is None:
            self._build_plots()
        assert self._plots is not None
        return self._plots

    @property
    def overlay(self) -> OverlayPainter:
        """Draws the runs selected in the Runs tab over the plots (built with them)."""
        if self._overlay is None:
            self._build_plots()
        assert self._overlay is not None
        return self._overlay

    def plots_built(self) -> bool:
        return self._plots is not None

    def _build_plots(self) -> None:
        from gui.train.overlay import OverlayPainter
        from gui.train.plots import HistoryPlots

        plots = HistoryPlots()
        self._plots = plots
        plots.export_loss_button.clicked.connect(lambda: self._export_png(plots.loss_plot))
        plots.export_accuracy_button.clicked.connect(lambda: self._export_png(plots.accuracy_plot))
        plots.export_csv_button.clicked.connect(self._export_csv)
        # Runs selected in the Runs tab are drawn over the live curves.
        self._overlay = OverlayPainter(
            plots.loss_plot,
            plots.accuracy_plot,
            legend=plots.overlay_legend,
            plotted=lambda: self._plotted_run_id,
        )
        sizes = self._plots_splitter.sizes()
        old = self._plots_splitter.replaceWidget(0, plots)
        if old is not None:
            old.deleteLater()
        self._plots_splitter.setSizes(sizes)
        # What happened before: a restored run's curves, the scrubbed epoch, the overlay.
        if self.history:
            plots.set_history(self.history, self.best_epoch)
        self._model_changed(self.state.model)
        if self._overlay_payload:
            self._overlay.show(self._overlay_payload)

    def _overlay_runs(self, payload) -> None:
        self._overlay_payload = payload
        if self._overlay is not None:
            self._overlay.show(payload)

    # --- buttons -----------------------------------------------------------------------

    def _update_buttons(self, *_args) -> None:
        message = self.settings.validate(self._train_size())
        self.settings.error_label.setText(message)
        self.settings.error_label.setVisible(bool(message))
        ready = self.state.tf_ready and self.state.dataset is not None
        busy = self.busy()
        self.train_button.setEnabled(ready and not busy and not message)
        self.stop_button.setEnabled(busy)
        self.settings.setEnabled(not busy)
        self.change_dataset_button.setEnabled(not busy)
        best = self.best_epoch
        retrain_tip = self.tr(
            "As the book does: train a fresh model for the epoch count with the lowest\n"
            "validation loss on all 25,000 training reviews, then evaluate on the test set."
        )
        if best and not self.best_is_final:
            self.retrain_button.setText(
                plural(self.tr("Retrain best so far (%n epoch(s)) and test", "", best), best)
            )
            self.retrain_button.setToolTip(
                self.tr(
                    "Training was stopped before the end, so the epoch with the lowest validation\n"
                    "loss may not be known yet: epoch {best} is only the best so far. Train the\n"
                    "full run to find it, or retrain this many epochs on all 25,000 training\n"
                    "reviews and evaluate on the test set."
                ).format(best=best)
            )
        else:
            self.retrain_button.setText(
                plural(self.tr("Retrain best %n epoch(s) and test", "", best), best)
                if best
                else self.tr("Retrain best N and test")
            )
            self.retrain_button.setToolTip(retrain_tip)
        self.retrain_button.setEnabled(bool(ready and not busy and best))
        if not self.state.tf_ready:
            self.train_button.setToolTip(self.tr("TensorFlow is still loading..."))
        else:
            self.train_button.setToolTip(
                self.tr("Train a fresh model with these settings (Ctrl+Enter).")
            )

    def shutdown(self) -> bool:
        """Stop training and every background task and join them; True when all ended."""
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # --- export --------------------------------------------------------------------------

    def _export_png(self, plot) -> None:
        path = save_file_name(
            self, self.tr("Export plot"), f"{plot.key}.png", self.tr("PNG image (*.png)")
        )
        if path:
            plot.export_png(path)
            self.state.status_message.emit(self.tr("Saved {path}").format(path=path))

    def _export_csv(self) -> None:
        path = save_file_name(
            self, self.tr("Export history"), "history.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.plots.export_csv(path)
            self.state.status_message.emit(self.tr("Saved {path}").format(path=path))
