"""The training process behind the window: jobs, events, stop, errors, crashes, no TF here."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from engine.errors import ConfigError
from engine.model.config import ModelConfig

pytest.importorskip("tensorflow")

TINY = ModelConfig(epochs=2, batch_size=16, validation_size=40)


@pytest.fixture(scope="module")
def service():
    from engine.service.process import TrainingService

    svc = TrainingService()
    yield svc
    svc.close()


def test_a_job_streams_events_in_order_and_returns_its_result(service, tiny_dataset, tmp_path):
    from engine.runs.history import RunStore

    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    events = []
    value = service.call(
        "train",
        tiny_dataset,
        TINY,
        store=store,
        options={"name": "remote", "lexicon_size": 10},
        on_event=lambda kind, payload: events.append((kind, payload)),
    )
    result = value["result"]
    assert result.status == "finished" and len(result.history["val_loss"]) == 2
    epochs = [p["epoch"] for k, p in events if k == "epoch_finished"]
    weights = [p[0] for k, p in events if k == "weights_ready"]
    assert epochs == [1, 2] and weights == [1, 2]
    assert any(k == "batch_progress" for k, _ in events)
    # The predictor arrives built, its lexicon computed, and scores like the final weights.
    predictor = value["predictor"]
    assert predictor._lexicons and predictor.predict("wonderful superb").probability > 0.5
    # The child wrote to the same history database and run folder.
    run = store.get_run(result.run_id)
    assert run["name"] == "remote" and run["status"] == "finished"
    assert len(store.epochs(result.run_id)) == 2
    assert result.model_path is not None and Path(result.model_path).is_dir()


def test_stop_ends_a_long_job_within_a_batch_and_keeps_what_was_done(service, tiny_dataset):
    cancel = threading.Event()
    epochs = []

    def on_event(kind, payload):
        if kind == "epoch_finished":
            epochs.append(payload["epoch"])
            if payload["epoch"] == 2:
                cancel.set()

    value = service.call(
        "train", tiny_dataset, TINY.replace(epochs=500), on_event=on_event, cancel=cancel
    )
    assert value["result"].status == "stopped"
    assert 2 <= len(value["result"].history["loss"]) < 500


def test_errors_come_back_with_their_class_and_message(service, tiny_dataset):
    from engine.service.process import RemoteError

    with pytest.raises(ConfigError, match="Validation size"):
        service.call("train", tiny_dataset, TINY.replace(validation_size=5000))
    with pytest.raises(RemoteError) as info:
        service.call("no_such_job", tiny_dataset, TINY)
    assert info.value.kind == "KeyError"
    # The process is still usable after both.
    assert service.call("train", tiny_dataset, TINY)["result"].status == "finished"


def test_a_new_dataset_is_sent_and_the_old_one_replaced(service, tiny_dataset):
    import dataclasses

    import numpy as np

    flipped = dataclasses.replace(tiny_dataset, label=(1 - tiny_dataset.label).astype(np.uint8))
    value = service.call("train", flipped, TINY.replace(epochs=4), options={"lexicon_size": 0})
    # Trained on flipped labels, the model now calls the positive words negative.
    assert value["predictor"].predict("wonderful superb brilliant").probability < 0.5


def test_a_crashed_process_is_reported_and_replaced(tiny_dataset):
    from engine.service.process import TrainingProcessError, TrainingService

    svc = TrainingService()
    try:

        def crash(kind, payload):
            if kind == "epoch_finished":
                svc.kill_all()

        with pytest.raises(TrainingProcessError, match="ended unexpectedly"):
            svc.call("train", tiny_dataset, TINY.replace(epochs=500), on_event=crash)
        assert svc.pids == []
        assert svc.call("train", tiny_dataset, TINY)["result"].status == "finished"
    finally:
        svc.close()
    assert svc.pids == []


def test_cancelling_the_start_ends_the_half_started_process():
    from engine.errors import Cancelled
    from engine.service.process import TrainingService

    svc = TrainingService()
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(Cancelled):
        svc.start(cancel=cancel)
    assert svc.pids == []


def test_a_process_warming_up_quits_when_asked_and_takes_jobs_at_once(tiny_dataset):
    from engine.service.process import TrainingService

    svc = TrainingService()
    svc.start()  # ready: the warm-up fit (a second or more) has just begun
    child = svc._idle[0]
    # quit is answered within a poll of the pipe, not after the warm-up: no terminate (-15)
    svc.close(timeout=1.5)
    assert child.process.exitcode == 0 and svc.pids == []

    svc = TrainingService()
    try:
        svc.start()
        result = svc.call("train", tiny_dataset, TINY)["result"]  # stops the warm-up
        assert result.status == "finished" and len(result.history["loss"]) == 2
    finally:
        svc.close()


def test_the_window_process_never_imports_tensorflow(tmp_path):
    """Training through the worker leaves TensorFlow out of the window's interpreter."""
    script = tmp_path / "probe.py"
    script.write_text(
        textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, sys.argv[1])

        def main():
            from PySide6.QtCore import QCoreApplication
            from engine.model.config import ModelConfig
            from engine.service.process import close_shared_service
            from gui.dataset.loading import warm_up_tensorflow
            from gui.tasks import TaskRunner
            from gui.train.worker import TrainingWorker
            from tests.conftest import dataset_from_files
            from tests.tiny_data import tiny_files

            app = QCoreApplication([])
            warm_up_tensorflow()
            worker = TrainingWorker(dataset_from_files(tiny_files()),
                                    ModelConfig(epochs=2, batch_size=16, validation_size=40))
            seen = []
            worker.epoch_finished.connect(lambda m: seen.append(m["epoch"]))
            worker.training_finished.connect(
                lambda o: (seen.append(o.result.status), app.quit()))
            worker.training_failed.connect(lambda m: (seen.append(m), app.quit()))
            runner = TaskRunner()
            worker.start(runner)
            app.exec()
            runner.shutdown(10)
            close_shared_service()
            print(seen, "tensorflow" in sys.modules, "keras" in sys.modules)

        if __name__ == "__main__":
            main()
    """)
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, str(script), str(root)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[1, 2, 'finished'] False False"


def test_an_error_defined_outside_errors_py_keeps_its_class(service, tiny_dataset, tmp_path):
    """A HistoryError (engine.runs.history) raised in the training process arrives as one."""
    import sqlite3

    from engine.runs.history import HistoryError, RunStore

    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")

    def on_event(kind, payload):
        if kind == "epoch_finished" and payload["epoch"] == 1:
            # The run disappears from the history behind the trainer's back.
            with sqlite3.connect(store.path) as conn:
                conn.execute("DELETE FROM runs")

    with pytest.raises(HistoryError, match="no longer exists in the history"):
        service.call(
            "train", tiny_dataset, TINY.replace(epochs=500), store=store, on_event=on_event
        )
