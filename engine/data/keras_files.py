"""The book's copy of IMDB from Keras's own files, verified before anything reads it.

``keras.datasets.imdb.load_data`` keeps two files in Keras's cache folder
(``$KERAS_HOME/datasets``, by default ``~/.keras/datasets``): ``imdb.npz`` (the reviews as
word ranks) and ``imdb_word_index.json`` (word -> rank). This module finds them there,
checks them against the digests Keras publishes, and only then reads them, with an
unpickler that can build numpy arrays and nothing else. It never calls Keras's
``get_file``, which re-downloads and overwrites a file that fails its check: a file that
does not match is refused and left exactly as it is. When the files are missing,
:func:`download_keras_files` fetches them from Keras's official address (the window offers
this); the command line only says what is missing and where it goes.

The result is the same as ``imdb.load_data(num_words=...)`` (same shuffle, same start,
out-of-vocabulary and offset conventions), as a :class:`~engine.data.dataset.Dataset`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import threading
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from engine.callbacks import Progress
from engine.data.dataset import Dataset
from engine.data.download import download
from engine.data.keras_copy import from_keras_arrays
from engine.errors import Cancelled, DataError

ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
NPZ_NAME = "imdb.npz"
WORD_INDEX_NAME = "imdb_word_index.json"
FILE_NAMES = (NPZ_NAME, WORD_INDEX_NAME)
# The digests Keras itself checks (keras/src/datasets/imdb.py): sha256 for the reviews,
# md5 for the word index. Only tests replace them, to read small generated files.
NPZ_SHA256 = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
WORD_INDEX_MD5 = "bfafd718b763782e994055a2d397834f"
# load_data's defaults, which the book uses.
SEED, START_CHAR, OOV_CHAR, INDEX_FROM = 113, 1, 2, 3
SOURCE_NAME = "keras.datasets.imdb"

# Everything an object array of int lists needs to be rebuilt; any other global is refused.
_ALLOWED_GLOBALS = frozenset(
    {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }
)


def keras_datasets_dir() -> Path:
    """Keras's cache folder for datasets: ``$KERAS_HOME/datasets`` or ``~/.keras/datasets``."""
    home = os.environ.get("KERAS_HOME", "").strip()
    base = Path(home).expanduser() if home else Path.home() / ".keras"
    return base / "datasets"


def missing_files(folder: str | Path | None = None) -> list[Path]:
    """The Keras files not present in ``folder`` (default :func:`keras_datasets_dir`)."""
    folder = Path(folder).expanduser() if folder else keras_datasets_dir()
    return [folder / name for name in FILE_NAMES if not (folder / name).is_file()]


def missing_message(missing: list[Path]) -> str:
    """One sentence: which Keras files are missing and where they belong."""
    names = " and ".join(p.name for p in missing)
    verb, them = ("is", "it") if len(missing) == 1 else ("are", "them")
    return (
        f"The Keras copy of IMDB is not there: {names} {verb} missing from "
        f"{missing[0].parent}; put {them} there (from {ORIGIN}), set KERAS_HOME to the "
        f"folder above a datasets/ folder that holds {them}, or download {them} in the window."
    )


class _ArrayUnpickler(pickle.Unpickler):
    """Builds numpy arrays only; anything else in the stream is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a Keras dataset")


KerasSplit = tuple[list[np.ndarray], np.ndarray]  # (sequences, labels) of one split


def _read_npy(raw: bytes) -> np.ndarray:
    fp = io.BytesIO(raw)
    try:
        return np.lib.format.read_array(fp, allow_pickle=False)
    except ValueError:  # an object array (ragged reviews): only through the restricted unpickler
        fp.seek(0)
        major, _ = np.lib.format.read_magic(fp)
        if major == 1:
            np.lib.format.read_array_header_1_0(fp)
        else:  # 2.0 and 3.0 share the header-length layout
            np.lib.format.read_array_header_2_0(fp)
        return _ArrayUnpickler(fp).load()


def _verified_bytes(path: Path, algorithm: str, expected: str) -> bytes:
    """The file's bytes, once they match ``expected``; the same bytes are then parsed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    digest = hashlib.new(algorithm, data).hexdigest()
    if digest != expected:
        raise DataError(
            f"{path} does not match the checksum Keras publishes for it ({algorithm} "
            f"{digest[:12]}... instead of {expected[:12]}...), so it was not read; it has "
            f"been left untouched (replace it with Keras's own file, or remove it to download "
            f"that again)."
        )
    return data


def read_keras_files(folder: str | Path | None = None) -> tuple[dict[str, np.ndarray], dict]:
    """The raw arrays of ``imdb.npz`` and the word index, both verified first.

    Raises:
        DataError: a file is missing, fails its checksum (it is not read and not touched),
            or is not in Keras's format.
    """
    folder = Path(folder).expanduser() if folder else keras_datasets_dir()
    missing = missing_files(folder)
    if missing:
        raise DataError(missing_message(missing))
    npz_path, index_path = folder / NPZ_NAME, folder / WORD_INDEX_NAME
    npz_bytes = _verified_bytes(npz_path, "sha256", NPZ_SHA256)
    index_bytes = _verified_bytes(index_path, "md5", WORD_INDEX_MD5)
    try:
        with zipfile.ZipFile(io.BytesIO(npz_bytes)) as archive:
            arrays = {
                name[: -len(".npy")]: _read_npy(archive.read(name))
                for name in archive.namelist()
                if name.endswith(".npy")
            }
        word_index = json.loads(index_bytes.decode("utf-8"))
    except (zipfile.BadZipFile, ValueError, pickle.UnpicklingError, EOFError) as exc:
        raise DataError(f"{npz_path} is not in Keras's IMDB format ({exc}).") from None
    needed = {"x_train", "y_train", "x_test", "y_test"}
    if not needed <= arrays.keys() or not isinstance(word_index, dict):
        raise DataError(f"{npz_path} is not in Keras's IMDB format (arrays are missing).")
    return arrays, word_index


def _shuffled_flat(
    x: np.ndarray, y: np.ndarray, rng: np.random.RandomState
) -> tuple[list[np.ndarray], np.ndarray]:
    order = np.arange(len(x))
    rng.shuffle(order)
    return [x[i] for i in order], np.asarray(y)[order]


def keras_like_arrays(
    arrays: dict[str, np.ndarray], num_words: int
) -> tuple[KerasSplit, KerasSplit]:
    """What ``imdb.load_data(num_words=num_words)`` returns for these raw arrays.

    The same seeded shuffle (train first, then test, one generator), a start marker,
    ranks offset by 3, and ranks outside ``num_words`` replaced by the unknown marker.

    Returns:
        ``(train_x, train_y), (test_x, test_y)``, sequences as int32 numpy arrays.
    """
    rng = np.random.RandomState(SEED)
    splits: list[KerasSplit] = []
    for part in ("train", "test"):
        seqs, labels = _shuffled_flat(arrays[f"x_{part}"], arrays[f"y_{part}"], rng)
        out = []
        for seq in seqs:
            ids = np.asarray(seq, dtype=np.int64) + INDEX_FROM
            ids[ids >= num_words] = OOV_CHAR
            out.append(np.concatenate(([START_CHAR], ids)).astype(np.int32))
        splits.append((out, labels.astype(np.int64)))
    return splits[0], splits[1]


def load_keras_copy(
    num_words: int = 10_000,
    folder: str | Path | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Dataset:
    """The Keras copy as a :class:`~engine.data.dataset.Dataset` (verified, never downloaded).

    Raises:
        DataError: files missing or refused (see :func:`read_keras_files`).
        Cancelled: ``cancel`` was set.
    """
    if progress:
        progress(0.0, "Checking the Keras copy of IMDB")
    arrays, word_index = read_keras_files(folder)
    if cancel is not None and cancel.is_set():
        raise Cancelled("Loading the Keras copy was cancelled.")
    if progress:
        progress(0.5, "Reading the Keras copy of IMDB")
    (train_x, train_y), (test_x, test_y) = keras_like_arrays(arrays, num_words)
    dataset = from_keras_arrays(train_x, train_y, test_x, test_y, word_index, num_words)
    dataset.source = SOURCE_NAME
    dataset.extra["keras_folder"] = str(
        Path(folder).expanduser() if folder else keras_datasets_dir()
    )
    if progress:
        progress(1.0, f"Loaded {len(dataset):,} reviews from the Keras copy")
    return dataset


def download_keras_files(
    folder: str | Path | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    origin: str = ORIGIN,
    timeout: float = 30,
) -> list[Path]:
    """Download the missing Keras files into ``folder`` (default Keras's cache folder).

    Files already there are never replaced, even ones that fail their checksum. Each
    download goes to a hidden temp name, is verified, and only then renamed into place; a
    download that fails its checksum is removed.

    Returns:
        The files downloaded.

    Raises:
        DataError: the network or the server failed, or a download did not match.
        Cancelled: ``cancel`` was set.
    """
    folder = Path(folder).expanduser() if folder else keras_datasets_dir()
    missing = missing_files(folder)
    # The reviews are about 17 MB, the word index about 1.6 MB.
    shares = {NPZ_NAME: 0.9, WORD_INDEX_NAME: 0.1}
    done = 0.0
    fetched = []
    for target in missing:
        share, start = shares[target.name], done
        scaled = (lambda f, m, s=start, w=share: progress(s + w * f, m)) if progress else None
        temp = folder / f".{target.name}.download"
        try:
            download(origin + target.name, temp, progress=scaled, cancel=cancel, timeout=timeout)
            algorithm, expected = (
                ("sha256", NPZ_SHA256) if target.name == NPZ_NAME else ("md5", WORD_INDEX_MD5)
            )
            _verified_bytes(temp, algorithm, expected)
            os.replace(temp, target)
        except DataError as exc:
            if temp.exists():
                raise DataError(
                    f"The downloaded {target.name} does not match the checksum Keras "
                    f"publishes for it, so it was discarded."
                ) from exc
            raise
        finally:
            temp.unlink(missing_ok=True)
        fetched.append(target)
        done += share
    if progress:
        progress(1.0, "Downloaded the Keras copy of IMDB")
    return fetched
