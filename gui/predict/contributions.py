"""The Predict tab's word tables: the words pushing the verdict most, each way.

The effect of a word is how much P(positive) drops when it is removed from the review
(``Predictor.explain``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from gui.common.localized import signed

TOP_WORDS = 10


def top_words(contributions: dict[str, float]) -> tuple[list, list]:
    """The ``TOP_WORDS`` strongest (word, effect) pairs pushing positive and negative."""
    ranked = sorted(contributions.items(), key=lambda kv: kv[1])
    # Effects that round to 0.000 say nothing; leave them out of the top lists.
    positive = [kv for kv in reversed(ranked) if kv[1] >= 0.0005][:TOP_WORDS]
    negative = [kv for kv in ranked if kv[1] <= -0.0005][:TOP_WORDS]
    return positive, negative


def word_table() -> QTableWidget:
    """An empty, read-only two-column table (word, effect); the tab sets its headers."""
    table = QTableWidget(0, 2)  # header texts in PredictTab.retranslate()
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def fill_word_table(table: QTableWidget, rows: list[tuple[str, float]]) -> None:
    """Show ``rows`` of (word, effect), the effect signed with three decimals."""
    table.setRowCount(len(rows))
    for r, (word, value) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(word))
        item = QTableWidgetItem(signed(value, 3))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, 1, item)
