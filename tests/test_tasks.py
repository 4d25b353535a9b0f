"""Background work: the TaskRunner, the training worker on it, and the leaked-thread check."""

from __future__ import annotations

import threading

import pytest

from engine.errors import Cancelled, DataError
from engine.model.config import ModelConfig
from gui.tasks import TaskRunner, error_text, shutdown_tasks
from gui.train.worker import TrainingWorker

TINY_CONFIG = ModelConfig(epochs=2, batch_size=16, validation_size=40)


@pytest.fixture
def runner(qtbot):
    tasks = TaskRunner()
    yield tasks
    assert tasks.shutdown(10), "a task's thread did not end"


def _outcome(qtbot, runner, fn, *args, timeout=10_000, **kwargs):
    """Run ``fn`` as a task; returns ("done"|"failed", value, ran_on_gui_thread)."""
    seen = []

    def record(kind):
        return lambda value: seen.append(
            (kind, value, threading.current_thread() is threading.main_thread())
        )

    runner.submit(fn, *args, on_done=record("done"), on_failed=record("failed"), **kwargs)
    qtbot.waitUntil(lambda: bool(seen), timeout=timeout)
    return seen[0]


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, runner):
    worker_threads, progress = [], []

    def job(x, progress=None, cancel=None):
        worker_threads.append(threading.current_thread() is not threading.main_thread())
        progress(0.5, "half")
        return x * 2

    seen = []
    runner.submit(
        job,
        21,
        on_done=lambda v: seen.append((v, threading.current_thread() is threading.main_thread())),
        on_progress=lambda f, m: progress.append(
            (f, m, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(42, True)]
    assert progress == [(0.5, "half", True)]
    assert worker_threads == [True]


def test_failures_arrive_on_the_gui_thread_as_exceptions(qtbot, runner):
    def job(progress=None, cancel=None):
        raise DataError("The archive is damaged: unexpected end of data.")

    kind, exc, on_gui = _outcome(qtbot, runner, job)
    assert (kind, on_gui) == ("failed", True)
    assert isinstance(exc, DataError)
    assert error_text(exc, "Loading") == "The archive is damaged: unexpected end of data."


def test_unexpected_errors_are_logged_with_their_traceback(qtbot, runner, caplog):
    def job(progress=None, cancel=None):
        raise RuntimeError("first line\nsecond line with noise")

    kind, exc, _ = _outcome(qtbot, runner, job, what="Loading the dataset")
    assert kind == "failed"
    assert error_text(exc, "Loading the dataset") == "Loading the dataset failed: first line"
    record = next(r for r in caplog.records if r.name == "gui.tasks")
    assert record.levelname == "ERROR" and record.exc_info is not None


def test_error_text_keeps_only_a_short_first_line():
    message = error_text(RuntimeError("x" * 1000 + "\nmore"), "Training")
    assert message.startswith("Training failed: ") and len(message) < 330


def test_cancel_reaches_the_function(qtbot, runner):
    started = threading.Event()

    def job(progress=None, cancel=None):
        started.set()
        if not cancel.wait(10):
            return "not cancelled"
        raise Cancelled("Cancelled.")

    failed = []
    task = runner.submit(job, on_done=failed.append, on_failed=failed.append)
    assert started.wait(5)
    assert task.running()
    runner.cancel()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], Cancelled)
    assert runner.wait(5) and not task.running()


def test_latest_wins_cancels_and_drops_the_older_task(qtbot, runner):
    release = threading.Event()
    cancelled = []

    def slow(value, progress=None, cancel=None):
        release.wait(10)
        cancelled.append(cancel.is_set())
        return value

    results = []
    first = runner.submit(slow, "old", on_done=results.append, on_failed=results.append, key="k")
    second = runner.submit(slow, "new", on_done=results.append, on_failed=results.append, key="k")
    assert first.cancel.is_set() and not second.cancel.is_set()
    assert runner.pending("k")
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert runner.wait(5)
    qtbot.wait(50)  # let the older task's (dropped) result reach the event loop too
    assert results == ["new"]
    assert sorted(cancelled) == [False, True]
    assert not runner.pending("k")


def test_tasks_without_a_key_all_deliver(qtbot, runner):
    results = []
    for i in range(3):
        runner.submit(lambda i, progress=None, cancel=None: i, i, on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=10_000)
    assert sorted(results) == [0, 1, 2]


def test_shutdown_cancels_waits_for_all_and_delivers_nothing_more(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    runners = [TaskRunner(owner), TaskRunner(TaskRunner(owner))]  # one nested deeper
    started, ended, delivered = [], [], []

    def job(progress=None, cancel=None):
        started.append(1)
        cancel.wait(10)
        ended.append(cancel.is_set())
        return "done"

    for r in runners:
        r.submit(job, on_done=delivered.append, on_failed=delivered.append)
        r.submit(job, on_done=delivered.append, on_failed=delivered.append, key="k")
    qtbot.waitUntil(lambda: len(started) == 4, timeout=5000)
    assert shutdown_tasks(owner, timeout=10)
    assert ended == [True] * 4
    assert not any(t.alive() for r in runners for t in r.running())
    qtbot.wait(50)
    assert delivered == []
    # A late request (a timer firing while the window closes) starts nothing.
    assert runners[0].submit(job) is None
    assert len(started) == 4


LEAK_RELEASE = threading.Event()  # lets the inner test's forgotten thread end


def test_a_test_that_leaves_a_thread_running_fails(pytester):
    """The autouse fixture in tests/leaks.py turns a forgotten thread into an error."""
    pytester.makeconftest("from tests.leaks import no_leftover_threads  # noqa: F401\n")
    pytester.makepyfile(
        """
        import threading

        from tests.test_tasks import LEAK_RELEASE

        def test_leaks():
            threading.Thread(target=LEAK_RELEASE.wait, name="forgotten", daemon=False).start()

        def test_clean():
            thread = threading.Thread(target=lambda: None)
            thread.start()
            thread.join()
        """
    )
    try:
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    finally:
        LEAK_RELEASE.set()
        for thread in threading.enumerate():
            if thread.name == "forgotten":
                thread.join(5)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_leaks*"])
    result.stdout.fnmatch_lines(["*threads left running:*forgotten*"])


def _train(qtbot, runner, worker, signal_name: str, timeout: int = 120_000):
    seen = []
    getattr(worker, signal_name).connect(lambda value: seen.append(value))
    worker.start(runner)
    qtbot.waitUntil(lambda: bool(seen), timeout=timeout)
    assert runner.wait(10), "the training task's thread did not end"
    return seen[0]


def test_training_worker_emits_epochs_then_finished_with_the_predictor(qtbot, runner, tiny_dataset):
    worker = TrainingWorker(tiny_dataset, TINY_CONFIG)
    events = []
    worker.epoch_finished.connect(lambda m: events.append(("epoch", m["epoch"])))
    worker.weights_ready.connect(lambda p: events.append(("weights", p[0])))
    worker.training_finished.connect(lambda o: events.append(("finished", o.result.status)))
    worker.batch_progress.connect(lambda b: events.append(("batch", b.epoch)))
    outcome = _train(qtbot, runner, worker, "training_finished")
    qtbot.waitUntil(lambda: events and events[-1][0] == "finished", timeout=2000)
    assert outcome.result.status == "finished"
    assert outcome.predictor is not None
    assert 0.0 <= outcome.predictor.predict("a good film").probability <= 1.0
    assert [e for e in events if e[0] == "epoch"] == [("epoch", 1), ("epoch", 2)]
    assert ("batch", 1) in events
    assert (
        events.index(("epoch", 1))
        < events.index(("epoch", 2))
        < events.index(("finished", "finished"))
    )
    assert not worker.running()


def test_training_worker_reports_failures_as_messages(qtbot, runner, tiny_dataset):
    config = TINY_CONFIG.replace(validation_size=5000)  # more than the 120 training reviews
    message = _train(qtbot, runner, TrainingWorker(tiny_dataset, config), "training_failed")
    assert message.startswith("Validation size (5000) must be smaller than the training set")


def test_unexpected_errors_from_the_training_process_are_shortened():
    from engine.service.process import RemoteError

    exc = RemoteError("ResourceExhaustedError", "OOM when allocating tensor\n<long TF trace>")
    assert error_text(exc, "Training") == "Training failed: OOM when allocating tensor"


def test_training_worker_survives_a_crashed_training_process(qtbot, runner, tiny_dataset):
    from engine.service.process import shared_service

    worker = TrainingWorker(tiny_dataset, TINY_CONFIG.replace(epochs=500))
    worker.epoch_finished.connect(lambda m: shared_service().kill_all())
    message = _train(qtbot, runner, worker, "training_failed")
    assert message.startswith("The training process ended unexpectedly")
    # The next run starts a new process and works.
    outcome = _train(qtbot, runner, TrainingWorker(tiny_dataset, TINY_CONFIG), "training_finished")
    assert outcome.result.status == "finished"
