"""A real :class:`engine.model.predictor.Predictor` with hand-set weights, for GUI tests.

Training takes seconds even on tiny data; these weights make the network's verdict
predictable instead: the tiny dataset's positive words push up, its negative words down,
everything else is neutral. So tests can assert which words turn green or red.
"""

from __future__ import annotations

import numpy as np

from tests.tiny_data import NEGATIVE, POSITIVE


def handmade_predictor(vocab: list[str], strength: float = 1.5, bias: float = 0.1):
    """Two hidden units: one counts positive words, the other negative ones.

    A large ``bias`` makes the model lean positive, so it gets some negative reviews wrong.
    """
    from engine.model.predictor import Predictor

    w1 = np.zeros((len(vocab), 2), dtype=np.float32)
    for i, word in enumerate(vocab):
        if word in POSITIVE:
            w1[i, 0] = strength
        elif word in NEGATIVE:
            w1[i, 1] = strength
    b1 = np.zeros(2, np.float32)
    w2 = np.array([[1.0, 0.0], [0.0, 1.0]], np.float32)
    b2 = np.zeros(2, np.float32)
    w3 = np.array([[1.0], [-1.0]], np.float32)
    b3 = np.array([bias], np.float32)
    return Predictor([w1, b1, w2, b2, w3, b3], vocab, activation="relu")
