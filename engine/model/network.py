"""The book's model (section 3.4): multi-hot input, Dense hidden layers, one sigmoid unit.

TensorFlow/Keras are imported inside the functions so that importing the engine stays
cheap; the window can show the model summary from :mod:`engine.model.config` meanwhile.

Training uses one change of implementation, not of mathematics: the first layer is a
:class:`keras.layers.Dense` whose product with a sparse multi-hot batch goes through
``tf.sparse.sparse_dense_matmul``. Keras's own Dense sends a ``tf.SparseTensor`` through
``embedding_lookup_sparse`` (gather + segment sum), whose kernel gradient arrives as
``IndexedSlices``; the optimizer then spends most of a step on densifying and applying
them. With the dense gradient of ``sparse_dense_matmul``, 20 epochs with validation
took 3.5-3.7 s instead of 7.8-10 s, with the same numbers to four decimals (measured in
bench/profile_epoch.py, see bench/RESULTS.md). Saved and exported models are rebuilt with
Keras's plain ``Dense`` (:func:`standard_model`), so they open anywhere without custom
objects.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from engine.model.config import ModelConfig


def make_optimizer(config: ModelConfig) -> Any:
    """The configured Keras optimizer with the configured learning rate."""
    import keras

    classes = {
        "rmsprop": keras.optimizers.RMSprop,
        "adam": keras.optimizers.Adam,
        "sgd": keras.optimizers.SGD,
    }
    return classes[config.optimizer](learning_rate=float(config.learning_rate))


@functools.cache
def _sparse_input_dense() -> Any:
    """The first layer's class, made on first use so that importing this module stays cheap."""
    import keras
    import tensorflow as tf

    class Dense(keras.layers.Dense):
        """Keras's ``Dense``, computing ``sparse_input @ kernel`` with ``sparse_dense_matmul``.

        Same weights, initializers, activation and configuration as ``keras.layers.Dense``
        (the class name is kept so ``model.summary()`` prints the book's table); only the
        kernel's gradient comes out dense instead of as ``IndexedSlices`` (see the module
        docstring). Dense inputs take Keras's own path.
        """

        def call(self, inputs: Any, training: Any = None) -> Any:
            if not isinstance(inputs, tf.SparseTensor):
                return super().call(inputs, training=training)
            x = tf.sparse.sparse_dense_matmul(inputs, self.kernel)
            if self.bias is not None:
                x = tf.nn.bias_add(x, self.bias)
            return self.activation(x) if self.activation is not None else x

    return Dense


def build_model(config: ModelConfig, *, sparse_input: bool = True) -> Any:
    """A compiled Keras model, mathematically the book's.

    ``Dense(units, activation)`` per hidden layer, then ``Dense(1, sigmoid)``; input width
    ``config.num_words`` (one multi-hot row per review); metric ``accuracy``. All random
    state (weights initialisation, shuffling) is seeded from ``config.seed``.

    Layers are named like a fresh Keras session names them (``dense``, ``dense_1``, ...)
    so the summary matches :func:`engine.model.config.summary_rows` however many models this
    process built before.

    Args:
        sparse_input: the training model: a sparse input whose first layer multiplies with
            ``sparse_dense_matmul`` (see the module docstring). False builds the same model
            from Keras's stock layers only, for saving (:func:`standard_model`).
    """
    import keras

    keras.utils.set_random_seed(config.seed)
    # Sparse input: training feeds tf.SparseTensor batches (engine.model.batches); dense
    # arrays are accepted as well.
    inputs = keras.Input(shape=(config.num_words,), sparse=True, name="multi_hot")
    x = inputs
    first = _sparse_input_dense() if sparse_input else keras.layers.Dense
    for i, units in enumerate(config.hidden_units):
        layer = first if i == 0 else keras.layers.Dense
        x = layer(units, activation=config.activation, name="dense" if i == 0 else f"dense_{i}")(x)
    outputs = keras.layers.Dense(1, activation="sigmoid", name=f"dense_{len(config.hidden_units)}")(
        x
    )
    model = keras.Model(inputs, outputs, name="imdb_sentiment")
    model.compile(optimizer=make_optimizer(config), loss=config.loss, metrics=["accuracy"])
    return model


def standard_model(model: Any, config: ModelConfig) -> Any:
    """``model`` rebuilt from Keras's stock layers, with its weights and optimizer state.

    For ``model.save``: the file then loads in plain Keras (``safe_mode=True``, no custom
    objects). The layers, weights and compiled settings are the same, so the copy computes
    exactly what ``model`` computes and can go on training where it stopped.
    """
    plain = build_model(config, sparse_input=False)
    plain.set_weights(model.get_weights())
    if model.optimizer.built:
        plain.optimizer.build(plain.trainable_variables)
        for target, source in zip(plain.optimizer.variables, model.optimizer.variables):
            target.assign(source)
    return plain


def get_weights(model: Any) -> list[np.ndarray]:
    """A float32 copy of the model's weights: ``[W1, b1, W2, b2, ...]``."""
    return [np.array(w, dtype=np.float32, copy=True) for w in model.get_weights()]


def weights_are_finite(weights: list[np.ndarray]) -> bool:
    """True when no weight is NaN or infinite (such a model must never be saved)."""
    return all(bool(np.isfinite(w).all()) for w in weights)


def refresh(model: Any, fresh: Any) -> Any:
    """Turn the trained ``model`` into ``fresh`` (a new, untrained model of the same config).

    ``model`` takes ``fresh``'s random initial weights and a zeroed optimizer state
    (step count, RMSprop/Adam accumulators), so it is a new model in every respect but one:
    it keeps its traced training functions, which saves the ~1 s that tracing costs.
    """
    model.set_weights(fresh.get_weights())
    # Keras 3 keeps the learning rate among the optimizer's variables: zero the rest only.
    rate = model.optimizer._learning_rate  # noqa: SLF001 - no public handle on the variable
    for variable in model.optimizer.variables:
        if variable is not rate:
            variable.assign(np.zeros(variable.shape, dtype=variable.dtype))
    model.optimizer.learning_rate = float(np.asarray(fresh.optimizer.learning_rate))
    return model
