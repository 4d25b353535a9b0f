"""The book's model (section 3.4): multi-hot input, Dense hidden layers, one sigmoid unit.

TensorFlow/Keras are imported inside the functions so that importing the engine stays
cheap; the window can show the model summary from :mod:`engine.model.config` meanwhile.
"""

from __future__ import annotations

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


def build_model(config: ModelConfig) -> Any:
    """A compiled Keras model, mathematically the book's.

    ``Dense(units, activation)`` per hidden layer, then ``Dense(1, sigmoid)``; input width
    ``config.num_words`` (one multi-hot row per review); metric ``accuracy``. All random
    state (weights initialisation, shuffling) is seeded from ``config.seed``.

    Layers are named like a fresh Keras session names them (``dense``, ``dense_1``, ...)
    so the summary matches :func:`engine.model.config.summary_rows` however many models this
    process built before.
    """
    import keras

    keras.utils.set_random_seed(config.seed)
    # Sparse input: training feeds tf.SparseTensor batches (engine.model.batches); dense
    # arrays are accepted as well.
    inputs = keras.Input(shape=(config.num_words,), sparse=True, name="multi_hot")
    x = inputs
    for i, units in enumerate(config.hidden_units):
        x = keras.layers.Dense(
            units, activation=config.activation, name="dense" if i == 0 else f"dense_{i}"
        )(x)
    outputs = keras.layers.Dense(1, activation="sigmoid", name=f"dense_{len(config.hidden_units)}")(
        x
    )
    model = keras.Model(inputs, outputs, name="imdb_sentiment")
    model.compile(optimizer=make_optimizer(config), loss=config.loss, metrics=["accuracy"])
    return model


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
