"""``IMDB_LAB_MEASURE_STARTUP=ready``: how long until the window can train, then quit.

Prints one JSON line, ``{"first_paint_s": ..., "dataset_ready_s": ..., "training_ready_s":
...}`` in seconds since the process started (since ``gui.app`` was imported where the
process start is unknown), once the Train button is enabled, and closes the window (exit
status 0). If the dataset or TensorFlow fails instead, the missing times are ``null`` and
the exit status is 1; so it is when training is not possible within :data:`TIMEOUT_S` (for example
when the form's settings do not fit the dataset).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

TIMEOUT_S = 300


class ReadyProbe(QObject):
    """Watches ``window`` (a :class:`gui.main_window.MainWindow`) until Train is enabled."""

    def __init__(self, window, clock: Callable[[], float]) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.marks: dict[str, float | None] = {
            "first_paint_s": None,
            "dataset_ready_s": None,
            "training_ready_s": None,
        }
        self.done = False
        state = window.state
        window.first_painted.connect(lambda: self._mark("first_paint_s"))
        state.dataset_changed.connect(
            lambda dataset: self._mark("dataset_ready_s") if dataset is not None else None
        )
        state.tensorflow_ready.connect(lambda error: self._failed() if error else self._check())
        state.dataset_failed.connect(lambda _message: self._failed())
        state.dataset_missing.connect(self._failed)
        self._timeout = QTimer(self, singleShot=True)
        self._timeout.timeout.connect(lambda: self._finish(1))
        self._timeout.start(TIMEOUT_S * 1000)

    def _mark(self, name: str) -> None:
        if self.marks[name] is None:
            self.marks[name] = self.clock()
        self._check()

    def _check(self) -> None:
        # After the other slots of the same signal (the Train tab enables its button in one).
        QTimer.singleShot(0, self, self._check_now)

    def _check_now(self) -> None:
        if self.done or self.marks["first_paint_s"] is None:
            return
        if self.window.train_tab.train_button.isEnabled():
            self.marks["training_ready_s"] = self.clock()
            self._finish(0)

    def _failed(self) -> None:
        QTimer.singleShot(0, self, lambda: self._finish(1))

    def _finish(self, status: int) -> None:
        if self.done:
            return
        self.done = True
        print(json.dumps({k: None if v is None else round(v, 3) for k, v in self.marks.items()}))
        self.window.close()
        QApplication.exit(status)
