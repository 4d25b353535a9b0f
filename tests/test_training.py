"""Training runs (engine.model.training) on the tiny generated dataset, plus the real-data protocol."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import engine.model.training as training
from engine.model.book_protocol import retrain_and_test, run_book_protocol
from engine.model.config import ModelConfig
from engine.model.training import Trainer
from engine.model.training_records import BatchProgress, best_epoch, split_rows

# 80 training rows -> 3 batches, 40 validation rows -> 2 batches per epoch.
TINY = ModelConfig(num_words=100, batch_size=32, validation_size=40, epochs=2, learning_rate=0.01)
HISTORY_KEYS = {"loss", "accuracy", "val_loss", "val_accuracy", "seconds"}


@pytest.fixture
def every_batch(monkeypatch):
    """Report every batch (no throttling), so tests can count batches."""
    monkeypatch.setattr(training, "PROGRESS_INTERVAL_S", 0.0)


def test_two_epochs_history_best_epoch_and_callbacks(tiny_dataset):
    epochs, snapshots = [], []
    result = Trainer(
        tiny_dataset,
        TINY,
        on_epoch_end=epochs.append,
        on_weights=lambda e, w: snapshots.append((e, w)),
    ).train()
    assert result.status == "finished" and result.reason == ""
    assert set(result.history) == HISTORY_KEYS
    assert all(len(v) == 2 for v in result.history.values())
    assert result.best_epoch == int(np.argmin(result.history["val_loss"])) + 1
    assert [m["epoch"] for m in epochs] == [1, 2]
    assert set(epochs[0]) >= HISTORY_KEYS | {"epoch"}
    assert epochs[1]["loss"] < epochs[0]["loss"]
    assert all(m["seconds"] > 0 for m in epochs)
    assert [e for e, _ in snapshots] == [1, 2]
    assert all(w.dtype == np.float32 for w in snapshots[0][1])
    assert not np.array_equal(snapshots[0][1][0], snapshots[1][1][0])
    for final, last in zip(result.weights, snapshots[1][1]):
        np.testing.assert_array_equal(final, last)
    assert result.run_id is None and result.model_path is None and result.test is None
    assert {"prepare", "fit", "total"} <= set(result.timings)


def test_same_seed_same_run_other_seed_other_run(tiny_dataset):
    a = Trainer(tiny_dataset, TINY).train()
    b = Trainer(tiny_dataset, TINY).train()
    c = Trainer(tiny_dataset, TINY.replace(seed=7)).train()
    for key in ("loss", "val_loss", "accuracy"):
        np.testing.assert_allclose(a.history[key], b.history[key], rtol=1e-6)
    for wa, wb in zip(a.weights, b.weights):
        np.testing.assert_allclose(wa, wb, rtol=1e-5, atol=1e-7)
    assert not np.allclose(a.history["loss"], c.history["loss"])


def test_validation_is_a_seeded_shuffle_of_the_train_split(tiny_dataset):
    fit, val = split_rows(tiny_dataset, TINY)
    assert len(val) == 40 and len(fit) == 80
    assert not set(fit) & set(val)
    assert set(fit) | set(val) == set(tiny_dataset.indices("train"))
    # Both classes are held out even though the files are sorted negatives first.
    assert 10 < tiny_dataset.label[val].sum() < 30
    np.testing.assert_array_equal(val, split_rows(tiny_dataset, TINY)[1])
    assert not np.array_equal(val, split_rows(tiny_dataset, TINY.replace(seed=1))[1])


def test_cancel_mid_epoch_stops_within_one_batch(tiny_dataset, every_batch):
    cancel = threading.Event()
    seen: list[BatchProgress] = []

    def on_batch(progress):
        seen.append(progress)
        cancel.set()

    result = Trainer(tiny_dataset, TINY, cancel=cancel, on_batch=on_batch).train()
    assert result.status == "stopped"
    assert "stopped" in result.reason.lower()
    # Without cancelling the run would report 2 x (3 + 2) batches.
    assert [(p.epoch, p.batch, p.batches, p.phase) for p in seen] == [(1, 1, 3, "train")]
    assert result.history == {}
    assert result.weights is not None and all(np.isfinite(w).all() for w in result.weights)


def test_cancel_during_validation_skips_the_rest_of_it(tiny_dataset, every_batch):
    cancel = threading.Event()
    seen: list[BatchProgress] = []

    def on_batch(progress):
        seen.append(progress)
        if progress.phase == "validate":
            cancel.set()

    result = Trainer(tiny_dataset, TINY, cancel=cancel, on_batch=on_batch).train()
    assert result.status == "stopped"
    assert [p.phase for p in seen] == ["train", "train", "train", "validate"]
    assert seen[-1].batches == 2 and result.history == {}


def test_cancel_from_another_thread_keeps_completed_epochs(tiny_dataset):
    cancel = threading.Event()
    config = TINY.replace(epochs=50)
    done = threading.Event()

    def on_epoch_end(metrics):
        if metrics["epoch"] == 2:
            done.set()

    def canceller():
        done.wait(timeout=60)
        cancel.set()

    thread = threading.Thread(target=canceller)
    thread.start()
    result = Trainer(tiny_dataset, config, cancel=cancel, on_epoch_end=on_epoch_end).train()
    thread.join()
    assert result.status == "stopped"
    assert 2 <= len(result.history["loss"]) < 50


def test_progress_is_throttled_to_twenty_per_second(tiny_dataset):
    import time

    calls = []
    config = TINY.replace(batch_size=1, epochs=1, validation_size=40)
    start = time.monotonic()
    result = Trainer(tiny_dataset, config, on_batch=calls.append).train()
    elapsed = time.monotonic() - start
    assert result.status == "finished"
    assert 1 <= len(calls) <= 20 * elapsed + 1
    assert len(calls) < 120  # 80 train + 40 validation batches ran
    assert calls[0].batch == 1 and calls[0].batches == 80


def test_non_finite_loss_fails_and_saves_no_nan(tiny_dataset):
    from engine.runs.history import RunStore

    # Plain SGD with a huge step on a deep relu stack really blows up in the first epoch.
    config = TINY.replace(
        optimizer="sgd", learning_rate=10.0, hidden_units=[64, 64, 64], batch_size=8, epochs=5
    )
    store = RunStore()
    result = Trainer(tiny_dataset, config, store=store).train()
    assert result.status == "failed"
    assert "NaN or infinite" in result.reason
    assert result.model_path is None
    assert result.weights is None or all(np.isfinite(w).all() for w in result.weights)
    run = store.get_run(result.run_id)
    assert run["status"] == "failed" and not run["model_path"]
    for row in store.epochs(result.run_id):
        with np.load(row["weights_path"], allow_pickle=False) as data:
            assert all(np.isfinite(data[k]).all() for k in data.files)


def test_early_stopping_restores_the_best_epoch(tiny_dataset):
    # So high a learning rate that the validation loss soon stops improving.
    config = TINY.replace(epochs=60, early_stopping=2, learning_rate=0.5)
    snapshots = {}
    result = Trainer(tiny_dataset, config, on_weights=lambda e, w: snapshots.update({e: w})).train()
    ran = len(result.history["val_loss"])
    assert result.status == "finished" and ran < 60
    assert "early" in result.reason
    assert ran == result.best_epoch + 2
    for final, best in zip(result.weights, snapshots[result.best_epoch]):
        np.testing.assert_array_equal(final, best)


def test_store_records_epochs_weights_and_bundle(tiny_dataset):
    from engine.model.bundle import load_bundle
    from engine.runs.history import RunStore

    store = RunStore()
    snapshots = {}
    result = Trainer(
        tiny_dataset,
        TINY,
        store=store,
        name="tiny run",
        on_weights=lambda e, w: snapshots.update({e: w}),
    ).train()
    run = store.get_run(result.run_id)
    assert run["status"] == "finished" and run["name"] == "tiny run"
    assert run["best_epoch"] == result.best_epoch
    rows = store.epochs(result.run_id)
    assert [r["epoch"] for r in rows] == [1, 2]
    assert rows[1]["val_loss"] == pytest.approx(result.history["val_loss"][1])
    assert rows[0]["weights_path"].endswith("epochs/epoch_001.npz")
    with np.load(rows[0]["weights_path"], allow_pickle=False) as data:
        np.testing.assert_array_equal(data["arr_0"], snapshots[1][0])
    bundle = load_bundle(result.model_path)
    assert len(bundle.vocab) == 100 and bundle.vocab[0] == tiny_dataset.vocab[0]
    for saved, final in zip(bundle.weights, result.weights):
        np.testing.assert_array_equal(saved, final)


def test_retrain_and_test_uses_all_training_reviews(tiny_dataset, every_batch):
    seen = []
    result = retrain_and_test(
        tiny_dataset, TINY.replace(learning_rate=0.05), 3, on_batch=seen.append
    )
    assert result.status == "finished" and result.best_epoch is None
    assert set(result.history) == {"loss", "accuracy", "seconds"}
    assert {p.batches for p in seen} == {4}  # 120 reviews / 32
    assert result.test["count"] == 120 and result.test["accuracy"] > 0.8


def test_book_protocol_on_tiny_data(tiny_dataset):
    from engine.runs.history import RunStore

    store = RunStore()
    config = TINY.replace(epochs=6, learning_rate=0.02)
    result = run_book_protocol(tiny_dataset, config, store=store, name="book")
    assert result.status == "finished"
    assert len(result.history["val_loss"]) == 6
    assert result.best_epoch == best_epoch(result.history)
    assert len(result.retrain_history["loss"]) == result.best_epoch
    assert result.test["count"] == 120 and 0.0 <= result.test["accuracy"] <= 1.0
    final = store.get_run(result.retrain_run_id)
    assert final["status"] == "finished" and final["test"]["accuracy"] == result.test["accuracy"]
    assert str(result.model_path) == final["model_path"]


def test_invalid_config_raises_before_training(tiny_dataset):
    from engine.errors import ConfigError

    with pytest.raises(ConfigError):
        Trainer(tiny_dataset, TINY.replace(validation_size=500)).train()


@pytest.mark.real_data
def test_book_protocol_on_real_data(real_dataset):
    result = run_book_protocol(real_dataset, ModelConfig(epochs=2))
    assert result.status == "finished"
    assert result.test["count"] == 25_000
    assert result.test["accuracy"] >= 0.80


def test_a_refreshed_model_trains_exactly_like_a_new_one(tiny_dataset):
    """The book protocol's retraining reuses the traced model: weights and optimizer state
    must really start afresh (stale RMSprop accumulators would change every step)."""
    config = TINY.replace(epochs=3, learning_rate=0.02)
    used = Trainer(tiny_dataset, config)
    used.train()
    new = retrain_and_test(tiny_dataset, config, 2)
    reused = retrain_and_test(tiny_dataset, config, 2, reuse_model=used.model)
    np.testing.assert_allclose(reused.history["loss"], new.history["loss"], rtol=1e-5)
    for a, b in zip(reused.weights, new.weights):
        np.testing.assert_allclose(a, b, atol=1e-5)
