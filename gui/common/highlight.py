"""Turn a review and its per-word contributions into safe, coloured rich text.

Reviews contain real HTML (``<br />``, stray ``<i>`` and worse). Everything taken from a
review is escaped with :func:`html.escape`, so markup always shows as text; only
``<br />`` is deliberately turned into a line break, as IMDb meant it. The only tags in
the output are the ones this module writes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

POSITIVE_RGB = (46, 160, 67)  # green: the word pushes the review towards "positive"
NEGATIVE_RGB = (214, 48, 49)  # red: towards "negative"
UNKNOWN_COLOR = "#9a9a9a"  # grey: outside the vocabulary, the model never sees it
DEFAULT_LIMIT = 20_000  # characters highlighted; beyond, plain escaped text

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Control characters (except tab/newline) would be dropped or garble QTextDocument.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def blend(rgb: tuple[int, int, int], strength: float) -> str:
    """``rgb`` mixed into white by ``strength`` (0..1), as #rrggbb (Qt's rich text has no alpha)."""
    s = min(max(strength, 0.0), 1.0)
    r, g, b = (round(255 + (c - 255) * s) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def escape_plain(text: str) -> str:
    """Escape review text for rich text: markup as text, ``<br />``/newlines as line breaks."""
    parts = _BREAK.split(_CONTROL.sub("\ufffd", text))
    return "<br>".join(html.escape(p).replace("\n", "<br>") for p in parts)


def _normalize_spans(spans: Iterable) -> list[tuple[int, int, str, float | None]]:
    """Accept ``(start, end, word, contribution)`` tuples or objects with those attributes."""
    out = []
    for s in spans:
        if isinstance(s, (tuple, list)):
            start, end, word, contribution = (tuple(s) + (None,))[:4]
        else:
            start, end = s.start, s.end
            word = getattr(s, "word", "")
            contribution = getattr(s, "contribution", None)
        out.append(
            (int(start), int(end), str(word), None if contribution is None else float(contribution))
        )
    return out


def word_style(contribution: float | None, scale: float) -> str:
    """Inline CSS for one word: colour intensity and weight grow with ``|contribution|``."""
    if contribution is None:
        return f"color:{UNKNOWN_COLOR};"
    strength = abs(contribution) / scale if scale > 0 else 0.0
    if strength < 0.02:
        return ""
    rgb = POSITIVE_RGB if contribution > 0 else NEGATIVE_RGB
    style = f"background-color:{blend(rgb, 0.15 + 0.75 * strength)};"
    if strength > 0.5:
        style += "font-weight:bold;"
    if strength > 0.75:
        style += "color:#ffffff;"
    return style


def highlight_html(text: str, spans: Iterable, limit: int = DEFAULT_LIMIT) -> str:
    """Rich text of ``text`` with each word coloured by its contribution.

    Args:
        text: The original review text (may contain HTML, emoji, control characters).
        spans: ``(start, end, word, contribution)`` per token, as
            ``Predictor.explain(text).spans``; ``contribution`` None means unknown word.
        limit: Only the first ``limit`` characters are highlighted, so a pasted book does
            not build a huge document; the rest is appended as plain escaped text.
    """
    spans = _normalize_spans(spans)
    scale = max((abs(c) for *_, c in spans if c is not None), default=0.0)
    out: list[str] = []
    pos = 0
    cut = min(len(text), limit)
    for start, end, _word, contribution in spans:
        if start < pos or end > cut:
            if end > cut:
                break
            continue
        out.append(escape_plain(text[pos:start]))
        style = word_style(contribution, scale)
        word = html.escape(_CONTROL.sub("\ufffd", text[start:end]))
        if style:
            tip = (
                QCoreApplication.translate("Highlight", "not in the vocabulary")
                if contribution is None
                else f"{contribution:+.3f}"
            )
            out.append(f'<span style="{style}" title="{tip}">{word}</span>')
        else:
            out.append(word)
        pos = end
    out.append(escape_plain(text[pos:]))
    return "".join(out)


def decoded_html(decoded: str) -> str:
    """The "as the model sees it" view: vocabulary words, unknown ones as a grey ``?``."""
    words = (
        html.escape(w) if w != "?" else '<span style="color:#6b6b6b;font-weight:bold;">?</span>'
        for w in decoded.split(" ")
    )
    return " ".join(words)


def legend_html() -> str:
    """A one-line key to the colours."""
    pos = blend(POSITIVE_RGB, 0.6)
    neg = blend(NEGATIVE_RGB, 0.6)
    positive = QCoreApplication.translate("Highlight", "pushes positive")
    negative = QCoreApplication.translate("Highlight", "pushes negative")
    unknown = QCoreApplication.translate("Highlight", "not in the vocabulary")
    stronger = QCoreApplication.translate("Highlight", "— stronger colour, stronger push")
    return (
        f'<span style="background-color:{pos};">&nbsp;{positive}&nbsp;</span> '
        f'<span style="background-color:{neg};">&nbsp;{negative}&nbsp;</span> '
        f'<span style="color:{UNKNOWN_COLOR};">{unknown}</span> {stronger}'
    )
