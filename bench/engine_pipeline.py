"""(b) The engine's book protocol and numpy predictor, for the benchmark.

Run by ``bench/run_bench.py`` in a child process; prints one JSON line like
``bench/book_pipeline.py``.

Usage: python bench/engine_pipeline.py --data ARCHIVE --cache-dir DIR --seed N
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    stages = {}
    t = time.perf_counter()
    import keras  # noqa: F401  (timed on its own, like the book's child)

    stages["import"] = time.perf_counter() - t

    t = time.perf_counter()
    from engine.data.loading import load_dataset
    from engine.model.book_protocol import run_book_protocol
    from engine.model.config import ModelConfig

    dataset = load_dataset(args.data, cache_dir=Path(args.cache_dir))
    stages["load"] = time.perf_counter() - t

    # The engine's counterpart of the book's vectorize_sequences: each review's distinct
    # in-vocabulary ids (the multi-hot matrix in compressed-row form), computed once per
    # dataset and kept for training, validation, retraining and evaluation.
    from engine.model.batches import dataset_multi_hot

    t = time.perf_counter()
    dataset_multi_hot(dataset)
    stages["vectorize"] = time.perf_counter() - t
    t = time.perf_counter()
    result = run_book_protocol(dataset, ModelConfig(seed=args.seed))
    stages["protocol"] = stages["vectorize"] + time.perf_counter() - t
    stages["validation_run"] = result.timings["validation_run"]
    stages["retrain"] = result.timings["retrain"]
    stages["test"] = result.timings["test"]

    from engine.model.predictor import Predictor

    predict = Predictor(result.weights, dataset.vocab, "relu").predict
    texts = [dataset.text(i) for i in dataset.indices("test")[:200]]
    latencies = []
    for text in texts:
        t = time.perf_counter()
        predict(text)
        latencies.append(time.perf_counter() - t)
    print(
        json.dumps(
            {
                "pipeline": "engine",
                "seed": args.seed,
                "stages": stages,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "test_accuracy": result.test["accuracy"],
                "test_loss": result.test["loss"],
                "best_epoch": result.best_epoch,
                "epochs_retrained": len(result.retrain_history["loss"]),
                "predict_ms": statistics.median(latencies[5:]) * 1000,
                "status": result.status,
            }
        )
    )


if __name__ == "__main__":
    main()
