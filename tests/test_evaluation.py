"""Evaluation metrics (engine.model.evaluation) against hand-computed values and Keras."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from engine.data.dataset import build_dataset
from engine.model.batches import multi_hot
from engine.model.config import ModelConfig
from engine.model.evaluation import evaluate, logits, metrics_from_probabilities, roc_auc
from engine.model.network import build_model, get_weights

LABELS = np.array([1, 1, 0, 0, 1, 0])
PROBS = np.array([0.9, 0.4, 0.6, 0.1, 0.7, 0.5])


def test_metrics_on_a_small_array_by_hand():
    m = metrics_from_probabilities(LABELS, PROBS)
    # predicted positive (p > 0.5): rows 0, 2, 4 -> tp = {0, 4}, fp = {2}, fn = {1}, tn = {3, 5}
    np.testing.assert_array_equal(m["confusion"], [[2, 1], [1, 2]])
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == pytest.approx(2 / 3)
    # positive scores 0.9, 0.4, 0.7 beat 3, 1 and 3 of the negatives 0.6, 0.1, 0.5
    assert m["roc_auc"] == pytest.approx(7 / 9)


def brute_force_auc(labels, scores):
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in itertools.product(pos, neg))
    return wins / (len(pos) * len(neg))


def test_roc_auc_with_ties_matches_pairwise_counting():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 200)
    scores = np.round(rng.random(200) + 0.3 * labels, 1)  # rounding makes many ties
    assert roc_auc(labels, scores) == pytest.approx(brute_force_auc(labels, scores), abs=1e-12)
    assert roc_auc([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8]) == 1.0
    assert roc_auc([0, 1, 0, 1], [0.9, 0.1, 0.8, 0.2]) == 0.0
    assert np.isnan(roc_auc([1, 1], [0.2, 0.3]))


def test_no_positive_predictions_gives_zero_precision():
    m = metrics_from_probabilities([1, 0], [0.2, 0.3])
    assert m["precision"] == 0.0 and m["recall"] == 0.0 and m["accuracy"] == 0.5


@pytest.mark.parametrize("loss,activation", [("binary_crossentropy", "relu"), ("mse", "tanh")])
def test_numpy_evaluation_matches_keras(tiny_dataset, loss, activation):
    config = ModelConfig(
        num_words=100, loss=loss, activation=activation, seed=4, hidden_units=[8, 4, 4]
    )
    model = build_model(config)
    rng = np.random.default_rng(1)
    # Larger weights than the initialiser's, so probabilities spread towards 0 and 1.
    model.set_weights(
        [w + rng.normal(0, 0.5, w.shape).astype(np.float32) for w in model.get_weights()]
    )
    rows = tiny_dataset.indices("test")
    x, y = multi_hot(tiny_dataset, rows, 100), tiny_dataset.label[rows].astype(np.float32)
    keras_metrics = model.evaluate(x, y, verbose=0, return_dict=True)
    keras_p = model.predict(x, verbose=0)[:, 0]
    ev = evaluate(get_weights(model), tiny_dataset, rows, config)
    assert ev.loss == pytest.approx(keras_metrics["loss"], abs=1e-4)
    assert ev.accuracy == pytest.approx(keras_metrics["accuracy"], abs=1e-6)
    np.testing.assert_allclose(ev.probabilities, keras_p, atol=1e-5)
    assert ev.probabilities.dtype == np.float32
    np.testing.assert_array_equal(ev.rows, rows)
    assert ev.confusion.sum() == len(rows)
    # A Keras model works as well as its weights; default rows are the test split.
    assert evaluate(model, tiny_dataset, config=config).loss == pytest.approx(ev.loss)


def test_to_dict_is_json_ready(tiny_dataset):
    config = ModelConfig(num_words=100)
    d = evaluate(get_weights(build_model(config)), tiny_dataset, config=config).to_dict()
    assert set(d) == {"loss", "accuracy", "precision", "recall", "roc_auc", "confusion", "count"}
    assert json.loads(json.dumps(d))["count"] == 120


def test_review_without_known_words_is_the_zero_input():
    ds = build_dataset(
        [0, 0, 1],
        [1, 0, 1],
        [9, 2, 8],
        [0, 1, 2],
        ["good good fun", "bad", "zzz qqq"],
        ["", "", ""],
        num_words=3,
    )
    assert ds.known_ids(2).size == 0
    config = ModelConfig(num_words=100)
    weights = get_weights(build_model(config))
    z = logits(weights, ds, np.array([2, 0]))
    h = np.maximum(weights[1], 0)
    h = np.maximum(h @ weights[2] + weights[3], 0)
    assert z[0] == pytest.approx(float((h @ weights[4] + weights[5])[0]), abs=1e-6)
    x = np.zeros(100, np.float32)
    x[ds.known_ids(0)] = 1
    h = np.maximum(x @ weights[0] + weights[1], 0)
    h = np.maximum(h @ weights[2] + weights[3], 0)
    assert z[1] == pytest.approx(float((h @ weights[4] + weights[5])[0]), abs=1e-5)


@pytest.mark.parametrize("loss,activation", [("binary_crossentropy", "relu"), ("mse", "tanh")])
def test_training_and_window_evaluations_agree_exactly(tiny_dataset, loss, activation):
    """Weights scored after training and the same model scored as the window's predictor."""
    from engine.model.evaluation import evaluate_predictor
    from engine.model.predictor import Predictor, bundle_vocab

    config = ModelConfig(num_words=100, loss=loss, activation=activation, seed=2)
    weights = get_weights(build_model(config))
    rng = np.random.default_rng(3)
    weights = [w + rng.normal(0, 0.3, w.shape).astype(np.float32) for w in weights]
    rows = tiny_dataset.indices("test")
    trained = evaluate(weights, tiny_dataset, rows, config)
    predictor = Predictor(weights, bundle_vocab(tiny_dataset.vocab, 100), activation)
    shown = evaluate_predictor(predictor, tiny_dataset, rows, loss=loss)
    assert shown.loss == trained.loss
    assert np.array_equal(shown.probabilities, trained.probabilities)
    assert shown.to_dict() == trained.to_dict()


def test_roc_curve_area_is_roc_auc():
    from engine.model.evaluation import roc_curve

    rng = np.random.default_rng(5)
    labels = rng.integers(0, 2, 300)
    scores = np.round(rng.random(300) + 0.4 * labels, 2)
    fpr, tpr = roc_curve(labels, scores)
    assert (fpr[0], tpr[0], fpr[-1], tpr[-1]) == (0.0, 0.0, 1.0, 1.0)
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    assert area == pytest.approx(roc_auc(labels, scores), abs=1e-12)


def test_logits_scored_in_passes_equal_one_pass(tiny_dataset, monkeypatch):
    from engine.model import predictor

    weights = get_weights(build_model(ModelConfig(num_words=100)))
    rows = tiny_dataset.indices("test")[::-1]  # any order, not only the dataset's
    whole = logits(weights, tiny_dataset, rows)
    monkeypatch.setattr(predictor, "ROWS_PER_PASS", 7)
    # float32 products over 7 rows or 120 may round differently in the last bit
    np.testing.assert_allclose(logits(weights, tiny_dataset, rows), whole, rtol=1e-6, atol=1e-6)
    everything = logits(weights, tiny_dataset, np.arange(len(tiny_dataset)))
    np.testing.assert_allclose(everything[rows], whole, rtol=1e-6, atol=1e-6)
