"""The autouse fixture that fails a test which leaves a thread running (as napari does).

It does not join what the app forgot: the app joins its own threads when a widget or
window closes (``gui.tasks.shutdown_tasks``), and a thread still alive once the test and
its fixtures (qtbot closes its widgets) have ended is a bug the test must report.
"""

from __future__ import annotations

import threading

import pytest


def threads_started_since(before: set[threading.Thread]) -> list[threading.Thread]:
    """Non-daemon threads alive now that were not in ``before``."""
    return [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """Every test leaves no running thread behind."""
    before = set(threading.enumerate())
    yield
    still = threads_started_since(before)
    assert not still, f"threads left running: {[t.name for t in still]}"
