"""One current model: named in the line above every tab, used by every view, kept on relaunch."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.model.config import ModelConfig
from engine.model.predictor import Predictor
from engine.model.training_records import TrainResult
from tests.test_runs_tab import epoch_weights, record_run


@pytest.fixture
def store():
    from engine.runs.history import RunStore

    return RunStore()


def _window(qtbot, store, tiny_dataset):
    from gui.main_window import MainWindow

    win = MainWindow(dataset=tiny_dataset, store=store, load_data=False, warm_up=False)
    qtbot.addWidget(win)
    win.show()
    return win


def _tabs(win):
    keys = win.tab_keys
    return keys["reviews"], keys["predict"], keys["evaluation"], keys["runs"]


def _select_run(runs_tab, run_id: int) -> None:
    runs_tab.refresh()
    row = next(i for i, r in enumerate(runs_tab.runs) if r["id"] == run_id)
    runs_tab.table.selectRow(row)


def _assert_every_view_uses(qtbot, win, key: tuple, words: str) -> None:
    """The line names the model; Reviews, Predict, lexicon and Evaluation score with it."""
    reviews, predict, evaluation, _runs = _tabs(win)
    model = win.state.model
    assert model.key() == key
    assert win.model_line.isVisible()
    assert words in win.model_line.full_text, win.model_line.full_text
    assert win.model_line.toolTip() == win.model_line.full_text
    assert win.state.predictor is model.predictor
    # Each tab computes when shown: look at each one.
    win.show_tab("reviews")
    qtbot.waitUntil(
        lambda: reviews.scored_model is not None and reviews.scored_model.key() == key,
        timeout=10_000,
    )
    assert model.short() in reviews.count.text()
    expected = model.predictor.probabilities_for_dataset(win.state.dataset)
    np.testing.assert_allclose(reviews.model.probabilities, expected, rtol=1e-5)
    win.show_tab("predict")
    text = win.state.dataset.text(0)
    assert win.state.predictor.predict(text).probability == pytest.approx(
        model.predictor.predict(text).probability
    )
    win.show_tab("evaluation")
    qtbot.waitUntil(lambda: not evaluation.tasks.busy(), timeout=10_000)
    if win.state.evaluation is not None:
        assert model.short().capitalize() in evaluation.summary.text()
        expected = model.predictor.probabilities_for_dataset(
            win.state.dataset, win.state.dataset.indices("test")
        )
        np.testing.assert_allclose(win.state.evaluation.probabilities, expected, rtol=1e-5)
    else:
        assert model.short() in evaluation.summary.text()


def test_model_line_and_views_follow_runs_use_scrubber_and_training_end(qtbot, store, tiny_dataset):
    from gui.train.worker import TrainingOutcome

    vocab = tiny_dataset.vocab
    first = record_run(store, vocab, name="First", epochs=3)
    second = record_run(store, vocab, name="Second", epochs=3)
    win = _window(qtbot, store, tiny_dataset)
    # Start-up without a remembered model: the newest finished run.
    _assert_every_view_uses(qtbot, win, ("run", second, None), f"run {second}")

    # Runs tab: "Use this model" on the first run.
    runs = _tabs(win)[3]
    win.show_tab("runs")
    _select_run(runs, first)
    assert runs.buttons["open"].text() == "Use this model"
    qtbot.mouseClick(runs.buttons["open"], Qt.MouseButton.LeftButton)
    assert win.state.run["id"] == first
    _assert_every_view_uses(qtbot, win, ("run", first, None), f"run {first}, after 3 epochs")

    # The scrubber: epoch 1 of the first run becomes everyone's model.
    scrubber = win.train_tab.scrubber
    scrubber.slider.setValue(1)
    _assert_every_view_uses(qtbot, win, ("run", first, 1), "epoch 1 of 3 (scrubbed)")
    assert "not tested" in win.model_line.full_text

    # Training ends with a retrained, tested model: it replaces the scrubbed epoch everywhere.
    config = ModelConfig(epochs=2, validation_size=0)
    third = record_run(store, vocab, name="Retrain 2 epochs", epochs=2, config=config)
    predictor = Predictor(epoch_weights(vocab, 2), vocab)
    test = {"accuracy": 0.885, "loss": 0.3}
    result = TrainResult(third, "finished", "", {}, None, None, None, test, {}, config)
    win.train_tab._training_finished(TrainingOutcome(result, predictor))
    assert win.state.run["id"] == third
    line = win.model_line.full_text
    assert "retrained on all training reviews, 2 epochs" in line
    assert "test accuracy 0.800" in line  # what the history recorded for that run
    _assert_every_view_uses(qtbot, win, ("run", third, None), f"run {third}")
    # The Evaluation tab scored the tested model again; the line shows that result.
    qtbot.waitUntil(lambda: win.state.evaluation is not None, timeout=10_000)
    assert f"test accuracy {win.state.evaluation.accuracy:.3f}" in win.model_line.full_text
    assert win.shutdown()


def test_an_evaluation_belongs_to_its_model_and_comes_back_with_it(qtbot, store, tiny_dataset):
    from gui.current_model import run_model
    from gui.evaluation.tab import EvaluationView
    from gui.state import AppState

    vocab = tiny_dataset.vocab
    run_id = record_run(store, vocab, name="Scrubbed", epochs=3)
    run = store.get_run(run_id)
    state = AppState(store=store)
    state.set_dataset(tiny_dataset)
    view = EvaluationView(state)
    qtbot.addWidget(view)
    view.show()
    first = Predictor(epoch_weights(vocab, 1, flip_words=("wonderful",)), vocab)
    state.set_model(run_model(store, run, first, epoch=1))
    assert state.model.test is None and state.evaluation is None
    assert "No evaluation yet of run" in view.summary.text()
    with qtbot.waitSignal(state.evaluation_changed, timeout=10_000):
        qtbot.mouseClick(view.evaluate_button, Qt.MouseButton.LeftButton)
    evaluated = state.evaluation
    assert state.model.test["accuracy"] == pytest.approx(evaluated.accuracy)
    # Stored in the run history for that epoch (the run's own test result is untouched).
    assert store.evaluation(run_id, 1)["accuracy"] == pytest.approx(evaluated.accuracy)
    assert store.evaluation(run_id)["accuracy"] == pytest.approx(0.8)

    # Another model: its evaluation is not shown for it; the confusion cells are disabled.
    state.set_model(run_model(store, run, Predictor(epoch_weights(vocab, 3), vocab)))
    assert state.evaluation is None and not view.matrix.isEnabled()
    # The first model comes back: its evaluation with it.
    state.set_model(run_model(store, run, first, epoch=1))
    assert state.evaluation is evaluated and view.matrix.isEnabled()

    # A new session (relaunch): the stored result names the model and the tab scores it again.
    state2 = AppState(store=store)
    state2.set_dataset(tiny_dataset)
    view2 = EvaluationView(state2)
    qtbot.addWidget(view2)
    view2.show()
    with qtbot.waitSignal(state2.evaluation_changed, timeout=10_000):
        state2.set_model(run_model(store, run, first, epoch=1))
    assert state2.model.test["accuracy"] == pytest.approx(evaluated.accuracy)
    qtbot.waitUntil(lambda: state2.evaluation is not None, timeout=10_000)
    assert state2.evaluation.accuracy == pytest.approx(evaluated.accuracy)
    np.testing.assert_array_equal(state2.evaluation.confusion, evaluated.confusion)
    assert view.shutdown() and view2.shutdown()


def test_an_evaluation_of_an_old_model_is_not_shown_for_the_new_one(qtbot, store, tiny_dataset):
    from gui.current_model import run_model
    from gui.evaluation.tab import EvaluationView, evaluate_on_test
    from gui.state import AppState

    vocab = tiny_dataset.vocab
    run = store.get_run(record_run(store, vocab, epochs=3))
    state = AppState(store=store)
    state.set_dataset(tiny_dataset)
    view = EvaluationView(state)
    qtbot.addWidget(view)
    old = run_model(store, run, Predictor(epoch_weights(vocab, 1), vocab), epoch=1)
    state.set_model(old)
    state.set_model(run_model(store, run, Predictor(epoch_weights(vocab, 2), vocab), epoch=2))
    late = evaluate_on_test(old.predictor, tiny_dataset)
    assert not state.record_evaluation(late, old)
    assert state.evaluation is None and state.model.epoch == 2


def test_relaunch_restores_the_model_in_use_not_the_newest(qtbot, store, tiny_dataset):
    vocab = tiny_dataset.vocab
    first = record_run(store, vocab, name="Book", epochs=3)
    record_run(store, vocab, name="repeat (seed 2)", epochs=3)
    win = _window(qtbot, store, tiny_dataset)
    runs = _tabs(win)[3]
    _select_run(runs, first)
    runs.open_selected()
    win.train_tab.scrubber.slider.setValue(2)
    assert win.state.model.key() == ("run", first, 2)
    win.close()

    again = _window(qtbot, store, tiny_dataset)
    assert again.state.model.key() == ("run", first, 2)
    assert again.state.run["id"] == first
    assert "epoch 2 of 3 (scrubbed)" in again.model_line.full_text
    assert again.train_tab.scrubber.slider.value() == 2
    direct = Predictor(epoch_weights(vocab, 2), vocab)
    text = tiny_dataset.text(5)
    assert again.state.predictor.predict(text).probability == pytest.approx(
        direct.predict(text).probability
    )
    assert again.shutdown()


def test_model_line_never_widens_the_window(qtbot, store, tiny_dataset):
    from gui.current_model import CurrentModel

    win = _window(qtbot, store, tiny_dataset)
    before = win.minimumSizeHint().width()
    long_name = "an extremely long model file name " * 12
    win.state.set_model(
        CurrentModel(
            Predictor(epoch_weights(tiny_dataset.vocab, 1), tiny_dataset.vocab), label=long_name
        )
    )
    assert win.minimumSizeHint().width() == before
    assert win.model_line.sizeHint().height() < 40
    assert long_name.strip() in win.model_line.toolTip()
    assert win.shutdown()


def test_reviews_show_the_current_runs_validation_split(qtbot, store, tiny_dataset):
    from engine.model.training_records import validation_rows
    from gui.current_model import run_model
    from gui.reviews.tab import ReviewsTab
    from gui.state import AppState

    vocab = tiny_dataset.vocab
    run = store.get_run(record_run(store, vocab, epochs=3))  # validation_size=60
    state = AppState(store=store)
    state.set_dataset(tiny_dataset)
    tab = ReviewsTab(state)
    qtbot.addWidget(tab)
    held_out = validation_rows(tiny_dataset, ModelConfig.from_run(run))
    assert len(held_out) == 60
    shown = {tab.model._display(int(i), 0) for i in held_out}
    assert shown == {"train"}  # no run yet: the archive's own split
    state.set_model(run_model(store, run, Predictor(epoch_weights(vocab, 3), vocab)))
    assert {tab.model._display(int(i), 0) for i in held_out} == {"validation"}
    tab.combos["split"].setCurrentText("Validation (current run)")
    assert sorted(tab.model.visible_rows.tolist()) == sorted(held_out.tolist())
    tab.combos["split"].setCurrentText("Train")
    rows = tab.model.visible_rows
    assert len(rows) == len(tiny_dataset.indices("train")) - 60
    assert not set(rows.tolist()) & set(held_out.tolist())
    assert tab.model.data(tab.model.index(0, 0)) == "train"
