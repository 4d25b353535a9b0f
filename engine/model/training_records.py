"""What a training run reports and returns, and the rules read from it.

:class:`EpochMetrics`, :class:`BatchProgress`, :class:`TrainResult`; :class:`RunRecorder`
(what a run needs of the history); which rows validate (:func:`split_rows`,
:func:`validation_rows`) and which epoch is best (:func:`best_epoch`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypedDict

import numpy as np

from engine.data.dataset import Dataset
from engine.model.config import ModelConfig


class _EpochMetricsRequired(TypedDict):
    epoch: int  # 1-based
    loss: float
    accuracy: float
    seconds: float  # wall time of the epoch, validation included


class EpochMetrics(_EpochMetricsRequired, total=False):
    """One completed epoch, as ``on_epoch_end`` receives it and the run history stores it.

    ``val_loss``/``val_accuracy`` exist when the run validates. ``phase`` (``"train"``, or
    ``"retrain"`` for the book protocol's final run) and ``ended_at`` (``time.time()``)
    are added for ``on_epoch_end``; repeated seeds add ``seed_index`` and ``seed``.
    """

    val_loss: float
    val_accuracy: float
    phase: str
    ended_at: float
    seed_index: int
    seed: int


class RunRecorder(Protocol):
    """What a :class:`Trainer` needs of the run history (:class:`engine.runs.history.RunStore`).

    A protocol, so the model layer does not import the runs layer above it.
    """

    def create_run(
        self,
        config: ModelConfig,
        name: str | None = None,
        group_id: int | None = None,
        dataset: Mapping[str, Any] | None = None,
    ) -> int: ...

    def add_epoch(
        self, run_id: int, metrics: EpochMetrics, weights_path: str | Path | None = None
    ) -> None: ...

    def finish_run(
        self,
        run_id: int,
        status: str,
        best_epoch: int | None = None,
        test: dict[str, Any] | None = None,
        model_path: str | Path | None = None,
        reason: str = "",
    ) -> None: ...


@dataclass
class BatchProgress:
    """Where a running epoch is; ``batch`` counts completed batches of ``phase`` (1-based)."""

    epoch: int
    batch: int
    batches: int
    phase: str  # "train" | "validate"
    elapsed: float  # seconds since the epoch began
    logs: dict


@dataclass
class TrainResult:
    """Outcome of a run; ``weights`` are the final float32 weights (never non-finite)."""

    run_id: int | None
    status: str  # "finished" | "stopped" | "failed"
    reason: str
    history: dict[str, list[float]]
    best_epoch: int | None
    model_path: Path | None
    weights: list[np.ndarray] | None
    test: dict | None
    timings: dict[str, float]
    config: ModelConfig
    retrain_history: dict[str, list[float]] | None = None  # book protocol: the final run
    retrain_run_id: int | None = None


def split_rows(dataset: Dataset, config: ModelConfig) -> tuple[np.ndarray, np.ndarray]:
    """(training rows, validation rows): the first ``validation_size`` of the shuffled train split.

    The archive lists negatives before positives, so the rows are shuffled with the run's
    seed first (the book's data came pre-shuffled).
    """
    order = np.random.default_rng(config.seed).permutation(dataset.indices("train"))
    return order[config.validation_size :], order[: config.validation_size]


def validation_rows(dataset: Dataset, config: ModelConfig) -> np.ndarray:
    """The rows a run with ``config`` held out for validation."""
    return split_rows(dataset, config)[1]


def best_epoch(history: Mapping[str, Sequence[float]]) -> int | None:
    """The 1-based epoch with the lowest finite validation loss (None without validation).

    The one rule for "best epoch": the book protocol retrains for it, the history stores
    it and the Train tab marks it.
    """
    losses = np.asarray(history.get("val_loss") or [], dtype=np.float64)
    finite = np.isfinite(losses)
    if not finite.any():
        return None
    return int(np.argmin(np.where(finite, losses, np.inf))) + 1
