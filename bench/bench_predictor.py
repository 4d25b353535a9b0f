"""Predictor latency: one 300-word review, and a 1 MB paste with word contributions.

Targets (issue 2): a single prediction's median ≤ 2 ms; explaining a 1 MB paste ≤ 1 s.
These are measured here rather than asserted in tests (timings depend on the machine's load).

Usage: python bench/bench_predictor.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.model.predictor import Predictor  # noqa: E402


def weights(width: int = 10_000, units: tuple[int, ...] = (16, 16)) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    out, fan_in = [], width
    for u in [*units, 1]:
        out += [rng.normal(0, 0.3, (fan_in, u)).astype(np.float32), np.zeros(u, np.float32)]
        fan_in = u
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    predictor = Predictor(weights(), [f"w{i}" for i in range(10_000)])
    rng = np.random.default_rng(0)
    texts = [" ".join(f"w{rng.integers(12_000)}" for _ in range(300)) for _ in range(200)]
    times = []
    for text in texts:
        start = time.perf_counter()
        predictor.predict(text)
        times.append(time.perf_counter() - start)
    print(
        f"one 300-word prediction, median of {len(texts)}: {statistics.median(times) * 1e3:.3f} ms"
    )
    big = ("w12 w99 never-seen, <br />" * 50_000)[:1_000_000]
    for i in range(args.repeats):
        start = time.perf_counter()
        predictor.explain(big)
        label = "first (cold)" if i == 0 else f"run {i + 1}"
        print(f"explain a 1 MB paste, {label}: {time.perf_counter() - start:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
