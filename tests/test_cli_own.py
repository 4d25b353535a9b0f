"""``main.py train --data FILE [--test-data FILE]`` on your own reviews, as subprocesses (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.own_files import write_multiline_csv, write_nsmc, write_quoted
from tests.test_cli import ROOT, assert_one_line_error, cli
from tests.tiny_data import make_tiny_archive

FAST = ("--num-words", "100", "--batch-size", "32", "--units", "8", "--learning-rate", "0.01")


@pytest.fixture
def nsmc(tmp_path) -> tuple[Path, Path]:
    return write_nsmc(tmp_path)


def test_train_on_the_korean_nsmc_pair(nsmc, lab_home, tmp_path):
    train, test = nsmc
    proc = cli(
        "train", "--data", str(train), "--test-data", str(test), "--epochs", "6", *FAST,
        "--protocol", "book", "--json", home=lab_home,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["status"] == "finished"
    # Validation defaults to 40% of a small training split (299 rows: one empty is skipped).
    assert report["config"]["validation_size"] == 119
    assert report["history"]["val_accuracy"][-1] > 0.9  # the sentiment words are learnt
    assert report["test"]["accuracy"] > 0.9 and report["test"]["count"] == 99
    assert (
        "dataset ratings_train.txt + ratings_test.txt: 299 training and 99 test reviews"
        in proc.stderr
    )
    assert "2 rows skipped: empty text" in proc.stderr
    assert "validation 119 of the 299 training reviews (40%" in proc.stderr
    runs = json.loads(cli("runs", "--json", home=lab_home).stdout)
    assert runs[0]["dataset"]["name"] == "ratings_train.txt + ratings_test.txt"
    assert runs[0]["dataset"]["counts"] == {"train": 299, "test": 99}
    table = cli("runs", home=lab_home).stdout
    assert "ratings_train.txt + ratings_test.txt (299/99)" in table
    # The Korean model scored on English reviews: a one-line warning, still a result.
    other = write_multiline_csv(tmp_path / "english.csv")
    ev = cli("evaluate", "--data", str(other), "--json", home=lab_home)
    assert ev.returncode == 0, ev.stderr
    warning = [line for line in ev.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "vocabularies differ (0 of the model's" in warning[0]
    assert json.loads(ev.stdout)["reviews"] == 50
    same = cli("evaluate", "--data", str(train), "--test-data", str(test), home=lab_home)
    assert same.returncode == 0 and "warning" not in same.stderr, same.stderr


def test_train_on_a_multiline_csv_mirrored(tmp_path, lab_home):
    path = write_multiline_csv(tmp_path / "reviews.csv")
    proc = cli(
        "train", "--data", str(path), "--epochs", "2", *FAST, "--distribute", "mirrored",
        home=lab_home,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("dataset reviews.csv: 150 training and 50 test reviews (25% held")
    assert lines[1] == "1 row skipped: empty text; 1 row skipped: unknown label"
    assert lines[2].startswith("validation 60 of the 150 training reviews")
    assert sum(line.startswith("epoch ") for line in lines) == 2 and "finished" in lines


def test_train_on_a_quoted_tsv_with_bom_and_crlf(tmp_path, lab_home):
    """RFC 4180 quotes in a TSV (tabs and newlines inside reviews): every row is one review."""
    path = tmp_path / "quoted.tsv"
    rows = write_quoted(path, "\t", crlf=True, bom=True, count=80)
    proc = cli("train", "--data", str(path), "--epochs", "1", *FAST, home=lab_home)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("dataset quoted.tsv: 60 training and 20 test reviews (25% held")
    assert len(rows) == 80 and not any("skipped" in line for line in lines)


def test_own_data_errors_are_one_sentence(tmp_path, lab_home):
    headerless = tmp_path / "plain.tsv"
    headerless.write_text("good film\t1\nbad film\t0\n", encoding="utf-8")
    proc = cli("train", "--data", str(headerless), "--epochs", "1", home=lab_home)
    assert_one_line_error(proc, "name them with --text-column and --label-column")
    empty = tmp_path / "empty.csv"
    empty.write_text("text,label\n,1\n,0\n", encoding="utf-8")
    proc = cli("train", "--data", str(empty), "--epochs", "1", home=lab_home)
    assert_one_line_error(proc, f"{empty} has no usable reviews: the first problem is empty text")
    archive = make_tiny_archive(tmp_path / "tiny.tar.gz", per_folder=5)
    proc = cli("train", "--data", str(archive), "--test-data", str(empty), home=lab_home)
    assert_one_line_error(proc, "A separate test file goes with your own training file")
    ok = cli(
        "train", "--data", str(headerless), "--text-column", "1", "--label-column", "3",
        home=lab_home,
    )  # fmt: skip
    assert_one_line_error(ok, "has 2 columns, so there is no column 3 for the label")


MIRRORED = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import tensorflow as tf

    # Two logical CPU devices: configured before TensorFlow initialises its devices.
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

    from engine.data.own import read_own
    from engine.model.config import ModelConfig
    from engine.model.training import Trainer

    ds = read_own(Path(sys.argv[1]), Path(sys.argv[2]), num_words=100)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    config = ModelConfig(
        num_words=100, epochs=6, batch_size=32, hidden_units=[8], learning_rate=0.01,
        validation_size=100,
    )
    with strategy.scope():
        result = Trainer(ds, config, evaluate_test=True).train()
    print(strategy.num_replicas_in_sync, result.status, result.history["val_accuracy"][-1],
          result.test["accuracy"])
    """
)


def test_training_learns_under_mirrored_strategy_on_two_logical_cpus(nsmc):
    proc = subprocess.run(
        [sys.executable, "-c", MIRRORED, *map(str, nsmc)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    replicas, status, val_accuracy, test_accuracy = proc.stdout.split()[-4:]
    assert replicas == "2" and status == "finished"
    assert float(val_accuracy) > 0.9 and float(test_accuracy) > 0.9
