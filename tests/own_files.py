"""Small generated files of "your own reviews" in every supported format (nothing copied)."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from tests.tiny_data import review_text

# NSMC-like Korean: words whose sentiment is known, plus neutral ones.
KO_POS = "최고 재밌다 감동 추천 명작 좋다".split()
KO_NEG = "최악 지루 실망 노잼 별로 싫다".split()
KO_NEUTRAL = "영화 배우 연기 스토리 그냥 진짜 감독 장면".split()


def korean_review(rng: random.Random, positive: bool) -> str:
    words = [rng.choice(KO_NEUTRAL) for _ in range(rng.randint(4, 9))]
    words += [rng.choice(KO_POS if positive else KO_NEG) for _ in range(rng.randint(2, 4))]
    rng.shuffle(words)
    return " ".join(words) + rng.choice(["", "..", "!!", " ㅋㅋ"])


def write_nsmc(folder: Path, train: int = 300, test: int = 100, seed: int = 0) -> tuple[Path, Path]:
    """``ratings_train.txt``/``ratings_test.txt`` as NSMC has them: id, document, label (TSV).

    Row 3 of each file has an empty document (NSMC has a few) and some documents begin
    with a double quote, which a CSV reader would take for an opening quote.
    """
    rng = random.Random(seed)
    paths = []
    for name, count in (("ratings_train.txt", train), ("ratings_test.txt", test)):
        lines = ["id\tdocument\tlabel"]
        for i in range(count):
            label = i % 2
            text = korean_review(rng, bool(label))
            if i == 2:
                text = ""
            elif i % 25 == 5:
                text = '"' + text
            lines.append(f"{9_000_000 + i}\t{text}\t{label}")
        path = folder / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def english_rows(count: int, seed: int = 0) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    return [(review_text(rng, bool(i % 2)), i % 2) for i in range(count)]


def write_multiline_csv(path: Path, count: int = 200, seed: int = 0) -> Path:
    """A CSV (UTF-8 with BOM) whose quoted reviews span lines and hold commas and quotes."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["review", "sentiment"])
        for text, label in english_rows(count, seed):
            words = text.split()
            multi = f'{" ".join(words[:5])},\n"{words[5]}" said nobody.\n{" ".join(words[6:])}'
            writer.writerow([multi, "positive" if label else "negative"])
        writer.writerow(["   ", "positive"])  # empty text
        writer.writerow(["a fine film", "maybe"])  # unknown label
    return path


def quoted_texts(count: int, seed: int = 0) -> list[tuple[str, int]]:
    """Reviews that need RFC 4180 quoting: newlines (LF and CRLF), tabs, commas, ``"``."""
    shapes = (
        '{a},\n"{b}" said nobody.\n{c}',
        "{a}\t{b}\r\n{c}",
        '"{a}" {b}, {c}',
        "{a}; {b} | {c}\n\nà bientôt, 최고",
        "{a} {b} {c}",
    )
    rows = []
    for i, (text, label) in enumerate(english_rows(count, seed)):
        words = text.split()
        parts = {"a": " ".join(words[:4]), "b": words[4], "c": " ".join(words[5:])}
        rows.append((shapes[i % len(shapes)].format(**parts), label))
    return rows


def write_quoted(
    path: Path, delimiter: str, crlf: bool = True, bom: bool = True, count: int = 60
) -> list[tuple[str, int]]:
    """``path`` as a spreadsheet or pandas writes it (quotes where needed); its rows."""
    rows = quoted_texts(count)
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
        writer.writerow(["id", "review", "label"])
        writer.writerows([i, text, label] for i, (text, label) in enumerate(rows))
    return rows


def write_jsonl(path: Path, count: int = 200, seed: int = 0) -> Path:
    lines = [
        json.dumps({"text": text, "label": "pos" if label else "neg", "id": i})
        for i, (text, label) in enumerate(english_rows(count, seed))
    ]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_folder(root: Path, count: int = 80, seed: int = 0, splits: bool = True) -> Path:
    for i, (text, label) in enumerate(english_rows(count, seed)):
        base = root / ("test" if i % 4 == 3 else "train") if splits else root
        target = base / ("pos" if label else "neg") / f"review{i}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
