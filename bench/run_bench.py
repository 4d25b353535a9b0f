"""Benchmark: the book's pipeline (a) against the engine's protocol (b) on the real data.

Each pipeline runs in its own child process, one after the other, so peak RSS
(``ru_maxrss`` of the child) and timings do not mix. Prints one Markdown table with the
medians over the seeds, the (b)/(a) ratios and the issue's targets.

Usage:
    python bench/run_bench.py [--data ARCHIVE] [--seeds 3] [--book-seeds 1] [--write FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = [
    ("import", "import TensorFlow/Keras"),
    ("load", "load data (cached Dataset)"),
    ("vectorize", "vectorize"),
    ("validation_run", "train 20 epochs with validation"),
    ("retrain", "retrain on all 25,000"),
    ("test", "evaluate on 25,000 test reviews"),
    ("protocol", "whole protocol (vectorize..evaluate)"),
]


def run_child(script: str, data: str, cache_dir: str, seed: int) -> dict:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / script),
            "--data",
            data,
            "--cache-dir",
            cache_dir,
            "--seed",
            str(seed),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"{script} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"  {script} seed {seed}: protocol {result['stages']['protocol']:.1f} s, "
        f"accuracy {result['test_accuracy']:.4f}, peak RSS {result['peak_rss_mb']:.0f} MB",
        file=sys.stderr,
        flush=True,
    )
    return result


def median(results: list[dict], get) -> float:
    return statistics.median(get(r) for r in results)


def table(book: list[dict], eng: list[dict]) -> str:
    lines = [
        f"| stage | (a) book, {len(book)} run(s) | (b) engine, {len(eng)} run(s) | (b)/(a) |",
        "|---|---:|---:|---:|",
    ]

    def row(label, a, b, fmt):
        ratio = f"{b / a:.3f}" if a else "-"
        lines.append(f"| {label} | {fmt.format(a)} | {fmt.format(b)} | {ratio} |")

    for key, label in STAGES:
        row(
            label + " (s)",
            median(book, lambda r, k=key: r["stages"][k]),
            median(eng, lambda r, k=key: r["stages"][k]),
            "{:.2f}",
        )
    row(
        "peak RSS (MB)",
        max(r["peak_rss_mb"] for r in book),
        max(r["peak_rss_mb"] for r in eng),
        "{:.0f}",
    )
    row(
        "test accuracy (median)",
        median(book, lambda r: r["test_accuracy"]),
        median(eng, lambda r: r["test_accuracy"]),
        "{:.4f}",
    )
    row(
        "single prediction, median (ms)",
        median(book, lambda r: r["predict_ms"]),
        median(eng, lambda r: r["predict_ms"]),
        "{:.3f}",
    )
    lines.append("")
    lines.append(
        "Per run (seed: best epoch / epochs retrained / test accuracy): "
        + "; ".join(
            f"{r['pipeline']} {r['seed']}: {r['best_epoch']}/"
            f"{r['epochs_retrained']}/{r['test_accuracy']:.4f}"
            for r in book + eng
        )
    )
    a_time = median(book, lambda r: r["stages"]["protocol"])
    b_time = median(eng, lambda r: r["stages"]["protocol"])
    a_rss = max(r["peak_rss_mb"] for r in book)
    b_rss = max(r["peak_rss_mb"] for r in eng)
    b_acc = median(eng, lambda r: r["test_accuracy"])
    b_ms = median(eng, lambda r: r["predict_ms"])
    checks = [
        ("protocol time <= 0.35x", b_time <= 0.35 * a_time, f"{b_time / a_time:.3f}x"),
        ("peak RSS <= 1/8", b_rss <= a_rss / 8, f"{b_rss / a_rss:.3f}x"),
        ("test accuracy >= 0.875 (median)", b_acc >= 0.875, f"{b_acc:.4f}"),
        ("single prediction <= 2 ms (median)", b_ms <= 2.0, f"{b_ms:.3f} ms"),
    ]
    lines.append("")
    lines.append(
        "Targets: "
        + "; ".join(f"{name}: {value} {'MET' if ok else 'NOT MET'}" for name, ok, value in checks)
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        default=os.environ.get("IMDB_LAB_DATA", ""),
        help="the aclImdb archive or folder (default: IMDB_LAB_DATA)",
    )
    parser.add_argument("--seeds", type=int, default=1, help="engine runs (seeds 0..N-1)")
    parser.add_argument("--book-seeds", type=int, default=1, help="book pipeline runs")
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "imdb-lab-bench"))
    parser.add_argument("--write", help="also write the table to this Markdown file")
    args = parser.parse_args()
    if not args.data:
        raise SystemExit("Name the dataset with --data or IMDB_LAB_DATA.")
    from engine.data.loading import load_dataset

    load_dataset(args.data, cache_dir=Path(args.cache_dir))  # build the cache once, untimed
    book, eng = [], []
    for seed in range(max(args.seeds, args.book_seeds)):
        if seed < args.book_seeds:
            book.append(run_child("book_pipeline.py", args.data, args.cache_dir, seed))
        if seed < args.seeds:
            eng.append(run_child("engine_pipeline.py", args.data, args.cache_dir, seed))
    text = table(book, eng)
    print(text)
    if args.write:
        Path(args.write).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
