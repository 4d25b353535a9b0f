"""Writing files so that nothing half-written survives, and saying why a write failed.

Every file the engine writes goes to a temporary name in the same folder first and is
renamed into place with :func:`os.replace`, so a crash or a full disk leaves either the old
file or the new one, never a truncated one. :func:`write_error` turns the ``OSError`` of a
failed write into one sentence for the user.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from engine.errors import StorageError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def write_atomic(path: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """Call ``write(file)`` on a temp file beside ``path``, then rename it to ``path``.

    The temp file is removed when ``write`` or the rename fails; the error is re-raised.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def save_npz(path: str | Path, arrays: list[np.ndarray]) -> Path:
    """``np.savez(path, *arrays)`` written atomically (names ``arr_0``, ``arr_1``, …)."""
    return write_atomic(path, lambda f: np.savez(f, *arrays))


def is_disk_full(exc: BaseException) -> bool:
    """True for the errors a full disk (or an exhausted quota) raises."""
    return isinstance(exc, OSError) and exc.errno in _FULL


def write_error(exc: OSError, what: str, kept: str = "") -> StorageError:
    """One sentence for a failed write of ``what`` (e.g. "the weights of epoch 4").

    ``kept`` says what survived, e.g. "the run keeps its 3 complete epochs".
    """
    tail = f"; {kept}" if kept else ""
    if exc.errno in _FULL:
        return StorageError(f"The disk is full: {what} was not saved{tail}.")
    where = exc.filename or "the folder"
    if exc.errno in _READ_ONLY:
        return StorageError(f"{where} cannot be written (read-only): {what} was not saved{tail}.")
    return StorageError(
        f"{what[:1].upper()}{what[1:]} was not saved ({exc.strerror or exc}){tail}."
    )
