"""The Train tab's dataset box: what is loaded, loading progress and "Change dataset...".

:class:`DatasetPanel` is a mixin of :class:`gui.train.tab.TrainTab`: it builds the box and
answers the state's dataset signals (loaded, progress, failed, missing); a training that
waited for the data starts from here once TensorFlow and the data are both ready.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from engine.data.dataset_record import dataset_info, skipped_text
from engine.model.config import default_validation_size
from gui.common.progress_bar import ProgressBar


def own_data_html(dataset) -> str:
    """Your own reviews in the dataset panel: files, how train and test were split, labels
    and skipped rows; "" for the IMDB dataset."""
    info = dataset.extra.get("dataset") if isinstance(dataset.extra, dict) else None
    if not isinstance(info, dict) or info.get("kind", "imdb") == "imdb":
        return ""
    parts = [f"<br><b>Your reviews:</b> {html.escape(info['name'])} ({html.escape(info['split'])})"]
    parts.append(f"<br><b>Labels:</b> {html.escape(info.get('labels', ''))}")
    skipped = skipped_text(info.get("skipped") or {})
    if skipped:
        parts.append(f"<br><b>Skipped:</b> {html.escape(skipped)}")
    return "".join(parts)


class DatasetPanel:
    """The dataset box and its state signals, mixed into the Train tab."""

    def _build_dataset_box(self, state) -> QGroupBox:
        self.dataset_label = QLabel("Looking for the dataset...")
        self.dataset_label.setObjectName("dataset_status_label")
        self.dataset_label.setWordWrap(True)
        self.dataset_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dataset_progress = ProgressBar()
        self.dataset_progress.setObjectName("dataset_load_progress")
        self.dataset_progress.setRange(0, 1000)
        self.dataset_progress.hide()
        self.change_dataset_button = QPushButton("Change dataset...")
        self.change_dataset_button.setObjectName("change_dataset_button")
        self.change_dataset_button.setToolTip(
            "Choose the dataset: the Stanford archive (or its aclImdb folder), or the "
            "book's own copy, keras.datasets.imdb."
        )
        self.change_dataset_button.clicked.connect(state.change_dataset_requested)
        data_box = QGroupBox("Dataset")
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.dataset_label)
        data_layout.addWidget(self.dataset_progress)
        data_layout.addWidget(self.change_dataset_button, 0, Qt.AlignmentFlag.AlignLeft)
        return data_box

    def _connect_dataset_signals(self, state) -> None:
        state.dataset_changed.connect(self._dataset_changed)
        state.dataset_progress.connect(self._dataset_progress)
        state.dataset_failed.connect(self._dataset_failed)
        state.dataset_missing.connect(self._dataset_missing)
        state.tensorflow_ready.connect(self._ready_changed)

    def _train_size(self) -> int | None:
        dataset = self.state.dataset
        return int(len(dataset.indices("train"))) if dataset is not None else None

    def _dataset_changed(self, dataset) -> None:
        self.dataset_progress.hide()
        if dataset is None:
            self.dataset_label.setText("No dataset loaded.")
        else:
            counts = dataset.counts
            source = dataset.source or "unknown source"
            self.dataset_label.setText(
                f"<b>Source:</b> {html.escape(source)}<br><b>Reviews:</b> {counts['train']:,} "
                f"train, {counts['test']:,} test<br><b>Vocabulary:</b> "
                f"{len(dataset.vocab):,} words (top {dataset.num_words:,})"
                + own_data_html(dataset)
                + (f"<br><b>Note:</b> {html.escape(dataset.warning)}" if dataset.warning else "")
            )
            self.dataset_label.setToolTip(source)
            self._suggest_validation(dataset)
        self._ready_changed()

    def _suggest_validation(self, dataset) -> None:
        """A new dataset gets the default validation size: the book's 10,000 when the
        training split has 25,000 reviews or more, else 40% of it (editable as ever)."""
        fingerprint = dataset_info(dataset).get("fingerprint")
        if fingerprint == getattr(self, "_validation_for", None):
            return  # the same data re-indexed (another vocabulary size): keep the user's value
        first = getattr(self, "_validation_for", None) is None
        self._validation_for = fingerprint
        suggested = default_validation_size(len(dataset.indices("train")))
        config = self.settings.config()
        if first and config.validation_size < len(dataset.indices("train")):
            return  # the saved setting fits the data the app opened with
        self.settings.set_config(config.replace(validation_size=suggested))

    def _ready_changed(self, *_args) -> None:
        self._update_buttons()
        if self.pending_train and self.state.tf_ready and self.state.dataset is not None:
            self.pending_train = False
            self.request_training()

    def _dataset_progress(self, payload) -> None:
        fraction, message = payload
        self.dataset_progress.show()
        self.dataset_progress.setValue(int(fraction * 1000))
        self.dataset_label.setText(message)

    def _dataset_failed(self, message: str) -> None:
        self.pending_train = False
        self._dataset_changed(self.state.dataset)
        if message and self.state.dataset is not None:
            self._show_error(message)

    def _dataset_missing(self) -> None:
        self.dataset_progress.hide()
        self.dataset_label.setText("No dataset found.")
