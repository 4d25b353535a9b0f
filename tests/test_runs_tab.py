"""The Runs tab: history table, rename/delete/CSV export, overlays, restoring the last model."""

from __future__ import annotations

import csv

import numpy as np
import pyqtgraph as pg
import pytest

from engine.model.config import ModelConfig
from gui.train.overlay import OverlayPainter


def epoch_weights(vocab, epoch: int, flip_words=()):
    """relu weights whose confidence grows with ``epoch``; ``flip_words`` turn negative."""
    from tests.tiny_data import NEGATIVE, POSITIVE

    w1 = np.zeros((len(vocab), 2), np.float32)
    for i, word in enumerate(vocab):
        if word in POSITIVE:
            w1[i, 0 if word not in flip_words else 1] = 0.5 * epoch
        elif word in NEGATIVE:
            w1[i, 1] = 0.5 * epoch
    return [
        w1,
        np.zeros(2, np.float32),
        np.array([[1.0], [-1.0]], np.float32),
        np.array([0.1], np.float32),
    ]


def record_run(
    store,
    vocab,
    name="Run",
    epochs=3,
    best_epoch=2,
    status="finished",
    flip_words=(),
    config=None,
    group_id=None,
):
    """Write a run the way the Trainer does: epochs with weight files, then a bundle."""
    from engine.model.bundle import save_bundle

    config = config or ModelConfig(epochs=epochs, validation_size=60)
    run_id = store.create_run(config, name=name, group_id=group_id)
    folder = store.run_dir(run_id) / "epochs"
    folder.mkdir(parents=True)
    last = None
    for e in range(1, epochs + 1):
        last = epoch_weights(vocab, e, flip_words if e > best_epoch else ())
        path = folder / f"epoch_{e:03d}.npz"
        np.savez(path, **{f"w{i}": w for i, w in enumerate(last)})
        store.add_epoch(
            run_id,
            {
                "epoch": e,
                "loss": 1.0 / e,
                "accuracy": 0.5 + 0.1 * e,
                "val_loss": 0.8 / e + 0.05 * e,
                "val_accuracy": 0.5 + 0.08 * e,
                "seconds": 1.5,
            },
            weights_path=path,
        )
    if status == "running":
        return run_id
    # The bundle's settings describe the weights it holds (one hidden layer of 2 units).
    shape = config.replace(hidden_units=[2])
    bundle = save_bundle(store.run_dir(run_id) / "model", None, vocab, shape, {}, weights=last)
    store.finish_run(
        run_id, status, best_epoch=best_epoch, test={"accuracy": 0.8}, model_path=bundle
    )
    return run_id


@pytest.fixture
def store():
    from engine.runs.history import RunStore

    return RunStore()


@pytest.fixture
def tab(qtbot, store):
    from gui.runs.tab import RunsTab
    from gui.state import AppState

    state = AppState(store=store)
    widget = RunsTab(state)
    qtbot.addWidget(widget)
    yield widget
    assert widget.shutdown()


def test_table_shows_history_columns(tab, store, tiny_dataset):
    run_id = record_run(store, tiny_dataset.vocab, name="Book model")
    tab.refresh()
    assert tab.table.rowCount() == 1
    cells = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert cells[1] == "Book model"
    assert cells[2] == "16-16 relu, binary_crossentropy, rmsprop 0.001"
    assert cells[3] == "finished"
    assert cells[4] == "2"
    assert cells[5] == "66.00%"  # val_accuracy of epoch 2 = 0.5 + 0.16
    assert cells[6] == "80.00%"
    assert cells[0].startswith(store.get_run(run_id)["started"][:10])


def test_rename_delete_and_csv_export(tab, store, tiny_dataset, tmp_path):
    keep = record_run(store, tiny_dataset.vocab, name="keep me")
    gone = record_run(store, tiny_dataset.vocab, name="delete me")
    tab.refresh()
    tab.select_ids([keep])
    tab.rename_selected("renamed")
    assert store.get_run(keep)["name"] == "renamed"
    assert (
        tab.table.item(tab.runs.index(next(r for r in tab.runs if r["id"] == keep)), 1).text()
        == "renamed"
    )

    assert store.run_dir(gone).exists()
    tab.select_ids([gone])
    assert tab.buttons["delete"].isEnabled()
    tab.delete_selected(confirm=False)
    assert store.get_run(gone) is None
    assert not store.run_dir(gone).exists()
    assert [r["id"] for r in tab.runs] == [keep]

    out = tab.export_csv(tmp_path / "runs.csv")
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1
    assert rows[0]["name"] == "renamed"
    assert rows[0]["best_epoch"] == "2"
    assert float(rows[0]["test_accuracy"]) == pytest.approx(0.8)
    assert ModelConfig.from_dict(__import__("json").loads(rows[0]["config"])).hidden_units == [
        16,
        16,
    ]


def test_running_run_cannot_be_deleted(tab, store, tiny_dataset):
    running = record_run(store, tiny_dataset.vocab, name="training now", status="running")
    tab.refresh()
    tab.select_ids([running])
    assert tab.table.item(0, 3).text() == "running"
    assert not tab.buttons["delete"].isEnabled()
    tab.delete_selected(confirm=False)
    assert store.get_run(running) is not None
    assert store.integrity_check() == "ok"


def test_selecting_two_runs_overlays_them_with_names(qtbot, tab, store, tiny_dataset):
    a = record_run(store, tiny_dataset.vocab, name="alpha")
    b = record_run(store, tiny_dataset.vocab, name="beta", epochs=4)
    loss, acc = pg.PlotWidget(), pg.PlotWidget()
    qtbot.addWidget(loss)
    qtbot.addWidget(acc)
    painter = OverlayPainter(loss, acc).connect(tab.state)
    tab.state.set_run(store.get_run(b))
    tab.refresh()
    with qtbot.waitSignal(tab.state.overlay_runs, timeout=2000):
        tab.select_ids([a, b])
    names = painter.named_items("loss")
    assert "alpha validation" in names and "beta (current) validation" in names
    legend = [label.text for _sample, label in loss.getPlotItem().legend.items]
    assert "alpha validation" in legend and "beta (current) training" in legend
    curves = {i.name(): i for i in painter.items["accuracy"]}
    x, y = curves["beta (current) validation"].getData()
    assert list(x) == [1, 2, 3, 4]
    assert y[-1] == pytest.approx(0.5 + 0.08 * 4)
    # Distinct colours, and the current run is drawn thicker.
    pen_a = curves["alpha validation"].opts["pen"]
    pen_b = curves["beta (current) validation"].opts["pen"]
    assert pen_a.color() != pen_b.color()
    assert pen_b.widthF() > pen_a.widthF()

    tab.clear_overlay()
    assert painter.named_items("loss") == []
    assert loss.getPlotItem().legend.items == []


def test_restore_last_model_without_training(qtbot, store, tiny_dataset):
    from engine.model.predictor import Predictor
    from gui.runs.restore import restore_last_model
    from gui.state import AppState

    state = AppState()
    assert restore_last_model(state, store) is None
    record_run(store, tiny_dataset.vocab, name="older")
    newest = record_run(store, tiny_dataset.vocab, name="newest", epochs=2, best_epoch=1)
    with qtbot.waitSignal(state.predictor_changed, timeout=2000) as blocker:
        run = restore_last_model(state, store)
    assert run["id"] == newest and state.run["id"] == newest
    assert isinstance(blocker.args[0], Predictor)
    expected = Predictor(epoch_weights(tiny_dataset.vocab, 2), tiny_dataset.vocab)
    text = tiny_dataset.text(0)
    assert state.predictor.predict(text).probability == pytest.approx(
        expected.predict(text).probability
    )


def test_repeat_x3_trains_three_seeds_and_draws_a_band(qtbot, tab, store, tiny_dataset):
    config = ModelConfig(
        hidden_units=[8, 8], epochs=2, batch_size=32, validation_size=40, num_words=100, seed=0
    )
    base = record_run(store, tiny_dataset.vocab, name="base", epochs=2, best_epoch=1, config=config)
    loss, acc = pg.PlotWidget(), pg.PlotWidget()
    qtbot.addWidget(loss)
    qtbot.addWidget(acc)
    painter = OverlayPainter(loss, acc).connect(tab.state)
    tab.state.set_dataset(tiny_dataset)
    tab.refresh()
    tab.select_ids([base])
    assert tab.buttons["repeat"].isEnabled()
    assert tab.repeat_selected()
    assert tab.buttons["stop"].isEnabled() and not tab.buttons["repeat"].isEnabled()
    qtbot.waitUntil(lambda: tab.repeat_result is not None, timeout=180_000)
    assert tab.tasks.wait(10)

    result = tab.repeat_result
    assert len(result.run_ids) == 3 and result.status == "finished"
    groups = {store.get_run(i)["group_id"] for i in result.run_ids}
    assert len(groups) == 1 and None not in groups
    assert tab.table.rowCount() == 4
    assert sorted(tab.selected_ids()) == sorted(result.run_ids)
    fills = [i for i in painter.items["loss"] if isinstance(i, pg.FillBetweenItem)]
    assert len(fills) == 1
    assert any("base repeat mean" in n for n in painter.named_items("accuracy"))
    assert "Test accuracy over 3 seeds" in tab.spread_label.text()
    # Said plainly: these are the 2-epoch final models, not the book's retrained ones.
    assert "after all 2 epochs" in tab.spread_label.text()
    assert "overfitted" in tab.spread_label.text()
    assert not tab.buttons["stop"].isEnabled()


def test_stopping_a_repeat_joins_its_thread(qtbot, tab, store, tiny_dataset):
    config = ModelConfig(
        hidden_units=[8], epochs=3, batch_size=16, validation_size=40, num_words=100, seed=0
    )
    base = record_run(store, tiny_dataset.vocab, name="base", epochs=2, best_epoch=1, config=config)
    tab.state.set_dataset(tiny_dataset)
    tab.refresh()
    tab.select_ids([base])
    assert tab.repeat_selected()
    # Stop once the first seed is training, so the Trainer itself must stop mid-run.
    tab.repeat_progressed.connect(
        lambda value: tab.stop_repeat() if "epoch 1 of" in value[1] else None
    )
    # The worker may end before a waitSignal could connect; the queued result still arrives.
    qtbot.waitUntil(lambda: tab.repeat_result is not None, timeout=60_000)
    assert tab.tasks.wait(10)
    assert tab.repeat_result.status == "stopped"
    assert len(tab.repeat_result.results) < 3
    # Depending on timing the stop lands mid-run ("stopped") or between two seeds.
    statuses = [r["status"] for r in store.list_runs() if r["id"] != base]
    assert "running" not in statuses and statuses.count("finished") < 3
    assert tab.buttons["repeat"].isEnabled()
