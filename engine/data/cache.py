"""The processed-dataset cache: a :class:`engine.data.dataset.Dataset` as one pickle-free ``.npz``.

Tokenizing 50,000 reviews takes seconds; reading them back from flat arrays takes a
fraction of one. A cache is keyed by the source's fingerprint, the tokenizer version and
the vocabulary size, written atomically, and checked on load (zip CRCs catch flipped bytes,
:func:`_check_cache` catches arrays that do not fit together) so a damaged one can be
deleted and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

from engine.data.dataset import UNKNOWN, Dataset, pack_strings, unpack_strings
from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import DataError
from engine.files import write_atomic

CACHE_FORMAT = 2  # 2: content checksum, truncated-review count
MAX_CACHES = 3  # processed caches kept in the cache folder (about 120 MB each)
_ARRAYS = {  # name -> dtype of every array in a cache file
    "split": np.uint8,
    "label": np.uint8,
    "rating": np.uint8,
    "review_id": np.int32,
    "n_words": np.int32,
    "tokens": np.int32,
    "token_offsets": np.int64,
    "text_blob": np.uint8,
    "text_offsets": np.int64,
    "url_blob": np.uint8,
    "url_offsets": np.int64,
    "vocab_blob": np.uint8,
    "vocab_offsets": np.int64,
}
_META_KEYS = {
    "format",
    "tokenizer_version",
    "num_words",
    "source",
    "decode_errors",
    "empty_files",
    "truncated",
    "checksum",
}
_BLOBS = (
    ("token_offsets", "tokens"),
    ("text_offsets", "text_blob"),
    ("url_offsets", "url_blob"),
    ("vocab_offsets", "vocab_blob"),
)


def fingerprint(source: Path) -> str:
    """Identify a dataset source cheaply: path, size and mtime of the archive, or a hash of
    the folder listing (names, sizes, mtimes) for an extracted copy."""
    source = source.resolve()
    if source.is_file():
        st = source.stat()
        return f"file:{source}:{st.st_size}:{st.st_mtime_ns}"
    digest = hashlib.sha256()
    for folder, _, files in sorted(os.walk(source)):
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:  # a dangling link or an unreadable entry is not a review
                continue
            digest.update(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return f"dir:{source}:{digest.hexdigest()}"


def checksum(arrays: dict[str, np.ndarray]) -> str:
    """SHA-256 over every array of a cache (names, dtypes and bytes), in name order."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{a.dtype.str}:{a.size}\n".encode())
        digest.update(a.data.cast("B"))
    return digest.hexdigest()


def prune_caches(cache_dir: Path, keep: Path) -> None:
    """Delete all but the :data:`MAX_CACHES` newest caches (``keep`` always stays)."""
    caches = sorted(
        (p for p in cache_dir.glob("imdb-t*-w*-*.npz") if p.is_file() and p != keep),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in caches[MAX_CACHES - 1 :]:
        old.unlink(missing_ok=True)


def cache_path(source: Path, num_words: int, cache_dir: Path) -> Path:
    """The cache file for ``source`` tokenized with the current tokenizer and ``num_words``."""
    key = json.dumps([fingerprint(source), TOKENIZER_VERSION, num_words, CACHE_FORMAT])
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    return cache_dir / f"imdb-t{TOKENIZER_VERSION}-w{num_words}-{digest}.npz"


def save_cache(ds: Dataset, path: Path) -> Path:
    """Write ``ds`` as a pickle-free ``.npz``, atomically (temp name, then ``os.replace``)."""
    vocab_blob, vocab_offsets = pack_strings(ds.vocab)
    arrays = {name: getattr(ds, name) for name in _ARRAYS if not name.startswith("vocab")}
    arrays.update(vocab_blob=vocab_blob, vocab_offsets=vocab_offsets)
    meta = {
        "format": CACHE_FORMAT,
        "tokenizer_version": TOKENIZER_VERSION,
        "num_words": ds.num_words,
        "source": ds.source,
        "decode_errors": ds.decode_errors,
        "empty_files": ds.empty_files,
        "truncated": ds.truncated,
        "checksum": checksum(arrays),
    }
    if isinstance(ds.extra.get("dataset"), dict):  # own data: name, files, counts, skips
        meta["dataset"] = ds.extra["dataset"]
    meta_bytes = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    return write_atomic(path, lambda f: np.savez(f, meta=meta_bytes, **arrays))


def _check_cache(a: dict[str, np.ndarray], meta: dict) -> str | None:
    """Why the cache arrays are inconsistent, or None when they are sound."""
    if not isinstance(meta, dict) or not _META_KEYS <= meta.keys():
        return "metadata incomplete"
    if meta.get("format") != CACHE_FORMAT or meta.get("tokenizer_version") != TOKENIZER_VERSION:
        return "written by another version"
    if meta.get("checksum") != checksum(a):
        return "its content does not match its checksum"
    for name, dtype in _ARRAYS.items():
        if a[name].dtype != dtype or a[name].ndim != 1:
            return f"{name} has the wrong type"
    n = len(a["label"])
    if any(len(a[k]) != n for k in ("split", "rating", "review_id", "n_words")):
        return "per-review arrays differ in length"
    for offsets_name, blob_name in _BLOBS:
        off = a[offsets_name]
        expected = n + 1 if offsets_name != "vocab_offsets" else len(off)
        if (
            len(off) != expected
            or off[0] != 0
            or off[-1] != len(a[blob_name])
            or (np.diff(off) < 0).any()
        ):
            return f"{offsets_name} do not match {blob_name}"
    if not np.array_equal(np.diff(a["token_offsets"]), a["n_words"]):
        return "token counts do not match"
    vocab_size = len(a["vocab_offsets"]) - 1
    if vocab_size > meta["num_words"] or (
        len(a["tokens"]) and (a["tokens"].min() < UNKNOWN or a["tokens"].max() >= vocab_size)
    ):
        return "token ids outside the vocabulary"
    return None


def load_cache(path: Path) -> Dataset:
    """Read a cache file written by :func:`save_cache`.

    Raises:
        DataError: the file is unreadable, truncated or inconsistent (the caller deletes
            and rebuilds it).
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            a = {name: z[name] for name in _ARRAYS}
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
        problem = _check_cache(a, meta)
        vocab = unpack_strings(a["vocab_blob"], a["vocab_offsets"]) if problem is None else []
    except (
        OSError,
        EOFError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        zipfile.BadZipFile,
        zlib.error,
        UnicodeDecodeError,
    ) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    if problem is not None:
        raise DataError(f"The processed dataset cache {path} is damaged ({problem}).")
    fields = {k: v for k, v in a.items() if not k.startswith("vocab")}
    return Dataset(
        **fields,
        vocab=vocab,
        source=meta["source"],
        num_words=meta["num_words"],
        decode_errors=meta["decode_errors"],
        empty_files=meta["empty_files"],
        truncated=meta["truncated"],
        extra={
            "cache_path": str(path),
            "from_cache": True,
            **({"dataset": meta["dataset"]} if isinstance(meta.get("dataset"), dict) else {}),
        },
    )
