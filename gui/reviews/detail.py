"""The detail pane of the review browser: one review, read in full, with the model's view."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen, QTextCursor, QTextFormat
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from engine.errors import LabError
from gui.common.as_numbers import AsNumbersView, is_keras_source, model_set_html
from gui.common.highlight import decoded_html, escape_plain, highlight_html, legend_html
from gui.common.localized import decimal, plural
from gui.common.translate import Retranslating
from gui.reviews.table_model import rating_text

SEARCH_COLOUR = "#ffe066"  # the searched text, like a highlighter pen


def explanation_parts(explanation):
    """``(probability, spans)`` from a ``Predictor.explain`` result."""
    return float(explanation.probability), list(explanation.spans)


class ReviewDetail(Retranslating, QWidget):
    """Full text, rating, label, IMDb link and the model's word-by-word reading of one review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_detail")
        self._dataset = None
        self._row: int | None = None
        self._predictor = None
        self._search = ""

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.model_view = QCheckBox()
        self.model_view.toggled.connect(self._render)
        self.numbers_check = QCheckBox(objectName="as_numbers_check")
        self.numbers = AsNumbersView()
        self.numbers.hide()
        self.numbers_check.toggled.connect(self._render)
        # "As the model sees it": the set the multi-hot model receives, above the decoded text.
        self.model_set = QTextBrowser(objectName="model_set_view")
        self.model_set.setMaximumHeight(130)
        self.model_set.hide()
        self.text = QTextBrowser()
        self.text.setObjectName("review_text")
        self.text.setOpenLinks(False)  # a review can't make us navigate anywhere
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.link)
        layout.addWidget(self.model_view)
        layout.addWidget(self.numbers_check)
        layout.addWidget(self.numbers)
        layout.addWidget(self.model_set)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.legend)
        self.retranslate()

    def retranslate(self) -> None:
        self.model_view.setText(self.tr("As the model sees it (an unordered set of known words)"))
        self.model_view.setToolTip(
            self.tr(
                "Show the review the way the network receives it: the set of distinct words\n"
                "from its vocabulary (one 1 in the multi-hot vector each), then the decoded\n"
                "text with every other word replaced by ?."
            )
        )
        self.numbers_check.setText(self.tr("As numbers (word indices and the multi-hot vector)"))
        self.numbers_check.setToolTip(
            self.tr(
                "What the network is really given: the review's word indices, and the "
                "vector with a 1 at the index of every word the review uses."
            )
        )
        self.legend.setText(legend_html())
        self._render()

    def show_review(self, dataset, row: int | None, predictor=None, search: str = "") -> None:
        """Show review ``row`` of ``dataset`` (None clears the pane), ``search`` marked."""
        self._search = search.strip()
        if dataset is not None and dataset is not self._dataset and is_keras_source(dataset):
            self.numbers_check.setChecked(True)  # the book shows these reviews as numbers
        self._dataset, self._row, self._predictor = dataset, row, predictor
        self._render()

    def _render(self) -> None:
        ds, i = self._dataset, self._row
        wanted = self.numbers_check.isChecked() and i is not None
        self.numbers.setVisible(wanted)
        if wanted:
            self.numbers.show_review(ds, i)
        if ds is None or i is None:
            self.header.setText(self.tr("Select a review in the table to read it here."))
            self.link.clear()
            self.text.clear()
            self.model_set.hide()
            self.legend.hide()
            return
        positive = ds.label[i] == 1
        title = (
            self.tr("Train review {id}") if ds.split[i] == 0 else self.tr("Test review {id}")
        ).format(id=int(ds.review_id[i]))
        truth = self.tr("positive") if positive else self.tr("negative")
        words = plural(self.tr("%n word(s)", "", int(ds.n_words[i])), int(ds.n_words[i]))
        if ds.rating.any():
            facts = self.tr(
                "<b>{title}</b> · rating {rating} · true label <b>{label}</b> · {words}"
            ).format(
                title=title,
                rating=rating_text(ds, i) or self.tr("unknown", "rating"),
                label=truth,
                words=words,
            )
        else:  # data without ratings (your own reviews): nothing to say
            facts = self.tr("<b>{title}</b> · true label <b>{label}</b> · {words}").format(
                title=title, label=truth, words=words
            )
        text = ds.text(i)
        body = None
        verdict = self.tr("No model yet: train one to see what it thinks of this review.")
        contributions = None
        if self._predictor is not None:
            try:
                explanation = self._predictor.explain(text)
                contributions = dict(explanation.contributions)
                probability, spans = explanation_parts(explanation)
                guessed_positive = probability >= 0.5
                right = guessed_positive == positive
                colour = "#1b7f3b" if right else "#c62828"
                if guessed_positive:
                    guess = self.tr("positive (right)") if right else self.tr("positive (wrong)")
                else:
                    guess = self.tr("negative (right)") if right else self.tr("negative (wrong)")
                verdict = self.tr("Model: P(positive) = <b>{p}</b> → {verdict}").format(
                    p=decimal(probability, 3),
                    verdict=f'<span style="color:{colour};"><b>{guess}</b></span>',
                )
                body = highlight_html(text, spans)
            except LabError as exc:
                verdict = html.escape(str(exc))
        self.header.setText(facts + "<br>" + verdict)
        url = ds.url(i)
        if url.startswith(("http://", "https://")):
            safe = html.escape(url, quote=True)
            self.link.setText(self.tr("IMDb: {link}").format(link=f'<a href="{safe}">{safe}</a>'))
        elif not len(ds.url_blob) and not is_keras_source(ds):
            self.link.clear()  # data without links (your own reviews)
        else:
            self.link.setText(
                self.tr("The book's copy (keras.datasets.imdb) has no ratings or IMDb links.")
                if is_keras_source(ds)
                else self.tr("IMDb link: not known for this review.")
            )
        self.model_set.setVisible(self.model_view.isChecked())
        if self.model_view.isChecked():
            self.model_set.setHtml(model_set_html(ds, i, contributions))
            self.text.setHtml(decoded_html(ds.decoded(i)))
        else:
            self.text.setHtml(body if body is not None else escape_plain(text))
        self._mark_search()
        self.legend.setVisible(body is not None and not self.model_view.isChecked())

    def _mark_search(self) -> int:
        """Mark every occurrence of the searched text and scroll to the first; returns the count."""
        marks = []
        if self._search:
            document = self.text.document()
            cursor = document.find(self._search)
            while not cursor.isNull() and len(marks) < 500:
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor
                mark.format.setBackground(QColor(SEARCH_COLOUR))
                mark.format.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor("#b8860b")))
                marks.append(mark)
                cursor = document.find(self._search, cursor)
        self.text.setExtraSelections(marks)
        if marks:
            first = QTextCursor(marks[0].cursor)
            first.setPosition(first.selectionStart())
            self.text.setTextCursor(first)
            self.text.ensureCursorVisible()
        return len(marks)
