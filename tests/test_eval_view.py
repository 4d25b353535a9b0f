"""Evaluation views and the lexicon: confusion cells filter the Reviews tab, ROC is right."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.model.evaluation import Evaluation, roc_curve
from gui.common.lexicon import LexiconWidget
from gui.evaluation.tab import EvaluationView
from gui.reviews.tab import ReviewsTab
from gui.state import AppState
from tests.handmade_predictor import handmade_predictor


def evaluation_of(predictor, dataset, rows) -> Evaluation:
    """The numbers ``engine.model.evaluation.evaluate`` would report, computed with the predictor."""
    p = predictor.probabilities_for_dataset(dataset, rows)
    y = dataset.label[rows].astype(int)
    guess = (p >= 0.5).astype(int)
    confusion = np.array([[np.sum((y == t) & (guess == g)) for g in (0, 1)] for t in (0, 1)])
    tn, fp, fn, tp = confusion.ravel()
    pos, neg = p[y == 1], p[y == 0]
    auc = float(np.mean(pos[:, None] > neg[None, :]) + 0.5 * np.mean(pos[:, None] == neg[None, :]))
    eps = 1e-7
    loss = float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
    return Evaluation(
        loss=loss,
        accuracy=float((tp + tn) / len(y)),
        precision=float(tp / max(tp + fp, 1)),
        recall=float(tp / max(tp + fn, 1)),
        confusion=confusion,
        roc_auc=auc,
        probabilities=p.astype(np.float32),
        rows=rows,
    )


@pytest.fixture()
def state(qapp, tiny_dataset):
    s = AppState()
    s.set_dataset(tiny_dataset)
    return s


def test_roc_curve_matches_the_rank_auc():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 500)
    p = np.clip(y * 0.3 + rng.random(500) * 0.7, 0, 1).round(2)  # with ties
    fpr, tpr = roc_curve(y, p)
    trapezoid = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    pos, neg = p[y == 1], p[y == 0]
    rank_auc = np.mean(pos[:, None] > neg[None, :]) + 0.5 * np.mean(pos[:, None] == neg[None, :])
    assert trapezoid == pytest.approx(rank_auc, abs=1e-9)
    assert (fpr[0], tpr[0], fpr[-1], tpr[-1]) == (0, 0, 1, 1)


def test_views_show_an_evaluation(qtbot, state, tiny_dataset):
    view = EvaluationView(state)
    qtbot.addWidget(view)
    view.show()
    assert "No evaluation yet" in view.summary.text()
    predictor = handmade_predictor(tiny_dataset.vocab, bias=6.0)
    evaluation = evaluation_of(predictor, tiny_dataset, tiny_dataset.indices("test"))
    state.set_evaluation(evaluation)
    assert "Test set, 120 reviews" in view.summary.text()
    assert f"{evaluation.accuracy:.1%}" in view.summary.text()
    tn, fp = evaluation.confusion[0]
    assert f"\n{fp:,}\n" in view.matrix.cells[0][1].text() and fp > 0
    histogram_items = view.histogram.getPlotItem().listDataItems()
    assert len(histogram_items) == 2
    total = sum(item.yData.sum() for item in histogram_items)
    assert total == 120
    assert f"AUC = {evaluation.roc_auc:.3f}" in view.roc.getPlotItem().titleLabel.text


def test_clicking_a_confusion_cell_filters_the_reviews_table(qtbot, state, tiny_dataset):
    predictor = handmade_predictor(tiny_dataset.vocab, bias=6.0)
    reviews = ReviewsTab(state)
    view = EvaluationView(state)
    qtbot.addWidget(reviews)
    reviews.show()
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(reviews.predictions_updated, timeout=5000):
        state.set_predictor(predictor)
    evaluation = evaluation_of(predictor, tiny_dataset, tiny_dataset.indices("test"))
    state.set_evaluation(evaluation)
    view.show()
    with qtbot.waitSignals([state.filter_requested, state.show_tab], timeout=1000):
        qtbot.mouseClick(view.matrix.cells[0][1], Qt.MouseButton.LeftButton)  # false positives
    rows = reviews.model.visible_rows
    assert len(rows) == evaluation.confusion[0][1] > 0
    assert np.all(tiny_dataset.split[rows] == 1) and np.all(tiny_dataset.label[rows] == 0)
    assert np.all(reviews.model.probabilities[rows] >= 0.5)


def test_lexicon_follows_every_new_predictor(qtbot, state, tiny_dataset):
    lexicon = LexiconWidget(state)
    qtbot.addWidget(lexicon)
    lexicon.show()
    assert lexicon.words_shown() == ([], [])
    with qtbot.waitSignal(lexicon.updated, timeout=1000):
        state.set_predictor(handmade_predictor(tiny_dataset.vocab))
    positive, negative = lexicon.words_shown()
    assert len(positive) == len(negative) == 20
    from tests.tiny_data import NEGATIVE, POSITIVE

    assert set(positive[:10]) == set(POSITIVE) and set(negative[:10]) == set(NEGATIVE)
    assert "wonderful" in lexicon.positive.text() and "awful" in lexicon.negative.text()
    # A model that learned the opposite: the lists swap.
    from engine.model.predictor import Predictor

    flipped = Predictor(
        _flipped_weights(handmade_predictor(tiny_dataset.vocab)), tiny_dataset.vocab
    )
    with qtbot.waitSignal(lexicon.updated, timeout=1000):
        state.set_predictor(flipped)
    positive, negative = lexicon.words_shown()
    assert set(positive[:10]) == set(NEGATIVE)


def _flipped_weights(predictor) -> list[np.ndarray]:
    weights = []
    for k, b in zip(predictor.kernels, predictor.biases):
        weights += [np.array(k), np.array(b)]
    weights[-2] = -weights[-2]  # output layer: positive evidence now lowers P(positive)
    return weights


def test_evaluate_current_model_matches_the_engine(qtbot, tiny_dataset):
    """The button scores state.predictor on the test split, like engine.model.evaluation.evaluate."""
    from engine.model.evaluation import evaluate

    state = AppState()
    view = EvaluationView(state)
    qtbot.addWidget(view)
    assert not view.evaluate_button.isEnabled()
    state.set_dataset(tiny_dataset)
    predictor = handmade_predictor(tiny_dataset.vocab)
    state.set_predictor(predictor)
    assert view.evaluate_button.isEnabled()
    with qtbot.waitSignal(state.evaluation_changed, timeout=5000) as blocker:
        qtbot.mouseClick(view.evaluate_button, Qt.MouseButton.LeftButton)
    shown = blocker.args[0]
    weights = [w for pair in zip(predictor.kernels, predictor.biases) for w in pair]
    expected = evaluate(weights, tiny_dataset, tiny_dataset.indices("test"))
    assert shown.accuracy == pytest.approx(expected.accuracy)
    assert shown.roc_auc == pytest.approx(expected.roc_auc)
    assert shown.loss == pytest.approx(expected.loss, abs=1e-4)
    assert (shown.confusion == expected.confusion).all()
    assert "accuracy" in view.summary.text()
    assert view.shutdown()
