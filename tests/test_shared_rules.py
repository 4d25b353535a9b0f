"""Rules kept in one place: the --units syntax, the best epoch, a run's config, re-indexing."""

from __future__ import annotations

import argparse
import math

import numpy as np
import pytest

from engine.data.dataset import UNKNOWN, token_mapping
from engine.errors import ConfigError
from engine.model.config import ModelConfig
from engine.model.training_records import best_epoch
from engine.training_options import add_training_options, parse_units, training_overrides
from gui.app import build_parser as window_parser


def cli_train_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_training_options(parser, ModelConfig())
    return parser


@pytest.mark.parametrize("text,units", [("16,16", [16, 16]), ("32", [32]), ("8, 4,2", [8, 4, 2])])
def test_units_in_the_documented_syntax(text, units):
    assert parse_units(text) == units
    cli = training_overrides(cli_train_parser().parse_args(["--units", text]))
    window = training_overrides(window_parser().parse_args(["--train", "--units", text]))
    assert cli["hidden_units"] == window["hidden_units"] == units


@pytest.mark.parametrize("text", ["16,,16", "16-16", "", ",16", "16,", "16,x", "1e3", "-16"])
def test_malformed_units_are_one_sentence(text):
    with pytest.raises(ConfigError) as info:
        parse_units(text)
    message = str(info.value)
    assert message.startswith("--units") and message.endswith(".") and "\n" not in message
    for parser, argv in ((cli_train_parser(), []), (window_parser(), ["--train"])):
        with pytest.raises(ConfigError):
            training_overrides(parser.parse_args([*argv, "--units", text]))


def test_both_command_lines_share_the_options():
    cli = cli_train_parser().parse_args([])
    assert ModelConfig(**training_overrides(cli)) == ModelConfig()  # the book's defaults
    window = window_parser().parse_args(["--train"])
    assert training_overrides(window) == {}  # the window keeps its own settings
    args = ["--epochs", "4", "--optimizer", "adam", "--units", "8,8"]
    assert training_overrides(cli_train_parser().parse_args(args)) == {
        **ModelConfig().to_dict(),
        "epochs": 4,
        "optimizer": "adam",
        "hidden_units": [8, 8],
    }
    assert training_overrides(window_parser().parse_args(["--train", *args])) == {
        "epochs": 4,
        "optimizer": "adam",
        "hidden_units": [8, 8],
    }


def test_best_epoch_is_the_lowest_finite_validation_loss():
    assert best_epoch({"val_loss": [0.5, 0.3, 0.3, 0.4]}) == 2  # ties: the first
    assert best_epoch({"val_loss": [0.5, math.nan, math.inf, 0.45]}) == 4
    assert best_epoch({"val_loss": [math.inf, math.nan]}) is None
    assert best_epoch({"loss": [0.1]}) is None and best_epoch({"val_loss": []}) is None


def test_a_runs_config_is_read_in_one_place():
    config = ModelConfig(hidden_units=[4], epochs=3)
    for stored in (config, config.to_dict(), config.to_json()):
        assert ModelConfig.from_run({"config": stored}) == config
    assert ModelConfig.from_run({"config": {}}) == ModelConfig()
    assert ModelConfig.from_run({}) is None and ModelConfig.from_run({"config": "{x"}) is None


def test_token_mapping_reindexes_by_word():
    mapping = token_mapping(["a", "b", "c"], {"c": 0, "a": 5})
    tokens = np.array([0, 1, 2, UNKNOWN], dtype=np.int32)
    assert mapping[tokens].tolist() == [5, UNKNOWN, 0, UNKNOWN]
