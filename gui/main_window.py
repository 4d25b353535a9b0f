"""The main window: its construction, the first-run panel, the status bar, menus and closing.

:class:`MainWindow` paints before anything heavy happens: the first paint shows the Train
tab's form, with placeholders for its plots and for the other four tabs, which
:class:`gui.window.lazy_tabs.LazyTabs` builds right after the paint (or at once when asked for:
``window.tab_keys[key]``, ``window.tab(key)``, View → Ctrl+1..5, a request through the
state). :class:`gui.dataset.loading.DatasetLoader` warms up TensorFlow and loads the dataset
in the background; :class:`gui.dataset.window_actions.DatasetActions` (a mixin) switches
between the tabs and the dataset panel. :mod:`gui.window.window_state` restores and saves the
geometry, the last tab, the Train form and the model last used. The tabs know only
:class:`gui.state.AppState`; the window builds them, wires the first-run panel and the menus
(:mod:`gui.window.menus`) to the state, and on closing cancels and joins every background task of
every tab (:func:`gui.tasks.shutdown_tasks`). Tests inject a loaded dataset and a RunStore
so they never read the real archive.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.book.features import BookFeatures
from gui.common.input_guards import EditorKeyGuard, WheelGuard, guard_wheel
from gui.common.translate import Retranslating
from gui.current_model import ModelLine
from gui.dataset.loading import DatasetLoader
from gui.dataset.panel import DatasetPanel
from gui.dataset.window_actions import DatasetActions
from gui.resources import resource
from gui.runs.restore import restore_last_model
from gui.settings import configure_settings
from gui.state import AppState
from gui.tasks import shutdown_tasks
from gui.train.tab import TrainTab
from gui.window.lazy_tabs import LazyTabs, TabsByKey
from gui.window.menus import TAB_KEYS, build_menus, retranslate_menus
from gui.window.window_state import remember_model, restore_window, save_window, saved_model

log = logging.getLogger(__name__)
GUI_SWITCH_INTERVAL_S = 0.001  # see MainWindow.__init__


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("icon.svg", "icon.png"):
        path = resource(name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def default_store():
    """The user's run history, or None when it cannot be opened (the app works without)."""
    try:
        from engine.runs.history import RunStore

        return RunStore()
    except Exception:  # noqa: BLE001 - the app still works without history
        log.warning("Run history unavailable", exc_info=True)
        return None


class MainWindow(DatasetActions, Retranslating, QMainWindow):
    """The window. ``dataset``/``store``/``load_options`` let tests inject what they need;
    ``train_overrides`` (from ``--train``) set the form and start training once ready."""

    first_painted = Signal()

    def __init__(
        self,
        state: AppState | None = None,
        *,
        dataset=None,
        store=None,
        data_source: str | None = None,
        train_overrides: dict | None = None,
        warm_up: bool = True,
        load_data: bool = True,
        load_options: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        configure_settings()
        # The GUI thread gives the GIL up around every Qt call and then waits for it; with
        # Python's default 5 ms switch interval, a worker thread busy in Python (reading a
        # training event off the pipe, rescoring reviews) made an epoch's plot paint wait
        # up to 130 ms in 5 ms steps. 1 ms keeps the window's pauses short.
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        if state is None:
            state = AppState(self, store=store if store is not None else default_store())
        elif store is not None:
            state.store = store
        self.state = state
        self.store = state.store
        self._painted = False
        self._started_background = False
        self._warm_up = warm_up
        self._load_data = load_data and dataset is None

        self.loader = DatasetLoader(
            self.state,
            lambda: self.train_tab.settings.config().num_words,
            data_source=data_source,
            load_options=load_options,
            parent=self,
        )
        if warm_up and not self.state.tf_ready:
            # The training process loads TensorFlow on the other core while this one
            # builds and paints the window (it used to start after the first paint).
            self.loader.warm_up()
        self.wheel_guard = WheelGuard(self)
        # The Train tab is built now; the others are placeholders until built (see the
        # module docstring). A tab that fails to build stops the window (or the test).
        self.train_tab = TrainTab(self.state)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.lazy_tabs = LazyTabs(self.tabs, self.state, self.train_tab, self.wheel_guard, self)
        self.tab_keys = TabsByKey(self.lazy_tabs)
        self.first_run = DatasetPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.first_run)
        # One line above every tab names the model they all use.
        self.model_line = ModelLine(self.state)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.model_line)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.stack.currentChanged.connect(
            lambda _i: self.model_line.setVisible(self.stack.currentWidget() is self.tabs)
        )
        self._tf_status = "loading"  # "loading", "ready" or "unavailable" (see _tf_text)
        self.tf_label = QLabel()
        self.tf_label.setObjectName("tensorflow_status_label")
        # Space between a long message and this label: the two ran into each other.
        self.tf_label.setContentsMargins(12, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.tf_label)
        self.actions_by_name = build_menus(self, self.state)
        self.train_action = self.actions_by_name["train_action"]
        self.stop_action = self.actions_by_name["stop_action"]
        # Train's Ctrl+Enter never fires from a text editor (the Predict box uses it), and
        # a wheel over an unfocused spin box or combo box scrolls instead of changing it.
        self.key_guard = EditorKeyGuard(self.train_action.shortcuts(), self).install()

        state_ = self.state
        state_.status_message.connect(self._show_status)
        state_.show_tab.connect(self.show_tab)
        state_.dataset_requested.connect(
            lambda n: self.load_dataset(self.loader.current_source(), n)
        )
        state_.open_dataset_requested.connect(self.choose_dataset)
        state_.dataset_progress.connect(self._dataset_progress)
        state_.dataset_changed.connect(self._dataset_changed)
        state_.dataset_missing.connect(self._dataset_missing)
        state_.dataset_failed.connect(self._dataset_failed)
        state_.tensorflow_ready.connect(self._tensorflow_ready)
        state_.model_changed.connect(self._remember_model)
        # Requests to the Reviews tab before it is built: build it and hand them over.
        state_.filter_requested.connect(
            lambda f: self.lazy_tabs.deliver("reviews", "apply_filter", f)
        )
        state_.review_requested.connect(
            lambda r: self.lazy_tabs.deliver("reviews", "select_review", r)
        )
        self.first_run.download_requested.connect(self.download_dataset)
        self.first_run.open_requested.connect(self.open_dataset)
        self.first_run.cancel_requested.connect(self.loader.cancel)
        # The book's menus (Keras code, model files, Help) and the Keras copy's panel choices.
        self.book = BookFeatures(self)
        guard_wheel(self, self.wheel_guard)

        restore_window(self, self.lazy_tabs, self.train_tab, train_overrides)
        if dataset is not None:
            self.state.set_dataset(dataset)
        if train_overrides is not None:
            self.state.train_requested.emit()  # starts once TensorFlow and the data are ready
        self._restore_last_model()
        self.retranslate()
        self.installEventFilter(self)
        # Offscreen/slow platforms may never send a paint; start the background work anyway.
        # A child timer, not QTimer.singleShot(ms, bound method): that one still fires after
        # the window is deleted (tests close windows within 1.5 s) and crashes in Qt.
        self._background_timer = QTimer(self, singleShot=True)
        self._background_timer.timeout.connect(self._after_first_paint)
        self._background_timer.start(1500)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("IMDB Sentiment Lab"))
        self.lazy_tabs.retranslate()
        self.tf_label.setText(self._tf_text())
        retranslate_menus(self.actions_by_name)
        self.book.retranslate()

    def _tf_text(self) -> str:
        if self._tf_status == "ready":
            version = self.loader.tf_version
            return (
                self.tr("TensorFlow %1 ready").replace("%1", version)
                if version
                else (self.tr("TensorFlow ready"))
            )
        if self._tf_status == "unavailable":
            return self.tr("TensorFlow unavailable")
        return self.tr("Loading TensorFlow...")

    def _set_tf_status(self, status: str) -> None:
        self._tf_status = status
        self.tf_label.setText(self._tf_text())

    # --- construction --------------------------------------------------------------------

    def _restore_last_model(self) -> None:
        """Reopening the app brings back the model last used, without retraining."""
        if self.store is None:
            return
        try:
            last = saved_model()
            self._restoring = True
            try:
                run = restore_last_model(self.state, self.store, last)
            finally:
                self._restoring = False
            self.train_tab.show_run(run)
        except Exception as exc:  # noqa: BLE001 - a damaged history must not stop the app
            log.warning("Could not restore the last model", exc_info=True)
            self.state.status_message.emit(
                self.tr("Could not restore the last model: %1").replace("%1", str(exc))
            )

    def _remember_model(self, model) -> None:
        # A model being restored came from the settings or the history: nothing to write.
        if not getattr(self, "_restoring", False):
            remember_model(model)

    # --- start-up ------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
            self._background_timer.start(0)
        return super().eventFilter(obj, event)

    def _after_first_paint(self) -> None:
        if self._started_background:
            return
        self._started_background = True
        if self.state.tf_ready:
            self._set_tf_status("ready")
        if self._load_data:
            self.load_dataset(self.loader.current_source())
        self.lazy_tabs.start()

    # --- tabs built on demand (gui.window.lazy_tabs) ----------------------------------------------

    def tab(self, key: str) -> QWidget:
        """The tab ``key`` (one of :data:`gui.window.menus.TAB_KEYS`), built now if it was not yet.

        Raises:
            KeyError: ``key`` is not a tab's key.
        """
        return self.lazy_tabs.tab(key)

    def tab_built(self, key: str) -> bool:
        return self.lazy_tabs.tab_built(key)

    # --- status bar ----------------------------------------------------------------------

    def _tensorflow_ready(self, error) -> None:
        self._set_tf_status("ready" if error is None else "unavailable")

    def _show_status(self, text: str, timeout: int = 15_000) -> None:
        """A status-bar message, elided before the TensorFlow label (full text as tooltip)."""
        bar = self.statusBar()
        room = bar.width() - self.tf_label.sizeHint().width() - 40
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 80))
        bar.setToolTip(text if shown != text else "")
        bar.showMessage(shown, timeout)

    # --- tabs, settings, closing ---------------------------------------------------------

    def show_tab(self, key: str) -> None:
        widget = self.tab(key) if key in TAB_KEYS else None
        if widget is not None:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(widget)

    def save_settings(self) -> None:
        """Store the geometry, the current tab and the Train tab's settings (gui.window.window_state)."""
        save_window(self, self.lazy_tabs, self.train_tab)

    def shutdown(self) -> bool:
        """Cancel training and every background task of every tab and join them all.

        Returns True when every thread has ended.
        """
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A close right after the first paint (SIGTERM, Ctrl+C) must not start background work.
        self._background_timer.stop()
        self.lazy_tabs.stop()
        self._started_background = True
        self.save_settings()
        if self.train_tab.busy():
            self.statusBar().showMessage(self.tr("Stopping training..."))
        self.shutdown()
        self.book.shutdown()
        event.accept()
