"""Workers run off the GUI thread, report through signals and always let their thread end."""

from __future__ import annotations

import threading

import pytest

from engine.errors import Cancelled, DataError
from engine.model.config import ModelConfig
from gui.workers import DataWorker, Job, TrainingWorker, error_text

TINY_CONFIG = ModelConfig(epochs=2, batch_size=16, validation_size=40)


def _emitted(signal) -> list:
    """Record a worker signal's payloads.

    Not ``qtbot.waitSignal``: PySide6 calls its plain-Python slot in the emitting thread,
    and an emission just before its event loop starts leaves that loop waiting forever.
    """
    seen = []
    signal.connect(lambda *args: seen.append(args[0] if args else None))
    return seen


def _run(qtbot, worker, signal_name: str, timeout: int = 10_000):
    seen = _emitted(getattr(worker, signal_name))
    job = Job(worker, "test").start()
    qtbot.waitUntil(lambda: bool(seen), timeout=timeout)
    assert job.wait(10_000), "the worker's thread did not end"
    return seen[0]


def test_data_worker_reports_progress_and_result_from_another_thread(qtbot):
    seen = []

    def job(x, progress=None, cancel=None):
        seen.append(threading.current_thread() is not threading.main_thread())
        progress(0.5, "half")
        return x * 2

    worker = DataWorker(job, 21)
    progress = []
    worker.progress.connect(progress.append)
    assert _run(qtbot, worker, "finished") == 42
    qtbot.waitUntil(lambda: progress == [(0.5, "half")], timeout=2000)
    assert seen == [True]


def test_data_worker_turns_lab_errors_into_their_message(qtbot):
    def job(progress=None, cancel=None):
        raise DataError("The archive is damaged: unexpected end of data.")

    assert (
        _run(qtbot, DataWorker(job), "failed") == "The archive is damaged: unexpected end of data."
    )


def test_data_worker_shortens_unexpected_errors(qtbot):
    def job(progress=None, cancel=None):
        raise RuntimeError("first line\nsecond line with noise")

    message = _run(qtbot, DataWorker(job, what="Loading the dataset"), "failed")
    assert message == "Loading the dataset failed: first line"


def test_data_worker_cancel_reports_empty_message(qtbot):
    started = threading.Event()

    def job(progress=None, cancel=None):
        started.set()
        if not cancel.wait(10):
            return "not cancelled"
        raise Cancelled("Cancelled.")

    worker = DataWorker(job)
    failed = _emitted(worker.failed)
    job_ = Job(worker, "cancel").start()
    assert started.wait(5)
    job_.stop()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert failed == [""]
    assert job_.wait(5000)


def test_error_text_keeps_only_a_short_first_line():
    message = error_text(RuntimeError("x" * 1000 + "\nmore"), "Training")
    assert message.startswith("Training failed: ") and len(message) < 330


def test_training_worker_emits_epochs_then_finished(qtbot, tiny_dataset):
    pytest.importorskip("engine.model.training")
    worker = TrainingWorker(tiny_dataset, TINY_CONFIG)
    events = []
    worker.epoch_finished.connect(lambda m: events.append(("epoch", m["epoch"])))
    worker.weights_ready.connect(lambda p: events.append(("weights", p[0])))
    worker.training_finished.connect(lambda r: events.append(("finished", r.status)))
    worker.batch_progress.connect(lambda b: events.append(("batch", b.epoch)))
    result = _run(qtbot, worker, "training_finished", timeout=120_000)
    qtbot.waitUntil(lambda: events and events[-1][0] == "finished", timeout=2000)
    assert result.status == "finished"
    assert [e for e in events if e[0] == "epoch"] == [("epoch", 1), ("epoch", 2)]
    assert ("batch", 1) in events
    assert (
        events.index(("epoch", 1))
        < events.index(("epoch", 2))
        < events.index(("finished", "finished"))
    )


def test_training_worker_reports_failures_as_messages(qtbot, tiny_dataset):
    pytest.importorskip("engine.model.training")
    config = TINY_CONFIG.replace(validation_size=5000)  # more than the 120 training reviews
    message = _run(qtbot, TrainingWorker(tiny_dataset, config), "training_failed", timeout=120_000)
    assert message.startswith("Validation size (5000) must be smaller than the training set")


def test_unexpected_errors_from_the_training_process_are_shortened():
    from engine.service.process import RemoteError

    exc = RemoteError("ResourceExhaustedError", "OOM when allocating tensor\n<long TF trace>")
    assert error_text(exc, "Training") == "Training failed: OOM when allocating tensor"


def test_training_worker_survives_a_crashed_training_process(qtbot, tiny_dataset):
    pytest.importorskip("engine.model.training")
    from engine.service.process import shared_service

    worker = TrainingWorker(tiny_dataset, TINY_CONFIG.replace(epochs=500))
    worker.epoch_finished.connect(lambda m: shared_service().kill_all())
    message = _run(qtbot, worker, "training_failed", timeout=120_000)
    assert message.startswith("The training process ended unexpectedly")
    # The next run starts a new process and works.
    assert (
        _run(
            qtbot, TrainingWorker(tiny_dataset, TINY_CONFIG), "training_finished", timeout=120_000
        ).status
        == "finished"
    )
