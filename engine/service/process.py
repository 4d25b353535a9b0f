"""Training in a separate process, for the window: :class:`TrainingService`.

In one process, TensorFlow's Python work (Keras callbacks, tf.data, tracing) holds the GIL
in stretches that paused the window's event loop for up to 120 ms at the first epoch. A
child process has its own interpreter, so the window keeps only its own work. The child
(``engine.service.jobs.serve``) imports TensorFlow once, warms it up and then runs jobs
one at a time; a second job at the same time gets a second child.

Callers block in :meth:`TrainingService.call` (the window calls it from a worker thread).
Events from the child (epochs, batch progress, weights) are handed to ``on_event`` in
that thread; setting ``cancel`` sends ``stop``, which the child turns into its own
``threading.Event``. The command line does not use this; it trains in its own process.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing
import threading
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from engine.errors import Cancelled, LabError

if TYPE_CHECKING:
    # Annotations only: the window starts the training process before its first paint,
    # and this module stays light for that (numpy and the data, model and job modules
    # load in the child, and here with the dataset after the paint).
    from engine.callbacks import Progress
    from engine.data.dataset import Dataset
    from engine.model.config import ModelConfig
    from engine.runs.history import RunStore

POLL_S = 0.05  # how often a waiting caller looks at its cancel event
MAX_IDLE = 1  # children kept warm between jobs; more are closed when they finish


class TrainingProcessError(LabError):
    """The training process could not start or ended unexpectedly."""


class RemoteError(Exception):
    """An unexpected exception in the training process (its class name and message)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def training_copy(dataset: Dataset) -> Dataset:
    """``dataset`` without the review and URL texts, which training never reads."""
    import numpy as np  # loaded with the dataset already; kept out of this module's import

    empty = np.zeros(0, dtype=np.uint8)
    offsets = np.zeros(len(dataset) + 1, dtype=np.int64)
    return dataclasses.replace(
        dataset, text_blob=empty, text_offsets=offsets, url_blob=empty, url_offsets=offsets
    )


def _remote_exception(kind: str, message: str, module: str = "") -> Exception:
    """The engine's own error when ``module.kind`` is a :class:`LabError`, so it is caught
    and shown like one raised here; any other exception becomes a :class:`RemoteError`."""
    cls = None
    if module == "engine" or module.startswith("engine."):
        try:
            cls = getattr(importlib.import_module(module), kind, None)
        except ImportError:
            cls = None
    if isinstance(cls, type) and issubclass(cls, LabError):
        try:
            return cls(message)
        except TypeError:  # a subclass whose constructor takes other arguments
            pass
    return RemoteError(kind, message)


def _serve(conn: Connection) -> None:
    """The child's entry point: imports the job runner (TensorFlow's side) only there."""
    from engine.service.jobs import serve

    serve(conn)


class _Child:
    """One training process and the parent's end of its pipe."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy Qt's threads
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child_end,), daemon=True, name="imdb-lab-training"
        )
        self.process.start()
        child_end.close()
        self.ready = False
        self.version = ""
        self.pid: int | None = self.process.pid
        self._dataset_ref: Callable[[], Any] | None = None
        self._cancel_sent = False

    def _receive(
        self, cancel: threading.Event | None, on_cancel: Callable[[], None]
    ) -> tuple[Any, ...]:
        """The next message; ``on_cancel`` runs once per job if ``cancel`` gets set."""
        while True:
            # Checked before every message too: a fast job never leaves the pipe quiet.
            if cancel is not None and cancel.is_set() and not self._cancel_sent:
                self._cancel_sent = True
                try:
                    on_cancel()
                except (OSError, ValueError):
                    pass  # the pipe is gone; the liveness check below reports it
            try:
                if self.conn.poll(POLL_S):
                    return self.conn.recv()
            except (EOFError, OSError):
                raise self._died() from None
            if not self.process.is_alive() and not self.conn.poll(0):
                raise self._died()

    def _died(self) -> TrainingProcessError:
        self.process.join(2)
        code = self.process.exitcode
        return TrainingProcessError(
            f"The training process ended unexpectedly (exit code {code}). Try again; if it "
            "keeps happening, the machine may be out of memory."
        )

    def wait_ready(self, cancel: threading.Event | None = None) -> str:
        def give_up() -> None:
            raise Cancelled("Starting TensorFlow was cancelled.")

        message = self._receive(cancel, give_up)
        if message[0] == "error":
            raise TrainingProcessError(message[2])
        self.ready, self.version, self.pid = True, message[1], message[2]
        return self.version

    def run(
        self,
        kind: str,
        dataset: Dataset,
        config: ModelConfig,
        store_spec: tuple[str, str] | None,
        options: dict[str, Any],
        on_event: Callable[[str, Any], None] | None,
        cancel: threading.Event | None,
    ) -> Any:
        if self._dataset_ref is None or self._dataset_ref() is not dataset:
            self.conn.send(("dataset", training_copy(dataset)))
            self._dataset_ref = weakref.ref(dataset)
        self.conn.send(("job", kind, config, store_spec, options))
        self._cancel_sent = False
        while True:
            message = self._receive(cancel, lambda: self.conn.send(("stop",)))
            if message[0] == "event":
                if on_event is not None:
                    on_event(message[1], message[2])
            elif message[0] == "result":
                return message[1]
            elif message[0] == "error":
                raise _remote_exception(*message[1:])

    def close(self, timeout: float = 5.0) -> None:
        try:
            self.conn.send(("quit",))
        except (OSError, ValueError):
            pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        self.conn.close()

    def kill(self) -> None:
        """End the process at once (tests use this to simulate a crash)."""
        self.process.kill()


class TrainingService:
    """A pool of training processes (normally one, kept warm between jobs)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Child] = []
        self._busy: list[_Child] = []
        self.version = ""

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return [c.pid for c in self._idle + self._busy if c.pid is not None]

    def _acquire(self, cancel: threading.Event | None) -> _Child:
        with self._lock:
            while self._idle:
                child = self._idle.pop()
                if child.process.is_alive():
                    self._busy.append(child)
                    return child
                child.close(0)
            child = _Child()
            self._busy.append(child)
        if not child.ready:
            try:
                self.version = child.wait_ready(cancel)
            except BaseException:
                self._discard(child)
                raise
        return child

    def _release(self, child: _Child) -> None:
        with self._lock:
            self._busy.remove(child)
            keep = child.process.is_alive() and len(self._idle) < MAX_IDLE
            if keep:
                self._idle.append(child)
        if not keep:
            child.close()

    def _discard(self, child: _Child) -> None:
        with self._lock:
            if child in self._busy:
                self._busy.remove(child)
        child.close(1.0)

    def start(self, progress: Progress | None = None, cancel: threading.Event | None = None) -> str:
        """Start a training process and wait until TensorFlow is warmed up in it.

        Returns the TensorFlow version. Raises :class:`Cancelled` when ``cancel`` is set
        first (the half-started process is ended) and :class:`TrainingProcessError` when
        TensorFlow cannot start.
        """
        if progress:
            progress(0.0, "Loading TensorFlow...")
        child = self._acquire(cancel)
        self._release(child)
        return self.version

    def call(
        self,
        kind: str,
        dataset: Dataset,
        config: ModelConfig,
        *,
        store: RunStore | None = None,
        options: dict[str, Any] | None = None,
        on_event: Callable[[str, Any], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        """Run job ``kind`` (see ``engine.service.jobs.JOBS``) and return its value.

        ``store`` is a :class:`engine.runs.history.RunStore` (the child opens the same files);
        ``on_event(kind, payload)`` is called in this thread for every event.
        """
        child = self._acquire(cancel)
        spec = (str(store.path), str(store.runs_root)) if store is not None else None
        try:
            value = child.run(kind, dataset, config, spec, dict(options or {}), on_event, cancel)
        except TrainingProcessError:
            self._discard(child)
            raise
        except BaseException:
            self._release(child)
            raise
        self._release(child)
        return value

    def close(self, timeout: float = 5.0) -> None:
        """End every training process (a running job ends with TrainingProcessError)."""
        with self._lock:
            children, self._idle, self._busy = self._idle + self._busy, [], []
        for child in children:
            child.close(timeout)

    def kill_all(self) -> None:
        """End the processes at once, as a crash would (for tests)."""
        with self._lock:
            children = self._idle + self._busy
        for child in children:
            child.kill()


_shared: TrainingService | None = None
_shared_lock = threading.Lock()


def shared_service() -> TrainingService:
    """The process-wide service (its processes are daemons: they end with this process)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = TrainingService()
        return _shared


def close_shared_service(timeout: float = 5.0) -> None:
    global _shared
    with _shared_lock:
        service, _shared = _shared, None
    if service is not None:
        service.close(timeout)
