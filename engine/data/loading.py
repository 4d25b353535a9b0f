"""Finding and loading the processed dataset: :func:`find_source` and :func:`load_dataset`.

The look-up order (explicit source, ``IMDB_LAB_DATA``, processed caches, the downloaded
archive) and the repair of damaged caches live here, above the raw archive reader
(:mod:`engine.data.archive`), the tokenized :class:`~engine.data.dataset.Dataset` and its
cache file (:mod:`engine.data.cache`).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

from engine import paths
from engine.callbacks import Progress
from engine.data import archive, cache, own
from engine.data.archive import EXPECTED_PER_FOLDER
from engine.data.bulk_tokens import StreamIndexer, reorder
from engine.data.dataset import Dataset, build_dataset
from engine.data.download import default_archive_path
from engine.data.own_files import OwnOptions, is_own_source
from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import Cancelled, DataError

HOW_TO_GET = (
    "Download the IMDB archive (in the app, or from "
    "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz), or point "
    "IMDB_LAB_DATA (or --data) at aclImdb_v1.tar.gz or an extracted aclImdb/ folder."
)
NO_DATASET = "No dataset found. " + HOW_TO_GET


def _caches(cache_dir: Path, num_words: int | None) -> list[Path]:
    """Cache files of the current tokenizer, newest first (optionally for one ``num_words``)."""
    words = "*" if num_words is None else str(num_words)
    found = [p for p in cache_dir.glob(f"imdb-t{TOKENIZER_VERSION}-w{words}-*.npz") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def _cached_source(cache_file: Path) -> Path | None:
    """The raw source a cache was built from, when it still exists (reads only the metadata)."""
    try:
        with np.load(cache_file, allow_pickle=False) as z:
            source = Path(json.loads(z["meta"].tobytes().decode("utf-8"))["source"])
    except Exception:  # any unreadable cache simply offers no source
        return None
    return source if source.exists() else None


def find_source(
    source: str | Path | None = None, *, num_words: int = 10_000, cache_dir: Path | None = None
) -> Path | None:
    """Where :func:`load_dataset` would read from, without loading anything.

    Order: ``source`` (CLI ``--data`` / app setting) → ``IMDB_LAB_DATA`` → the newest
    processed cache for ``num_words`` → the raw source of any other cache, if it still
    exists → the archive downloaded by the app → None. An explicit source is returned even
    when missing, so the caller can say so.
    """
    if source is not None and str(source).strip():
        return Path(source).expanduser()
    env = paths.env_data_path()
    if env is not None:
        return env
    cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir()
    if cache_dir.is_dir():
        matching = _caches(cache_dir, num_words)
        if matching:
            return matching[0]
        for other in _caches(cache_dir, None):
            raw = _cached_source(other)
            if raw is not None:
                return raw
    downloaded = default_archive_path()
    return downloaded if downloaded.is_file() else None


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda fraction, message: progress(start + (end - start) * fraction, message)


def load_dataset(
    source: str | Path | None = None,
    num_words: int = 10_000,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    cache_dir: Path | None = None,
    expected_per_folder: int | None = EXPECTED_PER_FOLDER,
    use_cache: bool = True,
    test_source: str | Path | None = None,
    own_options: OwnOptions | None = None,
) -> Dataset:
    """The processed dataset, from the cache when possible, else read and tokenized.

    Your own labelled reviews (a TSV/CSV or JSON Lines file, a pos/neg folder, optionally
    with ``test_source`` as the test file) are read by :func:`engine.data.own.load_own`;
    the Stanford archive and folders by the reader below, unchanged.

    Args:
        source: archive, folder or cache file; ``None`` looks it up (see :func:`find_source`).
        num_words: vocabulary size (the model's input width).
        progress: ``progress(fraction, message)`` callback.
        cancel: ``threading.Event`` that cancels the load (:class:`Cancelled`).
        cache_dir: where processed caches live (default ``paths.cache_dir()``).
        expected_per_folder: reviews required in each of the four folders; ``None`` skips
            the check (tiny test data).
        use_cache: False reads and tokenizes without touching the cache.
        test_source: your own test file (two files: train and test).
        own_options: columns, label threshold and held-out share of your own data.

    Raises:
        DataError: no dataset found, or the dataset is missing, malformed or unreadable.
    """
    explicit = source is not None and str(source).strip() != ""
    cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        use_cache = use_cache and cache_dir.is_dir()  # read-only home: read, do not cache
    for _ in range(20):  # each round deletes one damaged cache found by the look-up
        path = find_source(source, num_words=num_words, cache_dir=cache_dir)
        if path is None:
            raise DataError(NO_DATASET)
        if not path.exists():
            problem = (
                f"The dataset {path} does not exist."
                if explicit
                else f"IMDB_LAB_DATA names {path}, which does not exist."
            )
            raise DataError(f"{problem} {HOW_TO_GET}")
        if not (path.is_file() or path.is_dir()):
            raise DataError(
                f"The dataset {path} is neither a file nor a folder (a device or a pipe). "
                + HOW_TO_GET
            )
        if not (path.suffix == ".npz" and path.is_file()):
            break
        try:
            ds = cache.load_cache(path)
        except DataError:
            if explicit:
                raise
            recorded = _cached_source(path)  # read before the damaged file goes
            _remove(path)
            if recorded is not None:
                path = recorded  # rebuild from the archive the cache was made from
                break
            continue
        if ds.num_words != num_words:
            raise DataError(
                f"The processed dataset {path} has a {ds.num_words:,}-word "
                f"vocabulary, not {num_words:,}. {HOW_TO_GET}"
            )
        return _loaded(ds, progress)
    else:
        raise DataError(f"Too many damaged dataset caches in {cache_dir}. {NO_DATASET}")

    if test_source is not None or is_own_source(path):
        if not is_own_source(path):
            raise DataError(
                f"A separate test file goes with your own training file, not with {path}."
            )
        return own.load_own(
            path,
            Path(test_source).expanduser() if test_source is not None else None,
            options=own_options,
            num_words=num_words,
            progress=progress,
            cancel=cancel,
            cache_dir=cache_dir,
            use_cache=use_cache,
        )
    if path.is_dir() and archive.dataset_root(path) is None:
        raise DataError(
            f"{path} does not look like the IMDB dataset or your own reviews: it has no "
            "aclImdb/ folder, no train/ or test/ folders and no pos/ and neg/ folders."
        )
    cached = cache.cache_path(path, num_words, cache_dir)
    if use_cache and cached.is_file():
        try:
            return _loaded(cache.load_cache(cached), progress)
        except DataError:
            _remove(cached)  # damaged: rebuilt below
    ds = _read_and_tokenize(path, num_words, progress, cancel, expected_per_folder)
    ds.extra["from_cache"] = False
    if use_cache:
        try:
            cache.save_cache(ds, cached)
            ds.extra["cache_path"] = str(cached)
            cache.prune_caches(cache_dir, keep=cached)
        except OSError as exc:  # a read-only or full disk must not stop the app
            ds.extra["cache_error"] = f"The processed dataset could not be cached: {exc}."
    if progress:
        progress(1.0, f"Prepared {len(ds):,} reviews")
    return ds


def _read_and_tokenize(
    path: Path,
    num_words: int,
    progress: Progress | None,
    cancel: threading.Event | None,
    expected_per_folder: int | None,
) -> Dataset:
    """Read the raw reviews and tokenize them at the same time (both cores).

    Each review goes to a :class:`~engine.data.bulk_tokens.StreamIndexer` as soon as it is
    read, in the archive's order; the tokens are then put in the dataset's order.
    """
    with StreamIndexer() as indexer:
        raw = archive.read_reviews(
            path,
            progress=_scaled(progress, 0.0, 0.8),
            cancel=cancel,
            expected_per_folder=expected_per_folder,
            on_text=indexer.add,
        )
        tokenizing = _scaled(progress, 0.8, 0.97)

        def check(fraction: float) -> None:
            if tokenizing:
                tokenizing(fraction, "Tokenizing reviews")
            if cancel is not None and cancel.is_set():
                raise Cancelled("Preparing the dataset was cancelled.")

        found = indexer.finish(check)
        check(1.0)
    # The texts in raw are the very objects handed to the indexer (equal objects for
    # equal texts at worst, which tokenize alike), so identity gives each its position.
    position = {id(text): k for k, text in enumerate(indexer.added())}
    tokens = reorder(found, np.fromiter((position[id(t)] for t in raw.texts), np.int64))
    return build_dataset(
        raw.split,
        raw.label,
        raw.rating,
        raw.review_id,
        raw.texts,
        raw.urls,
        num_words=num_words,
        source=str(path.resolve()),
        progress=_scaled(progress, 0.97, 0.99),
        cancel=cancel,
        tokens=tokens,
        decode_errors=raw.decode_errors,
        empty_files=raw.empty_files,
        truncated=raw.truncated,
    )


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache folder: the damaged file is skipped, not deleted


def _loaded(ds: Dataset, progress: Progress | None) -> Dataset:
    if progress:
        progress(1.0, f"Loaded {len(ds):,} reviews from the cache")
    return ds
