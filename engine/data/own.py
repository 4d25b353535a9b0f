"""Your own labelled reviews: delimited text, JSON Lines or pos/neg folders, to a :class:`Dataset`.

Rows stream from the readers in :mod:`engine.data.formats` straight into compact arrays:
texts are tokenized a chunk at a time as they arrive (on a second core for large files),
their words numbered (int32) and their UTF-8 bytes appended to one blob, so no list of a
million Python strings ever exists. Rows with an
empty text or an unknown label are skipped and counted; a file with nothing usable is one
:class:`~engine.errors.DataError` sentence naming the file and its first problem.

Train and test come from two files, from a ``split`` column, or from a seeded held-out
share of one file. The vocabulary is built from the training rows only, as for IMDB.

Which files and how to read them: :mod:`engine.data.own_files`; streaming their rows into
arrays: :mod:`engine.data.own_stream`; labels: :mod:`engine.data.labels`; the record the
history keeps: :mod:`engine.data.dataset_record`.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import numpy as np

from engine.callbacks import Progress
from engine.data import cache
from engine.data.dataset import UNKNOWN, Dataset
from engine.data.dataset_record import dataset_name, fingerprint
from engine.data.labels import apply_rule, label_rule
from engine.data.own_files import OwnOptions, file_format, own_rows
from engine.data.own_stream import RowCollector
from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import Cancelled, DataError

CHUNK_ROWS = 100_000  # rows per step when counting training words
PARALLEL_BYTES = 32 << 20  # smaller inputs are not worth starting a worker process for


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return 0


def own_cache_path(paths: list[Path], options: OwnOptions, num_words: int, cache_dir: Path) -> Path:
    key = f"{fingerprint(paths, options)}-{TOKENIZER_VERSION}-{num_words}-{cache.CACHE_FORMAT}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    return cache_dir / f"own-t{TOKENIZER_VERSION}-w{num_words}-{digest}.npz"


def read_own(
    train: Path,
    test: Path | None = None,
    *,
    options: OwnOptions | None = None,
    num_words: int = 10_000,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Dataset:
    """Read and tokenize your own data into a :class:`Dataset` (no cache; see :func:`load_own`)."""
    options = options or OwnOptions()
    if not 0.0 < options.test_share < 1.0:
        raise DataError(
            f"The held-out test share must be between 0 and 1 (got {options.test_share:g})."
        )
    files = [train] + ([test] if test is not None else [])
    for path in files:
        if not path.exists():
            raise DataError(f"The dataset {path} does not exist.")
    total = sum(_size(p) for p in files)
    collector = RowCollector(progress, cancel, parallel=total >= PARALLEL_BYTES)
    done = 0
    try:
        for path, forced in zip(files, (0 if test is not None else None, 1)):
            kept, first = collector.read(path, own_rows(path, options), forced, total, done)
            done += _size(path)
            if not kept:
                problem = first or "that it is empty"
                raise DataError(f"{path} has no usable reviews: the first problem is {problem}.")
        collector.tokens.finish()
    finally:
        collector.tokens.close()
    return _finish(collector, train, test, options, num_words, progress, cancel)


def _finish(
    c: RowCollector,
    train: Path,
    test: Path | None,
    options: OwnOptions,
    num_words: int,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> Dataset:
    values = np.frombuffer(c.values, dtype=np.float64)
    rule = label_rule(values, options.label_threshold)
    labels, neutral = apply_rule(values, rule)
    keep = ~neutral if not rule.binary else np.ones(len(values), dtype=bool)
    split = np.frombuffer(c.split, dtype=np.int8).copy()
    if not (split == 1).any():
        # No test rows from a file or a split column: hold out a seeded share.
        order = np.random.default_rng(options.split_seed).permutation(len(split))
        split[:] = 0
        split[order[: int(round(len(split) * options.test_share))]] = 1
    split[split < 0] = 0
    lengths = np.frombuffer(c.tokens.lengths, dtype=np.int32)
    token_offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=token_offsets[1:])
    text_offsets = np.frombuffer(c.text_offsets, dtype=np.int64)
    numbers = np.frombuffer(c.tokens.flat, dtype=np.int32)
    ids = np.frombuffer(c.ids, dtype=np.int64)
    skipped = dict(c.skipped)
    if not keep.all():
        skipped["neutral rating"] = int((~keep).sum())
        rows = np.flatnonzero(keep)
        numbers, token_offsets = _gather(numbers, token_offsets, rows)
        blob, text_offsets = _gather(np.frombuffer(c.blob, dtype=np.uint8), text_offsets, rows)
        lengths, labels, values = lengths[rows], labels[rows], values[rows]
        split, ids = split[rows], ids[rows]
    else:
        blob = np.frombuffer(c.blob, dtype=np.uint8)
    if not (split == 0).any() or not (split == 1).any():
        raise DataError(
            f"{train} has no usable {'training' if not (split == 0).any() else 'test'} "
            "reviews once neutral ratings are left out."
        )
    if cancel is not None and cancel.is_set():
        raise Cancelled("Preparing the dataset was cancelled.")
    words = list(c.tokens.numbers)
    vocab, tokens = _index(words, numbers, token_offsets, split, num_words)
    integral = values == np.round(values)
    rating = np.where(
        (~rule.binary) & integral & (values >= 1) & (values <= 255), values, 0
    ).astype(np.uint8)
    n = len(labels)
    counts = {"train": int((split == 0).sum()), "test": int((split == 1).sum())}
    files = [str(train.resolve())] + ([str(test.resolve())] if test else [])
    info: dict[str, Any] = {
        "name": dataset_name(train, test),
        "kind": file_format(train),
        "fingerprint": fingerprint([train] + ([test] if test else []), options),
        "files": files,
        "counts": counts,
        "skipped": skipped,
        "labels": rule.describe(),
        "label_rule": rule.to_dict(),
        "split": (
            "two files"
            if test is not None
            else (
                "split column"
                if (np.frombuffer(c.split, dtype=np.int8) == 1).any()
                else f"{options.test_share:.0%} held out (seed {options.split_seed})"
            )
        ),
        "options": options.to_dict(),
    }
    if progress:
        progress(1.0, f"Prepared {n:,} reviews")
    return Dataset(
        split=split.astype(np.uint8),
        label=labels.astype(np.uint8),
        rating=rating,
        review_id=ids.astype(np.int32),
        n_words=np.asarray(lengths, dtype=np.int32),
        tokens=tokens,
        token_offsets=token_offsets,
        text_blob=blob,
        text_offsets=np.asarray(text_offsets, dtype=np.int64),
        url_blob=np.zeros(0, dtype=np.uint8),
        url_offsets=np.zeros(n + 1, dtype=np.int64),
        vocab=vocab,
        source=files[0],
        num_words=num_words,
        truncated=c.truncated,
        extra={"dataset": info, "from_cache": False},
    )


def _gather(
    flat: np.ndarray, offsets: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    starts, ends = offsets[rows], offsets[rows + 1]
    lengths = ends - starts
    new = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=new[1:])
    index = np.repeat(starts - new[:-1], lengths) + np.arange(new[-1])
    return flat[index], new


def _index(
    words: list[str], numbers: np.ndarray, offsets: np.ndarray, split: np.ndarray, num_words: int
) -> tuple[list[str], np.ndarray]:
    """The training words' vocabulary (most frequent first, ties alphabetical) and the tokens
    as vocabulary ids; counted in chunks of rows so no token-sized mask is ever built."""
    counts = np.zeros(len(words), dtype=np.int64)
    for r0 in range(0, len(split), CHUNK_ROWS):
        r1 = min(len(split), r0 + CHUNK_ROWS)
        chunk = numbers[offsets[r0] : offsets[r1]]
        mask = np.repeat(split[r0:r1] == 0, np.diff(offsets[r0 : r1 + 1]))
        counts += np.bincount(chunk[mask], minlength=len(words))
    seen = np.flatnonzero(counts)
    ranked = sorted(seen.tolist(), key=lambda i: (-counts[i], words[i]))[:num_words]
    to_vocab = np.full(len(words) + 1, UNKNOWN, dtype=np.int32)
    to_vocab[np.asarray(ranked, dtype=np.int64)] = np.arange(len(ranked), dtype=np.int32)
    return [words[i] for i in ranked], to_vocab[numbers]


def load_own(
    train: Path,
    test: Path | None = None,
    *,
    options: OwnOptions | None = None,
    num_words: int = 10_000,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
) -> Dataset:
    """:func:`read_own` through the processed cache (keyed by the files, options and ``num_words``)."""
    options = options or OwnOptions()
    files = [train] + ([test] if test is not None else [])
    cached = None
    if use_cache and cache_dir is not None and all(p.exists() for p in files):
        cached = own_cache_path(files, options, num_words, cache_dir)
        if cached.is_file():
            try:
                ds = cache.load_cache(cached)
                if progress:
                    progress(1.0, f"Loaded {len(ds):,} reviews from the cache")
                return ds
            except DataError:
                cached.unlink(missing_ok=True)
    ds = read_own(
        train, test, options=options, num_words=num_words, progress=progress, cancel=cancel
    )
    if cached is not None:
        try:
            cache.save_cache(ds, cached)
            ds.extra["cache_path"] = str(cached)
            _prune(cached)
        except OSError as exc:
            ds.extra["cache_error"] = f"The processed dataset could not be cached: {exc}."
    return ds


def _prune(keep: Path) -> None:
    """Keep the newest :data:`cache.MAX_CACHES` caches of own data."""
    others = sorted(
        (p for p in keep.parent.glob("own-t*-w*-*.npz") if p != keep),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in others[cache.MAX_CACHES - 1 :]:
        old.unlink(missing_ok=True)
