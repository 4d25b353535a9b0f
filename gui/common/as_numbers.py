"""A review "as numbers": its word indices and the multi-hot vector the model receives.

Shared by the Reviews tab (a dataset's review) and the Predict tab (typed text).

For the book's copy (``keras.datasets.imdb``) the indices are the book's own: 1 starts
every review, 2 is a word outside the vocabulary, and words are shown with ``?`` for the
reserved indices, as the book decodes them. For the Stanford archive they are positions in
the app's vocabulary, ``?`` marking words outside it.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from engine.data.keras_copy import OOV, RESERVED, START
from engine.data.tokenizer import tokenize
from gui.common.translate import Retranslating

SHOWN_INDICES = 400  # the longest reviews hold 2,500 words; the count says how many more
SHOWN_WORDS = 3000  # decoded words shown (a pasted megabyte would hold 200,000)


def number(value) -> str:
    """An integer in the current language's format ("10,000")."""
    return QLocale().toString(int(value))


def is_keras_source(dataset) -> bool:
    return bool(getattr(dataset, "extra", {}).get("keras"))


def is_keras_vocab(vocab: list[str]) -> bool:
    """True for a vocabulary laid out like the Keras copy's (four reserved slots first)."""
    return list(vocab[: len(RESERVED)]) == list(RESERVED)


def text_ids(text: str, vocab: list[str], word_index: dict[str, int] | None = None) -> np.ndarray:
    """Typed text as the indices a model with ``vocab`` gets.

    For a Keras-copy vocabulary the book's conventions: 1 first, 2 for an unknown word;
    otherwise -1 marks a word outside the vocabulary.
    """
    index = word_index if word_index is not None else {w: i for i, w in enumerate(vocab)}
    if is_keras_vocab(vocab):
        return np.array([START] + [index.get(w, OOV) for w in tokenize(text)], dtype=np.int64)
    return np.array([index.get(w, -1) for w in tokenize(text)], dtype=np.int64)


def format_ids(ids: np.ndarray) -> str:
    """Word indices as the book prints them (``[1, 14, 22, ...]``), ``?`` for unknown."""
    ids = np.asarray(ids).tolist()
    shown = ["?" if i < 0 else str(i) for i in ids[:SHOWN_INDICES]]
    more = f", ... {len(ids) - SHOWN_INDICES:,} more" if len(ids) > SHOWN_INDICES else ""
    return "[" + ", ".join(shown) + more + "]"


def decode_ids(ids: np.ndarray, vocab: list[str], keras: bool) -> str:
    """The indices turned back into words; ``?`` for reserved or unknown ones."""
    reserved = len(RESERVED) if keras else 0
    return " ".join("?" if i < reserved else vocab[i] for i in np.asarray(ids).tolist())


def index_text(dataset, row: int) -> str:
    """A dataset review's word indices (see :func:`format_ids`)."""
    return format_ids(dataset.token_ids(row))


def decoded_text(dataset, row: int) -> str:
    """A dataset review's indices decoded (see :func:`decode_ids`)."""
    return decode_ids(dataset.token_ids(row), dataset.vocab, is_keras_source(dataset))


class MultiHotStrip(Retranslating, QWidget):
    """The multi-hot vector drawn as one thin strip: a tick wherever a position is 1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("multi_hot_strip")
        self.setMinimumHeight(16)
        self.setMaximumHeight(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.ones = np.zeros(0, dtype=np.int64)
        self.width_positions = 10_000

    def set_vector(self, ones: np.ndarray, num_words: int) -> None:
        self.ones, self.width_positions = np.asarray(ones), max(int(num_words), 1)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr(
                "The %1 inputs of the model, left to right: a tick where the review uses "
                "that word (%2 of them)."
            )
            .replace("%1", number(self.width_positions))
            .replace("%2", number(len(self.ones)))
        )

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("#f4f4f4"))
        painter.setPen(QColor("#bbbbbb"))
        painter.drawRect(rect)
        if len(self.ones):
            columns = np.unique((self.ones * rect.width() / self.width_positions).astype(int))
            painter.setPen(QColor("#1f77b4"))
            for x in columns.tolist():
                painter.drawLine(int(rect.left() + x), 2, int(rect.left() + x), self.height() - 3)
        painter.end()


class AsNumbersView(Retranslating, QWidget):
    """Word indices, the ones of the multi-hot vector (count, list and strip), decoded text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("as_numbers_view")
        self.indices_label = QLabel(objectName="as_numbers_indices_label")
        self.indices = QTextBrowser(objectName="as_numbers_indices")
        self.ones_label = QLabel(objectName="as_numbers_ones_label")
        self.ones_label.setWordWrap(True)
        self.strip = MultiHotStrip()
        self.decoded_label = QLabel()
        self._shown: tuple | None = None  # (ids, vocab, keras) of show_ids, for a language switch
        self.decoded = QTextBrowser(objectName="as_numbers_decoded")
        for browser in (self.indices, self.decoded):
            browser.setMaximumHeight(80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for widget in (
            self.indices_label,
            self.indices,
            self.ones_label,
            self.strip,
            self.decoded_label,
            self.decoded,
        ):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.decoded_label.setText(self.tr("Decoded back into words:"))
        if self._shown is not None:
            self.show_ids(*self._shown)

    def show_review(self, dataset, row: int | None) -> None:
        """Review ``row`` of ``dataset`` (None clears the view)."""
        if dataset is None or row is None:
            self.clear()
            return
        self.show_ids(dataset.token_ids(row), dataset.vocab, is_keras_source(dataset))

    def show_text(self, text: str, vocab: list[str], word_index=None) -> None:
        """Typed text as a model with ``vocab`` receives it."""
        self.show_ids(text_ids(text, vocab, word_index), vocab, is_keras_vocab(vocab))

    def clear(self) -> None:
        for browser in (self.indices, self.decoded):
            browser.clear()
        self.ones_label.clear()
        self.indices_label.clear()
        self._shown = None
        self.strip.set_vector(np.zeros(0, dtype=np.int64), 10_000)

    def show_ids(self, ids: np.ndarray, vocab: list[str], keras: bool) -> None:
        """Word indices (-1 = outside the vocabulary), their multi-hot vector, the words."""
        ids = np.asarray(ids, dtype=np.int64)
        self._shown = (ids, vocab, keras)
        num_words = len(vocab)
        self.indices_label.setText(
            (
                self.tr(
                    "Word indices (%1): the book's train_data[i], 1 = start, "
                    "2 = a word outside the vocabulary"
                )
                if keras
                else self.tr(
                    "Word indices (%1): positions in the vocabulary, ? = a word outside it"
                )
            ).replace("%1", number(len(ids)))
        )
        self.indices.setPlainText(format_ids(ids))
        ones = np.unique(ids[ids >= 0])
        first = ", ".join(str(i) for i in ones[:30].tolist())
        more = ", ..." if len(ones) > 30 else ""
        self.ones_label.setText(
            self.tr("Multi-hot: <b>%1</b> of the %2 positions are 1 ([%3]); all others are 0.")
            .replace("%1", number(len(ones)))
            .replace("%2", number(num_words))
            .replace("%3", first + more)
        )
        self.strip.set_vector(ones, num_words)
        more = (
            " " + self.tr("... (%1 more)").replace("%1", number(len(ids) - SHOWN_WORDS))
            if len(ids) > SHOWN_WORDS
            else ""
        )
        self.decoded.setPlainText(decode_ids(ids[:SHOWN_WORDS], vocab, keras) + more)


def model_set_html(dataset, row: int, contributions: dict[str, float] | None = None) -> str:
    """The review as the multi-hot model receives it: an unordered set of vocabulary words.

    Sorted by effect on P(positive) when ``contributions`` (``Predictor.explain``'s) are
    given, most positive first and coloured as in the text; otherwise by vocabulary rank
    (position in the vector, 0 = most frequent word). Each word carries its position.
    """
    from gui.common.highlight import word_style

    ones = dataset.known_ids(row).tolist()
    vocab = dataset.vocab
    words = [(vocab[i], i) for i in ones]
    scale = 0.0
    if contributions:
        words.sort(key=lambda wi: -contributions.get(wi[0], 0.0))
        scale = max((abs(v) for v in contributions.values()), default=0.0)
        order = QCoreApplication.translate("AsNumbers", "most positive effect first")
    else:
        order = QCoreApplication.translate("AsNumbers", "by vocabulary rank")
    items = []
    for word, index in words:
        effect = contributions.get(word) if contributions else None
        style = word_style(effect, scale) if effect is not None else ""
        tip = (
            QCoreApplication.translate("AsNumbers", "position %1").replace("%1", number(index))
            if effect is None
            # Signed with a decimal point in both languages of the app.
            else QCoreApplication.translate("AsNumbers", "position %1, effect %2")
            .replace("%1", number(index))
            .replace("%2", f"{effect:+.3f}")
        )
        items.append(
            f'<span style="{style}" title="{tip}">{html.escape(word)}</span>'
            f'<span style="color:#888;"><sub>{index}</sub></span>'
        )
    intro = (
        QCoreApplication.translate(
            "AsNumbers",
            "<b>What the model receives: a set, not a sentence.</b> <b>%1</b> of the %2 "
            "positions of the multi-hot vector are 1, one per distinct vocabulary word (%3); "
            "order and repeats are lost. Below: the decoded text, for reading.",
        )
        .replace("%1", number(len(ones)))
        .replace("%2", number(dataset.num_words))
        .replace("%3", order)
    )
    return f"{intro}<br>{' · '.join(items)}"
