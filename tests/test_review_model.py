"""The review table model: Qt model contract, numpy filters and sorts, text search, speed."""

from __future__ import annotations

import time

import numpy as np
import pytest

from gui.reviews.table_model import ReviewFilter, ReviewTableModel
from gui.reviews.text_search import TextSearch, fold_case, folded_texts


@pytest.fixture()
def model(tiny_dataset):
    m = ReviewTableModel()
    m.set_dataset(tiny_dataset)
    return m


def _probs(n: int, seed: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).random(n).astype(np.float32)


def test_qt_model_contract(qtmodeltester, model, tiny_dataset):
    model.set_probabilities(_probs(len(tiny_dataset)))
    model.set_filter(ReviewFilter(split="test", correct=False))
    qtmodeltester.check(model, force_py=True)


def test_shows_every_review_with_its_facts(model, tiny_dataset):
    assert model.rowCount() == len(tiny_dataset) == 240
    assert model.columnCount() == 7
    row = 130
    i = model.dataset_row(row)
    assert model.data(model.index(row, 0)) == ("test" if tiny_dataset.split[i] else "train")
    assert model.data(model.index(row, 2)) == f"{tiny_dataset.rating[i]}/10"
    assert model.data(model.index(row, 4)) == "—"  # no model yet
    assert "<br" not in model.data(model.index(row, 6))


def test_filters_match_a_brute_force_check(model, tiny_dataset):
    p = _probs(len(tiny_dataset))
    model.set_probabilities(p)
    flt = ReviewFilter(split="test", label=1, predicted=0, prob_min=0.1, prob_max=0.45)
    model.set_filter(flt)
    expected = [
        i
        for i in range(len(tiny_dataset))
        if tiny_dataset.split[i] == 1
        and tiny_dataset.label[i] == 1
        and p[i] < 0.5
        and 0.1 <= p[i] <= 0.45
    ]
    assert sorted(model.visible_rows.tolist()) == expected
    assert expected  # the check means something

    model.set_filter(ReviewFilter(correct=False))
    wrong = [i for i in range(len(tiny_dataset)) if (p[i] >= 0.5) != (tiny_dataset.label[i] == 1)]
    assert model.visible_rows.tolist() == wrong
    assert {model.data(model.index(r, 5)) for r in range(model.rowCount())} == {"wrong"}


def test_prediction_filters_match_nothing_without_a_model(model):
    model.set_filter(ReviewFilter(correct=True))
    assert model.rowCount() == 0
    model.set_filter(ReviewFilter(label=0))
    assert model.rowCount() == 120


def test_sorts_and_presets_keys(model, tiny_dataset):
    p = _probs(len(tiny_dataset))
    model.set_probabilities(p)
    model.sort_by("probability", descending=True)
    shown = p[model.visible_rows]
    assert np.all(np.diff(shown) <= 0)
    model.sort_by("words")
    assert np.all(np.diff(tiny_dataset.n_words[model.visible_rows]) >= 0)
    model.sort_by("error", descending=True)
    err = np.abs(p - tiny_dataset.label)[model.visible_rows]
    assert np.all(np.diff(err) <= 0)
    model.sort_by("uncertainty")
    assert np.all(np.diff(np.abs(p - 0.5)[model.visible_rows]) >= 0)


def test_text_search_is_case_insensitive_and_matches_brute_force(tiny_dataset):
    search = TextSearch(tiny_dataset.text_blob, tiny_dataset.text_offsets)
    for query in ("Wonderful", "awful", "br />", "the plot", "zzz"):
        expected = [query.lower() in tiny_dataset.text(i).lower() for i in range(len(tiny_dataset))]
        assert search.mask(query).tolist() == expected, query
    assert search.mask("wonderful").sum() > 10


def test_a_hit_spanning_two_reviews_is_not_a_hit():
    blob = np.frombuffer(b"abc" + b"def", dtype=np.uint8)
    search = TextSearch(blob, np.array([0, 3, 6]))
    assert search.mask("cd").tolist() == [False, False]
    assert search.mask("de").tolist() == [False, True]


def test_non_ascii_text_search():
    from engine.data.dataset import pack_strings

    blob, offsets = pack_strings(["Très bien 😀", "nul", "ÉTÉ"])
    search = TextSearch(blob, offsets)
    assert search.mask("très").tolist() == [True, False, False]
    assert search.mask("😀").tolist() == [True, False, False]
    # Case is ignored beyond ASCII too.
    assert search.mask("TRÈS").tolist() == [True, False, False]
    assert search.mask("été").tolist() == [False, False, True]


def test_case_folding_keeps_every_byte_offset():
    from engine.data.dataset import pack_strings

    # "İ" lower-cases to two characters (3 bytes instead of 2); it stays as it is, the
    # rest of its review is still folded, and the next review's offsets still hold.
    texts = ["İstanbul ÇOK güzel", "ÀB", "plain ASCII", "ΣΊΣΥΦΟΣ"]
    blob, offsets = pack_strings(texts)
    folded = fold_case(blob, offsets)
    assert len(folded) == len(blob)
    pieces = [folded[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(len(texts))]
    assert pieces[:3] == ["İstanbul çok güzel", "àb", "plain ascii"]
    assert pieces[3] in ("σίσυφος", "σίσυφοσ")  # whichever sigma str.lower() picks at the end
    search = TextSearch(blob, offsets)
    assert search.mask("ÇOK").tolist() == [True, False, False, False]
    assert search.mask("àB").tolist() == [False, True, False, False]


def test_folded_texts_are_computed_once_per_dataset(tiny_dataset):
    assert folded_texts(tiny_dataset) is folded_texts(tiny_dataset)
    assert folded_texts(tiny_dataset) == fold_case(
        tiny_dataset.text_blob, tiny_dataset.text_offsets
    )


def test_filter_from_a_confusion_cell_dict():
    flt = ReviewFilter.from_dict({"split": "test", "label": "positive", "predicted": 0, "x": 1})
    assert (flt.split, flt.label, flt.predicted) == ("test", 1, 0)
    assert ReviewFilter.from_dict({"split": "all"}).split is None


def test_filter_and_sort_50k_rows_fast_enough():
    """Loose bound here (shared CI machines); bench/bench_review_model.py measures properly."""
    from bench.bench_review_model import synthetic_dataset

    ds = synthetic_dataset(mean_words=30)
    model = ReviewTableModel()
    model.set_dataset(ds)
    model.set_probabilities(_probs(len(ds)))
    worst = 0.0
    for flt, key in (
        (ReviewFilter(split="test", correct=False), "error"),
        (ReviewFilter(prob_min=0.3, prob_max=0.7), "probability"),
        (ReviewFilter(text="great"), "words"),
    ):
        start = time.perf_counter()
        model.set_filter(flt)
        model.sort_by(key, True)
        worst = max(worst, time.perf_counter() - start)
        assert 0 < model.rowCount() < len(ds)
    assert worst < 0.5, f"filter+sort took {worst * 1000:.0f} ms"
