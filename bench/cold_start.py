"""The cold path, for the benchmark: the first read of the archive, and the cold CLI.

``first-read``: in this process, ``load_dataset`` of the archive without any cache
(stream the archive, tokenize 50,000 reviews, build the vocabulary); prints one JSON line.

``cli``: ``python main.py train --protocol book --json`` in a child process with a fresh,
empty ``IMDB_LAB_HOME`` (no processed cache, no runs), timed from start to exit, with the
child's peak RSS (``ru_maxrss`` from ``os.wait4``, which also covers its tokenizer worker);
prints one JSON line.

``startup``: the window, ``IMDB_LAB_MEASURE_STARTUP=ready python main.py`` offscreen with
a fresh ``IMDB_LAB_HOME`` and ``IMDB_LAB_DATA`` set: one launch that prepares the cache (not
counted), then ``--launches`` launches with cached data; prints the median first paint,
dataset ready and training ready (Train enabled) in seconds, and every launch's figures.

Usage:
    python bench/cold_start.py first-read --data ARCHIVE
    python bench/cold_start.py cli --data ARCHIVE
    python bench/cold_start.py startup --data ARCHIVE [--launches 3]
"""

from __future__ import annotations

import argparse
import json
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


def first_read(data: str) -> dict:
    t = time.perf_counter()
    from engine.data.loading import load_dataset

    dataset = load_dataset(data, use_cache=False)
    return {
        "first_read_s": time.perf_counter() - t,
        "reviews": len(dataset),
        "vocab": len(dataset.vocab),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cold_cli(data: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="imdb-lab-cold-") as home:
        env = dict(os.environ, IMDB_LAB_HOME=home, TF_CPP_MIN_LOG_LEVEL="2")
        command = [sys.executable, "main.py", "train", "--protocol", "book", "--json"]
        t = time.perf_counter()
        child = subprocess.Popen(
            [*command, "--data", data],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        out = child.stdout.read()  # drain first: the child must not block on a full pipe
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"the cold CLI run failed with exit code {child.returncode}")
    result = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    return {
        "cold_cli_s": wall,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "test_accuracy": (result.get("test") or {}).get("accuracy"),
        "best_epoch": result.get("best_epoch"),
    }


def startup(data: str, launches: int) -> dict:
    marks = ("first_paint_s", "dataset_ready_s", "training_ready_s")
    runs = []
    with tempfile.TemporaryDirectory(prefix="imdb-lab-startup-") as home:
        env = dict(
            os.environ,
            IMDB_LAB_HOME=home,
            IMDB_LAB_DATA=data,
            IMDB_LAB_MEASURE_STARTUP="ready",
            QT_QPA_PLATFORM="offscreen",
            TF_CPP_MIN_LOG_LEVEL="2",
        )
        for _ in range(launches + 1):  # the first one builds the processed cache
            out = subprocess.run(
                [sys.executable, "main.py"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if out.returncode != 0:
                raise SystemExit(f"the window did not get ready:\n{out.stderr[-2000:]}")
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    timed = runs[1:]
    result: dict = {k: statistics.median(r[k] for r in timed) for k in marks}
    result["launches"] = timed
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("first-read", "cli", "startup"))
    parser.add_argument("--data", required=True)
    parser.add_argument("--launches", type=int, default=3, help="startup: timed launches")
    args = parser.parse_args()
    if args.what == "first-read":
        result = first_read(args.data)
    elif args.what == "cli":
        result = cold_cli(args.data)
    else:
        result = startup(args.data, args.launches)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
