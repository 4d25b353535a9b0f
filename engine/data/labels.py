"""Labels as people write them: ``0/1``, ``neg/pos``, ``negative/positive`` or a rating.

Each row's label is read as a number first (:func:`label_value`); once every row is read,
:func:`label_rule` decides what the numbers mean: 0 and 1 only are the labels themselves,
anything else is a rating, positive above a threshold (default: the midpoint of the
lowest and highest rating found; a rating exactly at it is neutral and skipped).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

WORDS = {
    "0": 0.0,
    "1": 1.0,
    "neg": 0.0,
    "pos": 1.0,
    "negative": 0.0,
    "positive": 1.0,
    "false": 0.0,
    "true": 1.0,
}


def label_value(raw: object) -> float | None:
    """The label as a number, or None when it is not one (an unknown label)."""
    if isinstance(raw, bool):
        return float(raw)
    if isinstance(raw, (int, float)):
        return float(raw) if math.isfinite(raw) else None
    if not isinstance(raw, str):
        return None
    text = raw.strip().lower()
    if text in WORDS:
        return WORDS[text]
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class LabelRule:
    """How numbers became labels: binary, or ratings above ``threshold`` are positive."""

    binary: bool
    threshold: float = 0.5
    low: float = 0.0
    high: float = 1.0

    def describe(self) -> str:
        if self.binary:
            return "labels 0/1"
        return (
            f"ratings {self.low:g} to {self.high:g}, positive above {self.threshold:g} "
            f"(ratings of exactly {self.threshold:g} are skipped as neutral)"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "binary": self.binary,
            "threshold": self.threshold,
            "low": self.low,
            "high": self.high,
        }


def label_rule(values: np.ndarray, threshold: float | None = None) -> LabelRule:
    """The rule for ``values`` (every usable row's :func:`label_value`)."""
    if len(values) == 0:
        return LabelRule(True)
    low, high = float(values.min()), float(values.max())
    binary = bool(np.isin(values, (0.0, 1.0)).all())
    if threshold is None and binary:
        return LabelRule(True, 0.5, low, high)
    if threshold is None:
        threshold = (low + high) / 2
    return LabelRule(False, float(threshold), low, high)


def apply_rule(values: np.ndarray, rule: LabelRule) -> tuple[np.ndarray, np.ndarray]:
    """(labels uint8, neutral mask): positive above the threshold, neutral exactly at it."""
    return (values > rule.threshold).astype(np.uint8), values == rule.threshold
