"""Where one training epoch's time goes: the pieces of a step timed apart, and per-op totals.

Runs in one process on the real data (cached Dataset), the book's model and feed
(batch 512, 15,000 training + 10,000 validation reviews), for the engine's first layer
(``sparse``: ``sparse_dense_matmul``) and Keras's stock ``Dense`` on the same sparse input
(``stock``). Each piece is the best of 3. With ``--trace``, TensorFlow's profiler records
5 epochs of ``fit`` and the op times are summed by name (the busiest first).

Usage:
    python bench/profile_epoch.py --data ARCHIVE [--cache-dir DIR] [--trace]
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def pieces(model, train_feed, val_feed, steps: int, val_steps: int) -> dict[str, float]:
    import tensorflow as tf

    model.fit(train_feed, epochs=1, steps_per_epoch=steps, verbose=0)  # trace first
    iterator = iter(train_feed)
    batches = [next(iterator) for _ in range(steps)]
    loss_fn, optimizer, variables = model.loss, model.optimizer, model.trainable_variables
    import keras

    loss = keras.losses.get(loss_fn)

    @tf.function
    def forward(x):
        return model(x, training=False)

    @tf.function
    def gradients(x, y):
        with tf.GradientTape() as tape:
            value = tf.reduce_mean(loss(y[:, None], model(x, training=True)))
        return tape.gradient(value, variables)

    @tf.function
    def apply(grads):
        optimizer.apply(grads, variables)

    grads = gradients(*batches[0])
    return {
        "feed: one epoch of training batches": best_of(
            lambda: [next(iterator) for _ in range(steps)]
        ),
        "fit: one epoch with validation": best_of(
            lambda: model.fit(
                train_feed,
                validation_data=val_feed,
                epochs=1,
                steps_per_epoch=steps,
                validation_steps=val_steps,
                verbose=0,
            )
        ),
        "fit: one epoch, no validation": best_of(
            lambda: model.fit(train_feed, epochs=1, steps_per_epoch=steps, verbose=0)
        ),
        "evaluate: the validation batches": best_of(
            lambda: model.evaluate(val_feed, steps=val_steps, verbose=0)
        ),
        "train_on_batch x steps": best_of(lambda: [model.train_on_batch(x, y) for x, y in batches]),
        "forward x steps": best_of(lambda: [forward(x) for x, _ in batches]),
        "forward + gradients x steps": best_of(lambda: [gradients(x, y) for x, y in batches]),
        "optimizer.apply x steps": best_of(lambda: [apply(grads) for _ in range(steps)]),
    }


def op_totals(model, train_feed, val_feed, steps: int, val_steps: int, top: int = 25) -> list:
    import tensorflow as tf
    from tensorflow.tsl.profiler.protobuf import xplane_pb2

    folder = tempfile.mkdtemp(prefix="imdb-lab-trace-")
    tf.profiler.experimental.start(folder)
    model.fit(
        train_feed,
        validation_data=val_feed,
        epochs=5,
        steps_per_epoch=steps,
        validation_steps=val_steps,
        verbose=0,
    )
    tf.profiler.experimental.stop()
    space = xplane_pb2.XSpace()
    space.ParseFromString(
        Path(glob.glob(f"{folder}/**/*.xplane.pb", recursive=True)[0]).read_bytes()
    )
    totals: collections.Counter = collections.Counter()
    for plane in space.planes:
        for line in plane.lines:
            for event in line.events:
                name = plane.event_metadata[event.metadata_id].name
                if ":" in name:  # "scope/.../name:OpType": an op
                    scope = name.split("/")[1] if name.count("/") > 1 else ""
                    totals[(scope, name.rsplit(":", 1)[1])] += event.duration_ps / 1e12
    return totals.most_common(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("IMDB_LAB_DATA", ""))
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "imdb-lab-bench"))
    parser.add_argument("--trace", action="store_true", help="also sum op times (TF profiler)")
    args = parser.parse_args()
    from engine.data.loading import load_dataset
    from engine.model.batches import batch_count, tf_batches
    from engine.model.config import ModelConfig
    from engine.model.network import build_model
    from engine.model.training_records import split_rows

    dataset = load_dataset(args.data, cache_dir=Path(args.cache_dir))
    config = ModelConfig(seed=1)
    fit_rows, val_rows = split_rows(dataset, config)
    steps, val_steps = batch_count(len(fit_rows), 512), batch_count(len(val_rows), 512)
    print(f"load average {os.getloadavg()[0]:.2f}; times in seconds, best of 3")
    for name, sparse in (("sparse", True), ("stock", False)):
        train_feed = tf_batches(dataset, fit_rows, 512, shuffle_seed=1, repeat=True)
        val_feed = tf_batches(dataset, val_rows, 512, repeat=True)
        model = build_model(config, sparse_input=sparse)
        for piece, seconds in pieces(model, train_feed, val_feed, steps, val_steps).items():
            print(f"{name:6s} {piece:40s} {seconds:.3f}")
        if args.trace:
            for (scope, op), seconds in op_totals(model, train_feed, val_feed, steps, val_steps):
                print(f"{name:6s} op {scope + '/' + op:55s} {seconds:.3f} (5 epochs)")


if __name__ == "__main__":
    main()
