"""A folder of ``pos/`` and ``neg/`` text files, with or without ``train/`` and ``test/`` above.

Any ``.txt`` name works; a Stanford-style name ``ID_RATING.txt`` gives the id.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from engine.data.archive import MAX_REVIEW_BYTES
from engine.data.formats.columns import Row
from engine.errors import DataError

LABELS = ("neg", "pos")
STANFORD_NAME = re.compile(r"(\d+)_(\d+)\.txt")


def has_layout(folder: Path) -> bool:
    """True for a folder with pos/ and neg/, directly or under train/ (or test/)."""
    return any(
        all((base / label).is_dir() for label in LABELS)
        for base in (folder, folder / "train", folder / "test")
    )


def parts(folder: Path) -> list[tuple[str | None, Path]]:
    """(split, base folder) pairs: ("train", …) and ("test", …), or (None, folder)."""
    split_parts: list[tuple[str | None, Path]] = [
        (split, folder / split)
        for split in ("train", "test")
        if any((folder / split / label).is_dir() for label in LABELS)
    ]
    return split_parts or [(None, folder)]


def _names(folder: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(folder) if e.name.endswith(".txt") and e.is_file())
    except OSError as exc:
        raise DataError(f"Could not read the folder {folder}: {exc.strerror or exc}.") from None


def read_rows(folder: Path) -> Iterator[Row]:
    """Every review file, split by split (train first), negatives before positives."""
    n = 0
    for split, base in parts(folder):
        for label, value in zip(LABELS, (0, 1)):
            for name in _names(base / label) if (base / label).is_dir() else ():
                n += 1
                path = base / label / name
                try:
                    with open(path, "rb") as f:
                        data = f.read(MAX_REVIEW_BYTES)
                except OSError as exc:
                    raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
                m = STANFORD_NAME.fullmatch(name)
                yield Row(
                    n,
                    data.decode("utf-8-sig", errors="replace"),
                    value,
                    split,
                    int(m[1]) if m else None,
                )
