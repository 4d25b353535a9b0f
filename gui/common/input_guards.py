"""Keys and wheels that go where the user means them.

Two guards the window installs once:

- :class:`EditorKeyGuard`: a window-wide shortcut (Train is Ctrl+Enter) must not fire
  while the user types in a text editor that has its own use for the keys (the Predict
  box's Ctrl+Enter means "predict now", not "train a new model and replace this one").
  Qt asks the focused widget first with a ``ShortcutOverride`` event; accepting it hands
  the key to the widget instead of the shortcut.
- :func:`guard_wheel`: spin boxes and combo boxes take the mouse wheel only when they
  have the keyboard focus. Otherwise scrolling a settings panel over them silently
  changed values (Epochs 20 → 14); the wheel now scrolls the panel instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def is_text_editor(widget: QObject | None) -> bool:
    """True for an editable multi-line editor or a free-text line edit.

    The line edit inside a spin box or combo box does not count: Ctrl+Enter there still
    means Train (the user is editing a setting of the training).
    """
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QLineEdit):
        parent = widget.parentWidget()
        return not widget.isReadOnly() and not isinstance(parent, (QAbstractSpinBox, QComboBox))
    return False


class EditorKeyGuard(QObject):
    """Keeps the given key sequences away from shortcuts while a text editor has focus."""

    def __init__(self, sequences: list[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sequences = [QKeySequence(s) for s in sequences]

    def install(self) -> EditorKeyGuard:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        return self

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and is_text_editor(obj):
            pressed = QKeySequence(event.keyCombination())
            if any(
                pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.sequences
            ):
                event.accept()  # the editor gets the key press; no shortcut fires
        return False


class WheelGuard(QObject):
    """Event filter: a wheel over an unfocused spin box or combo box goes to its parent."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            # Ignored and filtered: Qt passes an ignored wheel event on to the parent
            # (the scroll area), and the box never sees it.
            event.ignore()
            return True
        return False


def guard_wheel(root: QWidget, guard: WheelGuard | None = None) -> WheelGuard:
    """Give every spin box and combo box under ``root`` the wheel only when focused."""
    guard = guard or WheelGuard(root)
    for box in root.findChildren(QAbstractSpinBox) + root.findChildren(QComboBox):
        # StrongFocus: the wheel alone never focuses the box (WheelFocus would).
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(guard)
    return guard
