"""Model files: the one-file archive, the plain .keras export, and refusing foreign files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from engine.errors import ModelFileError
from engine.model import export
from engine.model.bundle import load_bundle, save_bundle
from engine.model.config import ModelConfig
from engine.model.predictor import Predictor

VOCAB = ["good", "bad", "film", "boring", "great"] + [f"w{i}" for i in range(95)]
CONFIG = ModelConfig(num_words=100, hidden_units=[8, 4], activation="tanh")
NOT_OURS = "is not an IMDB Sentiment Lab model file"


def _weights(seed=0):
    rng = np.random.default_rng(seed)
    shapes = ((100, 8), (8,), (8, 4), (4,), (4, 1), (1,))
    return [rng.normal(0, 0.5, s).astype(np.float32) for s in shapes]


@pytest.fixture
def bundle_dir(tmp_path) -> Path:
    return save_bundle(
        tmp_path / "run" / "model",
        None,
        VOCAB,
        CONFIG,
        {"test": {"accuracy": 0.5}},
        weights=_weights(),
    )


def test_archive_round_trip_gives_the_same_model(bundle_dir, tmp_path, lab_home):
    file = export.export_archive(bundle_dir, tmp_path / "out" / "mine.imdbmodel")
    assert file.is_file() and not [p for p in file.parent.iterdir() if p.name.startswith(".")]
    with zipfile.ZipFile(file) as z:
        assert sorted(z.namelist()) == ["config.json", "metrics.json", "vocab.txt", "weights.npz"]
    opened = export.resolve_model(file)
    assert opened.is_relative_to(lab_home)
    bundle = load_bundle(opened)
    assert bundle.vocab == VOCAB and bundle.config == CONFIG
    assert bundle.metrics == {"test": {"accuracy": 0.5}}
    for a, b in zip(bundle.weights, _weights()):
        np.testing.assert_array_equal(a, b)
    assert export.resolve_model(file) == opened  # the same archive is the same folder
    assert export.resolve_model(bundle_dir) == bundle_dir
    assert export.resolve_model(bundle_dir / "config.json") == bundle_dir


def test_export_replaces_an_existing_file_atomically(bundle_dir, tmp_path):
    dest = tmp_path / "m.imdbmodel"
    dest.write_bytes(b"old")
    export.export_archive(bundle_dir, dest)
    assert zipfile.is_zipfile(dest)
    with pytest.raises(ModelFileError):
        export.export_archive(tmp_path / "nothing", tmp_path / "n.imdbmodel")
    assert not (tmp_path / "n.imdbmodel").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.imdbmodel", "run"]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_foreign_and_damaged_files_are_refused_in_one_sentence(bundle_dir, tmp_path):
    cases = {
        "random.bin": None,
        "other.zip": {"readme.txt": b"hello"},
        "model.keras": {"config.json": b"{}", "metadata.json": b"{}", "model.weights.h5": b""},
        "evil.imdbmodel": {"../config.json": b"{}", "vocab.txt": b"a", "weights.npz": b""},
    }
    for name, members in cases.items():
        path = tmp_path / name
        if members is None:
            path.write_bytes(np.random.default_rng(0).bytes(300))
        else:
            _zip(path, members)
        with pytest.raises(ModelFileError, match=NOT_OURS) as info:
            export.resolve_model(path)
        assert "\n" not in str(info.value) and str(info.value).endswith(".")
    assert "without the vocabulary" in _message(export.resolve_model, tmp_path / "model.keras")
    assert not (tmp_path.parent / "config.json").exists()
    # An archive whose bundle is broken (weights do not match the vocabulary).
    broken = export.export_archive(bundle_dir, tmp_path / "b.imdbmodel")
    with zipfile.ZipFile(broken) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["vocab.txt"] = b"only\nthree\nwords\n"
    _zip(tmp_path / "b2.imdbmodel", members)
    assert "does not match vocab.txt" in _message(export.resolve_model, tmp_path / "b2.imdbmodel")


def _message(fn, *args) -> str:
    with pytest.raises(ModelFileError) as info:
        fn(*args)
    return str(info.value)


def test_keras_export_opens_in_safe_mode_with_multi_hot_input(bundle_dir, tmp_path):
    import keras

    dest = export.export_keras_model(bundle_dir, tmp_path / "plain.keras")
    model = keras.models.load_model(dest, safe_mode=True)
    assert model.input_shape == (None, 100)
    assert {type(layer).__name__ for layer in model.layers} == {"Dense"}
    texts = ["good great film", "bad boring film", "film"]
    predictor = Predictor.from_bundle(bundle_dir)
    rows = np.zeros((len(texts), 100), dtype=np.float32)
    for r, text in enumerate(texts):
        for word in text.split():
            rows[r, VOCAB.index(word)] = 1.0
    expected = [predictor.predict(t).probability for t in texts]
    np.testing.assert_allclose(model.predict(rows, verbose=0).ravel(), expected, atol=1e-5)
    with pytest.raises(ModelFileError, match="must end in .keras"):
        export.export_keras_model(bundle_dir, tmp_path / "plain.h5")
