"""The Runs tab: the training history, run comparison and repeated seeds.

Every run in the SQLite history is one row. Selecting rows overlays their curves on the
Train tab's plots (through ``state.overlay_runs``); "Repeat ×3" trains the selected run's
configuration with three seeds in a worker thread and overlays the mean curve with its
min-max band, so a learner can see which differences between experiments are noise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from engine.errors import Cancelled, LabError
from engine.model.config import ModelConfig
from engine.runs.experiments import run_predictor
from engine.service.process import shared_service
from gui.common.save_dialog import save_file_name
from gui.current_model import CurrentModel, run_model
from gui.runs.run_rows import (
    COLUMNS,
    duration_text,
    export_runs_csv,
    local_time_text,
    percent,
    run_fields,
)
from gui.tasks import TaskRunner, error_text, shutdown_tasks


def _has_model(run: dict) -> bool:
    """A saved bundle, or complete epochs of a run no longer training."""
    return bool(run.get("model_path") or (run.get("status") != "running" and run.get("epochs")))


def restore_last_model(state, store, last: dict | None = None) -> dict | None:
    """Bring back the model that was current when the app closed (app start-up).

    ``last`` is what :func:`gui.current_model.remembered` saved (a run and epoch, or a
    model file); without it, or when that model is gone, the newest finished model. No
    retraining. Returns the run the model came from (None when there is none or it cannot
    be read; a damaged bundle is reported through ``state.status_message``).
    """
    if last and last.get("run") is not None:
        run = store.get_run(int(last["run"]))
        if run is not None and _has_model(run):
            epoch = last.get("epoch")
            try:
                vocab = run_vocab(store, run) if epoch is not None else None
                predictor = run_predictor(store, run, epoch, vocab)
            except LabError as exc:
                state.status_message.emit(str(exc))
            else:
                state.set_model(run_model(store, run, predictor, epoch))
                state.status_message.emit(f"Restored the model you last used ({run['name']}).")
                return run
    elif last and last.get("path"):
        from gui.book.model_files import open_model

        try:
            open_model(state, last["path"])
            return None
        except LabError as exc:
            state.status_message.emit(str(exc))
    path = store.latest_model()
    if path is None:
        return None
    run = next(
        (
            r
            for r in store.list_runs()
            if r.get("model_path") and Path(r["model_path"]) == Path(path)
        ),
        None,
    )
    try:
        predictor = run_predictor(store, run or {"model_path": str(path)})
    except LabError as exc:
        state.status_message.emit(str(exc))
        return None
    if run is not None:
        state.set_model(run_model(store, run, predictor))
    else:
        state.set_model(CurrentModel(predictor, path=str(path)))
    state.status_message.emit(
        f"Restored the model of {run['name'] if run and run.get('name') else path.name}."
    )
    return run


def run_vocab(store, run: dict) -> list[str]:
    """The vocabulary a run's weights index: its bundle's, else its run folder's header."""
    from engine.model.bundle import load_bundle

    folder = run.get("model_path") or store.run_dir(run["id"])
    return load_bundle(folder, load_keras=False).vocab


def repeat_in_service(
    dataset, config, *, count: int, store=None, name: str | None = None, progress=None, cancel=None
):
    """:func:`engine.runs.experiments.repeat_seeds` run in the training process."""

    def relay(kind, payload):
        if kind == "progress" and progress is not None:
            progress(*payload)

    return shared_service().call(
        "repeat_seeds",
        dataset,
        config,
        store=store,
        options={"count": count, "name": name},
        on_event=relay,
        cancel=cancel,
    )


class RunsTab(QWidget):
    """History table, overlay and repeat ×3 (the epoch scrubber is on the Train tab).

    Args:
        state: the window's :class:`gui.state.AppState`; ``state.store`` is the history
            (the tab stays empty when it is None).
    """

    refreshed = Signal()  # the table shows a fresh read of the history
    repeat_progressed = Signal(object)  # (fraction, message) of a running repeat

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runs_tab")
        self.state = state
        self.store = state.store
        self.tasks = TaskRunner(self)
        self.runs: list[dict] = []
        self.bands: list[dict] = []
        self.repeat_task = None
        self.repeat_result = None

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())

        self.buttons = {}
        # A flow layout: eight buttons and the overlay box in one row needed 1,010 px.
        bar = QFlowLayout()
        for key, text, slot, tip in (
            ("refresh", "Refresh", self.refresh, "Reload the history."),
            (
                "open",
                "Use this model",
                self.open_selected,
                "Make this run's saved model the current model of every tab.",
            ),
            ("rename", "Rename…", self.rename_selected, "Give the run a new name."),
            ("delete", "Delete…", self.delete_selected, "Delete the run and its files."),
            ("export", "Export CSV…", self.export_dialog, "Save the history as a CSV file."),
            (
                "repeat",
                "Repeat ×3",
                self.repeat_selected,
                "Train this configuration with 3 seeds to see how much results vary.",
            ),
            ("stop", "Stop repeat", self.stop_repeat, "Stop the repeat after the current batch."),
            ("clear", "Clear overlay", self.clear_overlay, "Remove overlaid runs from the plots."),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            bar.addWidget(button)
            self.buttons[key] = button
        self.overlay_box = QCheckBox("Overlay selected runs on the Train plots")
        self.overlay_box.setChecked(True)
        self.overlay_box.toggled.connect(lambda _on: self.publish_overlay())
        bar.addWidget(self.overlay_box)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.spread_label = QLabel("")
        self.spread_label.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.progress)
        top_layout.addWidget(self.spread_label)
        layout = QVBoxLayout(self)
        layout.addWidget(top)

        state.run_changed.connect(self._run_changed)
        state.runs_changed.connect(self.refresh)
        self.refresh()

    def _run_changed(self, _run) -> None:
        self.refresh_in_background()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A run may have gained epochs while another tab was showing.
        self.refresh_in_background()
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # ----- table ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the history now, keeping the selection (after this tab's own changes)."""
        self.tasks.cancel("runs")  # an older background read must not overwrite this one
        self._show_runs(self.store.list_runs() if self.store is not None else [])

    def refresh_in_background(self) -> None:
        """Reload the history off the GUI thread (the table updates when it arrives)."""
        if self.store is None:
            return
        self.tasks.submit(
            _list_runs,
            self.store,
            on_done=self._show_runs,
            on_failed=self._read_failed,
            key="runs",
            what="Reading the run history",
        )

    def _read_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            self.state.status_message.emit(error_text(exc, "Reading the run history"))

    def _show_runs(self, runs: list[dict]) -> None:
        keep = set(self.selected_ids())
        self.runs = runs
        current = (self.state.run or {}).get("id")
        bold = QFont()
        bold.setBold(True)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.runs))
        for r, run in enumerate(self.runs):
            f = run_fields(run)
            values = (
                local_time_text(f["started"]),
                f["name"],
                f["configuration"],
                f["status"],
                "" if f["best_epoch"] is None else str(f["best_epoch"]),
                percent(f["best_val_accuracy"]),
                percent(f["test_accuracy"]),
                duration_text(f["duration_s"]),
                f["dataset"],
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, run["id"])
                if run["id"] == current:
                    item.setFont(bold)
                if c == 2 and f["config"]:
                    item.setToolTip(f["config"])
                if c == 6 and f["group_id"] and f["test_accuracy"] is not None:
                    # Repeat runs are tested after their last epoch, not retrained first.
                    item.setToolTip(
                        f"Tested after all {f['epochs']} epochs (the final, overfitted model); "
                        "the book's protocol retrains the best epoch count first and scores higher."
                    )
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        for r, run in enumerate(self.runs):
            if run["id"] in keep:
                self._add_row_to_selection(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self.refreshed.emit()

    def _add_row_to_selection(self, row: int) -> None:
        index = self.table.model().index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.runs[r]["id"] for r in rows if r < len(self.runs)]

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of these run ids (replaces the selection)."""
        self.table.clearSelection()
        for r, run in enumerate(self.runs):
            if run["id"] in ids:
                self._add_row_to_selection(r)

    def _selected_runs(self) -> list[dict]:
        ids = set(self.selected_ids())
        return [r for r in self.runs if r["id"] in ids]

    def _selection_changed(self) -> None:
        self._update_buttons()
        self.publish_overlay()

    def _update_buttons(self) -> None:
        runs = self._selected_runs()
        one = len(runs) == 1
        repeating = self.repeat_task is not None and self.repeat_task.running()
        # A running run is still being written by its trainer: never delete it.
        self.buttons["delete"].setEnabled(
            bool(runs) and all(r.get("status") != "running" for r in runs)
        )
        self.buttons["rename"].setEnabled(one)
        self.buttons["open"].setEnabled(one and _has_model(runs[0]))
        self.buttons["repeat"].setEnabled(
            one and not repeating and ModelConfig.from_run(runs[0]) is not None
        )
        self.buttons["stop"].setEnabled(repeating)
        self.buttons["export"].setEnabled(bool(self.runs))
        for key in ("refresh", "export", "repeat"):
            if self.store is None:
                self.buttons[key].setEnabled(False)

    # ----- actions ----------------------------------------------------------------------------
    def open_selected(self) -> None:
        """Make the selected run's saved model the app's model."""
        runs = self._selected_runs()
        if len(runs) != 1 or not _has_model(runs[0]):
            return
        try:
            predictor = run_predictor(self.store, runs[0])
        except LabError as exc:
            self.state.status_message.emit(str(exc))
            return
        run = self.store.get_run(runs[0]["id"]) or runs[0]
        self.state.set_model(run_model(self.store, run, predictor))
        self.state.status_message.emit(f"Now using the model of {run.get('name') or run['id']}.")

    def rename_selected(self, name: str | None = None) -> None:
        runs = self._selected_runs()
        if len(runs) != 1:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, "Rename run", "New name:", text=runs[0].get("name") or ""
            )
            if not ok:
                return
        name = name.strip()
        if not name:
            self.state.status_message.emit("A run needs a non-empty name.")
            return
        try:
            self.store.rename(runs[0]["id"], name)
        except LabError as exc:  # e.g. a read-only history
            self.state.status_message.emit(str(exc))
            return
        self._history_changed()

    def delete_selected(self, confirm: bool = True) -> None:
        runs = [r for r in self._selected_runs() if r.get("status") != "running"]
        if not runs:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                "Delete runs",
                f"Delete {len(runs)} run(s) with their saved models and "
                "per-epoch weights? This cannot be undone.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        current = (self.state.run or {}).get("id")
        for run in runs:
            try:
                self.store.delete(run["id"])
            except LabError as exc:
                self.state.status_message.emit(str(exc))
        if current in {r["id"] for r in runs}:
            self.state.set_run(None)
        self._history_changed()

    def export_dialog(self) -> None:
        path = save_file_name(self, "Export run history", "runs.csv", "CSV files (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> Path:
        out = export_runs_csv(self.store.list_runs(), path)
        self.state.status_message.emit(f"Saved the run history to {out}.")
        return out

    def _history_changed(self) -> None:
        self.state.runs_changed.emit()  # our refresh is connected to it

    # ----- overlay ----------------------------------------------------------------------------
    def overlay_payload(self) -> dict | None:
        runs = self._selected_runs() if self.overlay_box.isChecked() else []
        if not runs and not self.bands:
            return None
        return {
            "runs": [{**r, "epochs": self.store.epochs(r["id"])} for r in runs],
            "current_id": (self.state.run or {}).get("id"),
            "bands": list(self.bands),
        }

    def publish_overlay(self) -> None:
        self.state.overlay_runs.emit(self.overlay_payload())

    def clear_overlay(self) -> None:
        self.bands = []
        self.table.clearSelection()
        self.state.overlay_runs.emit(None)

    # ----- repeat ×3 -------------------------------------------------------------------------
    def repeat_selected(self, count: int = 3) -> bool:
        """Train the selected run's configuration with ``count`` seeds, as a task."""
        runs = self._selected_runs()
        if len(runs) != 1 or (self.repeat_task is not None and self.repeat_task.running()):
            return False
        if self.state.dataset is None:
            self.state.status_message.emit("Load the dataset before repeating a run.")
            return False
        config = ModelConfig.from_run(runs[0])
        name = f"{runs[0].get('name') or 'Run'} repeat"
        self.repeat_name = name
        self.repeat_task = self.tasks.submit(
            repeat_in_service,
            self.state.dataset,
            config,
            count=count,
            store=self.store,
            name=name,
            on_done=self._repeat_finished,
            on_failed=self._repeat_failed,
            on_progress=self._repeat_progress,
            what="Repeating the run",
        )
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.spread_label.setText(f"Training {config.summary_text()} with {count} seeds…")
        self._update_buttons()
        return True

    def stop_repeat(self) -> None:
        if self.repeat_task is not None:
            self.repeat_task.cancel.set()

    def shutdown(self) -> bool:
        """Stop a running repeat and background reads and join them; True when all ended."""
        return shutdown_tasks(self)

    def _repeat_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(100 * fraction))
        self.progress.setFormat(message)
        self.refresh_in_background()  # once per epoch: the repeat's runs appear and grow
        self.repeat_progressed.emit((fraction, message))

    def _repeat_finished(self, result) -> None:
        self.repeat_result = result
        self.progress.setVisible(False)
        self.refresh()
        s = result.test_spread()
        if s:
            self.spread_label.setText(
                f"Test accuracy over {s['n']} seeds {_repeat_models(result.config)}: "
                f"mean {s['mean']:.2%}, min {s['min']:.2%}, max {s['max']:.2%} (spread "
                f"{100 * s['range']:.1f} points). Differences between experiments smaller than "
                "this spread may be noise. The book's protocol (Train, then “Retrain best N "
                "and test”) retrains for the best epoch count and scores higher."
            )
        else:
            self.spread_label.setText("The repeat stopped before a run finished.")
        if result.results:
            self.bands = [{"name": self.repeat_name, "bands": result.bands()}]
            self.select_ids([i for i in result.run_ids if i is not None])
            self.publish_overlay()
        self._update_buttons()

    def _repeat_failed(self, exc: Exception) -> None:
        message = "" if isinstance(exc, Cancelled) else error_text(exc, "Repeating the run")
        self.progress.setVisible(False)
        self.spread_label.setText(message or "The repeat was stopped.")
        self.refresh()
        self._update_buttons()


def _repeat_models(config) -> str:
    """Which models a repeat's test accuracies belong to, said plainly."""
    if config is None:
        return "(each seed's final model)"
    if config.early_stopping:
        return "(each seed's model after early stopping, not retrained as in the book)"
    if config.validation_size == 0:
        return f"(each seed trained {config.epochs} epochs on all training reviews)"
    return f"after all {config.epochs} epochs (each seed's final, overfitted model)"


def _list_runs(store, progress=None, cancel=None) -> list[dict]:
    """``store.list_runs()`` as a task."""
    return store.list_runs()
