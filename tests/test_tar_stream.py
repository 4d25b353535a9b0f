"""engine.data.tar_stream reads the same members as tarfile, however the archive is made."""

from __future__ import annotations

import gzip
import io
import os
import random
import tarfile
from pathlib import Path

import numpy as np
import pytest

from engine.data import archive
from engine.data.archive import read_reviews
from engine.data.tar_stream import TarMembers
from engine.errors import DataError
from tests.tiny_data import tiny_files, write_archive


def _tar(files: list[tuple[str, bytes | str | None]], fmt: int = tarfile.PAX_FORMAT, **kw) -> bytes:
    """A tar of ``(name, content)``: bytes a file, ``None`` a directory, a str a symlink."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt, **kw) as tar:
        for name, content in files:
            info = tarfile.TarInfo(name)
            info.mtime = 1_300_000_000
            if content is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif isinstance(content, str):
                info.type, info.linkname = tarfile.SYMTYPE, content
                tar.addfile(info)
            else:
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
    return buf.getvalue()


def _pieces(data: bytes, seed: int | None = None):
    """``data`` piece by piece: 1 MB at a time, or random small sizes with ``seed``."""
    rng = random.Random(seed)
    position = 0

    def next_piece() -> bytes:
        nonlocal position
        size = rng.randint(1, 3000) if seed is not None else 1 << 20
        piece = data[position : position + size]
        position += len(piece)
        return piece

    return next_piece


def _members(
    data: bytes,
    *,
    fast: bool,
    seed: int | None = None,
    limit: int = 1 << 30,
    quick: list | None = None,
):
    """Every member as (name, is_file, its first bytes), then the error that ended it.

    ``quick`` gets the names of the members whose header was read without tarfile.
    """
    found = []
    members = TarMembers(_pieces(data, seed), fast=fast)
    try:
        for name, is_file, info in members:
            found.append((name, is_file, members.read(limit) if is_file else None))
            if info is None and quick is not None:
                quick.append(name)
    except (tarfile.TarError, EOFError) as exc:
        return found, f"{type(exc).__name__}: {exc}"
    return found, None


def _same_as_tarfile(data: bytes, quick: list | None = None, **kw) -> list:
    """The members (as tarfile reads them); ``quick`` as in :func:`_members`."""
    expected = _members(data, fast=False)
    assert _members(data, fast=True, quick=quick, **kw) == expected
    assert _members(data, fast=True, seed=1, **kw) == expected  # pieces of any size
    return expected[0]


FILES: list[tuple[str, bytes | str | None]] = [
    ("aclImdb", None),
    ("aclImdb/train/pos/0_9.txt", b"Great film."),
    ("aclImdb/train/neg/1_2.txt", b""),
    ("aclImdb/train/neg/2_1.txt", b"x" * 1500),
    ("aclImdb/empty_dir/", None),
]


@pytest.mark.parametrize("fmt", [tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
def test_plain_archives_in_every_format(fmt):
    quick: list[str] = []
    found = _same_as_tarfile(_tar(FILES, fmt), quick)
    assert quick == [m[0] for m in found]  # no header needed tarfile
    assert [m[0] for m in found] == [
        "aclImdb",
        "aclImdb/train/pos/0_9.txt",
        "aclImdb/train/neg/1_2.txt",
        "aclImdb/train/neg/2_1.txt",
        "aclImdb/empty_dir",
    ]


def test_long_names_gnu_pax_and_ustar_prefix():
    long_dir = "aclImdb/" + "d" * 120
    files = [*FILES, (long_dir + "/7_8.txt", b"long"), ("aclImdb/train/pos/3_9.txt", b"after")]
    for fmt in (tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, tarfile.USTAR_FORMAT):
        quick: list[str] = []
        found = _same_as_tarfile(_tar(files, fmt), quick)
        assert (long_dir + "/7_8.txt", True, b"long") in found
        assert found[-1] == ("aclImdb/train/pos/3_9.txt", True, b"after")
        # tarfile reads the long name's headers; the next member is read quickly again.
        assert (long_dir + "/7_8.txt" in quick) == (fmt == tarfile.USTAR_FORMAT)  # prefix
        assert quick[-1] == "aclImdb/train/pos/3_9.txt"


def test_pax_records_non_ascii_names_and_a_global_header():
    files = [*FILES, ("aclImdb/train/pos/caf\u00e9_1.txt", "\u00e9".encode()), ("z.txt", b"z")]
    _same_as_tarfile(_tar(files, tarfile.PAX_FORMAT))
    found = _same_as_tarfile(_tar(files, tarfile.PAX_FORMAT, pax_headers={"comment": "g"}))
    assert found[-1] == ("z.txt", True, b"z")


def test_links_hand_the_rest_to_tarfile():
    files = [*FILES[:2], ("aclImdb/link", "train/pos/0_9.txt"), *FILES[2:]]
    found = _same_as_tarfile(_tar(files, tarfile.GNU_FORMAT))
    assert ("aclImdb/link", False, None) in found and len(found) == len(files)


def test_old_style_directory_and_a_large_member():
    big = os.urandom(5 << 20)  # more than the reader holds at once
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
        old = tarfile.TarInfo("aclImdb/old_dir/")
        old.type = tarfile.AREGTYPE
        tar.addfile(old)
        info = tarfile.TarInfo("aclImdb/train/labeledBow.feat")
        info.size = len(big)
        tar.addfile(info, io.BytesIO(big))
        last = tarfile.TarInfo("aclImdb/train/pos/5_7.txt")
        last.size = 2
        tar.addfile(last, io.BytesIO(b"ok"))
    data = buf.getvalue()
    found = _same_as_tarfile(data)
    assert found[0][:2] == ("aclImdb/old_dir", False) and found[-1][2] == b"ok"
    # Reading only the first bytes of the large member, as the review reader does.
    assert _members(data, fast=True, limit=100) == _members(data, fast=False, limit=100)


def _corrupt(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x55]) + data[at + 1 :]


def test_damaged_and_cut_archives_end_as_with_tarfile():
    data = _tar(FILES, tarfile.GNU_FORMAT)
    second = 512 + 512  # the second member's header (after the directory, no data)
    cases = {
        "bad checksum first": _corrupt(data, 10),
        "bad checksum later": _corrupt(data, second + 10),
        "bad size later": data[: second + 124] + b"9" + data[second + 125 :],
        "empty": b"",
        "half a header": data[:300],
    }
    cases |= {f"cut at {n}": data[:n] for n in range(512, len(data), 256)}
    for name, damaged in cases.items():
        fast, slow = _members(damaged, fast=True), _members(damaged, fast=False)
        assert fast == slow, name
        assert _members(damaged, fast=True, seed=2) == slow, name


def test_a_damaged_archive_is_one_sentence(tmp_path, monkeypatch):
    tar = _tar(FILES, tarfile.GNU_FORMAT)
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(gzip.compress(tar[: 512 * 5 + 100]))  # inside 2_1.txt's data
    messages = []
    for fast in (True, False):
        monkeypatch.setattr(archive, "FAST_TAR", fast)
        with pytest.raises(DataError, match="damaged or incomplete") as caught:
            read_reviews(path, expected_per_folder=None)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert messages[0].count(". ") == 0 and messages[0].endswith("unexpected end of data")


def _same_raw(a, b) -> None:
    for field in ("split", "label", "rating", "review_id"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field
    assert a.texts == b.texts and a.urls == b.urls
    assert (a.decode_errors, a.empty_files, a.truncated) == (
        b.decode_errors,
        b.empty_files,
        b.truncated,
    )


def test_tiny_dataset_reads_the_same_both_ways(tmp_path, monkeypatch):
    files = tiny_files(per_folder=8)
    files["aclImdb/train/pos/0_9.txt"] = "caf\xe9 bad bytes".encode("latin-1")
    files["aclImdb/test/neg/3_2.txt"] = b""
    files["aclImdb/train/unsup/5_0.txt"] = b"ignored"
    path = write_archive(tmp_path / "t.tar.gz", files)
    reads = []
    for fast in (True, False):
        monkeypatch.setattr(archive, "FAST_TAR", fast)
        reads.append(read_reviews(path, expected_per_folder=None))
    _same_raw(*reads)
    assert reads[0].decode_errors == 1 and reads[0].empty_files == 1


def test_real_archive_reads_the_same_both_ways(monkeypatch):
    data = os.environ.get("IMDB_LAB_DATA", "")
    if not data.endswith(".tar.gz") or not Path(data).is_file():
        pytest.skip("IMDB_LAB_DATA is not set to the real archive")
    reads = []
    for fast in (True, False):
        monkeypatch.setattr(archive, "FAST_TAR", fast)
        reads.append(read_reviews(data))
    _same_raw(*reads)
    assert len(reads[0]) == 50_000
