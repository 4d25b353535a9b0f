"""Run one engine call at a time off the GUI thread and deliver only the newest result.

The Reviews, Predict and Lexicon views recompute on every keystroke or every epoch; a slow
answer to an old request must never overwrite a newer one, so each call gets a ticket and
stale tickets are dropped when their result arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class LatestCall(QObject):
    """Runs ``fn(*args)`` in a short-lived thread; emits ``finished``/``failed`` for the newest.

    Signals are emitted from the worker thread; Qt queues them to the receiver's thread,
    so slots run on the GUI thread.
    """

    finished = Signal(object)  # the result of the newest call
    failed = Signal(object)  # the exception of the newest call
    _done = Signal(int, object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._threads: list[threading.Thread] = []
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def start(self, fn: Callable[..., Any], *args: Any) -> int:
        """Start ``fn(*args)``; earlier calls still running are left to finish and ignored."""
        self._ticket += 1
        ticket = self._ticket
        self._threads = [t for t in self._threads if t.is_alive()]

        def work() -> None:
            try:
                result, ok = fn(*args), True
            except Exception as exc:  # handed to the GUI thread, shown there
                result, ok = exc, False
            try:
                self._done.emit(ticket, result, ok)
            except RuntimeError:
                pass  # the owner was deleted while we worked: nobody is waiting

        thread = threading.Thread(target=work, name=f"LatestCall-{ticket}", daemon=False)
        self._threads.append(thread)
        thread.start()
        return ticket

    def cancel(self) -> None:
        """Forget every pending call: results still to come are dropped."""
        self._ticket += 1

    def wait(self, timeout: float = 10.0) -> None:
        """Block until the worker threads have ended (for shutdown and tests)."""
        for thread in self._threads:
            thread.join(timeout)

    def _deliver(self, ticket: int, result: object, ok: bool) -> None:
        if ticket != self._ticket:
            return
        (self.finished if ok else self.failed).emit(result)
