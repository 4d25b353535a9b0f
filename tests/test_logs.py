"""Logging: warnings and errors, with tracebacks, go to a rotating file in the log folder."""

from __future__ import annotations

import logging
import logging.handlers

from engine.logs import log_file, setup_logging


def _lab_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "lab_log", False)]


def test_errors_with_tracebacks_reach_the_log_file_under_the_app_home(lab_home):
    try:
        path = setup_logging()
        assert path == log_file() == lab_home / "logs" / "imdb-sentiment-lab.log"
        assert setup_logging() == path and len(_lab_handlers()) == 1  # once, not twice
        assert isinstance(_lab_handlers()[0], logging.handlers.RotatingFileHandler)
        log = logging.getLogger("engine.test")
        log.info("not kept: below WARNING")
        try:
            raise ValueError("a broken thing")
        except ValueError:
            log.exception("Something failed")
        for handler in _lab_handlers():
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "ERROR engine.test" in text and "Something failed" in text
        assert "Traceback" in text and "ValueError: a broken thing" in text
        assert "not kept" not in text
    finally:
        for handler in _lab_handlers():
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_a_new_home_replaces_the_handler(lab_home, tmp_path, monkeypatch):
    try:
        first = setup_logging()
        monkeypatch.setenv("IMDB_LAB_HOME", str(tmp_path / "other"))
        second = setup_logging()
        assert first != second and len(_lab_handlers()) == 1
        assert _lab_handlers()[0].baseFilename == str(second)
    finally:
        for handler in _lab_handlers():
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_the_training_process_writes_its_own_file(lab_home):
    """Two processes rotating one file would write into each other's renamed file."""
    from engine.logs import TRAINING_LOG_NAME

    try:
        path = setup_logging(name=TRAINING_LOG_NAME)
        assert path == lab_home / "logs" / "imdb-sentiment-lab-training.log" != log_file()
        logging.getLogger("engine.service.test").warning("from the training process")
        for handler in _lab_handlers():
            handler.flush()
        assert "from the training process" in path.read_text(encoding="utf-8")
        assert not log_file().exists()
    finally:
        for handler in _lab_handlers():
            logging.getLogger().removeHandler(handler)
            handler.close()
