"""What the window keeps between runs (QSettings): geometry, last tab, Train form, model.

:func:`restore_window` and :func:`save_window` bring back and store the window's geometry,
the tab last shown and the Train tab's settings; a first start fits the window to the
screen (:func:`fit_to_screen`). :func:`saved_model` and :func:`remember_model` read and
write the model last used, which :func:`gui.runs.restore.restore_last_model` reopens.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from engine.model.config import ModelConfig
from gui.current_model import remembered
from gui.settings import settings
from gui.train.tab import TrainTab
from gui.window.lazy_tabs import LazyTabs


def fit_to_screen(window: QMainWindow) -> None:
    """First start: 1280×820, or the whole screen where that does not fit (a laptop)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or (room.width() >= 1280 and room.height() >= 820):
        window.resize(1280, 820)
        return
    window.setGeometry(room)
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def saved_config(overrides: dict | None) -> ModelConfig:
    """The Train tab's last settings (the defaults where none or damaged), with ``overrides``
    (from ``--train``) applied."""
    config = ModelConfig()
    try:
        saved = settings().value("train/config", "", type=str)
        if saved:
            config = ModelConfig.from_dict(json.loads(saved))
            config.validate()
    except (ValueError, TypeError):
        config = ModelConfig()
    if overrides:
        config = config.replace(**overrides)
    return config


def restore_window(
    window: QMainWindow, tabs: LazyTabs, train_tab: TrainTab, overrides: dict | None
) -> None:
    """Bring back the geometry (or fit a first window to the screen), the Train tab's
    settings with ``overrides`` and the tab last shown (see :meth:`LazyTabs.restoring`)."""
    stored = settings()
    geometry = stored.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window)
    train_tab.settings.set_config(saved_config(overrides))
    with tabs.restoring():
        tabs.tabs.setCurrentIndex(stored.value("window/tab", 0, type=int))


def save_window(window: QMainWindow, tabs: LazyTabs, train_tab: TrainTab) -> None:
    """Store the geometry, the current tab and the Train tab's settings."""
    stored = settings()
    stored.setValue("window/geometry", window.saveGeometry())
    stored.setValue("window/tab", tabs.tabs.currentIndex())
    stored.setValue("train/config", train_tab.settings.config().to_json())
    stored.sync()


def saved_model() -> dict | None:
    """The model last used, as :func:`remember_model` stored it (None when none or damaged)."""
    saved = settings().value("model/current", "", type=str)
    if not saved:
        return None
    try:
        last = json.loads(saved)
    except ValueError:
        return None
    return last if isinstance(last, dict) else None


def remember_model(model: object) -> None:
    """Store ``model`` (an :class:`gui.state.AppState` model) as the one last used."""
    value = remembered(model)
    if value is not None:
        stored = settings()
        stored.setValue("model/current", json.dumps(value))
        # Written at once, so a crash or a kill still relaunches with this model.
        stored.sync()
