"""Writing the run history: creating, extending, finishing, renaming and deleting runs.

Each epoch is its own committed transaction, so killing the process loses at most the
epoch in progress; the run is then shown as "interrupted" (:mod:`engine.runs.run_liveness`).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.jsonable import json_default
from engine.model.config import ModelConfig
from engine.runs.history_reads import HistoryReads
from engine.runs.history_schema import EPOCH_FIELDS, STATUSES, HistoryError
from engine.runs.run_liveness import mark_interrupted, now, process_start


class HistoryWrites(HistoryReads):
    """The history's writes (a read-only history raises :class:`HistoryError` on each)."""

    def create_run(
        self,
        config: ModelConfig | Mapping[str, Any],
        name: str | None = None,
        group_id: int | None = None,
        dataset: Mapping[str, Any] | None = None,
    ) -> int:
        """Record a new run as "running" by this process and return its id.

        ``dataset`` (name, fingerprint, counts; see :func:`engine.data.dataset_record.dataset_info`)
        says what the run was trained on.
        """
        config_json = config.to_json() if isinstance(config, ModelConfig) else json.dumps(config)
        pid = os.getpid()
        with self._connect() as conn:
            mark_interrupted(conn)
            cur = conn.execute(
                "INSERT INTO runs (name, config, status, pid, pid_start, started, group_id, "
                "dataset) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
                (
                    name or "",
                    config_json,
                    pid,
                    process_start(pid),
                    now(),
                    group_id,
                    json.dumps(dict(dataset), default=json_default) if dataset else None,
                ),
            )
            run_id = cur.lastrowid
            assert run_id is not None  # every INSERT sets it
            if not name:
                conn.execute("UPDATE runs SET name = ? WHERE id = ?", (f"Run {run_id}", run_id))
        return run_id

    def add_epoch(
        self, run_id: int, metrics: Mapping[str, Any], weights_path: str | Path | None = None
    ) -> None:
        """Commit one completed epoch (``metrics`` as EpochMetrics: ``epoch`` is 1-based)."""
        values = [None if metrics.get(k) is None else float(metrics[k]) for k in EPOCH_FIELDS]
        with self._connect() as conn:
            try:
                conn.execute(
                    "INSERT OR REPLACE INTO epochs (run_id, epoch, loss, accuracy, val_loss, "
                    "val_accuracy, seconds, weights_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        int(run_id),
                        int(metrics["epoch"]),
                        *values,
                        str(weights_path) if weights_path else None,
                    ),
                )
            except sqlite3.IntegrityError:
                raise HistoryError(f"Run {run_id} no longer exists in the history.") from None

    def finish_run(
        self,
        run_id: int,
        status: str,
        best_epoch: int | None = None,
        test: dict | None = None,
        model_path: str | Path | None = None,
        reason: str = "",
    ) -> None:
        """Mark the run finished/stopped/failed and store its outcome."""
        if status not in STATUSES:
            raise ValueError(f"unknown run status {status!r}")
        with self._connect() as conn:
            best_acc = None
            if best_epoch is not None:
                row = conn.execute(
                    "SELECT val_accuracy FROM epochs WHERE run_id = ? AND epoch = ?",
                    (run_id, best_epoch),
                ).fetchone()
                best_acc = row[0] if row else None
            conn.execute(
                "UPDATE runs SET status = ?, ended = ?, best_epoch = ?, best_val_accuracy = ?, "
                "test = ?, model_path = ?, reason = ? WHERE id = ?",
                (
                    status,
                    now(),
                    best_epoch,
                    best_acc,
                    json.dumps(test, default=json_default) if test is not None else None,
                    str(model_path) if model_path else None,
                    reason,
                    run_id,
                ),
            )

    def save_evaluation(self, run_id: int, epoch: int | None, result: Mapping[str, Any]) -> None:
        """Store a model's test result (``Evaluation.to_dict()``): the run's saved model when
        ``epoch`` is None, else that epoch's weights. A later one replaces it."""
        with self._connect() as conn:
            try:
                conn.execute(
                    "INSERT OR REPLACE INTO evaluations (run_id, epoch, result, created) "
                    "VALUES (?, ?, ?, ?)",
                    (
                        int(run_id),
                        int(epoch or 0),
                        json.dumps(dict(result), default=json_default),
                        now(),
                    ),
                )
            except sqlite3.IntegrityError:
                raise HistoryError(f"Run {run_id} no longer exists in the history.") from None

    def rename(self, run_id: int, name: str) -> None:
        with self._connect() as conn:
            conn.execute("UPDATE runs SET name = ? WHERE id = ?", (name.strip(), run_id))

    def delete(self, run_id: int) -> None:
        """Remove a run, its epochs and its folder; a run still training cannot be deleted."""
        run = self.get_run(run_id)
        if run is None:
            return
        if run["status"] == "running":
            raise HistoryError(f"Run {run_id} is still training; stop it before deleting it.")
        with self._connect() as conn:
            conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))
        shutil.rmtree(self.run_dir(run_id), ignore_errors=True)
