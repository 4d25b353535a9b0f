"""What the run history and saved models record about a dataset: name, fingerprint, counts.

:func:`dataset_info` gives the record of any :class:`Dataset` (your own data carries it
from reading; the IMDB archive's is derived); :func:`fingerprint` identifies your own
files and how they were read; :func:`skipped_text` says which rows were left out.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from engine.data import cache
from engine.data.dataset import Dataset
from engine.data.own_files import OwnOptions

OWN_FORMAT = 1  # bump when reading your own data changes what it gives


def fingerprint(paths: list[Path], options: OwnOptions) -> str:
    """What identifies the data: the files (path, size, mtime) and how they were read."""
    key = json.dumps([[cache.fingerprint(p) for p in paths], options.to_dict(), OWN_FORMAT])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def dataset_name(train: Path, test: Path | None) -> str:
    return train.name if test is None else f"{train.name} + {test.name}"


def skipped_text(skipped: dict[str, int]) -> str:
    """``"312 rows skipped: empty text; 4 rows skipped: unknown label"``, or ""."""
    return "; ".join(
        f"{count:,} {'row' if count == 1 else 'rows'} skipped: {why}"
        for why, count in skipped.items()
    )


def dataset_info(ds: Dataset) -> dict[str, Any]:
    """Name, fingerprint and counts of ``ds``, as the run history and the bundle record them.

    Own data carries them from reading; for the IMDB archive (or the Keras copy) they are
    derived here: the fingerprint covers each review's split, label and token count, which
    survives dropping the texts (the training process's copy) and does not depend on
    ``num_words``.
    """
    info = ds.extra.get("dataset")
    if isinstance(info, dict) and info.get("fingerprint"):
        return info
    digest = hashlib.sha256()
    for a in (ds.split, ds.label, ds.n_words):
        digest.update(np.ascontiguousarray(a).tobytes())
    source = Path(ds.source) if ds.source else None
    info = {
        "name": source.name if source is not None else "IMDB",
        "kind": "imdb",
        "fingerprint": digest.hexdigest()[:16],
        "counts": ds.counts,
        "skipped": {},
    }
    ds.extra["dataset"] = info
    return info
