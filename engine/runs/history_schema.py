"""The run history's SQLite schema, its version, and bringing an older file up to date.

Tables: ``runs`` (one row per training run), ``epochs`` (one per completed epoch) and
``evaluations`` (test results stored later, per run and epoch).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from engine.errors import LabError

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


class HistoryError(LabError):
    """The run history database cannot be used."""


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Create what is missing and record the schema version (a writable open does this).

    Raises:
        HistoryError: the file was written by a newer version of the app.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryError(f"The run history at {path} was written by a newer version of the app.")
    conn.executescript(SCHEMA)
    _add_dataset_column(conn)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _add_dataset_column(conn: sqlite3.Connection) -> None:
    """Histories written before runs recorded their dataset gain the column (NULL: unknown)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
    if "dataset" not in columns:
        conn.execute("ALTER TABLE runs ADD COLUMN dataset TEXT")
