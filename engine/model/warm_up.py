"""One tiny training through the real pipeline, so that the user's first run starts at once."""

from __future__ import annotations

import threading

from engine.data.dataset import build_dataset
from engine.model.config import ModelConfig
from engine.model.evaluation import evaluate
from engine.model.training import Trainer


def warm_up(cancel: threading.Event | None = None) -> None:
    """Run one tiny training through the real pipeline (sparse feed, fit, validation).

    TensorFlow's first run in a process loads kernels and C extensions and optimizes
    graphs; the window's training process (:mod:`engine.service.jobs`) runs this while
    it waits for its first job, so that job's first epoch comes sooner. ``cancel`` stops
    it after the current batch.
    """
    texts = ["good fun film", "bad dull film", "great acting", "awful plot"] * 4
    labels = [1, 0, 1, 0] * 4
    tiny = build_dataset(
        [0] * 12 + [1] * 4,
        labels,
        [8, 2, 9, 1] * 4,
        list(range(16)),
        texts,
        [""] * 16,
        num_words=100,
        source="warm-up",
    )
    config = ModelConfig(num_words=100, batch_size=4, epochs=1, validation_size=4)
    # One run is enough: a second one (a fresh model, traced again) took about a second
    # longer for no faster first run.
    result = Trainer(tiny, config, cancel=cancel, on_weights=lambda *_: None).train()
    if result.weights is not None and not (cancel and cancel.is_set()):
        evaluate(result.weights, tiny, tiny.indices("test"), config)
