"""The Predict tab's headline: the verdict in large type and the P(positive) bar.

Its texts are in the "PredictTab" translation context, as when they were the tab's own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from gui.common.localized import decimal
from gui.common.progress_bar import ProgressBar


def probability_tip() -> str:
    """What P(positive) is (and is not), for the verdict's and the bar's tooltips."""
    return QCoreApplication.translate(
        "PredictTab",
        "P(positive) is the model's output: the sigmoid of its last layer, a number between\n"
        "0 and 1. Above 0.5 the review counts as positive. It is not a calibrated confidence:\n"
        "0.92 does not mean the model is right 92% of the time. See the glossary (Help).",
    )


def verdict_text(probability: float, uninformative: bool) -> str:
    """The headline: the verdict and P(positive), or that the model cannot tell."""
    p = decimal(probability, 2)
    if uninformative:
        return QCoreApplication.translate(
            "PredictTab",
            "The model cannot tell: it knows none of these words "
            "(P(positive) = {p} is only its built-in bias)",
        ).format(p=p)
    if probability >= 0.5:
        return QCoreApplication.translate("PredictTab", "Positive — P(positive) = {p}").format(p=p)
    return QCoreApplication.translate("PredictTab", "Negative — P(positive) = {p}").format(p=p)


def verdict_label() -> QLabel:
    """The empty verdict: large bold type that wraps."""
    label = QLabel()
    label.setObjectName("verdict")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def probability_bar() -> ProgressBar:
    """The empty P(positive) bar, in thousandths."""
    bar = ProgressBar()
    bar.setRange(0, 1000)
    bar.setTextVisible(True)
    bar.setMinimumHeight(34)
    return bar


def show_verdict(
    verdict: QLabel, bar: ProgressBar, probability: float, uninformative: bool
) -> None:
    """Show ``probability`` on the headline: green positive, red negative, grey unknown."""
    positive = probability >= 0.5
    verdict.setText(verdict_text(probability, uninformative))
    colour = "#555" if uninformative else ("#1b7f3b" if positive else "#c62828")
    verdict.setStyleSheet(f"color: {colour};")
    bar.setValue(round(probability * 1000))
    bar.setFormat(
        QCoreApplication.translate("PredictTab", "P(positive) = {p}").format(
            p=decimal(probability, 3)
        )
    )
    chunk = "#9e9e9e" if uninformative else ("#2ea043" if positive else "#d63031")
    # Once any sub-control is styled Qt draws the whole bar itself, so text and frame too.
    bar.setStyleSheet(
        "QProgressBar { border: 1px solid #999; border-radius: 3px; "
        "text-align: center; font-weight: bold; }"
        f" QProgressBar::chunk {{ background: {chunk}; }}"
    )
