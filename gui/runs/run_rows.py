"""How a run from the history is shown: table cells, CSV export, its configuration.

Kept apart from the Runs tab's widgets so the same formatting serves the table and the
CSV file, and can be tested without a window.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.model.config import ModelConfig
from gui.common.localized import percent as locale_percent

COLUMNS = (  # translated where they are shown
    QT_TRANSLATE_NOOP("RunsTab", "Date"),
    QT_TRANSLATE_NOOP("RunsTab", "Name"),
    QT_TRANSLATE_NOOP("RunsTab", "Configuration"),
    QT_TRANSLATE_NOOP("RunsTab", "Status"),
    QT_TRANSLATE_NOOP("RunsTab", "Best epoch"),
    QT_TRANSLATE_NOOP("RunsTab", "Best val. accuracy"),
    QT_TRANSLATE_NOOP("RunsTab", "Test accuracy"),
    QT_TRANSLATE_NOOP("RunsTab", "Duration"),
    QT_TRANSLATE_NOOP("RunsTab", "Dataset"),
)
STATUSES = {  # a run's stored status -> the table's word for it
    "running": QT_TRANSLATE_NOOP("RunsTab", "running"),
    "finished": QT_TRANSLATE_NOOP("RunsTab", "finished"),
    "stopped": QT_TRANSLATE_NOOP("RunsTab", "stopped"),
    "failed": QT_TRANSLATE_NOOP("RunsTab", "failed"),
}


def status_text(status: str) -> str:
    """A run's status in the interface language (unknown ones as stored)."""
    return QCoreApplication.translate("RunsTab", STATUSES[status]) if status in STATUSES else status


CSV_FIELDS = (
    "id",
    "name",
    "started",
    "ended",
    "duration_s",
    "status",
    "configuration",
    "epochs",
    "best_epoch",
    "best_val_accuracy",
    "test_accuracy",
    "group_id",
    "dataset",
    "config",
)


def _time(value) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value)
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _json(value):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def run_fields(run: dict) -> dict:
    """The values one history row shows (and the CSV exports), as plain Python values."""
    started, ended = _time(run.get("started")), _time(run.get("ended"))
    config = ModelConfig.from_run(run)
    test = _json(run.get("test")) or {}
    best_val = run.get("best_val_accuracy")
    if best_val is None and run.get("best_epoch") and run.get("history"):
        best_val = run["history"]["val_accuracy"][run["best_epoch"] - 1]
    return {
        "id": run.get("id"),
        "name": run.get("name") or f"Run {run.get('id')}",
        "started": started.isoformat(sep=" ", timespec="seconds") if started else "",
        "ended": ended.isoformat(sep=" ", timespec="seconds") if ended else "",
        "duration_s": round((ended - started).total_seconds(), 1) if started and ended else None,
        "status": run.get("status", ""),
        "configuration": config.summary_text() if config else "",
        "epochs": run.get("epochs"),
        "best_epoch": run.get("best_epoch"),
        "best_val_accuracy": best_val,
        "test_accuracy": test.get("accuracy") if isinstance(test, dict) else None,
        "group_id": run.get("group_id") or "",
        "dataset": dataset_text(_json(run.get("dataset"))),
        "config": config.to_json() if config else "",
    }


def dataset_text(info) -> str:
    """``"ratings_train.txt + ratings_test.txt (149,995 / 49,997)"``; "" when not recorded."""
    if not isinstance(info, dict) or not info.get("name"):
        return ""
    counts = info.get("counts") or {}
    return f"{info['name']} ({counts.get('train', 0):,} / {counts.get('test', 0):,})"


def export_runs_csv(runs: list[dict], path: str | Path) -> Path:
    """Write the history as CSV (one row per run, the table's columns plus the config)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for run in runs:
            writer.writerow({k: ("" if v is None else v) for k, v in run_fields(run).items()})
    return path


def local_time_text(iso: str) -> str:
    """``2026-11-28 06:15`` in the user's time zone, from the stored ISO time."""
    when = _time(iso) if iso else None
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""


def percent(value) -> str:
    return "" if value is None else locale_percent(float(value), 2)


def duration_text(seconds) -> str:
    if seconds is None:
        return ""
    minutes, sec = divmod(int(round(seconds)), 60)
    if minutes:
        return QCoreApplication.translate("RunsTab", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{sec:02d}"
        )
    return QCoreApplication.translate("RunsTab", "{seconds} s").format(seconds=sec)
