"""The Keras model (engine.model.network) and the multi-hot feeds (engine.model.batches)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.model.batches import batch_count, distinct_ids, multi_hot, tf_batches
from engine.model.config import ModelConfig, summary_rows
from engine.model.network import build_model, get_weights, standard_model, weights_are_finite

CONFIG = ModelConfig(num_words=100, batch_size=32, validation_size=40, epochs=2)


def naive_multi_hot(dataset, rows, width):
    """The book's vectorize_sequences, written the slow obvious way."""
    out = np.zeros((len(rows), width))
    for k, i in enumerate(rows):
        for t in dataset.token_ids(i):
            if 0 <= t < width:
                out[k, t] = 1.0
    return out


def test_model_matches_the_book_architecture():
    import keras

    config = ModelConfig(
        hidden_units=[16, 8],
        activation="tanh",
        num_words=500,
        optimizer="adam",
        learning_rate=0.01,
        loss="mse",
    )
    model = build_model(config)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    assert [layer.units for layer in dense] == [16, 8, 1]
    assert [layer.activation.__name__ for layer in dense] == ["tanh", "tanh", "sigmoid"]
    assert model.input_shape == (None, 500)
    rows = summary_rows(config)
    assert [layer.name for layer in dense] == [r[0].split(" ")[0] for r in rows]
    assert [layer.count_params() for layer in dense] == [r[2] for r in rows]
    assert isinstance(model.optimizer, keras.optimizers.Adam)
    assert model.optimizer.learning_rate.numpy() == pytest.approx(0.01)
    assert model.loss == "mse"


def test_book_defaults_compile_rmsprop_and_binary_crossentropy():
    import keras

    model = build_model(ModelConfig())
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)
    assert model.optimizer.learning_rate.numpy() == pytest.approx(0.001)
    assert model.loss == "binary_crossentropy"
    assert model.count_params() == 10_000 * 16 + 16 + 16 * 16 + 16 + 17


def test_weights_are_seeded_float32_copies():
    a = get_weights(build_model(CONFIG))
    b = get_weights(build_model(CONFIG))
    c = get_weights(build_model(CONFIG.replace(seed=1)))
    assert [w.shape for w in a] == [(100, 16), (16,), (16, 16), (16,), (16, 1), (1,)]
    assert all(w.dtype == np.float32 for w in a)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])
    assert weights_are_finite(a)
    a[0][0, 0] = np.nan
    assert not weights_are_finite(a)


def test_multi_hot_equals_the_books_vectorization(tiny_dataset):
    rows = np.array([0, 5, 130, 239, 5])
    for width in (100, 20):
        got = multi_hot(tiny_dataset, rows, width)
        assert got.dtype == np.float32 and got.shape == (5, width)
        np.testing.assert_array_equal(got, naive_multi_hot(tiny_dataset, rows, width))
    assert multi_hot(tiny_dataset, rows, 20).sum() < multi_hot(tiny_dataset, rows, 100).sum()


def test_multi_hot_ids_in_small_pieces_equal_one_piece(monkeypatch):
    from engine.model import batches

    rng = np.random.default_rng(3)
    lengths = rng.integers(0, 40, size=300)  # empty reviews included
    flat = rng.integers(-1, 150, size=int(lengths.sum())).astype(np.int32)
    whole = batches.multi_hot_ids(flat, lengths, 100)
    for tokens in (1, 37, 500):  # one row per piece, a few rows, many rows
        monkeypatch.setattr(batches, "CHUNK_TOKENS", tokens)
        pieces = batches.multi_hot_ids(flat, lengths, 100)
        np.testing.assert_array_equal(pieces[0], whole[0])
        np.testing.assert_array_equal(pieces[1], whole[1])
    assert len(batches._row_chunks(np.r_[0, np.cumsum(lengths)], 100)) > 10


def test_distinct_ids_are_sorted_unique_known_words(tiny_dataset):
    rows = tiny_dataset.indices("test")
    indptr, ids = distinct_ids(tiny_dataset, rows)
    assert len(indptr) == len(rows) + 1 and indptr[-1] == len(ids)
    for k in (0, 17, len(rows) - 1):
        np.testing.assert_array_equal(
            ids[indptr[k] : indptr[k + 1]], tiny_dataset.known_ids(rows[k])
        )


def test_tf_batches_in_order_match_multi_hot(tiny_dataset):
    rows = tiny_dataset.indices("train")[::3]
    batches = list(tf_batches(tiny_dataset, rows, 16, width=100))
    assert len(batches) == batch_count(len(rows), 16) == 3
    import tensorflow as tf

    assert isinstance(batches[0][0], tf.SparseTensor)
    x = np.concatenate([tf.sparse.to_dense(b[0]).numpy() for b in batches])
    y = np.concatenate([b[1].numpy() for b in batches])
    np.testing.assert_array_equal(x, multi_hot(tiny_dataset, rows, 100))
    np.testing.assert_array_equal(y, tiny_dataset.label[rows].astype(np.float32))


def test_tf_batches_reshuffle_every_epoch_reproducibly(tiny_dataset):
    import tensorflow as tf

    rows = tiny_dataset.indices("train")
    reference = multi_hot(tiny_dataset, rows, 100)

    def epoch_orders(seed):
        feed = tf_batches(tiny_dataset, rows, 50, width=100, shuffle_seed=seed)
        orders = []
        for _ in range(2):
            x = np.concatenate([tf.sparse.to_dense(b[0]).numpy() for b in feed])
            # Identify each produced row by its position in the unshuffled matrix.
            orders.append([int(np.flatnonzero((reference == r).all(axis=1))[0]) for r in x])
        return orders

    first, second = epoch_orders(3)
    assert sorted(first) == sorted(second) != first  # a permutation, a new one each epoch
    assert first != list(range(len(rows)))
    assert epoch_orders(3) == [first, second]


def _fit(model, dataset, epochs=3):
    rows = dataset.indices("train")
    feed = tf_batches(dataset, rows, 32, width=100, shuffle_seed=CONFIG.seed)
    history = model.fit(feed, epochs=epochs, verbose=0, shuffle=False)
    return history.history["loss"], get_weights(model)


def test_sparse_first_layer_trains_exactly_like_keras_dense(tiny_dataset):
    """The training model's first layer only changes how the sparse product is computed."""
    import keras

    config = CONFIG.replace(learning_rate=0.01)
    fast = build_model(config)
    stock = build_model(config, sparse_input=False)
    assert type(stock.layers[1]) is keras.layers.Dense
    assert type(fast.layers[1]) is not keras.layers.Dense
    assert all(np.array_equal(a, b) for a, b in zip(get_weights(fast), get_weights(stock)))
    fast_loss, fast_weights = _fit(fast, tiny_dataset)
    stock_loss, stock_weights = _fit(stock, tiny_dataset)
    np.testing.assert_allclose(fast_loss, stock_loss, rtol=1e-5)
    for a, b in zip(fast_weights, stock_weights):
        np.testing.assert_allclose(a, b, atol=1e-5)
    x = multi_hot(tiny_dataset, tiny_dataset.indices("test")[:20], 100)
    np.testing.assert_allclose(fast.predict(x, verbose=0), stock.predict(x, verbose=0), atol=1e-6)


def test_training_model_summary_reads_like_the_books():
    config = ModelConfig()

    def summary(model):
        lines = []
        model.summary(print_fn=lambda line, **_: lines.append(line))
        return "\n".join(lines)

    assert summary(build_model(config)) == summary(build_model(config, sparse_input=False))


def test_standard_model_saves_for_plain_keras(tiny_dataset, tmp_path):
    import keras

    model = build_model(CONFIG.replace(learning_rate=0.01))
    _fit(model, tiny_dataset, epochs=2)
    plain = standard_model(model, CONFIG)
    assert all(type(layer) is keras.layers.Dense for layer in plain.layers[1:])
    plain.save(tmp_path / "model.keras")
    loaded = keras.models.load_model(tmp_path / "model.keras", safe_mode=True)
    for a, b in zip(get_weights(loaded), get_weights(model)):
        np.testing.assert_array_equal(a, b)
    # The optimizer state came along too, so training can go on where it stopped.
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
