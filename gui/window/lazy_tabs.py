"""The window's tabs, built after the first paint: :class:`LazyTabs` and :class:`TabsByKey`.

The first paint shows the Train tab's form, with placeholders for its plots and for the
other four tabs (a restored last tab shows its placeholder and is built first). Right
after the paint :meth:`LazyTabs.start` builds the plots (pyqtgraph) and the other tabs one
event-loop turn each (:meth:`LazyTabs._build_next`); a tab that is asked for before
(``window.tab_keys[key]``, showing it, a request through the state) is built at once.
Every tab reads the state when it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.common.input_guards import WheelGuard, guard_wheel
from gui.state import AppState
from gui.train.tab import TrainTab
from gui.window.menus import TAB_KEYS, tab_title

RESUME_AFTER_RUN_MS = 500


def tab_class(key: str) -> Callable[[AppState], QWidget]:
    """The class of the tab ``key``, imported when the tab is first built (after the
    first paint, which the four tabs' modules would delay by about 0.3 s)."""
    if key == "reviews":
        from gui.reviews.tab import ReviewsTab

        return ReviewsTab
    if key == "predict":
        from gui.predict.tab import PredictTab

        return PredictTab
    if key == "evaluation":
        from gui.evaluation.tab import EvaluationView

        return EvaluationView
    if key == "runs":
        from gui.runs.tab import RunsTab

        return RunsTab
    raise KeyError(key)


class LazyTabs(QObject):
    """The tabs of ``tabs`` (a ``QTabWidget``, filled here in :data:`gui.window.menus.TAB_KEYS`
    order): the Train tab at once, a placeholder for each other tab until it is built.

    Args:
        tabs: The window's tab widget, empty.
        state: What every tab is built with.
        train_tab: The Train tab, built before the first paint.
        wheel_guard: Installed on every tab when it is built.
        parent: The window (owns the build timer).
    """

    def __init__(
        self,
        tabs: QTabWidget,
        state: AppState,
        train_tab: TrainTab,
        wheel_guard: WheelGuard,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self._state = state
        self._train_tab = train_tab
        self._wheel_guard = wheel_guard
        self._built: dict[str, QWidget] = {"train": train_tab}
        self._in_tabs: dict[str, QWidget] = {}  # the tab or its placeholder, as in self.tabs
        for key in TAB_KEYS:
            widget = self._built[key] if key in self._built else QWidget()
            widget.setObjectName(widget.objectName() or f"{key}_placeholder")
            self._in_tabs[key] = widget
            tabs.addTab(widget, "")
        # The tab being shown is always built (a restored last tab, a click, Ctrl+1..5).
        tabs.currentChanged.connect(self._current_tab_changed)
        self._build_queue = ["plots", *(key for key in TAB_KEYS if key not in self._built)]
        self._restoring_tab = False
        self._build_timer = QTimer(self, singleShot=True)
        self._build_timer.timeout.connect(self._build_next)
        self._started = False
        train_tab.busy_changed.connect(self._training_busy)

    def retranslate(self) -> None:
        for key in TAB_KEYS:
            self.tabs.setTabText(self.tabs.indexOf(self._in_tabs[key]), tab_title(key))

    @contextmanager
    def restoring(self) -> Iterator[None]:
        """While the last tab shown is restored: a tab not built yet that becomes current
        keeps its placeholder at the first paint and is the first thing built after it
        (building the Reviews tab first would delay the paint by about 0.3 s)."""
        self._restoring_tab = True
        try:
            yield
        finally:
            self._restoring_tab = False

    def start(self) -> None:
        """Start building the plots and the tabs not built yet (after the first paint)."""
        self._started = True
        self._build_timer.start(0)

    def stop(self) -> None:
        """Build nothing more (the window is closing)."""
        self._build_timer.stop()
        self._build_queue.clear()

    def _training_busy(self, busy: bool) -> None:
        # After the run's last epoch and result have been drawn, not in the same breath.
        if not busy and self._started and self._build_queue:
            self._build_timer.start(RESUME_AFTER_RUN_MS)

    def _build_next(self) -> None:
        """Build the next of the plots and the tabs not built yet, one per event-loop turn."""
        if self._train_tab.busy():
            # Building a tab holds the GUI thread for 0.1-0.3 s: never while a run's plots
            # are being watched (a training started right after launch). A tab asked for
            # is still built at once; the rest waits for the run's end.
            return
        while self._build_queue:
            key = self._build_queue.pop(0)
            if key == "plots":
                if not self._train_tab.plots_built():
                    self._train_tab.plots.warm_up()
                    break
            elif key not in self._built:
                self.tab(key)
                break
        if self._build_queue:
            self._build_timer.start(0)

    def tab(self, key: str) -> QWidget:
        """The tab ``key`` (one of :data:`gui.window.menus.TAB_KEYS`), built now if it was not yet.

        Raises:
            KeyError: ``key`` is not a tab's key.
        """
        built = self._built.get(key)
        if built is not None:
            return built
        widget = tab_class(key)(self._state)
        self._built[key] = widget
        guard_wheel(widget, self._wheel_guard)
        # In the placeholder's place, with the same tab current and no currentChanged in
        # between (which would build the neighbour the removal makes current).
        placeholder = self._in_tabs[key]
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, tab_title(key))
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        self._in_tabs[key] = widget
        placeholder.deleteLater()
        return widget

    def tab_built(self, key: str) -> bool:
        return key in self._built

    def _current_tab_changed(self, index: int) -> None:
        for key, widget in self._in_tabs.items():
            if self.tabs.indexOf(widget) == index:
                if self._restoring_tab and key not in self._built:
                    self._build_queue.remove(key)
                    self._build_queue.insert(0, key)
                else:
                    self.tab(key)
                return

    def deliver(self, key: str, method: str, payload: object) -> None:
        """Hand a request to the tab ``key`` if this builds it (a tab built now missed the
        emission: Qt calls no slot connected during it)."""
        if key not in self._built:
            getattr(self.tab(key), method)(payload)


class TabsByKey(Mapping[str, QWidget]):
    """``window.tab_keys``: every tab by its key (:data:`gui.window.menus.TAB_KEYS`); looking one
    up builds it if the window has not yet."""

    def __init__(self, tabs: LazyTabs) -> None:
        self._tabs = tabs

    def __getitem__(self, key: str) -> QWidget:
        return self._tabs.tab(key)

    def __iter__(self) -> Iterator[str]:
        return iter(TAB_KEYS)

    def __len__(self) -> int:
        return len(TAB_KEYS)
