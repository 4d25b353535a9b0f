"""Training options on the command line: ``main.py train``/``script`` and ``main.py --train``.

One definition of each option (name, type, choices, help) and one syntax for
``--units``: layer sizes separated by commas, ``16,16`` for the book's two layers of 16.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from engine.errors import ConfigError
from engine.model.config import ACTIVATIONS, LOSSES, OPTIMIZERS, ModelConfig

_UNITS = re.compile(r"\s*\d+\s*(,\s*\d+\s*)*")
# ModelConfig fields set by an option of the same name (``--batch-size`` -> batch_size).
FIELDS = (
    "epochs",
    "batch_size",
    "num_words",
    "activation",
    "loss",
    "optimizer",
    "learning_rate",
    "validation_size",
    "early_stopping",
    "seed",
)


def parse_units(text: str) -> list[int]:
    """Hidden layer sizes from ``"16,16"`` (one number per layer, separated by commas).

    Raises:
        ConfigError: anything else, such as ``"16,,16"``, ``"16-16"`` or ``""``.
    """
    if not isinstance(text, str) or not _UNITS.fullmatch(text):
        raise ConfigError(
            f"--units takes layer sizes separated by commas, like 16,16 (got {text!r})."
        )
    return [int(part) for part in text.split(",")]


def add_training_options(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    defaults: ModelConfig | None = None,
) -> None:
    """Add ``--epochs``, ``--units`` and the other model and training settings to ``parser``.

    Args:
        defaults: the values of options not given (the command line's training), or None
            to leave them None (the window's ``--train``, which starts from its own settings).
    """

    def default(name: str) -> Any:
        return getattr(defaults, name) if defaults is not None else None

    units = ",".join(str(u) for u in defaults.hidden_units) if defaults is not None else None

    parser.add_argument("--epochs", type=int, default=default("epochs"))
    parser.add_argument("--batch-size", type=int, default=default("batch_size"))
    parser.add_argument("--num-words", type=int, default=default("num_words"))
    parser.add_argument(
        "--units",
        default=units,
        metavar="16,16",
        help="units per hidden layer, separated by commas (one number per layer)",
    )
    parser.add_argument("--activation", choices=ACTIVATIONS, default=default("activation"))
    parser.add_argument("--loss", choices=LOSSES, default=default("loss"))
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default=default("optimizer"))
    parser.add_argument("--learning-rate", type=float, default=default("learning_rate"))
    parser.add_argument("--validation-size", type=int, default=default("validation_size"))
    parser.add_argument(
        "--early-stopping",
        type=int,
        default=default("early_stopping"),
        metavar="N",
        help="stop after N epochs without val_loss improvement (0 = off)",
    )
    parser.add_argument("--seed", type=int, default=default("seed"))


def training_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The :class:`ModelConfig` fields the parsed options give (those not None).

    Raises:
        ConfigError: ``--units`` is not in the documented syntax.
    """
    overrides = {name: getattr(args, name) for name in FIELDS if getattr(args, name) is not None}
    if args.units is not None:
        overrides["hidden_units"] = parse_units(args.units)
    return overrides
