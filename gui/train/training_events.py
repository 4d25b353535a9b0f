"""What the Train tab does with a training worker's reports: epochs, weights, the end.

:class:`TrainingEvents` is a mixin of :class:`gui.train.tab.TrainTab`: it draws each epoch
on the plots, makes every epoch's weights the current model (named as still training),
and at the end publishes the finished model with its run and test evaluation through
:class:`gui.state.AppState`, then says how the run ended (:func:`end_text`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.model.training import best_epoch
from gui.common.counted import counted
from gui.common.localized import decimal, number
from gui.current_model import CurrentModel, run_model
from gui.train.run_status import clock
from gui.train.worker import TrainingOutcome


def end_text(status: str, reason: str, epochs: int, took: str, best: int | None) -> str:
    """One or two plain sentences for the end of a run (the status line and status bar)."""
    if status == "stopped":
        text = counted("stopped", epochs).format(took=took)
        if best:
            text += " " + QCoreApplication.translate(
                "TrainTab",
                "Lowest validation loss so far at epoch {best}; a longer run might find a "
                "later one.",
            ).format(best=best)
        return text
    if status == "failed":
        return counted("failed", epochs).format(took=took)
    text = counted("finished", epochs).format(took=took)
    if reason:  # early stopping: Keras's EarlyStopping ended the run
        text += f" {reason}"
    if best:
        text += " " + QCoreApplication.translate(
            "TrainTab", "Lowest validation loss at epoch {best}."
        ).format(best=best)
    return text


class TrainingEvents:
    """The training worker's signals, handled on the GUI thread; mixed into the Train tab."""

    def _epoch_finished(self, metrics: dict) -> None:
        if self._retraining:
            epoch, loss, accuracy = metrics["epoch"], metrics["loss"], metrics["accuracy"]
            self.status.say(
                lambda: QCoreApplication.translate(
                    "TrainTab", "Retraining: epoch {epoch} done, loss {loss}, accuracy {accuracy}"
                ).format(epoch=epoch, loss=decimal(loss, 4), accuracy=decimal(accuracy, 4))
            )
            return
        for key in ("loss", "accuracy", "val_loss", "val_accuracy", "seconds"):
            if key in metrics:
                self.history.setdefault(key, []).append(float(metrics[key]))
        self.best_epoch = best_epoch(self.history)
        self.plots.set_history(self.history, self.best_epoch)
        values = {
            "epoch": metrics["epoch"],
            "loss": decimal(metrics["loss"], 4),
            "accuracy": decimal(metrics["accuracy"], 4),
        }
        if "val_loss" in metrics:
            text = QCoreApplication.translate(
                "TrainTab",
                "Epoch {epoch}: loss {loss}, accuracy {accuracy}, "
                "val_loss {val_loss}, val_accuracy {val_accuracy}",
            ).format(
                val_loss=decimal(metrics["val_loss"], 4),
                val_accuracy=decimal(metrics["val_accuracy"], 4),
                **values,
            )
        else:
            text = QCoreApplication.translate(
                "TrainTab", "Epoch {epoch}: loss {loss}, accuracy {accuracy}"
            ).format(**values)
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
        status = result.status
        if not self._retraining:
            # Stopped by the user, the lowest validation loss so far may not be the lowest.
            self.best_is_final = result.status == "finished"
        took, best = clock(seconds), None if self._retraining else self.best_epoch

        def text() -> str:
            return end_text(status, result.reason, epochs, took, best)

        def verb() -> str:
            if status == "finished":
                return QCoreApplication.translate("TrainTab", "Finished")
            if status == "stopped":
                return QCoreApplication.translate("TrainTab", "Stopped")
            return QCoreApplication.translate("TrainTab", "Ended")

        self._update_buttons()
        if status == "failed":
            self._show_error(
                result.reason
                or (lambda: QCoreApplication.translate("TrainTab", "Training failed."))
            )
        self.status.show_end(verb, text, complete=status == "finished")
        self.state.status_message.emit(text())

    def _test_count(self):
        """The number of test reviews, as a function writing it in the current language."""
        dataset = self.state.dataset
        if dataset is None:
            return lambda: QCoreApplication.translate("TrainTab", "test")
        count = len(dataset.indices("test"))
        return lambda: number(count)

    def _training_failed(self, message: str) -> None:
        cancelled = lambda: QCoreApplication.translate(  # noqa: E731
            "TrainTab", "Training was cancelled."
        )
        self._show_error(message or cancelled)
        # The bar must not go on showing the epoch and batch the run died in.
        self.status.show_end(
            lambda: QCoreApplication.translate("TrainTab", "Did not complete"),
            lambda: QCoreApplication.translate("TrainTab", "Training did not complete."),
            complete=False,
        )
        self.state.status_message.emit(message or cancelled())

    def _show_error(self, message) -> None:
        self.status.show_error(message)

    def _worker_done(self) -> None:
        self.worker = None
        self._update_buttons()
        self.busy_changed.emit(False)
