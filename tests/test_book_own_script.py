"""The book's script for your own reviews: it reads the same file(s) as the app, and runs."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.book.own_data import own_data, own_data_from_record
from engine.book.own_steps import own_steps
from engine.book.script import keras_script
from engine.data.own import read_own
from engine.data.own_files import OwnOptions
from engine.errors import ConfigError, DataError
from engine.model.config import ModelConfig
from tests.own_files import write_folder, write_jsonl, write_multiline_csv, write_nsmc, write_quoted
from tests.test_cli import assert_one_line_error, cli

STEPS = ("Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7", "Step 8")
ALLOWED_IMPORTS = {"keras", "numpy", "matplotlib", "collections", "math", "re", "csv", "json", "os"}


def _ratings_file(folder: Path) -> tuple[Path, None, OwnOptions]:
    """Semicolons, ratings 1-5 (3 is neutral), a split column and a headerless twin."""
    rows = ["Score;Split;Review"]
    for i in range(90):
        rating = 1 + i % 5
        text = ("great loved" if rating > 3 else "awful hated") + f" film number {i}"
        rows.append(f"{rating};{'test' if i % 3 == 0 else 'train'};{text}")
    rows.insert(5, "4;later;unknown split")
    path = folder / "ratings.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, None, OwnOptions(label_threshold=2.0)


def _headerless(folder: Path) -> tuple[Path, None, OwnOptions]:
    path = folder / "plain.tsv"
    lines = [f"{i}\t{'good fine' if i % 2 else 'bad poor'} film {i}\t{i % 2}" for i in range(40)]
    path.write_text("\n".join(lines + ["short row"]) + "\n", encoding="utf-8")
    return path, None, OwnOptions(text_column="2", label_column="3", test_share=0.3, split_seed=4)


def _quoted(folder: Path) -> tuple[Path, None, OwnOptions]:
    write_quoted(folder / "quoted.tsv", "\t")
    return folder / "quoted.tsv", None, OwnOptions()


CASES = {
    "multiline csv": lambda d: (write_multiline_csv(d / "m.csv"), None, OwnOptions()),
    "nsmc pair": lambda d: (*write_nsmc(d), OwnOptions()),
    "quoted tsv": _quoted,
    "jsonl": lambda d: (write_jsonl(d / "r.jsonl"), None, OwnOptions()),
    "folder": lambda d: (write_folder(d / "f"), None, OwnOptions()),
    "ratings": _ratings_file,
    "headerless": _headerless,
}


def _run_steps(own, num_words: int, seed: int) -> dict:
    """Steps 1 and 2 of the script, run here (without keras): their variables."""
    prelude = (
        "import collections, csv, json, math, os, re\nimport numpy as np\n"
        f"NUM_WORDS = {num_words}\nSEED = {seed}\nVALIDATION_SIZE = None\n"
    )
    names: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(prelude + own_steps(own), "<steps>", "exec"), names)
    return names


@pytest.mark.parametrize("case", list(CASES))
def test_the_script_reads_each_format_as_the_app_does(case, tmp_path):
    train, test, options = CASES[case](tmp_path)
    ds = read_own(train, test, options=options, num_words=100)
    got = _run_steps(own_data(train, test, options, auto_validation=True), 100, seed=7)
    train_rows, test_rows = ds.indices("train"), ds.indices("test")
    assert got["vocabulary"] == list(ds.vocab)
    assert [got["texts"][r] for r in got["train_rows"]] == [ds.text(r) for r in train_rows]
    assert [got["texts"][r] for r in got["test_rows"]] == [ds.text(r) for r in test_rows]
    assert np.array_equal(got["y_test"], ds.label[test_rows])
    assert got["skipped"] == sum(ds.extra["dataset"]["skipped"].values()) - ds.extra["dataset"][
        "skipped"
    ].get("neutral rating", 0)
    # The app's validation reviews: the first of the train split shuffled with the seed.
    order = np.random.default_rng(7).permutation(train_rows)
    assert np.array_equal(got["y_train"], ds.label[order])
    first = got["word_index"]
    expected = [
        first[w] for w in dict.fromkeys(ds.vocab[t] for t in ds.token_ids(order[0]) if t >= 0)
    ]
    assert sorted(np.flatnonzero(got["x_train"][0]).tolist()) == sorted(expected)
    assert got["VALIDATION_SIZE"] == min(10_000, int(len(train_rows) * 0.4))


def test_the_own_script_is_the_books_and_names_its_files(tmp_path):
    train, test = write_nsmc(tmp_path)
    own = own_data(train, test, OwnOptions())
    text = keras_script(ModelConfig(num_words=500, validation_size=100), "own", own=own)
    compile(text, "<own>", "exec")
    positions = [text.index(step) for step in STEPS]
    assert positions == sorted(positions)
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    assert names <= ALLOWED_IMPORTS and "json" not in names
    for line in (
        f"TRAIN_FILE = {str(train.resolve())!r}".replace("'", '"'),
        f"TEST_FILE = {str(test.resolve())!r}".replace("'", '"'),
        'TEXT_COLUMN = 1  # "document", counting from 0',
        'LABEL_COLUMN = 2  # "label", counting from 0',
        'delimiter="\\t", quoting=csv.QUOTE_NONE',
        "VALIDATION_SIZE = 100",
        "NUM_WORDS = 500",
        "Your own reviews (ratings_train.txt + ratings_test.txt)",
    ):
        assert line in text
    assert text.rstrip().endswith('print(f"test accuracy: {results[1]:.4f}")')
    # The window's dataset record gives the same script.
    record = read_own(train, test, num_words=100).extra["dataset"]
    assert own_data_from_record(record) == own
    assert own_data_from_record({"kind": "imdb", "files": ["x"]}) is None


def test_files_the_script_cannot_read_alike_are_one_sentence(tmp_path):
    csv_file = write_multiline_csv(tmp_path / "train.csv")
    other = write_jsonl(tmp_path / "test.jsonl")
    with pytest.raises(ConfigError, match="test.jsonl is in another format"):
        own_data(csv_file, other, OwnOptions())
    with pytest.raises(DataError, match="does not exist"):
        own_data(tmp_path / "gone.csv", None, OwnOptions())
    with pytest.raises(ConfigError, match="needs the dataset"):
        keras_script(ModelConfig(), "own")


def test_the_cli_script_for_a_csv_runs_and_prints_a_test_accuracy(tmp_path):
    data = write_multiline_csv(tmp_path / "reviews.csv")
    out = tmp_path / "own_book.py"
    proc = cli(
        "script", "--data", str(data), "--epochs", "2", "--num-words", "100",
        "--batch-size", "32", "-o", str(out), home=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "VALIDATION_SIZE = None" in text and "min(10_000, int(len(x_train) * 0.4))" in text
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    run = subprocess.run(
        [sys.executable, str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.strip().splitlines()
    assert (
        "200 reviews read; 2 rows skipped" in lines and "150 training and 50 test reviews" in lines
    )
    assert lines[-1].startswith("test accuracy: 0.") and len(lines[-1]) == len(
        "test accuracy: 0.0000"
    )
    missing = cli("script", "--test-data", str(data), home=tmp_path)
    assert_one_line_error(missing, "--test-data goes with --data")
