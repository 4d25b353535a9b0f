"""Tokenizing many reviews at once, with exactly the tokens of :func:`~engine.data.tokenizer.tokenize`.

Reading the dataset tokenizes 50,000 reviews (65 million characters). Review by review,
the regular expression engine and the per-call overhead took 3-4 s. Here a chunk of
reviews is joined into one UTF-8 buffer (reviews separated by NUL) and cleaned with a
few whole-buffer operations, then split on blanks:

1. ``<br />`` tags become blanks (the same pattern as the tokenizer, spelled for bytes).
2. A byte table lower-cases ASCII letters and blanks every ASCII character that is
   neither a letter, a digit, an apostrophe nor the NUL separator.
3. A numpy mask blanks the apostrophes that do not join two word characters.

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
_Chunk = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]  # Indexed + the words' keys
# ASCII: letters lower-cased, digits, apostrophe and NUL kept, everything else blank.
_TABLE = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() or chr(b) in "'\x00" else 0x20) if b < 0x80 else b
    for b in range(256)
)
# The tokenizer's <br> pattern on ASCII bytes: ``\s`` of a str pattern, restricted to ASCII.
_BREAK_ASCII = re.compile(rb"<br[ \t\n\r\f\v\x1c-\x1f]*/?>", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _clean_ascii(texts: list[str]) -> bytes:
    data = _NUL.join(texts).encode("ascii")
    return _BREAK_ASCII.sub(b" ", data).translate(_TABLE)


def _clean_unicode(texts: list[str]) -> bytes:
    text = _BREAK.sub(" ", _NUL.join(texts)).lower()
    blank = sorted({c for c in _NON_ASCII.findall(text) if not c.isalnum()})
    if blank:
        text = re.sub("[" + "".join(map(re.escape, blank)) + "]", " ", text)
    return text.encode("utf-8").translate(_TABLE)


def _blank_stray_apostrophes(arr: np.ndarray) -> None:
    """Blank (in place) the apostrophes that do not sit between two word characters.

    ``arr`` is a cleaned buffer between two blanks: every byte is a word byte, an
    apostrophe, a blank or NUL, so an apostrophe joins two words exactly when neither
    neighbour is a blank, NUL or another apostrophe (runs of apostrophes all go).
    """
    apostrophe = arr == 0x27
    if not apostrophe.any():
        return
    word = (arr > 0x20) & ~apostrophe
    stray = apostrophe
    stray[1:-1] &= ~(word[:-2] & word[2:])
    arr[stray] = 0x20


# _MASKS[n]: the low n bytes of a little-endian uint64.
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
_PACKED_BITS = 24  # a row number beside a key of up to 40 bits in one uint64


def _order(key: np.ndarray, short: bool) -> np.ndarray:
    """Row numbers of ``key`` in ascending order of its values.

    When the keys fit in 40 bits (``short``: words of up to 5 bytes), each is packed with
    its row number into one uint64 and sorted by value, which numpy does several times
    faster than an argsort (SIMD sorting); otherwise numpy's default argsort.
    """
    if short and len(key) < 1 << _PACKED_BITS:
        rows = np.arange(len(key), dtype=np.uint64)
        packed = np.sort((key << np.uint64(_PACKED_BITS)) | rows)
        return (packed & np.uint64((1 << _PACKED_BITS) - 1)).astype(np.intp)
    return np.argsort(key)


def _unique(keys: tuple[np.ndarray, ...], short: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of equal-length uint64 columns (``np.lexsort`` order: last is primary).

    Returns the index of one row per distinct row and each row's distinct-row number.
    ``short``: the single column's values are below 2**40.
    """
    order = np.lexsort(keys) if len(keys) > 1 else _order(keys[0], short)
    change = np.zeros(len(order), dtype=bool)
    change[:1] = True
    for column in keys:
        ordered = column[order]
        change[1:] |= ordered[1:] != ordered[:-1]
    inverse = np.empty(len(order), dtype=np.int64)
    inverse[order] = np.cumsum(change) - 1
    return order[change], inverse


def _number_tokens(
    data: bytes, n_texts: int
) -> tuple[list[bytes], np.ndarray, np.ndarray, np.ndarray]:
    """The tokens of a cleaned buffer (blank-separated, NUL between texts), numbered.

    Python objects are made per distinct word only: a token of up to 8 bytes is its bytes
    read as one uint64, one of 9 to 16 bytes two of them, so ``np.unique`` numbers them
    exactly; the few longer ones go through a dict. Returns the distinct words (bytes),
    each token's word number (int32), the tokens per text (int32) and each word's key
    (uint64 rows ``(high, low)``: its bytes, zero-padded; ``(0, 0)`` for longer words).
    """
    # The buffer between two blanks, then 16 NULs for the 8-byte windows below.
    padded = np.zeros(len(data) + 18, dtype=np.uint8)
    arr = padded[: len(data) + 2]
    arr[1:-1] = np.frombuffer(data, dtype=np.uint8)
    arr[0] = arr[-1] = 0x20
    _blank_stray_apostrophes(arr)
    is_token = arr > 0x20
    edges = np.flatnonzero(is_token[1:] != is_token[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    # Tokens per text: how many tokens start before each NUL, differenced.
    before_nul = np.searchsorted(starts, np.flatnonzero(arr == 0))
    counts = np.diff(before_nul, prepend=0, append=len(starts)).astype(np.int32)[:n_texts]
    # Every 8-byte window of the buffer as a (possibly unaligned) uint64, without a copy.
    windows = np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded.data, strides=(1,))
    low = windows[starts] & _MASKS[np.minimum(lengths, 8)]
    high = windows[starts + 8] & _MASKS[np.clip(lengths - 8, 0, 8)]
    numbers = np.empty(len(starts), dtype=np.int32)
    words: list[bytes] = []
    word_keys: list[np.ndarray] = []
    short = np.flatnonzero(lengths <= 5)
    middle = np.flatnonzero((lengths > 5) & (lengths <= 8))
    medium = np.flatnonzero((lengths > 8) & (lengths <= 16))
    groups = (
        (short, (low[short],)),
        (middle, (low[middle],)),
        (medium, (high[medium], low[medium])),
    )
    for k, (rows, keys) in enumerate(groups):
        if len(rows):
            first, inverse = _unique(keys, short=k == 0)
            numbers[rows] = len(words) + inverse
            # Token bytes are the same in ``data`` (one position earlier: no leading blank).
            spans = zip((starts[rows[first]] - 1).tolist(), (ends[rows[first]] - 1).tolist())
            words.extend(data[s:e] for s, e in spans)
            word_keys.append(np.stack([high[rows[first]], low[rows[first]]], axis=1))
    seen: dict[bytes, int] = {}
    for row in np.flatnonzero(lengths > 16).tolist():
        word = data[starts[row] - 1 : ends[row] - 1]
        number = seen.get(word)
        if number is None:
            number = seen[word] = len(words)
            words.append(word)
        numbers[row] = number
    word_keys.append(np.zeros((len(seen), 2), dtype=np.uint64))
    return words, numbers, counts, np.concatenate(word_keys)


def index_chunk(texts: list[str]) -> Indexed:
    """Tokenize ``texts`` and number their distinct words (0, 1, ... in no particular order).

    Returns:
        ``(words, numbers, lengths)``: the distinct words, each token's word number
        (int32, the texts' tokens one after the other) and the tokens per text (int32).
    """
    return _index_chunk(texts)[:3]


def _index_chunk(texts: list[str]) -> _Chunk:
    """:func:`index_chunk` plus its words' keys (for :func:`_merge`)."""
    groups: dict[str, list[int]] = {"ascii": [], "unicode": []}
    segments: list[bytes] = [b""] * len(texts)
    for i, text in enumerate(texts):
        if _NUL in text:  # NUL separates the texts below: this one is tokenized on its own
            segments[i] = " ".join(tokenize(text)).encode("utf-8")
        else:
            groups["ascii" if text.isascii() else "unicode"].append(i)
    if len(groups["ascii"]) == len(texts):  # the usual case: one buffer, no reassembly
        data = _clean_ascii(texts)
    else:
        for name, clean in (("ascii", _clean_ascii), ("unicode", _clean_unicode)):
            rows = groups[name]
            if rows:
                for i, segment in zip(rows, clean([texts[i] for i in rows]).split(b"\x00")):
                    segments[i] = segment
        data = b"\x00".join(segments)
    words, numbers, lengths, keys = _number_tokens(data, len(texts))
    return [w.decode("utf-8") for w in words], numbers, lengths, keys


def _merge(results: list[_Chunk]) -> Indexed:
    """Chunks' results as one: their word numbers renumbered into one numbering.

    Words of up to 16 bytes are matched across chunks by their keys with numpy (a dict
    of the 500,000 or so chunk words took 0.24 s); longer ones by a dict.
    """
    if not results:
        return [], np.zeros(0, np.int32), np.zeros(0, np.int32)
    keys = np.concatenate([r[3] for r in results])
    chunk_words = list(itertools.chain.from_iterable(r[0] for r in results))
    numbers = np.empty(len(keys), dtype=np.int64)
    keyed = np.flatnonzero(keys[:, 1] != 0)  # a word's first byte is never 0
    first, inverse = _unique((keys[keyed, 1], keys[keyed, 0]))
    numbers[keyed] = inverse
    words = [chunk_words[i] for i in keyed[first].tolist()]
    seen: dict[str, int] = {}
    for row in np.flatnonzero(keys[:, 1] == 0).tolist():
        word = chunk_words[row]
        number = seen.get(word)
        if number is None:
            number = seen[word] = len(words)
            words.append(word)
        numbers[row] = number
    flat, start = [], 0
    for chunk, local, _, _ in results:
        flat.append(numbers[start : start + len(chunk)].astype(np.int32)[local])
        start += len(chunk)
    return words, np.concatenate(flat), np.concatenate([r[2] for r in results])


def reorder(indexed: Indexed, order: np.ndarray) -> Indexed:
    """``indexed`` with its texts taken in ``order`` (indices into the texts given)."""
    words, numbers, lengths = indexed
    order = np.asarray(order, dtype=np.int64)
    bounds = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=bounds[1:])
    # One slice per text: no index array as long as all the tokens (12 million).
    ends = bounds.tolist()
    pieces = [numbers[ends[k] : ends[k + 1]] for k in order.tolist()]
    ordered = np.concatenate(pieces) if pieces else numbers[:0].copy()
    return words, ordered, lengths[order]


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
                    self._futures.append(self._pool.submit(_index_chunk, part))
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
            results[k] = _index_chunk(self._chunks[k])
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
                    results[k] = _index_chunk(self._chunks[k])
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
