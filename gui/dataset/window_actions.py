"""The window's side of the dataset: :class:`DatasetActions`, a mixin of the main window.

It asks the :class:`gui.dataset.loading.DatasetLoader` to open, download or reload a
dataset (File → Open dataset, the dataset panel, a new vocabulary size) and switches
between the tabs and the dataset panel as the state reports progress, a loaded dataset,
none found or a failure. Its texts keep the ``MainWindow`` translation context, where they
were written first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog


class DatasetActions:
    """Mixin (list it before ``QMainWindow``) for a window with ``state``, ``loader``,
    ``first_run`` (the dataset panel), ``stack`` (the tabs or the panel), ``tabs``,
    ``train_tab`` and ``_show_status(text, timeout)``."""

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
            self.first_run.set_busy(
                True, QCoreApplication.translate("MainWindow", "Opening the dataset...")
            )
        self.loader.load(source, num_words, **own)

    def download_dataset(self) -> None:
        if self.loader.download():
            self.first_run.set_busy(
                True,
                QCoreApplication.translate("MainWindow", "Connecting to %1...").replace(
                    "%1", "ai.stanford.edu"
                ),
            )

    def choose_dataset(self) -> None:
        translate = QCoreApplication.translate
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate(
                "MainWindow",
                "Open the IMDB archive or your own reviews (or cancel to pick a folder)",
            ),
            "",
            translate("MainWindow", "IMDB archive or reviews")
            + " (*.tar.gz *.tgz *.tsv *.csv *.txt *.jsonl *.ndjson *.json);;"
            + translate("MainWindow", "All files")
            + " (*)",
        )
        if not path:
            path = QFileDialog.getExistingDirectory(
                self,
                translate(
                    "MainWindow",
                    "Open the extracted aclImdb folder, or a folder with pos/ and neg/",
                ),
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
        text = QCoreApplication.translate("MainWindow", "%1 (%2%)")
        self._show_status(text.replace("%1", message).replace("%2", percent), 0)

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
