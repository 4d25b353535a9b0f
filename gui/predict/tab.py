"""The Predict tab: type or paste a review and watch the current model judge it word by word."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import QSignalDebouncer

from engine.errors import Cancelled, LabError
from gui.common.as_numbers import AsNumbersView, is_keras_vocab, text_ids
from gui.common.fonts import missing_note
from gui.common.highlight import DEFAULT_LIMIT, highlight_html, legend_html
from gui.common.lazy import ShownAndClosed, WhenVisible
from gui.common.localized import number, plural
from gui.common.translate import Retranslating
from gui.predict.contributions import fill_word_table, top_words, word_table
from gui.predict.review_input import ReviewInput
from gui.predict.verdict import probability_bar, probability_tip, show_verdict, verdict_label
from gui.resources import resource
from gui.tasks import TaskRunner

EXAMPLES_FILE = resource("examples.json")
HINT = QT_TRANSLATE_NOOP(
    "PredictTab", "Type or paste a review on the left (or drop a .txt file, or pick an example)."
)
# The titles of examples.json, for the translation tools (the reviews stay in English: the
# model reads English).
EXAMPLE_TITLES = (
    QT_TRANSLATE_NOOP("PredictTab", "Clearly positive"),
    QT_TRANSLATE_NOOP("PredictTab", "Clearly negative"),
    QT_TRANSLATE_NOOP("PredictTab", "Mixed feelings"),
    QT_TRANSLATE_NOOP("PredictTab", "Sarcasm (hard for a bag of words)"),
    QT_TRANSLATE_NOOP("PredictTab", 'Negation ("not good")'),
    QT_TRANSLATE_NOOP("PredictTab", "Mostly unknown words"),
    QT_TRANSLATE_NOOP("PredictTab", "Emoji and HTML"),
    QT_TRANSLATE_NOOP("PredictTab", "Another language"),
)


def _tr(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the "PredictTab" context) translated."""
    return QCoreApplication.translate("PredictTab", text)


def load_examples(path: Path = EXAMPLES_FILE) -> list[dict]:
    """``[{"title", "text"}, ...]`` from the examples file; empty if it is missing."""
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["examples"])
    except (OSError, ValueError, KeyError):
        return []


def analyse(predictor, text: str, progress=None, cancel=None) -> dict:
    """Everything the tab shows for ``text`` (runs as a task)."""
    explanation = predictor.explain(text)
    positive, negative = top_words(explanation.contributions)
    vocab = predictor.vocab
    shown = text[:DEFAULT_LIMIT]
    return {
        "explanation": explanation,
        "html": highlight_html(shown, [s for s in explanation.spans if s[1] <= len(shown)]),
        "positive": positive,
        "negative": negative,
        "truncated": len(text) > len(shown),
        "length": len(text),
        # The text "as numbers" (word indices, multi-hot), for the optional view.
        "ids": text_ids(text, vocab, predictor.word_index),
        "vocab": vocab,
        "keras": is_keras_vocab(vocab),
    }


class PredictTab(Retranslating, ShownAndClosed, QWidget):
    """Free-text prediction with the latest model, updated as you type."""

    prediction_shown = Signal(object)  # the result dict of :func:`analyse`, after display

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predict_tab")
        self.state = state
        self.last_apply_ms = 0.0
        self.examples = load_examples()
        self.tasks = TaskRunner(self)
        self._build()
        self._refresh = WhenVisible(self, lambda: self._predictor_changed(self.state.predictor))
        state.predictor_changed.connect(self._refresh.request)
        self._predictor_changed(state.predictor)
        self.retranslate()

    # ----- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.no_model = QFrame()
        self.no_model.setObjectName("no_model_banner")
        self.no_model.setStyleSheet("#no_model_banner { background: #fff4d6; border-radius: 4px; }")
        banner = QHBoxLayout(self.no_model)
        self.banner_text = QLabel(wordWrap=True)
        banner.addWidget(self.banner_text, 1)
        self.train_button = QPushButton()
        self.train_button.clicked.connect(lambda: self.state.show_tab.emit("train"))
        banner.addWidget(self.train_button)

        self.examples_box = QComboBox()
        self.examples_box.addItems([""] * (len(self.examples) + 1))  # texts in retranslate()
        self.examples_box.activated.connect(self._example_chosen)
        self.input = ReviewInput()
        self.input.setObjectName("predict_input")
        self.input.drop_failed.connect(self._show_message)
        self._debounce = QSignalDebouncer(parent=self)  # the first positional is the policy
        self._debounce.setTimeout(150)
        self.input.textChanged.connect(self._debounce.throttle)
        self._debounce.triggered.connect(self.predict_now)
        self.input.submitted.connect(self.predict_now)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.examples_box)
        left_layout.addWidget(self.input, 1)

        self.verdict = verdict_label()
        self.bar = probability_bar()
        self.counts = QLabel("")
        self.warning = QLabel("")
        self.warning.setStyleSheet("color: #a15c00;")
        self.warning.setWordWrap(True)
        self.highlighted = QTextBrowser()
        self.highlighted.setObjectName("predict_highlighted")
        self.highlighted.setOpenLinks(False)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.positive_table = word_table()
        self.negative_table = word_table()
        tables = QHBoxLayout()
        tables.addWidget(self.positive_table)
        tables.addWidget(self.negative_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.verdict)
        right_layout.addWidget(self.bar)
        right_layout.addWidget(self.counts)
        right_layout.addWidget(self.warning)
        self.numbers_check = QCheckBox(objectName="predict_numbers_check")
        self.numbers = AsNumbersView()
        self.numbers.hide()
        self.numbers_check.toggled.connect(self._show_numbers)
        right_layout.addWidget(self.numbers_check)
        right_layout.addWidget(self.numbers)
        right_layout.addWidget(self.highlighted, 2)
        right_layout.addWidget(self.legend)
        right_layout.addLayout(tables, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_model)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        self.banner_text.setText(
            self.tr(
                "There is no trained model yet. Train one (a few seconds per "
                "epoch), then come back to try your own reviews."
            )
        )
        self.train_button.setText(self.tr("Go to the Train tab"))
        self.examples_box.setItemText(0, self.tr("Try an example review…"))
        for i, example in enumerate(self.examples, start=1):
            self.examples_box.setItemText(i, _tr(example["title"]))
        self.input.setPlaceholderText(
            self.tr(
                "Type or paste a movie review here, or drop a .txt file. "
                "The verdict updates as you type (Ctrl+Enter: now)."
            )
        )
        self.verdict.setToolTip(probability_tip())
        self.bar.setToolTip(probability_tip())
        self.legend.setText(legend_html())
        for table, title in (
            (self.positive_table, self.tr("Pushing positive")),
            (self.negative_table, self.tr("Pushing negative")),
        ):
            table.setHorizontalHeaderLabels([title, self.tr("Effect on P(positive)")])
            table.setToolTip(
                self.tr("How much P(positive) drops when the word is removed from the review.")
            )
        self.numbers_check.setText(self.tr("As numbers (word indices and the multi-hot vector)"))
        self.numbers_check.setToolTip(
            self.tr(
                "What the network is given for this text: its word indices, and the vector "
                "with a 1 at the index of every word it uses."
            )
        )
        # The verdict, counts and warnings are built from the text: predict it again.
        self.predict_now()

    # ----- behaviour --------------------------------------------------------------------
    def _predictor_changed(self, predictor) -> None:
        self.no_model.setVisible(predictor is None)
        self.predict_now()

    def _example_chosen(self, index: int) -> None:
        if index > 0:
            self.input.setPlainText(self.examples[index - 1]["text"])
            self.predict_now()
        self.examples_box.setCurrentIndex(0)

    def predict_now(self) -> None:
        """Predict the current text (debounced typing and Ctrl+Enter both end up here)."""
        text = self.input.toPlainText()
        predictor = self.state.predictor
        if not text.strip():
            self.tasks.cancel("analyse")
            self._clear(_tr(HINT))
            return
        if predictor is None:
            self.tasks.cancel("analyse")
            self._clear(self.tr("No model yet: train one to see its verdict."))
            return
        self.tasks.submit(
            analyse,
            predictor,
            text,
            on_done=self._show_result,
            on_failed=self._show_error,
            key="analyse",
            what=self.tr("Predicting"),
        )

    def _clear(self, message: str) -> None:
        self.verdict.setText(message)
        self.verdict.setStyleSheet("")
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("P(positive)"))
        self.counts.clear()
        self.warning.clear()
        self.highlighted.clear()
        self.positive_table.setRowCount(0)
        self.negative_table.setRowCount(0)
        self._last_result = None
        self._show_numbers()

    def _show_message(self, message: str) -> None:
        self.warning.setText(message)

    def _show_error(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, LabError):
            self._clear(str(exc))
        else:
            self._clear(self.tr("The prediction failed: {reason}").format(reason=exc))

    def _show_result(self, result: dict) -> None:
        start = time.perf_counter()
        exp = result["explanation"]
        show_verdict(self.verdict, self.bar, float(exp.probability), exp.uninformative)
        known, unknown = exp.known_words, exp.unknown_words
        counts = self.tr("%n known word(s), {unknown} outside the model's vocabulary.", "", known)
        self.counts.setText(plural(counts, known).format(unknown=number(unknown)))
        if exp.uninformative:
            self.warning.setText(
                self.tr(
                    "None of these words is in the model's vocabulary: it knows only the "
                    "most frequent words of the English training reviews."
                )
            )
        elif unknown > known:
            self.warning.setText(
                self.tr(
                    "Most words are unknown to the model (it only knows the most "
                    "frequent English words of the training reviews): take the "
                    "verdict with a grain of salt."
                )
            )
        else:
            self.warning.clear()
        fonts = missing_note(self.input.toPlainText())
        if fonts:  # said once, in words, instead of boxes shown silently
            self.warning.setText(f"{self.warning.text()} {fonts}".strip())
        note = ""
        if result["truncated"]:
            note = '<p style="color:#777;">{}</p>'.format(
                self.tr(
                    "(Colours shown for the first {limit} of {length} characters; "
                    "the verdict uses all of them.)"
                ).format(limit=number(DEFAULT_LIMIT), length=number(result["length"]))
            )
        self.highlighted.setHtml(result["html"] + note)
        self._last_result = result
        self._show_numbers()
        fill_word_table(self.positive_table, result["positive"])
        fill_word_table(self.negative_table, result["negative"])
        self.last_apply_ms = (time.perf_counter() - start) * 1000
        self.prediction_shown.emit(result)

    def _show_numbers(self, *_args) -> None:
        result = getattr(self, "_last_result", None)
        wanted = self.numbers_check.isChecked() and result is not None
        self.numbers.setVisible(wanted)
        if wanted:
            self.numbers.show_ids(result["ids"], result["vocab"], result["keras"])
