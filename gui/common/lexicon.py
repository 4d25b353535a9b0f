"""What the network has learned so far: its most positive and most negative words.

Each word is scored as a one-word review (``Predictor.lexicon``). The widget follows
``state.predictor_changed``, which the Train tab fires after every epoch, so during training
the lists visibly move from noise to "excellent"/"worst".
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine.errors import Cancelled
from gui.common.highlight import NEGATIVE_RGB, POSITIVE_RGB, blend
from gui.common.lazy import ShownAndClosed, WhenVisible
from gui.common.translate import Retranslating
from gui.tasks import TaskRunner, error_text

WORDS = 20


def chips_html(title: str, rows, rgb) -> str:
    """Words as coloured chips (stronger colour = further from 0.5), each with its P(positive)."""
    chips = []
    for word, p in rows:
        colour = blend(rgb, 0.15 + 0.7 * abs(p - 0.5) * 2)
        chips.append(
            f'<span style="background-color:{colour};">&nbsp;{html.escape(word)}&nbsp;</span>'
            f'<span style="color:#666;">&nbsp;{p:.2f}</span>'
        )
    return f"<b>{title}</b><br>" + " &nbsp; ".join(chips)


def _chip_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


RENDER_DELAY_MS = 40


class LexiconWidget(Retranslating, ShownAndClosed, QWidget):
    """Top ``WORDS`` positive and negative words of the current model, refreshed per epoch."""

    updated = Signal()

    def __init__(self, state, parent: QWidget | None = None, words: int = WORDS) -> None:
        super().__init__(parent)
        self.setObjectName("lexicon")
        self.state = state
        self.words = words
        self._shown: tuple[list[str], list[str]] = ([], [])
        self._lexicon: tuple | None = None  # the (positive, negative) rows shown
        self._failure: Exception | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.positive = _chip_label()
        self.negative = _chip_label()
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.positive, 1)
        columns.addWidget(self.negative, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        self.tasks = TaskRunner(self)
        # Rendered a moment after the model arrives, not in the same event-loop turn as
        # the plots' repaint for that epoch: two short pauses instead of one long one.
        self._render_timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render_current)
        self._refresh = WhenVisible(self, self._render_timer.start)
        state.predictor_changed.connect(self._refresh.request)
        self.set_predictor(state.predictor)
        self.retranslate()

    def retranslate(self) -> None:
        tip = self.tr("The model's P(positive) for a review made of this single word.")
        self.positive.setToolTip(tip)
        self.negative.setToolTip(tip)
        if self._failure is not None:
            self._lexicon_failed(self._failure)
        elif self._lexicon is not None:
            self._show_lexicon(self._lexicon)
        elif self.state.predictor is None:
            self._show_empty()

    def _show_empty(self) -> None:
        self.title.setText(
            self.tr(
                "The model's most positive and negative words appear here once training starts."
            )
        )

    def _render_current(self) -> None:
        self.set_predictor(self.state.predictor)

    def set_predictor(self, predictor) -> None:
        """Show ``predictor``'s lexicon; it is computed as a latest-wins task.

        A model trained in the training process arrives with its lexicon computed; one
        loaded from a run or an epoch computes it here, off the GUI thread.
        """
        if predictor is None:
            self.tasks.cancel("lexicon")
            self._lexicon = self._failure = None
            self._show_empty()
            self.positive.clear()
            self.negative.clear()
            self._shown = ([], [])
            return
        self.tasks.submit(
            _lexicon,
            predictor,
            self.words,
            on_done=self._show_lexicon,
            on_failed=self._lexicon_failed,
            key="lexicon",
            what="Scoring the vocabulary",  # for the log
        )

    def _lexicon_failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            self._failure, self._lexicon = exc, None
            self.title.setText(error_text(exc, self.tr("Scoring the vocabulary")))

    def _show_lexicon(self, lexicon) -> None:
        positive, negative = lexicon
        self._lexicon, self._failure = lexicon, None
        epoch = self.state.epoch
        self.title.setText(
            self.tr(
                "What the model has learned after epoch %1: each word scored as a one-word "
                "review, P(positive)."
            ).replace("%1", str(epoch))
            if isinstance(epoch, int)
            else self.tr(
                "What the model has learned: each word scored as a one-word review, P(positive)."
            )
        )
        self.positive.setText(chips_html(self.tr("Most positive words"), positive, POSITIVE_RGB))
        self.negative.setText(chips_html(self.tr("Most negative words"), negative, NEGATIVE_RGB))
        self._shown = ([w for w, _ in positive], [w for w, _ in negative])
        self.updated.emit()

    def words_shown(self) -> tuple[list[str], list[str]]:
        """The words currently listed (positive, negative), for tests and screenshots."""
        return self._shown


def _lexicon(predictor, words: int, progress=None, cancel=None):
    """``predictor.lexicon(words)`` as a task."""
    return predictor.lexicon(words)
