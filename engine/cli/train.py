"""``main.py train``: train (or run the book's protocol), print each epoch, report the end.

Ctrl+C stops after the current batch (a second one stops now); the run is saved in the
history either way.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time

from engine.cli.exits import EXIT_FAILED, EXIT_INTERRUPTED, CliError
from engine.cli.inputs import dataset_from_args
from engine.cli.output import dataset_lines, epoch_line, quiet_tensorflow
from engine.cli.parser import config_from_args
from engine.jsonable import json_default
from engine.model.book_protocol import run_book_protocol
from engine.model.config import default_validation_size
from engine.model.training import Trainer
from engine.model.training_records import EpochMetrics
from engine.runs.history import RunStore
from engine.service.process import training_copy


def cmd_train(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    config.validate()  # fails fast on settings, before the dataset is read
    store = RunStore()
    if store.read_only:
        raise CliError(
            f"Training needs to save its run in {store.path.parent}, which is read-only; "
            "make it writable or point IMDB_LAB_HOME at a writable folder."
        )
    out = sys.stderr if args.json else sys.stdout
    started = time.perf_counter()
    dataset = dataset_from_args(args, config.num_words)
    load_seconds = time.perf_counter() - started
    train_size = len(dataset.indices("train"))
    own_lines = dataset_lines(dataset)
    if args.validation_size is None:
        config = config.replace(validation_size=default_validation_size(train_size))
    if own_lines:
        share = config.validation_size / max(train_size, 1)
        own_lines.append(
            f"validation {config.validation_size:,} of the {train_size:,} training reviews "
            f"({share:.0%}; --validation-size sets it)"
        )
    for line in own_lines:
        print(line, file=out, flush=True)
    config.validate(train_size=train_size)
    # Training reads only the token arrays: the review texts (417 MB for a million
    # reviews) are let go before TensorFlow and the multi-hot feeds need their memory.
    dataset = training_copy(dataset)
    quiet_tensorflow()  # before the Trainer first imports TensorFlow
    cancel = threading.Event()

    def on_epoch_end(metrics: EpochMetrics) -> None:
        if metrics.get("phase") == "retrain":  # the book protocol's final run
            print("retrain " + epoch_line(metrics, None), file=out, flush=True)
        else:
            print(epoch_line(metrics, config.epochs), file=out, flush=True)

    callbacks = {
        "store": store,
        "name": args.name,
        "cancel": cancel,
        "on_epoch_end": on_epoch_end,
        "distribute": args.distribute,
    }
    previous = signal.signal(signal.SIGINT, lambda *_: _stop(cancel))
    try:
        if args.protocol == "book":
            result = run_book_protocol(dataset, config, **callbacks)
        else:
            result = Trainer(dataset, config, **callbacks).train()
    finally:
        signal.signal(signal.SIGINT, previous)
    timings = {
        "load_data": round(load_seconds, 3),
        **(result.timings or {}),
        "total": round(time.perf_counter() - started, 3),
    }
    report = {
        "run_id": result.run_id,
        "status": result.status,
        "reason": result.reason,
        "config": result.config.to_dict() if result.config else config.to_dict(),
        "history": {
            k: [float(v) for v in result.history.get(k, [])]
            for k in ("loss", "accuracy", "val_loss", "val_accuracy")
        },
        "best_epoch": result.best_epoch,
        "test": result.test,
        "model_path": str(result.model_path) if result.model_path else None,
        "timings": timings,
    }
    retrain = getattr(result, "retrain_history", None)
    if retrain:  # --protocol book: the final run on all training reviews
        report["retrain_run_id"] = getattr(result, "retrain_run_id", None)
        report["retrain_history"] = {
            k: [float(v) for v in retrain.get(k, [])] for k in ("loss", "accuracy")
        }
    if args.json:
        print(json.dumps(report, default=json_default))
    else:
        print(f"{result.status}: {result.reason}".rstrip(": "))
        if result.best_epoch:
            print(f"best epoch {result.best_epoch}")
        if result.test:
            print(
                "test  "
                + "  ".join(
                    f"{k} {v:.4f}" for k, v in result.test.items() if isinstance(v, (int, float))
                )
            )
        if result.model_path:
            print(f"model saved to {result.model_path}")
    if result.status == "stopped":
        return EXIT_INTERRUPTED
    if result.status == "failed":
        if args.json:
            print(f"error: {result.reason}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _stop(cancel: threading.Event) -> None:
    if cancel.is_set():  # a second Ctrl+C: stop now
        raise KeyboardInterrupt
    cancel.set()
    print(
        "Stopping after the current batch (Ctrl+C again to quit now)…", file=sys.stderr, flush=True
    )
