"""The one tokenizer used for the dataset and for pasted text.

Lower-case, ``<br />`` becomes a space, punctuation is stripped (apostrophes inside words
are kept, so "don't" stays one word). Bump :data:`TOKENIZER_VERSION` whenever the output
changes: it is part of the processed-cache key.
"""

from __future__ import annotations

import re

TOKENIZER_VERSION = 1

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# A word: letters/digits (any script), optionally joined by inner apostrophes.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalize(text: str) -> str:
    """Lower-case and replace HTML line breaks by spaces."""
    return _BREAK.sub(" ", text).lower()


def tokenize(text: str) -> list[str]:
    """Split a review into lower-case words with punctuation stripped."""
    return _WORD.findall(normalize(text))


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """Tokens with their character spans in the *original* text, for highlighting.

    ``<br />`` is replaced by same-length blanks so spans stay aligned with ``text``.
    """
    blanked = _BREAK.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(blanked)]
