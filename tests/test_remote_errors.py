"""Every LabError raised in the training process reaches the window with its own class."""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil

import pytest

import engine
from engine.errors import ConfigError, DataError, LabError
from engine.runs.history import HistoryError
from engine.service import jobs
from engine.service.process import RemoteError, _remote_exception


def _lab_errors() -> list[type[LabError]]:
    for module in pkgutil.walk_packages(engine.__path__, "engine."):
        importlib.import_module(module.name)
    found, todo = [], [LabError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def _round_trip(exc: BaseException, monkeypatch) -> BaseException:
    """Raise ``exc`` in a job as the training process does, and rebuild it as the window does."""

    def failing_job(*args):
        raise exc

    monkeypatch.setitem(jobs.JOBS, "failing", failing_job)
    here, there = multiprocessing.Pipe()
    try:
        jobs._run_job(there, object(), {}, "failing", None, None, {})
        message = here.recv()
    finally:
        here.close()
        there.close()
    assert message[0] == "error"
    return _remote_exception(*message[1:])


@pytest.mark.parametrize("cls", [HistoryError, DataError, ConfigError])
def test_a_lab_error_keeps_its_class_and_message(cls, monkeypatch):
    rebuilt = _round_trip(cls("The thing went wrong."), monkeypatch)
    assert type(rebuilt) is cls and str(rebuilt) == "The thing went wrong."


def test_every_lab_error_subclass_is_rebuilt():
    classes = _lab_errors()
    assert HistoryError in classes and len(classes) >= 8
    for cls in classes:
        rebuilt = _remote_exception(cls.__name__, "A sentence.", cls.__module__)
        assert type(rebuilt) is cls, cls


def test_other_exceptions_stay_remote_errors(monkeypatch):
    rebuilt = _round_trip(KeyError("x"), monkeypatch)
    assert isinstance(rebuilt, RemoteError) and rebuilt.kind == "KeyError"
    # A name outside the engine is never imported.
    assert isinstance(_remote_exception("LabError", "m", "os"), RemoteError)
