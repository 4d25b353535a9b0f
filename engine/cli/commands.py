"""The commands other than ``train``: ``predict``, ``evaluate``, ``runs``, ``script``, ``export``.

Each takes the parsed arguments and returns the exit status; expected failures raise a
:class:`engine.errors.LabError` that :func:`engine.cli.main` prints as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from engine.book.own_data import own_data
from engine.book.script import keras_script
from engine.cli.exits import CliError
from engine.cli.inputs import (
    dataset_from_args,
    load_model_bundle,
    model_path_from_args,
    own_options_from_args,
    review_texts,
)
from engine.cli.output import dataset_cell, dataset_lines, quiet_tensorflow
from engine.cli.parser import config_from_args
from engine.data.own_files import is_own_source
from engine.jsonable import json_default
from engine.model import export
from engine.model.compat import vocabulary_note
from engine.model.evaluation import evaluate_predictor
from engine.model.predictor import Prediction, Predictor
from engine.runs.history import RunStore


def cmd_predict(args: argparse.Namespace) -> int:
    texts = review_texts(args)
    bundle = load_model_bundle(model_path_from_args(args))
    predictor = Predictor(bundle.weights, bundle.vocab, bundle.config.activation)
    for text in texts:
        result: Prediction
        if args.explain:
            explanation = predictor.explain(text)
            explanation.contributions = dict(
                sorted(explanation.contributions.items(), key=lambda kv: -abs(kv[1]))
            )
            result, top = explanation, list(explanation.contributions.items())[:10]
        else:
            result, top = predictor.predict(text), []
        if args.json:
            print(json.dumps(result.to_dict()), flush=True)
            continue
        note = "  (no known words: this is only the model's bias)" if result.uninformative else ""
        print(
            f"{result.label}  {result.probability:.4f}  known words {result.known_words}, "
            f"unknown {result.unknown_words}{note}"
        )
        if args.explain:
            print("    " + ", ".join(f"{w} {c:+.4f}" for w, c in top))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    path = model_path_from_args(args)
    bundle = load_model_bundle(path)
    dataset = dataset_from_args(args, bundle.config.num_words)
    rows = dataset.indices("test")
    if not len(rows):
        raise CliError("The dataset has no test reviews to evaluate on.")
    for line in dataset_lines(dataset):
        print(f"note: {line}", file=sys.stderr, flush=True)
    note = vocabulary_note(bundle.vocab, bundle.metrics, dataset)
    if note:
        print(f"warning: {note}", file=sys.stderr, flush=True)
    # The model's vocabulary is authoritative: the predictor matches the dataset's words to it.
    predictor = Predictor(bundle.weights, bundle.vocab, bundle.config.activation)
    result = evaluate_predictor(predictor, dataset, rows, loss=bundle.config.loss)
    report = {"model_path": str(path), "reviews": int(len(rows)), **result.to_dict()}
    if args.json:
        print(json.dumps(report, default=json_default))
    else:
        for key, value in report.items():
            print(f"{key:<12} {value:.4f}" if isinstance(value, float) else f"{key:<12} {value}")
    return 0


def cmd_script(args: argparse.Namespace) -> int:
    data = Path(args.data) if args.data else None
    test = Path(args.test_data) if args.test_data else None
    if data is not None and (test is not None or is_own_source(data) or not data.exists()):
        own = own_data(
            data, test, own_options_from_args(args), auto_validation=args.validation_size is None
        )
        text = keras_script(config_from_args(args), source="own", own=own)
    elif test is not None:
        raise CliError("--test-data goes with --data naming your own training file.")
    else:
        text = keras_script(config_from_args(args), source=args.source)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        path = export.write_text_atomically(Path(args.output), text)
    except OSError as exc:
        raise CliError(f"Cannot write {args.output}: {exc.strerror or exc}.") from None
    print(f"script written to {path}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    source = model_path_from_args(args)
    try:
        if args.keras:
            quiet_tensorflow()
            path = export.export_keras_model(source, args.output)
        else:
            path = export.export_archive(source, args.output)
    except OSError as exc:
        raise CliError(f"Cannot write {args.output}: {exc.strerror or exc}.") from None
    print(f"model written to {path}")
    return 0


RUN_FIELDS = (
    "id",
    "name",
    "status",
    "epochs",
    "best_epoch",
    "started",
    "ended",
    "loss",
    "accuracy",
    "val_loss",
    "val_accuracy",
    "test",
    "model_path",
    "config",
    "dataset",
)


def cmd_runs(args: argparse.Namespace) -> int:
    runs: list[dict[str, Any]] = [
        {k: run.get(k) for k in RUN_FIELDS} for run in RunStore().list_runs()
    ]
    if args.json:
        print(json.dumps(runs, default=json_default))
        return 0
    if not runs:
        print("No runs yet: train one with `main.py train`.")
        return 0
    print(
        f"{'id':>4}  {'name':<20} {'status':<11} {'epochs':>6} {'best':>4}  {'val_acc':>7}  "
        f"{'test_acc':>8}  {'started':<25} dataset"
    )
    for r in runs:
        val = f"{r['val_accuracy']:.4f}" if r["val_accuracy"] is not None else "-"
        test = f"{r['test']['accuracy']:.4f}" if r["test"] and "accuracy" in r["test"] else "-"
        print(
            f"{r['id']:>4}  {r['name'][:20]:<20} {r['status']:<11} {r['epochs']:>6} "
            f"{r['best_epoch'] or '-':>4}  {val:>7}  {test:>8}  {r['started']:<25} "
            f"{dataset_cell(r.get('dataset'))}"
        )
    return 0
