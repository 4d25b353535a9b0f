"""The epoch scrubber: picking an epoch swaps the app's model; label flips after the best epoch."""

from __future__ import annotations

import numpy as np
import pytest

from engine.model.predictor import Predictor
from tests.test_runs_tab import epoch_weights, record_run


@pytest.fixture
def setup(qtbot, tiny_dataset):
    from engine.runs.history import RunStore
    from gui.state import AppState
    from gui.train.scrubber import EpochScrubber

    store = RunStore()
    state = AppState(store=store)
    state.set_dataset(tiny_dataset)
    scrubber = EpochScrubber(state)
    qtbot.addWidget(scrubber)
    return state, store, scrubber


def _flips_listed(qtbot, scrubber) -> None:
    """Wait for the background flips computation to fill the list."""
    qtbot.waitUntil(lambda: "change label" in scrubber.flips_title.text(), timeout=10_000)


def test_showing_a_run_does_not_replace_the_model(qtbot, setup, tiny_dataset):
    state, store, scrubber = setup
    run_id = record_run(store, tiny_dataset.vocab, epochs=3)
    with qtbot.assertNotEmitted(state.predictor_changed):
        state.set_run(store.get_run(run_id))
    assert (scrubber.slider.minimum(), scrubber.slider.maximum(), scrubber.slider.value()) == (
        1,
        3,
        3,
    )
    assert scrubber.slider.isEnabled()
    assert "best: 2" in scrubber.position.text()


def test_slider_swaps_in_that_epochs_weights(qtbot, setup, tiny_dataset):
    state, store, scrubber = setup
    run_id = record_run(store, tiny_dataset.vocab, epochs=3)
    state.set_run(store.get_run(run_id))
    rows = tiny_dataset.indices("test")[:40]

    with qtbot.waitSignals([state.predictor_changed, state.epoch_selected], timeout=2000):
        scrubber.slider.setValue(1)
    assert state.epoch == 1
    p1 = state.predictor.probabilities_for_dataset(tiny_dataset, rows)
    with qtbot.waitSignal(state.predictor_changed, timeout=2000):
        scrubber.slider.setValue(2)
    p2 = state.predictor.probabilities_for_dataset(tiny_dataset, rows)

    assert not np.allclose(p1, p2)
    for epoch, got in ((1, p1), (2, p2)):
        direct = Predictor(epoch_weights(tiny_dataset.vocab, epoch), tiny_dataset.vocab)
        np.testing.assert_allclose(
            got, direct.probabilities_for_dataset(tiny_dataset, rows), rtol=1e-6
        )


def test_epoch_picked_elsewhere_moves_the_slider(qtbot, setup, tiny_dataset):
    state, store, scrubber = setup
    run_id = record_run(store, tiny_dataset.vocab, epochs=3)
    state.set_run(store.get_run(run_id))
    with qtbot.waitSignal(state.predictor_changed, timeout=2000):
        state.select_epoch(1)
    assert scrubber.slider.value() == 1
    with qtbot.waitSignal(state.predictor_changed, timeout=2000):
        scrubber.use_final_model()
    assert state.epoch is None and scrubber.slider.value() == 3
    final = Predictor(epoch_weights(tiny_dataset.vocab, 3), tiny_dataset.vocab)
    text = tiny_dataset.text(3)
    assert state.predictor.predict(text).probability == pytest.approx(
        final.predict(text).probability
    )


def test_missing_epoch_file_is_reported_not_raised(qtbot, setup, tiny_dataset):
    state, store, scrubber = setup
    run_id = record_run(store, tiny_dataset.vocab, epochs=3)
    state.set_run(store.get_run(run_id))
    (store.run_dir(run_id) / "epochs" / "epoch_001.npz").unlink()
    with qtbot.waitSignal(state.status_message, timeout=2000) as blocker:
        assert scrubber.apply_epoch(1) is False
    assert "epoch 1" in blocker.args[0]


def test_label_flips_after_the_best_epoch(qtbot, setup, tiny_dataset):
    from engine.model.config import ModelConfig
    from engine.model.training_records import validation_rows

    state, store, scrubber = setup
    config = ModelConfig(epochs=3, validation_size=60, num_words=100)
    # After the best epoch, "wonderful" and "superb" start counting as negative words.
    run_id = record_run(
        store,
        tiny_dataset.vocab,
        epochs=3,
        best_epoch=1,
        config=config,
        flip_words=("wonderful", "superb"),
    )
    state.set_run(store.get_run(run_id))

    rows = validation_rows(tiny_dataset, config)
    assert len(rows) == 60
    best = Predictor(epoch_weights(tiny_dataset.vocab, 1), tiny_dataset.vocab)
    last = Predictor(
        epoch_weights(tiny_dataset.vocab, 3, ("wonderful", "superb")), tiny_dataset.vocab
    )
    pb = best.probabilities_for_dataset(tiny_dataset, rows)
    pl = last.probabilities_for_dataset(tiny_dataset, rows)
    expected = {int(r) for r, a, b in zip(rows, pb, pl) if (a >= 0.5) != (b >= 0.5)}
    assert expected
    _flips_listed(qtbot, scrubber)
    assert {f.row for f in scrubber.flips} == expected
    assert scrubber.flip_list.count() == len(expected)
    assert f"{len(expected)} validation reviews" in scrubber.flips_title.text()
    scrubber.flip_list.setCurrentRow(0)
    assert scrubber.flip_text.toPlainText() == tiny_dataset.text(scrubber.flips[0].row)


def test_double_clicking_a_flip_opens_it_in_the_reviews_tab(qtbot, setup, tiny_dataset):
    from PySide6.QtCore import Qt

    from engine.model.config import ModelConfig
    from gui.reviews.tab import ReviewsTab

    state, store, scrubber = setup
    reviews = ReviewsTab(state)
    qtbot.addWidget(reviews)
    scrubber.show()
    config = ModelConfig(epochs=3, validation_size=60, num_words=100)
    run_id = record_run(
        store,
        tiny_dataset.vocab,
        epochs=3,
        best_epoch=1,
        config=config,
        flip_words=("wonderful", "superb"),
    )
    state.set_run(store.get_run(run_id))
    _flips_listed(qtbot, scrubber)
    # A filter that hides the flip: opening it must show everything again.
    state.filter_requested.emit({"text": "no review contains this"})
    assert reviews.model.rowCount() == 0
    item = scrubber.flip_list.item(0)
    row = item.data(Qt.ItemDataRole.UserRole)
    rect = scrubber.flip_list.visualItemRect(item)
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(scrubber.flip_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(state.show_tab, timeout=2000) as blocker:
        qtbot.mouseDClick(
            scrubber.flip_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert blocker.args == ["reviews"]
    assert reviews.model.rowCount() == len(tiny_dataset)
    selected = reviews.table.selectionModel().selectedRows()
    assert [reviews.model.dataset_row(i.row()) for i in selected] == [row]
    assert reviews._selected == row


def test_scrubbing_a_really_trained_run(qtbot, setup, tiny_dataset):
    """Real Trainer output: epoch files as it writes them, model wider than the tiny vocabulary."""
    from engine.model.config import ModelConfig
    from engine.model.training import Trainer

    state, store, scrubber = setup
    config = ModelConfig(
        hidden_units=[8, 8], epochs=2, batch_size=32, validation_size=40, num_words=100, seed=1
    )
    result = Trainer(tiny_dataset, config, store=store, name="real").train()
    assert result.status == "finished"
    state.set_run(store.get_run(result.run_id))
    assert scrubber.slider.maximum() == 2
    _flips_listed(qtbot, scrubber)
    assert "validation reviews change label" in scrubber.flips_title.text()
    with qtbot.waitSignal(state.predictor_changed, timeout=5000):
        scrubber.slider.setValue(1)
    p1 = state.predictor.probabilities_for_dataset(tiny_dataset)
    with qtbot.waitSignal(state.predictor_changed, timeout=5000):
        scrubber.slider.setValue(2)
    p2 = state.predictor.probabilities_for_dataset(tiny_dataset)
    assert not np.allclose(p1, p2)
    # The last epoch's weights are the run's final weights.
    np.testing.assert_allclose(
        p2,
        Predictor.from_bundle(result.model_path).probabilities_for_dataset(tiny_dataset),
        rtol=1e-5,
    )


def test_export_of_a_scrubbed_epoch_holds_that_epochs_weights(
    qtbot, setup, tiny_dataset, tmp_path, monkeypatch
):
    import tempfile

    from engine.model.bundle import load_bundle
    from engine.model.export import open_archive
    from engine.runs.experiments import load_epoch_weights
    from gui.book.model_files import export_model

    state, store, scrubber = setup
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    run_id = record_run(store, tiny_dataset.vocab, epochs=3)
    state.set_run(store.get_run(run_id))
    with qtbot.waitSignal(state.predictor_changed, timeout=2000):
        scrubber.slider.setValue(1)
    path = export_model(state, scrubber, dest=str(tmp_path / "epoch1.imdbmodel"))
    assert path is not None and path.exists()
    exported = load_bundle(open_archive(path, into=tmp_path / "opened"))
    epoch1 = load_epoch_weights(run_id, 1, store)
    final = load_bundle(store.get_run(run_id)["model_path"]).weights
    assert all(np.array_equal(a, b) for a, b in zip(exported.weights, epoch1))
    assert not all(np.array_equal(a, b) for a, b in zip(exported.weights, final))
    assert exported.metrics["epoch"] == 1 and exported.metrics["run"] == run_id
    # The scratch copy is gone: only the exported file stays.
    assert not list(scratch.iterdir())
