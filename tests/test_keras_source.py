"""The Keras copy of IMDB: index layout, decoding, and the loader's wiring (no network)."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from engine.data.keras_copy import (
    decode_keras,
    from_keras_arrays,
    load_keras_imdb,
    reverse_word_index,
)
from engine.errors import DataError

# Keras ranks words from 1 (most frequent); model index = rank + 3.
WORD_INDEX = {"the": 1, "film": 2, "great": 3, "awful": 4, "plot": 5, "rare": 6}
NUM_WORDS = 9  # indices 0..8: reserved 0-3, then the, film, great, awful, plot


def _seq(*words, unknown=0):
    """A review as ``load_data(num_words=NUM_WORDS)`` returns it: start marker, then indices."""
    ids = [1] + [WORD_INDEX[w] + 3 for w in words] + [2] * unknown
    assert max(ids) < NUM_WORDS
    return ids


def _arrays():
    # Object arrays of lists, the layout load_data returns.
    train_x = np.array(
        [_seq("the", "film", "great"), _seq("awful", "plot", unknown=2)], dtype=object
    )
    test_x = np.array([_seq("great"), _seq("the", "awful", "awful", "film")], dtype=object)
    return train_x, np.array([1, 0]), test_x, np.array([1, 0])


def test_decode_keras_uses_the_offset_and_question_marks():
    reverse = reverse_word_index(WORD_INDEX)
    assert decode_keras(_seq("the", "film", unknown=1), reverse) == "? the film ?"
    assert decode_keras([], reverse) == ""


def test_from_keras_arrays_keeps_the_books_indices():
    ds = from_keras_arrays(*_arrays(), WORD_INDEX, NUM_WORDS)
    assert len(ds) == 4 and ds.counts == {"train": 2, "test": 2}
    assert ds.label.tolist() == [1, 0, 1, 0] and ds.review_id.tolist() == [0, 1, 0, 1]
    assert ds.vocab == [
        "<pad>",
        "<start>",
        "<unk>",
        "<unused>",
        "the",
        "film",
        "great",
        "awful",
        "plot",
    ]
    # Token ids are exactly the Keras indices, start marker and OOV included.
    assert ds.token_ids(1).tolist() == [1, 7, 8, 2, 2]
    assert ds.n_words.tolist() == [4, 5, 2, 5]
    assert ds.known_ids(3).tolist() == [1, 4, 5, 7]  # the multi-hot positions
    assert ds.text(1) == "awful plot ? ?"  # start marker dropped from the text
    assert ds.decoded(1) == "<start> awful plot <unk> <unk>"
    assert ds.url(0) == "" and ds.rating.tolist() == [0, 0, 0, 0]
    assert ds.word_index["great"] == 6


def test_from_keras_arrays_rejects_bad_input():
    train_x, train_y, test_x, test_y = _arrays()
    with pytest.raises(DataError, match="outside 0..4"):
        from_keras_arrays(train_x, train_y, test_x, test_y, WORD_INDEX, 5)
    with pytest.raises(DataError, match="differ in number"):
        from_keras_arrays(train_x, train_y[:1], test_x, test_y, WORD_INDEX, NUM_WORDS)
    with pytest.raises(DataError, match="0 or 1"):
        from_keras_arrays(train_x, np.array([1, 3]), test_x, test_y, WORD_INDEX, NUM_WORDS)


def _fake_keras(monkeypatch, load_data):
    imdb = types.SimpleNamespace(load_data=load_data, get_word_index=lambda: WORD_INDEX)
    fake = types.SimpleNamespace(datasets=types.SimpleNamespace(imdb=imdb))
    monkeypatch.setitem(sys.modules, "keras", fake)


def test_loader_passes_num_words_and_builds_the_dataset(monkeypatch):
    calls = []

    def load_data(num_words=None):
        calls.append(num_words)
        train_x, train_y, test_x, test_y = _arrays()
        return (train_x, train_y), (test_x, test_y)

    _fake_keras(monkeypatch, load_data)
    ds = load_keras_imdb(num_words=NUM_WORDS)
    assert calls == [NUM_WORDS] and len(ds) == 4 and ds.source == "keras.datasets.imdb"


def test_loader_turns_network_failures_into_data_errors(monkeypatch):
    def load_data(num_words=None):
        raise Exception("URL fetch failure on https://storage.googleapis.com/...: None")

    _fake_keras(monkeypatch, load_data)
    with pytest.raises(DataError, match="Could not load the Keras copy of IMDB"):
        load_keras_imdb()


def test_pasted_text_gets_the_start_marker_a_keras_source_model_was_trained_with():
    """Every Keras review begins with index 1; the predictor adds it to pasted text too."""
    from engine.model.predictor import Predictor

    dataset = from_keras_arrays(*_arrays(), WORD_INDEX, num_words=NUM_WORDS)
    rng = np.random.default_rng(0)
    weights = [
        rng.normal(size=(NUM_WORDS, 4)).astype(np.float32),
        np.zeros(4, np.float32),
        rng.normal(size=(4, 1)).astype(np.float32),
        np.zeros(1, np.float32),
    ]
    weights[0][1] = 3.0  # a marker row that moves every prediction
    predictor = Predictor(weights, dataset.vocab)
    # The dataset's own review 0 ("the film great", with its marker) and the same words
    # pasted as text score the same.
    from_dataset = predictor.probabilities_for_dataset(dataset, np.array([0]))[0]
    pasted = predictor.predict(dataset.text(0))
    assert pasted.probability == pytest.approx(float(from_dataset), abs=1e-6)
    assert pasted.known_words == 3  # the marker is not counted as a word
    assert predictor.predict_many([dataset.text(0)])[0].probability == pytest.approx(
        pasted.probability, abs=1e-6
    )
    explanation = predictor.explain(dataset.text(0))
    assert "<start>" not in explanation.contributions
    assert explanation.probability == pytest.approx(pasted.probability, abs=1e-6)
