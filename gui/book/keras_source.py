"""The window's side of the book's copy: loading and downloading it in a background task."""

from __future__ import annotations

# The dataset "path" that stands for the Keras copy (saved as the last source like a path).
KERAS_SOURCE = "keras.datasets.imdb"


def load_keras_for_window(num_words: int, progress=None, cancel=None):
    """The Keras copy as a Dataset, with the Reviews tab's search index built (worker side).

    Raises:
        DataError: Keras's files are missing or fail their checksum (one sentence).
    """
    # Imported in the worker: this module's constant is read before the window's first
    # paint, which the Keras reader (numpy, the dataset) and the search index would delay.
    from engine.data.keras_files import load_keras_copy
    from gui.reviews.table_model import folded_texts

    dataset = load_keras_copy(num_words, progress=progress, cancel=cancel)
    folded_texts(dataset)  # built here, not on the GUI thread
    return dataset


def download_keras_for_window(progress=None, cancel=None):
    """Download the missing Keras files into Keras's cache folder (worker side)."""
    from engine.data import keras_files

    # Read at call time: tests point it at local files; the app always uses Keras's address.
    return keras_files.download_keras_files(
        progress=progress, cancel=cancel, origin=keras_files.ORIGIN
    )


def dataset_source(dataset) -> str:
    """``"keras"`` or ``"aclimdb"``: where a loaded dataset came from."""
    return "keras" if dataset is not None and dataset.extra.get("keras") else "aclimdb"


def own_record(dataset) -> dict | None:
    """The record of a loaded dataset of your own reviews (files, options), else None."""
    # Imported here: KERAS_SOURCE is read before the window's first paint, and the readers
    # of your own files bring the archive reader and numpy with them.
    from engine.book.own_data import OWN_KINDS

    info = dataset.extra.get("dataset") if dataset is not None else None
    return info if isinstance(info, dict) and info.get("kind") in OWN_KINDS else None
