"""Experiments across runs: repeated seeds, per-epoch weights and label flips.

A single training run is one sample of a noisy process; repeating the same configuration
with a few seeds shows how much of a difference between two experiments is real. Every
run also keeps the weights of each epoch, so the app can go back in time and show which
validation reviews change their predicted label after the best epoch (overfitting,
review by review).
"""

from __future__ import annotations

import dataclasses
import re
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from engine import paths
from engine.callbacks import Progress
from engine.data.dataset import Dataset
from engine.errors import Cancelled, LabError, ModelFileError
from engine.model.config import ModelConfig
from engine.model.evaluation import evaluate
from engine.model.predictor import Predictor, bundle_vocab
from engine.model.training import Trainer
from engine.model.training_records import EpochMetrics, TrainResult, validation_rows
from engine.runs.history import RunStore

CURVE_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
DEFAULT_SEEDS = 3


@dataclass
class Band:
    """Mean and min-max envelope of one metric over several runs, epoch by epoch."""

    epochs: np.ndarray  # 1-based
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray


@dataclass
class RepeatResult:
    """What :func:`repeat_seeds` produced: one result per seed plus their spread."""

    group_id: int
    config: ModelConfig
    seeds: list[int]
    results: list[TrainResult] = field(default_factory=list)  # one per seed
    test_accuracies: list[float] = field(default_factory=list)
    status: str = "finished"  # "stopped" when cancelled part-way

    @property
    def run_ids(self) -> list[int | None]:
        return [r.run_id for r in self.results]

    def bands(self) -> dict[str, Band]:
        """Mean/min/max curves of every metric all runs recorded."""
        return curve_bands([r.history for r in self.results])

    def test_spread(self) -> dict[str, float] | None:
        return spread(self.test_accuracies)


def curve_bands(histories: list[dict[str, list[float]]]) -> dict[str, Band]:
    """Mean/min/max per epoch for each metric, over the epochs every history reached.

    Runs can stop at different epochs (early stopping, non-finite loss); the band only
    covers the epochs all of them have, so it never averages a different number of runs.
    """
    bands: dict[str, Band] = {}
    for key in CURVE_KEYS:
        series = [list(h.get(key) or []) for h in histories]
        if not series or any(not s for s in series):
            continue
        n = min(len(s) for s in series)
        values = np.array([s[:n] for s in series], dtype=np.float64)
        bands[key] = Band(
            np.arange(1, n + 1), values.mean(axis=0), values.min(axis=0), values.max(axis=0)
        )
    return bands


def spread(values: list[float]) -> dict[str, float] | None:
    """Mean, min, max, range and standard deviation of a few numbers (None if empty)."""
    if not values:
        return None
    a = np.asarray(values, dtype=np.float64)
    return {
        "mean": float(a.mean()),
        "min": float(a.min()),
        "max": float(a.max()),
        "range": float(a.max() - a.min()),
        "std": float(a.std(ddof=1)) if len(a) > 1 else 0.0,
        "n": int(len(a)),
    }


def seed_list(config: ModelConfig, count: int = DEFAULT_SEEDS) -> list[int]:
    """Consecutive seeds starting at the configuration's own, so a repeat includes it."""
    return [config.seed + i for i in range(count)]


def repeat_seeds(
    dataset: Dataset,
    config: ModelConfig,
    *,
    count: int = DEFAULT_SEEDS,
    store: RunStore | None = None,
    name: str | None = None,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    on_epoch_end: Callable[[EpochMetrics], None] | None = None,
    on_run_finished: Callable[[int, TrainResult], None] | None = None,
) -> RepeatResult:
    """Train ``config`` ``count`` times with different seeds and collect the spread.

    Each run goes through :class:`engine.model.training.Trainer` (so it lands in the history
    with its per-epoch weights and its test accuracy) and shares one ``group_id``.
    Cancelling stops the current run within a batch and skips the rest;
    the runs finished so far are kept in the result (status ``"stopped"``).

    Args:
        on_epoch_end: called with the epoch metrics plus ``seed_index`` and ``seed``.
        on_run_finished: called with (seed index, TrainResult) after each run.
    """
    # The history stores group ids as integers; 48 random bits never collide in practice.
    group_id = uuid.uuid4().int >> 80
    seeds = seed_list(config, count)
    out = RepeatResult(group_id=group_id, config=config, seeds=seeds)
    for i, seed in enumerate(seeds):
        if cancel is not None and cancel.is_set():
            out.status = "stopped"
            break
        run_config = config.replace(seed=seed)
        if progress:
            progress(i / count, f"Training seed {seed} ({i + 1} of {count})")

        def epoch_hook(
            metrics: EpochMetrics,
            _i: int = i,
            _seed: int = seed,
            run_config: ModelConfig = run_config,
        ) -> None:
            if progress:
                progress(
                    (_i + metrics["epoch"] / run_config.epochs) / count,
                    f"Seed {_seed}: epoch {metrics['epoch']} of {run_config.epochs}",
                )
            if on_epoch_end:
                on_epoch_end({**metrics, "seed_index": _i, "seed": _seed})

        result = Trainer(
            dataset,
            run_config,
            store=store,
            name=f"{name or 'Repeat'} (seed {seed})",
            cancel=cancel,
            on_epoch_end=epoch_hook,
            group_id=group_id,
            evaluate_test=True,
        ).train()
        if result.status != "finished":
            out.status = "stopped"
            break
        out.results.append(result)
        out.test_accuracies.append(_test_accuracy(result, dataset, run_config))
        if on_run_finished:
            on_run_finished(i, result)
    if progress:
        progress(1.0, "Repeat finished" if out.status == "finished" else "Repeat stopped")
    return out


def _test_accuracy(result: TrainResult, dataset: Dataset, config: ModelConfig) -> float:
    if result.test and "accuracy" in result.test:
        return float(result.test["accuracy"])
    return float(
        evaluate(result.weights, dataset, rows=dataset.indices("test"), config=config).accuracy
    )


def read_weights_file(path: str | Path) -> list[np.ndarray]:
    """Weights saved as an ``.npz`` snapshot, in layer order ([W1, b1, W2, b2, ...]).

    ``np.savez`` names arrays ``arr_0, arr_1, …`` (or any names with a trailing index);
    they are ordered by that number, since sorting the names as text puts ``arr_10``
    before ``arr_2``.
    """
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            names = list(data.files)
            arrays = {n: data[n] for n in names}
    except (OSError, ValueError, EOFError) as exc:
        raise ModelFileError(f"The weights file {path} is missing or damaged: {exc}.") from exc

    def order(name: str) -> tuple[int, int, str]:
        m = re.search(r"(\d+)$", name)
        return (0, int(m[1]), name) if m else (1, 0, name)

    return [arrays[n].astype(np.float32, copy=False) for n in sorted(names, key=order)]


def epoch_weights_path(run_id: int, epoch: int, store: RunStore | None = None) -> Path:
    """Where epoch ``epoch`` of run ``run_id`` keeps its weights.

    The path recorded in the history wins; the conventional location
    ``runs_dir()/<run_id>/epochs/epoch_NNN.npz`` is the fallback.
    """
    if store is not None:
        for row in store.epochs(run_id):
            if int(row["epoch"]) == int(epoch) and row.get("weights_path"):
                return Path(row["weights_path"])
    return paths.runs_dir() / str(run_id) / "epochs" / f"epoch_{int(epoch):03d}.npz"


def load_epoch_weights(run_id: int, epoch: int, store: RunStore | None = None) -> list[np.ndarray]:
    """The weights run ``run_id`` had at the end of epoch ``epoch`` (1-based)."""
    path = epoch_weights_path(run_id, epoch, store)
    if not path.exists():
        raise ModelFileError(f"Run {run_id} has no saved weights for epoch {epoch}.")
    return read_weights_file(path)


def model_vocab(vocab: list[str], weights: list[np.ndarray]) -> list[str]:
    """``vocab`` fitted to the weights' input width, as the Trainer saves it in bundles.

    A model is ``config.num_words`` wide even when the dataset has fewer distinct words.
    """
    return bundle_vocab(list(vocab), int(weights[0].shape[0]))


def epoch_predictor(
    run: Mapping[str, Any], epoch: int, vocab: list[str], store: RunStore | None = None
) -> Predictor:
    """A :class:`engine.model.predictor.Predictor` with the weights of one epoch of ``run``."""
    config = ModelConfig.from_run(run) or ModelConfig()
    weights = load_epoch_weights(run["id"], epoch, store)
    return Predictor(weights, model_vocab(vocab, weights), config.activation)


def run_predictor(
    store: RunStore | None,
    run: Mapping[str, Any],
    epoch: int | None = None,
    vocab: list[str] | None = None,
) -> Predictor:
    """The :class:`engine.model.predictor.Predictor` of ``run``: its saved model, or one epoch.

    Args:
        store: the run's :class:`engine.runs.history.RunStore` (where epoch weights are).
        run: a run dict from the store.
        epoch: None for the run's saved model (after training, maybe retrained; a run
            without a bundle: its folder's last complete epoch), else the 1-based epoch
            whose saved weights to use.
        vocab: the vocabulary an epoch's weights index (the bundle's, else the dataset's);
            needed only with ``epoch``.

    Raises:
        ModelFileError: the run has no saved model or no weights for that epoch.
    """
    if epoch is not None:
        if vocab is None:
            raise ModelFileError("Load the dataset first: this run has no saved vocabulary.")
        return epoch_predictor(run, epoch, vocab, store)
    path = run_model_folder(run, store)
    if path is None:
        raise ModelFileError(f"Run {run.get('id')} has no saved model.")
    return Predictor.from_bundle(path)


def run_model_folder(run: Mapping[str, Any], store: RunStore | None = None) -> Path | None:
    """The folder ``run``'s saved model opens from: its bundle, or for a run that ended
    without one its run folder (its last complete epoch); None when it has neither."""
    path = run.get("model_path")
    if not path and store is not None and run.get("id") is not None:
        path = store.run_dir(run["id"])
    return Path(path) if path else None


@dataclass
class LabelFlip:
    """A review whose predicted label differs between the best and the last epoch."""

    row: int
    label: int  # true label, 1 = positive
    p_best: float
    p_last: float

    @property
    def became_wrong(self) -> bool:
        """True when the best epoch was right and the last one is wrong (overfitting)."""
        return (self.p_best >= 0.5) == bool(self.label)

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "became_wrong": self.became_wrong}


def label_flips(
    dataset: Dataset,
    weights_best: list[np.ndarray],
    weights_last: list[np.ndarray],
    rows: ArrayLike,
    *,
    activation: str = "relu",
    cancel: threading.Event | None = None,
) -> list[LabelFlip]:
    """Reviews among ``rows`` whose predicted label changes from best to last weights.

    Sorted with reviews that became wrong first, then by how far the probability moved.
    """
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return []
    vocab = model_vocab(dataset.vocab, weights_best)
    p_best = Predictor(weights_best, vocab, activation).probabilities_for_dataset(dataset, rows)
    if cancel is not None and cancel.is_set():
        raise Cancelled("Finding label flips was cancelled.")
    p_last = Predictor(weights_last, vocab, activation).probabilities_for_dataset(dataset, rows)
    changed = np.flatnonzero((p_best >= 0.5) != (p_last >= 0.5))
    flips = [
        LabelFlip(int(rows[k]), int(dataset.label[rows[k]]), float(p_best[k]), float(p_last[k]))
        for k in changed
    ]
    flips.sort(key=lambda f: (not f.became_wrong, -abs(f.p_last - f.p_best)))
    return flips


def run_label_flips(
    run: Mapping[str, Any],
    dataset: Dataset,
    store: RunStore | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[LabelFlip]:
    """Label flips between the best and the last epoch of ``run`` on its validation rows.

    ``cancel`` stops it between the two epochs' scoring (:class:`Cancelled`); ``progress``
    is accepted for the engine's calling convention (background tasks pass both).
    """
    epochs = store.epochs(run["id"]) if store is not None else []
    last = max((int(e["epoch"]) for e in epochs), default=None)
    best = run.get("best_epoch")
    if not best or not last:
        raise LabError("This run has no best epoch to compare with (it had no validation).")
    config = ModelConfig.from_run(run) or ModelConfig()
    rows = validation_rows(dataset, config)
    if best == last:
        return []
    return label_flips(
        dataset,
        load_epoch_weights(run["id"], best, store),
        load_epoch_weights(run["id"], last, store),
        rows,
        activation=config.activation,
        cancel=cancel,
    )
