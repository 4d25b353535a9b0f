"""Logging for the window and the command line: a rotating file in the platform's log folder.

A launcher-started window has no terminal, so warnings and errors (with their tracebacks)
go to ``logs_dir()/imdb-sentiment-lab.log`` (platformdirs' user log folder, or
``$IMDB_LAB_HOME/logs``), rotated at 1 MB with three old files kept. Modules log through
``logging.getLogger(__name__)``; only the entry points call :func:`setup_logging`.

The window's training process writes its own file (``TRAINING_LOG_NAME``) beside it:
a rotating handler renames its file when it is full, and a second process writing the
same file would go on writing into the renamed old one.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from engine.paths import logs_dir

LOG_NAME = "imdb-sentiment-lab.log"
TRAINING_LOG_NAME = "imdb-sentiment-lab-training.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


def log_file(name: str = LOG_NAME) -> Path:
    """The current log file (``name``: this process's file in the log folder)."""
    return logs_dir() / name


def setup_logging(level: int = logging.WARNING, name: str = LOG_NAME) -> Path | None:
    """Send records of ``level`` and above from every module to the rotating log file.

    ``name`` is the file in the log folder; each process that runs at the same time as
    another one writes its own (see the module's docstring).

    Safe to call more than once: a handler this function added before for another
    folder (``IMDB_LAB_HOME`` changed, as in tests) is replaced. Returns the log file, or
    None when it cannot be written (the app then runs without a log file).
    """
    root = logging.getLogger()
    try:
        path = log_file(name)
    except OSError:
        return None
    for old in [h for h in root.handlers if getattr(h, "lab_log", False)]:
        if getattr(old, "baseFilename", None) == str(path):
            return path
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.lab_log = True  # type: ignore[attr-defined]
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)
    return path
