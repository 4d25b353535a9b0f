"""The Train tab: dataset status and settings on the left, live plots and results on the right.

Training runs in a :class:`gui.train.worker.TrainingWorker` (a task of this tab's
:class:`gui.tasks.TaskRunner`); this tab only reacts to its signals, keeps the shared
:class:`gui.state.AppState` current (predictor after every epoch, run and evaluation at
the end) and never blocks the event loop. It hears about dataset loading and train/stop
requests through the state's signals, never from the window directly.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.data.own import dataset_info, skipped_text
from engine.model.config import ModelConfig, default_validation_size
from engine.model.training import best_epoch
from engine.runs.history import EPOCH_FIELDS
from gui.common.lexicon import LexiconWidget
from gui.common.save_dialog import save_file_name
from gui.current_model import CurrentModel, run_model
from gui.tasks import TaskRunner, shutdown_tasks
from gui.train.overlay import OverlayPainter
from gui.train.plots import HistoryPlots
from gui.train.run_status import RunStatus, clock
from gui.train.scrubber import EpochScrubber
from gui.train.settings_panel import CUSTOM, SettingsPanel
from gui.train.worker import TrainingOutcome, TrainingWorker

RETRAIN_TIP = (
    "As the book does: train a fresh model for the epoch count with the lowest\n"
    "validation loss on all 25,000 training reviews, then evaluate on the test set."
)


def end_text(status: str, reason: str, epochs: int, took: str, best: int | None) -> str:
    """One or two plain sentences for the end of a run (the status line and status bar)."""
    count = f"{epochs} epoch{'s' if epochs != 1 else ''}"
    if status == "stopped":
        text = f"Stopped by you after {count} ({took})."
        if best:
            text += (
                f" Lowest validation loss so far at epoch {best}; a longer run might "
                "find a later one."
            )
        return text
    if status == "failed":
        return f"Training failed after {count} ({took})."
    text = f"Finished {count} in {took}."
    if reason:  # early stopping: Keras's EarlyStopping ended the run
        text += f" {reason}"
    if best:
        text += f" Lowest validation loss at epoch {best}."
    return text


def own_data_html(dataset) -> str:
    """Your own reviews in the dataset panel: files, how train and test were split, labels
    and skipped rows; "" for the IMDB dataset."""
    info = dataset.extra.get("dataset") if isinstance(dataset.extra, dict) else None
    if not isinstance(info, dict) or info.get("kind", "imdb") == "imdb":
        return ""
    parts = [f"<br><b>Your reviews:</b> {html.escape(info['name'])} ({html.escape(info['split'])})"]
    parts.append(f"<br><b>Labels:</b> {html.escape(info.get('labels', ''))}")
    skipped = skipped_text(info.get("skipped") or {})
    if skipped:
        parts.append(f"<br><b>Skipped:</b> {html.escape(skipped)}")
    return "".join(parts)


class TrainTab(QWidget):
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

        self.dataset_label = QLabel("Looking for the dataset...")
        self.dataset_label.setObjectName("dataset_status_label")
        self.dataset_label.setWordWrap(True)
        self.dataset_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dataset_progress = QProgressBar()
        self.dataset_progress.setObjectName("dataset_load_progress")
        self.dataset_progress.setRange(0, 1000)
        self.dataset_progress.hide()
        self.change_dataset_button = QPushButton("Change dataset...")
        self.change_dataset_button.setObjectName("change_dataset_button")
        self.change_dataset_button.setToolTip(
            "Choose the dataset: the Stanford archive (or its aclImdb folder), or the "
            "book's own copy, keras.datasets.imdb."
        )
        self.change_dataset_button.clicked.connect(state.change_dataset_requested)
        data_box = QGroupBox("Dataset")
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.dataset_label)
        data_layout.addWidget(self.dataset_progress)
        data_layout.addWidget(self.change_dataset_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.settings = SettingsPanel()
        self.settings.config_changed.connect(self._update_buttons)
        self.train_button = QPushButton("Train")
        self.train_button.setObjectName("train_button")
        self.train_button.setToolTip("Train a fresh model with these settings (Ctrl+Enter).")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stop_button")
        self.stop_button.setToolTip(
            "End training after the current batch, keeping the model and history (Esc)."
        )
        self.retrain_button = QPushButton("Retrain best N and test")
        self.retrain_button.setObjectName("retrain_button")
        self.retrain_button.setToolTip(RETRAIN_TIP)
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

        self.plots = HistoryPlots()
        self.plots.export_loss_button.clicked.connect(
            lambda: self._export_png(self.plots.loss_plot)
        )
        self.plots.export_accuracy_button.clicked.connect(
            lambda: self._export_png(self.plots.accuracy_plot)
        )
        self.plots.export_csv_button.clicked.connect(self._export_csv)
        self.status = RunStatus()
        # Runs selected in the Runs tab are drawn over the live curves.
        self.overlay = OverlayPainter(
            self.plots.loss_plot,
            self.plots.accuracy_plot,
            legend=self.plots.overlay_legend,
            plotted=lambda: self._plotted_run_id,
        ).connect(state)
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
        self.insights.addTab(lexicon_scroll, "What the model learned")
        self.insights.addTab(self.scrubber, "Epoch scrubber")
        plots_and_insights = QSplitter(Qt.Orientation.Vertical)
        plots_and_insights.setObjectName("plots_splitter")
        plots_and_insights.addWidget(self.plots)
        plots_and_insights.addWidget(self.insights)
        plots_and_insights.setStretchFactor(0, 3)
        plots_and_insights.setStretchFactor(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plots_and_insights, 1)
        right_layout.addWidget(self.status)

        splitter = QSplitter()
        splitter.setObjectName("train_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([scroll.minimumWidth(), 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        state.dataset_changed.connect(self._dataset_changed)
        state.dataset_progress.connect(self._dataset_progress)
        state.dataset_failed.connect(self._dataset_failed)
        state.dataset_missing.connect(self._dataset_missing)
        state.tensorflow_ready.connect(self._ready_changed)
        state.train_requested.connect(self.request_training)
        state.stop_requested.connect(self.stop_training)
        state.model_changed.connect(self._model_changed)
        state.run_changed.connect(self._run_changed)
        self._dataset_changed(state.dataset)

    # --- state -------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.worker is not None

    def _train_size(self) -> int | None:
        dataset = self.state.dataset
        return int(len(dataset.indices("train"))) if dataset is not None else None

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
        if best and not self.best_is_final:
            self.retrain_button.setText(
                f"Retrain best so far ({best} epoch{'s' if best != 1 else ''}) and test"
            )
            self.retrain_button.setToolTip(
                "Training was stopped before the end, so the epoch with the lowest validation\n"
                f"loss may not be known yet: epoch {best} is only the best so far. Train the\n"
                "full run to find it, or retrain this many epochs on all 25,000 training\n"
                "reviews and evaluate on the test set."
            )
        else:
            self.retrain_button.setText(
                f"Retrain best {best} epoch{'s' if best != 1 else ''} and test"
                if best
                else "Retrain best N and test"
            )
            self.retrain_button.setToolTip(RETRAIN_TIP)
        self.retrain_button.setEnabled(bool(ready and not busy and best))
        if not self.state.tf_ready:
            self.train_button.setToolTip("TensorFlow is still loading...")
        else:
            self.train_button.setToolTip("Train a fresh model with these settings (Ctrl+Enter).")

    def _dataset_changed(self, dataset) -> None:
        self.dataset_progress.hide()
        if dataset is None:
            self.dataset_label.setText("No dataset loaded.")
        else:
            counts = dataset.counts
            source = dataset.source or "unknown source"
            self.dataset_label.setText(
                f"<b>Source:</b> {html.escape(source)}<br><b>Reviews:</b> {counts['train']:,} "
                f"train, {counts['test']:,} test<br><b>Vocabulary:</b> "
                f"{len(dataset.vocab):,} words (top {dataset.num_words:,})"
                + own_data_html(dataset)
                + (f"<br><b>Note:</b> {html.escape(dataset.warning)}" if dataset.warning else "")
            )
            self.dataset_label.setToolTip(source)
            self._suggest_validation(dataset)
        self._ready_changed()

    def _suggest_validation(self, dataset) -> None:
        """A new dataset gets the default validation size: the book's 10,000 when the
        training split has 25,000 reviews or more, else 40% of it (editable as ever)."""
        fingerprint = dataset_info(dataset).get("fingerprint")
        if fingerprint == getattr(self, "_validation_for", None):
            return  # the same data re-indexed (another vocabulary size): keep the user's value
        first = getattr(self, "_validation_for", None) is None
        self._validation_for = fingerprint
        suggested = default_validation_size(len(dataset.indices("train")))
        config = self.settings.config()
        if first and config.validation_size < len(dataset.indices("train")):
            return  # the saved setting fits the data the app opened with
        self.settings.set_config(config.replace(validation_size=suggested))

    def _ready_changed(self, *_args) -> None:
        self._update_buttons()
        if self.pending_train and self.state.tf_ready and self.state.dataset is not None:
            self.pending_train = False
            self.request_training()

    def _dataset_progress(self, payload) -> None:
        fraction, message = payload
        self.dataset_progress.show()
        self.dataset_progress.setValue(int(fraction * 1000))
        self.dataset_label.setText(message)

    def _dataset_failed(self, message: str) -> None:
        self.pending_train = False
        self._dataset_changed(self.state.dataset)
        if message and self.state.dataset is not None:
            self._show_error(message)

    def _dataset_missing(self) -> None:
        self.dataset_progress.hide()
        self.dataset_label.setText("No dataset found.")

    # --- training ----------------------------------------------------------------------

    def request_training(self) -> bool:
        """Train now if TensorFlow and data are ready, otherwise as soon as they are."""
        if self.busy():
            return False
        dataset = self.state.dataset
        config = self.settings.config()
        if not self.state.tf_ready or dataset is None:
            self.pending_train = True
            self.state.status_message.emit(
                "Training will start when TensorFlow and the dataset are ready."
            )
            return False
        message = self.settings.validate(self._train_size())
        if message:
            self._show_error(message)
            return False
        if config.num_words != dataset.num_words:
            self.pending_train = True
            self.state.dataset_requested.emit(config.num_words)
            return False
        return self._start(config, retrain_epochs=None)

    def retrain_best(self) -> bool:
        if self.busy() or not self.best_epoch or self.state.dataset is None:
            return False
        config = self._config or self.settings.config()
        if config.num_words != self.state.dataset.num_words:  # a saved run with another vocabulary
            self._show_error(
                f"This run used a {config.num_words:,}-word vocabulary: set "
                f"Vocabulary to {config.num_words:,} and train it again to retrain it."
            )
            return False
        return self._start(config, retrain_epochs=self.best_epoch)

    def _start(self, config, retrain_epochs: int | None) -> bool:
        self._config = config
        self._retraining = retrain_epochs is not None
        self._evaluation = None
        if not self._retraining:
            self.history = {}
            self.best_epoch = None
            self._plotted_run_id = None
            self.best_is_final = True
            self.plots.clear()
            preset = self.settings.preset_combo.currentText()
            name = preset if preset != CUSTOM else config.summary_text()
        else:
            name = f"Retrain {retrain_epochs} epochs and test ({config.summary_text()})"
        self._run_name = name
        worker = TrainingWorker(
            self.state.dataset,
            config,
            store=self.store,
            name=name,
            retrain_epochs=retrain_epochs,
            parent=self,
        )
        worker.epoch_finished.connect(self._epoch_finished)
        worker.batch_progress.connect(self._batch_progress)
        worker.weights_ready.connect(self._weights_ready)
        worker.evaluation_ready.connect(self._evaluation_ready)
        worker.training_finished.connect(self._training_finished)
        worker.training_failed.connect(self._training_failed)
        worker.done.connect(self._worker_done)
        self.worker = worker
        total = retrain_epochs or config.epochs
        what = (
            f"Retraining for {retrain_epochs} epochs on all training reviews"
            if self._retraining
            else f"Training {config.summary_text()}"
        )
        self.status.start(f"{what}: building the model...", total, keep_result=self._retraining)
        self.state.status_message.emit(f"{what} ({total} epochs)...")
        self.training_started.emit(worker)
        worker.start(self.tasks)
        self._update_buttons()
        self.busy_changed.emit(True)
        return True

    def _model_changed(self, model) -> None:
        # The scrubbed epoch is marked on the plots when they show that run.
        epoch = None
        if model is not None and not model.training and model.run_id == self._plotted_run_id:
            epoch = model.epoch
        self.plots.mark_epoch(epoch)

    def _run_changed(self, run) -> None:
        # Another run became the current model's (Runs tab, relaunch): show its curves, so
        # the plots, the scrubber and the model line talk about the same run. (Right after
        # "Retrain best N and test" the tab is still busy: the validation run stays shown.)
        if run is None or self.busy() or run.get("id") == self._plotted_run_id:
            return
        self.show_run(run, replace=True)

    def show_run(self, run: dict | None, replace: bool = False) -> bool:
        """Show a recorded run's curves when nothing else is on the plots (start-up restore),
        or in place of what is there with ``replace``.

        Its best epoch and configuration also become what "Retrain best N and test" uses.
        """
        if run is None or self.store is None or self.busy() or (self.history and not replace):
            return False
        history: dict[str, list[float]] = {}
        for row in self.store.epochs(run["id"]):
            for key in EPOCH_FIELDS:
                if row.get(key) is not None:
                    history.setdefault(key, []).append(float(row[key]))
        if not history.get("loss"):
            return False
        self.history, self.best_epoch = history, best_epoch(history)
        self.best_is_final = run.get("status") != "stopped"
        self._config = ModelConfig.from_run(run)
        self.plots.set_history(history, self.best_epoch)
        text = (
            f"Showing the saved run “{run.get('name') or run['id']}”: {len(history['loss'])} epochs"
        )
        if self.best_epoch:
            text += f", lowest validation loss at epoch {self.best_epoch}"
        self.status.progress_label.setText(text + ". Press Train for a new run.")
        self._plotted_run_id = run["id"]
        self.overlay.redraw()  # the run now on the plots is not overlaid on itself
        self._model_changed(self.state.model)
        self._update_buttons()
        return True

    def stop_training(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.status.progress_label.setText("Stopping after the current batch...")
            self.state.status_message.emit("Stopping after the current batch...")

    def shutdown(self) -> bool:
        """Stop training and every background task and join them; True when all ended."""
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def _epoch_finished(self, metrics: dict) -> None:
        if self._retraining:
            self.status.progress_label.setText(
                f"Retraining: epoch {metrics['epoch']} done, "
                f"loss {metrics['loss']:.4f}, accuracy {metrics['accuracy']:.4f}"
            )
            return
        for key in ("loss", "accuracy", "val_loss", "val_accuracy", "seconds"):
            if key in metrics:
                self.history.setdefault(key, []).append(float(metrics[key]))
        self.best_epoch = best_epoch(self.history)
        self.plots.set_history(self.history, self.best_epoch)
        text = f"Epoch {metrics['epoch']}: loss {metrics['loss']:.4f}, accuracy {metrics['accuracy']:.4f}"
        if "val_loss" in metrics:
            text += (
                f", val_loss {metrics['val_loss']:.4f}, val_accuracy {metrics['val_accuracy']:.4f}"
            )
        self.state.status_message.emit(text)

    def _batch_progress(self, progress) -> None:
        self.status.show_batch(progress)

    def _weights_ready(self, payload) -> None:
        # Every epoch's weights become the current model, named as still training.
        epoch, predictor = payload
        if predictor is not None:
            config = self._config
            total = self.worker.retrain_epochs if self.worker is not None else None
            self.state.set_model(
                CurrentModel(
                    predictor,
                    epoch=epoch,
                    epochs=total or (config.epochs if config else None),
                    training=True,
                    label="retraining on all training reviews"
                    if self._retraining
                    else "new training",
                    config=config.replace(validation_size=0) if self._retraining else config,
                )
            )

    def _evaluation_ready(self, evaluation) -> None:
        # The test result of the retrained model: it is shown with that model, at the end.
        self._evaluation = evaluation

    def _training_finished(self, outcome: TrainingOutcome) -> None:
        result, predictor = outcome
        run = None
        if self.store is not None and result.run_id is not None:
            run = self.store.get_run(result.run_id)
        if predictor is not None:
            if run is not None:
                model = run_model(self.store, run, predictor)
                if model.test is None and result.test:
                    model = model.with_test(result.test)
            else:
                model = CurrentModel(
                    predictor,
                    epochs=len((result.history or {}).get("loss", [])) or None,
                    test=result.test,
                    label=self._run_name,
                    config=result.config if result.config is not None else self._config,
                )
            self.state.set_model(model, evaluation=self._evaluation)
        elif run is not None:
            self.state.set_run(run)
        self._evaluation = None
        seconds = self.status.elapsed()
        if self._retraining:
            self.status.show_result(result.test, self.best_epoch, self._test_count())
        else:
            self._plotted_run_id = result.run_id
            if result.history:
                self.history = {k: list(v) for k, v in result.history.items()}
            self.best_epoch = result.best_epoch or best_epoch(self.history)
            self.plots.set_history(self.history, self.best_epoch)
        epochs = len((result.history or {}).get("loss", [])) or self.status.epoch_seen
        verb = {"finished": "Finished", "stopped": "Stopped"}.get(result.status, "Ended")
        if not self._retraining:
            # Stopped by the user, the lowest validation loss so far may not be the lowest.
            self.best_is_final = result.status == "finished"
        text = end_text(
            result.status,
            result.reason,
            epochs,
            clock(seconds),
            None if self._retraining else self.best_epoch,
        )
        self._update_buttons()
        if result.status == "failed":
            self._show_error(result.reason or "Training failed.")
        self.status.show_end(verb, text, complete=result.status == "finished")
        self.state.status_message.emit(text)

    def _test_count(self) -> str:
        dataset = self.state.dataset
        return f"{len(dataset.indices('test')):,}" if dataset is not None else "test"

    def _training_failed(self, message: str) -> None:
        self._show_error(message or "Training was cancelled.")
        # The bar must not go on showing the epoch and batch the run died in.
        self.status.show_end("Did not complete", "Training did not complete.", complete=False)
        self.state.status_message.emit(message or "Training was cancelled.")

    def _show_error(self, message: str) -> None:
        self.status.show_error(message)

    def _worker_done(self) -> None:
        self.worker = None
        self._update_buttons()
        self.busy_changed.emit(False)

    # --- export --------------------------------------------------------------------------

    def _export_png(self, plot) -> None:
        path = save_file_name(self, "Export plot", f"{plot.key}.png", "PNG image (*.png)")
        if path:
            plot.export_png(path)
            self.state.status_message.emit(f"Saved {path}")

    def _export_csv(self) -> None:
        path = save_file_name(self, "Export history", "history.csv", "CSV (*.csv)")
        if path:
            self.plots.export_csv(path)
            self.state.status_message.emit(f"Saved {path}")
