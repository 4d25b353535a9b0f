"""The book's preprocessed copy of IMDB (``keras.datasets.imdb``) as a :class:`Dataset`.

Keras ships the reviews already as word indices: 0 is padding, 1 marks the start of a
review, 2 stands for any word outside ``num_words``, 3 is unused, and the word ranked r in
``get_word_index()`` is index r + 3. Those indices are kept exactly as model inputs, so a
model trained on this source sees what the book's model sees. No raw text, ratings or URLs
exist in this copy: texts are the decoded word sequences, ratings 0, URLs empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from engine.data.dataset import Dataset, pack_strings
from engine.errors import DataError, LabError

PAD, START, OOV, UNUSED = 0, 1, 2, 3
INDEX_FROM = 3
RESERVED = ("<pad>", "<start>", "<unk>", "<unused>")


def reverse_word_index(word_index: dict[str, int]) -> dict[int, str]:
    """Keras rank -> word (ranks as in ``get_word_index()``, before the +3 offset)."""
    return {rank: word for word, rank in word_index.items()}


def decode_keras(seq: Iterable[int], reverse_index: dict[int, str]) -> str:
    """A Keras index sequence as words, ``?`` for the reserved indices (as in the book)."""
    return " ".join(reverse_index.get(int(i) - INDEX_FROM, "?") for i in seq)


def keras_vocab(word_index: dict[str, int], num_words: int) -> list[str]:
    """Model input i -> word: the four reserved slots, then words by rank."""
    reverse = reverse_word_index(word_index)
    vocab = list(RESERVED[:num_words])
    vocab += [reverse.get(i - INDEX_FROM, f"<unused{i}>") for i in range(len(vocab), num_words)]
    return vocab


def from_keras_arrays(
    train_x: Sequence[Sequence[int] | np.ndarray],
    train_y: Sequence[int] | np.ndarray,
    test_x: Sequence[Sequence[int] | np.ndarray],
    test_y: Sequence[int] | np.ndarray,
    word_index: dict[str, int],
    num_words: int,
) -> Dataset:
    """Build a :class:`Dataset` from arrays laid out like ``keras.datasets.imdb.load_data``.

    Args:
        train_x, test_x: sequences (lists or object arrays of int lists) of Keras indices.
        train_y, test_y: 0/1 labels.
        word_index: ``get_word_index()`` (word -> rank, from 1).
        num_words: the ``num_words`` passed to ``load_data``; every index must be below it.

    Raises:
        DataError: labels and sequences differ in number, or an index is out of range.
    """
    seqs = list(train_x) + list(test_x)
    labels = np.concatenate([np.asarray(train_y), np.asarray(test_y)]).astype(np.int64)
    if len(train_x) != len(train_y) or len(test_x) != len(test_y):
        raise DataError(
            "The Keras IMDB arrays are inconsistent: reviews and labels differ in number."
        )
    if labels.size and not np.isin(labels, (0, 1)).all():
        raise DataError("The Keras IMDB labels must be 0 or 1.")
    arrays = [np.asarray(s, dtype=np.int64).reshape(-1) for s in seqs]
    lengths = np.array([len(a) for a in arrays], dtype=np.int32)
    flat = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
    if flat.size and (flat.min() < 0 or flat.max() >= num_words):
        raise DataError(
            f"The Keras IMDB data has word indices outside 0..{num_words - 1}; "
            f"load it with num_words={num_words}."
        )
    offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    reverse = reverse_word_index(word_index)
    # One table lookup per token (50,000 reviews hold about 12 million); every index is
    # below num_words here. The leading start marker is not part of the review's words.
    table = [reverse.get(i - INDEX_FROM, "?") for i in range(num_words)]
    texts = [
        " ".join(map(table.__getitem__, (a[1:] if len(a) and a[0] == START else a).tolist()))
        for a in arrays
    ]
    n_train, n = len(train_x), len(arrays)
    text_blob, text_offsets = pack_strings(texts)
    url_blob, url_offsets = pack_strings([""] * n)
    return Dataset(
        split=(np.arange(n) >= n_train).astype(np.uint8),
        label=labels.astype(np.uint8),
        rating=np.zeros(n, dtype=np.uint8),
        review_id=np.concatenate([np.arange(n_train), np.arange(n - n_train)]).astype(np.int32),
        n_words=lengths,
        tokens=flat.astype(np.int32),
        token_offsets=offsets,
        text_blob=text_blob,
        text_offsets=text_offsets,
        url_blob=url_blob,
        url_offsets=url_offsets,
        vocab=keras_vocab(word_index, num_words),
        source="keras.datasets.imdb",
        num_words=num_words,
        extra={"keras": True},
    )


def load_keras_imdb(num_words: int = 10_000) -> Dataset:
    """The Keras copy (downloaded by Keras on first use, about 17 MB; needs the network).

    Raises:
        DataError: Keras could not download or read its copy.
    """
    import keras  # heavy: only when this source is chosen

    imdb = keras.datasets.imdb
    try:
        (train_x, train_y), (test_x, test_y) = imdb.load_data(num_words=num_words)
        word_index = imdb.get_word_index()
    except LabError:
        raise
    except Exception as exc:  # Keras reports network and file problems with assorted types
        raise DataError(
            f"Could not load the Keras copy of IMDB ({type(exc).__name__}: {exc}). "
            f"It needs the network on first use."
        ) from exc
    return from_keras_arrays(train_x, train_y, test_x, test_y, word_index, num_words)
