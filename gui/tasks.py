"""The one way the window runs work off the GUI thread: :class:`TaskRunner`.

In the spirit of Anki's ``QueryOp``: a function runs in a worker thread, and its result or
error comes back to a callback *on the GUI thread*. Every function is called as
``fn(*args, progress=..., cancel=..., **kwargs)``, the engine's convention: ``cancel`` is a
``threading.Event`` the function checks between steps (cooperative cancellation),
``progress(fraction, message)`` reports to an optional callback on the GUI thread.

Tasks started with a ``key`` are *latest-wins*: a new task with the same key cancels the
older one and its result is dropped, so a slow answer to an old keystroke or epoch never
overwrites a newer one. :meth:`TaskRunner.shutdown` cancels every task and joins its thread;
widgets call :func:`shutdown_tasks` from ``closeEvent`` so no thread outlives its window.

Each task gets a named, non-daemon Python thread (a few per keystroke at most: the work
takes milliseconds to minutes, the thread start microseconds). Plain threads rather than
a ``QThreadPool`` because they are joined with the GIL released and are visible to
``threading.enumerate()``, which is how the test suite proves none is left running.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.errors import Cancelled, LabError

log = logging.getLogger(__name__)

THREAD_PREFIX = "lab-task"
_numbers = itertools.count(1)


def make_background_imports_safe() -> None:
    """Stop PySide6 from reading the source of every newly imported module.

    PySide6's import hook (``shibokensupport.feature``) calls ``inspect.getsource`` on each
    module imported after Qt, to support ``from __feature__ import ...``, which this app
    never uses. Tasks import engine modules lazily while the GUI thread runs; when that
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
    return (
        QCoreApplication.translate("Tasks", "%1 failed: %2")
        .replace("%2", detail[:300])
        .replace("%1", what)
    )


@dataclass(eq=False)
class Task:
    """One submitted function: its cancel event, its thread and its callbacks."""

    number: int
    what: str
    key: str | None
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[Exception], None] | None
    on_progress: Callable[[float, str], None] | None
    cancel: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    def running(self) -> bool:
        """True until the function has returned or raised (its thread then ends at once)."""
        return not self.ended.is_set()

    def alive(self) -> bool:
        """True while the task's thread exists (``running`` or about to end)."""
        return self.thread is not None and self.thread.is_alive()


class TaskRunner(QObject):
    """Runs functions in worker threads and calls back on the GUI thread.

    Create it as a child of the widget that owns the work; the widget's ``closeEvent``
    calls :func:`shutdown_tasks` (or :meth:`shutdown`). Callbacks are plain callables:
    they are invoked by :meth:`_deliver`, a slot of this GUI-thread object, never in the
    worker thread.
    """

    _finished = Signal(object, bool, object)  # task, ok, result or exception
    _progressed = Signal(object, float, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._latest: dict[str, Task] = {}
        self._undelivered: set[Task] = set()
        self._closed = False
        self.submitted = 0  # tasks started so far (tests, diagnostics)
        self._finished.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)

    # --- starting and stopping -----------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        key: str | None = None,
        what: str = "The task",
        **kwargs: Any,
    ) -> Task | None:
        """Start ``fn(*args, progress=..., cancel=..., **kwargs)`` in a new thread.

        Returns the task, or None once the runner was shut down: a timer or signal that
        fires while its window closes asks for work nobody will see, and gets none.

        Args:
            on_done: called with the return value, on the GUI thread.
            on_failed: called with the exception on the GUI thread (:class:`Cancelled`
                when the function gave up because it was cancelled); unexpected errors
                are also logged with their traceback.
            on_progress: called with ``(fraction, message)`` on the GUI thread.
            key: latest-wins group: starting it cancels the group's previous task, whose
                result and errors are then dropped.
            what: what the task does, for thread names and log messages.
        """
        if self._closed:
            log.debug("%s not started: the runner was shut down", what)
            return None
        self._tasks = [t for t in self._tasks if t.alive()]
        self.submitted += 1
        task = Task(next(_numbers), what, key, on_done, on_failed, on_progress)
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older.cancel.set()
            self._latest[key] = task

        def progress(fraction: float, message: str = "") -> None:
            self._emit(self._progressed, task, float(fraction), str(message))

        def work() -> None:
            ok, value = False, None
            try:
                value, ok = fn(*args, progress=progress, cancel=task.cancel, **kwargs), True
            except Exception as exc:  # handed to the GUI thread, shown there
                if not isinstance(exc, (Cancelled, LabError)):
                    log.error("%s failed", what, exc_info=exc)
                value = exc
            finally:
                task.ended.set()
            self._emit(self._finished, task, ok, value)

        task.thread = threading.Thread(
            target=work, name=f"{THREAD_PREFIX}-{task.number} {what}", daemon=False
        )
        self._tasks.append(task)
        self._undelivered.add(task)
        task.thread.start()
        return task

    def cancel(self, key: str | None = None) -> None:
        """Cancel the tasks of latest-wins group ``key`` (every task when None)."""
        if key is None:
            tasks = list(self._tasks)
            self._latest.clear()
        else:
            older = self._latest.pop(key, None)
            tasks = [older] if older is not None else []
        for task in tasks:
            task.cancel.set()

    def running(self) -> list[Task]:
        """Tasks whose thread has not ended yet."""
        return [t for t in self._tasks if t.alive()]

    def busy(self) -> bool:
        """True while a task runs or its result (even one to be dropped) is on its way."""
        return bool(self._undelivered) and not self._closed

    def pending(self, key: str) -> bool:
        """True while latest-wins group ``key`` has a result still to deliver."""
        return key in self._latest

    def wait(self, timeout: float = 30.0) -> bool:
        """Join every task's thread (up to ``timeout`` seconds each); True when all ended.

        Results still arrive afterwards, as queued events on the GUI thread.
        """
        for task in list(self._tasks):
            if task.thread is not None:
                task.thread.join(timeout)
        return not self.running()

    def shutdown(self, timeout: float = 60.0) -> bool:
        """Cancel every task, join their threads and deliver nothing more; True when all ended.

        The default timeout allows for a slow disk: loading the dataset checks its cancel
        event between files.
        """
        self._closed = True
        self.cancel()
        ended = self.wait(timeout)
        if not ended:
            log.warning("Background tasks still running after %.0f s: %s", timeout, self.running())
        return ended

    # --- delivery on the GUI thread ------------------------------------------------------

    @staticmethod
    def _emit(signal, *payload: Any) -> None:
        try:
            signal.emit(*payload)
        except RuntimeError:
            pass  # the runner was deleted while we worked: nobody is waiting

    def _current(self, task: Task) -> bool:
        return not self._closed and (task.key is None or self._latest.get(task.key) is task)

    @Slot(object, bool, object)
    def _deliver(self, task: Task, ok: bool, value: object) -> None:
        self._undelivered.discard(task)
        if not self._current(task):
            return
        if task.key is not None:
            del self._latest[task.key]
        callback = task.on_done if ok else task.on_failed
        if callback is not None:
            callback(value)

    @Slot(object, float, str)
    def _deliver_progress(self, task: Task, fraction: float, message: str) -> None:
        if task.on_progress is not None and self._current(task):
            task.on_progress(fraction, message)


def shutdown_tasks(owner: QObject, timeout: float = 60.0) -> bool:
    """Shut down every :class:`TaskRunner` at or below ``owner`` (a widget being closed).

    Returns True when all their threads have ended.
    """
    runners = owner.findChildren(TaskRunner)
    if isinstance(owner, TaskRunner):
        runners.append(owner)
    for runner in runners:
        runner.cancel()
    return all([runner.shutdown(timeout) for runner in runners])
