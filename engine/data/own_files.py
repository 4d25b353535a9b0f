"""Your own review files: which paths they are, their format, their columns, their rows.

A path is your own data (:func:`is_own_source`) unless it is the Stanford archive or its
layout; :func:`own_rows` hands it to the reader of its format in
:mod:`engine.data.formats`. :class:`OwnOptions` says how to read it (the CLI's
``--text-column`` and friends).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from engine.data.formats import delimited, folder, jsonl
from engine.data.formats.columns import LABEL_NAMES, TEXT_NAMES, ColumnChoice, Layout, Row
from engine.errors import DataError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
STANFORD_SUFFIXES = (".gz", ".tgz", ".tar", ".npz")


@dataclass(frozen=True)
class OwnOptions:
    """How to read your own data (the CLI's ``--text-column`` and friends)."""

    text_column: str | None = None
    label_column: str | None = None
    label_threshold: float | None = None
    test_share: float = 0.25  # held out when there is no test file and no split column
    split_seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ColumnsUnknown(DataError):
    """No known header names the text and label columns; ``columns`` lists the header.

    Built from one sentence like every :class:`LabError` (the training process rebuilds
    errors that way); :meth:`for_file` writes the sentence and keeps the columns.
    """

    def __init__(
        self, message: str, path: Path | None = None, columns: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.columns = list(columns or [])

    @classmethod
    def for_file(cls, path: Path, columns: list[str]) -> ColumnsUnknown:
        first = ", ".join(c[:30] for c in columns[:8]) or "empty"
        return cls(
            f"{path} has no column named {'/'.join(TEXT_NAMES)} for the text or "
            f"{'/'.join(LABEL_NAMES)} for the label; name them with --text-column and "
            f"--label-column (its first row: {first}).",
            path,
            columns,
        )


def is_stanford_folder(path: Path) -> bool:
    """True for the Stanford aclImdb layout (read by its own reader, unchanged): an
    ``aclImdb/`` folder, its URL lists, or review files named ``ID_RATING.txt``."""
    if (path / "aclImdb").is_dir():
        return True
    for split in ("train", "test"):
        if any((path / split / f"urls_{label}.txt").is_file() for label in folder.LABELS):
            return True
        for label in folder.LABELS:
            sub = path / split / label
            names = itertools.islice((e.name for e in os.scandir(sub)), 20) if sub.is_dir() else ()
            if any(folder.STANFORD_NAME.fullmatch(name) for name in names):
                return True
    return False


def is_own_source(path: Path) -> bool:
    """True when ``path`` is one of your own formats rather than the Stanford archive or a cache."""
    if path.is_dir():
        return folder.has_layout(path) and not is_stanford_folder(path)
    return path.is_file() and not path.name.lower().endswith(STANFORD_SUFFIXES)


def file_format(path: Path) -> str:
    """``"folder"``, ``"jsonl"`` or ``"delimited"``."""
    if path.is_dir():
        return "folder"
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "delimited"


def columns_of(path: Path) -> list[str]:
    """The header fields (delimited) or keys (JSON Lines) the column picker offers."""
    kind = file_format(path)
    if kind == "jsonl":
        return jsonl.keys(path)
    if kind == "delimited":
        return delimited.header(path)[1]
    return []


def own_layout(path: Path, options: OwnOptions) -> Layout:
    """Where the text, label, split and id are in a delimited or JSON Lines file.

    Raises:
        ColumnsUnknown: neither known header names nor ``options`` say where they are.
    """
    choice = ColumnChoice(options.text_column, options.label_column)
    reader = jsonl if file_format(path) == "jsonl" else delimited
    found = reader.layout(path, choice)
    if found is None:
        raise ColumnsUnknown.for_file(path, columns_of(path))
    return found


def own_rows(path: Path, options: OwnOptions) -> Iterator[Row]:
    """The rows of one of your files (or a pos/neg folder), read by its format's reader."""
    kind = file_format(path)
    if kind == "folder":
        if not folder.has_layout(path):
            raise DataError(
                f"The folder {path} has no pos/ and neg/ folders (nor train/ or test/ holding them)."
            )
        return folder.read_rows(path)
    found = own_layout(path, options)
    return (jsonl if kind == "jsonl" else delimited).read_rows(path, found)
