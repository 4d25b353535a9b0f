"""The processed dataset every other part of the app uses (:class:`Dataset`).

Reviews are kept as flat numpy arrays with offsets (no pickle, no per-review objects), so
50,000 reviews load from the cache in well under a second and slice cheaply.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from engine.callbacks import Progress
from engine.data.archive import EXPECTED_PER_FOLDER, MAX_REVIEW_BYTES
from engine.data.bulk_tokens import Indexed, index_texts
from engine.errors import Cancelled

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
    truncated: int = 0  # reviews cut to MAX_REVIEW_BYTES when read
    extra: dict[str, Any] = field(default_factory=dict)

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

    @property
    def size_warning(self) -> str:
        """A sentence when the dataset is not the official size (a sample), else "".

        Your own reviews (``extra["dataset"]`` from :mod:`engine.data.own`) are not a
        sample of the official dataset: nothing to say.
        """
        own = self.extra.get("dataset")
        if isinstance(own, dict) and own.get("kind", "imdb") != "imdb":
            return ""
        official = 2 * EXPECTED_PER_FOLDER
        counts = self.counts
        if counts["train"] == official and counts["test"] == official:
            return ""
        return (
            f"This dataset does not have the official {official:,} training and {official:,} "
            "test reviews, so its results are not comparable with the book's."
        )

    @property
    def truncation_warning(self) -> str:
        """A sentence when over-long reviews were cut while reading, else ""."""
        if not self.truncated:
            return ""
        cut = "review was" if self.truncated == 1 else "reviews were"
        return f"{self.truncated:,} over-long {cut} cut to the first {MAX_REVIEW_BYTES >> 10:,} KB."

    @property
    def warning(self) -> str:
        """Everything that makes this dataset unlike the official one, or ""."""
        return " ".join(w for w in (self.size_warning, self.truncation_warning) if w)


def token_mapping(vocab: Sequence[str], word_index: Mapping[str, int]) -> np.ndarray:
    """Token ids in ``vocab`` -> ids in another vocabulary (``word_index``), by word.

    ``mapping[tokens]`` re-indexes a dataset's tokens; words the other vocabulary lacks
    become UNKNOWN, and UNKNOWN (-1) indexes the trailing -1 and stays unknown.
    """
    return np.array([word_index.get(w, UNKNOWN) for w in vocab] + [UNKNOWN], dtype=np.int32)


def build_vocab(token_lists: list[list[str]], num_words: int) -> list[str]:
    """The ``num_words`` most frequent words (ties alphabetical)."""
    freq: Counter[str] = Counter()
    for toks in token_lists:
        freq.update(toks)
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in ranked[:num_words]]


def _most_frequent(counts: np.ndarray, words: list[str], num_words: int) -> list[int]:
    """The numbers of the ``num_words`` most frequent words (count > 0), ties alphabetical.

    Only the words counted at least as often as the ``num_words``-th are sorted in Python
    (about ``num_words`` of the 100,000 or so), which gives the same list as sorting all.
    """
    seen = np.flatnonzero(counts)
    if len(seen) > num_words > 0:
        threshold = np.partition(counts[seen], len(seen) - num_words)[len(seen) - num_words]
        seen = seen[counts[seen] >= threshold]
    listed = counts.tolist()
    return sorted(seen.tolist(), key=lambda i: (-listed[i], words[i]))[:num_words]


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Preparing the dataset was cancelled.")


def _index_tokens(
    texts: list[str], progress: Progress | None, cancel: threading.Event | None
) -> tuple[list[str], np.ndarray, np.ndarray]:
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
    split: ArrayLike,
    label: ArrayLike,
    rating: ArrayLike,
    review_id: ArrayLike,
    texts: list[str],
    urls: list[str],
    num_words: int = 10_000,
    source: str = "",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    tokens: Indexed | None = None,
    **extra_fields: Any,
) -> Dataset:
    """Tokenize ``texts`` and index them against a vocabulary built from the train split only.

    The vocabulary is the ``num_words`` most frequent train words, ties broken
    alphabetically; test-only words are out of vocabulary (``UNKNOWN``), so nothing about
    the test split leaks into the model's inputs.

    Args:
        tokens: ``texts`` already tokenized (:mod:`engine.data.bulk_tokens`, done while
            reading them); they are not tokenized again.
    """
    split = np.asarray(split, dtype=np.uint8)
    if tokens is None:
        tokens = _index_tokens(texts, progress, cancel)
    words, word_numbers, lengths = tokens
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    is_train = split == SPLITS["train"]
    n_train = int(is_train.sum())
    if is_train[:n_train].all():  # train rows first (the archive's order): a prefix
        train_numbers = word_numbers[: offsets[n_train]]
    else:
        train_numbers = word_numbers[np.repeat(is_train, lengths)]
    ranked = _most_frequent(np.bincount(train_numbers, minlength=len(words)), words, num_words)
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
