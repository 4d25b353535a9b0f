"""Numbers, percentages and plurals in the interface language, through ``QLocale``.

``QLocale()`` follows the language the window speaks (the default locale); the bare "C"
locale of a container or a test run would print ``25000``, so English is used there.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def locale() -> QLocale:
    """The locale numbers are written in: the default one, English instead of "C"."""
    current = QLocale()
    if current.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return current


def number(value: int | float) -> str:
    """An integer with the locale's digit grouping (``25,000``)."""
    return locale().toString(int(value))


def decimal(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals (``0.873``)."""
    return locale().toString(float(value), "f", digits)


def signed(value: float, digits: int) -> str:
    """``value`` with an explicit sign (``+0.120``, ``-0.045``)."""
    text = decimal(abs(value), digits)
    return ("+" if value >= 0 else locale().negativeSign()) + text


def percent(fraction: float, digits: int = 1) -> str:
    """A fraction as a percentage (``0.873`` -> ``87.3%``)."""
    return decimal(fraction * 100, digits) + locale().percent()


def plural(translated: str, n: int) -> str:
    """Finish a ``tr("%n thing(s)", "", n)`` result.

    Without a translator (an English source string) Qt leaves the ``(s)``: the English
    rule is applied here. Qt writes ``%n`` as bare digits; they get the locale's grouping.
    """
    if "(s)" in translated:
        translated = translated.replace("(s)", "" if n == 1 else "s")
    digits, grouped = str(int(n)), number(n)
    if digits != grouped:
        translated = translated.replace(digits, grouped, 1)
    return translated
