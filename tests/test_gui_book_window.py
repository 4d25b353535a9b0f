"""The book's features in the window: menus, the Keras copy, the code, model files."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from engine.book.script import keras_script
from engine.data import keras_files
from engine.model.bundle import save_bundle
from engine.model.config import ModelConfig
from gui.book.keras_source import KERAS_SOURCE
from gui.main_window import MainWindow
from gui.settings import configure_settings, settings
from tests.keras_files_data import digests, make_keras_files


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    return tmp_path / "kh" / "datasets"


@pytest.fixture
def accept(monkeypatch):
    def accept_folder(folder):
        npz, index = digests(folder)
        monkeypatch.setattr(keras_files, "NPZ_SHA256", npz)
        monkeypatch.setattr(keras_files, "WORD_INDEX_MD5", index)

    return accept_folder


def _names(menu_title: str, window) -> list[str]:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.menu().title().replace("&", "") == menu_title:
            return [a.objectName() for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(menu_title)


def _window(qtbot, **kwargs):
    window = MainWindow(warm_up=False, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_books_menus(qtbot, tiny_dataset):
    window = _window(qtbot, dataset=tiny_dataset, load_data=False)
    assert _names("File", window) == [
        "open_dataset_action",
        "change_dataset_action",
        "show_keras_code_action",
        "open_model_action",
        "export_model_action",
        "export_keras_action",
        "quit_action",
    ]
    assert _names("Help", window) == [
        "help_guide_action",
        "help_glossary_action",
        "about_action",
        "open_log_folder_action",
    ]
    window.book.actions["help_glossary_action"].trigger()
    from gui.help.dialogs import HelpDialog

    dialog = window.findChild(HelpDialog, "help_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_change_dataset_shows_the_panel_with_a_way_back(qtbot, tiny_dataset):
    window = _window(qtbot, dataset=tiny_dataset, load_data=False)
    window.train_tab.change_dataset_button.click()  # the Train tab's button, like the menu
    panel = window.first_run
    assert window.stack.currentWidget() is panel and panel.source() == "aclimdb"
    assert panel.back_button.isVisible() and "Choose the dataset" in panel.intro.text()
    panel.back_button.click()
    assert window.stack.currentWidget() is window.tabs


def test_the_keras_copy_from_the_panel_is_loaded_remembered_and_shown_as_numbers(
    qtbot, keras_home, accept, tiny_dataset
):
    accept(make_keras_files(keras_home))
    window = _window(qtbot, dataset=tiny_dataset, load_data=False)
    window.book.change_dataset()
    window.first_run.set_source("keras")
    assert window.first_run.keras_open_button.isEnabled()
    window.first_run.keras_open_button.click()
    qtbot.waitUntil(lambda: window.state.dataset is not tiny_dataset, timeout=30_000)
    dataset = window.state.dataset
    assert dataset.extra.get("keras") and len(dataset) == 80
    assert window.stack.currentWidget() is window.tabs
    assert settings().value("data/path") == KERAS_SOURCE
    assert window.loader.current_source() == KERAS_SOURCE
    dialog = window.book.show_code()
    assert dialog.text() == keras_script(window.train_tab.settings.config(), "keras")
    dialog.close()
    from gui.reviews.detail import ReviewDetail

    detail = window.tab_keys["reviews"].findChild(ReviewDetail)
    detail.show_review(dataset, 0)
    assert detail.numbers_check.isChecked()
    assert detail.numbers.indices.toPlainText().startswith("[1, ")
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)


def test_the_window_downloads_the_missing_keras_files(
    qtbot, keras_home, accept, tmp_path, monkeypatch
):
    served = make_keras_files(tmp_path / "server")
    accept(served)
    monkeypatch.setattr(keras_files, "ORIGIN", served.as_uri() + "/")
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    window = _window(qtbot)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)
    panel = window.first_run
    panel.set_source("keras")
    assert panel.keras_download_button.isEnabled() and not panel.keras_open_button.isEnabled()
    progress = []
    window.state.dataset_progress.connect(progress.append)
    panel.keras_download_button.click()
    qtbot.waitUntil(lambda: window.state.dataset is not None, timeout=30_000)
    assert sorted(p.name for p in keras_home.iterdir()) == ["imdb.npz", "imdb_word_index.json"]
    assert any("Downloading" in message for _, message in progress)
    assert window.state.dataset.extra.get("keras")
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)


def test_a_keras_file_failing_its_checksum_is_refused_in_the_panel(qtbot, keras_home, monkeypatch):
    folder = make_keras_files(keras_home)
    before = (folder / "imdb.npz").read_bytes()
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    configure_settings()  # this test's IMDB_LAB_HOME, before the window reads it
    stored = settings()
    stored.setValue("data/path", KERAS_SOURCE)
    stored.sync()
    window = _window(qtbot)
    qtbot.waitUntil(lambda: window.first_run.error_label.isVisible(), timeout=10_000)
    assert "does not match the checksum Keras publishes" in window.first_run.error_label.text()
    assert window.first_run.source() == "keras"
    assert (folder / "imdb.npz").read_bytes() == before
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=5000)


def _bundle(path):
    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(100)]
    weights = [rng.normal(size=s).astype(np.float32) for s in ((100, 4), (4,), (4, 1), (1,))]
    return save_bundle(
        path, None, vocab, ModelConfig(num_words=100, hidden_units=[4]), weights=weights
    )


def test_open_and_export_model_files_from_the_file_menu(qtbot, tiny_dataset, tmp_path, monkeypatch):
    window = _window(qtbot, dataset=tiny_dataset, load_data=False)
    bundle = _bundle(tmp_path / "m")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle / "config.json"), "")
    )
    window.book.actions["open_model_action"].trigger()
    assert window.state.model_path == bundle and window.state.predictor is not None
    archive = tmp_path / "out.imdbmodel"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(archive), ""))
    window.book.actions["export_model_action"].trigger()
    assert archive.is_file()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    window.book.actions["open_model_action"].trigger()
    assert window.state.model_path.parent.name == "imported"
    keras_file = tmp_path / "plain.keras"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(keras_file), ""))
    with qtbot.waitSignal(window.book.exporter.finished, timeout=180_000) as blocker:
        window.book.actions["export_keras_action"].trigger()
    assert blocker.args[0][0], blocker.args
    assert keras_file.is_file()
