"""Launching the window: start-up time, first-run panel, dataset opening, launcher, options."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gui.app import build_parser, run, training_overrides
from gui.main_window import MainWindow
from gui.settings import configure_settings, settings
from gui.window.menus import TAB_KEYS

ROOT = Path(__file__).resolve().parents[1]


def _entry_script() -> list[str]:
    return [str(ROOT / "main.py")]


def test_window_paints_quickly_and_exits_cleanly(lab_home):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        IMDB_LAB_MEASURE_STARTUP="exit",
        IMDB_LAB_HOME=str(lab_home),
    )
    out = subprocess.run(
        [sys.executable, *_entry_script()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    match = re.search(r"first paint (\d+) ms after process start", out.stdout)
    assert match, out.stdout + out.stderr
    # The issue asks for 1.0 s; the shared 2-core test machine gets some slack.
    assert int(match[1]) < 2000, out.stdout
    # The first paint shows the Train tab's form; the plots and the other tabs come after.
    waiting = re.search(r"not yet: ([^)]*)\)", out.stdout)
    assert waiting, out.stdout
    assert {"pyqtgraph", "superqt", "tensorflow"} <= set(waiting[1].split(", ")), out.stdout
    assert "QThread: Destroyed" not in out.stderr
    assert "tensorflow" not in out.stderr.lower()


def test_title_icon_and_tabs(qtbot, tiny_dataset):
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    assert window.windowTitle() == "IMDB Sentiment Lab"
    assert not window.windowIcon().isNull()
    # The Train tab is built with the window; showing another builds it at once.
    assert window.tabs.widget(0).objectName() == "train_tab"
    window.state.show_tab.emit("runs")
    assert window.tabs.currentWidget().objectName() == "runs_tab"
    assert window.train_tab.dataset_label.text().count("120 train") == 1
    # The rest are built right after the first paint, each in its place.
    window.show()
    qtbot.waitUntil(lambda: all(window.tab_built(key) for key in TAB_KEYS), timeout=10_000)
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    assert names == ["train_tab", "reviews_tab", "predict_tab", "evaluation_tab", "runs_tab"]
    assert window.tabs.currentWidget().objectName() == "runs_tab"
    assert [window.tabs.tabText(i) for i in range(5)] == [
        "Train",
        "Reviews",
        "Predict",
        "Evaluation",
        "Runs",
    ]
    qtbot.waitUntil(window.train_tab.plots_built, timeout=10_000)


def test_first_run_panel_when_no_dataset(qtbot, monkeypatch):
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    window = MainWindow(warm_up=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)
    panel = window.first_run
    assert panel.download_button.isEnabled() and panel.open_button.isEnabled()
    assert "IMDB_LAB_DATA" in " ".join(
        label.text() for label in panel.findChildren(type(panel.error_label))
    )
    assert not panel.error_label.isVisible()  # a first run is not an error
    assert not window.train_tab.train_button.isEnabled()


def test_damaged_dataset_shows_a_readable_message(qtbot, tmp_path):
    bad = tmp_path / "broken.tar.gz"
    bad.write_bytes(b"this is not a gzip file")
    window = MainWindow(warm_up=False, data_source=str(bad))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_run.error_label.isVisible(), timeout=10_000)
    message = window.first_run.error_label.text()
    assert str(bad) in message or "archive" in message.lower()
    assert "Traceback" not in message
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)


def test_opening_an_archive_from_the_panel_loads_it_and_remembers_it(
    qtbot, monkeypatch, tiny_archive
):
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    window = MainWindow(warm_up=False, load_options={"expected_per_folder": None})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)
    progress = []
    window.state.dataset_changed.connect(progress.append)
    window.first_run.open_requested.emit(str(tiny_archive))
    qtbot.waitUntil(lambda: window.state.dataset is not None, timeout=30_000)
    assert window.stack.currentWidget() is window.tabs
    assert len(window.state.dataset) == 240
    assert settings().value("data/path") == str(tiny_archive.resolve())
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)


def test_install_and_uninstall_launcher(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert run(["--install-launcher"]) == 0
    entry = tmp_path / "share" / "applications" / "imdb-sentiment-lab.desktop"
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Name=IMDB Sentiment Lab" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert sys.executable in exec_line and str(ROOT / "main.py") in exec_line
    icon = next(line for line in text.splitlines() if line.startswith("Icon="))[5:]
    assert Path(icon).is_file()
    assert "@" not in text  # every placeholder filled
    assert os.access(entry, os.X_OK)
    assert run(["--uninstall-launcher"]) == 0
    assert not entry.exists()
    assert run(["--uninstall-launcher"]) == 0
    assert "No launcher was installed" in capsys.readouterr().out


def test_train_options_become_config_overrides():
    args = build_parser().parse_args(
        [
            "--train",
            "--epochs",
            "4",
            "--units",
            "32,32,32",
            "--activation",
            "tanh",
            "--learning-rate",
            "0.01",
            "--validation-size",
            "5000",
            "--early-stopping",
            "2",
        ]
    )
    assert training_overrides(args) == {
        "epochs": 4,
        "hidden_units": [32, 32, 32],
        "activation": "tanh",
        "learning_rate": 0.01,
        "validation_size": 5000,
        "early_stopping": 2,
    }


def test_invalid_train_option_exits_2_with_a_sentence(capsys):
    assert run(["--train", "--epochs", "0"]) == 2
    assert "Epochs must be between 1 and 1000" in capsys.readouterr().err


def test_train_option_sets_the_form_and_waits_for_readiness(qtbot, tiny_dataset):
    window = MainWindow(
        dataset=tiny_dataset,
        warm_up=False,
        load_data=False,
        train_overrides={"epochs": 3, "hidden_units": [8], "validation_size": 40},
    )
    qtbot.addWidget(window)
    config = window.train_tab.settings.config()
    assert (config.epochs, config.hidden_units, config.validation_size) == (3, [8], 40)
    assert window.train_tab.pending_train and not window.train_tab.busy()


def test_a_tab_that_fails_to_build_stops_the_window(qtbot, monkeypatch, tiny_dataset):
    """No placeholder label standing in for a broken tab: the error reaches the caller
    (tabs other than Train are built when first asked for, or right after the first paint)."""
    import gui.predict.tab as predict_tab

    def broken(state, parent=None):
        raise RuntimeError("the Predict tab is broken")

    monkeypatch.setattr(predict_tab, "PredictTab", broken)
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    with pytest.raises(RuntimeError, match="the Predict tab is broken"):
        window.tab_keys["predict"]
    with pytest.raises(RuntimeError, match="the Predict tab is broken"):
        window.show_tab("predict")
    assert not window.tab_built("predict")
    assert window.tabs.widget(TAB_KEYS.index("predict")).objectName() == "predict_placeholder"


def test_resources_are_package_data():
    """Icon, examples and desktop template come from the installed package, not the checkout."""
    from importlib.resources import files

    from gui.predict.tab import load_examples
    from gui.resources import resource

    names = {item.name for item in files("gui.resources").iterdir()}
    assert {"icon.png", "icon.svg", "examples.json", "imdb-sentiment-lab.desktop"} <= names
    assert resource("icon.png").is_file()
    assert len(load_examples()) >= 3
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"gui.resources" = ["*.png", "*.svg", "*.json", "*.desktop", "i18n/*.ts"]' in pyproject
    assert resource("i18n/imdb_lab_ko.ts").is_file()


def test_help_menu_opens_the_log_folder(qtbot, monkeypatch, tiny_dataset, lab_home):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    window.actions_by_name["open_log_folder_action"].trigger()
    assert [url.toLocalFile() for url in opened] == [str(lab_home / "logs")]


def test_measure_ready_reports_when_training_is_possible(lab_home, tmp_path):
    """``IMDB_LAB_MEASURE_STARTUP=ready``: one JSON line once Train is enabled, exit 0."""
    import json

    from tests.tiny_data import make_tiny_archive

    # Enough training reviews for the book's 10,000 held out for validation.
    archive = make_tiny_archive(tmp_path / "small.tar.gz", per_folder=5_001)

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        IMDB_LAB_MEASURE_STARTUP="ready",
        IMDB_LAB_HOME=str(lab_home),
    )
    out = subprocess.run(
        [sys.executable, *_entry_script(), "--data", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    times = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(times) == {"first_paint_s", "dataset_ready_s", "training_ready_s"}
    assert 0 < times["first_paint_s"] <= times["training_ready_s"]
    assert 0 < times["dataset_ready_s"] <= times["training_ready_s"]


def test_measure_ready_without_a_dataset_fails_with_nulls(lab_home):
    import json

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        IMDB_LAB_MEASURE_STARTUP="ready",
        IMDB_LAB_HOME=str(lab_home),
    )
    env.pop("IMDB_LAB_DATA", None)
    out = subprocess.run(
        [sys.executable, *_entry_script()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1, out.stderr[-3000:]
    times = json.loads(out.stdout.strip().splitlines()[-1])
    assert times["dataset_ready_s"] is None and times["training_ready_s"] is None


def test_tabs_built_after_the_window_get_its_requests_and_state(qtbot, tiny_dataset):
    """A request to a tab not built yet builds it and reaches it; a tab built later shows
    the dataset, the plots a restored run's curves, and View → Ctrl+N builds and shows."""
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    assert not window.tab_built("reviews") and not window.train_tab.plots_built()
    window.state.filter_requested.emit({"text": "no review contains this"})
    reviews = window.tab_keys["reviews"]
    assert window.tab_built("reviews")
    assert reviews.search.text() == "no review contains this"
    assert reviews.model.rowCount() == 0
    window.state.filter_requested.emit({"text": ""})  # delivered once, by the tab's own slot
    assert reviews.model.rowCount() == len(tiny_dataset)
    # Built later, a tab reads the state: the Runs tab lists nothing, the Predict tab
    # knows there is no model, the plots show what the tab holds.
    window.train_tab.history = {"loss": [0.5, 0.4], "val_loss": [0.6, 0.5]}
    window.train_tab.best_epoch = 2
    assert window.train_tab.plots.loss_plot.point_count() == (2, 2)
    window.actions_by_name["view_predict_action"].trigger()
    assert window.tabs.currentWidget() is window.tab_keys["predict"]
    assert window.tab_built("predict") and not window.tab_built("evaluation")


def test_the_last_tab_comes_back_right_after_the_first_paint(qtbot, tiny_dataset):
    """The restored last tab shows its placeholder at the first paint and is built first."""
    configure_settings()
    settings().setValue("window/tab", TAB_KEYS.index("reviews"))
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == TAB_KEYS.index("reviews")
    assert not window.tab_built("reviews")
    window.show()
    qtbot.waitUntil(lambda: window.tab_built("reviews"), timeout=10_000)
    assert window.tabs.currentWidget() is window.tab_keys["reviews"]
    qtbot.waitUntil(lambda: all(window.tab_built(key) for key in TAB_KEYS), timeout=10_000)
    assert window.tabs.currentIndex() == TAB_KEYS.index("reviews")
