"""Training runs: :class:`Trainer` and the book's protocol (validate, pick the epoch, retrain, test).

A run is ``model.fit`` on :func:`engine.model.batches.tf_batches` feeds plus one Keras callback
that reports progress, checks for cancellation after every batch and records each epoch
(metrics, a float32 weights snapshot, the run history). Keras's own ``TerminateOnNaN`` and
``EarlyStopping`` do the stopping they are made for.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypedDict, cast

import numpy as np

from engine import paths
from engine.data.dataset import Dataset, build_dataset
from engine.data.own import dataset_info
from engine.errors import LabError
from engine.files import save_npz, write_error
from engine.model.batches import batch_count, tf_batches
from engine.model.bundle import save_bundle, save_run_header
from engine.model.config import ModelConfig
from engine.model.evaluation import evaluate
from engine.model.network import (
    build_model,
    get_weights,
    refresh,
    standard_model,
    weights_are_finite,
)
from engine.model.predictor import bundle_vocab

PROGRESS_INTERVAL_S = 0.05  # on_batch at most 20 times a second
Logs = Mapping[str, Any] | None  # what Keras passes its callbacks


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


class _Cancelled(Exception):
    """Raised inside ``fit`` to leave it at once (also mid-validation)."""


class _NonFinite(Exception):
    """The loss or the weights stopped being finite numbers."""


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
        """Write the epoch's weights (atomically) and commit it to the history."""
        path = self._run_dir() / "epochs" / f"epoch_{self._epoch:03d}.npz"
        kept = f"the run keeps its {self._epoch - 1} complete epochs"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_npz(path, weights)
        except OSError as exc:
            raise write_error(exc, f"the weights file of epoch {self._epoch}", kept) from None
        try:
            store.add_epoch(self._require_run_id(), metrics, path)
        except LabError as exc:
            path.unlink(missing_ok=True)  # an epoch the history does not know is not kept
            raise type(exc)(f"{str(exc).rstrip('.')}; {kept}.") from None

    # -- the run -------------------------------------------------------------------------

    def _require_run_id(self) -> int:
        if self.run_id is None:
            raise RuntimeError("the run has not been recorded in the history yet")
        return self.run_id

    def _run_dir(self) -> Path:
        run_id = self._require_run_id()
        run_dir = getattr(self.store, "run_dir", None)  # RunStore has one; a bare recorder not
        if run_dir is not None:
            return Path(run_dir(run_id))
        return paths.runs_dir() / str(run_id)

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
            if _is_distributed(strategy):
                # Keras cannot split tf.SparseTensor batches across replicas: dense rows
                # (the same multi-hot values) go to each device instead.
                train_feed = _dense_feed(train_feed)
                val_feed = _dense_feed(val_feed) if val_feed is not None else None
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
        metrics = {
            "status": status,
            "history": self.history,
            "best_epoch": best_epoch(self.history),
            "test": test,
            "dataset": dataset_info(self.dataset),
        }
        try:
            return save_bundle(
                self._run_dir() / "model",
                standard_model(model, self.config),  # plain Keras, no custom objects
                bundle_vocab(self.dataset.vocab, self.config.num_words),
                self.config,
                metrics,
                weights=weights,
            )
        except OSError as exc:
            epochs = len(self.history.get("loss", []))
            raise write_error(
                exc,
                f"the model of run {self.run_id}",
                f"the run keeps its {epochs} complete epochs",
            ) from None

    def _save_header(self) -> None:
        """Settings and vocabulary beside the epochs, so an interrupted run stays usable."""
        try:
            save_run_header(
                self._run_dir(),
                bundle_vocab(self.dataset.vocab, self.config.num_words),
                self.config,
            )
        except OSError as exc:
            raise write_error(exc, f"the settings of run {self.run_id}") from None


DISTRIBUTE = ("default", "mirrored")


def distribution_strategy(name: str = "default") -> Any:
    """The ``tf.distribute`` strategy to build and train under.

    ``"default"`` is whatever strategy is in scope (``tf.distribute.get_strategy()``: one
    device unless the caller entered another); ``"mirrored"`` is a
    ``MirroredStrategy`` over every local GPU (or the CPU when there is none), with the
    same result as one device up to floating-point summation order.
    """
    import tensorflow as tf

    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name != "default":
        raise ValueError(f"unknown distribution strategy {name!r}")
    return tf.distribute.get_strategy()


def _is_distributed(strategy: Any) -> bool:
    import tensorflow as tf

    return strategy is not tf.distribute.get_strategy() or tf.distribute.has_strategy()


def _dense_feed(feed: Any) -> Any:
    import tensorflow as tf

    return feed.map(lambda x, y: (tf.sparse.to_dense(x), y))


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


def warm_up() -> None:
    """Run one tiny training through the real pipeline (sparse feed, fit, validation).

    TensorFlow's first run in a process loads kernels and C extensions and optimizes
    graphs; the window's training process (:mod:`engine.service.jobs`) runs this before
    it reports ready, so the user's first run starts at once.
    """
    texts = ["good fun film", "bad dull film", "great acting", "awful plot"] * 4
    labels = [1, 0, 1, 0] * 4
    tiny = build_dataset(
        [0] * 12 + [1] * 4,
        labels,
        [8, 2, 9, 1] * 4,
        list(range(16)),
        texts,
        [""] * 16,
        num_words=100,
        source="warm-up",
    )
    config = ModelConfig(num_words=100, batch_size=4, epochs=1, validation_size=4)
    # One run is enough: a second one (a fresh model, traced again) made the window's
    # Train button wait about a second longer for no faster first run.
    result = Trainer(tiny, config, on_weights=lambda *_: None).train()
    if result.weights is not None:
        evaluate(result.weights, tiny, tiny.indices("test"), config)
