"""Reading the raw Stanford Large Movie Review Dataset (v1.0) from a .tar.gz or a folder.

The layout is ``aclImdb/{train,test}/{pos,neg}/ID_RATING.txt`` plus
``aclImdb/{train,test}/urls_{pos,neg}.txt`` (line k is the IMDb URL of review id k).
The archive is streamed (nothing is extracted to read it): a .tar.gz through
:mod:`engine.data.tar_stream` (plain headers read quickly, :mod:`tarfile` for the rest),
other archives through :mod:`tarfile`; the unlabeled ``train/unsup`` reviews and the
``.feat`` files are ignored.
"""

from __future__ import annotations

import os
import re
import tarfile
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

import numpy as np

from engine.callbacks import Progress
from engine.data.inflate import Gunzip, is_gzip
from engine.data.tar_stream import TarMembers
from engine.errors import Cancelled, DataError

EXPECTED_PER_FOLDER = 12_500
# The longest official review is about 14 KB: a review is cut at 64 times that, and a
# dataset whose text passes 15 times the official ~65 MB is refused, so a small hostile
# archive (one 100 MB "review" compresses to 150 KB) cannot exhaust memory.
MAX_REVIEW_BYTES = 1 << 20
MAX_TEXT_BYTES = 1 << 30
MAX_URLS_BYTES = 16 << 20
_REVIEW_LIMIT = MAX_REVIEW_BYTES + 1  # one byte more tells a cut review
# False reads every header with tarfile (tests compare both ways).
FAST_TAR = True
# Order of the rows in RawReviews, and the folders that must all be present.
FOLDERS = (("train", "neg"), ("train", "pos"), ("test", "neg"), ("test", "pos"))
ROOT_NAME = "aclImdb"

_REVIEW = re.compile(r"(\d+)_(\d+)\.txt")
# The usual name of a review, for a quick path; any other name goes through
# _relative_parts and _Collector.add, which give the same result for this one.
_REVIEW_PATH = re.compile(r"aclImdb/(train|test)/(pos|neg)/([0-9]+)_([0-9]+)\.txt")
_URLS = re.compile(r"urls_(pos|neg)\.txt")


@dataclass(eq=False)
class RawReviews:
    """The labeled reviews of both splits, in the order train/neg, train/pos, test/neg, test/pos."""

    split: np.ndarray  # uint8, 0 = train, 1 = test
    label: np.ndarray  # uint8, 1 = positive
    rating: np.ndarray  # uint8, from the file name
    review_id: np.ndarray  # int32
    urls: list[str]  # "" where unknown
    texts: list[str]
    decode_errors: int = 0
    empty_files: int = 0
    source: str = ""
    truncated: int = 0  # reviews cut to MAX_REVIEW_BYTES

    def __len__(self) -> int:
        return len(self.texts)


class _Collector:
    """Gathers review files and URL lists as they are found, in whatever order."""

    def __init__(self) -> None:
        self.reviews: dict[tuple[str, str], list[tuple[int, int, str]]] = {f: [] for f in FOLDERS}
        self.urls: dict[tuple[str, str], list[str]] = {}
        self.decode_errors = 0
        self.empty_files = 0
        self.truncated = 0
        self.text_bytes = 0
        self.source = ""
        self.on_text: Callable[[str], None] | None = None  # sees each review as it is read

    def add(self, parts: tuple[str, ...], read: Callable[[int], bytes]) -> bool:
        """Take the file at ``parts`` (relative to aclImdb/) if it belongs to the dataset.

        ``read(limit)`` returns at most ``limit`` bytes of the file; it is called only for
        wanted files, so skipped members cost nothing.
        """
        if len(parts) == 3 and (parts[0], parts[1]) in self.reviews:
            m = _REVIEW.fullmatch(parts[2])
            if m:
                text = self._decode(read(_REVIEW_LIMIT))
                if self.on_text is not None:
                    self.on_text(text)
                self.reviews[(parts[0], parts[1])].append((int(m[1]), int(m[2]), text))
                return True
        elif len(parts) == 2 and parts[0] in ("train", "test"):
            m = _URLS.fullmatch(parts[1])
            if m:
                lines = read(MAX_URLS_BYTES).decode("utf-8", errors="replace").splitlines()
                self.urls[(parts[0], m[1])] = [line.strip() for line in lines]
        return False

    def add_review(self, folder: tuple[str, str], rid: int, rating: int, data: bytes) -> None:
        """Take a review file already known to belong to ``folder`` (one of FOLDERS)."""
        text = self._decode(data)
        if self.on_text is not None:
            self.on_text(text)
        self.reviews[folder].append((rid, rating, text))

    def _decode(self, data: bytes) -> str:
        if len(data) > MAX_REVIEW_BYTES:
            self.truncated += 1
            data = data[:MAX_REVIEW_BYTES]
        self.text_bytes += len(data)
        if self.text_bytes > MAX_TEXT_BYTES:
            raise DataError(
                f"The dataset at {self.source} holds more than {MAX_TEXT_BYTES >> 20:,} MB of "
                "review text (the official one has about 65 MB); it was not loaded."
            )
        if not data.strip():
            self.empty_files += 1
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.decode_errors += 1
            return data.decode("utf-8", errors="replace")

    def finish(self, source: str, expected: int | None) -> RawReviews:
        if not any(self.reviews.values()):
            raise DataError(
                f"{source} does not look like the IMDB dataset: no "
                f"{ROOT_NAME}/train or {ROOT_NAME}/test review folders were "
                f"found in it."
            )
        for (split, label), rows in self.reviews.items():
            if not rows:
                raise DataError(
                    f"The dataset at {source} has no {split}/{label} reviews: the "
                    f"folder {ROOT_NAME}/{split}/{label} is missing or empty."
                )
            if expected is not None and len(rows) != expected:
                raise DataError(
                    f"The dataset at {source} has {len(rows):,} reviews in "
                    f"{ROOT_NAME}/{split}/{label} instead of {expected:,}; the copy is "
                    f"incomplete or not the official one."
                )
        splits: list[int] = []
        labels: list[int] = []
        ratings: list[int] = []
        review_ids: list[int] = []
        urls: list[str] = []
        texts: list[str] = []
        for (s, lab), rows in self.reviews.items():
            rows.sort(key=lambda r: r[0])
            url_list = self.urls.get((s, lab), [])
            for rid, rate, text in rows:
                splits.append(0 if s == "train" else 1)
                labels.append(1 if lab == "pos" else 0)
                ratings.append(rate)
                review_ids.append(rid)
                urls.append(url_list[rid] if rid < len(url_list) else "")
                texts.append(text)
        return RawReviews(
            split=np.array(splits, dtype=np.uint8),
            label=np.array(labels, dtype=np.uint8),
            rating=np.array(ratings, dtype=np.uint8),
            review_id=np.array(review_ids, dtype=np.int32),
            urls=urls,
            texts=texts,
            decode_errors=self.decode_errors,
            empty_files=self.empty_files,
            source=source,
            truncated=self.truncated,
        )


def _relative_parts(name: str) -> tuple[str, ...] | None:
    """Path parts below ``aclImdb/`` of an archive member, or None when outside it."""
    if name.startswith("/"):
        return None
    # Plain string splitting: PurePosixPath costs ~10 us a name, 50,000 times over.
    parts = tuple(p for p in name.split("/") if p not in ("", "."))
    if parts and parts[0] == ROOT_NAME:
        return parts[1:]
    return parts if parts and parts[0] in ("train", "test") else None


def _is_unsafe_name(name: str) -> bool:
    return (
        name.startswith(("/", "\\"))
        or bool(re.match(r"[A-Za-z]:", name))
        or ".." in name.split("/")
    )


def _check_name(name: str, archive: str) -> None:
    if _is_unsafe_name(name):
        raise DataError(
            f"The archive {archive} contains an unsafe entry '{name}' "
            f"(absolute path or '..'); it was not used."
        )


def _check_member(member: tarfile.TarInfo, archive: str) -> None:
    """Reject members that could write or read outside the dataset root."""
    _check_name(member.name, archive)
    if member.issym() or member.islnk():
        target = member.linkname
        # Symlink targets are relative to the link's folder; hard links to the archive root.
        base = PurePosixPath(member.name).parent if member.issym() else PurePosixPath()
        resolved = os.path.normpath(str(base / target))
        if _is_unsafe_name(target) or resolved == ".." or resolved.startswith("../"):
            raise DataError(
                f"The archive {archive} contains a link '{member.name}' pointing "
                f"outside the dataset ('{target}'); it was not used."
            )


def _file_head(path: Path, limit: int) -> bytes:
    with open(path, "rb") as f:
        return f.read(limit)


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Reading the dataset was cancelled.")


def _open_members(path: Path) -> tuple[TarMembers, Callable[[], int], Callable[[], None]]:
    """The archive's members, how many of its bytes were read, and a closer.

    A .tar.gz is inflated on a second thread (:mod:`engine.data.inflate`) and its headers
    read by :mod:`engine.data.tar_stream` (``tarfile`` behind it); any other compression
    is left to ``tarfile``. One sequential pass, no seeking.
    """
    if is_gzip(path):
        inflated = Gunzip(path)
        return (
            TarMembers(inflated.next_piece, fast=FAST_TAR),
            lambda: inflated.consumed,
            inflated.close,
        )
    raw = open(path, "rb")  # noqa: SIM115 - closed by the returned closer
    try:
        tar = tarfile.open(fileobj=raw, mode="r|*")
    except BaseException:
        raw.close()
        raise
    return TarMembers.of(tar), raw.tell, raw.close


def _read_archive(
    path: Path, collector: _Collector, progress: Progress | None, cancel: threading.Event | None
) -> None:
    size = max(path.stat().st_size, 1)
    source = str(path)
    try:
        members, position, close = _open_members(path)
        try:
            read = members.read
            for n, (name, is_file, info) in enumerate(members):
                if info is not None:
                    _check_member(info, source)
                elif name[:1] in "/\\" or ".." in name or name[1:2] == ":":
                    _check_name(name, source)
                if n % 500 == 0:
                    _check_cancel(cancel)
                    if progress:
                        progress(position() / size, "Reading reviews")
                if not is_file:
                    continue
                m = _REVIEW_PATH.fullmatch(name)
                if m:
                    collector.add_review((m[1], m[2]), int(m[3]), int(m[4]), read(_REVIEW_LIMIT))
                    continue
                parts = _relative_parts(name)
                if parts is not None:
                    collector.add(parts, read)
        finally:
            close()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise DataError(
            f"{path} is not a readable .tar.gz archive (it may be damaged or incomplete): {exc}"
        ) from exc


def dataset_root(folder: Path) -> Path | None:
    """The ``aclImdb`` folder inside ``folder``, or ``folder`` itself when it is one."""
    if (folder / ROOT_NAME).is_dir():
        return folder / ROOT_NAME
    if (folder / "train").is_dir() or (folder / "test").is_dir():
        return folder
    return None


def _read_folder(
    folder: Path, collector: _Collector, progress: Progress | None, cancel: threading.Event | None
) -> None:
    root = dataset_root(folder)
    if root is None:
        raise DataError(
            f"{folder} does not look like the IMDB dataset: it has no "
            f"{ROOT_NAME}/ folder and no train/ or test/ folders."
        )
    files: list[tuple[tuple[str, ...], Path]] = []
    for split in ("train", "test"):
        for entry in os.scandir(root / split) if (root / split).is_dir() else ():
            if entry.is_file():
                files.append(((split, entry.name), Path(entry.path)))
        for _, label in FOLDERS[:2]:
            sub = root / split / label
            if sub.is_dir():
                files.extend(
                    ((split, label, e.name), Path(e.path))
                    for e in os.scandir(sub)
                    if e.is_file(follow_symlinks=False)
                )
    for n, (parts, path) in enumerate(files):
        if n % 500 == 0:
            _check_cancel(cancel)
            if progress:
                progress(n / max(len(files), 1), "Reading reviews")
        try:
            collector.add(parts, partial(_file_head, path))
        except OSError as exc:
            raise DataError(f"Could not read {path}: {exc.strerror or exc}.") from exc


def read_reviews(
    source: str | Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    expected_per_folder: int | None = EXPECTED_PER_FOLDER,
    on_text: Callable[[str], None] | None = None,
) -> RawReviews:
    """Read every labeled review of the dataset at ``source``.

    Args:
        source: a ``.tar.gz`` of the official archive, or a folder containing ``aclImdb/``
            or being it.
        progress: ``progress(fraction, message)`` callback.
        cancel: a ``threading.Event``; when set, :class:`Cancelled` is raised.
        expected_per_folder: reviews required in each of the four folders; ``None`` skips
            the check (small test data).
        on_text: called with each review's text as it is read (in the order found, not
            the order of the result), e.g. to tokenize while reading goes on.

    Raises:
        DataError: the source is missing, not an archive, or has the wrong layout or counts.
    """
    path = Path(source).expanduser()
    collector = _Collector()
    collector.on_text = on_text
    collector.source = str(path)
    if path.is_dir():
        _read_folder(path, collector, progress, cancel)
    elif path.is_file():
        _read_archive(path, collector, progress, cancel)
    elif path.exists():
        raise DataError(f"The dataset {path} is neither a file nor a folder (a device or a pipe).")
    else:
        raise DataError(f"The dataset {path} does not exist.")
    raw = collector.finish(str(path), expected_per_folder)
    if progress:
        progress(1.0, f"Read {len(raw):,} reviews")
    return raw


def safe_extract(archive: str | Path, target: str | Path) -> Path:
    """Extract ``archive`` into ``target``, refusing anything that would land outside it.

    Every member is checked before a single file is written, then :mod:`tarfile`'s
    ``"data"`` filter does the extraction (it also drops device files and odd modes).

    Raises:
        DataError: an unsafe member (``..``, absolute path, link pointing outside), or an
            archive that cannot be read.
    """
    archive, target = Path(archive), Path(target)
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            members = tar.getmembers()
            for member in members:
                _check_member(member, str(archive))
            target.mkdir(parents=True, exist_ok=True)
            tar.extractall(target, members=members, filter="data")
    except tarfile.FilterError as exc:
        raise DataError(f"The archive {archive} contains an unsafe entry: {exc}.") from exc
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise DataError(f"Could not extract {archive}: {exc}.") from exc
    return target
