"""One epoch of a run as a model folder of its own, for exporting a scrubbed epoch.

The scrubber makes an earlier epoch the current model; "Export model" must then export
that epoch, not the run's final weights. The run keeps only the epoch's weights, so the
folder is written from them with the run's vocabulary and settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.errors import ModelFileError
from engine.model.bundle import load_bundle, save_bundle
from engine.runs.experiments import load_epoch_weights, model_vocab, run_model_folder
from engine.runs.history import RunStore


def save_epoch_bundle(
    run: Mapping[str, Any], epoch: int, dest: str | Path, store: RunStore | None = None
) -> Path:
    """Write epoch ``epoch`` (1-based) of ``run`` as a model folder at ``dest``.

    Raises:
        ModelFileError: the run has no saved vocabulary or no weights for that epoch.
    """
    source = run_model_folder(run, store)
    if source is None:
        raise ModelFileError(f"Run {run.get('id')} has no saved model to take the vocabulary from.")
    bundle = load_bundle(source)
    weights = load_epoch_weights(int(run["id"]), int(epoch), store)
    metrics: dict[str, Any] = {"run": run.get("id"), "epoch": int(epoch)}
    if store is not None:
        for row in store.epochs(int(run["id"])):
            if int(row["epoch"]) == int(epoch):
                metrics["history"] = {
                    key: row[key]
                    for key in ("loss", "accuracy", "val_loss", "val_accuracy")
                    if row.get(key) is not None
                }
    vocab = model_vocab(bundle.vocab, weights)
    return save_bundle(dest, None, vocab, bundle.config, metrics, weights=weights)
