"""JSON Lines: one JSON object per line, with the same keys as a delimited file's header."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from engine.data.formats.columns import ColumnChoice, Layout, Row, resolve
from engine.errors import DataError

SAMPLE_LINES = 50


def keys(path: Path) -> list[str]:
    """The keys of the first objects (in order of appearance): what the column picker shows."""
    seen: dict[str, None] = {}
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for n, line in enumerate(f):
                if n >= SAMPLE_LINES:
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    seen.update(dict.fromkeys(str(k) for k in record))
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
    return list(seen)


def layout(path: Path, choice: ColumnChoice) -> Layout | None:
    names = keys(path)
    if not names:
        raise DataError(f"{path} holds no JSON objects (one per line was expected).")
    found = resolve(names, choice, str(path))
    if found is None:
        return None
    if not found.has_header:
        raise DataError(f"Name the keys of {path}'s text and label, not column numbers.")

    def key(index: int | str | None) -> str | None:
        return names[index] if isinstance(index, int) else index

    return Layout(
        key(found.text) or "", key(found.label) or "", key(found.split), key(found.review_id)
    )


def read_rows(path: Path, found: Layout) -> Iterator[Row]:
    """Every line of ``path`` as a row; a line that is not a JSON object is a row with a problem."""

    def get(record: dict, key: int | str | None) -> object:
        return record.get(key) if isinstance(key, str) else None

    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                if not isinstance(record, dict):
                    yield Row(n, None, None, problem="not a JSON object")
                    continue
                text = get(record, found.text)
                split = get(record, found.split)
                yield Row(
                    n,
                    text if isinstance(text, str) else None,
                    get(record, found.label),
                    str(split) if split is not None else None,
                    get(record, found.review_id),
                )
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
