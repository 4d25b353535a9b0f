"""Reading the raw Stanford layout: archive and folder, validation, unsafe archives."""

from __future__ import annotations

import gzip
import io
import tarfile
import threading
import zlib

import numpy as np
import pytest

from engine.data.archive import read_reviews, safe_extract
from engine.errors import Cancelled, DataError
from tests.tiny_data import tiny_files, write_archive, write_folder


def _without(files: dict[str, bytes], prefix: str) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not k.startswith(prefix)}


def test_archive_and_folder_read_the_same_reviews(tiny_archive, tiny_folder):
    a = read_reviews(tiny_archive, expected_per_folder=60)
    f = read_reviews(tiny_folder, expected_per_folder=60)
    f_parent = read_reviews(tiny_folder.parent, expected_per_folder=60)
    assert len(a) == len(f) == len(f_parent) == 240
    assert a.texts == f.texts == f_parent.texts
    assert a.urls == f.urls
    for name in ("split", "label", "rating", "review_id"):
        assert np.array_equal(getattr(a, name), getattr(f, name)), name


def test_order_labels_ratings_ids_and_urls(tiny_archive):
    files = tiny_files()
    raw = read_reviews(tiny_archive, expected_per_folder=60)
    # Order: train/neg, train/pos, test/neg, test/pos, each by numeric id.
    assert raw.split.tolist() == [0] * 120 + [1] * 120
    assert raw.label.tolist() == ([0] * 60 + [1] * 60) * 2
    assert raw.review_id[:60].tolist() == list(range(60))
    assert set(raw.rating[raw.label == 0]) <= {1, 2, 3, 4}
    assert set(raw.rating[raw.label == 1]) <= {7, 8, 9, 10}
    # Row 65 is train/pos id 5: its text and rating come from the file 5_<rating>.txt.
    i = 65
    name = f"aclImdb/train/pos/5_{raw.rating[i]}.txt"
    assert raw.texts[i] == files[name].decode()
    url_lines = files["aclImdb/train/urls_pos.txt"].decode().splitlines()
    assert raw.urls[i] == url_lines[5] != ""
    assert raw.decode_errors == raw.empty_files == 0


def test_numeric_id_order_not_alphabetical(tmp_path):
    files = _without(tiny_files(per_folder=12), "aclImdb/train/neg/")
    for rid in (10, 2, 1):
        files[f"aclImdb/train/neg/{rid}_3.txt"] = f"review {rid}".encode()
    raw = read_reviews(write_archive(tmp_path / "a.tar.gz", files), expected_per_folder=None)
    assert raw.review_id[:3].tolist() == [1, 2, 10]
    assert raw.texts[:3] == ["review 1", "review 2", "review 10"]


def test_unsup_and_feat_files_are_ignored(tmp_path):
    files = tiny_files(per_folder=5)
    files["aclImdb/train/unsup/0_0.txt"] = b"unlabeled"
    files["aclImdb/train/labeledBow.feat"] = b"0 0:1\n"
    raw = read_reviews(write_archive(tmp_path / "a.tar.gz", files), expected_per_folder=5)
    assert len(raw) == 20 and "unlabeled" not in raw.texts


def test_wrong_counts_are_reported(tiny_archive):
    with pytest.raises(DataError, match=r"60 reviews in aclImdb/train/neg instead of 12,500"):
        read_reviews(tiny_archive)


@pytest.mark.parametrize("as_archive", [True, False])
def test_missing_split_folder_is_named(tmp_path, as_archive):
    files = _without(tiny_files(per_folder=5), "aclImdb/test/pos/")
    src = (
        write_archive(tmp_path / "a.tar.gz", files)
        if as_archive
        else write_folder(tmp_path / "f", files)
    )
    with pytest.raises(DataError, match="no test/pos reviews"):
        read_reviews(src, expected_per_folder=None)


def test_non_utf8_and_empty_files_are_counted_not_fatal(tmp_path):
    files = tiny_files(per_folder=5)
    files["aclImdb/train/pos/0_9.txt"] = "caf\xe9 bad bytes".encode("latin-1")
    files["aclImdb/test/neg/3_2.txt"] = b""
    raw = read_reviews(write_folder(tmp_path / "f", files), expected_per_folder=None)
    assert raw.decode_errors == 1 and raw.empty_files == 1
    assert "caf\ufffd bad bytes" in raw.texts


@pytest.mark.parametrize("content", [b"just some text, not an archive", b""])
def test_not_an_archive(tmp_path, content):
    path = tmp_path / "x.tar.gz"
    path.write_bytes(content)
    with pytest.raises(DataError, match="not a readable .tar.gz"):
        read_reviews(path)


def test_truncated_archive(tiny_archive, tmp_path):
    data = tiny_archive.read_bytes()
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="damaged or incomplete"):
        read_reviews(path, expected_per_folder=None)


def test_a_folder_that_is_not_the_dataset(tmp_path):
    (tmp_path / "something").mkdir()
    with pytest.raises(DataError, match="does not look like the IMDB dataset"):
        read_reviews(tmp_path)
    with pytest.raises(DataError, match="does not exist"):
        read_reviews(tmp_path / "nope.tar.gz")


def test_cancel_stops_reading(tiny_archive):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        read_reviews(tiny_archive, cancel=cancel, expected_per_folder=None)


def test_progress_reaches_one(tiny_folder):
    seen = []
    read_reviews(tiny_folder, progress=lambda f, m: seen.append(f), expected_per_folder=None)
    assert seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)


# --- Unsafe archives ---------------------------------------------------------------------


def _evil_archive(path, name, *, link: str | None = None, hard: bool = False):
    """The tiny dataset plus one hostile member (a file, or a link when ``link`` is given)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for fname, data in sorted(tiny_files(per_folder=3).items()):
            info = tarfile.TarInfo(fname)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo(name)
        if link is None:
            payload = b"pwned"
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
        else:
            info.type = tarfile.LNKTYPE if hard else tarfile.SYMTYPE
            info.linkname = link
            tar.addfile(info)
    path.write_bytes(gzip.compress(buf.getvalue()))
    return path


EVIL = [
    dict(name="aclImdb/train/pos/../../../escaped.txt"),
    dict(name="/tmp/absolute_escape.txt"),
    dict(name="aclImdb/train/pos/99_9.txt", link="../../../../etc/passwd"),
    dict(name="aclImdb/train/pos/98_9.txt", link="/etc/passwd"),
    dict(name="aclImdb/hard.txt", link="../outside.txt", hard=True),
]


@pytest.mark.parametrize("evil", EVIL, ids=lambda e: e["name"] + "->" + str(e.get("link")))
def test_safe_extract_refuses_and_writes_nothing(tmp_path, evil):
    archive = _evil_archive(tmp_path / "evil.tar.gz", **evil)
    target = tmp_path / "box" / "target"
    with pytest.raises(DataError, match="unsafe entry|pointing outside"):
        safe_extract(archive, target)
    assert not target.exists()
    assert not (tmp_path / "box" / "escaped.txt").exists()
    assert not (tmp_path / "escaped.txt").exists()


@pytest.mark.parametrize("evil", EVIL, ids=lambda e: e["name"] + "->" + str(e.get("link")))
def test_reading_is_not_fooled_by_unsafe_members(tmp_path, evil):
    archive = _evil_archive(tmp_path / "evil.tar.gz", **evil)
    with pytest.raises(DataError, match="unsafe entry|pointing outside"):
        read_reviews(archive, expected_per_folder=None)


def test_safe_extract_of_a_good_archive(tiny_archive, tmp_path):
    root = safe_extract(tiny_archive, tmp_path / "out")
    assert (root / "aclImdb" / "train" / "pos").is_dir()
    raw = read_reviews(root, expected_per_folder=60)
    assert len(raw) == 240


def test_safe_extract_of_garbage(tmp_path):
    path = tmp_path / "g.tar.gz"
    path.write_bytes(b"\x1f\x8b garbage")
    with pytest.raises(DataError, match="Could not extract"):
        safe_extract(path, tmp_path / "out")


def test_gzip_inflated_on_a_thread_reads_like_tarfile(tiny_archive, tmp_path):
    """The .tar.gz path (engine.data.inflate) and tarfile's own reading agree, for a plain
    .tar and a .tar.bz2 too; the inflating thread is gone afterwards."""
    import bz2

    plain = gzip.decompress(tiny_archive.read_bytes())
    (tmp_path / "a.tar").write_bytes(plain)
    (tmp_path / "a.tar.bz2").write_bytes(bz2.compress(plain))
    before = set(threading.enumerate())
    reads = [
        read_reviews(p, expected_per_folder=60)
        for p in (tiny_archive, tmp_path / "a.tar", tmp_path / "a.tar.bz2")
    ]
    assert reads[0].texts == reads[1].texts == reads[2].texts
    assert reads[0].urls == reads[2].urls
    assert not [t for t in threading.enumerate() if t not in before and t.is_alive()]


def test_gunzip_reports_a_damaged_stream_and_stops(tiny_archive, tmp_path):
    from engine.data.inflate import Gunzip

    data = bytearray(tiny_archive.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)  # corrupt the deflate stream
    path = tmp_path / "bad.tar.gz"
    path.write_bytes(bytes(data))
    reader = Gunzip(path)
    with pytest.raises((OSError, EOFError, zlib.error)):
        while reader.read(1 << 16):
            pass
    reader.close()
    assert not reader._thread.is_alive()
    with pytest.raises(DataError, match="damaged or incomplete"):
        read_reviews(path, expected_per_folder=None)
    # Closing early (a cancelled read) stops the thread without reading to the end.
    early = Gunzip(tiny_archive)
    assert early.read(10)
    early.close()
    assert not early._thread.is_alive()


def test_most_frequent_words_match_sorting_them_all():
    """The vocabulary shortcut (sort only the words counted at least as often as the
    last one kept) gives the full sort's list, ties at the cut included."""
    from engine.data.dataset import _most_frequent

    rng = np.random.default_rng(0)
    words = [f"w{i:05d}" for i in range(3000)]
    rng.shuffle(words)
    for counts in (rng.integers(0, 6, 3000), rng.integers(0, 200, 3000), np.zeros(3000, int)):
        full = sorted((i for i in range(3000) if counts[i]), key=lambda i: (-counts[i], words[i]))
        for num_words in (0, 1, 10, 500, 2999, 3000, 5000):
            assert _most_frequent(counts, words, num_words) == full[:num_words]
