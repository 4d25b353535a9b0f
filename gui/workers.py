"""Background work for the window: training, dataset loading/downloading, TensorFlow warm-up.

Workers are QObjects moved to a QThread. They never touch widgets: everything they learn
goes out through signals with ``object`` payloads, which Qt queues to the GUI thread.
:class:`Job` owns one worker and its thread so the window can stop and join it.
"""

from __future__ import annotations

import sys
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from engine.errors import Cancelled, LabError
from gui.lexicon import WORDS as LEXICON_SIZE


def make_background_imports_safe() -> None:
    """Stop PySide6 from reading the source of every newly imported module.

    PySide6's import hook (``shibokensupport.feature``) calls ``inspect.getsource`` on each
    module imported after Qt, to support ``from __feature__ import ...``, which this app
    never uses. Importing TensorFlow's thousands of modules in a worker thread while the
    GUI thread runs then crashes the interpreter ("Fatal Python error: none_dealloc") and
    slows the import; answering "no PySide here" skips the source reading entirely.
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
    """Runs one :class:`engine.training.Trainer` (or a retrain-and-test) off the GUI thread.

    Args:
        dataset: the loaded :class:`engine.data.Dataset`.
        config: the :class:`engine.config.ModelConfig` to train.
        store: a :class:`engine.history.RunStore` that records the run, or None.
        name: the run's name in the history.
        retrain_epochs: when given, ``retrain_and_test`` with this many epochs on all
            training reviews, then an evaluation on the test split (``evaluation_ready``).
    """

    epoch_finished = Signal(object)     # EpochMetrics dict
    batch_progress = Signal(object)     # engine.training.BatchProgress
    weights_ready = Signal(object)      # (epoch, engine.predictor.Predictor | None)
    evaluation_ready = Signal(object)   # engine.training.Evaluation (retrain only)
    training_finished = Signal(object)  # engine.training.TrainResult
    training_failed = Signal(object)    # str, readable message
    done = Signal()                     # after finished or failed: the thread may quit

    def __init__(self, dataset, config, store=None, name: str | None = None,
                 retrain_epochs: int | None = None) -> None:
        super().__init__()
        self.dataset = dataset
        self.config = config
        self.store = store
        self.name = name
        self.retrain_epochs = retrain_epochs
        self.cancel = threading.Event()
        self.completed = False
        self.final_predictor = None  # set before training_finished is emitted

    def stop(self) -> None:
        """Ask training to end after the current batch (safe from any thread)."""
        self.cancel.set()

    def make_predictor(self, weights):
        """A Predictor for ``weights`` (built here, off the GUI thread), or None."""
        from engine.predictor import Predictor
        from engine.training import bundle_vocab

        if weights is None:
            return None
        try:
            # The model is num_words wide even when the vocabulary is shorter (tiny data).
            vocab = bundle_vocab(self.dataset.vocab, self.config.num_words)
            predictor = Predictor(weights, vocab, self.config.activation)
            predictor.lexicon(LEXICON_SIZE)  # computed here so the GUI thread only reads it
            return predictor
        except LabError:
            return None

    def _on_weights(self, epoch: int, weights) -> None:
        self.weights_ready.emit((epoch, self.make_predictor(weights)))

    @Slot()
    def run(self) -> None:
        try:
            from engine import training

            callbacks = dict(store=self.store, name=self.name, cancel=self.cancel,
                             on_epoch_end=self.epoch_finished.emit,
                             on_batch=self.batch_progress.emit, on_weights=self._on_weights)
            if self.retrain_epochs is None:
                result = training.Trainer(self.dataset, self.config, **callbacks).train()
            else:
                result = training.retrain_and_test(self.dataset, self.config,
                                                   self.retrain_epochs, **callbacks)
                if result.status == "finished" and result.weights is not None:
                    evaluation = training.evaluate(result.weights, self.dataset,
                                                   rows=self.dataset.indices("test"),
                                                   config=self.config)
                    self.evaluation_ready.emit(evaluation)
            self.final_predictor = self.make_predictor(result.weights)
            self.training_finished.emit(result)
        except Cancelled as exc:
            self.training_failed.emit(str(exc) or "Training was cancelled.")
        except Exception as exc:  # noqa: BLE001 - shown to the user; the app stays usable
            traceback.print_exc()
            self.training_failed.emit(error_text(exc, "Training"))
        finally:
            self.completed = True
            self.done.emit()


class DataWorker(QObject):
    """Runs ``function(*args, progress=..., cancel=..., **kwargs)`` off the GUI thread.

    Used for loading the dataset, downloading the archive and warming up TensorFlow;
    the function follows the engine's progress/cancel convention.
    """

    progress = Signal(object)  # (fraction 0..1, message)
    finished = Signal(object)  # the function's return value
    failed = Signal(object)    # str, readable message ("" when cancelled)
    done = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any, what: str = "The task",
                 **kwargs: Any) -> None:
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
            result = self.function(*self.args, progress=self._progress, cancel=self.cancel,
                                   **self.kwargs)
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
    """Import TensorFlow and run one tiny fit, so the first real training starts at once.

    TensorFlow's first ``fit`` in a process does one-time set-up (kernel registration,
    graph optimizers) that holds the GIL for long stretches; doing it here, before Train
    is enabled, keeps it from stalling the window during the user's first run.
    """
    if progress:
        progress(0.0, "Loading TensorFlow...")
    import tensorflow as tf

    if progress:
        progress(0.8, "Warming up TensorFlow...")
    from engine.training import warm_up

    warm_up()
    return tf.__version__


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

    def start(self) -> "Job":
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
