"""The window's data files (icon, example reviews, desktop entry template), shipped as package data.

Found through :mod:`importlib.resources`, so an installed wheel has them as well as a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource(name: str) -> Path:
    """The path of data file ``name`` of this package (installed packages are plain folders)."""
    return Path(str(files(__name__) / name))
