"""Your rows streamed into compact arrays: labels, splits, ids, one UTF-8 blob and word numbers.

:class:`RowCollector` takes each usable row as it is read (skipping and counting the
others); its :class:`TokenStream` tokenizes the texts a chunk at a time, on a worker
process for large inputs, so no list of a million Python strings ever exists.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import numpy as np

from engine.callbacks import Progress
from engine.data.archive import MAX_REVIEW_BYTES
from engine.data.bulk_tokens import index_chunk
from engine.data.formats.columns import Row
from engine.data.labels import label_value
from engine.errors import Cancelled

TRAIN_WORDS = {"train": 0, "training": 0, "dev": 0, "val": 0, "valid": 0, "validation": 0}
TEST_WORDS = {"test": 1, "testing": 1}
TOKEN_CHUNK = 2500  # texts tokenized at once (~1-3 MB)
IN_FLIGHT = 2  # chunks waiting for the worker process at most


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


class TokenStream:
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


class RowCollector:
    """Compact arrays of the usable rows, filled one row at a time."""

    def __init__(
        self, progress: Progress | None, cancel: threading.Event | None, parallel: bool = False
    ) -> None:
        self.tokens = TokenStream(parallel)
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
