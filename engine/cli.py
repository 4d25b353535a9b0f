"""The command line: ``train``, ``predict``, ``evaluate`` and ``runs`` on the same engine.

``python main.py`` without arguments (or with a window option such as ``--train``) opens
the window instead; Qt is imported only then. Expected failures print one line on stderr
and exit with status 2; a training run that fails (non-finite loss) exits 1, one stopped
with Ctrl+C exits 130.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from engine import __version__
from engine.book.script import keras_script
from engine.data.dataset import Dataset
from engine.data.keras_files import load_keras_copy
from engine.data.loading import load_dataset
from engine.data.own import OwnOptions, skipped_text
from engine.errors import LabError, ModelFileError, PredictionError
from engine.jsonable import json_default
from engine.logs import setup_logging
from engine.model import export, training
from engine.model.bundle import Bundle, load_bundle
from engine.model.compat import vocabulary_note
from engine.model.config import ModelConfig, default_validation_size
from engine.model.evaluation import evaluate_predictor
from engine.model.predictor import Prediction, Predictor
from engine.model.training import EpochMetrics
from engine.runs.history import RunStore
from engine.service.process import training_copy
from engine.training_options import add_training_options, training_overrides

EXIT_ERROR = 2
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130
MAX_PREDICT_FILE = 64 * 2**20  # bytes; far more reviews than anyone pastes
MODEL_HELP = (
    "model folder, or a run folder (an interrupted run uses its last complete epoch; "
    "default: the latest finished run)"
)


class CliError(LabError):
    """A command-line request that cannot be carried out (bad file, nothing to do)."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (its default adds the usage text)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    defaults = ModelConfig()
    parser = _Parser(
        prog="main.py",
        description="IMDB Sentiment Lab: train, try and compare the "
        "IMDB review classifier of Deep Learning with Python, section 3.4. "
        "Without a command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"IMDB Sentiment Lab {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def data_options(p: argparse.ArgumentParser) -> None:
        source_option(p)
        p.add_argument(
            "--data",
            metavar="PATH",
            help="aclImdb_v1.tar.gz or an aclImdb/ folder "
            "(default: IMDB_LAB_DATA, then the processed cache); with --source keras, "
            "the folder holding imdb.npz and imdb_word_index.json "
            "(default: $KERAS_HOME/datasets or ~/.keras/datasets)",
        )
        p.add_argument(
            "--no-size-check",
            action="store_true",
            help="accept a dataset whose folders do not hold 12,500 reviews each (samples)",
        )
        own_data_options(p)

    train = sub.add_parser("train", help="train a model and save it in the run history")
    data_options(train)
    train.add_argument(
        "--protocol",
        choices=["book"],
        help="book: train with validation, then "
        "retrain on all 25,000 reviews for the best epoch count and test",
    )
    add_training_options(train, defaults)
    # None: the book's 10,000 when the training split is large enough, else 40% of it.
    train.set_defaults(validation_size=None)
    train.add_argument(
        "--distribute",
        choices=("default", "mirrored"),
        default="default",
        help="mirrored: train on every local GPU with tf.distribute.MirroredStrategy",
    )
    train.add_argument("--name", help="a name for the run in the history")
    train.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object at the end (progress lines then go to stderr)",
    )

    predict = sub.add_parser("predict", help="score reviews with a saved model")
    predict.add_argument(
        "texts",
        nargs="*",
        metavar="TEXT",
        help="review text; - reads standard input, one review per line",
    )
    predict.add_argument("--file", metavar="PATH", help="a text file with one review per line")
    predict.add_argument("--model", metavar="PATH", help=MODEL_HELP)
    predict.add_argument("--explain", action="store_true", help="add each word's contribution")
    predict.add_argument("--json", action="store_true", help="one JSON object per review")

    evaluate = sub.add_parser("evaluate", help="test-split metrics of a saved model")
    data_options(evaluate)
    evaluate.add_argument("--model", metavar="PATH", help=MODEL_HELP)
    evaluate.add_argument("--json", action="store_true")

    runs = sub.add_parser("runs", help="list the run history, newest first")
    runs.add_argument("--json", action="store_true")

    script = sub.add_parser(
        "script",
        help="print the current settings as a standalone Keras script in the book's style",
    )
    add_training_options(script, defaults)
    source_option(script)
    script.add_argument("-o", "--output", metavar="FILE", help="write the script to FILE")

    export = sub.add_parser("export", help="write a saved model as one file to keep or send")
    export.add_argument("--model", metavar="PATH", help=MODEL_HELP)
    export.add_argument(
        "--keras",
        action="store_true",
        help="a plain .keras model (multi-hot input) instead of the app's archive",
    )
    export.add_argument("-o", "--output", metavar="FILE", required=True)
    return parser


def own_data_options(p: argparse.ArgumentParser) -> None:
    """Options for your own labelled reviews (a TSV/CSV or JSON Lines file, a pos/neg folder)."""
    group = p.add_argument_group(
        "your own reviews",
        "--data may also be a TSV/CSV file, a JSON Lines file or a folder with pos/ and neg/ "
        "(with or without train/ and test/ above them)",
    )
    group.add_argument("--test-data", metavar="PATH", help="a separate test file")
    group.add_argument(
        "--text-column",
        metavar="C",
        help="the text column's header name or 1-based number (default: text, review, "
        "document, sentence or content)",
    )
    group.add_argument(
        "--label-column",
        metavar="C",
        help="the label column's header name or 1-based number (default: label, sentiment, "
        "polarity, rating or score)",
    )
    group.add_argument(
        "--label-threshold",
        type=float,
        metavar="X",
        help="ratings above X are positive (default: the midpoint of the lowest and highest)",
    )
    group.add_argument(
        "--test-share",
        type=float,
        default=0.25,
        metavar="F",
        help="share held out for testing when there is no test file or split column "
        "(default 0.25, seeded)",
    )


def source_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--source",
        choices=("aclimdb", "keras"),
        default="aclimdb",
        help="aclimdb: the Stanford archive (default); keras: the book's copy, "
        "keras.datasets.imdb, read from Keras's cache folder",
    )


def config_from_args(args: argparse.Namespace) -> ModelConfig:
    """The :class:`ModelConfig` the training options describe (``train`` and ``script``)."""
    return ModelConfig(**training_overrides(args))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the command line (``main.py`` sends window invocations to ``gui``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    setup_logging()
    handler = {
        "train": cmd_train,
        "predict": cmd_predict,
        "evaluate": cmd_evaluate,
        "runs": cmd_runs,
        "script": cmd_script,
        "export": cmd_export,
    }[args.command]
    try:
        return handler(args)
    except LabError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): no traceback, and none at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# -- train -------------------------------------------------------------------------------

# What TensorFlow's C++ side prints while it loads and looks for a GPU: information, not
# errors (glog "I"/"W" lines, absl's start-up notice, the CUDA probe on a machine without one).
_TF_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\)|[IW]\d{4} |"
    r"E\d{4} .*(cuInit|cuda|CUDA|cuDNN|cuFFT|cuBLAS)|To enable the following instructions|"
    r"WARNING:tensorflow:)"
)


def quiet_tensorflow() -> None:
    """Load TensorFlow with its start-up chatter kept off stderr, so errors stay one line.

    The C++ runtime writes to file descriptor 2 directly, so Python's ``sys.stderr`` cannot
    catch it: fd 2 points at a temp file while TensorFlow and Keras load and probe their
    devices. Whatever was written is then replayed except the known start-up lines, and
    all of it is replayed when the import fails, so real errors are never hidden.
    """
    if "tensorflow" in sys.modules:
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        failed = True
        try:
            import tensorflow as tf

            tf.config.list_physical_devices()  # the CUDA probe prints here
            import keras  # noqa: F401
            from absl import logging as absl_logging

            absl_logging.set_verbosity(absl_logging.ERROR)
            failed = False
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            lines = captured.read().decode("utf-8", "replace").splitlines()
            kept = lines if failed else [line for line in lines if not _TF_NOISE.match(line)]
            if kept:
                print("\n".join(kept), file=sys.stderr, flush=True)


def _load_dataset(args: argparse.Namespace, num_words: int) -> Dataset:
    if args.source == "keras":
        return load_keras_copy(num_words, folder=args.data)
    own_options = OwnOptions(
        text_column=args.text_column,
        label_column=args.label_column,
        label_threshold=args.label_threshold,
        test_share=args.test_share,
    )
    kwargs: dict[str, Any] = {"test_source": args.test_data, "own_options": own_options}
    if args.no_size_check:
        kwargs["expected_per_folder"] = None
    dataset = load_dataset(args.data, num_words=num_words, **kwargs)
    if dataset.truncated:
        print(f"note: {dataset.truncation_warning}", file=sys.stderr, flush=True)
    return dataset


def _dataset_lines(dataset: Dataset) -> list[str]:
    """What the CLI says about your own data: counts, how it was split, skipped rows."""
    info = dataset.extra.get("dataset")
    if not isinstance(info, dict) or info.get("kind") == "imdb":
        return []
    counts = info["counts"]
    lines = [
        f"dataset {info['name']}: {counts['train']:,} training and {counts['test']:,} test "
        f"reviews ({info['split']}; {info['labels']})"
    ]
    skipped = skipped_text(info.get("skipped") or {})
    if skipped:
        lines.append(skipped)
    return lines


def _epoch_line(metrics: Mapping[str, Any], epochs: int | None) -> str:
    parts = [f"epoch {metrics['epoch']}" + (f"/{epochs}" if epochs else "")]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if metrics.get(key) is not None:
            parts.append(f"{key} {metrics[key]:.4f}")
    parts.append(f"{metrics.get('seconds', 0.0):.1f} s")
    return "  ".join(parts)


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
    dataset = _load_dataset(args, config.num_words)
    load_seconds = time.perf_counter() - started
    train_size = len(dataset.indices("train"))
    own_lines = _dataset_lines(dataset)
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
            print("retrain " + _epoch_line(metrics, None), file=out, flush=True)
        else:
            print(_epoch_line(metrics, config.epochs), file=out, flush=True)

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
            result = training.run_book_protocol(dataset, config, **callbacks)
        else:
            result = training.Trainer(dataset, config, **callbacks).train()
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


# -- predict / evaluate ------------------------------------------------------------------


def _model_path(args: argparse.Namespace) -> Path:
    if args.model:
        return export.resolve_model(args.model)  # a bundle folder, or an exported archive unpacked
    latest = RunStore().latest_model()
    if latest is None:
        raise ModelFileError(
            "No trained model found: train one with `main.py train` or pass --model PATH."
        )
    return latest


def _load_bundle(path: Path) -> Bundle:
    """The saved model at ``path``; a run folder without one gives its last complete epoch."""
    bundle = load_bundle(path)
    if bundle.metrics.get("status") == "interrupted":
        print(
            f"note: {path} has no saved model; using the weights of its last complete "
            f"epoch ({bundle.metrics['epoch']}).",
            file=sys.stderr,
            flush=True,
        )
    return bundle


def _read_lines(stream: Iterable[str]) -> list[str]:
    return [line.rstrip("\r\n") for line in stream if line.strip()]


def _file_reviews(name: str) -> list[str]:
    """The non-blank lines of a text file; a binary or empty file is refused by name."""
    try:
        with open(name, "rb") as f:
            data = f.read(MAX_PREDICT_FILE + 1)
    except OSError as exc:
        raise CliError(f"Cannot read {name}: {exc.strerror or exc}.") from None
    if len(data) > MAX_PREDICT_FILE:
        raise CliError(f"{name} is larger than {MAX_PREDICT_FILE // 2**20} MB; split it first.")
    text = data.decode("utf-8", errors="replace")
    # NUL bytes or many undecodable bytes: an image, an archive, a program, not reviews.
    if "\0" in text or text.count("\ufffd") > max(10, len(text) // 100):
        raise CliError(f"{name} is not a text file (it holds binary data); give reviews as text.")
    lines = _read_lines(text.splitlines())
    if not lines:
        raise PredictionError(f"Nothing to predict: the file {name} is empty.")
    return lines


def _texts(args: argparse.Namespace) -> list[str]:
    texts: list[str] = []
    for text in args.texts:
        texts.extend(_read_lines(sys.stdin) if text == "-" else [text])
    if args.file:
        texts.extend(_file_reviews(args.file))
    if not texts and not args.texts:
        raise PredictionError(
            "Nothing to predict: give a review as TEXT, --file PATH, or - for standard input."
        )
    if not texts:
        raise PredictionError("Nothing to predict: the text is empty.")
    return texts


def cmd_predict(args: argparse.Namespace) -> int:
    texts = _texts(args)
    bundle = _load_bundle(_model_path(args))
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
    path = _model_path(args)
    bundle = _load_bundle(path)
    dataset = _load_dataset(args, bundle.config.num_words)
    rows = dataset.indices("test")
    if not len(rows):
        raise CliError("The dataset has no test reviews to evaluate on.")
    for line in _dataset_lines(dataset):
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


# -- script / export ---------------------------------------------------------------------


def cmd_script(args: argparse.Namespace) -> int:
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
    source = _model_path(args)
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


# -- runs --------------------------------------------------------------------------------

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
            f"{_dataset_cell(r.get('dataset'))}"
        )
    return 0


def _dataset_cell(info: Any) -> str:
    if not isinstance(info, dict) or not info.get("name"):
        return "-"
    counts = info.get("counts") or {}
    return f"{info['name']} ({counts.get('train', 0):,}/{counts.get('test', 0):,})"


def wants_window(argv: list[str]) -> bool:
    """True when ``python main.py ARGS`` should open the window, not run a command."""
    return not argv or (argv[0].startswith("--") and argv[0] not in ("--help", "-h", "--version"))
