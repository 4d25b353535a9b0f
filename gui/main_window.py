"""The main window: the tabs, the first-run panel, the status bar, settings and closing.

The window paints before anything heavy happens: the first paint shows the Train tab's
form, with placeholders for its plots and for the other four tabs (a restored last tab
shows its placeholder and is built first). Right after the paint the window loads the
dataset and builds the plots (pyqtgraph) and the other tabs one event-loop turn each
(:meth:`MainWindow._build_next`);
a tab that is asked for before (``window.tab_keys[key]``, View → Ctrl+1..5, a request
through the state) is built at once. Every tab reads the state when it is built.
:class:`gui.dataset.loading.DatasetLoader` warms up TensorFlow and loads the dataset in
the background. The tabs know only :class:`gui.state.AppState`; the window builds them,
wires the first-run panel and the menus (:mod:`gui.menus`) to the state, and on closing
cancels and joins every background task of every tab (:func:`gui.tasks.shutdown_tasks`).
Tests inject a loaded dataset and a RunStore so they never read the real archive.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.model.config import ModelConfig
from gui.book.features import BookFeatures
from gui.common.input_guards import EditorKeyGuard, WheelGuard, guard_wheel
from gui.common.translate import Retranslating
from gui.current_model import ModelLine, remembered
from gui.dataset.loading import DatasetLoader
from gui.dataset.panel import DatasetPanel
from gui.menus import TAB_KEYS, build_menus, retranslate_menus, tab_title
from gui.resources import resource
from gui.runs.restore import restore_last_model
from gui.settings import configure_settings, settings
from gui.state import AppState
from gui.tasks import shutdown_tasks
from gui.train.tab import TrainTab

log = logging.getLogger(__name__)


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


def _tab_class(key: str) -> Callable[[AppState], QWidget]:
    """The class of the tab ``key``, imported when the tab is first built (after the
    first paint, which the four tabs' modules would delay by about 0.3 s)."""
    if key == "reviews":
        from gui.reviews.tab import ReviewsTab

        return ReviewsTab
    if key == "predict":
        from gui.predict.tab import PredictTab

        return PredictTab
    if key == "evaluation":
        from gui.evaluation.tab import EvaluationView

        return EvaluationView
    if key == "runs":
        from gui.runs.tab import RunsTab

        return RunsTab
    raise KeyError(key)


class TabsByKey(Mapping[str, QWidget]):
    """``window.tab_keys``: every tab by its key (:data:`gui.menus.TAB_KEYS`); looking one
    up builds it if the window has not yet."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        return self._window.tab(key)

    def __iter__(self) -> Iterator[str]:
        return iter(TAB_KEYS)

    def __len__(self) -> int:
        return len(TAB_KEYS)


class MainWindow(Retranslating, QMainWindow):
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
        self._built: dict[str, QWidget] = {"train": self.train_tab}
        self._in_tabs: dict[str, QWidget] = {}  # the tab or its placeholder, as in self.tabs
        self.tab_keys = TabsByKey(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        for key in TAB_KEYS:
            widget = self._built[key] if key in self._built else QWidget()
            widget.setObjectName(widget.objectName() or f"{key}_placeholder")
            self._in_tabs[key] = widget
            self.tabs.addTab(widget, "")
        # The tab being shown is always built (a restored last tab, a click, Ctrl+1..5).
        self.tabs.currentChanged.connect(self._current_tab_changed)
        self._build_queue = ["plots", *(key for key in TAB_KEYS if key not in self._built)]
        self._restoring_tab = False
        self._build_timer = QTimer(self, singleShot=True)
        self._build_timer.timeout.connect(self._build_next)
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
        state_.filter_requested.connect(lambda f: self._deliver("reviews", "apply_filter", f))
        state_.review_requested.connect(lambda r: self._deliver("reviews", "select_review", r))
        self.first_run.download_requested.connect(self.download_dataset)
        self.first_run.open_requested.connect(self.open_dataset)
        self.first_run.cancel_requested.connect(self.loader.cancel)
        # The book's menus (Keras code, model files, Help) and the Keras copy's panel choices.
        self.book = BookFeatures(self)
        guard_wheel(self, self.wheel_guard)

        self._restore_settings(train_overrides)
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
        for key in TAB_KEYS:
            self.tabs.setTabText(self.tabs.indexOf(self._in_tabs[key]), tab_title(key))
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
            last = None
            saved = settings().value("model/current", "", type=str)
            if saved:
                try:
                    last = json.loads(saved)
                except ValueError:
                    last = None
            self._restoring = True
            try:
                run = restore_last_model(
                    self.state, self.store, last if isinstance(last, dict) else None
                )
            finally:
                self._restoring = False
            self.train_tab.show_run(run)
        except Exception as exc:  # noqa: BLE001 - a damaged history must not stop the app
            log.warning("Could not restore the last model", exc_info=True)
            self.state.status_message.emit(
                self.tr("Could not restore the last model: %1").replace("%1", str(exc))
            )

    def _remember_model(self, model) -> None:
        # Written at once, so a crash or a kill still relaunches with this model.
        if getattr(self, "_restoring", False):
            return
        value = remembered(model)
        if value is not None:
            stored = settings()
            stored.setValue("model/current", json.dumps(value))
            stored.sync()

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
        self._build_timer.start(0)

    def _build_next(self) -> None:
        """Build the next of the plots and the tabs not built yet, one per event-loop turn."""
        while self._build_queue:
            key = self._build_queue.pop(0)
            if key == "plots":
                if not self.train_tab.plots_built():
                    self.train_tab.plots.warm_up()
                    break
            elif key not in self._built:
                self.tab(key)
                break
        if self._build_queue:
            self._build_timer.start(0)

    # --- tabs built on demand --------------------------------------------------------------

    def tab(self, key: str) -> QWidget:
        """The tab ``key`` (one of :data:`gui.menus.TAB_KEYS`), built now if it was not yet.

        Raises:
            KeyError: ``key`` is not a tab's key.
        """
        built = self._built.get(key)
        if built is not None:
            return built
        widget = _tab_class(key)(self.state)
        self._built[key] = widget
        guard_wheel(widget, self.wheel_guard)
        # In the placeholder's place, with the same tab current and no currentChanged in
        # between (which would build the neighbour the removal makes current).
        placeholder = self._in_tabs[key]
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, tab_title(key))
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        self._in_tabs[key] = widget
        placeholder.deleteLater()
        return widget

    def tab_built(self, key: str) -> bool:
        return key in self._built

    def _current_tab_changed(self, index: int) -> None:
        for key, widget in self._in_tabs.items():
            if self.tabs.indexOf(widget) == index:
                if self._restoring_tab and key not in self._built:
                    self._build_queue.remove(key)
                    self._build_queue.insert(0, key)
                else:
                    self.tab(key)
                return

    def _deliver(self, key: str, method: str, payload) -> None:
        # A tab built now missed this emission (Qt calls no slot connected during it).
        if key not in self._built:
            getattr(self.tab(key), method)(payload)

    def _tensorflow_ready(self, error) -> None:
        self._set_tf_status("ready" if error is None else "unavailable")

    def _show_status(self, text: str, timeout: int = 15_000) -> None:
        """A status-bar message, elided before the TensorFlow label (full text as tooltip)."""
        bar = self.statusBar()
        room = bar.width() - self.tf_label.sizeHint().width() - 40
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 80))
        bar.setToolTip(text if shown != text else "")
        bar.showMessage(shown, timeout)

    # --- dataset -------------------------------------------------------------------------

    def load_dataset(
        self, source: str | None, num_words: int | None = None, from_panel: bool = False, **own
    ) -> None:
        """Load (or prepare) the dataset in the background; the first-run panel shows when none.

        ``own``: ``test_source`` and ``own_options`` for your own reviews.
        """
        if self.loader.loading():
            return
        num_words = num_words or self.train_tab.settings.config().num_words
        if from_panel or self.stack.currentWidget() is self.first_run:
            self.first_run.set_busy(True, self.tr("Opening the dataset..."))
        self.loader.load(source, num_words, **own)

    def download_dataset(self) -> None:
        if self.loader.download():
            self.first_run.set_busy(
                True, self.tr("Connecting to %1...").replace("%1", "ai.stanford.edu")
            )

    def choose_dataset(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the IMDB archive or your own reviews (or cancel to pick a folder)"),
            "",
            self.tr("IMDB archive or reviews")
            + " (*.tar.gz *.tgz *.tsv *.csv *.txt *.jsonl *.ndjson *.json);;"
            + self.tr("All files")
            + " (*)",
        )
        if not path:
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Open the extracted aclImdb folder, or a folder with pos/ and neg/")
            )
        if path:
            self.open_dataset(path)

    def open_dataset(self, path: str) -> None:
        """Open ``path``; your own reviews in a file go through the column and test-file dialog."""
        # Here, not at the top: the readers of your own files import numpy and the archive
        # reader, which the first paint does not need.
        from engine.data.own_files import OwnOptions, is_own_source
        from gui.dataset.own_data_dialog import OwnDataDialog

        own: dict = {}
        if Path(path).is_file() and is_own_source(Path(path)):
            dialog = OwnDataDialog(path, self)
            if dialog.exec() != OwnDataDialog.DialogCode.Accepted:
                return
            path, test, options = dialog.selection()
            own = {"test_source": test, "own_options": options}
        elif Path(path).is_dir() and is_own_source(Path(path)):
            own = {"own_options": OwnOptions()}
        self.load_dataset(path, from_panel=self.stack.currentWidget() is self.first_run, **own)

    def _dataset_progress(self, payload) -> None:
        fraction, message = payload
        self.first_run.set_progress(fraction, message)
        percent = QLocale().toString(round(fraction * 100))
        self._show_status(self.tr("%1 (%2%)").replace("%1", message).replace("%2", percent), 0)

    def _dataset_changed(self, dataset) -> None:
        if dataset is not None:
            self.first_run.set_busy(False)
            self.stack.setCurrentWidget(self.tabs)

    def _dataset_missing(self) -> None:
        self.first_run.set_busy(False)
        self.stack.setCurrentWidget(self.first_run)

    def _dataset_failed(self, message: str) -> None:
        self.first_run.set_busy(False)
        if message and self.state.dataset is None:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.show_error(message)

    # --- tabs, settings, closing ---------------------------------------------------------

    def show_tab(self, key: str) -> None:
        widget = self.tab(key) if key in TAB_KEYS else None
        if widget is not None:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(widget)

    def _fit_to_screen(self) -> None:
        """First start: 1280×820, or the whole screen where that does not fit (a laptop)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or (room.width() >= 1280 and room.height() >= 820):
            self.resize(1280, 820)
            return
        self.setGeometry(room)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _restore_settings(self, overrides: dict | None) -> None:
        stored = settings()
        geometry = stored.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        config = ModelConfig()
        try:
            saved = stored.value("train/config", "", type=str)
            if saved:
                config = ModelConfig.from_dict(json.loads(saved))
                config.validate()
        except (ValueError, TypeError):
            config = ModelConfig()
        if overrides:
            config = config.replace(**overrides)
        self.train_tab.settings.set_config(config)
        # The last tab shown comes back as it was; one not built yet shows its placeholder
        # at the first paint and is the first thing built after it (building the Reviews
        # tab first would delay the paint by about 0.3 s).
        self._restoring_tab = True
        try:
            self.tabs.setCurrentIndex(stored.value("window/tab", 0, type=int))
        finally:
            self._restoring_tab = False

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/tab", self.tabs.currentIndex())
        stored.setValue("train/config", self.train_tab.settings.config().to_json())
        stored.sync()

    def shutdown(self) -> bool:
        """Cancel training and every background task of every tab and join them all.

        Returns True when every thread has ended.
        """
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A close right after the first paint (SIGTERM, Ctrl+C) must not start background work.
        self._background_timer.stop()
        self._build_timer.stop()
        self._build_queue.clear()
        self._started_background = True
        self.save_settings()
        if self.train_tab.busy():
            self.statusBar().showMessage(self.tr("Stopping training..."))
        self.shutdown()
        self.book.shutdown()
        event.accept()
