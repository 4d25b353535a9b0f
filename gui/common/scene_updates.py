"""Plot repaints that wait for the window's next paint instead of forcing one each.

When nothing is connected to a ``QGraphicsScene``'s ``changed`` signal, Qt repaints the
scene's views at once after every batch of item changes, and that flushes the whole
window's pending paint with it. At an epoch's end both training plots change, so the
window was painted two to four times in a row inside one pass of the event loop (event
loop stalls of 80-150 ms on the 2-core CI machine). With ``changed`` connected, Qt takes
its other documented path: views are only marked dirty, and the window paints all of
them once, in its own update request.
"""

from __future__ import annotations

import pyqtgraph as pg


def _ignore(_rects) -> None:
    """The connection is what matters; the rectangles are the views' business."""


def coalesce_scene_updates(view: pg.GraphicsView) -> None:
    """Let ``view``'s scene repaint with the window's next paint, not synchronously."""
    view.scene().changed.connect(_ignore)


def mark_scene_changed(view: pg.GraphicsView) -> None:
    """Say the whole scene changed before changing its items (new data on every curve).

    With a scene update pending, Qt leaves the items' own changes to that update instead
    of processing them and then painting the window at once; the view is repainted once,
    with the window.
    """
    view.scene().update()
