"""Start-up work in the background: loading or downloading the dataset, warming up TensorFlow.

:class:`DatasetLoader` runs each as a :class:`gui.tasks.TaskRunner` task and reports only
through :class:`gui.state.AppState`: ``dataset_progress``, ``set_dataset``,
``dataset_missing``, ``dataset_failed``, ``tensorflow_ready`` and ``status_message``. It
touches no widget; the window and the tabs react to those signals.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from engine.errors import Cancelled
from engine.service.process import shared_service
from gui.book.keras_source import KERAS_SOURCE, download_keras_for_window, load_keras_for_window
from gui.settings import settings
from gui.state import AppState
from gui.tasks import Task, TaskRunner, error_text


def offline_text() -> str:
    """What the first-run panel shows beside its "Open archive or folder..." button."""
    return QCoreApplication.translate(
        "DatasetLoader",
        "The download failed because there is no network connection. Connect and press "
        "“Download dataset” again, or, if you have the archive (aclImdb_v1.tar.gz) or its "
        "extracted aclImdb folder, press “Open archive or folder...” beside it.",
    )


def load_if_found(source, num_words: int, progress=None, cancel=None, **options):
    """The dataset, or None when there is none to load (first run: no error to show).

    ``source`` is an archive or folder, or :data:`KERAS_SOURCE` for the book's copy.
    """
    # The readers are imported here, in the worker thread: numpy, the archive reader and
    # the cache would delay the window's first paint by about 0.2 s.
    from engine.data.loading import find_source, load_dataset
    from gui.reviews.table_model import folded_texts

    if source == KERAS_SOURCE:
        return load_keras_for_window(num_words, progress=progress, cancel=cancel)
    if source is None and find_source(None, num_words=num_words) is None:
        return None
    # A sample smaller than the official dataset opens, with dataset.warning shown.
    options.setdefault("expected_per_folder", None)
    dataset = load_dataset(source, num_words=num_words, progress=progress, cancel=cancel, **options)
    folded_texts(dataset)  # the Reviews tab's search index, built here, not on the GUI thread
    return dataset


def download_official(progress=None, cancel=None):
    """:func:`engine.data.download.download_official` (imported in the worker, see
    :func:`load_if_found`: the downloader brings ``http.client``)."""
    from engine.data import download

    return download.download_official(progress=progress, cancel=cancel)


def saved_own_options(source: str | None) -> dict:
    """The test file and reading options saved with ``source`` (your own reviews), or {}."""
    stored = settings()
    if not source or source != stored.value("data/path", "", type=str):
        return {}
    try:
        options = json.loads(stored.value("data/own_options", "", type=str) or "null")
    except ValueError:
        options = None
    if not isinstance(options, dict):
        return {}
    test = stored.value("data/test_path", "", type=str) or None
    from engine.data.own_files import OwnOptions  # see load_if_found

    try:
        return {"test_source": test, "own_options": OwnOptions(**options)}
    except TypeError:  # written by another version
        return {}


def save_own_options(own: dict) -> None:
    """Remember the test file and reading options of your own reviews (or forget them)."""
    stored = settings()
    options = own.get("own_options")
    if options is None:
        stored.remove("data/own_options")
        stored.remove("data/test_path")
        return
    stored.setValue("data/own_options", json.dumps(options.to_dict()))
    test = own.get("test_source")
    stored.setValue("data/test_path", str(Path(test).resolve()) if test else "")


def warm_up_tensorflow(progress=None, cancel=None) -> str:
    """Start the training process, where TensorFlow loads and runs one tiny fit.

    TensorFlow's first ``fit`` does one-time set-up (kernels, graph optimizers); doing it
    before Train is enabled means the user's first run starts at once. Returns its version.
    """
    return shared_service().start(progress=progress, cancel=cancel)


class DatasetLoader(QObject):
    """Loads, downloads and warms up in the background; reports through ``state``.

    Args:
        state: the window's :class:`gui.state.AppState`.
        num_words: the vocabulary size the form asks for (used after a download).
        data_source: the archive or folder given on the command line (else the saved one).
        load_options: extra :func:`engine.data.dataset.load_dataset` options (tests).
    """

    def __init__(
        self,
        state: AppState,
        num_words: Callable[[], int],
        *,
        data_source: str | None = None,
        load_options: dict | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = TaskRunner(self)
        self.tf_version: str | None = None
        self._num_words = num_words
        self._data_source = data_source
        self._load_options = dict(load_options or {})  # e.g. expected_per_folder for tiny data
        self._data_task: Task | None = None
        self._loading_source: str | None = None
        self._loading_own: dict = {}

    def busy(self) -> bool:
        """True while a load, download or warm-up runs or its result is on its way."""
        return self.tasks.busy()

    def loading(self) -> bool:
        """True while the dataset is being loaded or downloaded."""
        return self._data_task is not None and self._data_task.running()

    def current_source(self) -> str | None:
        """The archive or folder to load: the command line's, else the last one opened."""
        if self._data_source:
            return self._data_source
        saved = settings().value("data/path", "", type=str)
        if saved == KERAS_SOURCE:
            return saved
        return saved if saved and Path(saved).exists() else None

    # --- dataset -------------------------------------------------------------------------

    def load(self, source: str | None, num_words: int, **own) -> bool:
        """Load (or prepare) the dataset; False when a load or download is already running.

        ``own`` holds ``test_source`` and ``own_options`` for your own reviews; without
        them, those saved with ``source`` when it was last opened are used.
        """
        if self.loading():
            return False
        self._loading_source = source
        self._loading_own = own or saved_own_options(source)
        self.state.status_message.emit(self.tr("Loading the dataset..."))
        self._data_task = self.tasks.submit(
            load_if_found,
            source,
            num_words,
            on_done=self._loaded,
            on_failed=self._failed,
            on_progress=self._progress,
            what=self.tr("Loading the dataset"),
            **{**self._load_options, **self._loading_own},
        )
        return True

    def download(self) -> bool:
        """Download the official archive, then load it; False when busy."""
        if self.loading():
            return False
        self._data_task = self.tasks.submit(
            download_official,
            on_done=self._downloaded,
            on_failed=self._failed,
            on_progress=self._progress,
            what=self.tr("Downloading the dataset"),
        )
        return True

    def download_keras(self) -> bool:
        """Download the Keras copy's missing files into Keras's folder, then load it."""
        if self.loading():
            return False
        self._data_task = self.tasks.submit(
            download_keras_for_window,
            on_done=lambda _files: self.load(KERAS_SOURCE, self._num_words()),
            on_failed=self._failed,
            on_progress=self._progress,
            what=self.tr("Downloading the Keras copy"),
        )
        return True

    def cancel(self) -> None:
        """Stop a running load or download (it reports ``dataset_failed("")``)."""
        if self._data_task is not None:
            self._data_task.cancel.set()

    def _progress(self, fraction: float, message: str) -> None:
        self.state.dataset_progress.emit((fraction, message))

    def _downloaded(self, path) -> None:
        self.load(str(path), self._num_words())

    def _loaded(self, dataset) -> None:
        if dataset is None:
            self.state.dataset_missing.emit()
            self.state.status_message.emit(self.tr("No dataset found: download it or open a copy."))
            return
        if self._loading_source == KERAS_SOURCE:
            settings().setValue("data/path", KERAS_SOURCE)
            self._data_source = KERAS_SOURCE
        elif self._loading_source:
            settings().setValue("data/path", str(Path(self._loading_source).resolve()))
            self._data_source = str(self._loading_source)
            save_own_options(self._loading_own)
        self.state.set_dataset(dataset)
        ready = self.tr("Dataset ready: %1 reviews.").replace(
            "%1", QLocale().toString(len(dataset))
        )
        # The warning is the engine's sentence (English, like the command line).
        self.state.status_message.emit(f"{ready} {dataset.warning}" if dataset.warning else ready)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.state.dataset_failed.emit("")
            self.state.status_message.emit(self.tr("Cancelled."))
            return
        what = (
            self._data_task.what if self._data_task is not None else self.tr("Loading the dataset")
        )
        from engine.data.download import OfflineError  # see load_if_found

        message = offline_text() if isinstance(exc, OfflineError) else error_text(exc, what)
        self.state.dataset_failed.emit(message)
        self.state.status_message.emit(message)

    # --- TensorFlow ----------------------------------------------------------------------

    def warm_up(self) -> None:
        """Start the training process and TensorFlow; ``state.tensorflow_ready`` says when."""
        self.state.status_message.emit(self.tr("Loading TensorFlow..."))
        self.tasks.submit(
            warm_up_tensorflow,
            on_done=self._tensorflow_ready,
            on_failed=self._tensorflow_failed,
            what=self.tr("Loading TensorFlow"),
        )

    def _tensorflow_ready(self, version) -> None:
        self.tf_version = str(version)
        self.state.tf_ready = True
        self.state.tensorflow_ready.emit(None)
        self.state.status_message.emit(self.tr("TensorFlow is ready."))

    def _tensorflow_failed(self, exc: Exception) -> None:
        message = error_text(exc, self.tr("Loading TensorFlow"))
        self.state.tensorflow_ready.emit(message)
        self.state.status_message.emit(message)
