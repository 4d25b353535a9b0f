"""Generate a tiny dataset with the official aclImdb layout (never copied from the real one).

Positive reviews lean on words like "wonderful", negative ones on "awful", so a model can
learn something in a couple of epochs; neutral filler makes the vocabulary realistic.
"""

from __future__ import annotations

import io
import random
import tarfile
from pathlib import Path

POSITIVE = "wonderful superb brilliant moving delightful great excellent charming loved masterpiece".split()
NEGATIVE = "awful boring terrible dull waste worst stupid mess hated pointless".split()
NEUTRAL = (
    "the a film movie plot actor scene story director it was and of to in this that "
    "with for as on but camera music ending character script time"
).split()


def review_text(rng: random.Random, positive: bool) -> str:
    lean = POSITIVE if positive else NEGATIVE
    other = NEGATIVE if positive else POSITIVE
    words = [rng.choice(NEUTRAL) for _ in range(rng.randint(15, 40))]
    words += [rng.choice(lean) for _ in range(rng.randint(3, 6))]
    words += [rng.choice(other) for _ in range(rng.randint(0, 1))]
    rng.shuffle(words)
    half = len(words) // 2
    return " ".join(words[:half]).capitalize() + ". <br /><br />" + " ".join(words[half:]) + "!"


def tiny_files(per_folder: int = 60, seed: int = 0) -> dict[str, bytes]:
    """Relative path -> content for a tiny dataset (``aclImdb/...``)."""
    rng = random.Random(seed)
    files: dict[str, bytes] = {
        "aclImdb/README": b"Tiny generated dataset for tests.\n",
        "aclImdb/imdb.vocab": "\n".join(POSITIVE + NEGATIVE + NEUTRAL).encode(),
    }
    for split in ("train", "test"):
        for label in ("pos", "neg"):
            urls = []
            for rid in range(per_folder):
                rating = rng.randint(7, 10) if label == "pos" else rng.randint(1, 4)
                text = review_text(rng, label == "pos")
                files[f"aclImdb/{split}/{label}/{rid}_{rating}.txt"] = text.encode("utf-8")
                urls.append(f"http://www.imdb.com/title/tt{1000000 + rid:07d}/usercomments")
            files[f"aclImdb/{split}/urls_{label}.txt"] = ("\n".join(urls) + "\n").encode()
    return files


def write_archive(path: Path, files: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_300_000_000
            tar.addfile(info, io.BytesIO(data))
    return path


def write_folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root / "aclImdb"


def make_tiny_archive(path: Path, per_folder: int = 60, seed: int = 0) -> Path:
    return write_archive(path, tiny_files(per_folder, seed))


def make_tiny_folder(root: Path, per_folder: int = 60, seed: int = 0) -> Path:
    return write_folder(root, tiny_files(per_folder, seed))
