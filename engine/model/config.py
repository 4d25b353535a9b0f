"""Model and training settings (:class:`ModelConfig`), with the book's defaults.

Also the chapter's presets and a TensorFlow-free model summary (layer, output shape,
parameter count) so the window can show it while TensorFlow is still loading.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engine.errors import ConfigError

ACTIVATIONS = ("relu", "tanh")
LOSSES = ("binary_crossentropy", "mse")
OPTIMIZERS = ("rmsprop", "adam", "sgd")
TRAIN_SIZE = 25_000
MAX_SEED = 2**32 - 1  # NumPy's and TensorFlow's seeds are 32-bit


BOOK_VALIDATION = 10_000
VALIDATION_SHARE = 0.4  # the book's 10,000 of 25,000


def default_validation_size(train_size: int) -> int:
    """The book's 10,000 validation reviews when the training split has enough, else 40% of it."""
    return min(BOOK_VALIDATION, int(train_size * VALIDATION_SHARE))


@dataclass
class ModelConfig:
    """Everything that defines one training run. Defaults are the book's (section 3.4)."""

    hidden_units: list[int] = field(default_factory=lambda: [16, 16])
    activation: str = "relu"
    loss: str = "binary_crossentropy"
    optimizer: str = "rmsprop"
    learning_rate: float = 0.001
    batch_size: int = 512
    epochs: int = 20
    validation_size: int = 10_000
    num_words: int = 10_000
    seed: int = 0
    early_stopping: int = 0  # 0 = off, N = patience in epochs (restores best weights)

    def validate(self, train_size: int = TRAIN_SIZE) -> ModelConfig:
        """Raise :class:`ConfigError` with a readable message if a value is invalid."""
        if not isinstance(self.hidden_units, list) or not self.hidden_units:
            raise ConfigError("At least one hidden layer is needed.")
        if len(self.hidden_units) > 8:
            raise ConfigError("At most 8 hidden layers are supported.")
        for units in self.hidden_units:
            if not isinstance(units, int) or units < 1 or units > 4096:
                raise ConfigError(f"Hidden layer units must be between 1 and 4096 (got {units}).")
        if self.activation not in ACTIVATIONS:
            raise ConfigError(
                f"Activation must be one of {', '.join(ACTIVATIONS)} (got {self.activation!r})."
            )
        if self.loss not in LOSSES:
            raise ConfigError(f"Loss must be one of {', '.join(LOSSES)} (got {self.loss!r}).")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(
                f"Optimizer must be one of {', '.join(OPTIMIZERS)} (got {self.optimizer!r})."
            )
        if not (isinstance(self.learning_rate, (int, float)) and 0 < self.learning_rate <= 10):
            raise ConfigError(
                f"Learning rate must be a positive number up to 10 (got {self.learning_rate})."
            )
        if not isinstance(self.batch_size, int) or not 1 <= self.batch_size <= 25_000:
            raise ConfigError(f"Batch size must be between 1 and 25000 (got {self.batch_size}).")
        if not isinstance(self.epochs, int) or not 1 <= self.epochs <= 1000:
            raise ConfigError(f"Epochs must be between 1 and 1000 (got {self.epochs}).")
        if not isinstance(self.validation_size, int) or self.validation_size < 0:
            raise ConfigError(f"Validation size cannot be negative (got {self.validation_size}).")
        if self.validation_size >= train_size:
            raise ConfigError(
                f"Validation size ({self.validation_size}) must be smaller than the "
                f"training set ({train_size} reviews)."
            )
        if not isinstance(self.num_words, int) or not 100 <= self.num_words <= 100_000:
            raise ConfigError(
                f"Vocabulary size must be between 100 and 100000 (got {self.num_words})."
            )
        if not isinstance(self.seed, int) or not 0 <= self.seed <= MAX_SEED:
            raise ConfigError(f"Seed must be an integer from 0 to {MAX_SEED} (got {self.seed}).")
        if not isinstance(self.early_stopping, int) or self.early_stopping < 0:
            raise ConfigError(
                f"Early-stopping patience must be 0 (off) or more (got {self.early_stopping})."
            )
        return self

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ModelConfig:
        """Build from a dict, ignoring unknown keys (older or newer files)."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        if "hidden_units" in values:
            values["hidden_units"] = [int(u) for u in values["hidden_units"]]
        return cls(**values)

    @classmethod
    def from_run(cls, run: Mapping[str, Any]) -> ModelConfig | None:
        """The configuration a run of the history was trained with, None when it has none.

        The one reader of a run's ``"config"``: a ModelConfig, a dict (as
        :class:`engine.runs.history.RunStore` returns it) or JSON text.
        """
        value = run.get("config")
        if isinstance(value, ModelConfig):
            return value
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return None
        return cls.from_dict(value) if isinstance(value, dict) else None

    def replace(self, **changes: Any) -> ModelConfig:
        return dataclasses.replace(self, **changes)

    def summary_text(self) -> str:
        """Short description, e.g. ``16-16 relu, binary_crossentropy, rmsprop 0.001``."""
        units = "-".join(str(u) for u in self.hidden_units)
        return f"{units} {self.activation}, {self.loss}, {self.optimizer} {self.learning_rate:g}"


# The book's model and the chapter's suggested experiments ("Further experiments").
PRESETS: dict[str, dict[str, Any]] = {
    "Book (16-16)": {},
    "1 hidden layer": {"hidden_units": [16]},
    "3 hidden layers": {"hidden_units": [16, 16, 16]},
    "32 units": {"hidden_units": [32, 32]},
    "64 units": {"hidden_units": [64, 64]},
    "mse loss": {"loss": "mse"},
    "tanh activation": {"activation": "tanh"},
}


def preset(name: str, base: ModelConfig | None = None) -> ModelConfig:
    """The named preset applied to the book's defaults (keeping ``base``'s run settings)."""
    if name not in PRESETS:
        raise ConfigError(f"Unknown preset {name!r}.")
    start = ModelConfig()
    if base is not None:
        start = start.replace(
            epochs=base.epochs,
            batch_size=base.batch_size,
            validation_size=base.validation_size,
            seed=base.seed,
            num_words=base.num_words,
            early_stopping=base.early_stopping,
        )
    return start.replace(**PRESETS[name])


def summary_rows(config: ModelConfig) -> list[tuple[str, str, int]]:
    """Rows like Keras's ``model.summary()``: (layer, output shape, parameters)."""
    rows = []
    inputs = config.num_words
    for i, units in enumerate(config.hidden_units):
        name = "dense" if i == 0 else f"dense_{i}"
        rows.append(
            (f"{name} (Dense, {config.activation})", f"(None, {units})", inputs * units + units)
        )
        inputs = units
    name = f"dense_{len(config.hidden_units)}"
    rows.append((f"{name} (Dense, sigmoid)", "(None, 1)", inputs + 1))
    return rows


def parameter_count(config: ModelConfig) -> int:
    return sum(r[2] for r in summary_rows(config))
