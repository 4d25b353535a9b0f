"""Tokenizing many reviews at once, with exactly the tokens of :func:`~engine.data.tokenizer.tokenize`.

Reading the dataset tokenizes 50,000 reviews (65 million characters). Review by review,
the regular expression engine and the per-call overhead took 3-4 s. Here a chunk of
reviews is joined into one UTF-8 buffer (reviews separated by NUL) and cleaned with a
few whole-buffer operations, then split on blanks:

1. ``<br />`` tags become blanks (the same pattern as the tokenizer, spelled for bytes).
2. A byte table lower-cases ASCII letters and blanks every ASCII character that is
   neither a letter, a digit, an apostrophe nor the NUL separator.
3. ``bytes.replace`` blanks the apostrophes that do not join two word characters.

For a review that is pure ASCII this is the tokenizer's regular expression
(``[^\\W_]+(?:'[^\\W_]+)*`` on the lower-cased text) by construction: what is left
between blanks is word characters joined by single apostrophes. Reviews with other
characters are first lower-cased and cleaned of ``<br>`` as Python strings (Unicode
lower-casing and whitespace), and every non-ASCII character that is not a letter or a
digit is blanked with a regular expression made of just those characters; after that,
every byte of 0x80 and above belongs to a word character, so the same byte steps apply.
A review containing NUL itself goes through :func:`tokenize`. The tests compare both
ways on generated text with every kind of character and on the real archive.

Chunks are shared between this process and one worker process (both cores), and the
chunks' word numbers are merged into one numbering at the end.
"""

from __future__ import annotations

import itertools
import multiprocessing
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import numpy as np

from engine.data.tokenizer import _BREAK, tokenize

CHUNK = 2500  # reviews per chunk: ~3 MB of text, a few hundred ms of work
PARALLEL_MIN = 10_000  # fewer reviews than this are not worth starting a process for

_NUL = "\x00"
Indexed = tuple[list[str], np.ndarray, np.ndarray]  # words, word numbers, tokens per text
# ASCII: letters lower-cased, digits, apostrophe and NUL kept, everything else blank.
_TABLE = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() or chr(b) in "'\x00" else 0x20) if b < 0x80 else b
    for b in range(256)
)
# The tokenizer's <br> pattern on ASCII bytes: ``\s`` of a str pattern, restricted to ASCII.
_BREAK_ASCII = re.compile(rb"<br[ \t\n\r\f\v\x1c-\x1f]*/?>", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_STRAY_APOSTROPHES = ((b"''", b"  "), (b" '", b"  "), (b"' ", b"  "), (b"\x00'", b"\x00 "))
_STRAY_BEFORE_NUL = (b"'\x00", b" \x00")


def _clean_ascii(texts: list[str]) -> bytes:
    data = _NUL.join(texts).encode("ascii")
    return _BREAK_ASCII.sub(b" ", data).translate(_TABLE)


def _clean_unicode(texts: list[str]) -> bytes:
    text = _BREAK.sub(" ", _NUL.join(texts)).lower()
    blank = sorted({c for c in _NON_ASCII.findall(text) if not c.isalnum()})
    if blank:
        text = re.sub("[" + "".join(map(re.escape, blank)) + "]", " ", text)
    return text.encode("utf-8").translate(_TABLE)


def _without_stray_apostrophes(data: bytes) -> bytes:
    """Blank the apostrophes that do not sit between two word characters.

    In a cleaned buffer every byte is a word byte, an apostrophe, a blank or NUL, so an
    apostrophe joins two words exactly when neither neighbour is a blank, NUL or another
    apostrophe: runs of apostrophes go first, then those next to a blank or NUL.
    """
    data = b" " + data + b" "
    for old, new in _STRAY_APOSTROPHES:
        data = data.replace(old, new)
    return data.replace(*_STRAY_BEFORE_NUL)


# _MASKS[n]: the low n bytes of a little-endian uint64.
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def _unique(keys: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of equal-length uint64 columns (``np.lexsort`` order: last is primary).

    Returns the index of one row per distinct row and each row's distinct-row number.
    """
    # A stable sort: numpy's default argsort was 4x slower on these many repeated keys.
    order = np.lexsort(keys) if len(keys) > 1 else np.argsort(keys[0], kind="stable")
    change = np.zeros(len(order), dtype=bool)
    change[:1] = True
    for column in keys:
        ordered = column[order]
        change[1:] |= ordered[1:] != ordered[:-1]
    inverse = np.empty(len(order), dtype=np.int64)
    inverse[order] = np.cumsum(change) - 1
    return order[change], inverse


def _number_tokens(data: bytes, n_texts: int) -> tuple[list[bytes], np.ndarray, np.ndarray]:
    """The tokens of a cleaned buffer (blank-separated, NUL between texts), numbered.

    Python objects are made per distinct word only: a token of up to 8 bytes is its bytes
    read as one uint64, one of 9 to 16 bytes two of them, so ``np.unique`` numbers them
    exactly; the few longer ones go through a dict. Returns the distinct words (bytes),
    each token's word number (int32) and the tokens per text (int32).
    """
    arr = np.frombuffer(data, dtype=np.uint8)  # starts and ends with a blank
    is_token = arr > 0x20
    edges = np.flatnonzero(is_token[1:] != is_token[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    # Tokens per text: how many tokens start before each NUL, differenced.
    before_nul = np.searchsorted(starts, np.flatnonzero(arr == 0))
    counts = np.diff(before_nul, prepend=0, append=len(starts)).astype(np.int32)[:n_texts]
    padded = np.concatenate([arr, np.zeros(16, dtype=np.uint8)])
    # Every 8-byte window of the buffer as a (possibly unaligned) uint64, without a copy.
    windows = np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded.data, strides=(1,))
    low = windows[starts] & _MASKS[np.minimum(lengths, 8)]
    high = windows[starts + 8] & _MASKS[np.clip(lengths - 8, 0, 8)]
    numbers = np.empty(len(starts), dtype=np.int32)
    words: list[bytes] = []
    short = np.flatnonzero(lengths <= 8)
    medium = np.flatnonzero((lengths > 8) & (lengths <= 16))
    for rows, keys in ((short, (low[short],)), (medium, (high[medium], low[medium]))):
        if len(rows):
            first, inverse = _unique(keys)
            numbers[rows] = len(words) + inverse
            words.extend(data[s:e] for s, e in zip(starts[rows[first]], ends[rows[first]]))
    seen: dict[bytes, int] = {}
    for row in np.flatnonzero(lengths > 16).tolist():
        word = data[starts[row] : ends[row]]
        number = seen.get(word)
        if number is None:
            number = seen[word] = len(words)
            words.append(word)
        numbers[row] = number
    return words, numbers, counts


def index_chunk(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Tokenize ``texts`` and number their distinct words (0, 1, ... in no particular order).

    Returns:
        ``(words, numbers, lengths)``: the distinct words, each token's word number
        (int32, the texts' tokens one after the other) and the tokens per text (int32).
    """
    groups: dict[str, list[int]] = {"ascii": [], "unicode": []}
    segments: list[bytes] = [b""] * len(texts)
    for i, text in enumerate(texts):
        if _NUL in text:  # NUL separates the texts below: this one is tokenized on its own
            segments[i] = " ".join(tokenize(text)).encode("utf-8")
        else:
            groups["ascii" if text.isascii() else "unicode"].append(i)
    for name, clean in (("ascii", _clean_ascii), ("unicode", _clean_unicode)):
        rows = groups[name]
        if rows:
            for i, segment in zip(rows, clean([texts[i] for i in rows]).split(b"\x00")):
                segments[i] = segment
    data = _without_stray_apostrophes(b"\x00".join(segments))
    words, numbers, lengths = _number_tokens(data, len(texts))
    return [w.decode("utf-8") for w in words], numbers, lengths


def _merge(results: list[tuple[list[str], np.ndarray, np.ndarray]]) -> Indexed:
    """Chunks' results as one: their word numbers renumbered into one numbering."""
    numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    flat = []
    for words, local, _ in results:
        remap = np.fromiter(map(numbers.__getitem__, words), dtype=np.int32, count=len(words))
        flat.append(remap[local])
    return (
        list(numbers),
        np.concatenate(flat) if flat else np.zeros(0, np.int32),
        np.concatenate([n for _, _, n in results]) if results else np.zeros(0, np.int32),
    )


def reorder(indexed: Indexed, order: np.ndarray) -> Indexed:
    """``indexed`` with its texts taken in ``order`` (indices into the texts given)."""
    words, numbers, lengths = indexed
    order = np.asarray(order, dtype=np.int64)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    new_lengths = lengths[order]
    new_offsets = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(new_lengths, out=new_offsets[1:])
    index = np.repeat(offsets[order] - new_offsets[:-1], new_lengths) + np.arange(new_offsets[-1])
    return words, numbers[index], new_lengths


class StreamIndexer:
    """Tokenizes texts while they are still being read: :meth:`add` them one by one, then
    :meth:`finish`. Full chunks go to one worker process at once; at the end this process
    takes the chunks the worker has not started, from the back, so both cores finish
    together. Use it as a context manager (the worker process is stopped on exit).

    Args:
        parallel: use a worker process; False does everything in :meth:`finish`.
        chunk: texts per chunk.
    """

    def __init__(self, *, parallel: bool = True, chunk: int = CHUNK) -> None:
        self.parallel = parallel
        self.chunk = chunk
        self._texts: list[str] = []
        self._chunks: list[list[str]] = []
        self._futures: list[Any] = []
        self._pool: Any = None

    def __enter__(self) -> StreamIndexer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, text: str) -> None:
        self._texts.append(text)
        if len(self._texts) >= self.chunk:
            self._cut()

    def added(self) -> Iterator[str]:
        """Every text added so far, in the order added."""
        return itertools.chain(*self._chunks, self._texts)

    def _cut(self) -> None:
        part, self._texts = self._texts, []
        self._chunks.append(part)
        if self.parallel:
            if self._pool is None:
                self._pool = _start_pool()
                self.parallel = self._pool is not None
            if self._pool is not None:
                try:
                    self._futures.append(self._pool.submit(index_chunk, part))
                except BrokenProcessPool:  # the worker died (or could not start): go on here
                    self.close()
                    self.parallel = False

    def finish(self, check: Callable[[float], None] | None = None) -> Indexed:
        """The words, word numbers and lengths of every text added, in the order added.

        ``check(fraction_done)`` is called between chunks and while waiting; it may raise
        to cancel.
        """
        if self._texts:
            self._cut()
        total = max(len(self._chunks), 1)
        results: list[Any] = [None] * len(self._chunks)
        futures = self._futures + [None] * (len(self._chunks) - len(self._futures))

        def done() -> float:
            return sum(r is not None for r in results) / total

        for k in range(len(self._chunks) - 1, -1, -1):
            if futures[k] is not None and not futures[k].cancel():
                break  # the worker has this one: the rest is its
            if check is not None:
                check(done())
            results[k] = index_chunk(self._chunks[k])
        for k, future in enumerate(futures):
            while results[k] is None:
                try:
                    results[k] = future.result(timeout=0.1)
                except FutureTimeout:  # builtin TimeoutError only from Python 3.11
                    if check is not None:
                        check(done())
                except BrokenProcessPool:
                    # The worker died, e.g. a script without an ``if __name__ ==
                    # "__main__"`` guard that spawn could not import: work here instead.
                    results[k] = index_chunk(self._chunks[k])
        self.close()
        return _merge(results)

    def close(self) -> None:
        """Stop the worker process (pending chunks are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_pool() -> Any:
    """A one-process pool, or None where processes cannot be started."""
    try:
        # spawn, not fork: the window's process has Qt's threads, which fork would copy.
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, RuntimeError):
        return None


def index_texts(
    texts: list[str],
    check: Callable[[float], None] | None = None,
    *,
    parallel: bool | None = None,
    chunk: int = CHUNK,
) -> Indexed:
    """:func:`index_chunk` of all ``texts``, chunk by chunk, on both cores when it pays.

    Args:
        check: called between chunks with the fraction done; it may raise to cancel
            (the worker process is then stopped).
        parallel: use a worker process too; None decides by size (:data:`PARALLEL_MIN`).
        chunk: texts per chunk.

    Returns:
        ``(words, numbers, lengths)`` as :func:`index_chunk`, over all texts.
    """
    if parallel is None:
        parallel = len(texts) >= PARALLEL_MIN
    with StreamIndexer(parallel=parallel, chunk=chunk) as indexer:
        for text in texts:
            indexer.add(text)
        return indexer.finish(check)
