"""The window on your own reviews (issue 14): column picker, test file, panel, tabs."""

from __future__ import annotations

import pytest

from engine.book.own_data import own_data
from engine.book.script import keras_script
from engine.data.own_files import OwnOptions
from gui.dataset.own_data_dialog import AUTOMATIC, OwnDataDialog
from gui.main_window import MainWindow
from tests.own_files import write_jsonl, write_nsmc


def _pick(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_known_header_needs_no_picking(qtbot, tmp_path):
    train, _ = write_nsmc(tmp_path)
    dialog = OwnDataDialog(str(train))
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert open_button.isEnabled()
    assert dialog.text_combo.currentText() == AUTOMATIC
    assert "Text: column 2 (document), label: column 3 (label)" in dialog.status.text()
    dialog.test_edit.setText(str(tmp_path / "ratings_test.txt"))
    path, test, options = dialog.selection()
    assert (path, test) == (str(train), str(tmp_path / "ratings_test.txt"))
    assert options == OwnOptions()


def test_unknown_header_asks_for_the_columns(qtbot, tmp_path):
    named = tmp_path / "named.csv"
    named.write_text("stars,body\n5,lovely film\n1,dreadful film\n", encoding="utf-8")
    dialog = OwnDataDialog(str(named))
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert not open_button.isEnabled() and "pick them" in dialog.status.text()
    _pick(dialog.text_combo, "2: body")
    _pick(dialog.label_combo, "1: stars")
    assert open_button.isEnabled()
    dialog.share_spin.setValue(40)
    dialog.threshold_spin.setValue(3)
    _, test, options = dialog.selection()
    # The first row names the columns (its "stars" is no label): they go by name.
    assert test is None and options == OwnOptions("body", "stars", 3.0, 0.4)

    plain = tmp_path / "plain.tsv"
    plain.write_text("1\tlovely film\n0\tdreadful film\n", encoding="utf-8")
    dialog.train_edit.setText(str(plain))
    dialog._read_columns()
    _pick(dialog.text_combo, "2: lovely film")
    _pick(dialog.label_combo, "1: 1")
    assert "the first row is read as a review" in dialog.status.text()
    assert dialog.selection()[2] == OwnOptions("2", "1", 3.0, 0.4)


def test_jsonl_columns_go_by_key(qtbot, tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl")
    dialog = OwnDataDialog(str(path))
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Open).isEnabled()
    _pick(dialog.text_combo, "1: text")
    assert dialog.selection()[2].text_column == "text"


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    win = MainWindow(warm_up=False, load_data=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def test_window_opens_the_nsmc_pair(qtbot, window, tmp_path):
    from gui.dataset.loading import saved_own_options
    from gui.reviews.table_model import COLUMN_KEYS

    train, test = write_nsmc(tmp_path)
    with qtbot.waitSignal(window.state.dataset_changed, timeout=20_000):
        window.load_dataset(str(train), test_source=str(test), own_options=OwnOptions())
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=10_000)
    dataset = window.state.dataset
    assert dataset.counts == {"train": 299, "test": 99}
    panel = window.train_tab.dataset_label.text()
    assert "ratings_train.txt + ratings_test.txt (two files)" in panel
    assert "2 rows skipped: empty text" in panel and "official" not in panel
    # 40% of the 299 training reviews, shown in the form and editable.
    assert window.train_tab.settings.validation_spin.value() == 119
    reviews = window.tab_keys["reviews"]
    assert reviews.table.isColumnHidden(COLUMN_KEYS.index("rating"))
    # Reopening the same file (another vocabulary size) reads the same test file again.
    saved = saved_own_options(str(train.resolve()))
    assert saved == {"test_source": str(test.resolve()), "own_options": OwnOptions()}
    # "Show the Keras code" offers a script that reads the same two files, chosen first.
    dialog = window.book.show_code()
    qtbot.addWidget(dialog)
    own = own_data(train, test, OwnOptions())
    assert dialog.source == "own" and dialog.source_radios["own"].isChecked()
    assert "ratings_train.txt + ratings_test.txt" in dialog.source_radios["own"].text()
    config = window.train_tab.settings.config()
    assert dialog.text() == keras_script(config, "own", own=own)
    assert f"VALIDATION_SIZE = {config.validation_size}" in dialog.text()
    dialog.source_radios["keras"].setChecked(True)
    assert dialog.text() == keras_script(config, "keras")
    dialog.close()


def test_runs_tab_shows_the_dataset(qtbot):
    from engine.model.config import ModelConfig
    from engine.runs.history import RunStore
    from gui.runs.run_rows import COLUMNS
    from gui.runs.tab import RunsTab
    from gui.state import AppState

    store = RunStore()
    info = {"name": "ratings_train.txt + ratings_test.txt", "counts": {"train": 3, "test": 2}}
    store.create_run(ModelConfig(), name="korean", dataset=info)
    tab = RunsTab(AppState(store=store))
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    column = COLUMNS.index("Dataset")
    assert tab.table.item(0, column).text() == "ratings_train.txt + ratings_test.txt (3 / 2)"
    assert tab.shutdown()


def test_open_dataset_asks_for_columns_and_test_file(qtbot, window, tmp_path, monkeypatch):
    """File → Open dataset on a file of your own reviews goes through the dialog."""
    train, test = write_nsmc(tmp_path)
    shown = []

    def accept(dialog):
        shown.append(dialog.status.text())
        dialog.test_edit.setText(str(test))
        return OwnDataDialog.DialogCode.Accepted

    monkeypatch.setattr(OwnDataDialog, "exec", accept)
    with qtbot.waitSignal(window.state.dataset_changed, timeout=20_000):
        window.open_dataset(str(train))
    qtbot.waitUntil(lambda: not window.loader.busy(), timeout=10_000)
    assert shown and "column 2 (document)" in shown[0]
    assert window.state.dataset.counts == {"train": 299, "test": 99}

    monkeypatch.setattr(OwnDataDialog, "exec", lambda dialog: OwnDataDialog.DialogCode.Rejected)
    window.open_dataset(str(tmp_path / "ratings_test.txt"))
    assert not window.loader.busy()  # cancelled: nothing loads
