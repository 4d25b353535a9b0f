"""The window's menu bar: File, Train, View and Help, with their shortcuts.

Every action only emits an :class:`gui.state.AppState` request (or closes the window), so
the menus know no tab.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow

from engine.paths import logs_dir
from gui.state import AppState

# (key, label) of the tabs, in order: View > label is Ctrl+1, Ctrl+2, ...
TABS = [
    ("train", "Train"),
    ("reviews", "Reviews"),
    ("predict", "Predict"),
    ("evaluation", "Evaluation"),
    ("runs", "Runs"),
]


def open_log_folder() -> bool:
    """Show the folder with the app's log files in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs_dir())))


def build_menus(window: QMainWindow, state: AppState) -> dict[str, QAction]:
    """Add the menus to ``window``; returns the actions by object name."""
    actions: dict[str, QAction] = {}

    def action(name: str, text: str, slot, *shortcuts: QKeySequence) -> QAction:
        item = QAction(text, window, objectName=name)
        if shortcuts:
            item.setShortcuts(list(shortcuts))
        item.triggered.connect(slot)
        actions[name] = item
        return item

    menu = window.menuBar().addMenu("&File")
    menu.addAction(
        action(
            "open_dataset_action",
            "&Open dataset...",
            state.open_dataset_requested,
            QKeySequence(QKeySequence.StandardKey.Open),
        )
    )
    menu.addSeparator()
    menu.addAction(action("quit_action", "&Quit", window.close, QKeySequence("Ctrl+Q")))

    menu = window.menuBar().addMenu("&Train")
    menu.addAction(
        action(
            "train_action",
            "&Train",
            state.train_requested,
            QKeySequence("Ctrl+Return"),
            QKeySequence("Ctrl+Enter"),
        )
    )
    menu.addAction(action("stop_action", "&Stop", state.stop_requested, QKeySequence("Esc")))

    menu = window.menuBar().addMenu("&View")
    for i, (key, label) in enumerate(TABS):
        menu.addAction(
            action(
                f"view_{key}_action",
                label,
                lambda _=False, k=key: state.show_tab.emit(k),
                QKeySequence(f"Ctrl+{i + 1}"),
            )
        )

    menu = window.menuBar().addMenu("&Help")
    menu.addAction(action("open_log_folder_action", "Open &log folder", open_log_folder))
    return actions
