"""What the Train tab does with a training worker's reports: epochs, weights, the end.

:class:`TrainingEvents` is a mixin of :class:`gui.train.tab.TrainTab`: it draws each epoch
on the plots, makes every epoch's weights the current model (named as still training),
and at the end publishes the finished model with its run and test evaluation through
:class:`gui.state.AppState`, then says how the run ended (:func:`end_text`).
"""

from __future__ import annotations

from engine.model.training import best_epoch
from gui.current_model import CurrentModel, run_model
from gui.train.run_status import clock
from gui.train.worker import TrainingOutcome


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


class TrainingEvents:
    """The training worker's signals, handled on the GUI thread; mixed into the Train tab."""

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
