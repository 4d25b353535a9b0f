"""(a) The book's IMDB pipeline as printed in section 3.4, for the benchmark.

Run by ``bench/run_bench.py`` in a child process; prints one JSON line of stage timings,
peak RSS and test accuracy. ``keras.datasets.imdb.load_data`` needs the network, so the
same kind of integer sequences are built from the engine's Dataset: start mark 1, words
at (frequency rank + 3) with ranks from 1, out-of-vocabulary 2, words at or above
``num_words`` dropped to 2, train and test each shuffled with seed 113 like ``load_data``.

Usage: python bench/book_pipeline.py --data ARCHIVE --cache-dir DIR --seed N
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def keras_style_sequences(dataset, num_words=10_000):
    """What ``imdb.load_data(num_words=10000)`` returns, built from our Dataset."""
    out = {}
    rng = np.random.RandomState(113)
    for split in ("train", "test"):
        rows = dataset.indices(split)
        rng.shuffle(rows)
        seqs = []
        for i in rows:
            t = dataset.token_ids(i).astype(np.int64) + 4  # 0-based rank -> Keras index
            t[(t < 4) | (t >= num_words)] = 2
            seqs.append([1] + t.tolist())
        out[split] = (np.array(seqs, dtype=object), dataset.label[rows].astype(np.int64))
    return out


# ---- the book's code (Keras 3 spelling: keras.Input instead of input_shape) ----------


def vectorize_sequences(sequences, dimension=10000):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        for j in sequence:
            results[i, j] = 1.0
    return results


def book_model():
    import keras
    from keras import layers, models

    model = models.Sequential()
    model.add(keras.Input(shape=(10000,)))
    model.add(layers.Dense(16, activation="relu"))
    model.add(layers.Dense(16, activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    stages = {}
    t = time.perf_counter()
    import keras

    keras.utils.set_random_seed(args.seed)
    stages["import"] = time.perf_counter() - t

    t = time.perf_counter()
    from engine.data.loading import load_dataset

    dataset = load_dataset(args.data, cache_dir=Path(args.cache_dir))
    data = keras_style_sequences(dataset)
    (train_data, train_labels), (test_data, test_labels) = data["train"], data["test"]
    del dataset
    stages["load"] = time.perf_counter() - t

    t = time.perf_counter()
    x_train = vectorize_sequences(train_data)
    x_test = vectorize_sequences(test_data)
    y_train = np.asarray(train_labels).astype("float32")
    y_test = np.asarray(test_labels).astype("float32")
    stages["vectorize"] = time.perf_counter() - t

    t = time.perf_counter()
    model = book_model()
    x_val = x_train[:10000]
    partial_x_train = x_train[10000:]
    y_val = y_train[:10000]
    partial_y_train = y_train[10000:]
    history = model.fit(
        partial_x_train,
        partial_y_train,
        epochs=20,
        batch_size=512,
        validation_data=(x_val, y_val),
        verbose=0,
    )
    stages["validation_run"] = time.perf_counter() - t
    val_loss = history.history["val_loss"]

    t = time.perf_counter()
    model = book_model()
    model.fit(x_train, y_train, epochs=4, batch_size=512, verbose=0)
    stages["retrain"] = time.perf_counter() - t

    t = time.perf_counter()
    results = model.evaluate(x_test, y_test, verbose=0)
    stages["test"] = time.perf_counter() - t

    latencies = []
    for k in range(30):  # one review at a time, as a user would ask
        t = time.perf_counter()
        model.predict(vectorize_sequences([test_data[k]]), verbose=0)
        latencies.append(time.perf_counter() - t)
    stages["protocol"] = sum(stages[k] for k in ("vectorize", "validation_run", "retrain", "test"))
    print(
        json.dumps(
            {
                "pipeline": "book",
                "seed": args.seed,
                "stages": stages,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "test_accuracy": float(results[1]),
                "test_loss": float(results[0]),
                "best_epoch": int(np.argmin(val_loss)) + 1,
                "epochs_retrained": 4,
                "predict_ms": statistics.median(latencies[5:]) * 1000,
            }
        )
    )


if __name__ == "__main__":
    main()
