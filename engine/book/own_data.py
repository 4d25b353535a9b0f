"""How the app read your own reviews, for the book's script to read them the same way.

:func:`own_data` works out, from the file(s) and the :class:`OwnOptions` trained on, what
:mod:`engine.book.own_steps` writes into the script: the format, delimiter and quoting,
which columns (or keys) hold the text, label and split, the label threshold and the
seeded held-out test share. :func:`own_data_from_record` does it from the record a
loaded dataset carries (the window's "Show the Keras code").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from engine.data.formats import delimited
from engine.data.own_files import OwnOptions, columns_of, file_format, own_layout
from engine.errors import ConfigError, DataError

OWN_KINDS = ("delimited", "jsonl", "folder")


@dataclass(frozen=True)
class OwnData:
    """Your own data as the script reads it (paths absolute; columns 0-based or keys)."""

    train: str
    test: str | None
    kind: str  # "delimited", "jsonl" or "folder"
    delimiter: str = ","
    quoted: bool = True  # quote processing (RFC 4180); off: whole-quoted fields unwrapped
    has_header: bool = True
    text: int | str = 0
    label: int | str = 1
    split: int | str | None = None
    min_fields: int = 2  # delimited rows with fewer fields are skipped
    names: tuple[str, ...] = ()  # the header, for the script's comments
    threshold: float | None = None
    test_share: float = 0.25
    split_seed: int = 0
    auto_validation: bool = False  # the script picks the book's 10,000 or 40%

    @property
    def name(self) -> str:
        train = Path(self.train).name
        return train if self.test is None else f"{train} + {Path(self.test).name}"


def _file_data(path: Path, options: OwnOptions) -> dict[str, Any]:
    """The fields of :class:`OwnData` that depend on one file's format and columns."""
    kind = file_format(path)
    if kind == "folder":
        return {"kind": kind}
    found = own_layout(path, options)
    data: dict[str, Any] = {
        "kind": kind,
        "has_header": found.has_header,
        "text": found.text,
        "label": found.label,
        "split": found.split,
    }
    if kind == "delimited":
        delimiter, quoted = delimited.dialect(path)
        positions = (found.text, found.label, found.split, found.review_id)
        data.update(
            delimiter=delimiter,
            quoted=quoted,
            min_fields=1 + max(i for i in positions if isinstance(i, int)),
            names=tuple(columns_of(path)) if found.has_header else (),
        )
    return data


def own_data(
    train: Path, test: Path | None, options: OwnOptions, auto_validation: bool = False
) -> OwnData:
    """How the app reads ``train`` (and ``test``) with ``options``.

    Raises:
        DataError: a file is missing or its columns cannot be told.
        ConfigError: the test file is in another format or has other columns than the
            training file (the script reads both with one reader).
    """
    for path in (train, test):
        if path is not None and not path.exists():
            raise DataError(f"The dataset {path} does not exist.")
    data = _file_data(train, options)
    if test is not None and _file_data(test, options) != data:
        raise ConfigError(
            f"The Keras script reads the training and test files alike, but {test.name} is "
            f"in another format or has other columns than {train.name}."
        )
    return OwnData(
        train=str(train.resolve()),
        test=str(test.resolve()) if test is not None else None,
        threshold=options.label_threshold,
        test_share=options.test_share,
        split_seed=options.split_seed,
        auto_validation=auto_validation,
        **data,
    )


def own_data_from_record(record: Mapping[str, Any] | None) -> OwnData | None:
    """:func:`own_data` for the dataset whose record (``dataset.extra["dataset"]``) is
    ``record``; None when it is not your own data (the IMDB archive, the Keras copy)."""
    if not record or record.get("kind") not in OWN_KINDS or not record.get("files"):
        return None
    files = [Path(f) for f in record["files"]]
    known = {f.name for f in fields(OwnOptions)}
    options = OwnOptions(
        **{k: v for k, v in dict(record.get("options") or {}).items() if k in known}
    )
    return own_data(files[0], files[1] if len(files) > 1 else None, options)
