"""The window fits a laptop: its minimum size stays within 1000×600 once a model exists.

Measured after training on the tiny dataset, with three runs overlaid (one with a long
name), a long status line and a wide dataset path: before, the one-line labels and button
rows made the minimum width 1,394 px.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from engine.model.config import ModelConfig
from engine.runs.history import RunStore
from gui.main_window import MainWindow

MAX_WIDTH, MAX_HEIGHT = 1000, 600
LONG_NAME = "A very long run name " * 6 + "(seed 2, 64-64 tanh, mse, rmsprop 0.001)"


@pytest.fixture
def store(tmp_path):
    return RunStore(tmp_path / "history.sqlite3", runs_root=tmp_path / "runs")


def _widest(window: QWidget) -> str:
    """The widest widgets, to say what broke the bound when it fails."""
    rows = sorted(
        (
            max(w.minimumSizeHint().width(), w.minimumWidth()),
            type(w).__name__,
            w.objectName(),
        )
        for w in window.findChildren(QWidget)
    )
    return ", ".join(f"{name}:{obj}={width}" for width, name, obj in rows[-8:])


def _assert_fits(window) -> None:
    hint, minimum = window.minimumSizeHint(), window.minimumSize()
    assert hint.width() <= MAX_WIDTH and hint.height() <= MAX_HEIGHT, (
        hint.toTuple(),
        _widest(window),
    )
    assert minimum.width() <= MAX_WIDTH and minimum.height() <= MAX_HEIGHT, minimum.toTuple()
    for key, tab in window.tab_keys.items():
        size = tab.minimumSizeHint()
        assert size.width() <= MAX_WIDTH and size.height() <= MAX_HEIGHT, (key, size.toTuple())


def test_the_window_fits_a_laptop_after_training_overlays_and_a_long_name(
    qtbot, tiny_dataset, store
):
    win = MainWindow(dataset=tiny_dataset, store=store, load_data=False)
    qtbot.addWidget(win)
    win.show()
    _assert_fits(win)  # before any model
    qtbot.waitUntil(lambda: win.state.tf_ready, timeout=120_000)
    qtbot.waitUntil(lambda: not win.loader.busy(), timeout=10_000)
    tab = win.train_tab
    tab.settings.set_config(ModelConfig(batch_size=16, validation_size=40, epochs=3))
    for _ in range(2):
        with qtbot.waitSignal(tab.busy_changed, timeout=120_000, check_params_cb=lambda b: not b):
            tab.train_button.click()
    with qtbot.waitSignal(tab.busy_changed, timeout=120_000, check_params_cb=lambda b: not b):
        tab.retrain_button.click()
    assert win.state.predictor is not None and tab.status.result_card.isVisible()
    runs = store.list_runs()
    store.rename(runs[0]["id"], LONG_NAME)
    win.state.runs_changed.emit()
    runs_tab = win.tab_keys["runs"]
    win.show_tab("runs")
    runs_tab.refresh()
    runs_tab.table.selectAll()
    runs_tab.publish_overlay()
    assert tab.plots.loss_plot.plotItem.legend.items  # the overlay is drawn with its names
    tab.status.progress_label.setText(
        "Stopped after 4 epochs in 0:06 because the validation loss stopped improving. "
        "Lowest validation loss at epoch 2. " * 2
    )
    tab.dataset_label.setText("<b>Source:</b> " + "/a/very/long/folder/name" * 8)
    win.state.status_message.emit(LONG_NAME * 2)
    for key in win.tab_keys:
        win.show_tab(key)
        qtbot.waitUntil(win.tab_keys[key].isVisible, timeout=5_000)
        _assert_fits(win)
    hint = win.minimumSizeHint()
    print(f"minimum size hint after training: {hint.width()}×{hint.height()}")
    win.shutdown()


def test_a_long_status_message_stops_before_the_tensorflow_label(qtbot, tiny_dataset):
    win = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(win)
    win.resize(1024, 640)
    win.show()
    qtbot.waitExposed(win)
    win.tf_label.setText("TensorFlow 2.21.0 ready")
    text = "Training 16-16 relu, binary_crossentropy, rmsprop 0.001 (20 epochs)... " * 4
    win.state.status_message.emit(text)
    bar = win.statusBar()
    shown = bar.currentMessage()
    assert shown != text and shown.endswith("…")
    assert bar.fontMetrics().horizontalAdvance(shown) < bar.width() - win.tf_label.width()
    assert bar.toolTip() == text  # the whole message is still there to read
    win.shutdown()


def test_a_plot_legend_wraps_to_the_plot_width_instead_of_widening_it(qtbot):
    from gui.train.plots import MetricPlot

    plot = MetricPlot("accuracy", "Accuracy")
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    qtbot.waitExposed(plot)
    assert plot.legend.columnCount == 2  # both entries side by side when there is room
    plot.resize(plot.minimumWidth(), 300)
    qtbot.waitUntil(lambda: plot.legend.columnCount == 1, timeout=2000)
    # The plot item, legend included, stays inside the widget: nothing drawn off-screen.
    qtbot.waitUntil(lambda: plot.plotItem.geometry().width() <= plot.width(), timeout=2000)


def test_a_long_overlay_name_is_elided_not_drawn_past_the_plot(qtbot):
    from gui.train.plots import MetricPlot

    plot = MetricPlot("loss", "Loss")
    qtbot.addWidget(plot)
    plot.resize(300, 300)
    plot.show()
    qtbot.waitExposed(plot)
    plot.plot([1, 2], [0.5, 0.4], name=LONG_NAME + " validation")
    label = plot.legend.items[-1][1]
    assert label.full_text == LONG_NAME + " validation"
    assert label.text != label.full_text and "…" in label.text
    assert label.item.toolTip() == label.full_text
    qtbot.waitUntil(lambda: plot.plotItem.geometry().width() <= plot.width(), timeout=2000)
    plot.resize(1800, 300)  # wide enough again: the whole name comes back
    qtbot.waitUntil(lambda: label.text == label.full_text, timeout=2000)


def test_the_window_fits_a_laptop_in_korean(qtbot, tiny_dataset, store):
    """Korean labels have other widths: the bound holds in both languages."""
    from gui import i18n
    from gui.settings import configure_settings, settings

    configure_settings()
    settings().setValue("language", "ko")
    try:
        assert i18n.install() == "ko"
        win = MainWindow(dataset=tiny_dataset, store=store, load_data=False, warm_up=False)
        qtbot.addWidget(win)
        win.show()
        assert win.tabs.tabText(0) == "훈련"
        for key in win.tab_keys:
            win.show_tab(key)
            qtbot.waitUntil(win.tab_keys[key].isVisible, timeout=5_000)
            _assert_fits(win)
        hint = win.minimumSizeHint()
        print(f"minimum size hint in Korean: {hint.width()}×{hint.height()}")
        win.shutdown()
    finally:
        i18n.reset()
