"""The Evaluation tab's charts: the probability histogram by true class and the ROC curve.

Plain functions on ``pg.PlotWidget``s; the tab translates their texts (titles, axis
labels, legend names) in its own context and passes them in.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.common.scene_updates import coalesce_scene_updates

CLASS_COLOURS = {0: (214, 48, 49), 1: (46, 160, 67)}


def _still_chart() -> pg.PlotWidget:
    """A white plot with a grid that does not pan, zoom or open pyqtgraph's menu."""
    plot = pg.PlotWidget(background="w")
    coalesce_scene_updates(plot)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=True, y=True, alpha=0.25)
    return plot


def histogram_plot() -> pg.PlotWidget:
    """The empty histogram of P(positive), with a legend for the two true classes."""
    plot = _still_chart()
    plot.addLegend(offset=(-10, 10))
    return plot


def roc_plot() -> pg.PlotWidget:
    """The empty ROC plot, showing the unit square."""
    plot = _still_chart()
    plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.02)
    plot.getPlotItem().getViewBox().setLimits(xMin=-0.05, xMax=1.05, yMin=-0.05, yMax=1.05)
    return plot


def draw_histogram(
    plot: pg.PlotWidget, labels: np.ndarray, probs: np.ndarray, names: tuple[str, str]
) -> None:
    """Draw P(positive) in 20 bins, one filled step curve per true class.

    Args:
        plot: the plot from :func:`histogram_plot`.
        labels: the true label (0 or 1) of each review.
        probs: each review's P(positive).
        names: the legend names of the truly negative and truly positive reviews.
    """
    edges = np.linspace(0, 1, 21)
    for cls in (0, 1):
        counts, _ = np.histogram(probs[labels == cls], bins=edges)
        r, g, b = CLASS_COLOURS[cls]
        plot.plot(
            edges,
            counts,
            stepMode="center",
            fillLevel=0,
            brush=(r, g, b, 80),
            pen=pg.mkPen((r, g, b), width=2),
            name=names[cls],
        )


def draw_roc(plot: pg.PlotWidget, fpr: np.ndarray, tpr: np.ndarray) -> None:
    """Draw the ROC curve over the diagonal of a classifier that guesses."""
    plot.plot([0, 1], [0, 1], pen=pg.mkPen("#999", style=Qt.PenStyle.DashLine))
    plot.plot(fpr, tpr, pen=pg.mkPen("#1f5fa8", width=2))
