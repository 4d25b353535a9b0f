"""The Runs tab: the training history, run comparison and repeated seeds.

Every run in the SQLite history is one row. Selecting rows overlays their curves on the
Train tab's plots (through ``state.overlay_runs``); "Repeat ×3" trains the selected run's
configuration with three seeds in a worker thread and overlays the mean curve with its
min-max band, so a learner can see which differences between experiments are noise.

This module lays the tab out, enables its buttons and publishes the overlay; its mixins
hold the rest: :class:`gui.runs.table.RunTable` (reading the history, the selection),
:class:`gui.runs.actions.RunActions` (use, rename, delete, export) and
:class:`gui.runs.repeat.RepeatSeeds` (Repeat ×3). Restoring the last model at start-up is
:func:`gui.runs.restore.restore_last_model`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from engine.model.config import ModelConfig
from gui.common.progress_bar import ProgressBar
from gui.common.translate import Retranslating
from gui.runs.actions import RunActions
from gui.runs.repeat import RepeatSeeds
from gui.runs.restore import has_model
from gui.runs.run_rows import COLUMNS
from gui.runs.table import RunTable
from gui.tasks import TaskRunner, shutdown_tasks

# The buttons above the table: key -> (text, tooltip).
BUTTONS = {
    "refresh": (
        QT_TRANSLATE_NOOP("RunsTab", "Refresh"),
        QT_TRANSLATE_NOOP("RunsTab", "Reload the history."),
    ),
    "open": (
        QT_TRANSLATE_NOOP("RunsTab", "Use this model"),
        QT_TRANSLATE_NOOP("RunsTab", "Make this run's saved model the current model of every tab."),
    ),
    "rename": (
        QT_TRANSLATE_NOOP("RunsTab", "Rename…"),
        QT_TRANSLATE_NOOP("RunsTab", "Give the run a new name."),
    ),
    "delete": (
        QT_TRANSLATE_NOOP("RunsTab", "Delete…"),
        QT_TRANSLATE_NOOP("RunsTab", "Delete the run and its files."),
    ),
    "export": (
        QT_TRANSLATE_NOOP("RunsTab", "Export CSV…"),
        QT_TRANSLATE_NOOP("RunsTab", "Save the history as a CSV file."),
    ),
    "repeat": (
        QT_TRANSLATE_NOOP("RunsTab", "Repeat ×3"),
        QT_TRANSLATE_NOOP(
            "RunsTab", "Train this configuration with 3 seeds to see how much results vary."
        ),
    ),
    "stop": (
        QT_TRANSLATE_NOOP("RunsTab", "Stop repeat"),
        QT_TRANSLATE_NOOP("RunsTab", "Stop the repeat after the current batch."),
    ),
    "clear": (
        QT_TRANSLATE_NOOP("RunsTab", "Clear overlay"),
        QT_TRANSLATE_NOOP("RunsTab", "Remove overlaid runs from the plots."),
    ),
}


class RunsTab(Retranslating, RunTable, RunActions, RepeatSeeds, QWidget):
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
        self.table.setHorizontalHeaderLabels(list(COLUMNS))  # translated in _show_runs
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())

        self.buttons = {}
        # A flow layout: eight buttons and the overlay box in one row needed 1,010 px.
        bar = QFlowLayout()
        slots = {
            "refresh": self.refresh,
            "open": self.open_selected,
            "rename": self.rename_selected,
            "delete": self.delete_selected,
            "export": self.export_dialog,
            "repeat": self.repeat_selected,
            "stop": self.stop_repeat,
            "clear": self.clear_overlay,
        }
        for key, slot in slots.items():
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, s=slot: s())
            bar.addWidget(button)
            self.buttons[key] = button
        self.overlay_box = QCheckBox()
        self.overlay_box.setChecked(True)
        self.overlay_box.toggled.connect(lambda _on: self.publish_overlay())
        bar.addWidget(self.overlay_box)

        self.progress = ProgressBar()
        self.progress.setVisible(False)
        self.spread_label = QLabel("")
        self.spread_label.setWordWrap(True)
        self._spread_text = lambda: ""

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
        self.retranslate()

    def retranslate(self) -> None:
        for key, (text, tip) in BUTTONS.items():
            self.buttons[key].setText(self.tr(text))
            self.buttons[key].setToolTip(self.tr(tip))
        self.overlay_box.setText(self.tr("Overlay selected runs on the Train plots"))
        self.spread_label.setText(self._spread_text())
        self._show_runs(self.runs)  # statuses, durations and headers in the new language

    def _say_spread(self, text) -> None:
        """Show ``text()`` under the table (called again on a language switch)."""
        self._spread_text = text
        self.spread_label.setText(text())

    def _run_changed(self, _run) -> None:
        self.refresh_in_background()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A run may have gained epochs while another tab was showing.
        self.refresh_in_background()
        super().showEvent(event)

    def shutdown(self) -> bool:
        """Stop a running repeat and background reads and join them; True when all ended."""
        return shutdown_tasks(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # ----- buttons ----------------------------------------------------------------------------
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
        self.buttons["open"].setEnabled(one and has_model(runs[0]))
        self.buttons["repeat"].setEnabled(
            one and not repeating and ModelConfig.from_run(runs[0]) is not None
        )
        self.buttons["stop"].setEnabled(repeating)
        self.buttons["export"].setEnabled(bool(self.runs))
        for key in ("refresh", "export", "repeat"):
            if self.store is None:
                self.buttons[key].setEnabled(False)

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
