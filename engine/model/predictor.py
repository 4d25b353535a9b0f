"""Pure-numpy inference for the book's model: predict, explain, lexicon, dataset scoring.

The model's input is a multi-hot vector, so its first layer is just the sum of the rows of
``W1`` for the distinct known words. That makes a prediction a few microseconds of numpy
instead of a Keras call (50-100 ms), and makes occlusion exact and cheap: removing a word
from the review subtracts its row. Nothing here imports TensorFlow.

Thread safety: a :class:`Predictor` holds only read-only arrays and a read-only dict and
allocates its scratch per call; its one cache (the lexicons) is filled under a lock. So
one instance may be used from several threads at once.

This is the app's only forward pass: :mod:`engine.model.evaluation` scores dataset rows
through :meth:`Predictor.logits_for_dataset` too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from engine.data.dataset import Dataset, token_mapping
from engine.data.keras_copy import RESERVED, START
from engine.data.tokenizer import token_spans, tokenize
from engine.errors import ModelFileError, PredictionError
from engine.model.batches import dataset_multi_hot, gather_rows, multi_hot_ids
from engine.model.bundle import load_bundle


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


# Module-level functions, not lambdas: predictors travel between processes by pickle.
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "relu": _relu,
    "tanh": np.tanh,
}
EMPTY_TEXT = "Nothing to predict: the text is empty."
START_MARKER = RESERVED[START]  # the Keras source's slot 1, "<start>"
ROWS_PER_PASS = 4096  # dataset rows scored per pass by logits_for_dataset


@dataclass
class Prediction:
    """The model's verdict on one text."""

    probability: float  # P(positive)
    label: str  # "positive" or "negative"
    known_words: int  # tokens found in the vocabulary (every occurrence)
    unknown_words: int  # tokens outside it
    uninformative: bool  # no known word: the output is only the model's bias

    def to_dict(self) -> dict:
        return {
            "probability": self.probability,
            "label": self.label,
            "known_words": self.known_words,
            "unknown_words": self.unknown_words,
            "uninformative": self.uninformative,
        }


class Span(NamedTuple):
    """A token of the original text, for highlighting (``contribution`` None if unknown)."""

    start: int
    end: int
    word: str
    contribution: float | None


@dataclass
class Explanation(Prediction):
    """A prediction with the exact occlusion effect of every distinct known word."""

    contributions: dict[str, float] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**super().to_dict(), "contributions": dict(self.contributions)}


Lexicon = tuple[list[tuple[str, float]], list[tuple[str, float]]]


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function in its tanh form, which never overflows for large ``|z|``."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def bundle_vocab(vocab: Sequence[str], width: int) -> list[str]:
    """The vocabulary cut or padded to the model's input width (padding never occurs in text).

    A model is ``config.num_words`` wide even when the dataset has fewer distinct words.
    """
    return list(vocab[:width]) + [f"<unused {i}>" for i in range(len(vocab), width)]


def _label(p: float) -> str:
    return "positive" if p >= 0.5 else "negative"


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float32, copy=True)
    a.flags.writeable = False
    return a


class Predictor:
    """Scores texts with a trained model's weights and vocabulary."""

    def __init__(
        self, weights: Sequence[np.ndarray], vocab: Sequence[str], activation: str = "relu"
    ):
        if activation not in ACTIVATIONS:
            raise ModelFileError(f"The model uses an unsupported activation {activation!r}.")
        if len(weights) < 4 or len(weights) % 2:
            raise ModelFileError(
                "The model weights are incomplete: expected kernel/bias pairs "
                "for at least one hidden layer and the output layer."
            )
        self.kernels = [_readonly(w) for w in weights[0::2]]
        self.biases = [_readonly(b) for b in weights[1::2]]
        width = len(vocab)
        for i, (k, b) in enumerate(zip(self.kernels, self.biases)):
            if k.ndim != 2 or k.shape[0] != width or b.shape != (k.shape[1],):
                raise ModelFileError(
                    f"The model weights do not fit together at layer {i + 1} "
                    f"(kernel {k.shape}, bias {b.shape}, input width {width})."
                )
            width = k.shape[1]
        if width != 1:
            raise ModelFileError(f"The model's output layer has {width} units instead of 1.")
        # Contiguous columns of W1 for the batched path (see _first_layer).
        self._w1t = _readonly(np.ascontiguousarray(self.kernels[0].T))
        self.vocab = list(vocab)
        self.activation = activation
        self.word_index = {w: i for i, w in enumerate(self.vocab)}
        self._act = ACTIVATIONS[activation]
        self._lexicons: dict[int, Lexicon] = {}  # k -> lexicon; weights never change
        self._lexicon_lock = threading.Lock()
        # A model trained on the Keras source saw its start marker at the head of every
        # review, so every pasted text gets it too (it is not a word: no count, no share).
        self._marker = self.word_index.get(START_MARKER)

    def __getstate__(self) -> dict[str, Any]:
        # A lock cannot be pickled (predictors travel from the training process).
        state = self.__dict__.copy()
        del state["_lexicon_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lexicon_lock = threading.Lock()

    @classmethod
    def from_bundle(cls, path: str | Path) -> Predictor:
        """Load the numpy snapshot of a saved model (no TensorFlow needed)."""
        bundle = load_bundle(path, load_keras=False)
        return cls(bundle.weights, bundle.vocab, bundle.config.activation)

    @property
    def num_words(self) -> int:
        return len(self.vocab)

    # -- the network ---------------------------------------------------------------------

    def _logits(self, first: np.ndarray) -> np.ndarray:
        """Output pre-sigmoid values (float64) from first-layer sums without the bias.

        ``first`` has shape (n, units).
        """
        h = self._act(first + self.biases[0])
        for k, b in zip(self.kernels[1:-1], self.biases[1:-1]):
            h = self._act(h @ k + b)
        return (h @ self.kernels[-1] + self.biases[-1])[:, 0].astype(np.float64)

    def _head(self, first: np.ndarray) -> np.ndarray:
        """Probabilities (float64) from first-layer sums without the bias."""
        return sigmoid(self._logits(first))

    def _ids(self, text: str) -> tuple[list[str], list[int | None]]:
        if not isinstance(text, str) or not text.strip():
            raise PredictionError(EMPTY_TEXT)
        words = tokenize(text)
        get = self.word_index.get
        return words, [get(w) for w in words]

    def _predict_ids(self, ids: list[int | None]) -> tuple[Prediction, np.ndarray, np.ndarray]:
        known = np.fromiter((i for i in ids if i is not None), dtype=np.int64)
        unique = np.unique(known)
        rows = unique if self._marker is None else np.union1d(unique, [self._marker])
        first = self.kernels[0][rows].sum(axis=0, dtype=np.float32)[None, :]
        p = float(self._head(first)[0])
        pred = Prediction(
            p, _label(p), int(known.size), len(ids) - int(known.size), unique.size == 0
        )
        return pred, unique, first

    # -- public API ----------------------------------------------------------------------

    def predict(self, text: str) -> Prediction:
        """P(positive) for one review; raises :class:`PredictionError` for empty text."""
        return self._predict_ids(self._ids(text)[1])[0]

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Predictions for several texts, scored in one batch."""
        id_lists = [self._ids(t)[1] for t in texts]
        arrays = [
            np.fromiter((i for i in ids if i is not None), dtype=np.int32) for ids in id_lists
        ]
        marked = arrays if self._marker is None else [np.append(a, self._marker) for a in arrays]
        probs = self.probabilities(marked)
        out = []
        for ids, known, p in zip(id_lists, arrays, probs):
            p = float(p)
            out.append(
                Prediction(
                    p, _label(p), int(known.size), len(ids) - int(known.size), known.size == 0
                )
            )
        return out

    def explain(self, text: str) -> Explanation:
        """Prediction plus, per distinct known word, p(review) - p(review without it)."""
        words, ids = self._ids(text)
        pred, unique, first = self._predict_ids(ids)
        contributions: dict[str, float] = {}
        if unique.size:
            without = first - self.kernels[0][unique]  # one row per removed word
            deltas = pred.probability - self._head(without)
            contributions = {self.vocab[i]: float(d) for i, d in zip(unique, deltas)}
        spans = [Span(s, e, w, contributions.get(w)) for s, e, w in token_spans(text)]
        return Explanation(**vars(pred), contributions=contributions, spans=spans)

    def lexicon(self, k: int = 20) -> Lexicon:
        """The ``k`` words that are most positive and most negative as one-word reviews.

        Kept per ``k``: the training worker computes it once off the GUI thread, and the
        lexicon views then read it for free. The lock makes concurrent callers compute it
        once and all get the same lists.
        """
        with self._lexicon_lock:
            if k not in self._lexicons:
                self._lexicons[k] = self._compute_lexicon(k)
            return self._lexicons[k]

    def _compute_lexicon(self, k: int) -> Lexicon:
        rows = self.kernels[0]
        if self._marker is not None:  # a one-word review is the marker and the word
            rows = rows + rows[self._marker]
        probs = self._head(rows)
        # Reserved slots of the Keras source ("<pad>", "<unk>", ...) are not words.
        usable = np.array([not (w.startswith("<") and w.endswith(">")) for w in self.vocab])
        order = np.argsort(probs, kind="stable")
        order = order[usable[order]]
        positive = [(self.vocab[i], float(probs[i])) for i in order[::-1][:k]]
        negative = [(self.vocab[i], float(probs[i])) for i in order[:k]]
        return positive, negative

    def probabilities(self, token_id_lists: Sequence[np.ndarray]) -> np.ndarray:
        """P(positive) per token-id array (ids < 0 or out of range are unknown words)."""
        lengths = np.fromiter(
            (len(t) for t in token_id_lists), dtype=np.int64, count=len(token_id_lists)
        )
        flat = (
            np.concatenate([np.asarray(t, dtype=np.int32) for t in token_id_lists])
            if len(token_id_lists)
            else np.zeros(0, np.int32)
        )
        return self._flat_probabilities(flat, lengths)

    def probabilities_for_dataset(
        self, dataset: Dataset, rows: np.ndarray | None = None
    ) -> np.ndarray:
        """P(positive) (float32) for ``dataset`` rows (all by default), see :meth:`logits_for_dataset`."""
        return sigmoid(self.logits_for_dataset(dataset, rows)).astype(np.float32)

    def logits_for_dataset(self, dataset: Dataset, rows: np.ndarray | None = None) -> np.ndarray:
        """The output's pre-sigmoid value (float64) for ``dataset`` rows, from its token arrays.

        The distinct known words of every review are worked out once per dataset and
        vocabulary width and kept (engine.model.batches.dataset_multi_hot) for the next model:
        the review browser rescores all 50,000 reviews each time the model changes. A
        model with another vocabulary is matched word by word.
        """
        vocab = getattr(dataset, "vocab", None)  # None: token ids already the model's
        if vocab is None or (
            len(vocab) <= self.num_words and self.vocab[: len(vocab)] == list(vocab)
        ):
            ids, offsets = dataset_multi_hot(dataset, self.num_words)
        else:
            # A model trained on another vocabulary: map the dataset's ids to the model's.
            mapping = token_mapping(vocab, self.word_index)
            ids, offsets = multi_hot_ids(
                mapping[dataset.tokens], np.diff(dataset.token_offsets), self.num_words
            )
        if rows is None:
            rows = np.arange(len(offsets) - 1)
        out = np.empty(len(rows), dtype=np.float64)
        # A slice of rows at a time: gathering all 25,000 test reviews' ids at once put
        # about 70 MB of index arrays on the peak RSS of the CLI's protocol.
        for r0 in range(0, len(rows), ROWS_PER_PASS):
            part = gather_rows(ids, offsets, rows[r0 : r0 + ROWS_PER_PASS])
            out[r0 : r0 + ROWS_PER_PASS] = self._logits(self._first_layer(*part))
        return out

    def _flat_probabilities(self, flat: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        ids, offsets = multi_hot_ids(flat, lengths, self.num_words)
        return self._head(self._first_layer(ids, offsets)).astype(np.float32)

    def _first_layer(self, ids: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """Sum of the ``W1`` rows of each review's distinct ids (first layer, no bias)."""
        n = len(offsets) - 1
        out = np.zeros((n, self._w1t.shape[0]), dtype=np.float32)
        nonempty = offsets[1:] > offsets[:-1]
        if not nonempty.any():
            return out
        # Only non-empty reviews go to reduceat (it mishandles empty segments); the others
        # keep their zeros. One 1-D pass per unit is ~2x faster than reducing 2-D rows.
        starts = offsets[:-1][nonempty]
        for unit, column in enumerate(self._w1t):
            out[nonempty, unit] = np.add.reduceat(column[ids], starts)
        return out
