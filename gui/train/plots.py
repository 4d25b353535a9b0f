"""The Train tab's loss and accuracy plots side by side, with their tools.

The log-scale toggle, the glossary words, the overfitting note in plain words, the names
of overlaid runs, PNG export of each plot and CSV export of the history. Each plot is a
:class:`gui.train.metric_plot.MetricPlot`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from engine.book.explain import BOOK_BEST_EPOCH, overfitting_note
from gui.common.translate import Retranslating
from gui.help.dialogs import glossary_button
from gui.train.metric_plot import VAL_PEN, MetricPlot

__all__ = ["CSV_COLUMNS", "VAL_PEN", "HistoryPlots", "MetricPlot", "overfitting_text"]


CSV_COLUMNS = ("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds")
# The glossary words beside the log-scale toggle: (glossary key, label).
GLOSSARY_WORDS = (
    ("loss", QT_TRANSLATE_NOOP("HistoryPlots", "Loss")),
    ("accuracy", QT_TRANSLATE_NOOP("HistoryPlots", "Accuracy")),
    ("validation", QT_TRANSLATE_NOOP("HistoryPlots", "Validation")),
    ("epoch", QT_TRANSLATE_NOOP("HistoryPlots", "Epoch")),
)


def overfitting_text(loss: list[float], val_loss: list[float]) -> str | None:
    """:func:`engine.book.explain.overfitting_note` in the interface language."""
    if overfitting_note(loss, val_loss) is None:
        return None
    best = min(range(len(val_loss)), key=val_loss.__getitem__) + 1  # first lowest
    note = QCoreApplication.translate(
        "HistoryPlots",
        "From epoch {next} the model keeps getting better on its training reviews and worse "
        "on reviews it has not seen: it is memorising them.",
    ).format(next=best + 1)
    if best == BOOK_BEST_EPOCH:
        book = QCoreApplication.translate("HistoryPlots", "The book stops at epoch {book}.")
    else:
        book = QCoreApplication.translate(
            "HistoryPlots",
            "The book stops at epoch {book}, where its validation loss was lowest; this "
            "run's was lowest at epoch {best}.",
        )
    return f"{note} {book.format(book=BOOK_BEST_EPOCH, best=best)}"


class HistoryPlots(Retranslating, QWidget):
    """The loss and accuracy plots side by side, with the log-scale toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = MetricPlot("loss")
        self.accuracy_plot = MetricPlot("accuracy")
        self.log_check = QCheckBox()
        self.log_check.setObjectName("log_scale_check")
        self.log_check.toggled.connect(lambda on: self.loss_plot.setLogMode(y=on))
        self.export_loss_button = QPushButton()
        self.export_loss_button.setObjectName("export_loss_png_button")
        self.export_accuracy_button = QPushButton()
        self.export_accuracy_button.setObjectName("export_accuracy_png_button")
        self.export_csv_button = QPushButton()
        self.export_csv_button.setObjectName("export_csv_button")
        self.history: dict[str, list[float]] = {}
        self.best_epoch: int | None = None
        # Overfitting, said in plain words once the curves show it (engine.book.explain).
        self.overfitting_label = QLabel(objectName="overfitting_label")
        self.overfitting_label.setWordWrap(True)
        self.overfitting_label.setStyleSheet(
            "color: #7a4b00; background: #fff7e0; border: 1px solid #f0d48a;"
            "border-radius: 4px; padding: 4px 8px;"
        )
        self.overfitting_label.hide()
        # Overlaid runs are named here, under the plots, where long names wrap: in the
        # plots' own legends they widened the plots past their pane.
        self.overlay_legend = QLabel(objectName="overlay_legend")
        self.overlay_legend.setWordWrap(True)
        self.overlay_legend.setTextFormat(Qt.TextFormat.RichText)
        self.overlay_legend.hide()
        self.scrub_epoch: int | None = None

        # A flow layout: the toggle, the glossary words and the export buttons in one
        # row needed 880 px; they wrap onto a second row on a narrow screen.
        tools = QFlowLayout()
        tools.addWidget(self.log_check)
        self.glossary_labels: list[QLabel] = []
        for key, _text in GLOSSARY_WORDS:
            word = QWidget()
            pair = QHBoxLayout(word)
            pair.setContentsMargins(0, 0, 0, 0)
            label = QLabel()
            self.glossary_labels.append(label)
            pair.addWidget(label)
            pair.addWidget(glossary_button(key, self))
            tools.addWidget(word)
        for button in (
            self.export_loss_button,
            self.export_accuracy_button,
            self.export_csv_button,
        ):
            button.setEnabled(False)
            tools.addWidget(button)
        charts = QHBoxLayout()
        charts.addWidget(self.loss_plot)
        charts.addWidget(self.accuracy_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(charts, 1)
        layout.addWidget(self.overlay_legend)
        layout.addWidget(self.overfitting_label)
        layout.addLayout(tools)
        self.retranslate()

    def retranslate(self) -> None:
        self.log_check.setText(self.tr("Log scale (loss)"))
        self.log_check.setToolTip(
            self.tr(
                "Show the loss on a logarithmic axis, which makes the late,\n"
                "small changes and the start of overfitting easier to see."
            )
        )
        self.export_loss_button.setText(self.tr("Export loss PNG..."))
        self.export_accuracy_button.setText(self.tr("Export accuracy PNG..."))
        self.export_csv_button.setText(self.tr("Export history CSV..."))
        for label, (_key, text) in zip(self.glossary_labels, GLOSSARY_WORDS, strict=True):
            label.setText(self.tr(text))
        self._show_overfitting()

    def _show_overfitting(self) -> None:
        note = overfitting_text(self.history.get("loss", []), self.history.get("val_loss", []))
        self.overfitting_label.setText(note or "")
        self.overfitting_label.setVisible(note is not None)

    def clear(self) -> None:
        self.set_history({}, None)

    def warm_up(self) -> None:
        """Draw a made-up two-epoch history once, off screen, then show what was there.

        The first real epoch otherwise pays for pyqtgraph's one-time work (symbol atlas,
        label fonts, the best-epoch label) in the middle of training, a visible pause.
        """
        sample = {
            "loss": [0.5, 0.3],
            "val_loss": [0.4, 0.35],
            "accuracy": [0.8, 0.9],
            "val_accuracy": [0.85, 0.86],
        }
        plots = (self.loss_plot, self.accuracy_plot)
        ranges = [plot.getViewBox().viewRange() for plot in plots]
        shown = (self.history, self.best_epoch)  # a restored run may be on the plots already
        self.set_history(sample, 2)
        self.grab()
        self.set_history(*shown)
        for plot, (x_range, y_range) in zip(plots, ranges):
            plot.getViewBox().setRange(xRange=x_range, yRange=y_range, padding=0)
            plot.getViewBox().enableAutoRange()

    def set_history(self, history: dict[str, list[float]], best_epoch: int | None = None) -> None:
        """Show ``history`` on both plots, with ``best_epoch`` marked."""
        self.history = {k: list(v) for k, v in history.items()}
        self.best_epoch = best_epoch
        self.loss_plot.set_history(self.history, best_epoch)
        self.accuracy_plot.set_history(self.history, best_epoch)
        self.mark_epoch(self.scrub_epoch)
        self._show_overfitting()
        has_data = bool(self.history.get("loss"))
        for button in (
            self.export_loss_button,
            self.export_accuracy_button,
            self.export_csv_button,
        ):
            button.setEnabled(has_data)

    def mark_epoch(self, epoch: int | None) -> None:
        """Mark the scrubber's epoch on both plots (None: no marker)."""
        self.scrub_epoch = epoch
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.mark_epoch(epoch)

    def export_csv(self, path: str | Path) -> Path:
        """Write one row per epoch with every metric the history holds."""
        epochs = len(self.history.get("loss", []))
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for i in range(epochs):
                row = [i + 1]
                for key in CSV_COLUMNS[1:]:
                    values = self.history.get(key, [])
                    row.append(f"{values[i]:.6g}" if i < len(values) else "")
                writer.writerow(row)
        return Path(path)
