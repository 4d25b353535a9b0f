"""One metric's plot (training vs validation per epoch), like the book's figures.

A legend that fits the plot's width, a hover read-out of the exact values at the nearest
epoch, a labelled marker at the epoch with the lowest validation loss, a marker at the
scrubber's epoch, and PNG export through ``pyqtgraph.exporters``.
"""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontMetrics

from gui.common.localized import decimal
from gui.common.scene_updates import coalesce_scene_updates, mark_scene_changed
from gui.common.translate import Retranslating

TRAIN_COLOUR, VAL_COLOUR = "#1f77b4", "#d62728"
TRAIN_PEN = pg.mkPen(TRAIN_COLOUR, width=2)
VAL_PEN = pg.mkPen(VAL_COLOUR, width=2)
BEST_PEN = pg.mkPen("#2ca02c", width=1.5, style=Qt.PenStyle.DashLine)
# The scrubber's epoch: the model every tab uses is the one after this epoch.
SCRUB_PEN = pg.mkPen("#333333", width=2, style=Qt.PenStyle.DotLine)
# The points' outline and fills as Qt objects, made once: pyqtgraph caches a drawn symbol by
# the identity of its pen and brush, so colours given as strings made a new pen, brush and
# symbol drawing for every curve at every epoch.
SYMBOL_PEN = pg.mkPen((200, 200, 200))  # pyqtgraph's default outline
TRAIN_BRUSH = pg.mkBrush(TRAIN_COLOUR)
VAL_BRUSH = pg.mkBrush(VAL_COLOUR)
TITLES = {  # metric key -> plot title and axis label
    "loss": QT_TRANSLATE_NOOP("MetricPlot", "Loss"),
    "accuracy": QT_TRANSLATE_NOOP("MetricPlot", "Accuracy"),
}


class FittingLegend(pg.LegendItem):
    """A legend that refits its plot whenever an entry comes or goes (overlaid runs)."""

    def __init__(self, plot: MetricPlot, **kwargs) -> None:
        super().__init__(**kwargs)
        self._plot = plot

    def addItem(self, item, name) -> None:  # noqa: N802 - pyqtgraph's name
        super().addItem(item, name)
        self._plot.refit()

    def removeItem(self, item) -> None:  # noqa: N802 - pyqtgraph's name
        super().removeItem(item)
        self._plot.refit()


class MetricPlot(Retranslating, pg.PlotWidget):
    """One metric: training curve, validation curve, best-epoch marker, hover read-out."""

    def __init__(self, key: str, title: str | None = None, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.key = key
        # The title is translated from the key; another metric keeps the title it is given.
        self._title = TITLES.get(key, title or key)
        self.setObjectName(f"{key}_plot")
        # The narrowest the axis, title and a one-column legend fit in: narrower, pyqtgraph
        # draws the plot past its widget's edge.
        self.setMinimumWidth(230)
        self.showGrid(x=True, y=True, alpha=0.25)
        # Losses are small numbers; an SI prefix ("x0.001") on the axis only confuses.
        self.getAxis("left").enableAutoSIPrefix(False)
        self.getAxis("bottom").setTickSpacing(major=5, minor=1)
        # Two tick levels, not three: the finest grid lines were barely visible and made
        # up 40% of each repaint (10 of 24 ms for both plots), in the middle of training.
        for side in ("left", "bottom"):
            self.getAxis(side).setStyle(maxTickLevel=1)
        # The legend gets its own row under the axis: inside the plot it always covered
        # some curve or the best-epoch label. As the PlotItem's legend, it also lists the
        # named curves others add (the Runs tab's overlay).
        self.legend = FittingLegend(self, colCount=2)
        # The legend never sets the plot's width (it used to push the plot past its pane):
        # short entry names, and no minimum width of its own.
        self.legend.setMinimumWidth(0)
        self.plotItem.layout.addItem(self.legend, 4, 1)
        self.plotItem.legend = self.legend
        self.train_curve = self.plot(
            [],
            [],
            pen=TRAIN_PEN,
            symbol="o",
            symbolSize=6,
            symbolPen=SYMBOL_PEN,
            symbolBrush=TRAIN_BRUSH,
            name="Training",  # names in retranslate()
        )
        self.val_curve = self.plot(
            [],
            [],
            pen=VAL_PEN,
            symbol="s",
            symbolSize=6,
            symbolPen=SYMBOL_PEN,
            symbolBrush=VAL_BRUSH,
            name="Validation",
        )
        # pyqtgraph re-sets a curve's symbols whenever the y range moves, to guard against
        # values a million times beyond the view; that was a quarter of an epoch's plot
        # update. These values are bounded (accuracy 0-1; Keras clips cross-entropy below
        # 17) and the view cannot be zoomed in further than 1e-4, so the guard never acts.
        for curve in (self.train_curve, self.val_curve):
            curve.setDynamicRangeLimit(None)
        self.getViewBox().setLimits(minYRange=1e-4)
        self.best_line = self._marker(BEST_PEN, 0.12, "#2ca02c", 200)
        # A see-through box: near the top it lies over the training accuracy curve,
        # whose points must stay visible under it.
        self.scrub_line = self._marker(SCRUB_PEN, 0.9, "#333333", 130)
        self.hover_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#999", width=1))
        self.hover_line.hide()
        self.addItem(self.hover_line, ignoreBounds=True)
        self.hover_text = pg.TextItem(color="#111", fill=(255, 255, 220, 230), anchor=(0, 1))
        self.hover_text.setZValue(10)
        self.hover_text.hide()
        self.addItem(self.hover_text, ignoreBounds=True)
        self.history: dict[str, list[float]] = {}
        self.scene().sigMouseMoved.connect(self._hover)
        coalesce_scene_updates(self)
        self.best_epoch: int | None = None
        self.scrub_epoch: int | None = None
        self.retranslate()

    def _marker(self, pen, position: float, colour: str, alpha: int) -> pg.InfiniteLine:
        """A hidden vertical line at an epoch, with a label on a white box."""
        line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pen,
            label="",
            labelOpts={"position": position, "color": colour, "fill": (255, 255, 255, alpha)},
        )
        line.hide()
        self.addItem(line, ignoreBounds=True)
        return line

    def retranslate(self) -> None:
        if not self._laid_out():  # a closed plot still gets the language-change event
            return
        title = self.tr(self._title)
        self.setTitle(title, color="#222", size="11pt")
        self.setLabel("bottom", self.tr("Epoch"))
        self.setLabel("left", title)
        names = {self.train_curve: self.tr("Training"), self.val_curve: self.tr("Validation")}
        for sample, label in self.legend.items:
            name = names.get(sample.item)
            if name is not None:
                label.__dict__["full_text"] = name
                label.setText(name)
        self.refit()
        self.set_history(self.history, self.best_epoch)
        self.mark_epoch(self.scrub_epoch)

    def fit_legend(self) -> int:
        """Fit the legend to the plot's width; returns its number of columns.

        The legend sits in the plot's own layout, so entries wider than the plot pushed
        the axes out of view on a narrow screen: names too long for the width are elided
        in the middle (the full name stays in the entry's tooltip), and the entries take
        as many columns as fit.
        """
        items = self.legend.items
        if not items:
            return self.legend.columnCount
        room = self.width() - self.getAxis("left").width() - 20
        widest = max(40, room - 40)  # one column: sample (20 px) and spacing beside it
        for _sample, label in items:
            full = label.__dict__.setdefault("full_text", label.text)
            metrics = QFontMetrics(label.item.font())
            shown = metrics.elidedText(full, Qt.TextElideMode.ElideMiddle, int(widest))
            if shown != label.text:
                label.setText(shown)
                label.item.setToolTip(full if shown != full else "")
        entries = [
            sample.boundingRect().width() + label.item.boundingRect().width() + 15
            for sample, label in items
        ]
        columns = max(1, min(len(entries), int(room // max(entries))))
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)
        return columns

    def _laid_out(self) -> bool:
        """False while pyqtgraph builds the plot (it resizes early) and after it is closed."""
        return "legend" in self.__dict__ and self.__dict__.get("plotItem") is not None

    def refit(self) -> None:
        """Lay the legend and then the plot out again (entries were added or removed)."""
        if not self._laid_out():
            return
        self.fit_legend()
        self.legend.updateSize()
        self.plotItem.layout.activate()
        super().resizeEvent(None)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # The legend first: the plot item is then laid out with the legend's new width.
        if self._laid_out():
            self.fit_legend()
            self.legend.updateSize()
            self.plotItem.layout.activate()
        super().resizeEvent(event)

    def set_history(self, history: dict[str, list[float]], best_epoch: int | None) -> None:
        self.history = history
        self.best_epoch = best_epoch
        train = history.get(self.key, [])
        val = history.get(f"val_{self.key}", [])
        mark_scene_changed(self)
        self.train_curve.setData(list(range(1, len(train) + 1)), train)
        self.val_curve.setData(list(range(1, len(val) + 1)), val)
        if best_epoch and 0 < best_epoch <= len(val):
            self.best_line.setValue(best_epoch)
            self.best_line.label.setFormat(
                self.tr("lowest val loss: epoch {epoch}\n{metric} {value}").format(
                    epoch=best_epoch,
                    metric=self.tr(self._title).lower(),
                    value=decimal(val[best_epoch - 1], 4),
                )
            )
            self.best_line.show()
        else:
            self.best_line.hide()

    def point_count(self) -> tuple[int, int]:
        """(training points, validation points) currently drawn."""
        xs, _ = self.train_curve.getData()
        vs, _ = self.val_curve.getData()
        return (0 if xs is None else len(xs), 0 if vs is None else len(vs))

    def hover_at(self, epoch: int) -> str:
        """Show and return the read-out for ``epoch`` (also used by tests)."""
        train = self.history.get(self.key, [])
        val = self.history.get(f"val_{self.key}", [])
        if not train or not 1 <= epoch <= len(train):
            self.hover_text.hide()
            self.hover_line.hide()
            return ""
        metric = self.tr(self._title).lower()
        lines = [
            self.tr("Epoch {epoch}").format(epoch=epoch),
            self.tr("training {metric}: {value}").format(
                metric=metric, value=decimal(train[epoch - 1], 4)
            ),
        ]
        if epoch <= len(val):
            lines.append(
                self.tr("validation {metric}: {value}").format(
                    metric=metric, value=decimal(val[epoch - 1], 4)
                )
            )
        text = "\n".join(lines)
        self.hover_text.setText(text)
        y = train[epoch - 1]
        if self.getPlotItem().ctrl.logYCheck.isChecked():
            y = math.log10(max(y, 1e-12))
        # Right of the point in the left half, left of it in the right half, so the
        # read-out of the last epoch (the one most looked at) is never cut off.
        (x_low, x_high), (y_low, y_high) = self.getViewBox().viewRange()
        right_half = epoch > (x_low + x_high) / 2
        upper_half = y > (y_low + y_high) / 2
        self.hover_text.setAnchor((1.0 if right_half else 0.0, 0.0 if upper_half else 1.0))
        self.hover_text.setPos(epoch, y)
        self.hover_line.setValue(epoch)
        self.hover_text.show()
        self.hover_line.show()
        return text

    def hide_hover(self) -> None:
        if self.__dict__.get("closed"):  # closing: scene().clear() already deleted them
            return
        self.hover_text.hide()
        self.hover_line.hide()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        # The scene reports no move once the mouse has left: the read-out must go now.
        self.hide_hover()
        super().leaveEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hide_hover()  # a tab switch: nothing stays behind for the next visit
        super().hideEvent(event)

    def mark_epoch(self, epoch: int | None) -> None:
        """Mark the scrubber's epoch (None: the run's final model, no marker)."""
        self.scrub_epoch = epoch
        train = self.history.get(self.key, [])
        if epoch is None or not 1 <= epoch <= len(train):
            self.scrub_line.hide()
            return
        self.scrub_line.setValue(epoch)
        self.scrub_line.show()  # before the text: a hidden label does not update it
        # The text opens towards the middle of the plot, so neither end cuts it off.
        (x_low, x_high), _ = self.getViewBox().viewRange()
        side = 1.0 if epoch > (x_low + x_high) / 2 else 0.0
        self.scrub_line.label.anchors = [(side, 0.0), (side, 0.0)]
        self.scrub_line.label.setFormat(
            " {} ".format(self.tr("in use: epoch {epoch}").format(epoch=epoch))
        )

    def _hover(self, pos) -> None:
        if not self.history or not self.sceneBoundingRect().contains(pos):
            self.hover_text.hide()
            self.hover_line.hide()
            return
        x = self.getPlotItem().vb.mapSceneToView(pos).x()
        self.hover_at(int(round(x)))

    def export_png(self, path: str | Path) -> Path:
        exporter = pyqtgraph.exporters.ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = max(800, int(self.width()))
        exporter.export(str(path))
        return Path(path)
