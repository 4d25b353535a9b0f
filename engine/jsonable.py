"""JSON for results that carry numpy values (metrics, histories, evaluations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def json_default(value: Any) -> Any:
    """``json.dumps(default=json_default)``: numpy scalars and arrays, paths; else text."""
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, Path):
        return str(value)
    return str(value)
