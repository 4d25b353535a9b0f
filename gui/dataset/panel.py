"""The dataset panel: shown when no dataset is found, and by File → Change dataset...

Two sources: the Stanford archive (download it or open a local copy) and the book's own
copy, ``keras.datasets.imdb`` (Keras's files in its cache folder, downloaded on request).

The panel only asks and shows progress; the main window does the loading in a worker so
the window never freezes while 50,000 reviews are read and tokenized.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from engine.paths import DATA_ENV
from gui.common.progress_bar import ProgressBar
from gui.common.translate import Retranslating


class DatasetPanel(Retranslating, QWidget):
    """Download / open choices, a progress bar with Cancel, and an inline error."""

    download_requested = Signal()
    open_requested = Signal(str)
    cancel_requested = Signal()
    keras_download_requested = Signal()
    keras_open_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_panel")
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.source_buttons = QButtonGroup(self)
        self.stanford_radio = QRadioButton(objectName="source_stanford_radio")
        self.keras_radio = QRadioButton(objectName="source_keras_radio")
        sources = QHBoxLayout()
        for radio in (self.stanford_radio, self.keras_radio):
            self.source_buttons.addButton(radio)
            sources.addWidget(radio)
        sources.addStretch(1)
        self.stanford_radio.setChecked(True)
        self.keras_download_button = QPushButton(objectName="keras_download_button")
        self.keras_open_button = QPushButton(objectName="keras_open_button")
        self.keras_status = QLabel(objectName="keras_status_label")
        self.keras_status.setWordWrap(True)
        self.keras_status.setStyleSheet("color: #555;")
        self.back_button = QPushButton(objectName="dataset_back_button")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        self.download_button = QPushButton()
        self.download_button.setObjectName("download_button")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_dataset_button")
        menu = QMenu(self.open_button)
        self.archive_action = menu.addAction("", self._choose_archive)
        self.folder_action = menu.addAction("", self._choose_folder)
        self.open_button.setMenu(menu)
        for button in (
            self.download_button,
            self.open_button,
            self.keras_download_button,
            self.keras_open_button,
            self.back_button,
        ):
            button.setMinimumHeight(36)
        self.progress_bar = ProgressBar()
        self.progress_bar.setObjectName("dataset_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("dataset_progress_label")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("dataset_cancel_button")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.error_label = QLabel()
        self.error_label.setObjectName("dataset_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(
            "color: #b00020; padding: 6px; border: 1px solid #e6b0b8;"
            "background: #fff5f6; border-radius: 4px;"
        )
        self.note = note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        buttons = QHBoxLayout()
        for button in (
            self.download_button,
            self.open_button,
            self.keras_download_button,
            self.keras_open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(720)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 18, 24, 18)
        inner.addWidget(intro)
        inner.addLayout(sources)
        inner.addLayout(buttons)
        inner.addWidget(self.keras_status)
        inner.addSpacing(8)
        inner.addLayout(progress)
        inner.addWidget(self.progress_label)
        inner.addWidget(self.error_label)
        inner.addSpacing(8)
        inner.addWidget(note)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_busy(False)
        self.download_button.clicked.connect(self.download_requested)
        self.keras_download_button.clicked.connect(self.keras_download_requested)
        self.keras_open_button.clicked.connect(self.keras_open_requested)
        self.keras_radio.toggled.connect(self._source_changed)
        self.show_error("")
        self._changing = False  # opened to change the dataset (not a first-run welcome)
        self.retranslate()

    def retranslate(self) -> None:
        self._set_intro()
        self.stanford_radio.setText(self.tr("The Stanford archive (aclImdb)"))
        self.keras_radio.setText(self.tr("The book's copy (keras.datasets.imdb)"))
        self.keras_download_button.setText(self.tr("Download the Keras copy (17 MB)"))
        self.keras_download_button.setToolTip(
            self.tr(
                "Download imdb.npz and imdb_word_index.json from Keras's official address "
                "(storage.googleapis.com) into Keras's cache folder, and check them."
            )
        )
        self.keras_open_button.setText(self.tr("Use the Keras copy"))
        self.back_button.setText(self.tr("Back to the tabs"))
        self.download_button.setText(self.tr("Download dataset (84 MB)"))
        self.download_button.setToolTip(
            self.tr("Download aclImdb_v1.tar.gz from ai.stanford.edu into the app's data folder.")
        )
        self.open_button.setText(self.tr("Open archive or folder..."))
        self.archive_action.setText(self.tr("Archive (.tar.gz)..."))
        self.folder_action.setText(self.tr("Extracted aclImdb folder..."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.note.setText(
            self.tr(
                "Tip: set the environment variable <tt>%1</tt> to the archive or folder to "
                "skip this step (useful on shared machines and in scripts)."
            ).replace("%1", DATA_ENV)
        )
        self._source_changed()

    def _set_intro(self) -> None:
        # Opened to change the dataset, the panel is no longer a welcome.
        heading = (
            self.tr("Choose the dataset")
            if self._changing
            else self.tr("Welcome to IMDB Sentiment Lab")
        )
        body = self.tr(
            "<p>This app trains the movie-review classifier of <i>Deep Learning with "
            "Python</i>, section 3.4, on the Large Movie Review Dataset (50,000 IMDb reviews, "
            "half of them for training, half for testing).</p>"
            "<p>Choose where the reviews come from. The Stanford archive has the reviews' full "
            "text (84 MB: download it, or open the <tt>aclImdb_v1.tar.gz</tt> archive or its "
            "extracted <tt>aclImdb</tt> folder; preparing it takes up to about 15 seconds the "
            "first time and under a second afterwards). The book's copy is the one "
            "<tt>keras.datasets.imdb.load_data</tt> reads: the same reviews, already turned "
            "into word indices (17 MB, in Keras's cache folder).</p>"
        )
        self.intro.setText(f"<h2>{heading}</h2>{body}")

    def source(self) -> str:
        """``"keras"`` or ``"aclimdb"``: the source chosen in the panel."""
        return "keras" if self.keras_radio.isChecked() else "aclimdb"

    def set_source(self, source: str) -> None:
        (self.keras_radio if source == "keras" else self.stanford_radio).setChecked(True)
        self._source_changed()

    def set_back_visible(self, visible: bool) -> None:
        """Offer "Back to the tabs" (a dataset is loaded: the panel was opened to change it)."""
        self.back_button.setVisible(visible)
        self._changing = visible
        self._set_intro()

    def _source_changed(self, *_args) -> None:
        keras = self.keras_radio.isChecked()
        self.download_button.setVisible(not keras)
        self.open_button.setVisible(not keras)
        self.keras_download_button.setVisible(keras)
        self.keras_open_button.setVisible(keras)
        self.keras_status.setVisible(keras)
        if keras:
            # Imported here: the panel is built before the window's first paint, and the
            # Keras reader brings numpy, the dataset and the downloader with it.
            from engine.data.keras_files import keras_datasets_dir, missing_files

            folder = keras_datasets_dir()
            missing = missing_files(folder)
            self.keras_download_button.setEnabled(bool(missing) and self.open_button.isEnabled())
            self.keras_open_button.setEnabled(not missing and self.open_button.isEnabled())
            self.keras_status.setText(
                self.tr(
                    "Found imdb.npz and imdb_word_index.json in %1; they are checked "
                    "against Keras's published checksums before use."
                ).replace("%1", str(folder))
                if not missing
                else (
                    self.tr("Not found yet in %1: %2. Download them, or put them there yourself.")
                    if len(missing) == 1
                    else self.tr(
                        "Not found yet in %1: %2 and %3. Download them, or put them there yourself."
                    )
                )
                .replace("%1", str(folder))
                .replace("%2", missing[0].name)
                .replace("%3", missing[-1].name)
            )

    def _choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the IMDB archive or your own reviews"),
            "",
            self.tr("IMDB archive or reviews")
            + " (*.tar.gz *.tgz *.tsv *.csv *.txt *.jsonl *.ndjson *.json);;"
            + self.tr("All files")
            + " (*)",
        )
        if path:
            self.open_requested.emit(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open the extracted aclImdb folder"))
        if path:
            self.open_requested.emit(path)

    def set_busy(self, busy: bool, message: str = "") -> None:
        """Show (or hide) the progress row; the choices are disabled while busy."""
        self.download_button.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        self.stanford_radio.setEnabled(not busy)
        self.keras_radio.setEnabled(not busy)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_label.setText(message)
            self.show_error("")
        self._source_changed()

    def set_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.progress_label.setText(message)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
