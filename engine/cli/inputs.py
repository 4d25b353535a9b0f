"""What the commands read: the dataset, the saved model and the reviews to score."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from engine.cli.exits import CliError
from engine.data.dataset import Dataset
from engine.data.keras_files import load_keras_copy
from engine.data.loading import load_dataset
from engine.data.own_files import OwnOptions
from engine.errors import ModelFileError, PredictionError
from engine.model import export
from engine.model.bundle import Bundle, load_bundle
from engine.runs.history import RunStore

MAX_PREDICT_FILE = 64 * 2**20  # bytes; far more reviews than anyone pastes


def own_options_from_args(args: argparse.Namespace) -> OwnOptions:
    """How to read your own data: ``--text-column``, ``--label-column`` and friends."""
    return OwnOptions(
        text_column=args.text_column,
        label_column=args.label_column,
        label_threshold=args.label_threshold,
        test_share=args.test_share,
    )


def dataset_from_args(args: argparse.Namespace, num_words: int) -> Dataset:
    if args.source == "keras":
        return load_keras_copy(num_words, folder=args.data)
    own_options = own_options_from_args(args)
    kwargs: dict[str, Any] = {"test_source": args.test_data, "own_options": own_options}
    if args.no_size_check:
        kwargs["expected_per_folder"] = None
    dataset = load_dataset(args.data, num_words=num_words, **kwargs)
    if dataset.truncated:
        print(f"note: {dataset.truncation_warning}", file=sys.stderr, flush=True)
    return dataset


def model_path_from_args(args: argparse.Namespace) -> Path:
    if args.model:
        return export.resolve_model(args.model)  # a bundle folder, or an exported archive unpacked
    latest = RunStore().latest_model()
    if latest is None:
        raise ModelFileError(
            "No trained model found: train one with `main.py train` or pass --model PATH."
        )
    return latest


def load_model_bundle(path: Path) -> Bundle:
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


def read_lines(stream: Iterable[str]) -> list[str]:
    return [line.rstrip("\r\n") for line in stream if line.strip()]


def file_reviews(name: str) -> list[str]:
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
    lines = read_lines(text.splitlines())
    if not lines:
        raise PredictionError(f"Nothing to predict: the file {name} is empty.")
    return lines


def review_texts(args: argparse.Namespace) -> list[str]:
    texts: list[str] = []
    for text in args.texts:
        texts.extend(read_lines(sys.stdin) if text == "-" else [text])
    if args.file:
        texts.extend(file_reviews(args.file))
    if not texts and not args.texts:
        raise PredictionError(
            "Nothing to predict: give a review as TEXT, --file PATH, or - for standard input."
        )
    if not texts:
        raise PredictionError("Nothing to predict: the text is empty.")
    return texts
