"""engine.runs.experiments: bands and spread over seeds, per-epoch weights, label flips, repeat x3."""

from __future__ import annotations

import numpy as np
import pytest

from engine.errors import ModelFileError
from engine.model.config import ModelConfig
from engine.runs.experiments import (
    curve_bands,
    label_flips,
    load_epoch_weights,
    read_weights_file,
    repeat_seeds,
    seed_list,
    spread,
)


def test_curve_bands_mean_min_max_over_common_epochs():
    histories = [
        {"val_loss": [0.5, 0.4, 0.35], "loss": [0.6, 0.5, 0.4]},
        {"val_loss": [0.7, 0.2], "loss": [0.8, 0.3]},
        {"val_loss": [0.6, 0.3, 0.1], "loss": [0.7, 0.4, 0.3]},
    ]
    bands = curve_bands(histories)
    band = bands["val_loss"]
    # The second run stopped after 2 epochs: the band covers only epochs all runs have.
    assert list(band.epochs) == [1, 2]
    np.testing.assert_allclose(band.mean, [0.6, 0.3])
    np.testing.assert_allclose(band.low, [0.5, 0.2])
    np.testing.assert_allclose(band.high, [0.7, 0.4])
    assert "val_accuracy" not in bands


def test_spread_of_test_accuracy():
    s = spread([0.87, 0.88, 0.89])
    assert s["mean"] == pytest.approx(0.88)
    assert s["range"] == pytest.approx(0.02)
    assert s["std"] == pytest.approx(0.01)
    assert s["n"] == 3
    assert spread([]) is None


def test_seed_list_starts_at_the_configs_seed():
    assert seed_list(ModelConfig(seed=7), 3) == [7, 8, 9]


def test_weights_file_order_is_numeric_not_text(tmp_path):
    arrays = [np.full((2, 2), i, np.float32) for i in range(12)]
    np.savez(tmp_path / "w.npz", *arrays)  # arr_0 .. arr_11
    loaded = read_weights_file(tmp_path / "w.npz")
    assert [int(a[0, 0]) for a in loaded] == list(range(12))


def test_load_epoch_weights_from_conventional_path_and_missing_epoch():
    from engine.paths import runs_dir

    folder = runs_dir() / "5" / "epochs"
    folder.mkdir(parents=True)
    weights = [
        np.ones((3, 2), np.float32),
        np.zeros(2, np.float32),
        np.ones((2, 1), np.float32),
        np.zeros(1, np.float32),
    ]
    np.savez(folder / "epoch_002.npz", **{f"w{i}": w for i, w in enumerate(weights)})
    loaded = load_epoch_weights(5, 2)
    assert [w.shape for w in loaded] == [(3, 2), (2,), (2, 1), (1,)]
    with pytest.raises(ModelFileError, match="epoch 3"):
        load_epoch_weights(5, 3)


def _sentiment_weights(vocab, scale=1.0, overrides=None):
    """One tanh unit scoring +1 per positive word and -1 per negative word."""
    from tests.tiny_data import NEGATIVE, POSITIVE

    w1 = np.zeros((len(vocab), 1), np.float32)
    for i, word in enumerate(vocab):
        w1[i, 0] = 1.0 if word in POSITIVE else -1.0 if word in NEGATIVE else 0.0
    for word, value in (overrides or {}).items():
        w1[vocab.index(word), 0] = value
    return [
        w1,
        np.zeros(1, np.float32),
        np.array([[4.0 * scale]], np.float32),
        np.zeros(1, np.float32),
    ]


def _reference_probabilities(dataset, weights, rows):
    """Direct multi-hot forward pass, independent of the Predictor's sparse tricks."""
    x = np.zeros((len(rows), len(dataset.vocab)), np.float32)
    for k, r in enumerate(rows):
        x[k, dataset.known_ids(int(r))] = 1.0
    h = np.tanh(x @ weights[0] + weights[1])
    return 1.0 / (1.0 + np.exp(-(h @ weights[2] + weights[3])[:, 0]))


def test_label_flips_are_exactly_the_rows_whose_label_changes(tiny_dataset):
    ds = tiny_dataset
    rows = ds.indices("train")[::2]
    best = _sentiment_weights(ds.vocab)
    # "Overfitted": two positive words now count as strongly negative.
    last = _sentiment_weights(ds.vocab, overrides={"wonderful": -3.0, "superb": -3.0})
    flips = label_flips(ds, best, last, rows, activation="tanh")
    p_best = _reference_probabilities(ds, best, rows)
    p_last = _reference_probabilities(ds, last, rows)
    expected = {int(r) for r, a, b in zip(rows, p_best, p_last) if (a >= 0.5) != (b >= 0.5)}
    assert expected, "the test weights should flip some reviews"
    assert {f.row for f in flips} == expected
    for f in flips:
        k = list(rows).index(f.row)
        assert f.p_best == pytest.approx(p_best[k], abs=1e-5)
        assert f.p_last == pytest.approx(p_last[k], abs=1e-5)
        assert f.label == ds.label[f.row]
    # Reviews that became wrong come first.
    flags = [f.became_wrong for f in flips]
    assert flags == sorted(flags, reverse=True)
    assert label_flips(ds, best, best, rows, activation="tanh") == []


def tiny_config(**changes) -> ModelConfig:
    return ModelConfig(
        hidden_units=[8, 8], epochs=2, batch_size=32, validation_size=40, num_words=100, seed=3
    ).replace(**changes)


def test_repeat_x3_records_a_group_of_three_runs_and_a_band(tiny_dataset):
    from engine.runs.history import RunStore

    store = RunStore()
    progress = []
    result = repeat_seeds(
        tiny_dataset,
        tiny_config(),
        store=store,
        name="tiny",
        progress=lambda f, m: progress.append(f),
    )
    assert result.status == "finished"
    assert result.seeds == [3, 4, 5]
    runs = [store.get_run(i) for i in result.run_ids]
    assert all(r["status"] == "finished" for r in runs)
    assert {r["group_id"] for r in runs} == {result.group_id}
    assert [r["config"]["seed"] for r in runs] == [3, 4, 5]
    assert all(len(store.epochs(r["id"])) == 2 for r in runs)
    # Different seeds give different curves, so the band has a width.
    band = result.bands()["val_loss"]
    assert list(band.epochs) == [1, 2]
    assert np.all(band.low <= band.mean) and np.all(band.mean <= band.high)
    assert np.any(band.high - band.low > 0)
    s = result.test_spread()
    assert s["n"] == 3 and 0.0 <= s["min"] <= s["mean"] <= s["max"] <= 1.0
    assert progress[-1] == 1.0 and progress == sorted(progress)


def test_repeat_cancelled_before_start_trains_nothing(tiny_dataset):
    import threading

    from engine.runs.history import RunStore

    store = RunStore()
    cancel = threading.Event()
    cancel.set()
    result = repeat_seeds(tiny_dataset, tiny_config(), store=store, cancel=cancel)
    assert result.status == "stopped" and result.results == []
    assert store.list_runs() == []
