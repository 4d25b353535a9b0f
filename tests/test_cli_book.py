"""The book's commands, as subprocesses: ``--source keras``, ``script``, ``export``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.model.bundle import save_bundle
from engine.model.config import PRESETS, ModelConfig, preset
from engine.model.predictor import Predictor
from tests.keras_files_data import digests, make_keras_files
from tests.test_cli import assert_one_line_error, cli, handmade_weights

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ["good", "great", "film", "bad", "awful"] + [f"w{i}" for i in range(95)]


def cli_env(*args: str, home: Path, keras_home: Path, python: str | None = None):
    """``main.py ARGS`` (or ``python -c PYTHON ARGS``) with its own IMDB_LAB_HOME and KERAS_HOME."""
    env = {k: v for k, v in os.environ.items() if k != "IMDB_LAB_DATA"}
    env.update(IMDB_LAB_HOME=str(home), KERAS_HOME=str(keras_home), TF_CPP_MIN_LOG_LEVEL="2")
    command = (
        [sys.executable, "-c", python, *args] if python else [sys.executable, "main.py", *args]
    )
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_missing_keras_files_exit_2_with_one_line(tmp_path):
    for command in ("train", "evaluate"):
        extra = ["--model", str(_model(tmp_path))] if command == "evaluate" else []
        proc = cli_env(
            command, "--source", "keras", *extra, home=tmp_path, keras_home=tmp_path / "kh"
        )
        assert_one_line_error(proc, "imdb.npz and imdb_word_index.json are missing from")
        assert str(tmp_path / "kh" / "datasets") in proc.stderr
    assert not (tmp_path / "kh").exists()  # nothing created, nothing downloaded


def test_a_keras_file_failing_the_checksum_is_refused_and_untouched(tmp_path):
    folder = make_keras_files(tmp_path / "kh" / "datasets")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    proc = cli_env("train", "--source", "keras", home=tmp_path, keras_home=tmp_path / "kh")
    assert_one_line_error(proc, f"{folder / 'imdb.npz'} does not match the checksum")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before


# The same command line, but with the generated files' digests accepted (tests only).
ACCEPTING = """
import sys
from engine.data import keras_files
keras_files.NPZ_SHA256, keras_files.WORD_INDEX_MD5 = {digests!r}
from engine.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_train_and_evaluate_on_the_keras_source(tmp_path):
    folder = make_keras_files(tmp_path / "kh" / "datasets")
    python = ACCEPTING.format(digests=digests(folder))
    train = cli_env(
        "train", "--source", "keras", "--num-words", "100", "--epochs", "2",
        "--validation-size", "10", "--batch-size", "8", "--json",
        home=tmp_path, keras_home=tmp_path / "kh", python=python,
    )  # fmt: skip
    assert train.returncode == 0, train.stderr[-2000:]
    report = json.loads(train.stdout)
    assert report["status"] == "finished" and len(report["history"]["loss"]) == 2
    model = report["model_path"]
    evaluate = cli_env(
        "evaluate", "--source", "keras", "--model", model, "--json",
        home=tmp_path, keras_home=tmp_path / "kh", python=python,
    )  # fmt: skip
    assert evaluate.returncode == 0, evaluate.stderr[-2000:]
    assert json.loads(evaluate.stdout)["reviews"] == 40


def _preset_options(name: str) -> list[str]:
    config = preset(name)
    return [
        "--units", ",".join(map(str, config.hidden_units)),
        "--activation", config.activation,
        "--loss", config.loss,
    ]  # fmt: skip


@pytest.mark.parametrize("name", list(PRESETS))
def test_script_output_compiles_for_every_preset(name, tmp_path):
    for source in ("aclimdb", "keras"):
        proc = cli("script", "--source", source, *_preset_options(name), home=tmp_path)
        assert proc.returncode == 0, proc.stderr
        compile(proc.stdout, f"<{name} {source}>", "exec")
        assert f"HIDDEN_UNITS = {preset(name).hidden_units}" in proc.stdout


def test_script_writes_a_file_and_refuses_bad_settings(tmp_path):
    out = tmp_path / "deep" / "book.py"
    proc = cli("script", "--epochs", "4", "-o", str(out), home=tmp_path)
    assert proc.returncode == 0 and "EPOCHS = 4" in out.read_text()
    assert_one_line_error(cli("script", "--epochs", "0", home=tmp_path), "Epochs must be")


def _model(tmp_path: Path) -> Path:
    return save_bundle(
        tmp_path / "models" / "m", None, VOCAB, ModelConfig(num_words=100, hidden_units=[4]),
        weights=handmade_weights(),
    )  # fmt: skip


def test_exported_archive_works_with_predict_and_evaluate_model(tmp_path, tiny_archive):
    model = _model(tmp_path)
    archive = tmp_path / "mine.imdbmodel"
    proc = cli("export", "--model", str(model), "-o", str(archive), home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    predicted = cli("predict", "--model", str(archive), "--json", "good great film", home=tmp_path)
    assert predicted.returncode == 0, predicted.stderr
    expected = Predictor.from_bundle(model).predict("good great film").probability
    assert json.loads(predicted.stdout)["probability"] == pytest.approx(expected, abs=1e-6)
    evaluated = cli(
        "evaluate", "--model", str(archive), "--data", str(tiny_archive), "--no-size-check",
        "--json", home=tmp_path,
    )  # fmt: skip
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["reviews"] == 120


def test_foreign_model_files_are_refused_in_one_line(tmp_path):
    junk = tmp_path / "junk.imdbmodel"
    junk.write_bytes(np.random.default_rng(1).bytes(500))
    for command in ("predict", "evaluate"):
        args = ["good"] if command == "predict" else []
        proc = cli(command, "--model", str(junk), *args, home=tmp_path)
        assert_one_line_error(proc, "is not an IMDB Sentiment Lab model file")


def test_export_keras_model_via_the_cli(tmp_path):
    model = _model(tmp_path)
    dest = tmp_path / "plain.keras"
    proc = cli("export", "--keras", "--model", str(model), "-o", str(dest), home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    import keras

    loaded = keras.models.load_model(dest, safe_mode=True)
    assert loaded.input_shape == (None, 100)
