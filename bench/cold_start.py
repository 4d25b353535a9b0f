"""The cold path, for the benchmark: the first read of the archive, and the cold CLI.

``first-read``: in this process, ``load_dataset`` of the archive without any cache
(stream the archive, tokenize 50,000 reviews, build the vocabulary); prints one JSON line.

``cli``: ``python main.py train --protocol book --json`` in a child process with a fresh,
empty ``IMDB_LAB_HOME`` (no processed cache, no runs), timed from start to exit, with the
child's peak RSS (``ru_maxrss`` from ``os.wait4``, which also covers its tokenizer worker);
prints one JSON line.

Usage:
    python bench/cold_start.py first-read --data ARCHIVE
    python bench/cold_start.py cli --data ARCHIVE
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("first-read", "cli"))
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    result = first_read(args.data) if args.what == "first-read" else cold_cli(args.data)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
