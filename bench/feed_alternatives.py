"""Measures the ways of feeding multi-hot batches that engine/batches.py chose between.

Each variant trains the book's model (16-16 relu, rmsprop, batch 512) for a few epochs on
15,000 reviews with 10,000 validation reviews, in its own process, and reports seconds
per epoch (median after the first, which includes tracing) and the process's peak RSS.

Variants: ``sparse`` (tf.data, SparseTensor batches, sparse model input; the engine's
choice), ``dense`` (the same tf.data feed scattered into dense float32 blocks), and
``pydataset`` (a keras.utils.PyDataset building dense numpy batches in Python).

Usage: python bench/feed_alternatives.py [--data ARCHIVE] [--epochs 6] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VARIANTS = ("sparse", "dense", "pydataset")


def child(variant: str, data: str, cache_dir: str, epochs: int) -> None:
    import numpy as np

    from engine.data.loading import load_dataset
    from engine.model.batches import multi_hot, tf_batches
    from engine.model.config import ModelConfig
    from engine.model.network import build_model
    from engine.model.training_records import split_rows

    dataset = load_dataset(data, cache_dir=Path(cache_dir))
    import keras
    import tensorflow as tf

    config = ModelConfig()
    fit_rows, val_rows = split_rows(dataset, config)
    model = build_model(config)
    if variant == "sparse":
        train = tf_batches(dataset, fit_rows, 512, shuffle_seed=0)
        val = tf_batches(dataset, val_rows, 512)
    elif variant == "dense":

        def densify(x, y):
            return tf.sparse.to_dense(x), y

        train = tf_batches(dataset, fit_rows, 512, shuffle_seed=0).map(densify)
        val = tf_batches(dataset, val_rows, 512).map(densify)
    else:

        class Batches(keras.utils.PyDataset):
            def __init__(self, rows, shuffle):
                super().__init__()
                self.rows, self.shuffle = rows.copy(), shuffle
                self.rng = np.random.default_rng(0)

            def __len__(self):
                return -(-len(self.rows) // 512)

            def __getitem__(self, i):
                part = self.rows[i * 512 : (i + 1) * 512]
                return multi_hot(dataset, part), dataset.label[part].astype(np.float32)

            def on_epoch_end(self):
                if self.shuffle:
                    self.rng.shuffle(self.rows)

        train, val = Batches(fit_rows, True), Batches(val_rows, False)
    times = []

    class Clock(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            times.append(time.perf_counter() - self.start)

    model.fit(
        train, validation_data=val, epochs=epochs, verbose=0, callbacks=[Clock()], shuffle=False
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{variant}\t{times[0]:.2f}\t{statistics.median(times[1:]):.3f}\t{rss:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("IMDB_LAB_DATA", ""))
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "imdb-lab-bench"))
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", choices=VARIANTS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.cache_dir, args.epochs)
        return
    print("| variant | first epoch (s) | later epochs, median (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    for _ in range(args.repeat):  # interleaved, so load from other processes hits all alike
        for variant in VARIANTS:
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    variant,
                    "--data",
                    args.data,
                    "--cache-dir",
                    args.cache_dir,
                    "--epochs",
                    str(args.epochs),
                ],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            print(
                "| " + " | ".join(out.stdout.strip().splitlines()[-1].split("\t")) + " |",
                flush=True,
            )


if __name__ == "__main__":
    main()
