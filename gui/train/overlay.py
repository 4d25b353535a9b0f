"""Overlaying past runs (and repeat bands) on the Train tab's loss and accuracy plots.

The Runs tab publishes what to overlay through ``AppState.overlay_runs``; an
:class:`OverlayPainter` attached to the two pyqtgraph plots draws it, so the Train tab
only needs one line: ``OverlayPainter(loss_plot, accuracy_plot).connect(state)``.

Payload (``dict``): ``runs`` — list of run dicts with ``id``, ``name`` and ``epochs``
(epoch rows from ``RunStore.epochs``); ``current_id`` — the run drawn highlighted;
``bands`` — list of dicts ``{"name": str, "bands": {metric: engine.runs.experiments.Band}}``.
``None`` or an empty payload clears the overlay.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

# (plot, validation metric, training metric): validation solid, training dashed.
PLOTS = (("loss", "val_loss", "loss"), ("accuracy", "val_accuracy", "accuracy"))


# Red means validation and blue training everywhere in the app (plots, legends), and green
# marks the best epoch: overlaid runs use none of them.
OVERLAY_COLORS = (
    "#9467bd",  # purple
    "#ff7f0e",  # orange
    "#17becf",  # cyan
    "#00a087",  # teal
    "#e377c2",  # pink
    "#bcbd22",  # olive
    "#393b79",  # indigo
    "#7f7f7f",  # grey
)


def run_color(index: int) -> pg.QtGui.QColor:
    """A distinct colour per overlaid run, never the validation red or the training blue."""
    return pg.mkColor(OVERLAY_COLORS[index % len(OVERLAY_COLORS)])


def _short(name: str, limit: int = 26) -> str:
    """A legend entry: the end of a long name says most (its seed, "(current)")."""
    if len(name) <= limit:
        return name
    return name[: limit // 2 - 1] + "…" + name[-(limit // 2) :]


def _series(epochs: list[dict], key: str) -> tuple[list[int], list[float]]:
    xs, ys = [], []
    for row in epochs:
        value = row.get(key)
        if value is not None:
            xs.append(int(row["epoch"]))
            ys.append(float(value))
    return xs, ys


class OverlayPainter:
    """Draws and removes overlay items on a loss plot and an accuracy plot."""

    def __init__(self, loss_plot, accuracy_plot, legend=None, plotted=None) -> None:
        """``legend``: a QLabel that names the overlaid runs instead of the plots' legends
        (which then keep their size however long the names are). ``plotted``: returns the
        id of the run the plots draw themselves (blue and red); it is not drawn again."""
        self.plotted = plotted
        self.payload: dict | None = None
        self.plots = {"loss": _plot_item(loss_plot), "accuracy": _plot_item(accuracy_plot)}
        self.items: dict[str, list] = {"loss": [], "accuracy": []}
        self.legend = legend
        self.entries: list[tuple[str, str]] = []  # (name, colour) shown in ``legend``

    def connect(self, state) -> OverlayPainter:
        state.overlay_runs.connect(self.show)
        return self

    def clear(self) -> None:
        for name, items in self.items.items():
            for item in items:
                self.plots[name].removeItem(item)
            items.clear()
        self.entries = []
        self._show_legend()

    def _show_legend(self) -> None:
        if self.legend is None:
            return
        # Short entries, at most two lines: a laptop's plots must keep their height. The
        # full names are in the tooltip.
        parts = [
            f'<span style="color:{color}">━━</span>&nbsp;{html.escape(_short(name))}'
            for name, color in self.entries
        ]
        self.legend.setText(
            QCoreApplication.translate("OverlayPainter", "<b>Overlaid:</b> {runs}").format(
                runs=" · ".join(parts)
            )
        )
        self.legend.setToolTip(
            QCoreApplication.translate(
                "OverlayPainter", "Solid lines: validation, dashed lines: training."
            )
            + "\n"
            + "\n".join(name for name, _color in self.entries)
        )
        lines = self.legend.fontMetrics().lineSpacing()
        self.legend.setMaximumHeight(2 * lines + 4)
        self.legend.setVisible(bool(parts))

    def show(self, payload: dict | None) -> None:
        """Replace whatever was overlaid with ``payload`` (see the module docstring)."""
        self.payload = payload
        self.clear()
        if not payload:
            return
        current = payload.get("current_id")
        plotted = self.plotted() if self.plotted is not None else None
        for index, run in enumerate(payload.get("runs") or []):
            if plotted is not None and run.get("id") == plotted:
                # Drawn over the plots' own curves it hid the validation red.
                self.entries.append(
                    (
                        QCoreApplication.translate(
                            "OverlayPainter", "{name} (on the plots)"
                        ).format(name=_run_name(run)),
                        "#d62728",
                    )
                )
                continue
            self._draw_run(run, run_color(index), highlighted=run.get("id") == current)
        for index, band in enumerate(payload.get("bands") or []):
            self._draw_band(band, run_color(len(payload.get("runs") or []) + index))
        self._show_legend()

    def redraw(self) -> None:
        """Draw the last payload again (the plots now show another run)."""
        self.show(self.payload)

    def named_items(self, plot: str) -> list[str]:
        """Legend names of the overlay items on ``plot`` (``"loss"`` or ``"accuracy"``)."""
        return [i.name() for i in self.items[plot] if hasattr(i, "name") and i.name()]

    def _add(self, plot: str, item) -> None:
        target = self.plots[plot]
        if self.legend is None:
            target.addItem(item)
        else:
            # PlotItem.addItem lists named items in its legend; removing them afterwards
            # re-laid the legend out one entry per row. Named in ``legend`` instead.
            legend, target.legend = target.legend, None
            try:
                target.addItem(item)
            finally:
                target.legend = legend
        self.items[plot].append(item)

    def _draw_run(self, run: dict, color, highlighted: bool) -> None:
        width = 3.5 if highlighted else 1.5
        name = _run_name(run)
        if highlighted:
            name = QCoreApplication.translate("OverlayPainter", "{name} (current)").format(
                name=name
            )
        self.entries.append((name, pg.mkColor(color).name()))
        for plot, val_key, train_key in PLOTS:
            xs, ys = _series(run.get("epochs") or [], val_key)
            if xs:  # only the validation curve gets a legend entry, one per run
                self._add(
                    plot,
                    pg.PlotDataItem(
                        xs,
                        ys,
                        pen=pg.mkPen(color, width=width),
                        symbol="o",
                        symbolSize=4,
                        symbolBrush=color,
                        name=QCoreApplication.translate(
                            "OverlayPainter", "{name} validation"
                        ).format(name=name),
                    ),
                )
            xs, ys = _series(run.get("epochs") or [], train_key)
            if xs:
                self._add(
                    plot,
                    pg.PlotDataItem(
                        xs,
                        ys,
                        name=QCoreApplication.translate("OverlayPainter", "{name} training").format(
                            name=name
                        ),
                        pen=pg.mkPen(color, width=width, style=Qt.PenStyle.DashLine),
                    ),
                )

    def _draw_band(self, band: dict, color) -> None:
        fill = pg.mkColor(color)
        fill.setAlpha(60)
        name = str(band.get("name") or QCoreApplication.translate("OverlayPainter", "Repeat"))
        self.entries.append(
            (
                QCoreApplication.translate(
                    "OverlayPainter", "{name}: mean of the seeds, band from min to max"
                ).format(name=name),
                fill.name(),
            )
        )
        for plot, val_key, train_key in PLOTS:
            metric = band["bands"].get(val_key) or band["bands"].get(train_key)
            if metric is None:
                continue
            mean = (
                QCoreApplication.translate(
                    "OverlayPainter", "{name} mean validation (min-max band)"
                )
                if val_key in band["bands"]
                else QCoreApplication.translate(
                    "OverlayPainter", "{name} mean training (min-max band)"
                )
            )
            x = [float(e) for e in metric.epochs]
            low = pg.PlotDataItem(x, list(metric.low), pen=pg.mkPen(None))
            high = pg.PlotDataItem(x, list(metric.high), pen=pg.mkPen(None))
            self._add(plot, low)
            self._add(plot, high)
            self._add(plot, pg.FillBetweenItem(low, high, brush=pg.mkBrush(fill)))
            self._add(
                plot,
                pg.PlotDataItem(
                    x,
                    list(metric.mean),
                    pen=pg.mkPen(color, width=2.5),
                    name=mean.format(name=name),
                ),
            )


def _run_name(run: dict) -> str:
    return str(
        run.get("name")
        or QCoreApplication.translate("OverlayPainter", "Run {id}").format(id=run.get("id"))
    )


def _plot_item(plot):
    """Accept a PlotItem or a PlotWidget; make sure it has a legend for run names."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    if item.legend is None:
        item.addLegend()
    return item
