"""Run history: the API, interrupted runs, kill -9 safety and concurrent processes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from engine import paths
from engine.model.config import ModelConfig
from engine.runs.history import HistoryError, RunStore

ROOT = Path(__file__).resolve().parents[1]

# A child that trains "forever": commits an epoch, then reports it on stdout.
CHILD = r"""
import sys
from engine.runs.history import RunStore
from engine.model.config import ModelConfig
store = RunStore(sys.argv[1])
run = store.create_run(ModelConfig(epochs=1000), name=sys.argv[2])
print("run", run, flush=True)
epoch = 0
while True:
    epoch += 1
    store.add_epoch(run, {"epoch": epoch, "loss": 1 / epoch, "accuracy": 0.5, "val_loss": 1.0,
                          "val_accuracy": 0.5, "seconds": 0.01})
    print("epoch", epoch, flush=True)
"""


def metrics(epoch, val_loss=0.5):
    return {
        "epoch": epoch,
        "loss": 0.7 / epoch,
        "accuracy": 0.8,
        "val_loss": val_loss,
        "val_accuracy": 0.85 + epoch / 100,
        "seconds": 1.5,
    }


def spawn(db: Path, name: str) -> tuple[subprocess.Popen, int]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), name], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    word, run_id = child.stdout.readline().split()
    assert word == "run"
    return child, int(run_id)


def wait_for_epoch(child: subprocess.Popen, n: int) -> None:
    for line in child.stdout:
        if line.split() == ["epoch", str(n)]:
            return
    raise AssertionError("child stopped early")


def test_run_lifecycle_and_listing(lab_home):
    store = RunStore()
    assert store.path == paths.history_db() and str(store.path).startswith(str(lab_home))
    config = ModelConfig(hidden_units=[32])
    first = store.create_run(config)
    for e in (1, 2, 3):
        store.add_epoch(
            first,
            metrics(e, val_loss=[0.4, 0.3, 0.35][e - 1]),
            weights_path=store.run_dir(first) / f"epoch_{e}.npz",
        )
    model = store.run_dir(first) / "model"
    model.mkdir(parents=True)
    store.finish_run(
        first, "finished", best_epoch=2, test={"accuracy": 0.88, "loss": 0.3}, model_path=model
    )
    second = store.create_run(ModelConfig(), name="tanh try", group_id=first)
    runs = store.list_runs()
    assert [r["id"] for r in runs] == [second, first]
    done = runs[1]
    assert done["name"] == f"Run {first}" and done["status"] == "finished"
    assert done["epochs"] == 3 and done["best_epoch"] == 2
    assert done["best_val_accuracy"] == pytest.approx(0.87)
    assert done["loss"] == pytest.approx(0.7 / 3) and done["val_accuracy"] == pytest.approx(0.88)
    assert done["config"]["hidden_units"] == [32] and done["test"] == {
        "accuracy": 0.88,
        "loss": 0.3,
    }
    assert done["started"] <= done["ended"]
    assert (
        runs[0]["status"] == "running" and runs[0]["epochs"] == 0 and runs[0]["group_id"] == first
    )
    assert [e["epoch"] for e in store.epochs(first)] == [1, 2, 3]
    assert store.epochs(first)[0]["weights_path"].endswith("epoch_1.npz")
    assert store.latest_model() == model
    store.rename(first, "  book model ")
    assert store.get_run(first)["name"] == "book model"
    assert store.get_run(999) is None


def test_delete_removes_rows_and_files_but_not_a_training_run():
    store = RunStore()
    run = store.create_run(ModelConfig())
    store.add_epoch(run, metrics(1))
    folder = store.run_dir(run)
    (folder / "model").mkdir(parents=True)
    (folder / "model" / "weights.npz").write_bytes(b"x")
    with pytest.raises(HistoryError, match="still training"):
        store.delete(run)
    store.finish_run(run, "stopped", model_path=folder / "model")
    store.delete(run)
    assert store.get_run(run) is None and store.epochs(run) == [] and not folder.exists()
    assert store.latest_model() is None
    with pytest.raises(HistoryError, match="no longer exists"):
        store.add_epoch(run, metrics(2))


def test_latest_model_skips_missing_folders(tmp_path):
    store = RunStore(tmp_path / "h.db")
    assert store.runs_root == tmp_path / "runs"
    older, newer = store.create_run(ModelConfig()), store.create_run(ModelConfig())
    (tmp_path / "a").mkdir()
    store.finish_run(older, "finished", model_path=tmp_path / "a")
    store.finish_run(newer, "finished", model_path=tmp_path / "gone")
    assert store.latest_model() == tmp_path / "a"


def test_kill_9_loses_no_committed_epoch(tmp_path):
    db = tmp_path / "history.sqlite3"
    RunStore(db)
    child, run = spawn(db, "victim")
    try:
        wait_for_epoch(child, 25)
        assert RunStore(db).get_run(run)["status"] == "running"  # alive: not interrupted
    finally:
        child.kill()  # SIGKILL on POSIX
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    store = RunStore(db)
    got = store.get_run(run)
    assert (
        got["status"] == "interrupted" and got["epochs"] >= 25 and "stopped before" in got["reason"]
    )
    assert [e["epoch"] for e in store.epochs(run)] == list(range(1, got["epochs"] + 1))
    assert store.integrity_check() == "ok"
    with sqlite3.connect(db) as conn:  # stored, not only shown, as interrupted
        assert (
            conn.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()[0]
            == "interrupted"
        )
    conn.close()


def test_concurrent_processes_and_deletes_keep_the_file_sound(tmp_path):
    db = tmp_path / "history.sqlite3"
    store = RunStore(db)
    doomed = [store.create_run(ModelConfig()) for _ in range(5)]
    for run in doomed:
        store.add_epoch(run, metrics(1))
        store.finish_run(run, "finished")
        store.run_dir(run).mkdir(parents=True)
    children = [spawn(db, f"child {i}") for i in range(2)]
    errors: list[BaseException] = []

    def gui_thread_writes():  # a second thread of this process writing meanwhile
        try:
            mine = store.create_run(ModelConfig(), name="thread")
            for e in range(1, 41):
                store.add_epoch(mine, metrics(e))
            store.finish_run(mine, "finished", best_epoch=40)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=gui_thread_writes)
    try:
        for child, _ in children:
            wait_for_epoch(child, 5)
        thread.start()
        for run in doomed:
            store.delete(run)
            store.list_runs()
        thread.join()
        for child, _ in children:
            wait_for_epoch(child, 60)
    finally:
        for child, _ in children:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
    assert not errors, errors
    runs = {r["name"]: r for r in store.list_runs()}
    assert set(runs) == {"child 0", "child 1", "thread"}
    assert runs["thread"]["epochs"] == 40 and runs["thread"]["status"] == "finished"
    for i in range(len(children)):
        assert runs[f"child {i}"]["status"] == "interrupted" and runs[f"child {i}"]["epochs"] >= 60
    assert not any(store.run_dir(r).exists() for r in doomed)
    assert store.integrity_check() == "ok"


def test_reused_pid_of_another_process_is_not_mistaken_for_the_trainer(tmp_path):
    store = RunStore(tmp_path / "h.db")
    run = store.create_run(ModelConfig())
    with sqlite3.connect(store.path) as conn:
        # Our own pid, but a different process start time: the pid was reused.
        conn.execute("UPDATE runs SET pid_start = 'other' WHERE id = ?", (run,))
    conn.close()
    expected = "interrupted" if os.path.exists(f"/proc/{os.getpid()}/stat") else "running"
    assert store.get_run(run)["status"] == expected


def test_not_a_database_is_a_readable_error(tmp_path):
    bad = tmp_path / "history.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryError, match="cannot be opened"):
        RunStore(bad)
