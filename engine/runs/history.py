"""Run history in SQLite: one row per training run, one per completed epoch.

:class:`RunStore` is the one way in. It is put together from
:mod:`engine.runs.history_file` (the file, one short-lived connection per call, WAL, a
read-only history), :mod:`engine.runs.history_reads`, :mod:`engine.runs.history_writes`,
:mod:`engine.runs.history_schema` (tables, version, migrations) and
:mod:`engine.runs.run_liveness` (whether a run's process still lives).

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

from engine.runs.history_schema import (
    BUSY_TIMEOUT_S,
    EPOCH_FIELDS,
    SCHEMA_VERSION,
    STATUSES,
    HistoryError,
)
from engine.runs.history_writes import HistoryWrites
from engine.runs.run_liveness import INTERRUPTED_REASON
from engine.runs.run_liveness import process_start as _process_start

__all__ = [
    "BUSY_TIMEOUT_S",
    "EPOCH_FIELDS",
    "INTERRUPTED_REASON",
    "SCHEMA_VERSION",
    "STATUSES",
    "HistoryError",
    "RunStore",
    "_process_start",
]


class RunStore(HistoryWrites):
    """The run history database (default: ``paths.history_db()``).

    ``RunStore(path=None, runs_root=None)``: the runs' files (per-epoch weights, model
    bundles) go under ``runs_root``, by default ``paths.runs_dir()`` for the default
    database and a ``runs`` folder beside any other.
    """
