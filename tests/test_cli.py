"""The command line, run as ``python main.py ...`` subprocesses against a temp IMDB_LAB_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from engine.model.bundle import save_bundle
from engine.model.config import ModelConfig
from engine.model.predictor import Predictor
from engine.runs.history import RunStore

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ["good", "great", "film", "bad", "awful"] + [f"w{i}" for i in range(95)]


def cli(
    *args: str,
    home: Path,
    stdin: str | None = None,
    data_env: str | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "IMDB_LAB_DATA"}
    env["IMDB_LAB_HOME"] = str(home)
    if data_env:
        env["IMDB_LAB_DATA"] = data_env
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, fragment: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def handmade_weights(seed=0):
    rng = np.random.default_rng(seed)
    w = [rng.normal(0, 0.3, s).astype(np.float32) for s in ((100, 4), (4,), (4, 1), (1,))]
    w[0][0:2] += 1.0  # "good", "great" push the hidden units up...
    w[0][3:5] -= 1.0  # ..."bad", "awful" down
    w[2][:] = np.abs(w[2]) + 0.5
    return w


@pytest.fixture
def model_dir(lab_home) -> Path:
    """A saved bundle registered as the latest finished run in this test's home."""
    store = RunStore()
    run = store.create_run(ModelConfig(hidden_units=[4]), name="handmade")
    path = save_bundle(
        store.run_dir(run) / "model",
        None,
        VOCAB,
        ModelConfig(hidden_units=[4]),
        {},
        weights=handmade_weights(),
    )
    store.finish_run(run, "finished", model_path=path)
    return path


def test_predict_json_matches_predictor(model_dir, lab_home):
    proc = cli("predict", "--json", "A good, great film!", "awful bad film", home=lab_home)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    predictor = Predictor.from_bundle(model_dir)
    assert [r["label"] for r in rows] == ["positive", "negative"]
    for row, text in zip(rows, ["A good, great film!", "awful bad film"]):
        assert row["probability"] == pytest.approx(predictor.predict(text).probability, abs=1e-9)
    assert (rows[0]["known_words"], rows[0]["unknown_words"]) == (3, 1)
    assert "contributions" not in rows[0]


def test_predict_explain_file_and_stdin(model_dir, lab_home, tmp_path):
    reviews = tmp_path / "reviews.txt"
    reviews.write_text("good film\n\nbad w1 nothing\n", encoding="utf-8")
    proc = cli(
        "predict",
        "--model",
        str(model_dir),
        "--explain",
        "--json",
        "--file",
        str(reviews),
        home=lab_home,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 2  # the blank line is skipped
    explained = Predictor.from_bundle(model_dir).explain("bad w1 nothing")
    assert rows[1]["contributions"] == pytest.approx(explained.contributions, abs=1e-9)
    assert set(rows[1]["contributions"]) == {"bad", "w1"}
    assert rows[0]["contributions"]["good"] > 0 > rows[1]["contributions"]["bad"]
    piped = cli("predict", "--json", "-", home=lab_home, stdin="good film\nawful\n")
    assert [json.loads(x)["label"] for x in piped.stdout.splitlines()] == ["positive", "negative"]
    plain = cli("predict", "good film", home=lab_home)
    assert plain.returncode == 0 and plain.stdout.startswith("positive")


def test_runs_json_lists_newest_first(model_dir, lab_home):
    RunStore().create_run(ModelConfig(), name="second")
    proc = cli("runs", "--json", home=lab_home)
    assert proc.returncode == 0, proc.stderr
    runs = json.loads(proc.stdout)
    assert [r["name"] for r in runs] == ["second", "handmade"]
    assert runs[1]["status"] == "finished" and runs[1]["model_path"] == str(model_dir)
    for key in ("id", "epochs", "best_epoch", "started", "ended", "loss", "val_accuracy"):
        assert key in runs[0]
    table = cli("runs", home=lab_home)
    assert table.returncode == 0 and "handmade" in table.stdout


def test_errors_exit_2_with_one_line(model_dir, lab_home, tmp_path):
    assert_one_line_error(
        cli("predict", "   ", home=lab_home), "Nothing to predict: the text is empty."
    )
    assert_one_line_error(cli("predict", home=lab_home), "Nothing to predict")
    (model_dir / "weights.npz").write_bytes(b"broken")
    assert_one_line_error(
        cli("predict", "good", home=lab_home), "is damaged or not an IMDB Sentiment Lab model"
    )
    assert_one_line_error(
        cli("predict", "--model", str(tmp_path / "none"), "good", home=lab_home), "No model found"
    )
    assert_one_line_error(
        cli("predict", "--file", str(tmp_path / "missing.txt"), home=lab_home), "Cannot read"
    )
    assert_one_line_error(cli("train", "--units", "16,x", home=lab_home), "--units")
    assert_one_line_error(cli("train", "--epochs", "0", home=lab_home), "Epochs must be between")
    assert_one_line_error(cli("frobnicate", home=lab_home), "invalid choice")
    empty_home = tmp_path / "empty_home"
    assert_one_line_error(cli("train", home=empty_home), "No dataset found")
    assert_one_line_error(cli("predict", "good", home=empty_home), "No trained model found")


def test_no_arguments_opens_the_window_and_commands_do_not_load_qt(monkeypatch, lab_home):
    import main as entry  # main.py: the window for no command, the CLI otherwise

    calls = []
    fake = types.ModuleType("gui.app")
    fake.run = lambda argv: calls.append(argv) or 0
    monkeypatch.setitem(sys.modules, "gui.app", fake)
    assert entry.run([]) == 0 and entry.run(["--train", "x"]) == 0
    assert calls == [[], ["--train", "x"]]
    code = (
        "import sys; from engine.cli import main; main(['runs', '--json']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'gui', 'tensorflow'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "IMDB_LAB_HOME": str(lab_home)},
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture(scope="module")
def trained(tiny_archive, tmp_path_factory):
    """One 2-epoch training run on the tiny archive (TensorFlow starts once for the module)."""
    home = tmp_path_factory.mktemp("cli_home")
    proc = cli(
        "train",
        "--data",
        str(tiny_archive),
        "--no-size-check",
        "--epochs",
        "2",
        "--validation-size",
        "40",
        "--batch-size",
        "32",
        "--units",
        "8,8",
        "--seed",
        "1",
        "--name",
        "tiny",
        "--json",
        home=home,
    )
    return home, proc


def test_train_json(trained):
    home, proc = trained
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["status"] == "finished" and isinstance(report["run_id"], int)
    assert report["config"]["hidden_units"] == [8, 8] and report["config"]["epochs"] == 2
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert len(report["history"][key]) == 2 and all(np.isfinite(report["history"][key]))
    assert report["best_epoch"] in (1, 2)
    assert Path(report["model_path"]).is_dir() and report["timings"]["total"] > 0
    epoch_lines = [line for line in proc.stderr.splitlines() if line.startswith("epoch ")]
    assert len(epoch_lines) == 2 and "val_accuracy" in epoch_lines[0]


def test_trained_model_predicts_evaluates_and_is_listed(trained, tiny_archive):
    home, proc = trained
    report = json.loads(proc.stdout)
    pred = cli("predict", "--json", "--explain", "wonderful superb film", home=home)
    assert pred.returncode == 0, pred.stderr
    row = json.loads(pred.stdout)
    assert set(row["contributions"]) <= {"wonderful", "superb", "film"} and row["known_words"] == 3
    runs = json.loads(cli("runs", "--json", home=home).stdout)
    assert (
        runs[0]["id"] == report["run_id"] and runs[0]["epochs"] == 2 and runs[0]["name"] == "tiny"
    )
    ev = cli("evaluate", "--json", "--data", str(tiny_archive), "--no-size-check", home=home)
    assert ev.returncode == 0, ev.stderr
    metrics = json.loads(ev.stdout)
    assert metrics["reviews"] == 120 and 0 <= metrics["accuracy"] <= 1 and metrics["loss"] > 0
    assert metrics["model_path"] == report["model_path"]


def test_kill_9_during_cli_training_keeps_committed_epochs(tiny_archive, tmp_path):
    """Issue 5: SIGKILL mid-training; the next start shows the run interrupted with its epochs."""
    import signal
    import sqlite3

    env = {k: v for k, v in os.environ.items() if k != "IMDB_LAB_DATA"}
    env["IMDB_LAB_HOME"] = str(tmp_path)
    child = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "train",
            "--data",
            str(tiny_archive),
            "--no-size-check",
            "--epochs",
            "1000",
            "--validation-size",
            "40",
            "--batch-size",
            "8",
            "--name",
            "killed",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        for line in child.stdout:  # each line is printed after its epoch was committed
            if line.startswith("epoch 3/"):
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    proc = cli("runs", "--json", home=tmp_path)
    run = json.loads(proc.stdout)[0]
    assert run["name"] == "killed" and run["status"] == "interrupted" and run["epochs"] >= 3
    db = tmp_path / "data" / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT status FROM runs WHERE id = ?", (run["id"],)).fetchone()[0]
            == "interrupted"
        )
    conn.close()
