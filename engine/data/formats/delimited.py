"""TSV and CSV files: delimiter detected from the header (or by :class:`csv.Sniffer`).

UTF-8 with or without a byte-order mark, LF or CRLF line ends; quoted fields (RFC 4180:
``""`` for a quote, commas and newlines inside) may span lines in comma, semicolon and
bar separated files. Tab-separated files are read without quote processing, as TSV is
usually written (NSMC's reviews begin with ``"`` often enough to swallow lines
otherwise), and a field wholly wrapped in quotes is unwrapped. A TSV whose first
megabyte has RFC 4180 quoted fields holding tabs or newlines is read with quote
processing like a CSV instead (:func:`tab_quoting`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from engine.data.formats.columns import TEXT_NAMES, ColumnChoice, Layout, Row, resolve
from engine.errors import DataError

DELIMITERS = ("\t", ",", ";", "|")
SAMPLE_BYTES = 1 << 16
QUOTING_SAMPLE_BYTES = 1 << 20  # how far a TSV is looked at to tell its quoting
FIELD_LIMIT = 1 << 24  # a runaway quote ends in one sentence, not in exhausted memory
NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}


def _sample(path: Path, size: int = SAMPLE_BYTES) -> tuple[str, bool]:
    """(the first ``size`` bytes as text, whether that is the whole file)."""
    try:
        with open(path, "rb") as f:
            head = f.read(size + 1)
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from None
    if b"\0" in head:
        raise DataError(f"{path} is not a text file (it holds binary data).")
    return head[:size].decode("utf-8-sig", errors="replace"), len(head) <= size


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
    sample, _ = _sample(path)
    delimiter = detect_delimiter(sample)
    first = sample.splitlines()[0] if sample else ""
    return delimiter, [_unquote(f) for f in _split_header(first, delimiter)]


def _unquote(field: str) -> str:
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def _widths(sample: str, quotes: bool, complete: bool) -> set[int]:
    """The field counts of the sample's records (the last one left out when cut short)."""
    reader = csv.reader(
        io.StringIO(sample),
        delimiter="\t",
        quoting=csv.QUOTE_MINIMAL if quotes else csv.QUOTE_NONE,
    )
    records = [r for r in reader if r]
    if not complete:
        records = records[:-1]
    return {len(r) for r in records}


def tab_quoting(path: Path) -> bool:
    """True when a tab-separated file is written with RFC 4180 quotes.

    That is when its first megabyte splits into records of one width only with quote
    processing, and into records of several widths without it: a quoted field holds a
    tab or a newline. NSMC-like files, whose texts merely begin with a quote, split
    evenly without quote processing and keep being read that way.
    """
    sample, complete = _sample(path, QUOTING_SAMPLE_BYTES)
    if '"' not in sample:
        return False
    try:
        quoted = _widths(sample, True, complete)
    except csv.Error:
        return False
    return len(quoted) == 1 and len(_widths(sample, False, complete)) > 1


def dialect(path: Path) -> tuple[str, bool]:
    """(delimiter, whether quotes are processed): how :func:`read_rows` reads ``path``."""
    delimiter, _ = header(path)
    return delimiter, delimiter != "\t" or tab_quoting(path)


def layout(path: Path, choice: ColumnChoice) -> Layout | None:
    """Where the text and label are in ``path`` (None: the user must say)."""
    _, names = header(path)
    return resolve(names, choice, str(path))


def read_rows(path: Path, found: Layout) -> Iterator[Row]:
    """Every data row of ``path`` (the header skipped), as read."""
    delimiter, quoted = dialect(path)
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    width = 1 + max(
        i for i in (found.text, found.label, found.split, found.review_id) if isinstance(i, int)
    )

    def field(fields: list[str], index: int | str | None) -> str | None:
        if index is None or not isinstance(index, int):
            return None
        value = fields[index]
        return value if quoted else _unquote(value)

    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
            reader = csv.reader(
                f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
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
