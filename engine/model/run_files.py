"""A training run's files: its header, every epoch's weights and the final model bundle.

Each write is atomic (through :mod:`engine.files` or :func:`engine.model.bundle.save_bundle`);
a failed write raises a one-sentence error that says what the run keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from engine import paths
from engine.data.dataset import Dataset
from engine.data.dataset_record import dataset_info
from engine.errors import LabError
from engine.files import save_npz, write_error
from engine.model.bundle import save_bundle, save_run_header
from engine.model.config import ModelConfig
from engine.model.network import standard_model
from engine.model.predictor import bundle_vocab
from engine.model.training_records import EpochMetrics, RunRecorder, best_epoch


def run_folder(store: RunRecorder | None, run_id: int) -> Path:
    """The folder of run ``run_id``: the store's own when it has one, else under ``runs_dir()``."""
    run_dir = getattr(store, "run_dir", None)  # RunStore has one; a bare recorder not
    if run_dir is not None:
        return Path(run_dir(run_id))
    return paths.runs_dir() / str(run_id)


def save_epoch(
    store: RunRecorder, run_id: int, epoch: int, metrics: EpochMetrics, weights: list[np.ndarray]
) -> None:
    """Write the epoch's weights (atomically) and commit it to the history."""
    path = run_folder(store, run_id) / "epochs" / f"epoch_{epoch:03d}.npz"
    kept = f"the run keeps its {epoch - 1} complete epochs"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_npz(path, weights)
    except OSError as exc:
        raise write_error(exc, f"the weights file of epoch {epoch}", kept) from None
    try:
        store.add_epoch(run_id, metrics, path)
    except LabError as exc:
        path.unlink(missing_ok=True)  # an epoch the history does not know is not kept
        raise type(exc)(f"{str(exc).rstrip('.')}; {kept}.") from None


def save_run_model(
    store: RunRecorder | None,
    run_id: int,
    model: Any,
    weights: list[np.ndarray],
    *,
    dataset: Dataset,
    config: ModelConfig,
    history: dict[str, list[float]],
    status: str,
    test: dict[str, Any] | None,
) -> Path:
    """Save the run's final model as a bundle in its folder; returns the bundle's path."""
    metrics = {
        "status": status,
        "history": history,
        "best_epoch": best_epoch(history),
        "test": test,
        "dataset": dataset_info(dataset),
    }
    try:
        return save_bundle(
            run_folder(store, run_id) / "model",
            standard_model(model, config),  # plain Keras, no custom objects
            bundle_vocab(dataset.vocab, config.num_words),
            config,
            metrics,
            weights=weights,
        )
    except OSError as exc:
        epochs = len(history.get("loss", []))
        raise write_error(
            exc,
            f"the model of run {run_id}",
            f"the run keeps its {epochs} complete epochs",
        ) from None


def save_header(
    store: RunRecorder | None, run_id: int, dataset: Dataset, config: ModelConfig
) -> None:
    """Settings and vocabulary beside the epochs, so an interrupted run stays usable."""
    try:
        save_run_header(
            run_folder(store, run_id),
            bundle_vocab(dataset.vocab, config.num_words),
            config,
        )
    except OSError as exc:
        raise write_error(exc, f"the settings of run {run_id}") from None
