"""The book's widgets: Help, About, the Keras code, a review as numbers, model files, source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.book.script import keras_script
from engine.data.keras_copy import from_keras_arrays
from engine.model.bundle import save_bundle
from engine.model.config import ModelConfig
from gui.state import AppState

ROOT = Path(__file__).resolve().parents[1]
WORD_INDEX = {"the": 1, "film": 2, "great": 3, "awful": 4, "plot": 5}


def keras_dataset():
    train_x = np.array([[1, 4, 5, 6, 2, 2], [1, 7, 8]], dtype=object)
    test_x = np.array([[1, 6], [1, 4, 7, 7, 5]], dtype=object)
    return from_keras_arrays(
        train_x, np.array([1, 0]), test_x, np.array([1, 0]), WORD_INDEX, num_words=9
    )


def test_help_dialog_has_the_guide_and_every_glossary_term(qtbot):
    from gui.help.dialogs import HelpDialog, glossary_button
    from gui.help.texts import GLOSSARY

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    guide = dialog.guide.toPlainText()
    for tab in ("Reviews tab", "Train tab", "Predict tab", "Evaluation tab", "Runs tab"):
        assert tab in guide
    glossary = dialog.glossary.toPlainText()
    for title, _ in GLOSSARY.values():
        assert title in glossary
    for term in ("Binary cross-entropy", "Precision", "Recall", "ROC curve and AUC", "Multi-hot"):
        assert term in glossary
    dialog.show_term("recall")
    assert dialog.pages.currentWidget() is dialog.glossary and dialog.isVisible()
    button = glossary_button("epoch")
    qtbot.addWidget(button)
    assert "One pass of training" in button.toolTip()
    with pytest.raises(KeyError):
        glossary_button("nonsense")
    dialog.close()


def test_about_reads_versions_without_importing_tensorflow():
    code = (
        "from gui.help.texts import about_html; import sys; text = about_html();"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules;"
        "print(text)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    import importlib.metadata

    assert f"<b>{importlib.metadata.version('tensorflow')}</b>" in out.stdout
    assert f"<b>{importlib.metadata.version('keras')}</b>" in out.stdout
    assert (
        "Maas" in out.stdout
        and "ACL 2011" in out.stdout
        and "Deep Learning with Python" in out.stdout
    )


def test_keras_code_dialog_shows_the_cli_script_and_saves_it(qtbot, tmp_path):
    from gui.book.code_dialog import KerasCodeDialog

    config = ModelConfig(hidden_units=[32], epochs=6)
    dialog = KerasCodeDialog(config, "aclimdb")
    qtbot.addWidget(dialog)
    assert dialog.text() == keras_script(config, "aclimdb")
    dialog.findChild(type(dialog.sources.buttons()[0]), "code_source_keras").setChecked(True)
    assert dialog.text() == keras_script(config, "keras")
    saved = dialog.save_as(str(tmp_path / "book.py"))
    assert saved.read_text() == keras_script(config, "keras")


def test_a_keras_review_as_numbers_is_the_books_sequence_and_decoding(qtbot):
    from gui.common.as_numbers import AsNumbersView, decoded_text, index_text

    ds = keras_dataset()
    assert index_text(ds, 0) == "[1, 4, 5, 6, 2, 2]"
    assert decoded_text(ds, 0) == "? the film great ? ?"
    view = AsNumbersView()
    qtbot.addWidget(view)
    view.show_review(ds, 0)
    assert view.indices.toPlainText() == "[1, 4, 5, 6, 2, 2]"
    assert "<b>5</b> of the 9 positions are 1 ([1, 2, 4, 5, 6])" in view.ones_label.text()
    assert view.strip.ones.tolist() == [1, 2, 4, 5, 6]
    assert view.decoded.toPlainText() == "? the film great ? ?"
    view.show_review(None, None)
    assert view.indices.toPlainText() == ""


def test_an_archive_review_as_numbers_marks_unknown_words(tiny_folder, qtbot):
    from engine.data.loading import load_dataset
    from gui.common.as_numbers import decoded_text, index_text

    ds = load_dataset(tiny_folder, num_words=20, expected_per_folder=None, use_cache=False)
    row = next(i for i in range(len(ds)) if (ds.token_ids(i) < 0).any())
    assert "?" in index_text(ds, row) and "?" in decoded_text(ds, row)
    assert decoded_text(ds, row) == ds.decoded(row)


def _bundle(path: Path) -> Path:
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=s).astype(np.float32) for s in ((9, 4), (4,), (4, 1), (1,))]
    vocab = ["<pad>", "<start>", "<unk>", "<unused>", "the", "film", "great", "awful", "plot"]
    return save_bundle(
        path, None, vocab, ModelConfig(num_words=100, hidden_units=[4]), weights=weights
    )


def test_open_and_export_model_files(qtbot, tmp_path):
    from engine.errors import ModelFileError
    from gui.book.model_files import current_model_path, export_model, open_model

    state = AppState()
    seen = []
    state.predictor_changed.connect(seen.append)
    assert current_model_path(state) is None
    bundle = _bundle(tmp_path / "m")
    open_model(state, bundle)
    assert current_model_path(state) == bundle and len(seen) == 1
    archive = export_model(state, None, dest=str(tmp_path / "x.imdbmodel"))
    assert archive.is_file()
    open_model(state, archive)
    assert current_model_path(state).parent.name == "imported"
    assert seen[-1].predict("great film").probability == pytest.approx(
        seen[0].predict("great film").probability
    )
    junk = tmp_path / "junk.imdbmodel"
    junk.write_bytes(b"nothing")
    with pytest.raises(ModelFileError, match="not an IMDB Sentiment Lab model file"):
        open_model(state, junk)


def test_the_dataset_panel_offers_the_keras_copy(qtbot, monkeypatch, tmp_path):
    from gui.dataset.panel import DatasetPanel
    from tests.keras_files_data import make_keras_files

    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.source() == "aclimdb" and panel.download_button.isVisible()
    panel.set_source("keras")
    assert panel.source() == "keras" and not panel.download_button.isVisible()
    assert panel.keras_download_button.isEnabled() and not panel.keras_open_button.isEnabled()
    assert "Not found yet" in panel.keras_status.text()
    make_keras_files(tmp_path / "kh" / "datasets")
    panel.set_source("keras")
    assert panel.keras_open_button.isEnabled() and not panel.keras_download_button.isEnabled()
    with qtbot.waitSignal(panel.keras_open_requested, timeout=1000):
        panel.keras_open_button.click()


def test_the_plots_say_when_the_model_starts_memorising(qtbot):
    from gui.train.plots import HistoryPlots

    plots = HistoryPlots()
    qtbot.addWidget(plots)
    plots.show()
    history = {
        "loss": [0.50, 0.30, 0.22, 0.17, 0.14, 0.11],
        "val_loss": [0.38, 0.30, 0.28, 0.27, 0.29, 0.31],
        "accuracy": [0.8, 0.9, 0.92, 0.94, 0.95, 0.96],
        "val_accuracy": [0.85, 0.87, 0.88, 0.89, 0.88, 0.88],
    }
    plots.set_history(history, 4)
    assert not plots.overfitting_label.isVisible()  # two epochs above the lowest: not yet
    history = {k: v + [v[-1]] for k, v in history.items()}
    history["val_loss"][-1] = 0.34
    history["loss"][-1] = 0.09
    plots.set_history(history, 4)
    assert plots.overfitting_label.isVisible()
    assert plots.overfitting_label.text().startswith("From epoch 5 the model keeps getting better")
    plots.clear()
    assert not plots.overfitting_label.isVisible()
    assert plots.findChild(object, "glossary_loss_button") is not None


def test_the_review_pane_shows_keras_reviews_as_numbers(qtbot):
    from gui.reviews.detail import ReviewDetail

    pane = ReviewDetail()
    qtbot.addWidget(pane)
    ds = keras_dataset()
    pane.show_review(ds, 0)
    assert pane.numbers_check.isChecked() and pane.numbers.isVisibleTo(pane)
    assert pane.numbers.indices.toPlainText() == "[1, 4, 5, 6, 2, 2]"
    assert pane.numbers.decoded.toPlainText() == "? the film great ? ?"
    assert "no ratings or IMDb links" in pane.link.text()
    pane.numbers_check.setChecked(False)
    assert not pane.numbers.isVisibleTo(pane)


def test_typed_text_as_numbers_in_the_predict_tab(qtbot, tiny_dataset):
    from gui.common.as_numbers import text_ids
    from gui.predict.tab import PredictTab
    from tests.handmade_predictor import handmade_predictor

    state = AppState()
    predictor = handmade_predictor(tiny_dataset.vocab)
    state.set_predictor(predictor)
    tab = PredictTab(state)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        tab.input.setPlainText("A wonderful film, zorblax!")
    assert not tab.numbers.isVisibleTo(tab)
    tab.numbers_check.setChecked(True)
    assert tab.numbers.isVisibleTo(tab)
    vocab = predictor.vocab
    expected = [vocab.index(w) if w in vocab else -1 for w in ("a", "wonderful", "film", "zorblax")]
    assert text_ids("A wonderful film, zorblax!", vocab).tolist() == expected
    shown = tab.numbers.indices.toPlainText()
    assert shown == "[" + ", ".join("?" if i < 0 else str(i) for i in expected) + "]"
    assert tab.numbers.decoded.toPlainText().endswith("?")  # zorblax is not a known word


def test_typed_text_gets_the_books_markers_with_a_keras_vocabulary():
    from gui.common.as_numbers import decode_ids, text_ids

    vocab = keras_dataset().vocab
    ids = text_ids("The great film, zorblax", vocab)
    assert ids.tolist() == [1, 4, 6, 5, 2]  # start, the, great, film, unknown
    assert decode_ids(ids, vocab, keras=True) == "? the great film ?"
