"""Shared fixtures: an isolated app home, a tiny generated dataset, the real archive."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from tests.tiny_data import make_tiny_archive, make_tiny_folder  # noqa: E402


@pytest.fixture(autouse=True)
def lab_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own IMDB_LAB_HOME so no test sees another's runs or caches."""
    home = tmp_path_factory.mktemp("labhome")
    monkeypatch.setenv("IMDB_LAB_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """Every test leaves no running thread behind."""
    before = set(threading.enumerate())
    yield
    extra = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for t in extra:
        t.join(timeout=5)
    still = [t.name for t in extra if t.is_alive()]
    assert not still, f"threads left running: {still}"


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
