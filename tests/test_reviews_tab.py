"""The Reviews tab: predictions refresh with the model, filters, presets, detail pane."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.reviews.tab import ReviewsTab, all_probabilities
from gui.state import AppState
from tests.handmade_predictor import handmade_predictor


@pytest.fixture()
def state(qapp, tiny_dataset):
    s = AppState()
    s.set_dataset(tiny_dataset)
    return s


@pytest.fixture()
def tab(qtbot, state):
    widget = ReviewsTab(state)
    qtbot.addWidget(widget)
    widget.show()
    widget.resize(1200, 700)
    return widget


def _with_model(qtbot, tab, state, vocab, **kw):
    with qtbot.waitSignal(tab.predictions_updated, timeout=5000):
        state.set_predictor(handmade_predictor(vocab, **kw))


def test_lists_every_review_and_invites_training_without_a_model(tab, tiny_dataset):
    assert tab.model.rowCount() == len(tiny_dataset)
    assert "No model yet" in tab.count.text()
    assert not tab.train_button.isHidden()
    tab._preset_chosen(tab.preset.findText("Most confident mistakes"))
    assert "train a model first" in tab.count.text()
    assert tab.model.rowCount() == len(tiny_dataset)  # the preset did not empty the table


def test_predictions_refresh_when_the_predictor_changes(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab)
    first = tab.model.probabilities.copy()
    assert tab.model.data(tab.model.index(0, 4)) != "—"
    assert tab.train_button.isHidden()
    _with_model(qtbot, tab, state, tiny_dataset.vocab, strength=0.2)
    assert not np.allclose(first, tab.model.probabilities)
    # The handmade model is mostly right on the tiny data: the table agrees.
    right = (tab.model.probabilities >= 0.5) == (tiny_dataset.label == 1)
    assert right.mean() > 0.8


def test_probabilities_follow_a_model_with_another_vocabulary(tiny_dataset):
    predictor = handmade_predictor(list(reversed(tiny_dataset.vocab)))
    same = handmade_predictor(tiny_dataset.vocab)
    assert np.allclose(
        all_probabilities(predictor, tiny_dataset), all_probabilities(same, tiny_dataset), atol=1e-6
    )


def test_filter_controls_and_presets(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab, bias=6.0)
    tab.combos["correct"].setCurrentText("Wrong")
    wrong = (tab.model.probabilities >= 0.5) != (tiny_dataset.label == 1)
    assert tab.model.rowCount() == wrong.sum() > 0
    assert f"Showing {wrong.sum()} of 240" in tab.count.text()
    tab.combos["correct"].setCurrentText("Right or wrong")
    tab._preset_chosen(tab.preset.findText("Longest"))
    words = tiny_dataset.n_words[tab.model.visible_rows]
    assert words[0] == tiny_dataset.n_words.max() and np.all(np.diff(words) <= 0)
    tab._preset_chosen(tab.preset.findText("Most confident mistakes"))
    assert tab.combos["correct"].currentText() == "Wrong"
    p = tab.model.probabilities[tab.model.visible_rows]
    err = np.abs(p - tiny_dataset.label[tab.model.visible_rows])
    assert np.all(err >= 0.5) and np.all(np.diff(err) <= 0)
    assert tab.detail.text.toPlainText()  # the worst mistake is opened right away


def test_text_search_is_debounced(qtbot, tab, tiny_dataset):
    tab.search.setText("wonder")
    assert tab.model.rowCount() == len(tiny_dataset)  # not yet: still typing
    qtbot.waitUntil(lambda: tab.model.rowCount() < len(tiny_dataset), timeout=2000)
    expected = sum("wonder" in tiny_dataset.text(i).lower() for i in range(len(tiny_dataset)))
    assert tab.model.rowCount() == expected


def test_detail_pane_shows_the_selected_review_safely(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab)
    tab.table.selectRow(3)
    i = tab.model.dataset_row(3)
    shown = tab.detail.text.toPlainText()
    assert "<br" not in shown and "\n" in shown  # <br /> became line breaks
    assert shown.replace("\n", "") == tiny_dataset.text(i).replace("<br /><br />", "")
    assert "Model: P(positive)" in tab.detail.header.text()
    html = tab.detail.text.toHtml()
    assert "background-color:#" in html  # words are coloured
    tab.detail.model_view.setChecked(True)
    assert tab.detail.text.toPlainText() == tiny_dataset.decoded(i)


def test_filter_request_from_another_tab(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab)
    state.filter_requested.emit({"split": "test", "label": 1, "predicted": 1})
    rows = tab.model.visible_rows
    assert rows.size and np.all(tiny_dataset.split[rows] == 1)
    assert np.all(tiny_dataset.label[rows] == 1) and np.all(tab.model.probabilities[rows] >= 0.5)
    assert tab.combos["split"].currentText() == "Test"
    assert tab.combos["predicted"].currentText() == "Predicted positive"


def test_train_button_goes_to_the_train_tab(qtbot, tab, state):
    tab.show()
    with qtbot.waitSignal(state.show_tab, timeout=1000) as blocker:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["train"]


def test_header_click_sorts(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab)
    tab.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    p = tab.model.probabilities[tab.model.visible_rows]
    assert np.all(np.diff(p) <= 0)


def test_hidden_tab_waits_until_shown_before_recomputing(qtbot, state, tiny_dataset):
    """A model arriving while the tab is hidden (training on the Train tab) costs nothing
    until the learner opens the tab."""
    hidden = ReviewsTab(state)
    qtbot.addWidget(hidden)
    state.set_predictor(handmade_predictor(tiny_dataset.vocab))
    assert hidden.model.probabilities is None or np.isnan(hidden.model.probabilities).all()
    with qtbot.waitSignal(hidden.predictions_updated, timeout=5000):
        hidden.show()
    assert not np.isnan(hidden.model.probabilities).any()


def test_search_marks_and_scrolls_to_the_word_in_the_detail_pane(qtbot, tab, tiny_dataset):
    tab.search.setText("wonderful")
    qtbot.waitUntil(lambda: tab.model.rowCount() < len(tiny_dataset), timeout=2000)
    tab.table.selectRow(0)
    i = tab.model.dataset_row(0)
    marks = tab.detail.text.extraSelections()
    assert len(marks) == tiny_dataset.text(i).lower().count("wonderful") >= 1
    assert all(m.cursor.selectedText().lower() == "wonderful" for m in marks)
    # The view is at the first mark (its cursor sits there, made visible).
    assert tab.detail.text.textCursor().position() == marks[0].cursor.selectionStart()
    tab.search.setText("")
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(tiny_dataset), timeout=2000)
    assert tab.detail.text.extraSelections() == []


def test_a_filter_that_hides_the_selected_review_clears_the_detail_pane(qtbot, tab, tiny_dataset):
    tab.table.selectRow(0)
    i = tab.model.dataset_row(0)
    assert f"review {int(tiny_dataset.review_id[i])}" in tab.detail.header.text()
    other = "Test" if tiny_dataset.split[i] == 0 else "Train"
    tab.combos["split"].setCurrentText(other)  # hides review i
    assert tab.model.view_row_of(i) is None
    assert tab.detail.text.toPlainText() == ""
    assert "Select a review" in tab.detail.header.text()
    tab.combos["split"].setCurrentIndex(0)  # any split: it comes back, selected and shown
    assert f"review {int(tiny_dataset.review_id[i])}" in tab.detail.header.text()


def test_as_the_model_sees_it_shows_the_unordered_set(qtbot, tab, state, tiny_dataset):
    _with_model(qtbot, tab, state, tiny_dataset.vocab)
    tab.table.selectRow(2)
    i = tab.model.dataset_row(2)
    tab.detail.model_view.setChecked(True)
    ones = tiny_dataset.known_ids(i)
    shown = tab.detail.model_set.toPlainText()
    assert tab.detail.model_set.isVisibleTo(tab)
    assert f"{len(ones):,} of the {tiny_dataset.num_words:,} positions" in shown
    listed = [part.rstrip("0123456789").strip() for part in shown.split("\n")[-1].split(" · ")]
    assert sorted(listed) == sorted(tiny_dataset.vocab[k] for k in ones.tolist())  # each once
    assert tab.detail.text.toPlainText() == tiny_dataset.decoded(i)  # the text, beside it
    tab.detail.model_view.setChecked(False)
    assert not tab.detail.model_set.isVisibleTo(tab)
