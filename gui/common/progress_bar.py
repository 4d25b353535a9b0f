"""A progress bar that repaints with the window, not at once on every new value.

``QProgressBar.setValue`` calls ``repaint()`` whenever the bar or its text visibly
changes, and a synchronous repaint of one widget paints everything else that is pending
in the window too: with per-batch progress (up to 20 values a second) and an epoch's end
arriving together, the plots were painted several times in one pass of the event loop
(stalls of 80-150 ms on the 2-core CI machine). This bar keeps its own value and asks for
an ordinary ``update()``, which Qt merges into the window's next paint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStyle, QStyleOptionProgressBar, QStylePainter


class ProgressBar(QProgressBar):
    """``QProgressBar`` whose ``setValue`` schedules a repaint instead of doing it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._value = self.minimum()

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt's name
        value = max(self.minimum(), min(self.maximum(), int(value)))
        if value != self._value:
            self._value = value
            self.update()

    def value(self) -> int:
        return self._value

    def text(self) -> str:
        """The format with ``%p``, ``%v`` and ``%m`` filled in from this bar's own value."""
        low, high = self.minimum(), self.maximum()
        steps = high - low
        percent = 100 if steps == 0 else round((self._value - low) * 100 / steps)
        return (
            self.format()
            .replace("%p", str(percent))
            .replace("%v", str(self._value))
            .replace("%m", str(steps))
            .replace("%%", "%")
        )

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        option = QStyleOptionProgressBar()
        self.initStyleOption(option)
        # Qt fills these from its own value, which this bar never sets.
        option.progress = self._value
        option.text = self.text() if self.isTextVisible() else ""
        painter.drawControl(QStyle.ControlElement.CE_ProgressBar, option)
