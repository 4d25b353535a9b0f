"""The training process's side of :mod:`engine.service.process`: its message loop and its jobs.

This module runs in the child process. It imports TensorFlow, reports ready, warms it up
once, then serves jobs one at a time. While a job runs, a listener thread turns a ``stop`` message
into the job's ``threading.Event``, which the Keras callback checks after every batch.

Messages (tuples) from the window's process: ``("dataset", Dataset)``,
``("job", kind, config, store_spec, options)``, ``("stop",)`` and ``("quit",)``.
Messages back: ``("ready", tensorflow_version, pid)``, ``("event", kind, payload)``,
``("result", value)`` and ``("error", exception_class_name, message, module)``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from engine.data.dataset import Dataset
from engine.errors import LabError
from engine.logs import TRAINING_LOG_NAME, setup_logging
from engine.model.book_protocol import retrain_and_test
from engine.model.config import ModelConfig
from engine.model.evaluation import evaluate
from engine.model.predictor import Predictor, bundle_vocab
from engine.model.training import Trainer
from engine.model.training_records import EpochMetrics
from engine.model.warm_up import warm_up
from engine.runs.experiments import RepeatResult, repeat_seeds
from engine.runs.history import RunStore

Emit = Callable[[str, Any], None]  # emit(event kind, payload): one event to the window
Spec = tuple[str, str]  # (history database, runs folder) of a RunStore

log = logging.getLogger(__name__)

STOP_POLL_S = 0.05
# Scheduling priority of the training process, below the window's.
NICENESS = 10


def make_predictor(
    dataset: Dataset,
    config: ModelConfig,
    weights: list[np.ndarray] | None,
    lexicon_size: int = 0,
) -> Predictor | None:
    """A Predictor for ``weights`` with its lexicon precomputed, or None."""
    if weights is None:
        return None
    try:
        # The model is num_words wide even when the vocabulary is shorter (tiny data).
        predictor = Predictor(
            weights, bundle_vocab(dataset.vocab, config.num_words), config.activation
        )
        if lexicon_size:
            predictor.lexicon(lexicon_size)  # the window then only reads it
        return predictor
    except LabError:
        return None


def job_train(
    dataset: Dataset,
    config: ModelConfig,
    store: RunStore | None,
    emit: Emit,
    cancel: threading.Event,
    options: dict[str, Any],
) -> dict[str, Any]:
    """One training run, or with ``retrain_epochs`` the book's retrain-and-test step."""
    lexicon_size = int(options.get("lexicon_size", 0))
    pending: list[tuple[int, list[np.ndarray]]] = []  # the epoch's weights, sent after its metrics

    def on_epoch_end(metrics: EpochMetrics) -> None:
        # Metrics first: the plots should not wait for the predictor to be built and sent.
        emit("epoch_finished", metrics)
        while pending:
            epoch, weights = pending.pop(0)
            emit("weights_ready", (epoch, make_predictor(dataset, config, weights, lexicon_size)))

    callbacks: dict[str, Any] = dict(
        store=store,
        name=options.get("name"),
        cancel=cancel,
        on_epoch_end=on_epoch_end,
        on_batch=lambda progress: emit("batch_progress", progress),
        on_weights=lambda epoch, weights: pending.append((epoch, weights)),
    )
    retrain_epochs = options.get("retrain_epochs")
    if retrain_epochs is None:
        result = Trainer(dataset, config, **callbacks).train()
    else:
        result = retrain_and_test(dataset, config, retrain_epochs, **callbacks)
        if result.status == "finished" and result.weights is not None:
            emit(
                "evaluation_ready",
                evaluate(result.weights, dataset, rows=dataset.indices("test"), config=config),
            )
    return {
        "result": result,
        "predictor": make_predictor(dataset, config, result.weights, lexicon_size),
    }


def job_repeat_seeds(
    dataset: Dataset,
    config: ModelConfig,
    store: RunStore | None,
    emit: Emit,
    cancel: threading.Event,
    options: dict[str, Any],
) -> RepeatResult:
    """:func:`engine.runs.experiments.repeat_seeds`, its progress sent as ``progress`` events."""
    return repeat_seeds(
        dataset,
        config,
        count=int(options.get("count", 3)),
        store=store,
        name=options.get("name"),
        cancel=cancel,
        progress=lambda fraction, message: emit("progress", (fraction, message)),
    )


JOBS: dict[str, Callable[..., Any]] = {"train": job_train, "repeat_seeds": job_repeat_seeds}


def serve(conn: Connection) -> None:
    """The child process's main function: load TensorFlow, report ready, warm up, then run
    jobs until ``quit`` or EOF."""
    # Only warnings and errors from TensorFlow's C++ side; its start-up notes are noise here.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Training takes whatever CPU the window leaves idle; when both want a core, the
    # scheduler lets the window run first, so repaints do not wait for TensorFlow's threads.
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    setup_logging(name=TRAINING_LOG_NAME)
    try:
        import keras  # noqa: F401 - the heavy imports, once per training process
        import tensorflow as tf

        # Keras's retracing notices are about its own internals, not something to act on.
        logging.getLogger("tensorflow").setLevel(logging.ERROR)
        conn.send(("ready", tf.__version__, os.getpid()))
    except Exception as exc:  # noqa: BLE001 - reported to the window, which shows it
        log.exception("TensorFlow could not be started")
        conn.send(("error", type(exc).__name__, f"TensorFlow could not be started: {exc}", ""))
        return
    # Ready is sent before the warm-up: it took 2.1-2.5 s and saved the first run only
    # 0.5-0.9 s (bench/RESULTS.md), so it runs while the window waits for a click.
    pending = _warm_up_until_message(conn)
    dataset: Dataset | None = None
    stores: dict[Spec, RunStore] = {}
    while True:
        try:
            message = pending.pop(0) if pending else conn.recv()
        except (EOFError, OSError):
            return  # the window's process is gone
        if message[0] == "quit":
            return
        if message[0] == "dataset":
            dataset = message[1]
        elif message[0] == "job":
            if _run_job(conn, dataset, stores, *message[1:]):
                return


def _next_message(conn: Connection, done: threading.Event) -> tuple[Any, ...] | None:
    """The next message from the window, or None once ``done`` is set (checked every
    :data:`STOP_POLL_S`); a closed pipe reads as ``quit``."""
    while not done.is_set():
        try:
            if conn.poll(STOP_POLL_S):
                return conn.recv()
        except (EOFError, OSError):
            return ("quit",)
    return None


def _warm_up_until_message(conn: Connection) -> list[tuple[Any, ...]]:
    """Run :func:`warm_up` until it ends or a message arrives; returns that message, unhandled.

    A job sent meanwhile stops the warm-up after its current batch instead of waiting for
    it. ``quit`` (or the window's process ending) ends this process at once: the warm-up
    writes nothing, and the window closing should not wait for it.
    """
    cancel, done = threading.Event(), threading.Event()
    arrived: list[tuple[Any, ...]] = []

    def listen() -> None:
        message = _next_message(conn, done)
        if message is None:
            return
        if message[0] == "quit":
            os._exit(0)
        arrived.append(message)
        cancel.set()

    listener = threading.Thread(target=listen, name="warm-up-listener", daemon=True)
    listener.start()
    try:
        warm_up(cancel)
    except Exception:  # noqa: BLE001 - the first job reports a real failure itself
        log.warning("The warm-up run failed", exc_info=True)
    finally:
        done.set()
        listener.join()
    return arrived


def _store(stores: dict[Spec, RunStore], spec: Spec | None) -> RunStore | None:
    """The RunStore for ``spec`` = (database path, runs folder), opened once per process."""
    if spec is None:
        return None
    if spec not in stores:
        stores[spec] = RunStore(spec[0], runs_root=spec[1])
    return stores[spec]


def _run_job(
    conn: Connection,
    dataset: Dataset | None,
    stores: dict[Spec, RunStore],
    kind: str,
    config: ModelConfig,
    store_spec: Spec | None,
    options: dict[str, Any],
) -> bool:
    """Run one job while listening for ``stop``; True when ``quit`` arrived meanwhile."""
    cancel, done = threading.Event(), threading.Event()
    quit_after: list[bool] = []

    def listen() -> None:
        while (message := _next_message(conn, done)) is not None:
            if message[0] in ("stop", "quit"):
                cancel.set()
            if message[0] == "quit":
                quit_after.append(True)
                return

    def emit(event: str, payload: Any) -> None:
        conn.send(("event", event, payload))

    listener = threading.Thread(target=listen, name="stop-listener", daemon=True)
    listener.start()
    try:
        if dataset is None:
            raise RuntimeError("no dataset was sent before the job")
        value = JOBS[kind](dataset, config, _store(stores, store_spec), emit, cancel, options)
        reply: tuple[Any, ...] = ("result", value)
    except Exception as exc:  # noqa: BLE001 - every failure goes back as a message
        if not isinstance(exc, LabError):
            log.exception("The %s job failed", kind)
        # The module lets the window rebuild any LabError subclass, wherever it is defined.
        reply = ("error", type(exc).__name__, str(exc), type(exc).__module__)
    finally:
        done.set()
        listener.join()
    try:
        conn.send(reply)
    except (OSError, ValueError):
        return True
    return bool(quit_after)
