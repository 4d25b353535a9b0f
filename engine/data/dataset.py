"""The processed dataset every other part of the app uses (:class:`Dataset`).

Reviews are kept as flat numpy arrays with offsets (no pickle, no per-review objects), so
50,000 reviews load from the cache in well under a second and slice cheaply.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from engine import paths
from engine.data.archive import EXPECTED_PER_FOLDER
from engine.data.bulk_tokens import index_texts
from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import Cancelled, DataError

SPLITS = {"train": 0, "test": 1}
UNKNOWN = -1  # token id of a word outside the vocabulary


def pack_strings(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """UTF-8 encode strings into one uint8 blob plus int64 offsets (len n+1)."""
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    blob = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    return blob, offsets


def unpack_strings(blob: np.ndarray, offsets: np.ndarray) -> list[str]:
    """The inverse of :func:`pack_strings`."""
    data = blob.tobytes()
    bounds = offsets.tolist()
    return [data[a:b].decode("utf-8") for a, b in zip(bounds, bounds[1:])]


@dataclass(eq=False)
class Dataset:
    """All reviews of both splits, tokenized against one vocabulary."""

    split: np.ndarray  # uint8, 0 = train, 1 = test
    label: np.ndarray  # uint8, 1 = positive
    rating: np.ndarray  # uint8, 1..10 from the file name (0 = unknown)
    review_id: np.ndarray  # int32, the file's id
    n_words: np.ndarray  # int32, tokens per review (known and unknown)
    tokens: np.ndarray  # int32 flat, vocabulary index per token, UNKNOWN (-1) if none
    token_offsets: np.ndarray  # int64, len n+1
    text_blob: np.ndarray  # uint8, UTF-8 of all texts
    text_offsets: np.ndarray  # int64, len n+1
    url_blob: np.ndarray  # uint8, UTF-8 of all IMDb URLs
    url_offsets: np.ndarray  # int64, len n+1
    vocab: list[str]  # index i = model input i
    source: str = ""
    num_words: int = 10_000
    decode_errors: int = 0
    empty_files: int = 0
    extra: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.label)

    def text(self, i: int) -> str:
        return bytes(self.text_blob[self.text_offsets[i] : self.text_offsets[i + 1]]).decode(
            "utf-8"
        )

    def url(self, i: int) -> str:
        return bytes(self.url_blob[self.url_offsets[i] : self.url_offsets[i + 1]]).decode("utf-8")

    def token_ids(self, i: int) -> np.ndarray:
        """The review's tokens as vocabulary indices, UNKNOWN for words outside it."""
        return self.tokens[self.token_offsets[i] : self.token_offsets[i + 1]]

    def known_ids(self, i: int) -> np.ndarray:
        """Distinct in-vocabulary indices of review ``i`` (its multi-hot positions)."""
        ids = self.token_ids(i)
        return np.unique(ids[ids >= 0])

    def decoded(self, i: int) -> str:
        """The review as the model sees it: vocabulary words, ``?`` for unknown ones."""
        return " ".join(self.vocab[t] if t >= 0 else "?" for t in self.token_ids(i))

    def indices(self, split: str) -> np.ndarray:
        """Row indices of the ``"train"`` or ``"test"`` split."""
        return np.flatnonzero(self.split == SPLITS[split])

    @cached_property
    def word_index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.vocab)}

    @property
    def counts(self) -> dict[str, int]:
        return {name: int((self.split == code).sum()) for name, code in SPLITS.items()}


def build_vocab(token_lists: list[list[str]], num_words: int) -> list[str]:
    """The ``num_words`` most frequent words (ties alphabetical)."""
    freq: Counter[str] = Counter()
    for toks in token_lists:
        freq.update(toks)
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in ranked[:num_words]]


def _check_cancel(cancel) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Preparing the dataset was cancelled.")


def _index_tokens(texts: list[str], progress, cancel) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Tokenize every text, numbering distinct words in order of first appearance.

    Returns the distinct words, the flat word numbers and the tokens per text
    (:func:`engine.data.bulk_tokens.index_texts`: whole chunks at a time, on both cores).
    """

    def check(fraction: float) -> None:
        _check_cancel(cancel)
        if progress:
            progress(fraction, "Tokenizing reviews")

    words, numbers, lengths = index_texts(texts, check)
    _check_cancel(cancel)
    return words, numbers, lengths


def build_dataset(
    split,
    label,
    rating,
    review_id,
    texts: list[str],
    urls: list[str],
    num_words: int = 10_000,
    source: str = "",
    progress=None,
    cancel=None,
    **extra_fields,
) -> Dataset:
    """Tokenize ``texts`` and index them against a vocabulary built from the train split only.

    The vocabulary is the ``num_words`` most frequent train words, ties broken
    alphabetically; test-only words are out of vocabulary (``UNKNOWN``), so nothing about
    the test split leaks into the model's inputs.
    """
    split = np.asarray(split, dtype=np.uint8)
    words, word_numbers, lengths = _index_tokens(texts, progress, cancel)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    in_train = np.repeat(split == SPLITS["train"], lengths)
    counts = np.bincount(word_numbers[in_train], minlength=len(words)).tolist()
    seen = [i for i, c in enumerate(counts) if c]
    ranked = sorted(seen, key=lambda i: (-counts[i], words[i]))[:num_words]
    vocab = [words[i] for i in ranked]
    to_vocab = np.full(len(words), UNKNOWN, dtype=np.int32)
    to_vocab[np.asarray(ranked, dtype=np.int64)] = np.arange(len(ranked), dtype=np.int32)
    text_blob, text_offsets = pack_strings(texts)
    url_blob, url_offsets = pack_strings(urls)
    if progress:
        progress(1.0, "Tokenized reviews")
    return Dataset(
        split=split,
        label=np.asarray(label, dtype=np.uint8),
        rating=np.asarray(rating, dtype=np.uint8),
        review_id=np.asarray(review_id, dtype=np.int32),
        n_words=lengths,
        tokens=to_vocab[word_numbers],
        token_offsets=offsets,
        text_blob=text_blob,
        text_offsets=text_offsets,
        url_blob=url_blob,
        url_offsets=url_offsets,
        vocab=vocab,
        source=source,
        num_words=num_words,
        **extra_fields,
    )


# --- Finding and loading the dataset -------------------------------------------------------

HOW_TO_GET = (
    "Download the IMDB archive (in the app, or from "
    "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz), or point "
    "IMDB_LAB_DATA (or --data) at aclImdb_v1.tar.gz or an extracted aclImdb/ folder."
)
NO_DATASET = "No dataset found. " + HOW_TO_GET


def _caches(cache_dir: Path, num_words: int | None) -> list[Path]:
    """Cache files of the current tokenizer, newest first (optionally for one ``num_words``)."""
    words = "*" if num_words is None else str(num_words)
    found = [p for p in cache_dir.glob(f"imdb-t{TOKENIZER_VERSION}-w{words}-*.npz") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def _cached_source(cache: Path) -> Path | None:
    """The raw source a cache was built from, when it still exists (reads only the metadata)."""
    try:
        with np.load(cache, allow_pickle=False) as z:
            source = Path(json.loads(z["meta"].tobytes().decode("utf-8"))["source"])
    except Exception:  # any unreadable cache simply offers no source
        return None
    return source if source.exists() else None


def find_source(
    source: str | Path | None = None, *, num_words: int = 10_000, cache_dir: Path | None = None
) -> Path | None:
    """Where :func:`load_dataset` would read from, without loading anything.

    Order: ``source`` (CLI ``--data`` / app setting) → ``IMDB_LAB_DATA`` → the newest
    processed cache for ``num_words`` → the raw source of any other cache, if it still
    exists → the archive downloaded by the app → None. An explicit source is returned even
    when missing, so the caller can say so.
    """
    if source is not None and str(source).strip():
        return Path(source).expanduser()
    env = paths.env_data_path()
    if env is not None:
        return env
    cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir()
    if cache_dir.is_dir():
        matching = _caches(cache_dir, num_words)
        if matching:
            return matching[0]
        for other in _caches(cache_dir, None):
            raw = _cached_source(other)
            if raw is not None:
                return raw
    from engine.data.download import default_archive_path

    downloaded = default_archive_path()
    return downloaded if downloaded.is_file() else None


def _scaled(progress, start: float, end: float):
    if progress is None:
        return None
    return lambda fraction, message: progress(start + (end - start) * fraction, message)


def load_dataset(
    source: str | Path | None = None,
    num_words: int = 10_000,
    progress=None,
    cancel=None,
    *,
    cache_dir: Path | None = None,
    expected_per_folder: int | None = EXPECTED_PER_FOLDER,
    use_cache: bool = True,
) -> Dataset:
    """The processed dataset, from the cache when possible, else read and tokenized.

    Args:
        source: archive, folder or cache file; ``None`` looks it up (see :func:`find_source`).
        num_words: vocabulary size (the model's input width).
        progress: ``progress(fraction, message)`` callback.
        cancel: ``threading.Event`` that cancels the load (:class:`Cancelled`).
        cache_dir: where processed caches live (default ``paths.cache_dir()``).
        expected_per_folder: reviews required in each of the four folders; ``None`` skips
            the check (tiny test data).
        use_cache: False reads and tokenizes without touching the cache.

    Raises:
        DataError: no dataset found, or the dataset is missing, malformed or unreadable.
    """
    from engine.data.archive import read_reviews
    from engine.data.cache import cache_path, load_cache, save_cache

    explicit = source is not None and str(source).strip() != ""
    cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for _ in range(20):  # each round deletes one damaged cache found by the look-up
        path = find_source(source, num_words=num_words, cache_dir=cache_dir)
        if path is None:
            raise DataError(NO_DATASET)
        if not path.exists():
            problem = (
                f"The dataset {path} does not exist."
                if explicit
                else f"IMDB_LAB_DATA names {path}, which does not exist."
            )
            raise DataError(f"{problem} {HOW_TO_GET}")
        if not (path.suffix == ".npz" and path.is_file()):
            break
        try:
            ds = load_cache(path)
        except DataError:
            if explicit:
                raise
            path.unlink(missing_ok=True)
            continue
        if ds.num_words != num_words:
            raise DataError(
                f"The processed dataset {path} has a {ds.num_words:,}-word "
                f"vocabulary, not {num_words:,}. {HOW_TO_GET}"
            )
        return _loaded(ds, progress)
    else:
        raise DataError(f"Too many damaged dataset caches in {cache_dir}. {NO_DATASET}")

    cached = cache_path(path, num_words, cache_dir)
    if use_cache and cached.is_file():
        try:
            return _loaded(load_cache(cached), progress)
        except DataError:
            cached.unlink(missing_ok=True)  # damaged: rebuilt below
    raw = read_reviews(
        path,
        progress=_scaled(progress, 0.0, 0.4),
        cancel=cancel,
        expected_per_folder=expected_per_folder,
    )
    ds = build_dataset(
        raw.split,
        raw.label,
        raw.rating,
        raw.review_id,
        raw.texts,
        raw.urls,
        num_words=num_words,
        source=str(path.resolve()),
        progress=_scaled(progress, 0.4, 0.97),
        cancel=cancel,
        decode_errors=raw.decode_errors,
        empty_files=raw.empty_files,
    )
    ds.extra["from_cache"] = False
    if use_cache:
        try:
            save_cache(ds, cached)
            ds.extra["cache_path"] = str(cached)
        except OSError as exc:  # a read-only or full disk must not stop the app
            ds.extra["cache_error"] = f"The processed dataset could not be cached: {exc}."
    if progress:
        progress(1.0, f"Prepared {len(ds):,} reviews")
    return ds


def _loaded(ds: Dataset, progress) -> Dataset:
    if progress:
        progress(1.0, f"Loaded {len(ds):,} reviews from the cache")
    return ds
