"""Steps 1 and 2 of the book's script for your own reviews: read the file(s) as the app does.

:func:`own_steps` writes the code that reads the file(s) trained on (the reader of their
format only), skips rows with an empty text or an unknown label, turns labels and ratings
into 0/1, holds out the seeded test share, tokenizes like the app, numbers the training
reviews' most frequent words and makes the book's multi-hot vectors. The reviews, their
split, the vocabulary and the validation reviews are then the ones the app trained on.
"""

from __future__ import annotations

import json

from engine.book.own_data import OwnData

_READ_DELIMITED = '''
csv.field_size_limit(1 << 24)  # reviews longer than csv's default 128 KB field


def read_rows(path):
    """(text, label, split) of every data row of a {what} file."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        rows = csv.reader(f, delimiter={delimiter}, quoting={quoting})
{header}        for fields in rows:
            if not fields:
                continue  # a blank line
            if len(fields) < {min_fields}:
                yield "", None, None  # too few columns: skipped
                continue
            yield {text_value}, {label_value}, {split_value}
'''

_UNQUOTE = """

def unquote(field):
    # TSV is read without quote processing (a review may begin with a quote); a field
    # wholly in quotes is unwrapped.
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field
"""

_READ_JSONL = '''

def read_rows(path):
    """(text, label, split) of every line of a JSON Lines file (one object per line)."""
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                record = {}  # not a JSON object: skipped
            text, split = record.get(TEXT_KEY), record.get(SPLIT_KEY)
            yield (
                text if isinstance(text, str) else "",
                record.get(LABEL_KEY),
                None if split is None else str(split),
            )
'''

_READ_FOLDER = '''

def read_rows(folder):
    """(text, label, split) of every .txt file in neg/ and pos/ (under train/ and test/
    when there are such folders), negatives first, in name order."""
    parts = [
        (split, os.path.join(folder, split))
        for split in ("train", "test")
        if any(os.path.isdir(os.path.join(folder, split, name)) for name in ("neg", "pos"))
    ]
    for split, base in parts or [(None, folder)]:
        for label, name in enumerate(("neg", "pos")):
            sub = os.path.join(base, name)
            if not os.path.isdir(sub):
                continue
            for file_name in sorted(os.listdir(sub)):
                path = os.path.join(sub, file_name)
                if file_name.endswith(".txt") and os.path.isfile(path):
                    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
                        yield f.read(), label, split
'''

_STEP_1 = '''
# Step 1 - The reviews: your own {what}, read the way the app reads {them}.
TRAIN_FILE = {train}
TEST_FILE = {test}  # None: hold out TEST_SHARE of TRAIN_FILE{split_note}
TEST_SHARE = {test_share}
SPLIT_SEED = {split_seed}
LABEL_THRESHOLD = {threshold}  # ratings above it are positive; None: 0/1 labels or the midpoint
{columns}{reader}

LABEL_WORDS = {{"0": 0, "1": 1, "neg": 0, "pos": 1, "negative": 0, "positive": 1,
               "false": 0, "true": 1}}
SPLIT_WORDS = {{"train": 0, "training": 0, "dev": 0, "val": 0, "valid": 0,
               "validation": 0, "test": 1, "testing": 1}}


def label_value(raw):
    """The label as a number (0/1, neg/pos, a rating...), or None for an unknown label."""
    if isinstance(raw, str):
        raw = LABEL_WORDS.get(raw.strip().lower(), raw)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


texts, values, splits, skipped = [], [], [], 0
for path, file_split in ((TRAIN_FILE, 0 if TEST_FILE else None), (TEST_FILE, 1)):
    if path is None:
        continue
    for text, label, split in read_rows(path):
        value = label_value(label)
        if file_split is not None:
            split = file_split
        elif split is None or not split.strip():
            split = -1  # not given
        else:
            split = SPLIT_WORDS.get(split.strip().lower())
        if not text.strip() or value is None or split is None:
            skipped += 1  # an empty text, an unknown label or an unknown split
            continue
        texts.append(text)
        values.append(value)
        splits.append(split)
print(f"{{len(texts)}} reviews read; {{skipped}} rows skipped")
values = np.array(values)
splits = np.array(splits)
if not (splits == 1).any():
    # No test file and no split column: a seeded share of the reviews is the test set.
    order = np.random.default_rng(SPLIT_SEED).permutation(len(splits))
    splits[:] = 0
    splits[order[: int(round(len(splits) * TEST_SHARE))]] = 1
splits[splits < 0] = 0
# 0/1 labels are the labels; ratings above the threshold are positive, and ratings of
# exactly the threshold are neutral and left out.
if LABEL_THRESHOLD is None and np.isin(values, (0, 1)).all():
    threshold, keep = 0.5, np.ones(len(values), dtype=bool)
else:
    midpoint = (values.min() + values.max()) / 2
    threshold = midpoint if LABEL_THRESHOLD is None else LABEL_THRESHOLD
    keep = values != threshold
labels = (values > threshold).astype("float32")
train_rows = np.flatnonzero(keep & (splits == 0))
test_rows = np.flatnonzero(keep & (splits == 1))
print(len(train_rows), "training and", len(test_rows), "test reviews")
print("first review:", texts[train_rows[0]][:200], "...")
'''

_STEP_2 = """

# Step 2 - Preparing the data: the app's tokenizer (lower-case, <br /> a space, words of
# letters and digits in any script, "don't" one word), the NUM_WORDS most frequent words
# of the training reviews (ties in alphabetical order) numbered from 0, and multi-hot
# vectors with one 0/1 slot per word. Dense, as in the book: NUM_WORDS float32 numbers a
# review (100,000 reviews of 10,000 words take 4 GB).
BREAK = re.compile(r"<br\\s*/?>", re.IGNORECASE)
WORD = re.compile(r"[^\\W_]+(?:'[^\\W_]+)*")


def tokenize(text):
    return WORD.findall(BREAK.sub(" ", text).lower())


word_counts = collections.Counter()
for row in train_rows:
    word_counts.update(tokenize(texts[row]))
vocabulary = sorted(word_counts, key=lambda word: (-word_counts[word], word))[:NUM_WORDS]
word_index = {{word: number for number, word in enumerate(vocabulary)}}
print("most frequent words:", vocabulary[:10], "...")


def to_sequence(text):
    return [word_index[word] for word in tokenize(text) if word in word_index]


def vectorize_sequences(sequences, dimension=NUM_WORDS):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results


x_train = vectorize_sequences([to_sequence(texts[row]) for row in train_rows])
x_test = vectorize_sequences([to_sequence(texts[row]) for row in test_rows])
y_train = labels[train_rows]
y_test = labels[test_rows]
# A seeded shuffle, as the app does before setting the validation reviews apart.
order = np.random.default_rng(SEED).permutation(len(x_train))
x_train, y_train = x_train[order], y_train[order]
{validation}"""

_AUTO_VALIDATION = """if VALIDATION_SIZE is None:
    # The book's 10,000 when there are enough training reviews, else 40% of them.
    VALIDATION_SIZE = min(10_000, int(len(x_train) * 0.4))
"""


def _literal(value: object) -> str:
    """``value`` as Python source, strings in double quotes like the book's code."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _columns(own: OwnData) -> str:
    if own.kind == "folder":
        return ""
    lines = []
    for name, value in (("TEXT", own.text), ("LABEL", own.label), ("SPLIT", own.split)):
        noun = "KEY" if own.kind == "jsonl" else "COLUMN"
        note = ""
        if isinstance(value, int) and own.names:
            note = f"  # {_literal(own.names[value])}, counting from 0"
        elif isinstance(value, int):
            note = "  # counting from 0"
        lines.append(f"{name}_{noun} = {_literal(value)}{note}\n")
    return "".join(lines)


def _delimited_reader(own: OwnData) -> str:
    def field(name: str) -> str:
        text = f"fields[{name}_COLUMN]"
        return text if own.quoted else f"unquote({text})"

    reader = _READ_DELIMITED.format(
        what={"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}[own.delimiter]
        + "-separated",
        delimiter=_literal(own.delimiter),
        quoting="csv.QUOTE_MINIMAL" if own.quoted else "csv.QUOTE_NONE",
        header="        next(rows, None)  # the header row\n" if own.has_header else "",
        min_fields=own.min_fields,
        split_value=field("SPLIT") if own.split is not None else "None",
        text_value=field("TEXT"),
        label_value=field("LABEL"),
    )
    return reader if own.quoted else _UNQUOTE + "\n" + reader


def own_imports(own: OwnData) -> str:
    """The script's imports for ``own`` (standard library, then keras and numpy)."""
    module = {"delimited": "csv", "jsonl": "json", "folder": "os"}[own.kind]
    standard = sorted({"collections", "math", "re", module})
    return (
        "".join(f"import {name}\n" for name in standard)
        + "\nimport keras\nimport numpy as np\nfrom keras import layers\n"
    )


def own_steps(own: OwnData) -> str:
    """Steps 1 and 2 of the script: read ``own`` and turn it into multi-hot vectors."""
    if own.kind == "delimited":
        reader = _delimited_reader(own)
    elif own.kind == "jsonl":
        reader = _READ_JSONL
    else:
        reader = _READ_FOLDER
    what = {"folder": "folder", "jsonl": "JSON Lines file", "delimited": "file"}[own.kind]
    if own.test is not None:
        what = f"{what}s" if own.kind != "folder" else "folders"
    step_1 = _STEP_1.format(
        what=what,
        them="them" if own.test is not None else "it",
        train=_literal(own.train),
        test=_literal(own.test),
        split_note=" or the split column" if own.split is not None else "",
        test_share=own.test_share,
        split_seed=own.split_seed,
        threshold=_literal(own.threshold),
        columns=_columns(own),
        reader=reader,
    )
    return step_1 + _STEP_2.format(validation=_AUTO_VALIDATION if own.auto_validation else "")
