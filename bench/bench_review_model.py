"""Time the review browser's filtering, sorting and text search on 50,000 generated reviews.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_review_model.py [--words 230]``.
The reviews are generated (random words, real-sized: ~230 words each by default), never
copied from the dataset. Budget from the issue: every filter/sort <= 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BUDGET_MS = 50.0


def synthetic_dataset(n: int = 50_000, mean_words: int = 230, seed: int = 0):
    """A :class:`engine.data.dataset.Dataset` of ``n`` random reviews built straight from arrays."""
    from engine.data.dataset import Dataset, pack_strings

    rng = np.random.default_rng(seed)
    syllables = np.array(["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "en", "ar"])
    vocab = sorted({"".join(rng.choice(syllables, rng.integers(1, 4))) for _ in range(3000)})
    vocab = ["great", "awful", "film", "the"] + [w for w in vocab if w not in ("the",)]
    weights = 1.0 / np.arange(1, len(vocab) + 1)  # Zipf-like, as in real text
    weights /= weights.sum()
    n_words = np.clip(rng.normal(mean_words, mean_words / 2, n), 5, None).astype(np.int32)
    flat = rng.choice(len(vocab), size=int(n_words.sum()), p=weights).astype(np.int32)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_words, out=offsets[1:])
    words = np.array(vocab, dtype=object)[flat]
    texts = [" ".join(words[offsets[i] : offsets[i + 1]]) + "." for i in range(n)]
    text_blob, text_offsets = pack_strings(texts)
    url_blob, url_offsets = pack_strings([""] * n)
    flat[flat > 2000] = -1  # pretend the vocabulary stops at 2,000 words
    label = (np.arange(n) // (n // 4)) % 2
    return Dataset(
        split=(np.arange(n) >= n // 2).astype(np.uint8),
        label=label.astype(np.uint8),
        rating=np.where(label == 1, rng.integers(7, 11, n), rng.integers(1, 5, n)).astype(np.uint8),
        review_id=np.arange(n, dtype=np.int32),
        n_words=n_words,
        tokens=flat,
        token_offsets=offsets,
        text_blob=text_blob,
        text_offsets=text_offsets,
        url_blob=url_blob,
        url_offsets=url_offsets,
        vocab=vocab[:2001],
        source="synthetic",
        num_words=2001,
    )


def timed_ms(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def run(mean_words: int) -> dict[str, float]:
    from gui.reviews.table_model import ReviewFilter, ReviewTableModel

    ds = synthetic_dataset(mean_words=mean_words)
    model = ReviewTableModel()
    start = time.perf_counter()
    model.set_dataset(ds)
    results = {"set_dataset (incl. lower-cased text copy)": (time.perf_counter() - start) * 1000}
    probs = np.random.default_rng(1).random(len(ds)).astype(np.float32)
    results["set_probabilities"] = timed_ms(lambda: model.set_probabilities(probs))
    cases = {
        "filter split=test": ReviewFilter(split="test"),
        "filter wrong + label": ReviewFilter(label=1, correct=False),
        "filter probability 0.4-0.6": ReviewFilter(prob_min=0.4, prob_max=0.6),
        "search common word 'the'": ReviewFilter(text="the"),
        "search rare phrase 'great awful'": ReviewFilter(text="great awful"),
        "search absent 'zzzz'": ReviewFilter(text="zzzz"),
    }
    for name, flt in cases.items():
        # Fresh searcher each repeat so the query cache doesn't flatter text search.
        def once(flt=flt):
            model._search._cache.clear()
            model.set_filter(flt)

        results[name] = timed_ms(once)
    model.set_filter(ReviewFilter())
    for key in ("probability", "words", "error", "uncertainty", "result"):
        results[f"sort all by {key}"] = timed_ms(lambda key=key: model.sort_by(key, True))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=230, help="mean words per review")
    args = parser.parse_args()
    results = run(args.words)
    worst = 0.0
    for name, ms in results.items():
        flag = "" if name.startswith("set_dataset") or ms <= BUDGET_MS else "  OVER BUDGET"
        if not name.startswith("set_dataset"):
            worst = max(worst, ms)
        print(f"{name:45s} {ms:8.1f} ms{flag}")
    print(f"worst filter/sort: {worst:.1f} ms (budget {BUDGET_MS:.0f} ms)")
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
