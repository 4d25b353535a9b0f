"""The standalone Keras script: every preset compiles, settings are filled in, and it runs."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.book.script import keras_script
from engine.errors import ConfigError
from engine.model.config import PRESETS, ModelConfig, preset

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7", "Step 8")
ALLOWED_IMPORTS = {"keras", "numpy", "matplotlib", "os", "sys"}


def _imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("source", ["keras", "aclimdb"])
@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_compiles_in_the_books_order(name, source):
    text = keras_script(preset(name), source=source)
    compile(text, f"<{name}>", "exec")
    positions = [text.index(step) for step in STEPS]
    assert positions == sorted(positions)
    assert _imports(text) <= ALLOWED_IMPORTS
    assert text.rstrip().endswith('print(f"test accuracy: {results[1]:.4f}")')


def test_the_settings_are_filled_in():
    config = ModelConfig(
        hidden_units=[32, 8, 4],
        activation="tanh",
        loss="mse",
        optimizer="adam",
        learning_rate=0.0005,
        batch_size=256,
        epochs=7,
        validation_size=5000,
        num_words=2000,
        seed=3,
        early_stopping=2,
    )
    text = keras_script(config, source="keras")
    for line in (
        "NUM_WORDS = 2000",
        "HIDDEN_UNITS = [32, 8, 4]",
        'ACTIVATION = "tanh"',
        'LOSS = "mse"',
        "BATCH_SIZE = 256",
        "EPOCHS = 7",
        "VALIDATION_SIZE = 5000",
        "SEED = 3",
        "keras.optimizers.Adam(learning_rate=0.0005)",
        "EarlyStopping(patience=2",
        "imdb.load_data(num_words=NUM_WORDS)",
    ):
        assert line in text
    book = keras_script(ModelConfig(), source="aclimdb")
    assert 'optimizer="rmsprop"' in book and "EarlyStopping" not in book
    assert "text_dataset_from_directory" in book and 'output_mode="multi_hot"' in book
    assert "differs slightly" in book and "sys.argv[1]" in book


def test_bad_requests_are_config_errors():
    with pytest.raises(ConfigError, match="source"):
        keras_script(ModelConfig(), source="csv")
    with pytest.raises(ConfigError, match="Epochs"):
        keras_script(ModelConfig(epochs=0))


def test_the_stanford_script_runs_on_an_aclimdb_folder(tiny_folder, tmp_path):
    """The generated program itself, end to end, on the tiny generated folder."""
    config = ModelConfig(num_words=100, epochs=2, validation_size=40, batch_size=32)
    script = tmp_path / "book.py"
    script.write_text(keras_script(config, source="aclimdb"), encoding="utf-8")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    proc = subprocess.run(
        [sys.executable, str(script), str(tiny_folder)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("test accuracy: 0.") and len(last) == len("test accuracy: 0.0000")
    usage = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert usage.returncode == 1 and "usage:" in usage.stderr
