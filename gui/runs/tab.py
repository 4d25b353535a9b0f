"""The Runs tab: the training history, run comparison and repeated seeds.

Every run in the SQLite history is one row. Selecting rows overlays their curves on the
Train tab's plots (through ``state.overlay_runs``); "Repeat ×3" trains the selected run's
configuration with three seeds in a worker thread and overlays the mean curve with its
min-max band, so a learner can see which differences between experiments are noise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
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

from engine.errors import LabError
from engine.model.config import ModelConfig
from engine.runs.history import RunStore
from gui.runs.run_rows import (
    COLUMNS,
    duration_text,
    export_runs_csv,
    local_time_text,
    percent,
    run_fields,
)


def restore_last_model(state, store) -> dict | None:
    """Load the newest finished model into ``state`` without retraining (app start-up).

    Returns the run it came from (or None when there is none or it cannot be read; a
    damaged bundle is reported through ``state.status_message``).
    """
    from engine.model.bundle import load_bundle
    from engine.model.predictor import Predictor

    path = store.latest_model()
    if path is None:
        return None
    try:
        bundle = load_bundle(path, load_keras=False)
    except LabError as exc:
        state.status_message.emit(str(exc))
        return None
    run = next(
        (
            r
            for r in store.list_runs()
            if r.get("model_path") and Path(r["model_path"]) == Path(path)
        ),
        None,
    )
    state.set_predictor(Predictor(bundle.weights, bundle.vocab, bundle.config.activation))
    state.set_run(run)
    state.status_message.emit(
        f"Restored the model of {run['name'] if run and run.get('name') else path.name}."
    )
    return run


class RunsTab(QWidget):
    """History table, overlay and repeat ×3 (the epoch scrubber is on the Train tab).

    Args:
        state: the window's :class:`gui.state.AppState`.
        store: the :class:`engine.runs.history.RunStore`; the default history when None.
    """

    def __init__(self, state, parent=None, store=None) -> None:
        super().__init__(parent)
        if store is None:
            store = RunStore()
        self.state = state
        self.store = store
        self.runs: list[dict] = []
        self.bands: list[dict] = []
        self.repeat_job = None
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
        bar = QHBoxLayout()
        for key, text, slot, tip in (
            ("refresh", "Refresh", self.refresh, "Reload the history."),
            ("open", "Open model", self.open_selected, "Use this run's model in every tab."),
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
        bar.addStretch(1)
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
        if hasattr(state, "runs_changed"):
            state.runs_changed.connect(self.refresh)
        self.refresh()

    def _run_changed(self, _run) -> None:
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A run may have gained epochs while another tab was showing.
        self.refresh()
        super().showEvent(event)

    # ----- table ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the history, keeping the selection."""
        keep = set(self.selected_ids())
        self.runs = self.store.list_runs()
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
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, run["id"])
                if run["id"] == current:
                    item.setFont(bold)
                if c == 2 and f["config"]:
                    item.setToolTip(f["config"])
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        for r, run in enumerate(self.runs):
            if run["id"] in keep:
                self._add_row_to_selection(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._update_buttons()

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
        repeating = self.repeat_job is not None and self.repeat_job.running()
        # A running run is still being written by its trainer: never delete it.
        self.buttons["delete"].setEnabled(
            bool(runs) and all(r.get("status") != "running" for r in runs)
        )
        self.buttons["rename"].setEnabled(one)
        self.buttons["open"].setEnabled(one and bool(runs[0].get("model_path")))
        self.buttons["repeat"].setEnabled(
            one and not repeating and ModelConfig.from_run(runs[0]) is not None
        )
        self.buttons["stop"].setEnabled(repeating)
        self.buttons["export"].setEnabled(bool(self.runs))

    # ----- actions ----------------------------------------------------------------------------
    def open_selected(self) -> None:
        """Make the selected run's saved model the app's model."""
        from engine.model.bundle import load_bundle
        from engine.model.predictor import Predictor

        runs = self._selected_runs()
        if len(runs) != 1 or not runs[0].get("model_path"):
            return
        try:
            bundle = load_bundle(runs[0]["model_path"], load_keras=False)
        except LabError as exc:
            self.state.status_message.emit(str(exc))
            return
        self.state.set_predictor(Predictor(bundle.weights, bundle.vocab, bundle.config.activation))
        self.state.set_run(self.store.get_run(runs[0]["id"]))

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
        self.store.rename(runs[0]["id"], name)
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
        path, _ = QFileDialog.getSaveFileName(
            self, "Export run history", "runs.csv", "CSV files (*.csv)"
        )
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> Path:
        out = export_runs_csv(self.store.list_runs(), path)
        self.state.status_message.emit(f"Saved the run history to {out}.")
        return out

    def _history_changed(self) -> None:
        if hasattr(self.state, "runs_changed"):
            self.state.runs_changed.emit()  # our refresh is connected to it
        else:
            self.refresh()

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
        """Train the selected run's configuration with ``count`` seeds in a worker thread."""
        from gui.workers import DataWorker, Job, repeat_in_service

        runs = self._selected_runs()
        if len(runs) != 1 or (self.repeat_job is not None and self.repeat_job.running()):
            return False
        if self.state.dataset is None:
            self.state.status_message.emit("Load the dataset before repeating a run.")
            return False
        config = ModelConfig.from_run(runs[0])
        name = f"{runs[0].get('name') or 'Run'} repeat"
        worker = DataWorker(
            repeat_in_service,
            self.state.dataset,
            config,
            count=count,
            store=self.store,
            name=name,
            what="Repeating the run",
        )
        worker.progress.connect(self._repeat_progress)
        worker.finished.connect(self._repeat_finished)
        worker.failed.connect(self._repeat_failed)
        self.repeat_name = name
        self.repeat_job = Job(worker, "RepeatSeeds").start()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.spread_label.setText(f"Training {config.summary_text()} with {count} seeds…")
        self._update_buttons()
        return True

    def stop_repeat(self) -> None:
        if self.repeat_job is not None:
            self.repeat_job.stop()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop a running repeat and join its thread (call before the window closes)."""
        if self.repeat_job is None:
            return True
        self.repeat_job.stop()
        return self.repeat_job.wait(timeout_ms)

    def _repeat_progress(self, value) -> None:
        fraction, message = value
        self.progress.setValue(int(100 * fraction))
        self.progress.setFormat(message)
        self.refresh()  # once per epoch: the repeat's runs appear and grow in the table

    def _repeat_finished(self, result) -> None:
        self.repeat_result = result
        self.progress.setVisible(False)
        self.refresh()
        s = result.test_spread()
        if s:
            self.spread_label.setText(
                f"Test accuracy over {s['n']} seeds: mean {s['mean']:.2%}, min {s['min']:.2%}, "
                f"max {s['max']:.2%} (spread {100 * s['range']:.1f} points). Differences between "
                "experiments smaller than this spread may be noise."
            )
        else:
            self.spread_label.setText("The repeat stopped before a run finished.")
        if result.results:
            self.bands = [{"name": self.repeat_name, "bands": result.bands()}]
            self.select_ids([i for i in result.run_ids if i is not None])
            self.publish_overlay()
        self._update_buttons()

    def _repeat_failed(self, message) -> None:
        self.progress.setVisible(False)
        self.spread_label.setText(message or "The repeat was stopped.")
        self.refresh()
        self._update_buttons()
