"""The training worker: relays one training in the training process as Qt signals.

The work itself happens in :mod:`engine.service.process`'s child process, so TensorFlow
never competes with the event loop for the GIL. :meth:`TrainingWorker.start` runs the
waiting-on-the-pipe part as a :class:`gui.tasks.TaskRunner` task; the worker object stays
on the GUI thread, so its signals reach slots there as queued events.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from engine.errors import Cancelled
from engine.service.process import shared_service
from gui.common.lexicon import WORDS as LEXICON_SIZE
from gui.tasks import Task, TaskRunner, error_text

# Events from the training process that TrainingWorker passes on as its signals.
RELAYED = ("epoch_finished", "batch_progress", "weights_ready", "evaluation_ready")


class TrainingOutcome(NamedTuple):
    """The ``training_finished`` payload: the run's result and its final model."""

    result: Any  # engine.model.training_records.TrainResult
    predictor: Any  # engine.model.predictor.Predictor | None


class TrainingWorker(QObject):
    """Runs one training (or a retrain-and-test) in the training process and relays it.

    Args:
        dataset: the loaded :class:`engine.data.dataset.Dataset`.
        config: the :class:`engine.model.config.ModelConfig` to train.
        store: a :class:`engine.runs.history.RunStore` that records the run, or None.
        name: the run's name in the history.
        retrain_epochs: when given, ``retrain_and_test`` with this many epochs on all
            training reviews, then an evaluation on the test split (``evaluation_ready``).
        service: the :class:`engine.service.process.TrainingService` (default: the shared one).
    """

    epoch_finished = Signal(object)  # EpochMetrics dict
    batch_progress = Signal(object)  # engine.model.training_records.BatchProgress
    weights_ready = Signal(object)  # (epoch, engine.model.predictor.Predictor | None)
    evaluation_ready = Signal(object)  # engine.model.training.Evaluation (retrain only)
    training_finished = Signal(object)  # TrainingOutcome
    training_failed = Signal(object)  # str, readable message
    done = Signal()  # after finished or failed

    def __init__(
        self,
        dataset,
        config,
        store=None,
        name: str | None = None,
        retrain_epochs: int | None = None,
        service=None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.config = config
        self.store = store
        self.name = name
        self.retrain_epochs = retrain_epochs
        self.service = service
        self.task: Task | None = None

    def start(self, runner: TaskRunner) -> Task | None:
        """Start training as a task of ``runner`` (which joins it when its owner closes)."""
        self.task = runner.submit(
            self._train,
            on_done=self._finished,
            on_failed=self._failed,
            what=self.tr("Training"),
        )
        return self.task

    def stop(self) -> None:
        """Ask training to end after the current batch (safe from any thread)."""
        if self.task is not None:
            self.task.cancel.set()

    def running(self) -> bool:
        return self.task is not None and self.task.running()

    def _train(self, progress=None, cancel=None) -> TrainingOutcome:
        """Runs in the task's thread: waits on the training process, relaying its events."""

        def relay(kind: str, payload) -> None:
            if kind in RELAYED:
                getattr(self, kind).emit(payload)

        service = self.service or shared_service()
        options = {
            "name": self.name,
            "retrain_epochs": self.retrain_epochs,
            "lexicon_size": LEXICON_SIZE,
        }
        value = service.call(
            "train",
            self.dataset,
            self.config,
            store=self.store,
            options=options,
            on_event=relay,
            cancel=cancel,
        )
        return TrainingOutcome(value["result"], value["predictor"])

    def _finished(self, outcome: TrainingOutcome) -> None:
        self.training_finished.emit(outcome)
        self.done.emit()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            message = str(exc) or self.tr("Training was cancelled.")
        else:
            message = error_text(exc, self.tr("Training"))
        self.training_failed.emit(message)
        self.done.emit()
