"""Model bundles: round trip, atomic replacement, TensorFlow-free loading, damaged files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.errors import ModelFileError
from engine.model.bundle import load_bundle, save_bundle
from engine.model.config import ModelConfig
from engine.model.predictor import Predictor

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ["good", "bad", "film", "boring", "great"] + [f"w{i}" for i in range(95)]
CONFIG = ModelConfig(num_words=100, hidden_units=[8, 4], activation="tanh")
DAMAGED = "is damaged or not an IMDB Sentiment Lab model"


def weights(seed=0):
    rng = np.random.default_rng(seed)
    return [
        rng.normal(0, 0.5, s).astype(np.float32)
        for s in ((100, 8), (8,), (8, 4), (4,), (4, 1), (1,))
    ]


@pytest.fixture(scope="module")
def keras_model():
    import keras

    model = keras.Sequential(
        [
            keras.Input((100,)),
            keras.layers.Dense(8, "tanh"),
            keras.layers.Dense(4, "tanh"),
            keras.layers.Dense(1, "sigmoid"),
        ]
    )
    model.compile("rmsprop", "binary_crossentropy", metrics=["accuracy"])
    model.set_weights(weights())
    return model


@pytest.fixture
def saved(tmp_path, keras_model) -> Path:
    return save_bundle(
        tmp_path / "model", keras_model, VOCAB, CONFIG, {"test": {"accuracy": np.float32(0.5)}}
    )


def test_round_trip_with_keras(saved, keras_model):
    assert sorted(p.name for p in saved.iterdir()) == sorted(
        ["model.keras", "vocab.txt", "config.json", "metrics.json", "weights.npz"]
    )
    bundle = load_bundle(saved, load_keras=True)
    assert bundle.vocab == VOCAB and bundle.config == CONFIG
    assert bundle.metrics == {"test": {"accuracy": 0.5}}
    for a, b in zip(bundle.weights, weights()):
        np.testing.assert_array_equal(a, b)
    x = np.zeros((2, 100), np.float32)
    x[0, [0, 2, 4]] = 1
    x[1, [1, 3]] = 1
    keras_p = bundle.model.predict(x, verbose=0)[:, 0]
    predictor = Predictor.from_bundle(saved)
    ours = [
        predictor.predict("good film great").probability,
        predictor.predict("bad boring").probability,
    ]
    np.testing.assert_allclose(ours, keras_p, atol=1e-5)
    assert load_bundle(saved / "model.keras").vocab == VOCAB  # the file path is accepted too


def test_predictor_from_bundle_needs_no_tensorflow(tmp_path):
    path = save_bundle(tmp_path / "m", None, VOCAB, CONFIG, {}, weights=weights())
    code = (
        "import sys; from engine.model.predictor import Predictor; "
        f"p = Predictor.from_bundle({str(path)!r}); print(p.predict('good film').probability); "
        "print(any(m.split('.')[0] in ('tensorflow', 'keras') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert 0 < float(out[0]) < 1 and out[1] == "False"


def test_overwrite_is_atomic_and_leaves_no_temp(tmp_path):
    target = tmp_path / "m"
    save_bundle(target, None, VOCAB, CONFIG, {"n": 1}, weights=weights(0))
    save_bundle(target, None, VOCAB, CONFIG, {"n": 2}, weights=weights(1))
    assert load_bundle(target).metrics == {"n": 2}
    np.testing.assert_array_equal(load_bundle(target).weights[0], weights(1)[0])

    class Exploding:
        def get_weights(self):
            return weights(2)

        def save(self, path):
            Path(path).write_bytes(b"half")
            raise OSError("disk full")

    with pytest.raises(OSError):
        save_bundle(target, Exploding(), VOCAB, CONFIG, {"n": 3})
    assert load_bundle(target).metrics == {"n": 2}  # the old bundle survived intact
    assert [p.name for p in tmp_path.iterdir()] == ["m"]


def test_non_finite_weights_are_not_saved(tmp_path):
    bad = weights()
    bad[2][0, 0] = np.nan
    with pytest.raises(ModelFileError, match="not finite"):
        save_bundle(tmp_path / "m", None, VOCAB, CONFIG, {}, weights=bad)
    assert not (tmp_path / "m").exists()


def test_truncated_keras_file_is_reported_as_damaged(saved):
    data = (saved / "model.keras").read_bytes()
    (saved / "model.keras").write_bytes(data[: len(data) // 2])
    load_bundle(saved)  # the numpy side is intact
    with pytest.raises(ModelFileError, match=DAMAGED) as info:
        load_bundle(saved, load_keras=True)
    assert "File not found" not in str(info.value) and "model.keras" in str(info.value)


def test_unsafe_keras_content_is_refused(saved):
    import keras

    lam = keras.Sequential(
        [
            keras.Input((100,)),
            keras.layers.Lambda(lambda x: x * 2),
            keras.layers.Dense(1, "sigmoid"),
        ]
    )
    lam.save(saved / "model.keras")
    with pytest.raises(ModelFileError, match=DAMAGED):
        load_bundle(saved, load_keras=True)


@pytest.mark.parametrize(
    "damage",
    [
        "no_folder",
        "a_file",
        "foreign",
        "bad_json",
        "bad_npz",
        "no_vocab",
        "short_vocab",
        "npz_foreign_keys",
    ],
)
def test_damaged_or_foreign_bundles(tmp_path, damage):
    path = save_bundle(tmp_path / "m", None, VOCAB, CONFIG, {}, weights=weights())
    if damage == "no_folder":
        path = tmp_path / "nothing"
    elif damage == "a_file":
        path = tmp_path / "file.keras"
        path.write_bytes(b"PK\x03\x04 nonsense")
    elif damage == "foreign":
        (path / "config.json").write_text(json.dumps({"name": "someone else's model"}))
    elif damage == "bad_json":
        (path / "config.json").write_bytes(b"\xff{not json")
    elif damage == "bad_npz":
        (path / "weights.npz").write_bytes(b"garbage" * 10)
    elif damage == "no_vocab":
        (path / "vocab.txt").unlink()
    elif damage == "short_vocab":
        (path / "vocab.txt").write_text("good\nbad\n")
    elif damage == "npz_foreign_keys":
        np.savez(path / "weights.npz", arr_0=np.zeros(3))
    with pytest.raises(ModelFileError) as info:
        Predictor.from_bundle(path)
    message = str(info.value)
    assert str(path) in message and message.endswith(".")
    assert ("No model found" in message) if damage == "no_folder" else (DAMAGED in message)
