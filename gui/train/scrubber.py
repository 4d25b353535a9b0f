"""The epoch scrubber: go back to any epoch of a run and see what overfitting changed.

Moving the slider builds a Predictor from that epoch's saved weights and makes it the
app's current model (``state.set_model`` + ``state.select_epoch``), so the Reviews,
Predict, lexicon and evaluation views and the model line all show that epoch. Below it,
the validation reviews whose predicted label changes between the best epoch and the last.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.errors import Cancelled, LabError
from engine.model.bundle import load_bundle
from engine.runs.experiments import run_label_flips, run_predictor
from gui.common.localized import decimal
from gui.common.translate import Retranslating
from gui.current_model import run_model
from gui.tasks import TaskRunner, error_text, shutdown_tasks

SNIPPET = 90


class EpochScrubber(Retranslating, QWidget):
    """Slider over the epochs of ``state.run`` plus the "label flips" list.

    Args:
        state: the window's :class:`gui.state.AppState` (``state.store`` holds the runs).
    """

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.store = state.store
        self.run: dict | None = None
        self.epochs: list[dict] = []  # epochs with saved weights
        self._recorded = 0  # epochs in the history, with or without weights
        self.flips: list = []
        self._vocab_cache: tuple[int, list[str]] | None = None

        self.slider = QSlider(Qt.Orientation.Horizontal)
        # Weights load and every view recomputes on a change: only on release, not per pixel.
        self.slider.setTracking(False)
        self.slider.setEnabled(False)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.valueChanged.connect(self.apply_epoch)
        self.slider.sliderMoved.connect(self._show_position)
        self.position = QLabel(wordWrap=True)
        self.final_button = QPushButton()
        self.final_button.clicked.connect(self.use_final_model)
        self.final_button.setEnabled(False)
        self.flips_title = QLabel(wordWrap=True)
        self._flips_text = lambda: self.tr(
            "Validation reviews whose label flips after the best epoch"
        )
        self.flip_list = QListWidget()
        self.flip_list.setObjectName("label_flips_list")
        self.flip_list.currentRowChanged.connect(self._show_flip)
        self.flip_list.itemActivated.connect(self._open_flip)
        # Scoring 10,000 validation reviews with two epochs' weights takes 0.1-0.7 s.
        self.tasks = TaskRunner(self)
        self.flip_text = QPlainTextEdit(readOnly=True)
        self.flip_text.setObjectName("label_flip_text")

        top = QHBoxLayout()
        self.epoch_label = QLabel()
        top.addWidget(self.epoch_label)
        top.addWidget(self.slider, 1)
        top.addWidget(self.position)
        top.addWidget(self.final_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.flips_title)
        # Side by side: the pane is wide and short, so the list gets every row of it and the
        # selected review reads beside it (stacked, the list showed 5 rows).
        flips = QSplitter(Qt.Orientation.Horizontal)
        flips.setObjectName("label_flips_splitter")
        flips.setChildrenCollapsible(False)
        flips.addWidget(self.flip_list)
        flips.addWidget(self.flip_text)
        flips.setStretchFactor(0, 3)
        flips.setStretchFactor(1, 2)
        layout.addWidget(flips, 1)

        state.run_changed.connect(self.set_run)
        state.model_changed.connect(self._model_changed)
        state.epoch_selected.connect(self._epoch_from_elsewhere)
        state.dataset_changed.connect(self._dataset_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.final_button.setText(self.tr("Use final model"))
        self.final_button.setToolTip(
            self.tr("Go back to the run's saved model (after all epochs).")
        )
        self.flip_list.setToolTip(self.tr("Double-click a review to open it in the Reviews tab."))
        self.flip_text.setPlaceholderText(self.tr("Select a review to read it here."))
        self.epoch_label.setText(self.tr("Epoch:"))
        self._show_position(self.slider.value())
        self.flips_title.setText(self._flips_text())
        for i in range(self.flip_list.count()):
            if i < len(self.flips):
                self.flip_list.item(i).setText(self._flip_text(self.flips[i]))

    def _say_flips(self, text) -> None:
        """Show ``text()`` above the flips (called again on a language switch)."""
        self._flips_text = text
        self.flips_title.setText(text())

    # ----- run and slider ----------------------------------------------------------------
    def set_run(self, run: dict | None) -> None:
        """Follow ``run``: slider over its saved epochs, at the last one (nothing applied)."""
        self.run = run
        self.epochs = []
        self._recorded = 0
        if run is not None and self.store is not None and run.get("id") is not None:
            rows = self.store.epochs(run["id"])
            self._recorded = len(rows)
            self.epochs = [e for e in rows if e.get("weights_path")]
        count = len(self.epochs)
        self.slider.blockSignals(True)  # showing a run must not replace the loaded model
        self.slider.setRange(1, max(count, 1))
        self.slider.setValue(self._model_epoch() or max(count, 1))
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)
        self.final_button.setEnabled(bool(run and run.get("model_path")))
        self._show_position(self.slider.value())
        self.refresh_flips()

    def _model_epoch(self) -> int | None:
        """The scrubbed epoch of the current model when it is an epoch of this run."""
        model = self.state.model
        if model is None or self.run is None or model.run_id != self.run.get("id"):
            return None
        return model.epoch

    def _dataset_changed(self, _dataset) -> None:
        self.refresh_flips()

    def _model_changed(self, _model) -> None:
        # "Use this model" on the run shown here, or a relaunch: the slider shows its epoch.
        if self.run is None or not self.epochs or self.state.model is None:
            return
        if self.state.model.run_id != self.run.get("id"):
            return
        value = self._model_epoch() or len(self.epochs)
        if value != self.slider.value():
            self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(False)
            self._show_position(value)

    def _show_position(self, value: int) -> None:
        if not self.epochs:
            self.position.setText(
                self.tr("No saved epochs.") if self.run else self.tr("No run selected.")
            )
            return
        best = self.run.get("best_epoch") if self.run else None
        if best:
            text = self.tr("{epoch} of {epochs} (best: {best})")
        else:
            text = self.tr("{epoch} of {epochs}")
        self.position.setText(text.format(epoch=value, epochs=len(self.epochs), best=best))

    def apply_epoch(self, epoch: int) -> bool:
        """Make epoch ``epoch``'s weights the app's model. False (and a message) on failure."""
        if not self.run or not self.epochs:
            return False
        try:
            predictor = run_predictor(self.store, self.run, epoch, self._vocab())
        except LabError as exc:
            self.state.status_message.emit(str(exc))
            return False
        self._show_position(epoch)
        self.state.set_model(run_model(self.store, self.run, predictor, epoch))
        self.state.select_epoch(epoch)
        self.state.status_message.emit(
            self.tr("Showing the model as it was after epoch {epoch}.").format(epoch=epoch)
        )
        return True

    def _epoch_from_elsewhere(self, epoch) -> None:
        # Another view picked an epoch (e.g. a click on the plots): follow it.
        if (
            epoch is not None
            and self.epochs
            and epoch != self.slider.value()
            and 1 <= epoch <= len(self.epochs)
        ):
            self.slider.setValue(int(epoch))

    def use_final_model(self) -> None:
        """Back to the run's saved bundle (the model after training, maybe retrained)."""
        if not self.run or not self.run.get("model_path"):
            return
        try:
            predictor = run_predictor(self.store, self.run)
        except LabError as exc:
            self.state.status_message.emit(str(exc))
            return
        self.state.set_model(run_model(self.store, self.run, predictor))
        self.state.select_epoch(None)
        self.slider.blockSignals(True)
        self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self._show_position(self.slider.value())

    def _vocab(self) -> list[str]:
        """The vocabulary the run's weights index: its bundle's, else the dataset's."""
        run_id = self.run["id"]
        if self._vocab_cache and self._vocab_cache[0] == run_id:
            return self._vocab_cache[1]
        vocab = None
        if self.run.get("model_path"):
            try:
                vocab = load_bundle(self.run["model_path"], load_keras=False).vocab
            except LabError:
                vocab = None
        if vocab is None:
            if self.state.dataset is None:
                raise LabError("Load the dataset first: this run has no saved vocabulary.")
            vocab = self.state.dataset.vocab
        self._vocab_cache = (run_id, vocab)
        return vocab

    # ----- label flips ----------------------------------------------------------------------
    def refresh_flips(self) -> None:
        """Recompute the flips list for the current run and dataset, in the background."""
        self.flip_list.clear()
        self.flip_text.clear()
        self.flips = []
        dataset = self.state.dataset
        if not self.run or not self.epochs or dataset is None:
            self.tasks.cancel("flips")
            self._say_flips(
                lambda: self.tr(
                    "Validation reviews whose label flips after the best epoch: "
                    "needs a run with saved epochs and the dataset."
                )
            )
            return
        self._say_flips(lambda: self.tr("Finding the validation reviews whose label flips..."))
        self.tasks.submit(
            run_label_flips,
            dict(self.run),
            dataset,
            self.store,
            on_done=self._show_flips,
            on_failed=self._flips_failed,
            key="flips",
            what=self.tr("Finding label flips"),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        shutdown_tasks(self)
        super().closeEvent(event)

    def _flips_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            self._say_flips(
                lambda: self.tr("Label flips unavailable: {reason}").format(
                    reason=error_text(exc, self.tr("Finding flips"))
                )
            )

    def _show_flips(self, flips) -> None:
        dataset = self.state.dataset
        if dataset is None or self.run is None:
            return
        self.flips = flips
        wrong = sum(f.became_wrong for f in flips)
        best, last = self.run.get("best_epoch"), len(self.epochs)
        count = len(flips)
        self._say_flips(
            lambda: self.tr(
                "{count} validation reviews change label between the best epoch ({best}) "
                "and the last ({last}); {wrong} of them become wrong. Double-click one to open "
                "it in the Reviews tab."
            ).format(count=count, best=best, last=last, wrong=wrong)
        )
        for flip in flips:
            item = QListWidgetItem(self._flip_text(flip))
            item.setData(Qt.ItemDataRole.UserRole, flip.row)
            self.flip_list.addItem(item)

    def _flip_text(self, flip) -> str:
        """One line of the flips list: what changed, the probabilities, the review's start."""
        text = self.state.dataset.text(flip.row) if self.state.dataset is not None else ""
        if flip.became_wrong:
            line = (
                self.tr("became wrong: positive review, p {before} → {after}: {text}")
                if flip.label
                else self.tr("became wrong: negative review, p {before} → {after}: {text}")
            )
        else:
            line = (
                self.tr("became right: positive review, p {before} → {after}: {text}")
                if flip.label
                else self.tr("became right: negative review, p {before} → {after}: {text}")
            )
        return line.format(
            before=decimal(flip.p_best, 2),
            after=decimal(flip.p_last, 2),
            text=text[:SNIPPET] + ("…" if len(text) > SNIPPET else ""),
        )

    def _open_flip(self, item: QListWidgetItem) -> None:
        self.state.review_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.state.show_tab.emit("reviews")

    def _show_flip(self, index: int) -> None:
        if 0 <= index < len(self.flips) and self.state.dataset is not None:
            self.flip_text.setPlainText(self.state.dataset.text(self.flips[index].row))
