"""Scoring a trained model on dataset rows with numpy: loss, accuracy, confusion, ROC AUC.

The forward pass sums the first-layer kernel rows of each review's distinct words, which
is exactly ``multi_hot @ W1`` without building the multi-hot matrix; all 25,000 test
reviews take a fraction of a second and need no TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.model.batches import distinct_ids
from engine.model.config import ModelConfig

_ACTIVATIONS = {"relu": lambda x: np.maximum(x, 0.0), "tanh": np.tanh}


@dataclass
class Evaluation:
    """Metrics of a model on a set of rows (``confusion`` is ``[[tn, fp], [fn, tp]]``)."""

    loss: float
    accuracy: float
    precision: float
    recall: float
    confusion: np.ndarray
    roc_auc: float
    probabilities: np.ndarray = field(repr=False)
    rows: np.ndarray = field(repr=False)

    def to_dict(self) -> dict:
        """The scalar metrics plus the confusion matrix as nested lists (JSON-ready)."""
        return {
            "loss": self.loss,
            "accuracy": self.accuracy,
            "precision": self.precision,
            "recall": self.recall,
            "roc_auc": self.roc_auc,
            "confusion": self.confusion.astype(int).tolist(),
            "count": int(len(self.rows)),
        }


def logits(
    weights: list[np.ndarray],
    dataset,
    rows: np.ndarray,
    activation: str = "relu",
    block: int = 4096,
) -> np.ndarray:
    """The output unit's pre-sigmoid value for each of ``rows`` (float64)."""
    kernels, biases = weights[0::2], weights[1::2]
    act = _ACTIVATIONS[activation]
    out = np.empty(len(rows), dtype=np.float64)
    # Blocks bound the gathered kernel rows (block x ~150 words x units floats).
    for b0 in range(0, len(rows), block):
        part = rows[b0 : b0 + block]
        indptr, ids = distinct_ids(dataset, part, kernels[0].shape[0])
        first = np.zeros((len(part), kernels[0].shape[1]), dtype=np.float32)
        nonempty = np.flatnonzero(np.diff(indptr) > 0)
        if len(nonempty):
            # reduceat mishandles empty segments, so only non-empty reviews go through it.
            first[nonempty] = np.add.reduceat(kernels[0][ids], indptr[nonempty], axis=0)
        h = act(first + biases[0])
        for k, b in zip(kernels[1:-1], biases[1:-1]):
            h = act(h @ k + b)
        out[b0 : b0 + len(part)] = (h @ kernels[-1] + biases[-1])[:, 0]
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    # The tanh form never overflows for large |z|.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def loss_value(loss: str, labels: np.ndarray, z: np.ndarray) -> float:
    """The mean loss as Keras computes it for a sigmoid output.

    Keras computes binary cross-entropy from the logits behind the sigmoid
    (``sigmoid_cross_entropy_with_logits``), so this does too.
    """
    y = labels.astype(np.float64)
    if loss == "mse":
        return float(np.mean((sigmoid(z) - y) ** 2))
    return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve by the Mann-Whitney rank statistic (ties count half).

    NaN when only one class is present.
    """
    labels = np.asarray(labels).astype(bool)
    n_pos = int(labels.sum())
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    sorted_scores = np.asarray(scores)[order]
    ranks = np.empty(len(scores), dtype=np.float64)
    # Average ranks over runs of equal scores.
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    ends = np.r_[starts[1:], len(scores)]
    average = (starts + ends + 1) / 2.0
    ranks[order] = np.repeat(average, ends - starts)
    u = ranks[labels].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def metrics_from_probabilities(labels: np.ndarray, probabilities: np.ndarray) -> dict:
    """Accuracy, precision, recall and confusion at the 0.5 threshold, plus ROC AUC."""
    y = np.asarray(labels).astype(bool)
    predicted = np.asarray(probabilities) > 0.5  # Keras's binary_accuracy threshold
    tp = int(np.sum(predicted & y))
    tn = int(np.sum(~predicted & ~y))
    fp = int(np.sum(predicted & ~y))
    fn = int(np.sum(~predicted & y))
    return {
        "accuracy": (tp + tn) / len(y) if len(y) else float("nan"),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "confusion": np.array([[tn, fp], [fn, tp]], dtype=np.int64),
        "roc_auc": roc_auc(y, probabilities),
    }


def evaluate(weights_or_model, dataset, rows=None, config: ModelConfig | None = None) -> Evaluation:
    """Score a model on ``rows`` (default: the test split).

    Args:
        weights_or_model: ``[W1, b1, ...]`` or a Keras model (its weights are used).
        config: gives the activation and loss (default: the book's, relu and binary
            cross-entropy).
    """
    from engine.data.dataset import SPLITS

    config = config or ModelConfig()
    if hasattr(weights_or_model, "get_weights"):
        weights = [np.asarray(w, dtype=np.float32) for w in weights_or_model.get_weights()]
    else:
        weights = [np.asarray(w, dtype=np.float32) for w in weights_or_model]
    if rows is None:
        rows = np.flatnonzero(dataset.split == SPLITS["test"])
    rows = np.asarray(rows, dtype=np.int64)
    labels = dataset.label[rows]
    z = logits(weights, dataset, rows, config.activation)
    probabilities = sigmoid(z).astype(np.float32)
    m = metrics_from_probabilities(labels, probabilities)
    return Evaluation(
        loss=loss_value(config.loss, labels, z),
        accuracy=m["accuracy"],
        precision=m["precision"],
        recall=m["recall"],
        confusion=m["confusion"],
        roc_auc=m["roc_auc"],
        probabilities=probabilities,
        rows=rows,
    )


def evaluation_from_probabilities(
    dataset, rows: np.ndarray, probabilities: np.ndarray
) -> Evaluation:
    """An :class:`Evaluation` of already computed P(positive) for ``rows``.

    For a model known only through its predictions (the window's current model, possibly on
    another vocabulary). The loss is binary cross-entropy on the clipped probabilities, as
    Keras computes it from probabilities (within ~1e-4 of the from-logits value).
    """
    rows = np.asarray(rows, dtype=np.int64)
    labels = dataset.label[rows].astype(np.float64)
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-7, 1 - 1e-7)
    loss = float(-np.mean(labels * np.log(p) + (1 - labels) * np.log1p(-p)))
    m = metrics_from_probabilities(labels, p)
    return Evaluation(
        loss=loss,
        accuracy=m["accuracy"],
        precision=m["precision"],
        recall=m["recall"],
        confusion=m["confusion"],
        roc_auc=m["roc_auc"],
        probabilities=np.asarray(probabilities, dtype=np.float32),
        rows=rows,
    )
