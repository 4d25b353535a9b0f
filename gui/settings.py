"""The app's QSettings (INI files), kept under ``IMDB_LAB_HOME`` when that is set."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "IMDB Sentiment Lab"
APPLICATION = "IMDB Sentiment Lab"


def configure_settings() -> None:
    """Use INI settings under ``IMDB_LAB_HOME`` when it is set, so tests never touch the user's."""
    home = os.environ.get("IMDB_LAB_HOME", "").strip()
    if home:
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home) / "settings")
        )


def settings() -> QSettings:
    """The app's settings (INI everywhere, so files are easy to inspect and reset)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
