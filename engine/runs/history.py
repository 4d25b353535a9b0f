"""Run history in SQLite: one row per training run, one per completed epoch.

Every call opens its own short-lived connection, so the GUI thread, a training worker
thread and other processes (a CLI run beside the window) can all use the same file. WAL
mode lets readers proceed while a trainer writes; ``busy_timeout`` makes writers wait for
each other instead of failing. Each epoch is its own committed transaction, so killing the
process loses at most the epoch in progress; the run is then shown as "interrupted".
Reading never writes: that status is computed on read and stored at the next writing
moment (opening the store for writing, creating a run). A history that cannot be written
(read-only home or medium) is opened read-only and still lists, while writes say why not.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from engine import paths
from engine.errors import LabError, StorageError
from engine.jsonable import json_default
from engine.model.config import ModelConfig

STATUSES = ("running", "finished", "stopped", "failed", "interrupted")
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    config TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'running',
    pid INTEGER,
    pid_start TEXT NOT NULL DEFAULT '',
    started TEXT NOT NULL,
    ended TEXT,
    best_epoch INTEGER,
    best_val_accuracy REAL,
    test TEXT,
    model_path TEXT,
    group_id INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    dataset TEXT
);
CREATE TABLE IF NOT EXISTS epochs (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    loss REAL, accuracy REAL, val_loss REAL, val_accuracy REAL, seconds REAL,
    weights_path TEXT,
    PRIMARY KEY (run_id, epoch)
);
CREATE TABLE IF NOT EXISTS evaluations (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    result TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (run_id, epoch)
);
"""
# An added table is created by the next writable open; older histories still read (no
# table means no stored evaluations), so the schema version stays 1.
EPOCH_FIELDS = ("loss", "accuracy", "val_loss", "val_accuracy", "seconds")
INTERRUPTED_REASON = "The program training this run stopped before it finished."


class HistoryError(LabError):
    """The run history database cannot be used."""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _process_start(pid: int) -> str:
    """A token that changes when ``pid`` is reused (Linux: start time in /proc), else ""."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        return stat.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _is_zombie(pid: int) -> bool:
    """True when ``pid`` has exited but was not reaped yet (state Z in /proc, Linux only)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False


def _pid_alive(pid: int | None, start: str) -> bool:
    if not pid:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    if _is_zombie(pid):
        return False
    return not start or _process_start(pid) in ("", start)


def _pid_alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows.
    if sys.platform != "win32":  # ctypes.windll exists only there
        return False

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return bool(ok) and code.value == 259  # STILL_ACTIVE


class RunStore:
    """The run history database (default: ``paths.history_db()``)."""

    def __init__(self, path: str | Path | None = None, runs_root: str | Path | None = None):
        self.path = Path(path) if path is not None else paths.history_db()
        if runs_root is not None:
            self.runs_root = Path(runs_root)
        else:
            self.runs_root = paths.runs_dir() if path is None else self.path.parent / "runs"
        # A history that cannot be written (read-only home, medium or file) is still read.
        self.read_only = not _writable(self.path)
        if self.read_only:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise HistoryError(
                        f"The run history at {self.path} was written by a newer version of the app."
                    )
                conn.executescript(SCHEMA)
                _add_dataset_column(conn)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self._mark_interrupted(conn)  # opening for writing: record dead runs
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"The run history at {self.path} cannot be opened ({exc})."
            ) from None

    @contextmanager
    def _connect(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        """A fresh connection whose block is one transaction (committed on success).

        A read-only store opens the file ``immutable``: SQLite then needs neither the WAL's
        shared-memory file nor a lock, both of which it would have to create.
        """
        if self.read_only:
            if write:
                raise HistoryError(
                    f"The run history at {self.path} is read-only, so nothing can be saved "
                    "to it; make the folder writable or set IMDB_LAB_HOME."
                )
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        else:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            # FULL: a committed epoch survives a power cut too, not only a killed process.
            conn.execute("PRAGMA synchronous=FULL")
            with conn:
                yield conn
        except sqlite3.OperationalError as exc:
            if "full" in str(exc):
                raise StorageError(
                    f"The disk is full: the run history at {self.path} was not updated."
                ) from None
            raise HistoryError(f"The run history at {self.path} cannot be used ({exc}).") from None
        finally:
            conn.close()

    def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A connection for reading; an empty read-only history reads as no runs."""
        return self._connect(write=False)

    def run_dir(self, run_id: int) -> Path:
        """The folder for a run's files (per-epoch weights, model bundle)."""
        return self.runs_root / str(int(run_id))

    # -- writing -------------------------------------------------------------------------

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
            self._mark_interrupted(conn)
            cur = conn.execute(
                "INSERT INTO runs (name, config, status, pid, pid_start, started, group_id, "
                "dataset) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
                (
                    name or "",
                    config_json,
                    pid,
                    _process_start(pid),
                    _now(),
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
                    _now(),
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
                        _now(),
                    ),
                )
            except sqlite3.IntegrityError:
                raise HistoryError(f"Run {run_id} no longer exists in the history.") from None

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

    # -- reading -------------------------------------------------------------------------

    def _mark_interrupted(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute(
            "SELECT id, pid, pid_start FROM runs WHERE status = 'running'"
        ).fetchall()
        dead = [r["id"] for r in rows if not _pid_alive(r["pid"], r["pid_start"])]
        for run_id in dead:
            last = conn.execute(
                "SELECT MAX(epoch) FROM epochs WHERE run_id = ?", (run_id,)
            ).fetchone()[0]
            conn.execute(
                "UPDATE runs SET status = 'interrupted', reason = ?, "
                "ended = COALESCE(ended, ?) WHERE id = ? AND status = 'running'",
                (
                    INTERRUPTED_REASON + (f" {last} epochs were saved." if last else ""),
                    _now(),
                    run_id,
                ),
            )

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
        return [_run_dict(r) for r in rows]

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        with self._read() as conn:
            row = conn.execute(self._SELECT + " WHERE r.id = ?", (run_id,)).fetchone()
        return _run_dict(row) if row else None

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


def _add_dataset_column(conn: sqlite3.Connection) -> None:
    """Histories written before runs recorded their dataset gain the column (NULL: unknown)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
    if "dataset" not in columns:
        conn.execute("ALTER TABLE runs ADD COLUMN dataset TEXT")


def _writable(db: Path) -> bool:
    """Whether ``db`` can be written: the file if it exists, else the nearest folder above it."""
    if db.exists():
        return os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    folder = db.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def _run_dict(row: sqlite3.Row) -> dict[str, Any]:
    run = dict(row)
    if run["status"] == "running" and not _pid_alive(run["pid"], run["pid_start"]):
        # Computed on read; create_run records it (reads never write).
        run["status"] = "interrupted"
        saved = run.get("epochs")
        run["reason"] = INTERRUPTED_REASON + (f" {saved} epochs were saved." if saved else "")
    run["config"] = json.loads(run["config"]) if run["config"] else {}
    run["test"] = json.loads(run["test"]) if run["test"] else None
    run["dataset"] = json.loads(run["dataset"]) if run.get("dataset") else None
    del run["pid_start"]
    return run
