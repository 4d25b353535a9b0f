"""Reading the run history: runs, their epochs, stored evaluations, the newest model.

A read never writes: a "running" run whose process is gone is reported as "interrupted"
here and recorded so at the next writing moment (:mod:`engine.runs.history_writes`).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from engine.runs.history_file import HistoryFile
from engine.runs.run_liveness import INTERRUPTED_REASON, pid_alive


class HistoryReads(HistoryFile):
    """The history's reads (:class:`engine.runs.history_writes.HistoryWrites` adds the writes)."""

    def evaluation(self, run_id: int, epoch: int | None = None) -> dict[str, Any] | None:
        """The stored test result of a run's saved model (``epoch`` None) or of one epoch.

        A manual evaluation wins over the one training recorded (the run's ``test``); None
        when the model was never tested. A read: nothing is written.
        """
        if not self.path.exists():
            return None
        with self._read() as conn:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evaluations'"
            ).fetchone()
            row = (
                conn.execute(
                    "SELECT result FROM evaluations WHERE run_id = ? AND epoch = ?",
                    (int(run_id), int(epoch or 0)),
                ).fetchone()
                if has_table
                else None
            )
            if row is None and epoch is None:
                row = conn.execute("SELECT test FROM runs WHERE id = ?", (int(run_id),)).fetchone()
        if row is None or not row[0]:
            return None
        value = json.loads(row[0])
        return value if isinstance(value, dict) else None

    _SELECT = (
        "SELECT r.*, (SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id) AS epochs, "
        "l.loss AS loss, l.accuracy AS accuracy, l.val_loss AS val_loss, "
        "l.val_accuracy AS val_accuracy FROM runs r LEFT JOIN epochs l ON l.run_id = r.id "
        "AND l.epoch = (SELECT MAX(epoch) FROM epochs m WHERE m.run_id = r.id)"
    )

    def list_runs(self) -> list[dict[str, Any]]:
        """All runs, newest first, with completed-epoch count and final metrics.

        A read: nothing is written. A "running" run whose process is gone is reported as
        "interrupted" (and recorded so at the next write, see :meth:`create_run`).
        """
        if not self.path.exists():
            return []
        with self._read() as conn:
            rows = conn.execute(self._SELECT + " ORDER BY r.id DESC").fetchall()
        return [run_dict(r) for r in rows]

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        with self._read() as conn:
            row = conn.execute(self._SELECT + " WHERE r.id = ?", (run_id,)).fetchone()
        return run_dict(row) if row else None

    def epochs(self, run_id: int) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", (run_id,)
            ).fetchall()
        return [dict(r) for r in rows]

    def latest_model(self) -> Path | None:
        """The bundle of the newest finished run whose folder still exists."""
        if not self.path.exists():
            return None
        with self._read() as conn:
            rows = conn.execute(
                "SELECT model_path FROM runs WHERE status = 'finished' AND "
                "model_path IS NOT NULL ORDER BY id DESC"
            ).fetchall()
        for (model_path,) in rows:
            if Path(model_path).is_dir():
                return Path(model_path)
        return None

    def integrity_check(self) -> str:
        """SQLite's own check: "ok" when the file is sound."""
        with self._read() as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]


def run_dict(row: sqlite3.Row) -> dict[str, Any]:
    """A ``runs`` row as a dict: JSON fields decoded, a dead "running" run "interrupted"."""
    run = dict(row)
    if run["status"] == "running" and not pid_alive(run["pid"], run["pid_start"]):
        # Computed on read; create_run records it (reads never write).
        run["status"] = "interrupted"
        saved = run.get("epochs")
        run["reason"] = INTERRUPTED_REASON + (f" {saved} epochs were saved." if saved else "")
    run["config"] = json.loads(run["config"]) if run["config"] else {}
    run["test"] = json.loads(run["test"]) if run["test"] else None
    run["dataset"] = json.loads(run["dataset"]) if run.get("dataset") else None
    del run["pid_start"]
    return run
