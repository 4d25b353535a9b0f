"""Save dialogs that open in the user's documents folder, or wherever they last saved.

A bare file name given to ``QFileDialog.getSaveFileName`` is relative to the process's
working directory: started from a checkout, the app offered to save PNGs and CSVs among
its own source files. Every save dialog goes through :func:`save_file_name` instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.settings import settings

LAST_FOLDER_KEY = "paths/last_save_folder"


def documents_folder() -> Path:
    """The platform's documents folder (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """The folder the last save went to, while it exists, else the documents folder."""
    last = settings().value(LAST_FOLDER_KEY, "", type=str)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember_folder(path: str | Path) -> None:
    stored = settings()
    stored.setValue(LAST_FOLDER_KEY, str(Path(path).resolve().parent))
    stored.sync()


def save_file_name(parent: QWidget | None, caption: str, name: str, filters: str) -> str:
    """Ask where to save ``name``; returns the chosen path ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(start_folder() / name), filters)
    if path:
        remember_folder(path)
    return path
