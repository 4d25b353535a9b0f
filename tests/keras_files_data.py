"""Small generated files in the layout of Keras's ``imdb.npz`` and ``imdb_word_index.json``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

WORDS = ["the", "film", "great", "awful", "plot", "acting", "boring", "loved", "rare", "odd"]
GOOD, BAD = {"great", "loved"}, {"awful", "boring"}


def make_keras_files(folder: Path, n_train: int = 40, n_test: int = 40, seed: int = 0) -> Path:
    """Write a labelled toy corpus as Keras stores it: ragged object arrays of word ranks.

    Positive reviews use "great"/"loved", negative ones "awful"/"boring", so a model can
    learn them. Returns the folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    word_index = {w: rank for rank, w in enumerate(WORDS, start=1)}
    neutral = [w for w in WORDS if w not in GOOD | BAD]

    def split(n):
        xs, ys = [], []
        for k in range(n):
            label = k % 2
            cue = sorted(GOOD if label else BAD)
            words = list(rng.choice(neutral, size=rng.integers(3, 9))) + list(
                rng.choice(cue, size=2)
            )
            rng.shuffle(words)
            xs.append([word_index[w] for w in words])  # plain lists, as in Keras's file
            ys.append(label)
        arr = np.empty(n, dtype=object)
        arr[:] = xs
        return arr, np.array(ys, dtype=np.int64)

    x_train, y_train = split(n_train)
    x_test, y_test = split(n_test)
    np.savez(folder / "imdb.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    (folder / "imdb_word_index.json").write_text(json.dumps(word_index), encoding="utf-8")
    return folder


def digests(folder: Path) -> tuple[str, str]:
    """(sha256 of imdb.npz, md5 of imdb_word_index.json): what a test accepts instead."""
    npz = hashlib.sha256((folder / "imdb.npz").read_bytes()).hexdigest()
    index = hashlib.md5((folder / "imdb_word_index.json").read_bytes()).hexdigest()
    return npz, index
