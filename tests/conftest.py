"""Shared fixtures: an isolated app home, a tiny generated dataset, the real archive.

Also the autouse :func:`tests.leaks.no_leftover_threads`: a test fails when it leaves a
thread running.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from tests.leaks import no_leftover_threads  # noqa: E402, F401 - an autouse fixture
from tests.tiny_data import make_tiny_archive, make_tiny_folder  # noqa: E402


@pytest.fixture(autouse=True)
def lab_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own IMDB_LAB_HOME so no test sees another's runs or caches."""
    home = tmp_path_factory.mktemp("labhome")
    monkeypatch.setenv("IMDB_LAB_HOME", str(home))
    return home


@pytest.fixture(autouse=True, scope="session")
def english_interface(tmp_path_factory, qapp):
    """Tests see the app in English, whatever ``LANG`` says, as the app shows English.

    English with its plural forms ("1 epoch", "2 epochs") and number formats
    (``QLocale`` en_US), compiled into a folder of the test session. A test that asks for
    Korean (``tests/test_i18n.py``) goes back with :func:`gui.i18n.reset`.
    """
    from gui import i18n

    i18n.install("en", folder=tmp_path_factory.mktemp("qm"))


@pytest.fixture(autouse=True, scope="session")
def training_processes():
    """Windows share one training process per test run; it is ended with the session."""
    yield
    from engine.service.process import close_shared_service

    close_shared_service()


@pytest.fixture(scope="session")
def tiny_archive(tmp_path_factory) -> Path:
    """A small .tar.gz with the official layout (aclImdb/{train,test}/{pos,neg})."""
    return make_tiny_archive(tmp_path_factory.mktemp("tiny") / "tiny_aclImdb.tar.gz")


@pytest.fixture(scope="session")
def tiny_folder(tmp_path_factory) -> Path:
    """The same small dataset as an extracted folder."""
    return make_tiny_folder(tmp_path_factory.mktemp("tinyfolder"))


@pytest.fixture(scope="session")
def real_archive() -> Path:
    """The real archive named by IMDB_LAB_DATA (CI sets it); skips when absent."""
    value = os.environ.get("IMDB_LAB_DATA", "")
    if not value or not Path(value).exists():
        pytest.skip("IMDB_LAB_DATA is not set to the real archive")
    return Path(value)


def dataset_from_files(files: dict[str, bytes], num_words: int = 10_000):
    """Build an engine Dataset straight from generated files (no archive reading)."""
    import re

    from engine.data.dataset import build_dataset

    rows = []
    for name, data in sorted(files.items()):
        m = re.match(r"aclImdb/(train|test)/(pos|neg)/(\d+)_(\d+)\.txt$", name)
        if m:
            rows.append(
                (
                    0 if m[1] == "train" else 1,
                    1 if m[2] == "pos" else 0,
                    int(m[4]),
                    int(m[3]),
                    data.decode("utf-8"),
                )
            )
    split, label, rating, rid, texts = zip(*rows)
    return build_dataset(
        split,
        label,
        rating,
        rid,
        list(texts),
        [""] * len(rows),
        num_words=num_words,
        source="generated",
    )


@pytest.fixture(scope="session")
def tiny_dataset():
    """A small generated Dataset (120 train, 120 test reviews, ~40-word vocabulary)."""
    from tests.tiny_data import tiny_files

    return dataset_from_files(tiny_files())


@pytest.fixture(scope="session")
def real_dataset(real_archive, tmp_path_factory):
    """The real 50,000 reviews, tokenized once per test session into a session cache."""
    from engine.data.loading import load_dataset

    return load_dataset(
        real_archive, num_words=10_000, cache_dir=tmp_path_factory.mktemp("real_cache")
    )
