"""Which field of a row holds the text, the label, the split and the id.

Known header names are looked up case-insensitively, in the order listed; a column the
user names (``--text-column``/``--label-column``) is a header name or a 1-based number
(a file without a header row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from engine.errors import DataError

TEXT_NAMES = ("text", "review", "document", "sentence", "content")
LABEL_NAMES = ("label", "sentiment", "polarity", "rating", "score")
SPLIT_NAMES = ("split",)
ID_NAMES = ("id",)


class Row(NamedTuple):
    """One record as read: raw strings (None where the file has no such field)."""

    line: int  # 1-based line (delimited, JSON Lines) or file number (folders)
    text: str | None
    label: object  # str, number or bool as read
    split: str | None = None
    review_id: object = None
    problem: str = ""  # why the row cannot be used, found while reading it


@dataclass(frozen=True)
class ColumnChoice:
    """The user's column choice; None means "find it by its header name"."""

    text: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Layout:
    """Resolved field positions (delimited files) or keys (JSON Lines)."""

    text: int | str
    label: int | str
    split: int | str | None = None
    review_id: int | str | None = None
    has_header: bool = True


def _find(names: Sequence[str], wanted: Sequence[str]) -> int | None:
    lowered = [n.strip().lower() for n in names]
    for want in wanted:
        if want in lowered:
            return lowered.index(want)
    return None


def _pick(header: Sequence[str], given: str, what: str, where: str) -> tuple[int, bool]:
    """(index, header row present) of a user-named column."""
    text = given.strip()
    if text.isdigit():
        index = int(text) - 1
        if not 0 <= index < max(len(header), 1):
            raise DataError(
                f"{where} has {len(header)} columns, so there is no column {text} for the {what}."
            )
        return index, False
    found = _find(header, [text.lower()])
    if found is None:
        raise DataError(
            f"{where} has no column named {given!r} for the {what} "
            f"(its columns: {', '.join(header) or 'none'})."
        )
    return found, True


def resolve(header: Sequence[str], choice: ColumnChoice, where: str) -> Layout | None:
    """The layout of a file whose first row is ``header``, or None when it cannot be told.

    None means neither known header names nor the user's choice say where the text and
    the label are: the window then asks (column picker), the CLI names the options.
    """
    text = label = None
    header_row = True
    if choice.text:
        text, header_row = _pick(header, choice.text, "text", where)
    if choice.label:
        label, named = _pick(header, choice.label, "label", where)
        if choice.text and named != header_row:
            raise DataError(
                "Give --text-column and --label-column both as header names or both as "
                "column numbers."
            )
        header_row = named
    if text is None:
        text = _find(header, TEXT_NAMES) if header_row else None
    if label is None:
        label = _find(header, LABEL_NAMES) if header_row else None
    if text is None or label is None:
        return None
    if text == label:
        raise DataError(f"{where}: the text and the label cannot be the same column.")
    split = _find(header, SPLIT_NAMES) if header_row else None
    review_id = _find(header, ID_NAMES) if header_row else None
    return Layout(text, label, split, review_id, has_header=header_row)
