"""Training on several devices: the ``tf.distribute`` strategy and the feeds it can split.

TensorFlow is imported inside the functions, never when the module loads.
"""

from __future__ import annotations

from typing import Any

DISTRIBUTE = ("default", "mirrored")


def distribution_strategy(name: str = "default") -> Any:
    """The ``tf.distribute`` strategy to build and train under.

    ``"default"`` is whatever strategy is in scope (``tf.distribute.get_strategy()``: one
    device unless the caller entered another); ``"mirrored"`` is a
    ``MirroredStrategy`` over every local GPU (or the CPU when there is none), with the
    same result as one device up to floating-point summation order.
    """
    import tensorflow as tf

    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name != "default":
        raise ValueError(f"unknown distribution strategy {name!r}")
    return tf.distribute.get_strategy()


def is_distributed(strategy: Any) -> bool:
    """Whether ``strategy`` spreads training over more than the default single device."""
    import tensorflow as tf

    return strategy is not tf.distribute.get_strategy() or tf.distribute.has_strategy()


def dense_feed(feed: Any) -> Any:
    """``feed`` with dense batches: Keras cannot split ``tf.SparseTensor`` batches across replicas."""
    import tensorflow as tf

    return feed.map(lambda x, y: (tf.sparse.to_dense(x), y))
