"""Short garbage-collector passes while a training run is being watched.

CPython's full collection walks every object the collector tracks. In a process that
holds many of them (the window's tables and plots; in the test suite also TensorFlow,
imported in-process by other tests) one full pass stopped the event loop for 350-430 ms
in the middle of training, a frozen plot for the learner. While a run is watched, the
objects that already exist are moved out of the collector's reach (``gc.freeze``), so a
full pass walks only what the run itself made; when the run ends they are handed back
(``gc.unfreeze``), so garbage from before the run is still freed, later, when nothing
is being animated.
"""

from __future__ import annotations

import gc
import threading

_holders: set[int] = set()
_lock = threading.Lock()  # a run's worker thread holds and releases


def hold(owner: object) -> None:
    """Freeze the existing objects until every holder has called :func:`release`."""
    with _lock:
        if not _holders:
            gc.freeze()
        _holders.add(id(owner))


def release(owner: object) -> None:
    """``owner`` no longer needs short passes; the last one unfreezes (a no-op if not held)."""
    with _lock:
        if id(owner) not in _holders:
            return
        _holders.discard(id(owner))
        if not _holders:
            gc.unfreeze()


def held() -> bool:
    return bool(_holders)
