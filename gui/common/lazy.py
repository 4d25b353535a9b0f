"""Refresh a widget only while it can be seen.

During training a new model arrives every epoch; recomputing 50,000 predictions or a
lexicon for a tab nobody looks at would cost CPU time the training and the visible tab
need. :class:`WhenVisible` runs the refresh at once when the widget is visible, and
otherwise once, when the widget's ``showEvent`` calls :meth:`WhenVisible.shown`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gui.tasks import shutdown_tasks


class WhenVisible:
    """Defers ``refresh()`` for a hidden ``widget`` until it is next shown.

    A plain object called from the widget's own ``showEvent`` rather than an event filter:
    filters on widgets being destroyed have crashed PySide6 during garbage collection.
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        self._widget = widget
        self._refresh = refresh
        self._pending = False

    def request(self, *_args) -> None:
        if self._widget.isVisible():
            self._pending = False
            self._refresh()
        else:
            self._pending = True

    def shown(self) -> None:
        if self._pending:
            self._pending = False
            self._refresh()


class ShownAndClosed:
    """Mixin (list it before the Qt base class) for a widget with a ``WhenVisible``.

    The widget keeps its ``WhenVisible`` in ``self._refresh`` and its background tasks in
    a :class:`gui.tasks.TaskRunner`: a deferred refresh runs when it is shown, and closing
    it cancels and joins its tasks.
    """

    _refresh: WhenVisible

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[misc]
        self._refresh.shown()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        shutdown_tasks(self)
        super().closeEvent(event)  # type: ignore[misc]
