"""The five tabs speak the installed language, also after a switch.

A stand-in translator wraps every text of these tabs' contexts in « »; installing and
removing it is what View → Language does, so each visible text must follow both ways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from gui.evaluation.tab import EvaluationView
from gui.predict.tab import PredictTab
from gui.reviews.tab import ReviewsTab
from gui.runs.tab import RunsTab
from gui.state import AppState
from gui.train.plots import HistoryPlots
from gui.train.run_status import RunStatus
from gui.train.settings_panel import SettingsPanel
from tests.handmade_predictor import handmade_predictor
from tests.test_eval_view import evaluation_of
from tests.test_runs_tab import record_run

CONTEXTS = {
    "ReviewsTab",
    "ReviewTableModel",
    "ReviewDetail",
    "PredictTab",
    "ReviewInput",
    "ConfusionMatrix",
    "EvaluationView",
    "SettingsPanel",
    "MetricPlot",
    "HistoryPlots",
    "RunStatus",
    "RunsTab",
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


def test_train_tab_parts_follow_the_language(qtbot, marking):
    panel = SettingsPanel()
    plots = HistoryPlots()
    status = RunStatus()
    for widget in (panel, plots, status):
        qtbot.addWidget(widget)
    plots.set_history({"loss": [0.5, 0.4], "val_loss": [0.45, 0.5]}, 1)
    status.show_result({"accuracy": 0.88, "loss": 0.3}, 4, lambda: "25,000")
    panel.preset_combo.setCurrentText("tanh activation")
    assert panel.activation_combo.currentText() == "tanh"

    _switch(qtbot, marking, True, lambda: panel.model_box.title() == "«Model»")
    assert panel.preset_combo.currentText() == "«tanh activation»"
    assert panel.preset_name() == "tanh activation"  # what a run is named after
    assert plots.loss_plot.getPlotItem().titleLabel.text == "«Loss»"
    assert plots.loss_plot.hover_at(1).startswith("«Epoch 1»")
    assert status.result_card.text().startswith("«<b>Test set (25,000 reviews)</b>")
    assert status.progress_label.text().startswith("«Not trained yet")

    _switch(qtbot, marking, False, lambda: panel.model_box.title() == "Model")
    assert panel.preset_combo.currentText() == "tanh activation"
    assert status.progress_label.text().startswith("Not trained yet")


def test_runs_tab_follows_the_language(qtbot, tiny_dataset, marking):
    from engine.runs.history import RunStore

    store = RunStore()  # in the test's own IMDB_LAB_HOME
    record_run(store, tiny_dataset.vocab, name="Book model")
    tab = RunsTab(AppState(store=store))
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.table.item(0, 3).text() == "finished"

    _switch(qtbot, marking, True, lambda: tab.table.item(0, 3).text() == "«finished»")
    assert tab.table.horizontalHeaderItem(0).text() == "«Date»"
    assert tab.buttons["open"].text() == "«Use this model»"

    _switch(qtbot, marking, False, lambda: tab.table.item(0, 3).text() == "finished")
    assert tab.buttons["open"].text() == "Use this model"
    assert tab.shutdown()
