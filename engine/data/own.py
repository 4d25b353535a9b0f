"""Your own labelled reviews: delimited text, JSON Lines or pos/neg folders, to a :class:`Dataset`.

Rows stream from the readers in :mod:`engine.data.formats` straight into compact arrays:
texts are tokenized a chunk at a time as they arrive (on a second core for large files),
their words numbered (int32) and their UTF-8 bytes appended to one blob, so no list of a
million Python strings ever exists. Rows with an
empty text or an unknown label are skipped and counted; a file with nothing usable is one
:class:`~engine.errors.DataError` sentence naming the file and its first problem.

Train and test come from two files, from a ``split`` column, or from a seeded held-out
share of one file. The vocabulary is built from the training rows only, as for IMDB.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import threading
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.callbacks import Progress
from engine.data import cache
from engine.data.archive import MAX_REVIEW_BYTES
from engine.data.bulk_tokens import index_chunk
from engine.data.dataset import UNKNOWN, Dataset
from engine.data.formats import delimited, folder, jsonl
from engine.data.formats.columns import LABEL_NAMES, TEXT_NAMES, ColumnChoice, Row
from engine.data.labels import LabelRule, apply_rule, label_rule, label_value
from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import Cancelled, DataError

OWN_FORMAT = 1
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
STANFORD_SUFFIXES = (".gz", ".tgz", ".tar", ".npz")
TRAIN_WORDS = {"train": 0, "training": 0, "dev": 0, "val": 0, "valid": 0, "validation": 0}
TEST_WORDS = {"test": 1, "testing": 1}
CHUNK_ROWS = 100_000  # rows per step when counting training words
TOKEN_CHUNK = 2500  # texts tokenized at once (~1-3 MB)
IN_FLIGHT = 2  # chunks waiting for the worker process at most
PARALLEL_BYTES = 32 << 20  # smaller inputs are not worth starting a worker process for


@dataclass(frozen=True)
class OwnOptions:
    """How to read your own data (the CLI's ``--text-column`` and friends)."""

    text_column: str | None = None
    label_column: str | None = None
    label_threshold: float | None = None
    test_share: float = 0.25  # held out when there is no test file and no split column
    split_seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ColumnsUnknown(DataError):
    """No known header names the text and label columns; ``columns`` lists the header.

    Built from one sentence like every :class:`LabError` (the training process rebuilds
    errors that way); :meth:`for_file` writes the sentence and keeps the columns.
    """

    def __init__(
        self, message: str, path: Path | None = None, columns: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.columns = list(columns or [])

    @classmethod
    def for_file(cls, path: Path, columns: list[str]) -> ColumnsUnknown:
        first = ", ".join(c[:30] for c in columns[:8]) or "empty"
        return cls(
            f"{path} has no column named {'/'.join(TEXT_NAMES)} for the text or "
            f"{'/'.join(LABEL_NAMES)} for the label; name them with --text-column and "
            f"--label-column (its first row: {first}).",
            path,
            columns,
        )


def is_stanford_folder(path: Path) -> bool:
    """True for the Stanford aclImdb layout (read by its own reader, unchanged): an
    ``aclImdb/`` folder, its URL lists, or review files named ``ID_RATING.txt``."""
    if (path / "aclImdb").is_dir():
        return True
    for split in ("train", "test"):
        if any((path / split / f"urls_{label}.txt").is_file() for label in folder.LABELS):
            return True
        for label in folder.LABELS:
            sub = path / split / label
            names = itertools.islice((e.name for e in os.scandir(sub)), 20) if sub.is_dir() else ()
            if any(folder.STANFORD_NAME.fullmatch(name) for name in names):
                return True
    return False


def is_own_source(path: Path) -> bool:
    """True when ``path`` is one of your own formats rather than the Stanford archive or a cache."""
    if path.is_dir():
        return folder.has_layout(path) and not is_stanford_folder(path)
    return path.is_file() and not path.name.lower().endswith(STANFORD_SUFFIXES)


def file_format(path: Path) -> str:
    """``"folder"``, ``"jsonl"`` or ``"delimited"``."""
    if path.is_dir():
        return "folder"
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "delimited"


def columns_of(path: Path) -> list[str]:
    """The header fields (delimited) or keys (JSON Lines) the column picker offers."""
    kind = file_format(path)
    if kind == "jsonl":
        return jsonl.keys(path)
    if kind == "delimited":
        return delimited.header(path)[1]
    return []


def _rows(path: Path, options: OwnOptions) -> Iterator[Row]:
    kind = file_format(path)
    if kind == "folder":
        if not folder.has_layout(path):
            raise DataError(
                f"The folder {path} has no pos/ and neg/ folders (nor train/ or test/ holding them)."
            )
        return folder.read_rows(path)
    choice = ColumnChoice(options.text_column, options.label_column)
    reader = jsonl if kind == "jsonl" else delimited
    found = reader.layout(path, choice)
    if found is None:
        raise ColumnsUnknown.for_file(path, columns_of(path))
    return reader.read_rows(path, found)


def _split_code(raw: str | None) -> int | None:
    """0 train, 1 test, -1 not given; None for a value that is neither."""
    if raw is None or not raw.strip():
        return -1
    word = raw.strip().lower()
    return TRAIN_WORDS.get(word, TEST_WORDS.get(word))


def _start_pool() -> Any:
    """One worker process (spawn: the window's process has Qt threads), or None."""
    try:
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, RuntimeError):
        return None


class _Tokens:
    """Word numbers of the texts added, tokenized a chunk at a time (the bulk tokenizer's
    :func:`~engine.data.bulk_tokens.index_chunk`, the same tokens as ``tokenize``).

    With ``parallel`` one worker process tokenizes chunks while this one reads on; at most
    :data:`IN_FLIGHT` chunks wait for it, so the texts held never grow with the file.
    """

    def __init__(self, parallel: bool) -> None:
        self.numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)
        self.flat = array("i")
        self.lengths = array("i")
        self._pending: list[str] = []
        self._waiting: deque[tuple[list[str], Any]] = deque()
        self._pool = _start_pool() if parallel else None

    def add(self, text: str) -> None:
        self._pending.append(text)
        if len(self._pending) >= TOKEN_CHUNK:
            self._cut()

    def _cut(self) -> None:
        part, self._pending = self._pending, []
        if self._pool is None:
            self._take(index_chunk(part))
            return
        try:
            self._waiting.append((part, self._pool.submit(index_chunk, part)))
        except BrokenProcessPool:  # the worker could not start or died: go on here
            self.close()
            self._waiting.append((part, None))
        while len(self._waiting) > IN_FLIGHT:
            self._take_next()

    def _take_next(self) -> None:
        part, future = self._waiting.popleft()
        try:
            result = future.result() if future is not None else index_chunk(part)
        except BrokenProcessPool:
            self.close()
            result = index_chunk(part)
        self._take(result)

    def _take(self, result: tuple[list[str], np.ndarray, np.ndarray]) -> None:
        words, local, lengths = result
        renumber = np.fromiter(map(self.numbers.__getitem__, words), np.int32, len(words))
        self.flat.frombytes(renumber[local].astype(np.int32).tobytes())
        self.lengths.frombytes(np.asarray(lengths, dtype=np.int32).tobytes())

    def finish(self) -> None:
        """Tokenize what is left; every text added is then in :attr:`flat`/:attr:`lengths`."""
        if self._pending:
            self._cut()
        while self._waiting:
            self._take_next()
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class _Collector:
    """Compact arrays of the usable rows, filled one row at a time."""

    def __init__(
        self, progress: Progress | None, cancel: threading.Event | None, parallel: bool = False
    ) -> None:
        self.tokens = _Tokens(parallel)
        self.values = array("d")
        self.split = array("b")
        self.ids = array("q")
        self.blob = bytearray()
        self.text_offsets = array("q", [0])
        self.skipped: Counter[str] = Counter()
        self.truncated = 0
        self.progress = progress
        self.cancel = cancel

    def read(
        self, path: Path, rows: Iterator[Row], forced_split: int | None, total: int, done: int
    ) -> tuple[int, str]:
        """Take every usable row of ``rows``; returns (rows kept, first problem)."""
        kept, first = 0, ""
        for n, row in enumerate(rows):
            if n % 2000 == 0:
                if self.cancel is not None and self.cancel.is_set():
                    raise Cancelled("Preparing the dataset was cancelled.")
                if self.progress:
                    self.progress(
                        min(0.95, (done + len(self.blob)) / max(total, 1)), f"Reading {path.name}"
                    )
            problem = row.problem
            value = None
            if not problem and (row.text is None or not row.text.strip()):
                problem = "empty text"
            if not problem:
                value = label_value(row.label)
                problem = "unknown label" if value is None else ""
            split = forced_split if forced_split is not None else _split_code(row.split)
            if not problem and split is None:
                problem = "unknown split"
            if problem:
                self.skipped[problem] += 1
                first = first or f"{problem} (line {row.line})"
                continue
            text = row.text or ""
            data = text.encode("utf-8", errors="replace")
            if len(data) > MAX_REVIEW_BYTES:
                self.truncated += 1
                data = data[:MAX_REVIEW_BYTES]
                text = data.decode("utf-8", errors="ignore")
            self.tokens.add(text)
            self.blob += data
            self.text_offsets.append(len(self.blob))
            self.values.append(value)  # type: ignore[arg-type]
            self.split.append(split)  # type: ignore[arg-type]
            self.ids.append(_row_id(row))
            kept += 1
        return kept, first


def _row_id(row: Row) -> int:
    raw = row.review_id
    try:
        value = int(str(raw).strip()) if raw is not None and not isinstance(raw, bool) else row.line
    except ValueError:
        value = row.line
    return value if 0 <= value < 2**31 else row.line


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return 0


def fingerprint(paths: list[Path], options: OwnOptions) -> str:
    """What identifies the data: the files (path, size, mtime) and how they were read."""
    key = json.dumps([[cache.fingerprint(p) for p in paths], options.to_dict(), OWN_FORMAT])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def own_cache_path(paths: list[Path], options: OwnOptions, num_words: int, cache_dir: Path) -> Path:
    key = f"{fingerprint(paths, options)}-{TOKENIZER_VERSION}-{num_words}-{cache.CACHE_FORMAT}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    return cache_dir / f"own-t{TOKENIZER_VERSION}-w{num_words}-{digest}.npz"


def dataset_name(train: Path, test: Path | None) -> str:
    return train.name if test is None else f"{train.name} + {test.name}"


def skipped_text(skipped: dict[str, int]) -> str:
    """``"312 rows skipped: empty text; 4 rows skipped: unknown label"``, or ""."""
    return "; ".join(
        f"{count:,} {'row' if count == 1 else 'rows'} skipped: {why}"
        for why, count in skipped.items()
    )


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
    collector = _Collector(progress, cancel, parallel=total >= PARALLEL_BYTES)
    done = 0
    try:
        for path, forced in zip(files, (0 if test is not None else None, 1)):
            kept, first = collector.read(path, _rows(path, options), forced, total, done)
            done += _size(path)
            if not kept:
                problem = first or "that it is empty"
                raise DataError(f"{path} has no usable reviews: the first problem is {problem}.")
        collector.tokens.finish()
    finally:
        collector.tokens.close()
    return _finish(collector, train, test, options, num_words, progress, cancel)


def _finish(
    c: _Collector,
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


def dataset_info(ds: Dataset) -> dict[str, Any]:
    """Name, fingerprint and counts of ``ds``, as the run history and the bundle record them.

    Own data carries them from reading; for the IMDB archive (or the Keras copy) they are
    derived here: the fingerprint covers each review's split, label and token count, which
    survives dropping the texts (the training process's copy) and does not depend on
    ``num_words``.
    """
    info = ds.extra.get("dataset")
    if isinstance(info, dict) and info.get("fingerprint"):
        return info
    digest = hashlib.sha256()
    for a in (ds.split, ds.label, ds.n_words):
        digest.update(np.ascontiguousarray(a).tobytes())
    source = Path(ds.source) if ds.source else None
    info = {
        "name": source.name if source is not None else "IMDB",
        "kind": "imdb",
        "fingerprint": digest.hexdigest()[:16],
        "counts": ds.counts,
        "skipped": {},
    }
    ds.extra["dataset"] = info
    return info


def _prune(keep: Path) -> None:
    """Keep the newest :data:`cache.MAX_CACHES` caches of own data."""
    others = sorted(
        (p for p in keep.parent.glob("own-t*-w*-*.npz") if p != keep),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in others[cache.MAX_CACHES - 1 :]:
        old.unlink(missing_ok=True)


__all__ = [
    "ColumnsUnknown",
    "LabelRule",
    "OwnOptions",
    "columns_of",
    "is_own_source",
    "load_own",
    "read_own",
    "dataset_info",
    "skipped_text",
]
