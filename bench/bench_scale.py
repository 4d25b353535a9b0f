"""Scale: read+tokenize time, seconds per epoch and peak memory at 100k, 300k and 1M reviews.

Generates synthetic labelled reviews as a TSV (id, text, label): a vocabulary of 400
words, 100 positive, 100 negative and 200 neutral; each review has 60 tokens, 52 neutral
and 8 sentiment words that lean to its label (70%). Each size runs in its own process
(``python bench/bench_scale.py --one N FILE``), so its peak RSS (VmHWM) is its own:
read and tokenize through :func:`engine.data.own.read_own` (no cache), drop the texts
as ``main.py train`` does, then train the book's network (16-16, batch 512,
10,000-word input, validation 10,000) for four epochs; the table gives the first epoch
(tracing included) and the median of the others.

    nice python bench/bench_scale.py                # 100000 300000 1000000
    nice python bench/bench_scale.py 100000 --epochs 2 --keep /tmp/scale
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKENS = 60
SENTIMENT = 8
LEAN = 0.7
CHUNK = 50_000


def vocabulary() -> tuple[list[str], list[str], list[str]]:
    positive = [f"good{i}" for i in range(100)]
    negative = [f"bad{i}" for i in range(100)]
    neutral = [f"word{i}" for i in range(200)]
    return positive, negative, neutral


def generate(path: Path, n: int, seed: int = 0) -> None:
    """Write ``n`` reviews to ``path`` (TSV with a header), in chunks."""
    positive, negative, neutral = (np.array(words) for words in vocabulary())
    rng = np.random.default_rng(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\ttext\tlabel\n")
        for start in range(0, n, CHUNK):
            m = min(CHUNK, n - start)
            labels = rng.integers(0, 2, m)
            words = neutral[rng.integers(0, len(neutral), (m, TOKENS))]
            leans = rng.random((m, SENTIMENT)) < LEAN
            wants_positive = leans == labels[:, None].astype(bool)
            picks = rng.integers(0, 100, (m, SENTIMENT))
            sentiment = np.where(wants_positive, positive[picks], negative[picks])
            slots = np.argsort(rng.random((m, TOKENS)), axis=1)[:, :SENTIMENT]
            np.put_along_axis(words, slots, sentiment, axis=1)
            f.writelines(
                f"{start + i}\t{' '.join(row)}\t{label}\n"
                for i, (row, label) in enumerate(zip(words.tolist(), labels.tolist()))
            )


def peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one(n: int, path: Path, epochs: int) -> dict:
    """Read, tokenize and train in this process; the measurements as a dict."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    from engine.data.own import read_own
    from engine.model.config import ModelConfig, default_validation_size
    from engine.model.training import Trainer
    from engine.service.process import training_copy

    t0 = time.perf_counter()
    ds = read_own(path, num_words=10_000)
    read_s = time.perf_counter() - t0
    rss_after_read = peak_rss_mb()
    train = len(ds.indices("train"))
    config = ModelConfig(epochs=epochs, validation_size=default_validation_size(train))
    text_mb = round(ds.text_blob.nbytes / 2**20)
    ds = training_copy(ds)  # as main.py train does: training reads only the tokens
    result = Trainer(ds, config).train()
    seconds = [round(s, 2) for s in result.history.get("seconds", [])]
    return {
        "reviews": n,
        "train": train,
        "read_tokenize_s": round(read_s, 1),
        "epoch_s": seconds,
        "val_accuracy": round(result.history["val_accuracy"][-1], 4),
        "tokens_mb": round(ds.tokens.nbytes / 2**20),
        "text_mb": text_mb,
        "peak_rss_after_read_mb": round(rss_after_read),
        "peak_rss_mb": round(peak_rss_mb()),
        "status": result.status,
    }


def later(row: dict) -> float:
    """Seconds per epoch after the first (which also traces the model): their median, as the
    shared machine's load makes single epochs noisy."""
    seconds = row["epoch_s"][1:] or row["epoch_s"]
    return float(np.median(seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    parser.add_argument("--one", nargs=2, metavar=("N", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(int(args.one[0]), Path(args.one[1]), args.epochs)), flush=True)
        return
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_scale_"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        path = folder / f"reviews_{n}.tsv"
        if not path.is_file():
            t0 = time.perf_counter()
            generate(path, n)
            print(f"generated {n:,} reviews in {time.perf_counter() - t0:.0f} s", flush=True)
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(n), str(path), "--epochs", str(args.epochs)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"size {n} failed")
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(json.dumps(row), flush=True)
        rows.append(row)
        if not args.keep:
            path.unlink()
    base = rows[0]
    print(
        "\n| reviews | read+tokenize | first epoch | later epochs (median) | peak RSS | val acc |\n"
        "|--:|--:|--:|--:|--:|--:|"
    )
    for row in rows:
        print(
            f"| {row['reviews']:,} | {row['read_tokenize_s']:.1f} s | {row['epoch_s'][0]:.1f} s | "
            f"{later(row):.2f} s | {row['peak_rss_mb'] / 1024:.2f} GB | {row['val_accuracy']:.3f} |"
        )
    if len(rows) > 1 and len(base["epoch_s"]) > 1:
        last = rows[-1]
        ratio = later(last) / later(base)
        print(
            f"\nepoch time {last['reviews']:,} / {base['reviews']:,}: {ratio:.1f}x "
            f"for {last['reviews'] / base['reviews']:.0f}x the reviews"
        )


if __name__ == "__main__":
    main()
