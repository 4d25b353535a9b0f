"""Starting and stopping training on the Train tab, and which run its plots show.

:class:`TrainingControl` is a mixin of :class:`gui.train.tab.TrainTab`: Train, Stop and
"Retrain best N and test" start or stop a :class:`gui.train.worker.TrainingWorker` (a task
of the tab's :class:`gui.tasks.TaskRunner`); a saved run chosen elsewhere (Runs tab,
relaunch) takes the plots when the tab is idle. What the worker reports is handled by
:class:`gui.train.training_events.TrainingEvents`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.model.config import ModelConfig
from engine.model.training import best_epoch
from engine.runs.history import EPOCH_FIELDS
from gui.common.counted import counted
from gui.common.localized import number
from gui.train.settings_panel import CUSTOM
from gui.train.worker import TrainingWorker


class TrainingControl:
    """Train / Stop / Retrain and the run on the plots, mixed into the Train tab."""

    def busy(self) -> bool:
        return self.worker is not None

    def request_training(self) -> bool:
        """Train now if TensorFlow and data are ready, otherwise as soon as they are."""
        if self.busy():
            return False
        dataset = self.state.dataset
        config = self.settings.config()
        if not self.state.tf_ready or dataset is None:
            self.pending_train = True
            self.state.status_message.emit(
                QCoreApplication.translate(
                    "TrainTab", "Training will start when TensorFlow and the dataset are ready."
                )
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
            words = config.num_words
            self._show_error(
                lambda: QCoreApplication.translate(
                    "TrainTab",
                    "This run used a {words}-word vocabulary: set Vocabulary to {words} "
                    "and train it again to retrain it.",
                ).format(words=number(words))
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
            # Named in the interface language, as the user would name it.
            preset = self.settings.preset_name()
            name = (
                self.settings.preset_combo.currentText()
                if preset != CUSTOM
                else config.summary_text()
            )
        else:
            name = counted("retrain_name", retrain_epochs).format(model=config.summary_text())
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
        summary = config.summary_text()

        def building() -> str:
            if retrain_epochs is not None:
                return counted("retrain_building", retrain_epochs)
            return QCoreApplication.translate(
                "TrainTab", "Training {model}: building the model..."
            ).format(model=summary)

        self.status.start(building, total, keep_result=self._retraining)
        if retrain_epochs is not None:
            started = counted("retrain_started", total)
        else:
            started = counted("train_started", total).format(model=summary)
        self.state.status_message.emit(started)
        self.training_started.emit(worker)
        worker.start(self.tasks)
        self._update_buttons()
        self.busy_changed.emit(True)
        return True

    def stop_training(self) -> None:
        if self.worker is not None:
            self.worker.stop()

            def stopping() -> str:
                return QCoreApplication.translate("TrainTab", "Stopping after the current batch...")

            self.status.say(stopping)
            self.state.status_message.emit(stopping())

    def _model_changed(self, model) -> None:
        # The scrubbed epoch is marked on the plots when they show that run (the plots,
        # built after the first paint, call this again).
        if not self.plots_built():
            return
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
        if self.plots_built():  # otherwise they show self.history when built
            self.plots.set_history(history, self.best_epoch)
        name, epochs, best = run.get("name") or run["id"], len(history["loss"]), self.best_epoch

        def showing() -> str:
            key = "saved_run_best" if best else "saved_run"
            return counted(key, epochs).format(name=name, best=best)

        self.status.say(showing)
        self._plotted_run_id = run["id"]
        if self.plots_built():
            self.overlay.redraw()  # the run now on the plots is not overlaid on itself
        self._model_changed(self.state.model)
        self._update_buttons()
        return True
