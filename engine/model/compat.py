"""Whether a saved model fits a dataset: the words it knows against the dataset's vocabulary.

A model trained on one dataset can score another (the predictor matches words), but when
their vocabularies differ the user should know: a Korean model knows no English words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engine.data.dataset import Dataset
from engine.data.dataset_record import dataset_info

_PADDING = "<unused "  # engine.model.predictor.bundle_vocab's filler, never a word


def vocabulary_note(
    model_vocab: Sequence[str], model_metrics: Mapping[str, Any], dataset: Dataset
) -> str:
    """One sentence when the model was trained on another dataset whose words differ, else "".

    Only models that record their dataset (trained since runs record it) are compared: a
    model from elsewhere says nothing about its data.
    """
    trained = model_metrics.get("dataset") if isinstance(model_metrics, Mapping) else None
    if not isinstance(trained, Mapping) or not trained.get("fingerprint"):
        return ""
    info = dataset_info(dataset)
    if trained["fingerprint"] == info.get("fingerprint"):
        return ""
    words = {w for w in model_vocab if not w.startswith(_PADDING)}
    shared = len(words & set(dataset.vocab))
    if not words or shared == len(words) == len(set(dataset.vocab[: len(model_vocab)])):
        return ""
    return (
        f"The model was trained on {trained.get('name') or 'other data'} and this dataset "
        f"is {info['name']}: their "
        f"vocabularies differ ({shared:,} of the model's {len(words):,} words are in this "
        "dataset's vocabulary), so its results here may be poor."
    )
