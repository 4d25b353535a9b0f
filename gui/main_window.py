"""The main window: tabs, menus and shortcuts, the first-run panel, background start-up.

The window paints before anything heavy happens; TensorFlow is imported and the dataset
loaded in workers started after the first paint. Tests inject a loaded dataset and a
RunStore so they never read the real archive.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QStackedWidget, QTabWidget, QWidget

from engine.model.config import ModelConfig
from gui.first_run import DatasetPanel
from gui.state import AppState
from gui.train.tab import TrainTab
from gui.workers import DataWorker, Job, warm_up_tensorflow

ORGANIZATION = "IMDB Sentiment Lab"
APPLICATION = "IMDB Sentiment Lab"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
# (key, object name, label, module, class) of the tabs other parts provide.
OTHER_TABS = [
    ("reviews", "reviews_tab", "Reviews", "gui.reviews.tab", "ReviewsTab"),
    ("predict", "predict_tab", "Predict", "gui.predict.tab", "PredictTab"),
    ("evaluation", "evaluation_tab", "Evaluation", "gui.evaluation.tab", "EvaluationView"),
    ("runs", "runs_tab", "Runs", "gui.runs.tab", "RunsTab"),
]


def configure_settings() -> None:
    """Use INI settings under ``IMDB_LAB_HOME`` when it is set, so tests never touch the user's."""
    home = os.environ.get("IMDB_LAB_HOME", "").strip()
    if home:
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home) / "settings")
        )


def settings() -> QSettings:
    """The app's settings (INI everywhere, so files are easy to inspect and reset)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("icon.svg", "icon.png"):
        if (RESOURCES / name).is_file():
            icon.addFile(str(RESOURCES / name))
    return icon


def _load_if_found(source, num_words: int, progress=None, cancel=None, **options):
    """The dataset, or None when there is none to load (first run: no error to show)."""
    from engine.data.loading import find_source, load_dataset
    from gui.reviews.table_model import folded_texts

    if source is None and find_source(None, num_words=num_words) is None:
        return None
    dataset = load_dataset(source, num_words=num_words, progress=progress, cancel=cancel, **options)
    folded_texts(
        dataset
    )  # the Reviews tab's search index, built here rather than on the GUI thread
    return dataset


class MainWindow(QMainWindow):
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
        self.setWindowTitle("IMDB Sentiment Lab")
        self.setWindowIcon(app_icon())
        self.state = state or AppState(self)
        self.store = store if store is not None else self._default_store()
        self.jobs: dict[str, Job] = {}
        self._painted = False
        self._warm_up = warm_up
        self._load_data = load_data and dataset is None
        self._data_source = data_source
        self._load_options = dict(load_options or {})  # e.g. expected_per_folder for tiny data
        self._downloaded_path: str | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.train_tab = TrainTab(self.state, store=self.store)
        self.tabs.addTab(self.train_tab, "Train")
        self.tab_keys = {"train": self.train_tab}
        for key, object_name, label, module, cls in OTHER_TABS:
            widget = self._make_tab(module, cls, label)
            widget.setObjectName(object_name)
            self.tabs.addTab(widget, label)
            self.tab_keys[key] = widget
        self.first_run = DatasetPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.first_run)
        self.setCentralWidget(self.stack)
        self.tf_label = QLabel("Loading TensorFlow...")
        self.tf_label.setObjectName("tensorflow_status_label")
        self.statusBar().addPermanentWidget(self.tf_label)
        self._make_actions()

        self.state.status_message.connect(self._show_status)
        self.state.show_tab.connect(self.show_tab)
        self.train_tab.reload_requested.connect(
            lambda n: self.load_dataset(self._current_source(), n)
        )
        self.train_tab.open_dataset_requested.connect(self.choose_dataset)
        self.first_run.download_requested.connect(self.download_dataset)
        self.first_run.open_requested.connect(lambda path: self.load_dataset(path, from_panel=True))
        self.first_run.cancel_requested.connect(lambda: self._stop_job("data"))

        self._restore_settings(train_overrides)
        if dataset is not None:
            self.state.set_dataset(dataset)
        if train_overrides is not None:
            self.train_tab.pending_train = True
        self._restore_last_model()
        self.installEventFilter(self)
        # Offscreen/slow platforms may never send a paint; start the background work anyway.
        # A child timer, not QTimer.singleShot(ms, bound method): that one still fires after
        # the window is deleted (tests close windows within 1.5 s) and crashes in Qt.
        self._background_timer = QTimer(self, singleShot=True)
        self._background_timer.timeout.connect(self._after_first_paint)
        self._background_timer.start(1500)

    # --- construction --------------------------------------------------------------------

    def _restore_last_model(self) -> None:
        """Reopening the app brings back the last finished model without retraining."""
        if self.store is None:
            return
        try:
            from gui.runs.tab import restore_last_model
            from gui.train.overlay import OverlayPainter

            plots = self.train_tab.plots
            self.overlay = OverlayPainter(plots.loss_plot, plots.accuracy_plot).connect(self.state)
            self.train_tab.show_run(restore_last_model(self.state, self.store))
        except Exception as exc:  # noqa: BLE001 - a damaged history must not stop the app
            self.state.status_message.emit(f"Could not restore the last model: {exc}")

    @staticmethod
    def _default_store():
        try:
            from engine.runs.history import RunStore

            return RunStore()
        except Exception as exc:  # noqa: BLE001 - the app still works without history
            print(f"Run history unavailable: {exc}")
            return None

    def _make_tab(self, module: str, cls: str, label: str) -> QWidget:
        try:
            factory = getattr(importlib.import_module(module), cls)
            if "store" in inspect.signature(factory).parameters:
                return factory(self.state, store=self.store)
            return factory(self.state)
        except Exception as exc:  # noqa: BLE001 - a broken tab must not take the window down
            placeholder = QLabel(f"The {label} tab is not available: {exc}")
            placeholder.setWordWrap(True)
            return placeholder

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open dataset...", self, objectName="open_dataset_action")
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_dataset)
        quit_action = QAction("&Quit", self, objectName="quit_action")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        train_menu = self.menuBar().addMenu("&Train")
        self.train_action = QAction("&Train", self, objectName="train_action")
        self.train_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.train_action.triggered.connect(self.train_tab.request_training)
        self.stop_action = QAction("&Stop", self, objectName="stop_action")
        self.stop_action.setShortcut(QKeySequence("Esc"))
        self.stop_action.triggered.connect(self.train_tab.stop_training)
        train_menu.addAction(self.train_action)
        train_menu.addAction(self.stop_action)
        view_menu = self.menuBar().addMenu("&View")
        for i, (key, label) in enumerate([("train", "Train"), *[(t[0], t[2]) for t in OTHER_TABS]]):
            action = QAction(label, self, objectName=f"view_{key}_action")
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_tab(k))
            view_menu.addAction(action)

    # --- start-up ------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
            self._background_timer.start(0)
        return super().eventFilter(obj, event)

    def _after_first_paint(self) -> None:
        if getattr(self, "_started_background", False):
            return
        self._started_background = True
        self.train_tab.plots.warm_up()
        if self._warm_up and not self.state.tf_ready:
            self._start_job(
                "tensorflow",
                DataWorker(warm_up_tensorflow, what="Loading TensorFlow"),
                self._tensorflow_ready,
                self._tensorflow_failed,
                None,
            )
            self.state.status_message.emit("Loading TensorFlow...")
        elif self.state.tf_ready:
            self.tf_label.setText("TensorFlow ready")
        if self._load_data:
            self.load_dataset(self._current_source(), self.train_tab.settings.config().num_words)

    def _tensorflow_ready(self, version) -> None:
        self.state.tf_ready = True
        self.tf_label.setText(f"TensorFlow {version} ready")
        self.state.tensorflow_ready.emit(None)
        self.state.status_message.emit("TensorFlow is ready.")

    def _tensorflow_failed(self, message: str) -> None:
        self.tf_label.setText("TensorFlow unavailable")
        self.state.tensorflow_ready.emit(message)
        self.state.status_message.emit(message)

    def _start_job(self, key: str, worker, on_finished, on_failed, on_progress) -> Job:
        job = Job(worker, key)
        worker.finished.connect(on_finished)
        worker.failed.connect(on_failed)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        job.thread.finished.connect(self._reap_jobs)
        self.jobs[key] = job
        return job.start()

    def _reap_jobs(self) -> None:
        """Forget jobs whose work is done, then start what was waiting for them."""
        for key, job in list(self.jobs.items()):
            if job.completed():
                job.wait(5000)  # the thread is only returning from its event loop
                del self.jobs[key]
        if self._downloaded_path and "data" not in self.jobs:
            path, self._downloaded_path = self._downloaded_path, None
            self.load_dataset(path, from_panel=True)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _stop_job(self, key: str) -> None:
        if key in self.jobs:
            self.jobs[key].stop()

    # --- dataset -------------------------------------------------------------------------

    def _current_source(self) -> str | None:
        if self._data_source:
            return self._data_source
        saved = settings().value("data/path", "", type=str)
        return saved if saved and Path(saved).exists() else None

    def load_dataset(
        self, source: str | None, num_words: int | None = None, from_panel: bool = False
    ) -> None:
        """Load (or prepare) the dataset in a worker; the first-run panel shows when none."""
        if "data" in self.jobs:
            return
        num_words = num_words or self.train_tab.settings.config().num_words
        self._loading_source = source
        if from_panel or self.stack.currentWidget() is self.first_run:
            self.first_run.set_busy(True, "Opening the dataset...")
        self.state.status_message.emit("Loading the dataset...")
        self._start_job(
            "data",
            DataWorker(
                _load_if_found, source, num_words, what="Loading the dataset", **self._load_options
            ),
            self._dataset_loaded,
            self._dataset_failed,
            self._dataset_progress,
        )

    def _dataset_progress(self, payload) -> None:
        fraction, message = payload
        self.first_run.set_progress(fraction, message)
        self.train_tab.show_dataset_progress(fraction, message)
        self.statusBar().showMessage(f"{message} ({fraction:.0%})")

    def _dataset_loaded(self, dataset) -> None:
        self.first_run.set_busy(False)
        if dataset is None:
            self.stack.setCurrentWidget(self.first_run)
            self.train_tab.dataset_label.setText("No dataset found.")
            self.state.status_message.emit("No dataset found: download it or open a copy.")
            return
        if self._loading_source:
            settings().setValue("data/path", str(Path(self._loading_source).resolve()))
            self._data_source = str(self._loading_source)
        self.stack.setCurrentWidget(self.tabs)
        self.state.set_dataset(dataset)
        self.state.status_message.emit(f"Dataset ready: {len(dataset):,} reviews.")

    def _dataset_failed(self, message: str) -> None:
        self.first_run.set_busy(False)
        self.train_tab.pending_train = False
        if not message:  # cancelled
            self.state.status_message.emit("Cancelled.")
            self.train_tab._dataset_changed(self.state.dataset)
            return
        if self.state.dataset is not None:
            self.train_tab._dataset_changed(self.state.dataset)
            self.train_tab._show_error(message)
        else:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.show_error(message)
        self.state.status_message.emit(message)

    def download_dataset(self) -> None:
        if "data" in self.jobs:
            return
        from engine.data.download import download_official

        self.first_run.set_busy(True, "Connecting to ai.stanford.edu...")
        self._start_job(
            "data",
            DataWorker(download_official, what="Downloading the dataset"),
            self._downloaded,
            self._dataset_failed,
            self._dataset_progress,
        )

    def _downloaded(self, path) -> None:
        # The download job is still finishing; _reap_jobs loads the archive once it has.
        self._downloaded_path = str(path)
        self._reap_jobs()

    def choose_dataset(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open the IMDB archive (or cancel to pick a folder)",
            "",
            "IMDB archive (*.tar.gz *.tgz);;All files (*)",
        )
        if not path:
            path = QFileDialog.getExistingDirectory(self, "Open the extracted aclImdb folder")
        if path:
            self.load_dataset(path, from_panel=self.stack.currentWidget() is self.first_run)

    # --- tabs, settings, closing ---------------------------------------------------------

    def show_tab(self, key: str) -> None:
        widget = self.tab_keys.get(key)
        if widget is not None:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(widget)

    def _restore_settings(self, overrides: dict | None) -> None:
        stored = settings()
        geometry = stored.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
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
        self.tabs.setCurrentIndex(stored.value("window/tab", 0, type=int))

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/tab", self.tabs.currentIndex())
        stored.setValue("train/config", self.train_tab.settings.config().to_json())
        stored.sync()

    def shutdown(self) -> bool:
        """Stop training and background work and join every thread; True when all ended."""
        ended = self.train_tab.shutdown(2000)
        for job in list(self.jobs.values()):
            job.stop()
        for job in list(self.jobs.values()):
            # Loading the dataset checks its cancel event between files; allow for a slow disk.
            ended = job.wait(60_000) and ended
        for widget in self.tab_keys.values():
            if widget is not self.train_tab and hasattr(widget, "shutdown"):
                widget.shutdown()
        return ended

    def closeEvent(self, event) -> None:
        self.save_settings()
        if self.train_tab.busy():
            self.statusBar().showMessage("Stopping training...")
        self.shutdown()
        event.accept()
