"""What the Runs tab does to the selected runs: use its model, rename, delete, export.

:class:`RunActions` is a mixin of :class:`gui.runs.tab.RunsTab`; every change to the history
is announced through ``state.runs_changed`` (the tab's refresh listens to it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from engine.errors import LabError
from engine.runs.experiments import run_predictor
from gui.common.counted import counted
from gui.common.save_dialog import save_file_name
from gui.current_model import run_model
from gui.runs.restore import has_model
from gui.runs.run_rows import export_runs_csv


class RunActions:
    """Use, rename, delete and export runs; mixed into the Runs tab."""

    def open_selected(self) -> None:
        """Make the selected run's saved model the app's model."""
        runs = self._selected_runs()
        if len(runs) != 1 or not has_model(runs[0]):
            return
        try:
            predictor = run_predictor(self.store, runs[0])
        except LabError as exc:
            self.state.status_message.emit(str(exc))
            return
        run = self.store.get_run(runs[0]["id"]) or runs[0]
        self.state.set_model(run_model(self.store, run, predictor))
        self.state.status_message.emit(
            QCoreApplication.translate("RunsTab", "Now using the model of {name}.").format(
                name=run.get("name") or run["id"]
            )
        )

    def rename_selected(self, name: str | None = None) -> None:
        runs = self._selected_runs()
        if len(runs) != 1:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("RunsTab", "Rename run"),
                QCoreApplication.translate("RunsTab", "New name:"),
                text=runs[0].get("name") or "",
            )
            if not ok:
                return
        name = name.strip()
        if not name:
            self.state.status_message.emit(
                QCoreApplication.translate("RunsTab", "A run needs a non-empty name.")
            )
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
                QCoreApplication.translate("RunsTab", "Delete runs"),
                counted("delete_runs", len(runs)),
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
        path = save_file_name(
            self,
            QCoreApplication.translate("RunsTab", "Export run history"),
            "runs.csv",
            QCoreApplication.translate("RunsTab", "CSV files (*.csv)"),
        )
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> Path:
        out = export_runs_csv(self.store.list_runs(), path)
        self.state.status_message.emit(
            QCoreApplication.translate("RunsTab", "Saved the run history to {path}.").format(
                path=out
            )
        )
        return out

    def _history_changed(self) -> None:
        self.state.runs_changed.emit()  # our refresh is connected to it
