"""Which characters of a text no installed font can show (they would be empty boxes).

Qt already falls back from the widget's font to any installed font that has a
character; what it cannot do is draw a character no font has. :func:`missing_characters`
finds those (checked once per character: the font's metrics, then every installed
family's raw font), so a view can say so in words instead of showing boxes silently.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont


@lru_cache(maxsize=1)
def _installed_fonts() -> tuple[QRawFont, ...]:
    """One raw font per installed family (about 0.1 s for 50 families, once)."""
    return tuple(QRawFont.fromFont(QFont(family)) for family in QFontDatabase.families())


@lru_cache(maxsize=4096)
def can_show(code_point: int) -> bool:
    """True when the default font or any installed family has a glyph for ``code_point``."""
    if QFontMetrics(QFont()).inFontUcs4(code_point):
        return True
    return any(raw.supportsCharacter(code_point) for raw in _installed_fonts())


def _drawn(char: str) -> bool:
    """Characters that are drawn at all (not spaces, controls, joiners or variation marks)."""
    return not char.isspace() and unicodedata.category(char)[0] not in ("C", "Z", "M")


def missing_characters(text: str, limit: int = 200_000) -> list[str]:
    """The distinct characters of ``text`` (its first ``limit``) that no font can show."""
    seen = {c for c in text[:limit] if ord(c) > 0x7F and _drawn(c)}
    return sorted(c for c in seen if not can_show(ord(c)))


class FontNote(QObject):
    """The note's texts (plural forms are marked for lupdate only in a QObject's ``tr``)."""

    def missing(self, count: int, sample: str) -> str:
        return self.tr(
            "%n kind(s) of character in this text (%1) cannot be shown with the fonts installed "
            "on this computer and appear as empty boxes; install a font for that script (for "
            "example Noto) to see them.",
            "",
            count,
        ).replace("%1", sample)

    def more(self, count: int, sample: str) -> str:
        return self.tr("%1 and %n more", "", count).replace("%1", sample)


def missing_note(text: str) -> str:
    """One sentence naming what cannot be shown, or "" when every character can."""
    missing = missing_characters(text)
    if not missing:
        return ""
    texts = FontNote()
    sample = " ".join(f"U+{ord(c):04X}" for c in missing[:3])
    if len(missing) > 3:
        sample = texts.more(len(missing) - 3, sample)
    return texts.missing(len(missing), sample)
