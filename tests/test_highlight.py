"""Word highlighting: review HTML is always shown as text, colours follow contributions."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from gui.common.highlight import decoded_html, escape_plain, highlight_html
from tests.handmade_predictor import handmade_predictor


def _shown_text(rich: str) -> str:
    """What a user would read after Qt renders ``rich``."""
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def test_markup_in_a_review_shows_as_text(qapp):
    text = '<b>great</b> <script>alert("x")</script> <img src=x onerror=y> &amp; film'
    spans = [(3, 8, "great", 0.4), (44, 48, "film", None)]
    rich = highlight_html(text, spans)
    assert "<b>" not in rich and "<script>" not in rich and "<img" not in rich
    assert _shown_text(rich) == text


def test_br_tags_become_line_breaks_and_nothing_else(qapp):
    rich = escape_plain("one<br /><br />two <br>three <i>four</i>")
    assert _shown_text(rich) == "one\n\ntwo \nthree <i>four</i>"


def test_control_characters_emoji_and_other_scripts_survive(qapp):
    text = "bad\x00\x07 film 😀 très 映画 \u202e"
    rich = highlight_html(text, [(0, 3, "bad", -0.2)])
    shown = _shown_text(rich)
    assert "😀 très 映画" in shown and "\x00" not in shown


def test_colours_follow_the_sign_and_size_of_contributions(qapp, tiny_dataset):
    predictor = handmade_predictor(tiny_dataset.vocab)
    text = "A wonderful film, but the ending was awful. Zorblax!"
    explanation = predictor.explain(text)
    rich = highlight_html(text, explanation.spans)
    green_word = rich.split("wonderful")[0].rsplit("<span", 1)[1]
    red_word = rich.split("awful")[0].rsplit("<span", 1)[1]
    assert "background-color:#" in green_word and "background-color:#" in red_word
    green = green_word.split("background-color:#")[1][:6]
    red = red_word.split("background-color:#")[1][:6]
    assert int(green[2:4], 16) > int(green[0:2], 16)  # more green than red
    assert int(red[0:2], 16) > int(red[2:4], 16)
    unknown = rich.split("Zorblax")[0].rsplit("<span", 1)[1]
    assert "color:#9a9a9a" in unknown  # outside the vocabulary: grey
    assert _shown_text(rich) == text


def test_huge_text_is_highlighted_only_up_to_the_limit(qapp):
    text = "great " * 50_000
    spans = [(i * 6, i * 6 + 5, "great", 0.1) for i in range(50_000)]
    rich = highlight_html(text, spans, limit=1000)
    assert rich.count("<span") < 200
    assert rich.endswith("great ")  # the rest is still there, as plain text


def test_model_view_marks_unknown_words(qapp):
    rich = decoded_html("this <pad> film ? was ?")
    assert rich.count("?</span>") == 2 and "&lt;pad&gt;" in rich
