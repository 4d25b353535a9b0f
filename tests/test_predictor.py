"""The numpy Predictor: agreement with Keras, exact occlusion, speed, odd input, threads."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from engine.data.tokenizer import tokenize
from engine.errors import ModelFileError, PredictionError
from engine.model.predictor import Predictor

VOCAB = [f"w{i}" for i in range(997)] + ["good", "bad", "film"]


def random_weights(units=(16, 16), width=None, seed=0, scale=0.3):
    width = len(VOCAB) if width is None else width
    rng = np.random.default_rng(seed)
    weights, fan_in = [], width
    for u in list(units) + [1]:
        weights += [
            rng.normal(0, scale, (fan_in, u)).astype(np.float32),
            rng.normal(0, 0.1, u).astype(np.float32),
        ]
        fan_in = u
    return weights


def random_text(rng, n_words=300, vocab=VOCAB, unknown=0.2):
    words = [
        ("zz" + str(rng.integers(1000)))
        if rng.random() < unknown
        else vocab[rng.integers(len(vocab))]
        for _ in range(n_words)
    ]
    return " ".join(words)


def multi_hot(texts, vocab):
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab)), np.float32)
    for r, t in enumerate(texts):
        for w in tokenize(t):
            if w in index:
                x[r, index[w]] = 1
    return x


def reference(weights, x, activation="relu"):
    """Plain dense forward pass in float64, written independently of the Predictor."""
    act = {"relu": lambda v: np.maximum(v, 0), "tanh": np.tanh}[activation]
    h = x.astype(np.float64)
    for i in range(0, len(weights) - 2, 2):
        h = act(h @ weights[i] + weights[i + 1])
    z = h @ weights[-2] + weights[-1]
    return (1 / (1 + np.exp(-z)))[:, 0]


@pytest.fixture(scope="module")
def keras_model():
    """The book's model built by engine.model.network when it exists, else the same in plain Keras."""
    from engine.model.config import ModelConfig

    config = ModelConfig(num_words=len(VOCAB), hidden_units=[16, 16])
    try:
        from engine.model.network import build_model

        model = build_model(config)
    except ImportError:
        import keras

        model = keras.Sequential(
            [
                keras.Input((len(VOCAB),)),
                keras.layers.Dense(16, "relu"),
                keras.layers.Dense(16, "relu"),
                keras.layers.Dense(1, "sigmoid"),
            ]
        )
    model.set_weights(random_weights())
    return model


def test_agrees_with_keras(keras_model):
    rng = np.random.default_rng(1)
    texts = [random_text(rng, n) for n in (1, 5, 50, 300, 1000)] + ["good", "film bad bad bad"]
    predictor = Predictor(keras_model.get_weights(), VOCAB, "relu")
    keras_p = keras_model.predict(multi_hot(texts, VOCAB), verbose=0)[:, 0]
    ours = np.array([predictor.predict(t).probability for t in texts])
    np.testing.assert_allclose(ours, keras_p, atol=1e-5)
    np.testing.assert_allclose(
        [p.probability for p in predictor.predict_many(texts)], keras_p, atol=1e-5
    )
    assert len(set(np.round(keras_p, 3))) > 3  # the weights are not degenerate


@pytest.mark.parametrize(
    "activation,units", [("relu", (16,)), ("tanh", (16, 16)), ("relu", (8, 4, 2))]
)
def test_agrees_with_reference_forward_pass(activation, units):
    weights = random_weights(units, seed=len(units))
    rng = np.random.default_rng(2)
    texts = [random_text(rng, n) for n in (3, 30, 300)]
    predictor = Predictor(weights, VOCAB, activation)
    expected = reference(weights, multi_hot(texts, VOCAB), activation)
    np.testing.assert_allclose(
        [predictor.predict(t).probability for t in texts], expected, atol=1e-5
    )


def test_prediction_fields_and_counts():
    predictor = Predictor(random_weights(), VOCAB)
    pred = predictor.predict("Good film, GOOD film!! unseenword <br /> bad")
    assert (pred.known_words, pred.unknown_words) == (5, 1)
    assert pred.label == ("positive" if pred.probability >= 0.5 else "negative")
    assert not pred.uninformative
    blank = predictor.predict("qqq xyzzy")
    assert blank.uninformative and blank.known_words == 0 and blank.unknown_words == 2
    np.testing.assert_allclose(
        blank.probability, reference(random_weights(), np.zeros((1, len(VOCAB))))[0], atol=1e-6
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \r\n"])
def test_empty_text_is_refused(text):
    with pytest.raises(PredictionError, match="Nothing to predict: the text is empty."):
        Predictor(random_weights(), VOCAB).predict(text)


@pytest.mark.parametrize(
    "text",
    [
        "good\x00\x07\x1b[31m bad\ufeff",
        "😀😀 good 🎬 film 👎",
        "<b>good</b> <script>alert(1)</script>",
        "Ce film est très bon — 素晴らしい映画 — фильм good",
        "\udcff lone surrogate good",
        "!!!???",
    ],
)
def test_odd_input_never_crashes(text):
    predictor = Predictor(random_weights(), VOCAB)
    pred = predictor.predict(text)
    assert 0.0 <= pred.probability <= 1.0
    predictor.explain(text)


def test_explain_is_exact_occlusion():
    weights = random_weights(seed=5, scale=0.6)
    predictor = Predictor(weights, VOCAB)
    text = "good good film bad w1 w2 w3 unknownword"
    exp = predictor.explain(text)
    assert set(exp.contributions) == {"good", "film", "bad", "w1", "w2", "w3"}
    for word, contribution in exp.contributions.items():
        without = " ".join(w for w in text.split() if w != word)
        expected = exp.probability - predictor.predict(without).probability
        assert contribution == pytest.approx(expected, abs=1e-6)
    assert any(abs(c) > 1e-3 for c in exp.contributions.values())
    words = [s.word for s in exp.spans]
    assert words == tokenize(text)
    unknown = [s for s in exp.spans if s.word == "unknownword"][0]
    assert unknown.contribution is None and text[unknown.start : unknown.end] == "unknownword"


def test_lexicon_matches_single_word_reviews():
    vocab = ["<pad>", "<start>"] + VOCAB[:-1]
    predictor = Predictor(random_weights(seed=3, width=len(vocab)), vocab)
    positive, negative = predictor.lexicon(k=5)
    assert len(positive) == len(negative) == 5
    single = {w: predictor.predict(w).probability for w in vocab if not w.startswith("<")}
    best = sorted(single.items(), key=lambda kv: -kv[1])[:5]
    worst = sorted(single.items(), key=lambda kv: kv[1])[:5]
    assert [w for w, _ in positive] == [w for w, _ in best]
    assert [w for w, _ in negative] == [w for w, _ in worst]
    assert positive[0][1] == pytest.approx(best[0][1], abs=1e-6)


def test_dataset_probabilities_match_per_review(tiny_dataset):
    ds = tiny_dataset
    weights = random_weights(width=len(ds.vocab), seed=4, scale=0.8)
    predictor = Predictor(weights, ds.vocab)
    probs = predictor.probabilities_for_dataset(ds)
    assert probs.shape == (len(ds),) and probs.dtype == np.float32
    x = np.zeros((len(ds), len(ds.vocab)), np.float32)
    for i in range(len(ds)):
        x[i, ds.known_ids(i)] = 1
    np.testing.assert_allclose(probs, reference(weights, x), atol=1e-5)
    rows = np.array([5, 0, 17, 5, len(ds) - 1])
    np.testing.assert_allclose(
        predictor.probabilities_for_dataset(ds, rows), probs[rows], atol=1e-7
    )
    lists = [ds.token_ids(i) for i in rows] + [np.array([-1, -1], np.int32), np.array([], np.int32)]
    many = predictor.probabilities(lists)
    np.testing.assert_allclose(many[:5], probs[rows], atol=1e-7)
    np.testing.assert_allclose(
        many[5:], reference(weights, np.zeros((2, len(ds.vocab)))), atol=1e-6
    )


def test_dataset_probabilities_fast_at_full_scale():
    """50,000 synthetic reviews of ~230 tokens with a 10,000-word vocabulary."""
    rng = np.random.default_rng(0)
    lengths = rng.integers(10, 450, 50_000)
    tokens = (rng.zipf(1.3, lengths.sum()) - 1).astype(np.int64)
    tokens[tokens >= 10_000] = -1

    class Flat:  # the two Dataset fields the fast path reads
        token_offsets = np.concatenate([[0], np.cumsum(lengths)])

    Flat.tokens = tokens.astype(np.int32)
    predictor = Predictor(random_weights(width=10_000), [f"w{i}" for i in range(10_000)])
    start = time.perf_counter()
    probs = predictor.probabilities_for_dataset(Flat)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = Predictor(
        random_weights(width=10_000, seed=1), predictor.vocab
    ).probabilities_for_dataset(Flat)
    rescore = time.perf_counter() - start  # a new model on the same dataset (the browser's case)
    assert probs.shape == (50_000,) and np.isfinite(probs).all() and not np.allclose(probs, again)
    # ~0.4 s / ~0.3 s measured on an idle core; the margin absorbs a shared, busy CI machine.
    assert first < 2.0 and rescore < 1.0, f"{first:.2f} s, then {rescore:.2f} s for 50,000 reviews"
    for i in (0, 123, 49_999):
        seg = Flat.tokens[Flat.token_offsets[i] : Flat.token_offsets[i + 1]]
        expected = predictor.probabilities([seg])[0]
        assert probs[i] == pytest.approx(expected, abs=1e-6)


def test_300_word_reviews_and_a_big_paste_are_handled():
    """Latency is measured in bench/bench_predictor.py (timings are not asserted in tests)."""
    predictor = Predictor(random_weights(width=10_000), [f"w{i}" for i in range(10_000)])
    rng = np.random.default_rng(0)
    texts = [" ".join(f"w{rng.integers(12_000)}" for _ in range(300)) for _ in range(50)]
    results = [predictor.predict(t) for t in texts]
    assert all(0.0 <= r.probability <= 1.0 for r in results)
    big = ("w12 w99 never-seen, <br />" * 50_000)[:1_000_000]
    explanation = predictor.explain(big)
    assert set(explanation.contributions) == {"w12", "w99"}


def test_thread_safe_concurrent_predictions():
    predictor = Predictor(random_weights(), VOCAB)
    rng = np.random.default_rng(9)
    texts = [random_text(rng, 200) for _ in range(20)]
    expected = [predictor.predict(t).probability for t in texts]
    failures = []

    def worker():
        for _ in range(10):
            for t, p in zip(texts, expected):
                if predictor.predict(t).probability != p:
                    failures.append(t)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures


def test_inconsistent_weights_are_refused():
    weights = random_weights()
    with pytest.raises(ModelFileError):
        Predictor(weights, VOCAB[:-1])
    with pytest.raises(ModelFileError):
        Predictor(weights[:3], VOCAB)
    with pytest.raises(ModelFileError):
        Predictor(weights, VOCAB, activation="softmax")


def test_lexicon_is_computed_once_under_concurrent_calls(monkeypatch):
    """Two threads asking for the same lexicon: one computes it, both get the same lists."""
    predictor = Predictor(random_weights(), VOCAB)
    compute = Predictor._compute_lexicon
    # Without the lock both threads would be inside at once and pass the barrier; with it
    # the first waits out the timeout alone and the second finds the lexicon cached.
    barrier = threading.Barrier(2, timeout=0.5)
    calls = []

    def counted(self, k):
        calls.append(k)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        return compute(self, k)

    monkeypatch.setattr(Predictor, "_compute_lexicon", counted)
    results = [None, None]

    def ask(i):
        results[i] = predictor.lexicon(5)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert calls == [5]
    assert results[0] is results[1] and len(results[0][0]) == 5


def test_predictor_pickles_with_its_lexicons():
    import pickle

    predictor = Predictor(random_weights(), VOCAB)
    lexicon = predictor.lexicon(5)
    copy = pickle.loads(pickle.dumps(predictor))
    assert copy.lexicon(5) == lexicon and copy.lexicon(7)[0][:5] == lexicon[0]
    assert copy.predict("good film").probability == predictor.predict("good film").probability
