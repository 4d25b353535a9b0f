"""The Reviews, Predict and Evaluation tabs speak the installed language, also after a switch.

A stand-in translator wraps every text of these tabs' contexts in « »; installing and
removing it is what View → Language does, so each visible text must follow both ways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from gui.evaluation.tab import EvaluationView
from gui.predict.tab import PredictTab
from gui.reviews.tab import ReviewsTab
from gui.state import AppState
from tests.handmade_predictor import handmade_predictor
from tests.test_eval_view import evaluation_of

CONTEXTS = {
    "ReviewsTab",
    "ReviewTableModel",
    "ReviewDetail",
    "PredictTab",
    "ReviewInput",
    "ConfusionMatrix",
    "EvaluationView",
}


class Marking(QTranslator):
    """Translates the tabs' texts to « text » (plurals to their plural form)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
        if context not in CONTEXTS:
            return ""  # not translated: Qt keeps the source text
        return "«" + source.replace("(s)", "" if n == 1 else "s") + "»"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture()
def marking(qapp):
    translator = Marking()
    yield translator
    QCoreApplication.removeTranslator(translator)


def _switch(qtbot, translator, on: bool, check) -> None:
    if on:
        QCoreApplication.installTranslator(translator)
    else:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(check, timeout=5000)


def test_reviews_tab_follows_the_language(qtbot, tiny_dataset, marking):
    state = AppState()
    state.set_dataset(tiny_dataset)
    tab = ReviewsTab(state)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.predictions_updated, timeout=5000):
        state.set_predictor(handmade_predictor(tiny_dataset.vocab))
    tab.select_review(0)
    english = tab.count.text()
    assert english.startswith("Showing")

    _switch(qtbot, marking, True, lambda: tab.count.text().startswith("«Showing"))
    assert tab.combos["correct"].itemText(2) == "«Wrong»"
    assert tab.preset.itemText(1) == "«Most confident mistakes»"
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "«Split»"
    assert tab.model.data(tab.model.index(0, 1)) in ("«positive»", "«negative»")
    assert "«Model: P(positive)" in tab.detail.header.text()
    # The filters still work on values, whatever the texts say.
    tab.combos["correct"].setCurrentIndex(2)
    assert tab.current_filter().correct is False

    _switch(qtbot, marking, False, lambda: tab.count.text().startswith("Showing"))
    assert tab.combos["correct"].itemText(2) == "Wrong"
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Split"


def test_predict_tab_follows_the_language(qtbot, tiny_dataset, marking):
    state = AppState()
    state.set_predictor(handmade_predictor(tiny_dataset.vocab))
    tab = PredictTab(state)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.prediction_shown, timeout=5000):
        tab.input.setPlainText("a wonderful film")
    assert tab.verdict.text().startswith("Positive")

    QCoreApplication.installTranslator(marking)
    qtbot.waitUntil(lambda: tab.verdict.text().startswith("«Positive"), timeout=5000)
    assert tab.counts.text().startswith("«")
    assert tab.train_button.text() == "«Go to the Train tab»"
    assert tab.positive_table.horizontalHeaderItem(1).text() == "«Effect on P(positive)»"

    QCoreApplication.removeTranslator(marking)
    qtbot.waitUntil(lambda: tab.verdict.text().startswith("Positive"), timeout=5000)
    assert tab.counts.text().startswith("3 known words,")


def test_evaluation_tab_follows_the_language(qtbot, tiny_dataset, marking):
    state = AppState()
    state.set_dataset(tiny_dataset)
    view = EvaluationView(state)
    qtbot.addWidget(view)
    view.show()
    predictor = handmade_predictor(tiny_dataset.vocab, bias=6.0)
    state.set_evaluation(evaluation_of(predictor, tiny_dataset, tiny_dataset.indices("test")))
    assert "Test set, 120 reviews" in view.summary.text()

    _switch(qtbot, marking, True, lambda: "«Test set, 120 reviews»" in view.summary.text())
    assert view.matrix.cells[0][0].text().startswith("«True negatives»")
    assert view.histogram.getPlotItem().titleLabel.text == "«P(positive) by true class»"
    assert view.evaluate_button.text().startswith("«Evaluate")

    _switch(qtbot, marking, False, lambda: "«" not in view.summary.text())
    assert "Test set, 120 reviews" in view.summary.text()
    assert view.matrix.cells[0][0].text().startswith("True negatives")
