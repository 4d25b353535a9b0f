"""The book's protocol on top of :class:`engine.model.training.Trainer`: train with
validation, take the epoch with the lowest validation loss, retrain a fresh model that
many epochs on all training reviews and evaluate it on the test split."""

from __future__ import annotations

import time
from typing import Any

from engine.data.dataset import Dataset
from engine.model.config import ModelConfig
from engine.model.training import Trainer
from engine.model.training_records import TrainResult


def retrain_and_test(
    dataset: Dataset, config: ModelConfig, epochs: int, **callbacks: Any
) -> TrainResult:
    """A fresh model trained ``epochs`` epochs on all training reviews, then scored on the test split."""
    final = config.replace(epochs=int(epochs), validation_size=0, early_stopping=0)
    callbacks.setdefault("phase", "retrain")
    return Trainer(dataset, final, evaluate_test=True, **callbacks).train()


def run_book_protocol(dataset: Dataset, config: ModelConfig, **callbacks: Any) -> TrainResult:
    """The chapter's recipe: train with validation, take the epoch with the lowest
    validation loss, retrain a fresh model that many epochs on all 25,000 training
    reviews and evaluate it on the 25,000 test reviews.

    The result carries the validation run's ``history``/``best_epoch``/``run_id`` and the
    final run's ``weights``, ``model_path``, ``test``, ``retrain_history`` and ``retrain_run_id``.
    """
    t0 = time.monotonic()
    if config.validation_size == 0:
        return retrain_and_test(dataset, config, config.epochs, **callbacks)
    trainer = Trainer(dataset, config, **callbacks)
    first = trainer.train()
    if first.status != "finished" or first.best_epoch is None:
        return first
    name = callbacks.get("name")
    if name:
        callbacks["name"] = f"{name} (retrained {first.best_epoch} epochs)"
    final = retrain_and_test(
        dataset, config, first.best_epoch, reuse_model=trainer.model, **callbacks
    )
    timings = {
        "validation_run": first.timings["total"],
        "retrain": final.timings.get("fit", 0.0),
        "test": final.timings.get("test", 0.0),
        "total": time.monotonic() - t0,
    }
    return TrainResult(
        first.run_id,
        final.status,
        final.reason,
        first.history,
        first.best_epoch,
        final.model_path,
        final.weights,
        final.test,
        timings,
        config,
        retrain_history=final.history,
        retrain_run_id=final.run_id,
    )
