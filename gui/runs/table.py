"""The Runs tab's table: reading the history (now or in the background) and the selection.

:class:`RunTable` is a mixin of :class:`gui.runs.tab.RunsTab`; the columns and their texts
come from :mod:`gui.runs.run_rows`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableWidgetItem

from engine.errors import Cancelled
from gui.runs.run_rows import (
    COLUMNS,
    duration_text,
    local_time_text,
    percent,
    run_fields,
    status_text,
)
from gui.tasks import error_text


class RunTable:
    """The history table of the Runs tab, mixed into it."""

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
            what=QCoreApplication.translate("RunsTab", "Reading the run history"),
        )

    def _read_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            self.state.status_message.emit(
                error_text(exc, QCoreApplication.translate("RunsTab", "Reading the run history"))
            )

    def _show_runs(self, runs: list[dict]) -> None:
        keep = set(self.selected_ids())
        self.runs = runs
        current = (self.state.run or {}).get("id")
        bold = QFont()
        bold.setBold(True)
        self.table.blockSignals(True)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RunsTab", c) for c in COLUMNS]
        )
        self.table.setRowCount(len(self.runs))
        for r, run in enumerate(self.runs):
            f = run_fields(run)
            values = (
                local_time_text(f["started"]),
                f["name"],
                f["configuration"],
                status_text(f["status"]),
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
                        QCoreApplication.translate(
                            "RunsTab",
                            "Tested after all {epochs} epochs (the final, overfitted model); the "
                            "book's protocol retrains the best epoch count first and scores higher.",
                        ).format(epochs=f["epochs"])
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


def _list_runs(store, progress=None, cancel=None) -> list[dict]:
    """``store.list_runs()`` as a task."""
    return store.list_runs()
