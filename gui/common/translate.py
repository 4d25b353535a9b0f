"""The one pattern for translatable widgets: texts are set in ``retranslate()``.

Qt sends every widget a ``LanguageChange`` event when a translator is installed or
removed. A widget that mixes in :class:`Retranslating` sets all its fixed texts in
``retranslate()``, calls it once at the end of ``__init__`` and gets it called again on
every language switch, so View → Language takes effect without a restart. Texts built
from live data (an epoch's status, a prediction) are re-rendered from the data there too.

Strings are marked where they are written, so that ``pyside6-lupdate`` finds them:
``self.tr("...")`` inside QObject subclasses, ``QCoreApplication.translate("Context",
"...")`` elsewhere; plurals as ``self.tr("%n epoch(s)", "", n)``.

``pyside6-lupdate``'s Python parser has two traps (``tests/test_i18n.py`` checks both):
it marks a plural (``numerus``) only in ``self.tr(..., "", n)`` inside a class, never in
``QCoreApplication.translate(ctx, text, "", n)`` (English would then show "epoch(s)"; put
such texts in a method of a small QObject, as ``gui.common.fonts.FontNote``), and it
silently drops a ``translate`` call whose count is an expression (``len(rows)``). Strings
must be literals (no f-strings; arguments as ``%1`` and ``.replace("%1", value)`` or
``.arg``-style), and ``self.tr`` takes the Python class name as its context.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin (list it before the Qt base class) that calls ``retranslate`` on a language change."""

    def retranslate(self) -> None:
        """Set every fixed text of the widget in the current language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
