"""The Evaluation tab's confusion matrix: a 2x2 heatmap of clickable cells.

A click names the cell (true label, predicted label); the tab turns it into a filter of
the Reviews tab.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from gui.common.localized import number, percent
from gui.common.translate import Retranslating

NAMES = (  # translated where they are shown
    QT_TRANSLATE_NOOP("ConfusionMatrix", "negative"),
    QT_TRANSLATE_NOOP("ConfusionMatrix", "positive"),
)
CELL_NAMES = (
    (
        QT_TRANSLATE_NOOP("ConfusionMatrix", "True negatives"),
        QT_TRANSLATE_NOOP("ConfusionMatrix", "False positives"),
    ),
    (
        QT_TRANSLATE_NOOP("ConfusionMatrix", "False negatives"),
        QT_TRANSLATE_NOOP("ConfusionMatrix", "True positives"),
    ),
)
CELL_TIPS = (
    (
        QT_TRANSLATE_NOOP(
            "ConfusionMatrix",
            "Show these reviews (truly negative, predicted negative) in the Reviews tab.",
        ),
        QT_TRANSLATE_NOOP(
            "ConfusionMatrix",
            "Show these reviews (truly negative, predicted positive) in the Reviews tab.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP(
            "ConfusionMatrix",
            "Show these reviews (truly positive, predicted negative) in the Reviews tab.",
        ),
        QT_TRANSLATE_NOOP(
            "ConfusionMatrix",
            "Show these reviews (truly positive, predicted positive) in the Reviews tab.",
        ),
    ),
)


class ConfusionMatrix(Retranslating, QWidget):
    """A 2x2 heatmap of clickable cells; ``cell_clicked(true_label, predicted_label)``."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts = np.zeros((2, 2), dtype=np.int64)
        grid = QGridLayout(self)
        self.corner = QLabel()
        grid.addWidget(self.corner, 0, 0)
        self.names: list[tuple[QLabel, str]] = []  # (label, untranslated class name)
        for j, name in enumerate(NAMES):
            column = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            row_label = QLabel()
            grid.addWidget(column, 0, j + 1)
            grid.addWidget(row_label, j + 1, 0)
            self.names += [(column, name), (row_label, name)]
        self.cells: list[list[QPushButton]] = []
        for t in range(2):
            row = []
            for p in range(2):
                button = QPushButton("—")
                button.setMinimumSize(150, 80)
                button.clicked.connect(lambda _=False, t=t, p=p: self.cell_clicked.emit(t, p))
                grid.addWidget(button, t + 1, p + 1)
                row.append(button)
            self.cells.append(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.corner.setText(self.tr("<b>Predicted →</b><br><b>True ↓</b>"))
        for label, name in self.names:
            label.setText(f"<b>{self.tr(name)}</b>")
        for t in range(2):
            for p in range(2):
                self.cells[t][p].setToolTip(self.tr(CELL_TIPS[t][p]))
        self.set_counts(self._counts)

    def set_counts(self, confusion) -> None:
        counts = np.asarray(confusion, dtype=np.int64).reshape(2, 2)
        self._counts = counts
        total = max(int(counts.sum()), 1)
        top = max(int(counts.max()), 1)
        for t in range(2):
            for p in range(2):
                n = int(counts[t, p])
                strength = n / top
                # A single blue scale, as a heatmap; dark cells get white text.
                colour = QColor.fromRgbF(
                    1 - 0.85 * strength, 1 - 0.55 * strength, 1 - 0.1 * strength
                )
                text_colour = "white" if strength > 0.55 else "black"
                button = self.cells[t][p]
                button.setText(f"{self.tr(CELL_NAMES[t][p])}\n{number(n)}\n{percent(n / total)}")
                button.setStyleSheet(
                    f"QPushButton {{ background: {colour.name()}; color: {text_colour};"
                    " border: 1px solid #8aa; font-size: 13px; }"
                    " QPushButton:hover { border: 2px solid #333; }"
                )
