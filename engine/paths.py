"""Where the app keeps its data, caches, runs and history.

``IMDB_LAB_HOME`` relocates everything (tests point it at a temp dir); otherwise the
platform's conventional folders from platformdirs are used.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "imdb-sentiment-lab"
HOME_ENV = "IMDB_LAB_HOME"
DATA_ENV = "IMDB_LAB_DATA"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _made(path: Path) -> Path:
    """``path``, created if possible; a read-only home is not an error here, since reading
    what exists still works and each writer says in one sentence what it could not save."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return path


def data_dir() -> Path:
    """Persistent app data: run history database, saved models, downloads."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return _made(path)


def cache_dir() -> Path:
    """Rebuildable caches: the processed dataset."""
    home = _home()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return _made(path)


def logs_dir() -> Path:
    """The rotating log files (warnings and errors with their tracebacks)."""
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_dir() -> Path:
    """One sub-folder per training run (model bundle, per-epoch weights)."""
    path = data_dir() / "runs"
    return _made(path)


def downloads_dir() -> Path:
    """Where the official archive is downloaded to."""
    path = data_dir() / "downloads"
    return _made(path)


def history_db() -> Path:
    """The SQLite run history."""
    return data_dir() / "history.sqlite3"


def env_data_path() -> Path | None:
    """The dataset named by ``IMDB_LAB_DATA``, if set."""
    value = os.environ.get(DATA_ENV, "").strip()
    return Path(value).expanduser() if value else None
