"""Background work for the window: training, dataset loading/downloading, TensorFlow warm-up.

Workers are QObjects moved to a QThread. They never touch widgets: everything they learn
goes out through signals with ``object`` payloads, which Qt queues to the GUI thread.
:class:`Job` owns one worker and its thread so the window can stop and join it.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from engine.errors import Cancelled, LabError
from gui.common.lexicon import WORDS as LEXICON_SIZE


def make_background_imports_safe() -> None:
    """Stop PySide6 from reading the source of every newly imported module.

    PySide6's import hook (``shibokensupport.feature``) calls ``inspect.getsource`` on each
    module imported after Qt, to support ``from __feature__ import ...``, which this app
    never uses. Workers import engine modules lazily while the GUI thread runs; when that
    import was TensorFlow's thousands of modules (before training moved to its own
    process) it crashed the interpreter ("Fatal Python error: none_dealloc"). Answering
    "no PySide here" skips the source reading for every import.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda module: False


make_background_imports_safe()


def error_text(exc: BaseException, what: str) -> str:
    """A readable one-paragraph message for ``exc``: LabError text as is, otherwise short."""
    if isinstance(exc, LabError):
        return str(exc)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # Keep TensorFlow's multi-kilobyte messages out of dialogs; the first line says enough.
    return f"{what} failed: {detail[:300]}"


class TrainingWorker(QObject):
    """Runs one training (or a retrain-and-test) in the training process and relays it.

    The work itself happens in :mod:`engine.service.process`'s child process, so TensorFlow never
    competes with the event loop for the GIL; this worker's thread only waits on the
    pipe and turns what arrives into signals.

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
    batch_progress = Signal(object)  # engine.model.training.BatchProgress
    weights_ready = Signal(object)  # (epoch, engine.model.predictor.Predictor | None)
    evaluation_ready = Signal(object)  # engine.model.training.Evaluation (retrain only)
    training_finished = Signal(object)  # engine.model.training.TrainResult
    training_failed = Signal(object)  # str, readable message
    done = Signal()  # after finished or failed: the thread may quit

    def __init__(
        self,
        dataset,
        config,
        store=None,
        name: str | None = None,
        retrain_epochs: int | None = None,
        service=None,
    ) -> None:
        super().__init__()
        self.dataset = dataset
        self.config = config
        self.store = store
        self.name = name
        self.retrain_epochs = retrain_epochs
        self.service = service
        self.cancel = threading.Event()
        self.completed = False
        self.final_predictor = None  # set before training_finished is emitted

    def stop(self) -> None:
        """Ask training to end after the current batch (safe from any thread)."""
        self.cancel.set()

    def _relay(self, kind: str, payload) -> None:
        signal = getattr(self, kind, None) if kind in RELAYED else None
        if signal is not None:
            signal.emit(payload)

    @Slot()
    def run(self) -> None:
        try:
            from engine.service.process import shared_service

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
                on_event=self._relay,
                cancel=self.cancel,
            )
            self.final_predictor = value["predictor"]
            self.training_finished.emit(value["result"])
        except Cancelled as exc:
            self.training_failed.emit(str(exc) or "Training was cancelled.")
        except Exception as exc:  # noqa: BLE001 - shown to the user; the app stays usable
            if not isinstance(exc, LabError):
                traceback.print_exc()
            self.training_failed.emit(error_text(exc, "Training"))
        finally:
            self.completed = True
            self.done.emit()


# Events from the training process that TrainingWorker passes on as its signals.
RELAYED = ("epoch_finished", "batch_progress", "weights_ready", "evaluation_ready")


class DataWorker(QObject):
    """Runs ``function(*args, progress=..., cancel=..., **kwargs)`` off the GUI thread.

    Used for loading the dataset, downloading the archive and warming up TensorFlow;
    the function follows the engine's progress/cancel convention.
    """

    progress = Signal(object)  # (fraction 0..1, message)
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # str, readable message ("" when cancelled)
    done = Signal()

    def __init__(
        self, function: Callable[..., Any], *args: Any, what: str = "The task", **kwargs: Any
    ) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.what = what
        self.cancel = threading.Event()
        self.completed = False

    def stop(self) -> None:
        self.cancel.set()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.emit((float(fraction), message))

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(
                *self.args, progress=self._progress, cancel=self.cancel, **self.kwargs
            )
            self.finished.emit(result)
        except Cancelled:
            self.failed.emit("")
        except Exception as exc:  # noqa: BLE001 - shown to the user as a message
            if not isinstance(exc, LabError):
                traceback.print_exc()
            self.failed.emit(error_text(exc, self.what))
        finally:
            self.completed = True
            self.done.emit()


def warm_up_tensorflow(progress=None, cancel=None) -> str:
    """Start the training process, where TensorFlow loads and runs one tiny fit.

    TensorFlow's first ``fit`` does one-time set-up (kernels, graph optimizers); doing it
    before Train is enabled means the user's first run starts at once.
    """
    from engine.service.process import shared_service

    return shared_service().start(progress=progress, cancel=cancel)


def repeat_in_service(
    dataset, config, *, count: int, store=None, name: str | None = None, progress=None, cancel=None
):
    """:func:`engine.runs.experiments.repeat_seeds` run in the training process."""
    from engine.service.process import shared_service

    def relay(kind, payload):
        if kind == "progress" and progress is not None:
            progress(*payload)

    return shared_service().call(
        "repeat_seeds",
        dataset,
        config,
        store=store,
        options={"count": count, "name": name},
        on_event=relay,
        cancel=cancel,
    )


class Job:
    """One worker running in its own QThread; stop() and wait() make closing safe.

    Connect the worker's and thread's signals to bound methods of QObjects that live in
    the GUI thread: PySide6 runs a lambda or partial in the emitting thread.
    """

    def __init__(self, worker: QObject, name: str) -> None:
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        # Direct: the GUI thread may be blocked in wait() while closing, so a queued
        # quit would never be delivered.
        worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> Job:
        self.thread.start()
        return self

    def running(self) -> bool:
        return self.thread.isRunning()

    def completed(self) -> bool:
        """True once the worker's function has returned (its thread is then quitting)."""
        return self.worker.completed

    def stop(self) -> None:
        self.worker.stop()

    def wait(self, ms: int) -> bool:
        """Join the thread for up to ``ms`` milliseconds; True when it has ended."""
        return self.thread.wait(ms) if self.thread.isRunning() else True
