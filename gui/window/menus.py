"""The window's menu bar: File, Train, View and Help, with their shortcuts.

Every action only emits an :class:`gui.state.AppState` request (or closes the window), so
the menus know no tab. View → Language switches the interface language at once
(:mod:`gui.i18n`); :func:`retranslate_menus` sets every text, again on each switch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow

from engine.paths import logs_dir
from gui import i18n
from gui.state import AppState

# The tabs' keys, in order: View > tab is Ctrl+1, Ctrl+2, ...
TAB_KEYS = ["train", "reviews", "predict", "evaluation", "runs"]


def tab_title(key: str) -> str:
    """The tab's title in the current language (also its View menu entry)."""
    titles = {
        "train": QCoreApplication.translate("Tabs", "Train"),
        "reviews": QCoreApplication.translate("Tabs", "Reviews"),
        "predict": QCoreApplication.translate("Tabs", "Predict"),
        "evaluation": QCoreApplication.translate("Tabs", "Evaluation"),
        "runs": QCoreApplication.translate("Tabs", "Runs"),
    }
    return titles[key]


def open_log_folder() -> bool:
    """Show the folder with the app's log files in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs_dir())))


def retranslate_menus(actions: dict[str, QAction]) -> None:
    """Set the texts of the menus and actions :func:`build_menus` made, in the current language."""

    translate = QCoreApplication.translate
    texts = {
        "file_menu": translate("Menus", "&File"),
        "open_dataset_action": translate("Menus", "&Open dataset..."),
        "quit_action": translate("Menus", "&Quit"),
        "train_menu": translate("Menus", "&Train"),
        "train_action": translate("Menus", "&Train"),
        "stop_action": translate("Menus", "&Stop"),
        "view_menu": translate("Menus", "&View"),
        "language_menu": translate("Menus", "&Language"),
        "help_menu": translate("Menus", "&Help"),
        "open_log_folder_action": translate("Menus", "Open &log folder"),
    }
    for key in TAB_KEYS:
        texts[f"view_{key}_action"] = tab_title(key)
    for name, text in texts.items():
        if name in actions:
            actions[name].setText(text)
    for code, _name in i18n.LANGUAGES:
        item = actions.get(f"language_{code}_action")
        if item is not None:
            item.setChecked(code == i18n.current_language())


def build_menus(window: QMainWindow, state: AppState) -> dict[str, QAction]:
    """Add the menus to ``window``; returns the actions by object name.

    Each menu's own action is there too (``file_menu``, ``train_menu``, ``view_menu``,
    ``language_menu``, ``help_menu``; ``action.menu()`` is the menu).
    """
    actions: dict[str, QAction] = {}

    def action(name: str, slot, *shortcuts: QKeySequence) -> QAction:
        item = QAction(window, objectName=name)
        if shortcuts:
            item.setShortcuts(list(shortcuts))
        item.triggered.connect(slot)
        actions[name] = item
        return item

    def menu_of(bar_or_menu, name: str):
        menu = bar_or_menu.addMenu(name)
        menu.setObjectName(name)
        actions[name] = menu.menuAction()
        return menu

    bar = window.menuBar()
    menu = menu_of(bar, "file_menu")
    menu.addAction(
        action(
            "open_dataset_action",
            state.open_dataset_requested,
            QKeySequence(QKeySequence.StandardKey.Open),
        )
    )
    menu.addSeparator()
    menu.addAction(action("quit_action", window.close, QKeySequence("Ctrl+Q")))

    menu = menu_of(bar, "train_menu")
    menu.addAction(
        action(
            "train_action",
            state.train_requested,
            QKeySequence("Ctrl+Return"),
            QKeySequence("Ctrl+Enter"),
        )
    )
    menu.addAction(action("stop_action", state.stop_requested, QKeySequence("Esc")))

    menu = menu_of(bar, "view_menu")
    for i, key in enumerate(TAB_KEYS):
        menu.addAction(
            action(
                f"view_{key}_action",
                lambda _=False, k=key: state.show_tab.emit(k),
                QKeySequence(f"Ctrl+{i + 1}"),
            )
        )
    menu.addSeparator()
    languages = menu_of(menu, "language_menu")
    group = QActionGroup(window)
    group.setExclusive(True)
    for code, name in i18n.LANGUAGES:
        # Each language is named in itself, so it can be found whatever is shown now.
        item = action(f"language_{code}_action", lambda _=False, c=code: _switch(window, c))
        item.setText(name)
        item.setCheckable(True)
        group.addAction(item)
        languages.addAction(item)

    menu = menu_of(bar, "help_menu")
    menu.addAction(action("open_log_folder_action", open_log_folder))
    retranslate_menus(actions)
    return actions


def _switch(window: QMainWindow, language: str) -> None:
    """View → Language: install ``language`` now and remember it (Qt retranslates every widget)."""
    if language != i18n.current_language() or i18n.saved_language() != language:
        i18n.switch_language(language)
    i18n.show_font_note(window)
