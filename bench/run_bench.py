"""Benchmark: the book's pipeline (a) against the engine's protocol (b) on the real data.

Each pipeline runs in its own child process, one after the other, so peak RSS
(``ru_maxrss`` of the child) and timings do not mix. Then the cold path
(bench/cold_start.py): the first read of the archive (no cache) and the cold CLI
(``main.py train --protocol book --json`` with a fresh ``IMDB_LAB_HOME``). Prints one
Markdown table with the medians over the seeds, the (b)/(a) ratios and the issue's
targets, and the machine's load average before and after.

Usage:
    python bench/run_bench.py [--data ARCHIVE] [--seeds 3] [--book-seeds 1] [--no-cold]
                              [--write FILE]
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


def run_cold(what: str, data: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cold_start.py"), what, "--data", data],
        capture_output=True,
        text=True,
        env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"),
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"cold_start.py {what} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  cold_start.py {what}: {result}", file=sys.stderr, flush=True)
    return result


def folder_bytes(folder: Path) -> int:
    """The size of the files under ``folder`` (as ``du -sb`` counts them, links not followed)."""
    return sum(
        (Path(root) / name).lstat().st_size
        for root, _dirs, files in os.walk(folder)
        for name in files
    )


def median(results: list[dict], get) -> float:
    return statistics.median(get(r) for r in results)


def table(book: list[dict], eng: list[dict], cold: dict | None = None) -> str:
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
    a_fit = median(book, lambda r: r["stages"]["validation_run"])
    b_fit = median(eng, lambda r: r["stages"]["validation_run"])
    a_rss = max(r["peak_rss_mb"] for r in book)
    b_acc = median(eng, lambda r: r["test_accuracy"])
    b_ms = median(eng, lambda r: r["predict_ms"])
    checks = [
        ("20 epochs with validation <= 0.35x", b_fit <= 0.35 * a_fit, f"{b_fit / a_fit:.3f}x"),
        ("whole protocol <= 0.20x", b_time <= 0.20 * a_time, f"{b_time / a_time:.3f}x"),
        ("test accuracy >= 0.88 (median)", b_acc >= 0.88, f"{b_acc:.4f}"),
        ("single prediction <= 2 ms (median)", b_ms <= 2.0, f"{b_ms:.3f} ms"),
    ]
    if cold:
        # The book's whole pipeline from the archive: reading and tokenizing it (the same
        # reader, timed in cold_start.py first-read) plus its own run (import..evaluate).
        a_whole = cold["first_read_s"] + median(
            book, lambda r: r["stages"]["import"] + r["stages"]["load"] + r["stages"]["protocol"]
        )
        lines.append("")
        lines.append("| cold path | (a) book | (b) engine | (b)/(a) |")
        lines.append("|---|---:|---:|---:|")
        lines.append(
            f"| first read: archive to dataset, no cache (s) | | {cold['first_read_s']:.2f} | |"
        )
        lines.append(
            f"| archive to trained and tested model: (a) first read + book run, "
            f"(b) cold CLI (s) | {a_whole:.2f} | {cold['cold_cli_s']:.2f} | "
            f"{cold['cold_cli_s'] / a_whole:.3f} |"
        )
        lines.append(
            f"| peak RSS, (a) book run, (b) cold CLI (MB) | {a_rss:.0f} | "
            f"{cold['cli_peak_rss_mb']:.0f} | {cold['cli_peak_rss_mb'] / a_rss:.3f} |"
        )
        lines.append(
            f"| window: launch to first paint, cached data (s, median of "
            f"{len(cold['launches'])}) | | {cold['first_paint_s']:.2f} | |"
        )
        lines.append(
            f"| window: launch to Train enabled, cached data (s, median) | | "
            f"{cold['training_ready_s']:.2f} | |"
        )
        lines.append(
            f"| this .venv, with the test tools (GB of files) | | {cold['venv_gb']:.2f} | |"
        )
        checks += [
            (
                "first paint <= 0.6 s",
                cold["first_paint_s"] <= 0.6,
                f"{cold['first_paint_s']:.2f} s",
            ),
            (
                "Train enabled <= 3 s",
                cold["training_ready_s"] <= 3.0,
                f"{cold['training_ready_s']:.2f} s",
            ),
            (".venv <= 2.4 GB", cold["venv_gb"] <= 2.4, f"{cold['venv_gb']:.2f} GB"),
            ("first read <= 3 s", cold["first_read_s"] <= 3.0, f"{cold['first_read_s']:.2f} s"),
            (
                "cold CLI <= 0.30x",
                cold["cold_cli_s"] <= 0.30 * a_whole,
                f"{cold['cold_cli_s'] / a_whole:.3f}x",
            ),
            (
                "cold CLI peak RSS <= 1/12",
                cold["cli_peak_rss_mb"] <= a_rss / 12,
                f"1/{a_rss / cold['cli_peak_rss_mb']:.1f}",
            ),
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
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-path runs")
    parser.add_argument("--write", help="also write the table to this Markdown file")
    args = parser.parse_args()
    if not args.data:
        raise SystemExit("Name the dataset with --data or IMDB_LAB_DATA.")
    from engine.data.loading import load_dataset

    load_before = os.getloadavg()
    load_dataset(args.data, cache_dir=Path(args.cache_dir))  # build the cache once, untimed
    book, eng = [], []
    for seed in range(max(args.seeds, args.book_seeds)):
        if seed < args.book_seeds:
            book.append(run_child("book_pipeline.py", args.data, args.cache_dir, seed))
        if seed < args.seeds:
            eng.append(run_child("engine_pipeline.py", args.data, args.cache_dir, seed))
    cold = None
    if not args.no_cold:
        first = run_cold("first-read", args.data)
        cli = run_cold("cli", args.data)
        window = run_cold("startup", args.data)
        cold = {
            "first_paint_s": window["first_paint_s"],
            "training_ready_s": window["training_ready_s"],
            "launches": window["launches"],
            "venv_gb": folder_bytes(Path(sys.prefix)) / 1e9,
            "first_read_s": first["first_read_s"],
            "cold_cli_s": cli["cold_cli_s"],
            "cli_peak_rss_mb": cli["peak_rss_mb"],
            "cli_test_accuracy": cli["test_accuracy"],
        }
    text = table(book, eng, cold)
    load_after = os.getloadavg()
    text += (
        f"\n\nLoad average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.2f}' for x in load_after)} ({os.cpu_count()} CPUs)."
    )
    if cold:
        text += f" Cold CLI test accuracy: {cold['cli_test_accuracy']:.4f}."
    print(text)
    if args.write:
        Path(args.write).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
