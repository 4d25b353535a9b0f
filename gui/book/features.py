"""The book's features wired into the main window: menus, the Keras copy, model files.

:class:`BookFeatures` adds File → Change dataset..., Show the Keras code...,
Open model file..., Export model..., Export Keras model (.keras)... and the Help menu's
guide, glossary and About, and connects the dataset panel's Keras choices to the window's
:class:`gui.dataset.loading.DatasetLoader`. It holds the one child process the window may run for
the ``.keras`` export, stopped on close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.book.keras_source import KERAS_SOURCE, dataset_source, own_record

if TYPE_CHECKING:
    from gui.book.model_files import KerasExport

# The dialogs and model files (numpy, the model layer, the help texts) are imported when an
# action is first used: this object is built before the window's first paint.


def _menu(window: QMainWindow, name: str) -> QMenu:
    """The menu named ``name`` (its object name: titles change with the language)."""
    menu = window.menuBar().findChild(QMenu, name)
    if menu is None:
        menu = window.menuBar().addMenu("")
        menu.setObjectName(name)
    return menu


class BookFeatures(QObject):
    """Installs the book's actions on ``window`` (a :class:`gui.main_window.MainWindow`)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self._exporter: KerasExport | None = None
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        panel = window.first_run
        panel.keras_open_requested.connect(self.load_keras_copy)
        panel.keras_download_requested.connect(self.download_keras_copy)
        panel.back_requested.connect(self.back_to_tabs)
        window.train_tab.settings.code_requested.connect(self.show_code)
        self.state.change_dataset_requested.connect(self.change_dataset)
        self.state.dataset_changed.connect(self._dataset_changed)
        self.state.dataset_failed.connect(self._dataset_failed)

    @property
    def exporter(self) -> KerasExport:
        """The child process for the ``.keras`` export (created on first use)."""
        if self._exporter is None:
            from gui.book.model_files import KerasExport

            self._exporter = KerasExport(self.state, self)
        return self._exporter

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self.window, objectName=name)
        action.triggered.connect(lambda _=False: slot())
        self.actions[name] = action
        return action

    def _build_menus(self) -> None:
        file_menu = _menu(self.window, "file_menu")
        quit_action = next(
            (a for a in file_menu.actions() if a.objectName() == "quit_action"), None
        )
        items = [
            self._action("change_dataset_action", self.change_dataset),
            None,
            self._action("show_keras_code_action", self.show_code),
            None,
            self._action("open_model_action", self.open_model_file),
            self._action("export_model_action", self.export_model),
            self._action("export_keras_action", self.export_keras),
            None,
        ]
        for item in items:
            if item is None:
                file_menu.insertSeparator(quit_action) if quit_action else file_menu.addSeparator()
            elif quit_action is not None:
                file_menu.insertAction(quit_action, item)
            else:
                file_menu.addAction(item)
        help_menu = _menu(self.window, "help_menu")
        first = help_menu.actions()[0] if help_menu.actions() else None
        for item in (
            self._action("help_guide_action", self.show_guide),
            self._action("help_glossary_action", self.show_glossary),
            self._action("about_action", self.show_about),
        ):
            help_menu.insertAction(first, item) if first else help_menu.addAction(item)
        if first is not None:
            help_menu.insertSeparator(first)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the actions' texts in the current language (the window calls it on a switch)."""
        texts = {
            "change_dataset_action": self.tr("C&hange dataset..."),
            "show_keras_code_action": self.tr("Show the &Keras code..."),
            "open_model_action": self.tr("Open &model file..."),
            "export_model_action": self.tr("&Export model..."),
            "export_keras_action": self.tr("Export Keras model (.&keras)..."),
            "help_guide_action": self.tr("The section, &step by step"),
            "help_glossary_action": self.tr("&Glossary"),
            "about_action": self.tr("&About IMDB Sentiment Lab"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)

    # --- Help ----------------------------------------------------------------------------

    def show_guide(self) -> None:
        from gui.help.dialogs import help_dialog

        help_dialog(self.window).show_guide()

    def show_glossary(self) -> None:
        from gui.help.dialogs import help_dialog

        help_dialog(self.window).show_term(None)

    def show_about(self) -> None:
        from gui.help.dialogs import show_about

        show_about(self.window)

    # --- the Keras code ------------------------------------------------------------------

    def show_code(self):
        from gui.book.code_dialog import show_keras_code

        config = self.window.train_tab.settings.config()
        record = own_record(self.state.dataset)
        source = "own" if record else dataset_source(self.state.dataset)
        return show_keras_code(config, source, self.window, own_record=record)

    # --- the dataset's source ------------------------------------------------------------

    def change_dataset(self) -> None:
        """Show the dataset panel, with the way back to the tabs while a dataset is loaded."""
        panel = self.window.first_run
        panel.set_source(dataset_source(self.state.dataset))
        panel.set_back_visible(self.state.dataset is not None)
        panel.show_error("")
        self.window.stack.setCurrentWidget(panel)

    def back_to_tabs(self) -> None:
        if self.state.dataset is not None:
            self.window.stack.setCurrentWidget(self.window.tabs)

    def load_keras_copy(self) -> None:
        self.window.load_dataset(KERAS_SOURCE, from_panel=True)

    def download_keras_copy(self) -> None:
        if self.window.loader.download_keras():
            self.window.first_run.set_busy(
                True, self.tr("Connecting to %1...").replace("%1", "storage.googleapis.com")
            )

    def _dataset_changed(self, dataset) -> None:
        self.window.first_run.set_back_visible(dataset is not None)

    def _dataset_failed(self, message) -> None:
        panel = self.window.first_run
        if getattr(self.window.loader, "_loading_source", None) == KERAS_SOURCE:
            panel.set_source("keras")  # the Keras copy failed: show its choices with the error
        if message and self.window.stack.currentWidget() is panel:
            panel.show_error(message)

    # --- model files ---------------------------------------------------------------------

    def open_model_file(self) -> bool:
        from gui.book import model_files

        return model_files.choose_and_open_model(self.state, self.window)

    def export_model(self):
        from gui.book import model_files

        return model_files.export_model(self.state, self.window)

    def export_keras(self) -> bool:
        from gui.book import model_files

        return model_files.export_keras_model(self.state, self.window, self.exporter)

    def shutdown(self) -> None:
        if self._exporter is not None:
            self._exporter.stop()
