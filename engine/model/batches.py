"""Multi-hot batches fed straight from a :class:`~engine.data.dataset.Dataset`'s token arrays.

The book vectorizes every review into one dense float64 row of ``num_words`` values
(25,000 x 10,000 x 8 bytes = 2 GB per split). Here each review is kept as its distinct
in-vocabulary ids (a CSR layout: ``indptr`` + ``ids``, about 3.2 million ids per split)
and each batch becomes a ``tf.SparseTensor`` of ones inside the ``tf.data`` graph: the
model's input layer is sparse, so ``multi_hot @ W1`` only touches the rows of the words
present. The input is exactly the book's multi-hot vector; a dense array works as well.

Measured on the real data (2 shared cores, 15,000 + 10,000 reviews per epoch, seconds per
epoch after the first; bench/feed_alternatives.py, see bench/RESULTS.md): sparse input
0.49-0.57 s at ~800 MB peak RSS; the same feed made dense 0.48-0.75 s at ~850-890 MB; a
keras.utils.PyDataset building numpy batches 0.62-0.70 s. Sparse was the fastest or within
noise of it, with less memory than dense; the model's output is identical either way.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from engine.data.dataset import Dataset

_DATASET_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()
CHUNK_TOKENS = 1 << 20  # tokens per piece in multi_hot_ids (its temporaries, not its speed)


def multi_hot_ids(
    flat: np.ndarray, lengths: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each review's distinct ids in ``[0, width)``, sorted, as flat ids plus offsets (n+1).

    ``flat`` holds the reviews' token ids one after the other (``lengths`` each; ids < 0
    are unknown words). This is the multi-hot matrix in compressed-row form, built without
    a Python loop: sort + mask on ``row * width + id`` keys (np.unique was 70x slower).
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    n = len(lengths)
    token_offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=token_offsets[1:])
    parts: list[np.ndarray] = []
    counts = np.zeros(n, dtype=np.int64)
    for r0, r1 in _row_chunks(token_offsets, width):
        ids = np.asarray(flat[token_offsets[r0] : token_offsets[r1]], dtype=np.int32)
        rows = np.repeat(np.arange(r1 - r0, dtype=np.int32), lengths[r0:r1])
        keep = (ids >= 0) & (ids < width)
        keys = rows[keep] * np.int32(width) + ids[keep]
        keys.sort()
        distinct = np.ones(keys.size, dtype=bool)
        np.not_equal(keys[1:], keys[:-1], out=distinct[1:])
        keys = keys[distinct]
        key_rows = keys // np.int32(width)
        parts.append(keys - key_rows * np.int32(width))
        counts[r0:r1] = np.bincount(key_rows, minlength=r1 - r0)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    ids = np.concatenate(parts) if parts else np.zeros(0, np.int32)
    return ids, offsets


def _row_chunks(token_offsets: np.ndarray, width: int) -> list[tuple[int, int]]:
    """Row ranges of about ``CHUNK_TOKENS`` tokens each (at least one row per range).

    The temporaries of a range (row numbers, keys, masks) are a few bytes per token: in
    one piece, the 50,000 reviews' 11.5 million tokens raised the peak RSS by about 150 MB.
    Rows per range are also capped so that the int32 keys ``row * width + id`` cannot
    overflow.
    """
    n = len(token_offsets) - 1
    max_rows = max(1, (2**31 - 1) // max(width, 1) - 1)
    chunks, r0 = [], 0
    while r0 < n:
        r1 = int(np.searchsorted(token_offsets, token_offsets[r0] + CHUNK_TOKENS, side="right")) - 1
        r1 = min(max(r1, r0 + 1), r0 + max_rows, n)
        chunks.append((r0, r1))
        r0 = r1
    return chunks


def dataset_multi_hot(dataset: Dataset, width: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`multi_hot_ids` of every review of ``dataset``, computed once and kept while
    the dataset lives: training, validation, retraining, evaluation and the review browser
    all slice the same read-only arrays."""
    width = int(width or dataset.num_words)
    with _CACHE_LOCK:
        entry = _DATASET_CACHE.get(dataset, {}).get(width)
    if entry is not None and entry[0] is dataset.tokens:
        return entry[1], entry[2]
    ids, offsets = multi_hot_ids(dataset.tokens, np.diff(dataset.token_offsets), width)
    ids.flags.writeable = offsets.flags.writeable = False
    try:
        with _CACHE_LOCK:
            _DATASET_CACHE.setdefault(dataset, {})[width] = (dataset.tokens, ids, offsets)
    except TypeError:  # an object that cannot be weakly referenced: just don't cache
        pass
    return ids, offsets


def gather_rows(
    ids: np.ndarray, offsets: np.ndarray, rows: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """The segments ``rows`` of a flat array with offsets, as a new flat array + offsets."""
    rows = np.asarray(rows, dtype=np.int64)
    starts = offsets[rows]
    lengths = offsets[rows + 1] - starts
    new_offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_offsets[1:])
    index = np.repeat(starts - new_offsets[:-1], lengths) + np.arange(new_offsets[-1])
    return ids[index], new_offsets


def distinct_ids(
    dataset: Dataset, rows: np.ndarray, width: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The multi-hot positions of ``rows`` in CSR form.

    Ids at or above ``width`` (default ``dataset.num_words``) are left out, like words
    outside ``num_words`` in the book.

    Returns:
        ``(indptr, ids)``: row ``k`` of ``rows`` has the sorted distinct in-vocabulary ids
        ``ids[indptr[k]:indptr[k + 1]]`` (``indptr`` int64 of length ``len(rows) + 1``,
        ``ids`` int32).
    """
    ids, indptr = gather_rows(*dataset_multi_hot(dataset, width), rows)
    return indptr, ids


def multi_hot(dataset: Dataset, rows: ArrayLike, width: int | None = None) -> np.ndarray:
    """Dense float32 multi-hot rows, shape ``(len(rows), width)``; for small batches."""
    rows = np.atleast_1d(np.asarray(rows, dtype=np.int64))
    width = int(width or dataset.num_words)
    indptr, ids = distinct_ids(dataset, rows, width)
    out = np.zeros((len(rows), width), dtype=np.float32)
    out[np.repeat(np.arange(len(rows)), np.diff(indptr)), ids] = 1.0
    return out


def batch_count(n_rows: int, batch_size: int) -> int:
    return -(-int(n_rows) // int(batch_size))


def tf_batches(
    dataset: Dataset,
    rows: np.ndarray,
    batch_size: int,
    *,
    width: int | None = None,
    shuffle_seed: int | None = None,
    repeat: bool = False,
) -> Any:
    """A ``tf.data.Dataset`` of ``(multi_hot, label)`` batches.

    ``multi_hot`` is a float32 ``tf.SparseTensor`` of shape ``(b, width)`` holding ones,
    ``label`` float32 ``(b,)``.

    Args:
        rows: dataset row indices, in the order used when not shuffling.
        shuffle_seed: reshuffle the rows every epoch (like ``model.fit(shuffle=True)`` on
            arrays) from this seed; None keeps the order (validation, test).
        repeat: repeat forever (pass ``steps_per_epoch`` to ``fit``). Keras then keeps one
            iterator for the whole run instead of making a new one every epoch, which
            holds the GIL for tens of milliseconds (a visible stall in the window) and
            costs about 0.1 s an epoch.
    """
    import tensorflow as tf

    rows = np.asarray(rows, dtype=np.int64)
    width = int(width or dataset.num_words)
    indptr, ids = distinct_ids(dataset, rows, width)
    # int32 ids (half the memory of int64), widened per batch for the sparse indices.
    ragged = tf.RaggedTensor.from_row_splits(ids, indptr, validate=False)
    labels = tf.constant(dataset.label[rows].astype(np.float32))
    # Shuffle and batch positions (cheap scalars), then gather each batch's rows at once:
    # refilling a shuffle buffer of 15,000 ragged rows every epoch cost more than training.
    data = tf.data.Dataset.range(len(rows))
    if shuffle_seed is not None:
        data = data.shuffle(len(rows), seed=shuffle_seed, reshuffle_each_iteration=True)

    def expand(positions: Any) -> tuple[Any, Any]:
        batch_ids = tf.gather(ragged, positions)
        # Ids are sorted within each row, so the indices are already in canonical order.
        columns = tf.cast(batch_ids.flat_values, tf.int64)
        coords = tf.stack([batch_ids.value_rowids(), columns], axis=1)
        n = tf.shape(positions, out_type=tf.int64)[0]
        block = tf.SparseTensor(
            coords,
            tf.ones_like(batch_ids.flat_values, tf.float32),
            tf.stack([n, tf.constant(width, tf.int64)]),
        )
        return block, tf.gather(labels, positions)

    data = data.batch(batch_size).map(expand, num_parallel_calls=2)
    if shuffle_seed is None:
        # Unshuffled (validation) batches are the same every pass: build them once.
        data = data.cache()
    if repeat:
        data = data.repeat()
    # Deterministic order whatever the parallelism, so a seed reproduces a run.
    options = tf.data.Options()
    options.deterministic = True
    # The default graph rewrites run when an iterator is made, holding the GIL for tens of
    # milliseconds (the window's event loop would stall); this short pipeline gains nothing.
    options.experimental_optimization.apply_default_optimizations = False
    # Autotuning's background thread made ending a run wait up to ~1 s; a fixed degree of
    # parallelism does as well on this short pipeline.
    options.autotune.enabled = False
    return data.with_options(options).prefetch(2)
