"""Multi-hot batches fed straight from a :class:`~engine.data.Dataset`'s token arrays.

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

import weakref

import numpy as np

# dataset -> {width: (indptr, ids) of every row}: the training run, its validation, the
# retraining and the test evaluation all slice the same arrays instead of re-sorting.
_ALL_ROWS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def distinct_ids(dataset, rows: np.ndarray, width: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The multi-hot positions of ``rows`` in CSR form.

    Ids at or above ``width`` (default ``dataset.num_words``) are left out, like words
    outside ``num_words`` in the book.

    Returns:
        ``(indptr, ids)``: row ``k`` of ``rows`` has the sorted distinct in-vocabulary ids
        ``ids[indptr[k]:indptr[k + 1]]`` (``indptr`` int64 of length ``len(rows) + 1``,
        ``ids`` int32).
    """
    rows = np.asarray(rows, dtype=np.int64)
    width = int(width or dataset.num_words)
    try:
        cached = _ALL_ROWS.setdefault(dataset, {})
    except TypeError:  # not weak-referenceable: compute directly
        cached = {}
    if width not in cached:
        cached[width] = _compute_distinct_ids(dataset, np.arange(len(dataset)), width)
    all_indptr, all_ids = cached[width]
    starts = all_indptr[rows]
    lengths = all_indptr[rows + 1] - starts
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    gather = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
    return indptr, all_ids[gather]


def _compute_distinct_ids(dataset, rows: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    # int32 keys (row * width + id) halve the temporaries whenever they fit.
    key_type = np.int32 if len(rows) * width < 2**31 else np.int64
    starts = dataset.token_offsets[rows]
    lengths = dataset.token_offsets[rows + 1] - starts
    # Gather all selected rows' tokens at once (no Python loop over 25,000 reviews).
    total = int(lengths.sum())
    gather = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    tokens = dataset.tokens[gather].astype(key_type)
    del gather
    owner = np.repeat(np.arange(len(rows), dtype=key_type), lengths)
    known = (tokens >= 0) & (tokens < width)
    keys = owner[known] * key_type(width) + tokens[known]
    del owner, tokens, known
    # Sort + mask instead of np.unique: the keys are already grouped by row, which the
    # sort exploits; np.unique took 70x longer on the 25,000 test reviews (numpy 2.4).
    keys.sort()
    distinct = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=distinct[1:])
    keys = keys[distinct]
    key_rows, ids = np.divmod(keys, key_type(width))
    indptr = np.searchsorted(key_rows, np.arange(len(rows) + 1)).astype(np.int64)
    return indptr, ids.astype(np.int32)


def multi_hot(dataset, rows, width: int | None = None) -> np.ndarray:
    """Dense float32 multi-hot rows, shape ``(len(rows), width)``; for small batches."""
    rows = np.atleast_1d(np.asarray(rows, dtype=np.int64))
    width = int(width or dataset.num_words)
    indptr, ids = distinct_ids(dataset, rows, width)
    out = np.zeros((len(rows), width), dtype=np.float32)
    out[np.repeat(np.arange(len(rows)), np.diff(indptr)), ids] = 1.0
    return out


def batch_count(n_rows: int, batch_size: int) -> int:
    return -(-int(n_rows) // int(batch_size))


def tf_batches(dataset, rows: np.ndarray, batch_size: int, *, width: int | None = None,
               shuffle_seed: int | None = None, repeat: bool = False):
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
    ragged = tf.RaggedTensor.from_row_splits(ids.astype(np.int64), indptr, validate=False)
    labels = tf.constant(dataset.label[rows].astype(np.float32))
    # Shuffle and batch positions (cheap scalars), then gather each batch's rows at once:
    # refilling a shuffle buffer of 15,000 ragged rows every epoch cost more than training.
    data = tf.data.Dataset.range(len(rows))
    if shuffle_seed is not None:
        data = data.shuffle(len(rows), seed=shuffle_seed, reshuffle_each_iteration=True)

    def expand(positions):
        batch_ids = tf.gather(ragged, positions)
        # Ids are sorted within each row, so the indices are already in canonical order.
        coords = tf.stack([batch_ids.value_rowids(), batch_ids.flat_values], axis=1)
        n = tf.shape(positions, out_type=tf.int64)[0]
        block = tf.SparseTensor(coords, tf.ones_like(batch_ids.flat_values, tf.float32),
                                tf.stack([n, tf.constant(width, tf.int64)]))
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
