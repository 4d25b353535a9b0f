"""The run history's database file: opening it, and one short-lived connection per call.

Every call opens its own connection, so the GUI thread, a training worker thread and
other processes (a CLI run beside the window) can all use the same file. WAL mode lets
readers proceed while a trainer writes; ``busy_timeout`` makes writers wait for each other
instead of failing. A history that cannot be written (read-only home or medium) is opened
read-only and still reads, while writes say why not.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engine import paths
from engine.errors import StorageError
from engine.runs.history_schema import BUSY_TIMEOUT_S, HistoryError, migrate
from engine.runs.run_liveness import mark_interrupted


class HistoryFile:
    """The database at ``path`` and the folder of the runs' files (``runs_root``)."""

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
                migrate(conn, self.path)
                mark_interrupted(conn)  # opening for writing: record dead runs
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


def _writable(db: Path) -> bool:
    """Whether ``db`` can be written: the file if it exists, else the nearest folder above it."""
    if db.exists():
        return os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    folder = db.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)
