"""Plots that stay readable: overlay colours and legends, the hover read-out, the scrubber marker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QWidget

from engine.model.predictor import Predictor
from gui.train.overlay import OverlayPainter, run_color
from gui.train.plots import VAL_PEN, HistoryPlots
from tests.test_runs_tab import epoch_weights, record_run

HISTORY = {
    "loss": [0.5, 0.35, 0.28, 0.22, 0.18, 0.15, 0.12, 0.10],
    "val_loss": [0.45, 0.38, 0.33, 0.31, 0.32, 0.35, 0.39, 0.44],
    "accuracy": [0.78, 0.86, 0.89, 0.91, 0.93, 0.94, 0.95, 0.96],
    "val_accuracy": [0.82, 0.85, 0.87, 0.88, 0.88, 0.87, 0.87, 0.86],
}


def _hue_distance(a: QColor, b: QColor) -> int:
    d = abs(a.hsvHue() - b.hsvHue())
    return min(d, 360 - d)


def test_overlay_colours_never_use_the_validation_red():
    red = VAL_PEN.color()
    for index in range(24):
        color = run_color(index)
        assert color.hsvSaturation() < 60 or _hue_distance(color, red) >= 20, color.name()
    assert len({run_color(i).name() for i in range(8)}) == 8


def _overlay_payload(epochs: int = 8) -> dict:
    long = "Book (16-16) with a rather long descriptive name for the experiment, seed {}"
    runs = []
    for seed in (1, 2, 3):
        rows = [
            {
                "epoch": e,
                "loss": HISTORY["loss"][e - 1] * (1 + 0.05 * seed),
                "val_loss": HISTORY["val_loss"][e - 1],
                "accuracy": HISTORY["accuracy"][e - 1],
                "val_accuracy": HISTORY["val_accuracy"][e - 1] - 0.01 * seed,
            }
            for e in range(1, epochs + 1)
        ]
        runs.append({"id": seed, "name": long.format(seed), "epochs": rows})
    return {"runs": runs, "current_id": 1}


def test_long_overlay_names_do_not_widen_the_plots(qtbot):
    plots = HistoryPlots()
    qtbot.addWidget(plots)
    plots.resize(700, 420)
    plots.show()
    plots.set_history(HISTORY, 4)
    painter = OverlayPainter(plots.loss_plot, plots.accuracy_plot, legend=plots.overlay_legend)
    before = [p.minimumSizeHint().width() for p in (plots.loss_plot, plots.accuracy_plot)]
    min_before = plots.minimumSizeHint().width()
    painter.show(_overlay_payload())
    after = [p.minimumSizeHint().width() for p in (plots.loss_plot, plots.accuracy_plot)]
    assert after == before
    assert plots.minimumSizeHint().width() == min_before
    # The plots' own legends keep only training and validation; the runs are named below.
    for plot in (plots.loss_plot, plots.accuracy_plot):
        assert len(plot.getPlotItem().legend.items) == 2
    assert plots.overlay_legend.isVisible() and plots.overlay_legend.wordWrap()
    assert "seed 3" in plots.overlay_legend.text()
    assert plots.overlay_legend.width() <= plots.width()
    # Every epoch stays on the x axis.
    qtbot.waitUntil(lambda: plots.loss_plot.getViewBox().viewRange()[0][1] >= 8, timeout=2000)
    for plot in (plots.loss_plot, plots.accuracy_plot):
        low, high = plot.getViewBox().viewRange()[0]
        assert low <= 1 and high >= 8
    painter.clear()
    assert not plots.overlay_legend.isVisible()


def test_hover_readout_fits_at_the_last_epoch_and_goes_away(qtbot):
    tabs = QTabWidget()
    plots = HistoryPlots()
    tabs.addTab(plots, "Train")
    tabs.addTab(QWidget(), "Other")
    qtbot.addWidget(tabs)
    tabs.resize(900, 450)
    tabs.show()
    plots.set_history(HISTORY, 4)
    plot = plots.loss_plot
    qtbot.waitUntil(lambda: plot.getViewBox().viewRange()[0][1] >= 8, timeout=2000)
    assert "Epoch 8" in plot.hover_at(8)
    box = plot.getViewBox().sceneBoundingRect()

    def text_rect():
        item = plot.hover_text.textItem
        return item.mapRectToScene(item.boundingRect())

    # The read-out lies inside the plot's view box, left of the last point.
    qtbot.waitUntil(lambda: box.contains(text_rect()), timeout=2000)
    point = plot.getViewBox().mapViewToScene(QPointF(8, HISTORY["loss"][7]))
    assert text_rect().right() <= point.x() + 1
    # The first epoch's read-out opens to the right of its point.
    plot.hover_at(1)
    point = plot.getViewBox().mapViewToScene(QPointF(1, HISTORY["loss"][0]))
    qtbot.waitUntil(lambda: box.contains(text_rect()), timeout=2000)
    assert text_rect().left() >= point.x() - 1
    # The mouse leaves the plot: gone.
    plot.hover_at(8)
    QWidget.event(plot, QEvent(QEvent.Type.Leave))
    assert not plot.hover_text.isVisible() and not plot.hover_line.isVisible()
    # Shown again, then a tab switch: gone.
    plot.hover_at(8)
    assert plot.hover_text.isVisible()
    tabs.setCurrentIndex(1)
    assert not plot.hover_text.isVisible() and not plot.hover_line.isVisible()


def test_scrubber_epoch_is_marked_on_both_plots(qtbot, tiny_dataset):
    from engine.runs.history import RunStore
    from gui.current_model import run_model
    from gui.main_window import MainWindow

    store = RunStore()
    run_id = record_run(store, tiny_dataset.vocab, name="Scrub me", epochs=3)
    win = MainWindow(dataset=tiny_dataset, store=store, load_data=False, warm_up=False)
    qtbot.addWidget(win)
    win.show()
    tab = win.train_tab
    plots = (tab.plots.loss_plot, tab.plots.accuracy_plot)
    assert tab.plots.loss_plot.point_count() == (3, 3)  # the restored run's curves
    assert not any(p.scrub_line.isVisible() for p in plots)
    tab.scrubber.slider.setValue(2)
    for plot in plots:
        assert plot.scrub_line.isVisible() and plot.scrub_line.value() == 2
        assert "epoch 2" in plot.scrub_line.label.toPlainText()
    tab.scrubber.slider.setValue(1)
    assert all(p.scrub_line.value() == 1 for p in plots)
    tab.scrubber.use_final_model()
    assert not any(p.scrub_line.isVisible() for p in plots)
    # A model of another run: no marker on this run's curves.
    other = record_run(store, tiny_dataset.vocab, name="Other", epochs=3, config=None)
    predictor = Predictor(epoch_weights(tiny_dataset.vocab, 1), tiny_dataset.vocab)
    win.state.set_model(run_model(store, store.get_run(other), predictor, epoch=1))
    assert tab.plots.loss_plot.point_count() == (3, 3)
    assert all(p.scrub_line.isVisible() and p.scrub_line.value() == 1 for p in plots)
    assert tab._plotted_run_id == other  # the plots followed the run
    assert run_id != other
    assert win.shutdown()


def test_flips_list_takes_the_height_of_its_pane(qtbot):
    from engine.runs.history import RunStore
    from gui.state import AppState
    from gui.train.scrubber import EpochScrubber

    scrubber = EpochScrubber(AppState(store=RunStore()))
    qtbot.addWidget(scrubber)
    scrubber.resize(900, 260)
    scrubber.show()
    for i in range(40):
        scrubber.flip_list.addItem(f"review {i}")
    row = scrubber.flip_list.sizeHintForRow(0)
    shown_rows = scrubber.flip_list.viewport().height() // max(row, 1)
    assert shown_rows >= 7, shown_rows
    # Nothing empty below the list: it reaches the bottom of the pane.
    bottom = scrubber.flip_list.mapTo(scrubber, scrubber.flip_list.rect().bottomLeft()).y()
    assert scrubber.height() - bottom < 20
