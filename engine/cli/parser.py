"""The command line's arguments: one ``argparse`` parser with a sub-command each.

The training options themselves are defined once in :mod:`engine.training_options`
(shared with the window's ``main.py --train``).
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from engine import __version__
from engine.cli.exits import EXIT_ERROR
from engine.model.config import ModelConfig
from engine.training_options import add_training_options, training_overrides

MODEL_HELP = (
    "model folder, or a run folder (an interrupted run uses its last complete epoch; "
    "default: the latest finished run)"
)


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
    # None: with your own reviews the script picks the book's 10,000 or 40%, as train does.
    script.set_defaults(validation_size=None)
    source_option(script)
    script.add_argument(
        "--data",
        metavar="PATH",
        help="your own reviews (a TSV/CSV or JSON Lines file, a folder with pos/ and neg/): "
        "the script reads them as `train --data` does",
    )
    own_data_options(script)
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
