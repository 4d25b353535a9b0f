"""The bulk tokenizer (engine.data.bulk_tokens) gives exactly the tokens of tokenize()."""

from __future__ import annotations

import random
import re
from collections import Counter

import numpy as np
import pytest

from engine.data import bulk_tokens
from engine.data.bulk_tokens import index_chunk, index_texts
from engine.data.tokenizer import tokenize

# Pieces chosen to hit every rule: case (ASCII and not), <br> tags with odd whitespace,
# apostrophes alone, doubled, at word edges and between letters, underscores, digits and
# numerals of other scripts, non-ASCII punctuation and whitespace, combining marks,
# letters whose lower case is longer or context-dependent (İ, final Σ), the Kelvin sign
# (lower case is ASCII k), NUL, tokens of every length around 8 and 16 bytes.
PIECES = [
    "Good",
    "MOVIE",
    "don't",
    "rock'n'roll",
    "'quoted'",
    "a''b",
    "x'''y",
    "'",
    "''",
    "end'",
    "_under_score_",
    "snake_case",
    "42",
    "3.14",
    "x2",
    "²",
    "½",
    "٣",
    "Ⅻ",
    "<br />",
    "<BR/>",
    "<br>",
    "<br\x1c/>",
    "<br\xa0/>",
    "<br\u3000>",
    "<b r>",
    "<brr>",
    "<br",
    "café",
    "CAFÉ",
    "naïve",
    "Almodóvar",
    "straße",
    "İstanbul",
    "ΑΣ",
    "ΑΣ.Β",
    "ΟΔΟΣ",
    "ς",
    "K",
    "Ǆ",
    "ǅ",
    "é́",
    "e\u0301",
    "日本語",
    "ｆｕｌｌ",
    "😀",
    "’",
    "“quote”",
    "–",
    "…",
    "\xad",
    "\x00",
    "\x85",
    "\u2028",
    "\t",
    "\n",
    " ",
    "  ",
    ".",
    ",",
    "!?",
    "-",
    "(",
    ")",
    '"',
    "/",
    "abcdefg",
    "abcdefgh",
    "abcdefghi",
    "abcdefghijklmnop",
    "abcdefghijklmnopq",
    "éééé",
    "ééééé",
    "ééééééééé",
    "supercalifragilisticexpialidocious",
    "a",
]


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 40))]
        joiners = [rng.choice(["", " ", " ", "  ", "\n", ".", "'"]) for _ in parts]
        texts.append("".join(p + j for p, j in zip(parts, joiners)))
    texts += ["", " ", "'", "<br />", "\x00", "ΑΣ", "A" * 40]
    return texts


def tokens_of(words, numbers, lengths) -> list[list[str]]:
    flat = [words[k] for k in numbers.tolist()]
    bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    return [flat[a:b] for a, b in zip(bounds, bounds[1:])]


def test_the_generated_pieces_cover_the_tricky_rules():
    text = " ".join(PIECES)
    assert not text.isascii() and "\x00" in text
    assert re.search(r"<br\s*/?>", "<br\xa0/>", re.IGNORECASE)  # \s of str patterns


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_same_tokens_as_the_tokenizer_on_generated_text(seed):
    texts = random_texts(400, seed)
    words, numbers, lengths = index_texts(texts, parallel=False, chunk=37)
    assert tokens_of(words, numbers, lengths) == [tokenize(t) for t in texts]
    assert len(set(words)) == len(words)  # one number per distinct word
    assert numbers.dtype == np.int32 and lengths.dtype == np.int32


def test_ascii_only_chunks_match_too():
    """A chunk of ASCII texts only is cleaned as one buffer (the real archive's case)."""
    ascii_pieces = [p for p in PIECES if p.isascii() and "\x00" not in p]
    rng = random.Random(5)
    texts = [
        "".join(rng.choice(ascii_pieces) + rng.choice(["", " ", "'", "''", "."]) for _ in range(30))
        for _ in range(200)
    ]
    texts += ["", "'", "a'", "'a", "a'b'", "x''y", "a'<br/>'b", "A" * 40]
    assert all(t.isascii() for t in texts)
    assert tokens_of(*index_chunk(texts)) == [tokenize(t) for t in texts]


def test_reorder_takes_each_texts_tokens_in_the_new_order():
    texts = random_texts(50, 4)
    indexed = index_chunk(texts)
    order = np.random.default_rng(0).permutation(len(texts))
    assert tokens_of(*bulk_tokens.reorder(indexed, order)) == [tokenize(texts[k]) for k in order]
    assert tokens_of(*bulk_tokens.reorder(indexed, order[:0])) == []


def test_each_chunk_alone_matches_too():
    texts = random_texts(60, 7)
    assert tokens_of(*index_chunk(texts)) == [tokenize(t) for t in texts]
    assert tokens_of(*index_chunk([])) == []


def test_the_ascii_tables_agree_with_the_str_rules():
    # The byte table keeps exactly the ASCII characters the word pattern can use.
    for b in range(128):
        c = chr(b)
        kept = bulk_tokens._TABLE[b] != 0x20
        assert kept == (bool(re.fullmatch(r"[^\W_]", c)) or c in "'\x00"), repr(c)
        if kept and c not in "'\x00":
            assert chr(bulk_tokens._TABLE[b]) == c.lower()
    # The byte <br> pattern's whitespace is the str pattern's \s within ASCII.
    spaces = {chr(b) for b in range(128) if re.fullmatch(r"\s", chr(b))}
    for c in map(chr, range(128)):
        tag = f"<br{c}/>"
        assert bool(bulk_tokens._BREAK_ASCII.fullmatch(tag.encode())) == (c in spaces), repr(c)


def test_parallel_chunks_give_the_same_result_as_one_process():
    texts = random_texts(300, 3)
    alone = index_texts(texts, parallel=False, chunk=25)
    both = index_texts(texts, parallel=True, chunk=25)
    assert tokens_of(*both) == tokens_of(*alone) == [tokenize(t) for t in texts]


def test_cancelling_between_chunks_stops():
    class Stop(Exception):
        pass

    seen = []

    def check(fraction):
        seen.append(fraction)
        if len(seen) == 3:
            raise Stop

    with pytest.raises(Stop):
        index_texts(random_texts(200, 4), check, parallel=False, chunk=20)
    assert seen == sorted(seen) and seen[-1] < 1


@pytest.mark.real_data
def test_same_tokens_and_vocabulary_as_the_tokenizer_on_the_real_archive(real_archive):
    from engine.data.archive import read_reviews
    from engine.data.dataset import build_dataset

    raw = read_reviews(real_archive)
    expected = [tokenize(t) for t in raw.texts]
    words, numbers, lengths = index_texts(raw.texts)
    assert tokens_of(words, numbers, lengths) == expected
    # The vocabulary: the 10,000 most frequent train words, ties alphabetical.
    counts = Counter(w for toks, s in zip(expected, raw.split) if s == 0 for w in toks)
    vocab = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10_000]]
    ds = build_dataset(raw.split, raw.label, raw.rating, raw.review_id, raw.texts, raw.urls)
    assert ds.vocab == vocab
    index = {w: i for i, w in enumerate(vocab)}
    reference = [index.get(w, -1) for toks in expected for w in toks]
    assert ds.tokens.tolist() == reference
