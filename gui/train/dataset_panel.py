"""The Train tab's dataset box: what is loaded, loading progress and "Change dataset...".

:class:`DatasetPanel` is a mixin of :class:`gui.train.tab.TrainTab`: it builds the box and
answers the state's dataset signals (loaded, progress, failed, missing); a training that
waited for the data starts from here once TensorFlow and the data are both ready.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from engine.data.dataset_record import dataset_info, skipped_text
from engine.model.config import default_validation_size
from gui.common.localized import number
from gui.common.progress_bar import ProgressBar


def own_data_html(dataset) -> str:
    """Your own reviews in the dataset panel: files, how train and test were split, labels
    and skipped rows; "" for the IMDB dataset."""
    info = dataset.extra.get("dataset") if isinstance(dataset.extra, dict) else None
    if not isinstance(info, dict) or info.get("kind", "imdb") == "imdb":
        return ""
    parts = [
        QCoreApplication.translate(
            "TrainTab", "<br><b>Your reviews:</b> {name} ({split})<br><b>Labels:</b> {labels}"
        ).format(
            name=html.escape(info["name"]),
            split=html.escape(info["split"]),
            labels=html.escape(info.get("labels", "")),
        )
    ]
    skipped = skipped_text(info.get("skipped") or {})
    if skipped:
        parts.append(
            QCoreApplication.translate("TrainTab", "<br><b>Skipped:</b> {skipped}").format(
                skipped=html.escape(skipped)
            )
        )
    return "".join(parts)


class DatasetPanel:
    """The dataset box and its state signals, mixed into the Train tab."""

    def _build_dataset_box(self, state) -> QGroupBox:
        self.dataset_label = QLabel()
        self._dataset_text = lambda: QCoreApplication.translate(
            "TrainTab", "Looking for the dataset..."
        )
        self.dataset_label.setObjectName("dataset_status_label")
        self.dataset_label.setWordWrap(True)
        self.dataset_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dataset_progress = ProgressBar()
        self.dataset_progress.setObjectName("dataset_load_progress")
        self.dataset_progress.setRange(0, 1000)
        self.dataset_progress.hide()
        self.change_dataset_button = QPushButton()
        self.change_dataset_button.setObjectName("change_dataset_button")
        self.change_dataset_button.clicked.connect(state.change_dataset_requested)
        self.data_box = data_box = QGroupBox()
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.dataset_label)
        data_layout.addWidget(self.dataset_progress)
        data_layout.addWidget(self.change_dataset_button, 0, Qt.AlignmentFlag.AlignLeft)
        return data_box

    def _retranslate_dataset_box(self) -> None:
        self.data_box.setTitle(QCoreApplication.translate("TrainTab", "Dataset"))
        self.change_dataset_button.setText(
            QCoreApplication.translate("TrainTab", "Change dataset...")
        )
        self.change_dataset_button.setToolTip(
            QCoreApplication.translate(
                "TrainTab",
                "Choose the dataset: the Stanford archive (or its aclImdb folder), or the "
                "book's own copy, keras.datasets.imdb.",
            )
        )
        self.dataset_label.setText(self._dataset_text())

    def _say_dataset(self, text) -> None:
        """Show ``text()`` in the dataset box (called again on a language switch)."""
        self._dataset_text = text
        self.dataset_label.setText(text())

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
            self._say_dataset(lambda: QCoreApplication.translate("TrainTab", "No dataset loaded."))
        else:
            self._say_dataset(lambda: _dataset_html(dataset))
            self.dataset_label.setToolTip(dataset.source or "")
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
        self._say_dataset(lambda: message)

    def _dataset_failed(self, message: str) -> None:
        self.pending_train = False
        self._dataset_changed(self.state.dataset)
        if message and self.state.dataset is not None:
            self._show_error(message)

    def _dataset_missing(self) -> None:
        self.dataset_progress.hide()
        self._say_dataset(lambda: QCoreApplication.translate("TrainTab", "No dataset found."))


def _dataset_html(dataset) -> str:
    """The dataset box's text for a loaded dataset, in the current language."""
    counts = dataset.counts
    text = QCoreApplication.translate(
        "TrainTab",
        "<b>Source:</b> {source}<br><b>Reviews:</b> {train} train, {test} test"
        "<br><b>Vocabulary:</b> {words} words (top {top})",
    ).format(
        source=html.escape(
            dataset.source or QCoreApplication.translate("TrainTab", "unknown source")
        ),
        train=number(counts["train"]),
        test=number(counts["test"]),
        words=number(len(dataset.vocab)),
        top=number(dataset.num_words),
    )
    text += own_data_html(dataset)
    if dataset.warning:
        text += QCoreApplication.translate("TrainTab", "<br><b>Note:</b> {note}").format(
            note=html.escape(dataset.warning)
        )
    return text
