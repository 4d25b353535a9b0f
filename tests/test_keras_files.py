"""Keras's own IMDB files: located, verified before reading, read safely, never replaced."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from engine.data import keras_files
from engine.errors import Cancelled, DataError
from tests.keras_files_data import digests, make_keras_files


@pytest.fixture
def folder(tmp_path) -> Path:
    return make_keras_files(tmp_path / "datasets")


@pytest.fixture
def accept(monkeypatch):
    """Accept the digests of a generated folder instead of Keras's published ones."""

    def accept_folder(path: Path) -> None:
        npz, index = digests(path)
        monkeypatch.setattr(keras_files, "NPZ_SHA256", npz)
        monkeypatch.setattr(keras_files, "WORD_INDEX_MD5", index)

    return accept_folder


def test_the_published_digests_are_keras_own():
    assert keras_files.NPZ_SHA256 == (
        "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
    )
    assert keras_files.WORD_INDEX_MD5 == "bfafd718b763782e994055a2d397834f"


def test_keras_home_decides_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    assert keras_files.keras_datasets_dir() == tmp_path / "kh" / "datasets"
    monkeypatch.delenv("KERAS_HOME")
    assert keras_files.keras_datasets_dir() == Path.home() / ".keras" / "datasets"


def test_the_generated_file_is_one_keras_reads_and_we_read_it_the_same(folder, accept):
    """Keras's own load_data accepts the file and returns what our reader returns."""
    from keras.src.datasets import imdb as keras_imdb

    accept(folder)
    # Only the download step is bypassed (it would hash-check against the published file
    # and fetch it); the parsing, shuffle and index conventions are Keras's own.
    original = keras_imdb.get_file
    keras_imdb.get_file = lambda fname, origin, file_hash: fname
    try:
        (kx, ky), (tx, ty) = keras_imdb.load_data(path=str(folder / "imdb.npz"), num_words=9)
    finally:
        keras_imdb.get_file = original
    arrays, word_index = keras_files.read_keras_files(folder)
    (ox, oy), (otx, oty) = keras_files.keras_like_arrays(arrays, num_words=9)
    assert [list(s) for s in kx] == [s.tolist() for s in ox]
    assert [list(s) for s in tx] == [s.tolist() for s in otx]
    assert ky.tolist() == oy.tolist() and ty.tolist() == oty.tolist()
    assert max(max(s) for s in kx) <= 8 and all(s[0] == 1 for s in kx)
    assert word_index["the"] == 1


def test_load_keras_copy_builds_the_books_dataset(folder, accept):
    accept(folder)
    steps = []
    ds = keras_files.load_keras_copy(
        num_words=100, folder=folder, progress=lambda f, m: steps.append(f)
    )
    assert ds.counts == {"train": 40, "test": 40} and ds.source == "keras.datasets.imdb"
    first = ds.token_ids(0)
    assert first[0] == 1 and first.max() < 100  # the start marker, then ranks + 3
    assert ds.text(0).split()[0] in {
        "the",
        "film",
        "great",
        "awful",
        "plot",
        "acting",
        "boring",
        "loved",
        "rare",
        "odd",
    }
    assert ds.vocab[:5] == ["<pad>", "<start>", "<unk>", "<unused>", "the"]
    assert steps[0] == 0.0 and steps[-1] == 1.0


def test_missing_files_are_named_with_their_folder(tmp_path):
    with pytest.raises(DataError) as info:
        keras_files.load_keras_copy(folder=tmp_path)
    message = str(info.value)
    assert "imdb.npz and imdb_word_index.json are missing from" in message
    assert str(tmp_path) in message and message.count(". ") == 0


def _fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_file_failing_the_checksum_is_refused_and_left_untouched(folder):
    npz = folder / "imdb.npz"
    before = _fingerprint(npz)
    with pytest.raises(DataError, match="does not match the checksum Keras publishes") as info:
        keras_files.load_keras_copy(folder=folder)  # production digests
    assert str(npz) in str(info.value) and "left untouched" in str(info.value)
    assert _fingerprint(npz) == before and sorted(os.listdir(folder)) == [
        "imdb.npz",
        "imdb_word_index.json",
    ]


class _Gadget:
    """Unpickling this runs ``os.system`` (what a tampered file could do)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _malicious_npz(path: Path, marker: Path) -> None:
    arr = np.empty(1, dtype=object)
    arr[0] = _Gadget(marker)
    np.savez(path, x_train=arr, y_train=np.zeros(1), x_test=arr, y_test=np.zeros(1))


def test_a_tampered_file_is_never_unpickled(folder, accept, tmp_path):
    marker = tmp_path / "pwned"
    _malicious_npz(folder / "imdb.npz", marker)
    with pytest.raises(DataError, match="does not match the checksum"):
        keras_files.load_keras_copy(folder=folder)
    assert not marker.exists()
    # Even a file that passed the check could not run code: only arrays are rebuilt.
    accept(folder)
    with pytest.raises(DataError, match="not in Keras's IMDB format"):
        keras_files.load_keras_copy(folder=folder)
    assert not marker.exists()


def test_a_damaged_file_with_the_right_digest_is_a_data_error(folder, accept):
    (folder / "imdb.npz").write_bytes(b"PK\x03\x04 not really a zip")
    accept(folder)
    with pytest.raises(DataError, match="not in Keras's IMDB format"):
        keras_files.load_keras_copy(folder=folder)


def test_download_fetches_verifies_and_places_both_files(folder, accept, tmp_path):
    accept(folder)
    target = tmp_path / "cache" / "datasets"
    seen = []
    fetched = keras_files.download_keras_files(
        target, progress=lambda f, m: seen.append(f), origin=folder.as_uri() + "/"
    )
    assert [p.name for p in fetched] == ["imdb.npz", "imdb_word_index.json"]
    assert (target / "imdb.npz").read_bytes() == (folder / "imdb.npz").read_bytes()
    assert sorted(os.listdir(target)) == ["imdb.npz", "imdb_word_index.json"]
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert len(keras_files.load_keras_copy(100, target)) == 80


def test_download_never_replaces_a_file_that_is_there(folder, accept, tmp_path):
    accept(folder)
    target = tmp_path / "mine"
    target.mkdir()
    (target / "imdb.npz").write_bytes(b"my own file")
    fetched = keras_files.download_keras_files(target, origin=folder.as_uri() + "/")
    assert [p.name for p in fetched] == ["imdb_word_index.json"]
    assert (target / "imdb.npz").read_bytes() == b"my own file"


def test_a_download_that_fails_the_checksum_is_discarded(folder, tmp_path):
    target = tmp_path / "empty"
    with pytest.raises(DataError, match="downloaded imdb.npz does not match"):
        keras_files.download_keras_files(target, origin=folder.as_uri() + "/")
    assert os.listdir(target) == []


def test_download_can_be_cancelled(folder, accept, tmp_path):
    import threading

    accept(folder)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        keras_files.download_keras_files(
            tmp_path / "d", cancel=cancel, origin=folder.as_uri() + "/"
        )
    assert os.listdir(tmp_path / "d") == []


def test_the_restricted_reader_reads_plain_and_object_arrays(tmp_path):
    arr = np.empty(2, dtype=object)
    arr[:] = [[1, 2, 3], [4]]
    np.savez(tmp_path / "a.npz", ragged=arr, plain=np.arange(3))
    with zipfile.ZipFile(tmp_path / "a.npz") as z:
        ragged = keras_files._read_npy(z.read("ragged.npy"))
        plain = keras_files._read_npy(z.read("plain.npy"))
    assert [list(x) for x in ragged] == [[1, 2, 3], [4]] and plain.tolist() == [0, 1, 2]
