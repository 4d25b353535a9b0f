"""Characters no installed font can show are named once, in words, not shown as silent boxes."""

from __future__ import annotations

import pytest

from gui.common import fonts
from gui.predict.tab import PredictTab
from gui.state import AppState
from tests.handmade_predictor import handmade_predictor

KOREAN = "정말 좋은 영화"


def _no_hangul(code_point: int) -> bool:
    """A font check for a machine without a Korean font."""
    return not 0xAC00 <= code_point <= 0xD7A3


def test_latin_text_needs_no_note(qapp):
    assert fonts.missing_characters("Très bien, a naïve film — “great”") == []
    assert fonts.missing_note("plain English") == ""


def test_characters_without_a_font_are_found(qapp, monkeypatch):
    monkeypatch.setattr(fonts, "can_show", _no_hangul)
    missing = fonts.missing_characters(f"{KOREAN} great 😀 \u200d\ufe0f")
    assert missing == sorted(set(KOREAN.replace(" ", "")))  # not the emoji, joiner, selector
    note = fonts.missing_note(KOREAN)
    assert (
        note.startswith(f"{len(missing)} kinds of character") and f"U+{ord(missing[0]):04X}" in note
    )


def test_the_predict_tab_says_so_once(qtbot, qapp, tiny_dataset, monkeypatch):
    monkeypatch.setattr(fonts, "can_show", _no_hangul)
    state = AppState()
    state.set_predictor(handmade_predictor(tiny_dataset.vocab))
    tab = PredictTab(state)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        tab.input.setPlainText(f"{KOREAN} {KOREAN}")
    assert tab.warning.text().count("cannot be shown with the fonts installed") == 1
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        tab.input.setPlainText("a wonderful film")
    assert "cannot be shown" not in tab.warning.text()


@pytest.mark.parametrize("char", ["한", "映"])
def test_with_real_fonts_the_answer_is_cached_per_character(qapp, char):
    first = fonts.can_show(ord(char))
    assert fonts.can_show(ord(char)) is first
    assert fonts.can_show.cache_info().hits >= 1
