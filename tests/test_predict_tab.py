"""The Predict tab: empty, unknown-only, emoji/HTML/control characters, 1 MB, drops, no model."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl

from gui.predict.tab import HINT, PredictTab, load_examples
from gui.state import AppState
from tests.handmade_predictor import handmade_predictor


@pytest.fixture()
def state(qapp, tiny_dataset):
    s = AppState()
    s.set_predictor(handmade_predictor(tiny_dataset.vocab))
    return s


@pytest.fixture()
def tab(qtbot, state):
    widget = PredictTab(state)
    qtbot.addWidget(widget)
    return widget


def _predict(qtbot, tab, text: str, timeout: int = 5000) -> dict:
    with qtbot.waitSignal(tab.prediction_shown, timeout=timeout) as blocker:
        tab.input.setPlainText(text)
    return blocker.args[0]


def test_positive_review_is_judged_and_explained(qtbot, tab):
    result = _predict(qtbot, tab, "A wonderful, superb film. The ending was a bit dull.")
    assert tab.verdict.text().startswith("Positive")
    assert tab.bar.value() == round(result["explanation"].probability * 1000) > 500
    assert tab.positive_table.item(0, 0).text() in ("wonderful", "superb")
    assert tab.negative_table.item(0, 0).text() == "dull"
    assert "wonderful" in tab.highlighted.toPlainText()
    assert "known words" in tab.counts.text()


def test_empty_text_shows_a_hint_not_an_error(qtbot, tab):
    _predict(qtbot, tab, "great film")
    tab.input.setPlainText("   \n\t ")
    tab.predict_now()
    assert tab.verdict.text() == HINT
    assert tab.highlighted.toPlainText() == "" and tab.positive_table.rowCount() == 0


def test_unknown_words_only_warn(qtbot, tab):
    result = _predict(qtbot, tab, "Zorblax quintessentially flummoxed snollygoster")
    assert result["explanation"].uninformative
    assert "None of these words" in tab.warning.text()
    assert tab.positive_table.rowCount() == tab.negative_table.rowCount() == 0


def test_emoji_control_characters_html_and_other_languages(qtbot, tab):
    text = "😍 <b>wonderful</b> <script>alert(1)</script>\x00\x1b 映画 très bien\u202e awful"
    _predict(qtbot, tab, text)
    shown = tab.highlighted.toPlainText()
    assert "<b>wonderful</b>" in shown and "<script>" in shown and "映画" in shown
    assert tab.verdict.text().split()[0] in ("Positive", "Negative")


def test_one_megabyte_paste_keeps_the_window_responsive(qtbot, tab):
    text = ("Superb acting, but a dull and pointless plot. 😀 <br /> " * 19_000)[:1_000_000]
    start = time.perf_counter()
    with qtbot.waitSignal(tab.prediction_shown, timeout=30_000):
        tab.input.setPlainText(text)
        tab.predict_now()
        gui_ms = (time.perf_counter() - start) * 1000
    assert gui_ms < 1000  # pasting and starting the prediction: no long GUI-thread work
    assert tab.last_apply_ms < 500  # only the first 20,000 characters are coloured
    assert "first 20,000" in tab.highlighted.toPlainText()


def test_no_model_offers_to_train(qtbot, qapp):
    state = AppState()
    tab = PredictTab(state)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.no_model.isVisible()
    tab.input.setPlainText("wonderful")
    tab.predict_now()
    assert "No model" in tab.verdict.text()
    with qtbot.waitSignal(state.show_tab, timeout=1000) as blocker:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["train"]


def test_ctrl_enter_predicts_immediately(qtbot, tab):
    tab.input.setPlainText("superb")
    before = tab.tasks.submitted
    qtbot.keyClick(tab.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.tasks.submitted == before + 1
    assert "\n" not in tab.input.toPlainText()


def test_dropping_a_txt_file_loads_it(qtbot, tab, tmp_path):
    path = tmp_path / "my review.txt"
    path.write_text("An awful, boring mess.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert tab.input.canInsertFromMimeData(mime)
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        tab.input.insertFromMimeData(mime)
    assert tab.input.toPlainText() == "An awful, boring mess."
    assert tab.verdict.text().startswith("Negative")
    other = tmp_path / "poster.png"
    other.write_bytes(b"\x89PNG")
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    tab.input.insertFromMimeData(mime)
    assert "Only .txt" in tab.warning.text()


def test_every_example_review_gets_a_verdict(qtbot, tab):
    examples = load_examples()
    assert len(examples) >= 6
    for index in range(1, len(examples) + 1):
        with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
            tab._example_chosen(index)
        assert tab.input.toPlainText() == examples[index - 1]["text"]


def test_a_new_model_updates_the_verdict(qtbot, tab, state, tiny_dataset):
    tab.show()  # a hidden tab waits until it is shown (gui/common/lazy.py)
    _predict(qtbot, tab, "wonderful")
    first = tab.bar.value()
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        state.set_predictor(handmade_predictor(tiny_dataset.vocab, strength=4.0))
    assert tab.bar.value() > first


@pytest.mark.parametrize(
    "text", ["정말 최고의 영화였어요", "Magnifique, bouleversant, très émouvant"]
)
def test_no_known_words_says_the_model_cannot_tell(qtbot, tab, text):
    result = _predict(qtbot, tab, text)
    assert result["explanation"].uninformative
    assert tab.verdict.text().startswith("The model cannot tell")
    assert "Negative" not in tab.verdict.text() and "Positive" not in tab.verdict.text()
    assert "#c62828" not in tab.verdict.styleSheet()  # not the bold red of a verdict


def test_the_verdict_shows_p_positive_not_confidence_and_counts_in_words(qtbot, tab, state):
    word = next(w for w in state.predictor.vocab if w.isalpha())
    result = _predict(qtbot, tab, f"{word} zorblax snollygoster")
    p = result["explanation"].probability
    assert f"P(positive) = {p:.2f}" in tab.verdict.text()
    assert "confident" not in tab.verdict.text()
    assert "not a calibrated confidence" in tab.verdict.toolTip()
    assert tab.counts.text().startswith("1 known word,")
    _predict(qtbot, tab, f"{word} {word}s wonderful superb")
    assert "known words," in tab.counts.text()


def test_the_probability_bar_shows_its_text_and_value(qtbot):
    """The bar repaints lazily (gui/common/progress_bar.py) but still draws its words."""
    from PySide6.QtGui import QImage

    from gui.common.progress_bar import ProgressBar

    bar = ProgressBar()
    qtbot.addWidget(bar)
    bar.setRange(0, 1000)
    bar.resize(300, 30)
    bar.setValue(620)
    bar.setFormat("P(positive) = 0.620 (%p%)")
    assert bar.value() == 620
    assert bar.text() == "P(positive) = 0.620 (62%)"
    bar.setTextVisible(False)
    blank = bar.grab().toImage()
    bar.setTextVisible(True)
    drawn = bar.grab().toImage()
    assert isinstance(drawn, QImage) and drawn != blank  # the text is painted
