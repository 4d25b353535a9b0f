"""Keys and controls that do what they say: scoped Ctrl+Enter, wheel guard, "Custom" preset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tiny_dataset):
    win = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    yield win
    win.shutdown()


def _wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_in_the_predict_box_predicts_and_never_trains(qtbot, window, key):
    trains = []
    window.state.train_requested.connect(lambda: trains.append(1))
    predict = window.tab_keys["predict"]
    window.show_tab("predict")
    predict.input.setFocus()
    qtbot.waitUntil(predict.input.hasFocus, timeout=5_000)
    with qtbot.waitSignal(predict.input.submitted, timeout=5_000):
        qtbot.keyClick(predict.input, key, Qt.KeyboardModifier.ControlModifier)
    assert trains == []
    assert "\n" not in predict.input.toPlainText()  # nor did it insert a line break


def test_ctrl_enter_elsewhere_still_asks_for_training(qtbot, window):
    trains = []
    window.state.train_requested.connect(lambda: trains.append(1))
    window.show_tab("train")
    epochs = window.train_tab.settings.epochs_spin
    epochs.setFocus()
    qtbot.waitUntil(epochs.hasFocus, timeout=5_000)
    # In a setting's spin box Ctrl+Enter is still Train (the user is editing the training).
    qtbot.keyClick(epochs, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert trains == [1]


def test_the_wheel_changes_a_setting_only_when_it_has_focus(qtbot, window):
    window.show_tab("train")
    settings = window.train_tab.settings
    settings.preset_combo.setCurrentText("Book (16-16)")
    epochs, activation = settings.epochs_spin, settings.activation_combo
    assert epochs.value() == 20
    settings.seed_spin.setFocus()  # another box has the focus, as after typing a seed
    qtbot.waitUntil(settings.seed_spin.hasFocus, timeout=5_000)
    for _ in range(6):
        _wheel(epochs)
        _wheel(activation)
    assert epochs.value() == 20
    assert activation.currentText() == "relu"
    assert settings.preset_combo.currentText() == "Book (16-16)"
    assert epochs.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not focus it

    epochs.setFocus()
    qtbot.waitUntil(epochs.hasFocus, timeout=5_000)
    _wheel(epochs, steps=-1)
    assert epochs.value() == 19  # focused: the wheel is the user's intent


def test_a_preset_reads_custom_once_any_setting_differs(window):
    settings = window.train_tab.settings
    settings.preset_combo.setCurrentText("Book (16-16)")
    assert settings.config().epochs == 20
    settings.epochs_spin.setValue(14)
    assert settings.preset_combo.currentText() == "Custom"
    settings.epochs_spin.setValue(20)
    assert settings.preset_combo.currentText() == "Book (16-16)"
    settings.batch_spin.setValue(256)
    assert settings.preset_combo.currentText() == "Custom"
    # Choosing a preset sets every one of its settings, so it reads as itself again.
    settings.preset_combo.setCurrentText("tanh activation")
    assert settings.preset_combo.currentText() == "tanh activation"
    assert settings.config().batch_size == 512 and settings.config().activation == "tanh"
    # The seed is not part of a preset's recipe.
    settings.seed_spin.setValue(7)
    assert settings.preset_combo.currentText() == "tanh activation"
