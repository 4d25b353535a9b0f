"""Workers run off the GUI thread, report through signals and always let their thread end."""

from __future__ import annotations

import threading

import pytest

from engine.config import ModelConfig
from engine.errors import Cancelled, DataError
from gui.workers import DataWorker, Job, TrainingWorker, error_text

TINY_CONFIG = ModelConfig(epochs=2, batch_size=16, validation_size=40)


def _run(qtbot, worker, signal_name: str, timeout: int = 10_000):
    job = Job(worker, "test")
    with qtbot.waitSignal(getattr(worker, signal_name), timeout=timeout) as blocker:
        job.start()
    assert job.wait(10_000), "the worker's thread did not end"
    return blocker.args[0]


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

    assert _run(qtbot, DataWorker(job), "failed") == "The archive is damaged: unexpected end of data."


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
    job_ = Job(worker, "cancel")
    with qtbot.waitSignal(worker.failed, timeout=10_000) as blocker:
        job_.start()
        assert started.wait(5)
        job_.stop()
    assert blocker.args == [""]
    assert job_.wait(5000)


def test_error_text_keeps_only_a_short_first_line():
    message = error_text(RuntimeError("x" * 1000 + "\nmore"), "Training")
    assert message.startswith("Training failed: ") and len(message) < 330


def test_training_worker_emits_epochs_then_finished(qtbot, tiny_dataset):
    pytest.importorskip("engine.training")
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
    assert events.index(("epoch", 1)) < events.index(("epoch", 2)) < events.index(("finished", "finished"))


def test_training_worker_reports_failures_as_messages(qtbot, tiny_dataset, monkeypatch):
    training = pytest.importorskip("engine.training")

    def boom(self):
        raise RuntimeError("OOM when allocating tensor with shape [512,10000]\n<long TF trace>")

    monkeypatch.setattr(training.Trainer, "train", boom)
    message = _run(qtbot, TrainingWorker(tiny_dataset, TINY_CONFIG), "training_failed")
    assert message == "Training failed: OOM when allocating tensor with shape [512,10000]"
