"""The callback type of the engine's long operations.

Loading, tokenizing, downloading and training take an optional ``progress(fraction,
message)`` callback, and an optional ``threading.Event`` that cancels them (they then
raise :class:`engine.errors.Cancelled`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

Progress: TypeAlias = Callable[[float, str], None]
"""``progress(fraction, message)``: ``fraction`` from 0 to 1, ``message`` for the user."""
