"""User-facing error types raised by the engine.

Every error the engine raises on purpose derives from :class:`LabError`; its message is
a complete sentence meant to be shown to the user as is (CLI: one line on stderr, exit 2;
GUI: a message box or inline label).
"""


class LabError(Exception):
    """Base class of the engine's expected, user-readable errors."""


class DataError(LabError):
    """The dataset is missing, malformed or cannot be read."""


class ConfigError(LabError, ValueError):
    """A model or training setting is invalid."""


class ModelFileError(LabError):
    """A saved model bundle is missing, damaged or not one of ours."""


class PredictionError(LabError, ValueError):
    """The input cannot be predicted (for example, empty text)."""


class StorageError(LabError):
    """A file could not be written (full disk, read-only folder); nothing partial was left."""


class Cancelled(LabError):
    """A long operation was cancelled by the user."""
