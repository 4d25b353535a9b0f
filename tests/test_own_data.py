"""Your own reviews (issue 14): every format to a Dataset, skipped rows counted, splits, cache."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.data.dataset import UNKNOWN
from engine.data.dataset_record import dataset_info
from engine.data.loading import load_dataset
from engine.data.own import load_own, read_own
from engine.data.own_files import OwnOptions, is_own_source
from engine.data.tokenizer import tokenize
from engine.errors import DataError
from engine.runs.history import RunStore
from tests.own_files import (
    KO_NEG,
    KO_POS,
    write_folder,
    write_jsonl,
    write_multiline_csv,
    write_nsmc,
    write_quoted,
)
from tests.tiny_data import make_tiny_archive, make_tiny_folder


def test_tokenizer_reads_hangul_and_accents_and_keeps_english():
    assert tokenize("아 더빙.. 진짜 짜증나네요 목소리") == [
        "아",
        "더빙",
        "진짜",
        "짜증나네요",
        "목소리",
    ]
    assert tokenize("Un film très émouvant, ÇA VA") == [
        "un",
        "film",
        "très",
        "émouvant",
        "ça",
        "va",
    ]
    assert tokenize("Über-cool naïve café") == ["über", "cool", "naïve", "café"]
    # English as before: apostrophes inside words, <br /> a space, underscores and digits.
    assert tokenize("Don't miss it!<br /><br />10/10, a_b 'quoted'") == [
        "don't",
        "miss",
        "it",
        "10",
        "10",
        "a",
        "b",
        "quoted",
    ]


def test_nsmc_pair_opens_as_it_is(tmp_path):
    train, test = write_nsmc(tmp_path)
    ds = read_own(train, test, num_words=100)
    info = ds.extra["dataset"]
    # Row 3 of each file is empty: skipped and counted, never fatal.
    assert ds.counts == {"train": 299, "test": 99} and info["skipped"] == {"empty text": 2}
    assert info["name"] == "ratings_train.txt + ratings_test.txt" and info["split"] == "two files"
    assert set(KO_POS + KO_NEG) <= set(ds.vocab)
    # A document starting with a double quote stays one row (no quote processing in TSV).
    first = 9_000_000
    assert ds.review_id[0] == first and ds.review_id[2] == first + 3
    quoted = int(np.flatnonzero(ds.review_id == first + 5)[0])
    assert ds.text(quoted).startswith('"') and "\n" not in ds.text(quoted)
    # Tokens are the tokenizer's, indexed against the train-only vocabulary.
    for i in (0, quoted, len(ds) - 1):
        words = tokenize(ds.text(i))
        assert [ds.vocab[t] if t >= 0 else None for t in ds.token_ids(i)] == [
            w if w in ds.word_index else None for w in words
        ]
    assert ds.label.tolist()[:4] == [0, 1, 1, 0]


def test_vocabulary_comes_from_the_training_file_only(tmp_path):
    train, test = write_nsmc(tmp_path)
    with open(test, "a", encoding="utf-8") as f:
        f.write("1\t오직테스트에만 오직테스트에만\t1\n")
    ds = read_own(train, test, num_words=1000)
    assert "오직테스트에만" not in ds.vocab
    last = len(ds) - 1
    assert ds.split[last] == 1 and ds.token_ids(last).tolist() == [UNKNOWN, UNKNOWN]


def test_multiline_quoted_csv_with_bom(tmp_path):
    ds = read_own(write_multiline_csv(tmp_path / "reviews.csv"), num_words=100)
    info = ds.extra["dataset"]
    assert len(ds) == 200 and info["skipped"] == {"empty text": 1, "unknown label": 1}
    assert "\n" in ds.text(0) and '"' in ds.text(0) and "," in ds.text(0)
    assert ds.counts == {"train": 150, "test": 50} and info["split"] == "25% held out (seed 0)"
    assert "\ufeffreview" not in ds.vocab and ds.label.sum() == 100
    again = read_own(tmp_path / "reviews.csv", num_words=100)
    assert np.array_equal(again.split, ds.split)  # the held-out share is seeded
    other = read_own(tmp_path / "reviews.csv", num_words=100, options=OwnOptions(test_share=0.5))
    assert other.counts == {"train": 100, "test": 100}


@pytest.mark.parametrize(
    "name, delimiter, crlf, bom",
    [
        ("quoted.csv", ",", True, True),
        ("quoted.csv", ",", False, False),
        ("quoted.tsv", "\t", True, True),
        ("quoted.tsv", "\t", False, False),
    ],
)
def test_quoted_fields_come_back_exactly(tmp_path, name, delimiter, crlf, bom):
    """RFC 4180 quoting (newlines, tabs, commas, doubled quotes) in CSV and TSV, BOM and CRLF."""
    path = tmp_path / name
    rows = write_quoted(path, delimiter, crlf=crlf, bom=bom)
    raw = path.read_bytes()
    header_end = raw.index(b"\n")
    assert (
        raw.startswith(b"\xef\xbb\xbf") == bom
        and (raw[header_end - 1 : header_end] == b"\r") == crlf
    )
    ds = read_own(path, num_words=200)
    assert len(ds) == len(rows) and ds.extra["dataset"]["skipped"] == {}
    assert [ds.text(i) for i in range(len(ds))] == [text for text, _ in rows]
    assert ds.label.tolist() == [label for _, label in rows]
    assert ds.review_id.tolist() == list(range(len(rows)))
    assert "\ufeffid" not in ds.vocab and "최고" in ds.vocab and "bientôt" in ds.vocab


def test_semicolon_file_with_split_column_and_ratings(tmp_path):
    path = tmp_path / "ratings.csv"
    rows = ["Score;Split;Review"]
    for i in range(60):
        rating = 1 + i % 5
        text = ("great loved" if rating > 3 else "awful hated") + f" film number {i}"
        rows.append(f"{rating};{'test' if i % 3 == 0 else 'train'};{text}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ds = read_own(path, num_words=100)
    info = ds.extra["dataset"]
    # Ratings 1..5: midpoint 3, ratings of 3 are neutral and skipped.
    assert info["skipped"] == {"neutral rating": 12} and info["split"] == "split column"
    assert ds.counts == {"train": 32, "test": 16}
    assert set(ds.rating.tolist()) == {1, 2, 4, 5}
    assert (ds.label == (ds.rating > 3)).all()
    high = read_own(path, num_words=100, options=OwnOptions(label_threshold=4))
    assert high.extra["dataset"]["skipped"] == {"neutral rating": 12}
    assert (high.label == (high.rating > 4)).all() and set(high.rating.tolist()) == {1, 2, 3, 5}


def test_headerless_file_with_column_numbers_and_named_columns(tmp_path):
    path = tmp_path / "plain.tsv"
    path.write_text(
        "".join(
            f"{i % 2}\tgood film {i}\n" if i % 2 else f"{i % 2}\tbad film {i}\n" for i in range(40)
        )
    )
    with pytest.raises(DataError, match="--text-column"):
        read_own(path, num_words=100)
    ds = read_own(path, num_words=100, options=OwnOptions(text_column="2", label_column="1"))
    assert len(ds) == 40 and ds.text(1) == "good film 1" and ds.label[1] == 1
    named = tmp_path / "named.csv"
    named.write_text("body,stars\n" + "".join(f"nice film {i},{1 + i % 10}\n" for i in range(30)))
    ds = read_own(
        named, num_words=100, options=OwnOptions(text_column="Body", label_column="stars")
    )
    assert len(ds) == 30 and ds.extra["dataset"]["labels"].startswith("ratings 1 to 10")
    with pytest.raises(DataError, match="no column named 'words'"):
        read_own(
            named, num_words=100, options=OwnOptions(text_column="words", label_column="stars")
        )


def test_jsonl_and_folders(tmp_path):
    ds = read_own(write_jsonl(tmp_path / "r.jsonl"), num_words=100)
    assert len(ds) == 200 and ds.extra["dataset"]["skipped"] == {"not a JSON object": 1}
    assert ds.review_id[:3].tolist() == [0, 1, 2]
    split_folder = write_folder(tmp_path / "mine")
    assert is_own_source(split_folder)
    ds = read_own(split_folder, num_words=100)
    assert ds.counts == {"train": 60, "test": 20} and ds.extra["dataset"]["kind"] == "folder"
    flat = write_folder(tmp_path / "flat", splits=False)
    ds = read_own(flat, num_words=100)
    assert ds.counts == {"train": 60, "test": 20} and ds.label.sum() == 40


def test_stanford_sources_keep_their_reader(tmp_path):
    archive = make_tiny_archive(tmp_path / "tiny.tar.gz", per_folder=5)
    folder = make_tiny_folder(tmp_path / "extracted", per_folder=5)
    assert not is_own_source(archive) and not is_own_source(folder)
    assert not is_own_source(folder.parent)


def test_nothing_usable_is_one_sentence_naming_the_file(tmp_path):
    path = tmp_path / "empty_texts.tsv"
    path.write_text("text\tlabel\n\t1\n  \t0\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_own(path, num_words=100)
    message = str(caught.value)
    assert str(path) in message and "empty text (line 2)" in message
    bad_labels = tmp_path / "labels.tsv"
    bad_labels.write_text("text\tlabel\nnice\tgreat\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown label"):
        read_own(bad_labels, num_words=100)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02text")
    with pytest.raises(DataError, match="not a text file"):
        read_own(binary, num_words=100)


def test_cache_keeps_the_dataset_record_and_history_stores_it(tmp_path):
    train, test = write_nsmc(tmp_path)
    cache_dir = tmp_path / "cache"
    first = load_dataset(train, num_words=100, cache_dir=cache_dir, test_source=test)
    again = load_own(train, test, num_words=100, cache_dir=cache_dir)
    assert not first.extra["from_cache"] and again.extra["from_cache"]
    assert again.extra["dataset"] == json.loads(json.dumps(first.extra["dataset"]))
    assert np.array_equal(again.tokens, first.tokens) and again.vocab == first.vocab
    store = RunStore(tmp_path / "history.sqlite")
    run = store.create_run({"epochs": 1}, dataset=dataset_info(again))
    recorded = store.get_run(run)["dataset"]
    assert recorded["name"] == "ratings_train.txt + ratings_test.txt"
    assert recorded["counts"] == {"train": 299, "test": 99}
    assert recorded["fingerprint"] == first.extra["dataset"]["fingerprint"]


def test_imdb_dataset_info_is_derived(tmp_path):
    ds = load_dataset(
        make_tiny_archive(tmp_path / "t.tar.gz", per_folder=5),
        num_words=100,
        cache_dir=tmp_path / "c",
        expected_per_folder=None,
    )
    info = dataset_info(ds)
    assert info["kind"] == "imdb" and info["name"] == "t.tar.gz"
    assert info["counts"] == {"train": 10, "test": 10} and len(info["fingerprint"]) == 16


def test_chunked_and_parallel_tokenizing_match_the_tokenizer(tmp_path, monkeypatch):
    import engine.data.own as own
    import engine.data.own_stream as own_stream

    path = tmp_path / "mixed.tsv"
    texts = [
        "Un film très émouvant<br />ÇA VA l'été",
        "아 더빙.. 진짜 짜증나네요 목소리",
        "Don't 'quote' it__ok 10/10",
        "Ünïcödé naïve café — ﬁne",
    ]
    path.write_text(
        "text\tlabel\n" + "".join(f"{texts[i % 4]} {i}\t{i % 2}\n" for i in range(60)),
        encoding="utf-8",
    )
    whole = read_own(path, num_words=1000)
    monkeypatch.setattr(own_stream, "TOKEN_CHUNK", 7)
    monkeypatch.setattr(own, "PARALLEL_BYTES", 0)  # a worker process, several chunks in flight
    chunked = read_own(path, num_words=1000)
    assert chunked.vocab == whole.vocab and np.array_equal(chunked.tokens, whole.tokens)
    for i in range(len(whole)):
        words = tokenize(whole.text(i))
        assert [whole.vocab[t] if t >= 0 else None for t in whole.token_ids(i)] == [
            w if w in whole.word_index else None for w in words
        ]
