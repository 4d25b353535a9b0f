"""Training runs: :class:`Trainer`, one ``model.fit`` with progress, cancellation and records.

A run is ``model.fit`` on :func:`engine.model.batches.tf_batches` feeds plus one Keras callback
that reports progress, checks for cancellation after every batch and records each epoch
(metrics, a float32 weights snapshot, the run history). Keras's own ``TerminateOnNaN`` and
``EarlyStopping`` do the stopping they are made for.

What a run reports and returns is in :mod:`engine.model.training_records`, its files are
written by :mod:`engine.model.run_files`, several devices are handled by
:mod:`engine.model.distribute`, and the book's protocol (validate, pick the epoch,
retrain, test) is :mod:`engine.model.book_protocol`; :mod:`engine.model.warm_up` runs one
tiny training to load TensorFlow before the first real one.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

import numpy as np

from engine.data.dataset import Dataset
from engine.data.dataset_record import dataset_info
from engine.errors import LabError
from engine.model.batches import batch_count, tf_batches
from engine.model.config import ModelConfig
from engine.model.distribute import dense_feed, distribution_strategy, is_distributed
from engine.model.evaluation import evaluate
from engine.model.network import build_model, get_weights, refresh, weights_are_finite
from engine.model.run_files import save_epoch, save_header, save_run_model
from engine.model.training_records import (
    BatchProgress,
    EpochMetrics,
    RunRecorder,
    TrainResult,
    best_epoch,
    split_rows,
)

PROGRESS_INTERVAL_S = 0.05  # on_batch at most 20 times a second
Logs = Mapping[str, Any] | None  # what Keras passes its callbacks


class _Cancelled(Exception):
    """Raised inside ``fit`` to leave it at once (also mid-validation)."""


class _NonFinite(Exception):
    """The loss or the weights stopped being finite numbers."""


class Trainer:
    """One training run of ``config`` on ``dataset`` (see docs/DESIGN.md for the callbacks).

    Extra keyword arguments: ``group_id`` (history grouping), ``evaluate_test`` (score the
    final weights on the test split into ``result.test``), ``phase`` (copied into every
    epoch's metrics, ``"retrain"`` for the book protocol's final run), ``reuse_model`` (a
    trained model of the same architecture, given fresh weights and optimizer state
    instead of building a new one, see :func:`engine.model.network.refresh`).
    """

    def __init__(
        self,
        dataset: Dataset,
        config: ModelConfig,
        *,
        store: RunRecorder | None = None,
        name: str | None = None,
        cancel: threading.Event | None = None,
        on_epoch_end: Callable[[EpochMetrics], None] | None = None,
        on_batch: Callable[[BatchProgress], None] | None = None,
        on_weights: Callable[[int, list[np.ndarray]], None] | None = None,
        group_id: int | None = None,
        evaluate_test: bool = False,
        phase: str = "train",
        reuse_model: Any = None,
        distribute: str = "default",
    ) -> None:
        self.dataset = dataset
        self.distribute = distribute
        self.config = config
        self.store = store
        self.name = name
        self.cancel = cancel or threading.Event()
        self.on_epoch_end = on_epoch_end
        self.on_batch = on_batch
        self.on_weights = on_weights
        self.group_id = group_id
        self.evaluate_test = evaluate_test
        self.phase = phase
        self.reuse_model = reuse_model  # a model of the same config to refresh, not rebuild
        self.model: Any = None  # the Keras model, once built
        self.run_id: int | None = None
        self.history: dict[str, list[float]] = {}
        self._good_weights: list[np.ndarray] | None = None
        self._last_loss = 0.0
        self._last_report = -math.inf
        self._epoch = 0
        self._epoch_start = time.monotonic()
        self._batches = {"train": 0, "validate": 0}

    # -- called from the Keras callback ------------------------------------------------

    def _batch_done(self, phase: str, batch: int, logs: Mapping[str, Any] | None) -> None:
        values = {k: float(v) for k, v in (logs or {}).items()}
        if phase == "train":
            self._last_loss = values.get("loss", 0.0)
        if self.cancel.is_set():
            raise _Cancelled()
        now = time.monotonic()
        if self.on_batch is not None and now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self.on_batch(
                BatchProgress(
                    self._epoch,
                    batch + 1,
                    self._batches[phase],
                    phase,
                    now - self._epoch_start,
                    values,
                )
            )

    def _epoch_done(self, model: Any, logs: Mapping[str, Any] | None) -> None:
        ended_at = time.time()  # wall clock, comparable across processes
        logs = logs or {}
        values = {"loss": float(logs["loss"]), "accuracy": float(logs["accuracy"])}
        if "val_loss" in logs:
            values["val_loss"] = float(logs["val_loss"])
            values["val_accuracy"] = float(logs["val_accuracy"])
        values["seconds"] = time.monotonic() - self._epoch_start
        weights = get_weights(model)
        if not (np.isfinite(list(values.values())).all() and weights_are_finite(weights)):
            raise _NonFinite(
                f"Training failed in epoch {self._epoch}: the loss or the weights "
                "became NaN or infinite. Try a lower learning rate."
            )
        for key, value in values.items():
            self.history.setdefault(key, []).append(value)
        metrics = cast(EpochMetrics, {"epoch": self._epoch, **values})
        self._good_weights = weights
        if self.store is not None:
            self._save_epoch(self.store, metrics, weights)
        if self.on_weights is not None:
            self.on_weights(self._epoch, weights)
        if self.on_epoch_end is not None:
            self.on_epoch_end({**metrics, "phase": self.phase, "ended_at": ended_at})

    def _save_epoch(
        self, store: RunRecorder, metrics: EpochMetrics, weights: list[np.ndarray]
    ) -> None:
        save_epoch(store, self._require_run_id(), self._epoch, metrics, weights)

    # -- the run -------------------------------------------------------------------------

    def _require_run_id(self) -> int:
        if self.run_id is None:
            raise RuntimeError("the run has not been recorded in the history yet")
        return self.run_id

    def _callbacks(self, validating: bool) -> list[Any]:
        import keras

        trainer = self

        class Watch(keras.callbacks.Callback):
            def on_epoch_begin(self, epoch: int, logs: Logs = None) -> None:
                trainer._epoch = epoch + 1
                trainer._epoch_start = time.monotonic()

            def on_train_batch_end(self, batch: int, logs: Logs = None) -> None:
                trainer._batch_done("train", batch, logs)

            def on_test_batch_end(self, batch: int, logs: Logs = None) -> None:
                trainer._batch_done("validate", batch, logs)

            def on_epoch_end(self, epoch: int, logs: Logs = None) -> None:
                trainer._epoch_done(self.model, logs)

        # Watch runs first so it has recorded the batch's loss when TerminateOnNaN raises.
        callbacks = [Watch(), keras.callbacks.TerminateOnNaN(raise_error=True)]
        if self.config.early_stopping > 0:
            callbacks.append(
                keras.callbacks.EarlyStopping(
                    monitor="val_loss" if validating else "loss",
                    patience=self.config.early_stopping,
                    restore_best_weights=True,
                )
            )
        return callbacks

    def train(self) -> TrainResult:
        """Run the training; never raises for cancellation or a non-finite loss."""
        config, dataset = self.config, self.dataset
        t0 = time.monotonic()
        config.validate(train_size=len(dataset.indices("train")))
        fit_rows, val_rows = split_rows(dataset, config)
        self.history, self._good_weights = {}, None
        timings: dict[str, float] = {}
        if self.store is not None:
            kwargs = {"group_id": self.group_id} if self.group_id is not None else {}
            self.run_id = self.store.create_run(
                config, name=self.name, dataset=dataset_info(dataset), **kwargs
            )
        status, reason, model = "finished", "", None
        try:
            if self.store is not None:
                self._save_header()
            strategy = distribution_strategy(self.distribute)
            # Variables made in the strategy's scope are placed (and mirrored) by it; fit
            # then runs each batch on every replica. The default strategy is one device.
            with strategy.scope():
                model = build_model(config)
                if self.reuse_model is not None:
                    model = refresh(self.reuse_model, model)
            self.model = model
            width = config.num_words
            train_feed = tf_batches(
                dataset,
                fit_rows,
                config.batch_size,
                width=width,
                shuffle_seed=config.seed,
                repeat=True,
            )
            val_feed = (
                tf_batches(dataset, val_rows, config.batch_size, width=width, repeat=True)
                if len(val_rows)
                else None
            )
            if is_distributed(strategy):
                # Keras cannot split tf.SparseTensor batches across replicas: dense rows
                # (the same multi-hot values) go to each device instead.
                train_feed = dense_feed(train_feed)
                val_feed = dense_feed(val_feed) if val_feed is not None else None
            self._batches = {
                "train": batch_count(len(fit_rows), config.batch_size),
                "validate": batch_count(len(val_rows), config.batch_size),
            }
            callbacks = self._callbacks(val_feed is not None)
            timings["prepare"] = time.monotonic() - t0
            t1 = time.monotonic()
            try:
                model.fit(
                    train_feed,
                    validation_data=val_feed,
                    epochs=config.epochs,
                    steps_per_epoch=self._batches["train"],
                    validation_steps=self._batches["validate"] or None,
                    callbacks=callbacks,
                    verbose=0,
                    shuffle=False,
                )
            except _Cancelled:
                status = "stopped"
                reason = f"Stopped by the user after {len(self.history.get('loss', []))} complete epochs."
            except _NonFinite as exc:
                status, reason = "failed", str(exc)
            except RuntimeError:
                if math.isfinite(self._last_loss):
                    raise
                status = "failed"
                reason = (
                    f"Training failed in epoch {self._epoch}: the loss became NaN or "
                    "infinite. Try a lower learning rate."
                )
            timings["fit"] = time.monotonic() - t1
            stopper = callbacks[-1] if config.early_stopping > 0 else None
            if status == "finished" and stopper is not None and stopper.stopped_epoch > 0:
                reason = (
                    f"Stopped early after epoch {stopper.stopped_epoch + 1}: no improvement "
                    f"for {config.early_stopping} epochs; the best epoch's weights were kept."
                )
            weights = self._final_weights(model, status)
            test = None
            if self.evaluate_test and status == "finished" and weights is not None:
                t2 = time.monotonic()
                test = evaluate(weights, dataset, dataset.indices("test"), config).to_dict()
                timings["test"] = time.monotonic() - t2
            model_path = None
            if self.store is not None and weights is not None and status != "failed":
                model.set_weights(weights)
                model_path = self._save_bundle(model, weights, status, test)
        except BaseException as exc:
            if self.store is not None:
                try:
                    self.store.finish_run(
                        self._require_run_id(), "failed", reason=f"Training failed: {exc}"
                    )
                except LabError:
                    pass  # e.g. the disk is still full: the run is shown as interrupted later
            raise
        best = best_epoch(self.history)
        if self.store is not None:
            self.store.finish_run(
                self._require_run_id(),
                status,
                best_epoch=best,
                test=test,
                model_path=model_path,
                reason=reason,
            )
        timings["total"] = time.monotonic() - t0
        return TrainResult(
            self.run_id,
            status,
            reason,
            self.history,
            best,
            model_path,
            weights,
            test,
            timings,
            config,
        )

    def _final_weights(self, model: Any, status: str) -> list[np.ndarray] | None:
        """Current weights unless not finite; then those of the last good epoch (or None)."""
        if status != "failed":
            weights = get_weights(model)
            if weights_are_finite(weights):
                return weights
        return self._good_weights

    def _save_bundle(
        self, model: Any, weights: list[np.ndarray], status: str, test: dict[str, Any] | None
    ) -> Path:
        return save_run_model(
            self.store,
            self._require_run_id(),
            model,
            weights,
            dataset=self.dataset,
            config=self.config,
            history=self.history,
            status=status,
            test=test,
        )

    def _save_header(self) -> None:
        save_header(self.store, self._require_run_id(), self.dataset, self.config)
