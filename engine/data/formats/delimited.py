"""TSV and CSV files: delimiter detected from the header (or by :class:`csv.Sniffer`).

UTF-8 with or without a byte-order mark; quoted fields may span lines in comma, semicolon
and bar separated files. Tab-separated files are read without quote processing, as TSV
is usually written (NSMC's reviews begin with ``"`` often enough to swallow lines
otherwise); a field wholly wrapped in quotes is unwrapped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from engine.data.formats.columns import TEXT_NAMES, ColumnChoice, Layout, Row, resolve
from engine.errors import DataError

DELIMITERS = ("\t", ",", ";", "|")
SAMPLE_BYTES = 1 << 16
FIELD_LIMIT = 1 << 24  # a runaway quote ends in one sentence, not in exhausted memory
NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}


def _sample(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            head = f.read(SAMPLE_BYTES)
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
    if b"\0" in head:
        raise DataError(f"{path} is not a text file (it holds binary data).")
    return head.decode("utf-8-sig", errors="replace")


def _split_header(line: str, delimiter: str) -> list[str]:
    if delimiter == "\t":
        return next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    return next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_MINIMAL), [])


def detect_delimiter(sample: str) -> str:
    """The delimiter whose split of the first line names a known text column, else the
    sniffer's guess, else the most frequent candidate on the first line (tab by default)."""
    first = sample.splitlines()[0] if sample else ""
    for delimiter in DELIMITERS:
        names = [n.strip().strip('"').lower() for n in _split_header(first, delimiter)]
        if len(names) > 1 and any(n in TEXT_NAMES for n in names):
            return delimiter
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else "\t"


def header(path: Path) -> tuple[str, list[str]]:
    """(delimiter, first row's fields): what the column picker shows."""
    sample = _sample(path)
    delimiter = detect_delimiter(sample)
    first = sample.splitlines()[0] if sample else ""
    return delimiter, [_unquote(f) for f in _split_header(first, delimiter)]


def _unquote(field: str) -> str:
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def layout(path: Path, choice: ColumnChoice) -> Layout | None:
    """Where the text and label are in ``path`` (None: the user must say)."""
    _, names = header(path)
    return resolve(names, choice, str(path))


def read_rows(path: Path, found: Layout) -> Iterator[Row]:
    """Every data row of ``path`` (the header skipped), as read."""
    delimiter, _ = header(path)
    tab = delimiter == "\t"
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    width = 1 + max(
        i for i in (found.text, found.label, found.split, found.review_id) if isinstance(i, int)
    )

    def field(fields: list[str], index: int | str | None) -> str | None:
        if index is None or not isinstance(index, int):
            return None
        value = fields[index]
        return _unquote(value) if tab else value

    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
            reader = csv.reader(
                f, delimiter=delimiter, quoting=csv.QUOTE_NONE if tab else csv.QUOTE_MINIMAL
            )
            if found.has_header:
                next(reader, None)
            for fields in reader:
                if not fields:
                    continue  # a blank line
                line = reader.line_num
                if len(fields) < width:
                    yield Row(line, None, None, problem="too few columns")
                    continue
                yield Row(
                    line,
                    field(fields, found.text),
                    field(fields, found.label),
                    field(fields, found.split),
                    field(fields, found.review_id),
                )
    except csv.Error as exc:
        raise DataError(
            f"{path} cannot be read as {NAMES[delimiter]}-separated text near line "
            f"{reader.line_num}: {exc} (an unclosed quote?)."
        ) from None
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
