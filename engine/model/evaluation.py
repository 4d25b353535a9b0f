"""Scoring a trained model on dataset rows with numpy: loss, accuracy, confusion, ROC AUC.

The forward pass is :class:`engine.model.predictor.Predictor`'s (the app has only one):
it sums the first-layer kernel rows of each review's distinct words, which is exactly
``multi_hot @ W1`` without building the multi-hot matrix; all 25,000 test reviews take a
fraction of a second and need no TensorFlow. The loss is computed from the logits, as
Keras does, whether the weights come from training or from the window's current model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.data.dataset import SPLITS, Dataset
from engine.model.config import ModelConfig
from engine.model.predictor import Predictor, bundle_vocab, sigmoid


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

    def to_dict(self) -> dict[str, Any]:
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
    weights: Sequence[np.ndarray], dataset: Dataset, rows: np.ndarray, activation: str = "relu"
) -> np.ndarray:
    """The output unit's pre-sigmoid value for each of ``rows`` (float64).

    The dataset's token ids are the model's inputs; ids at or above the model's width are
    left out, like words outside ``num_words`` in the book.
    """
    width = int(weights[0].shape[0])
    predictor = Predictor(weights, bundle_vocab(dataset.vocab, width), activation)
    return predictor.logits_for_dataset(dataset, np.asarray(rows, dtype=np.int64))


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


def roc_curve(labels: np.ndarray, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """False- and true-positive rates over all thresholds (ties handled as one step).

    Both start at 0 and end at 1; the area under them is :func:`roc_auc`.
    """
    probabilities = np.asarray(probabilities)
    order = np.argsort(-probabilities, kind="stable")
    p, y = probabilities[order], np.asarray(labels)[order].astype(np.float64)
    last_of_tie = np.r_[np.flatnonzero(np.diff(p)), len(p) - 1]
    tp = np.cumsum(y)[last_of_tie]
    fp = np.cumsum(1 - y)[last_of_tie]
    tpr = np.r_[0.0, tp / max(y.sum(), 1)]
    fpr = np.r_[0.0, fp / max((1 - y).sum(), 1)]
    return fpr, tpr


def metrics_from_probabilities(labels: np.ndarray, probabilities: np.ndarray) -> dict[str, Any]:
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


def evaluate(
    weights_or_model: Any,
    dataset: Dataset,
    rows: np.ndarray | None = None,
    config: ModelConfig | None = None,
) -> Evaluation:
    """Score a model on ``rows`` (default: the test split).

    Args:
        weights_or_model: ``[W1, b1, ...]`` or a Keras model (its weights are used).
        config: gives the activation and loss (default: the book's, relu and binary
            cross-entropy).
    """
    config = config or ModelConfig()
    if hasattr(weights_or_model, "get_weights"):
        weights_or_model = weights_or_model.get_weights()
    weights = [np.asarray(w, dtype=np.float32) for w in weights_or_model]
    width = int(weights[0].shape[0])
    predictor = Predictor(weights, bundle_vocab(dataset.vocab, width), config.activation)
    return evaluate_predictor(predictor, dataset, rows, loss=config.loss)


def evaluate_predictor(
    predictor: Predictor,
    dataset: Dataset,
    rows: np.ndarray | None = None,
    loss: str = "binary_crossentropy",
) -> Evaluation:
    """Score ``predictor`` on ``rows`` of ``dataset`` (default: the test split).

    A model on another vocabulary than the dataset's is matched word by word (see
    :meth:`Predictor.logits_for_dataset`). ``loss`` names the loss to report (the
    predictor does not know the one it was trained with).
    """
    if rows is None:
        rows = np.flatnonzero(dataset.split == SPLITS["test"])
    rows = np.asarray(rows, dtype=np.int64)
    labels = dataset.label[rows]
    z = predictor.logits_for_dataset(dataset, rows)
    probabilities = sigmoid(z).astype(np.float32)
    m = metrics_from_probabilities(labels, probabilities)
    return Evaluation(
        loss=loss_value(loss, labels, z),
        accuracy=m["accuracy"],
        precision=m["precision"],
        recall=m["recall"],
        confusion=m["confusion"],
        roc_auc=m["roc_auc"],
        probabilities=probabilities,
        rows=rows,
    )
