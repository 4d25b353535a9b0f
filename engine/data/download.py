"""Downloading the official Stanford archive, with progress and cancellation.

The file is streamed to a ``.part`` sibling and renamed only once every byte announced by
the server has arrived, so a file at the final name is always complete.
"""

from __future__ import annotations

import errno
import http.client
import os
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from engine import paths
from engine.callbacks import Progress
from engine.errors import Cancelled, DataError

OFFICIAL_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
ARCHIVE_NAME = "aclImdb_v1.tar.gz"
CHUNK_SIZE = 256 * 1024


def default_archive_path() -> Path:
    """Where :func:`download_official` puts the archive (in the app's data folder)."""
    return paths.downloads_dir() / ARCHIVE_NAME


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


class OfflineError(DataError):
    """The download failed because the computer has no network connection."""


# Errors that mean "no network at all" rather than "this server did not answer".
_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH}


def _offline(reason: object) -> bool:
    """True when ``reason`` (a URLError's) says the name could not be looked up or no route."""
    if isinstance(reason, socket.gaierror):
        return True
    return isinstance(reason, OSError) and reason.errno in _OFFLINE_ERRNOS


def download(
    url: str,
    dest: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30,
    chunk_size: int = CHUNK_SIZE,
) -> Path:
    """Download ``url`` to ``dest``.

    Args:
        url: the address (http or https).
        dest: the final file name; data goes to ``dest.with_suffix(".part")`` first.
        progress: ``progress(fraction, message)``; the fraction is 0 while the size is unknown.
        cancel: a ``threading.Event``; when set, the transfer stops and :class:`Cancelled`
            is raised.
        timeout: seconds to wait for the connection and for each read.
        chunk_size: bytes per read (also how often progress and cancel are checked).

    Returns:
        ``dest``.

    Raises:
        DataError: the server cannot be reached, answers with an error, or the transfer is
            incomplete; the partial file is removed.
        Cancelled: ``cancel`` was set.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_suffix(".part")
    received = 0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(part, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("The download was cancelled.")
                chunk = response.read(chunk_size)
                if not chunk:
                    break
                out.write(chunk)
                received += len(chunk)
                if progress:
                    done = _megabytes(received)
                    if total:
                        done += f" of {_megabytes(total)}"
                    progress(received / total if total else 0.0, f"Downloading: {done}")
        # http.client may end a short body quietly instead of raising, so check ourselves.
        if total and received != total:
            raise DataError(
                f"The download of {url} was incomplete: received {received:,} of "
                f"{total:,} bytes. Please try again."
            )
        if received == 0:
            raise DataError(f"The download of {url} was empty. Please try again.")
        os.replace(part, dest)
    except urllib.error.HTTPError as exc:
        raise DataError(
            f"The download of {url} failed: the server answered {exc.code} {exc.reason}."
        ) from exc
    except urllib.error.URLError as exc:
        host = urllib.parse.urlsplit(url).hostname or url
        if _offline(exc.reason):
            raise OfflineError(
                f"The download failed because there is no network connection ({host} "
                "could not be reached). Connect and try again, or download the archive "
                "on another machine and open it (--data or IMDB_LAB_DATA)."
            ) from exc
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise DataError(
            f"Could not reach {host} ({reason}). Check the network connection, "
            f"or download the file yourself and set IMDB_LAB_DATA."
        ) from exc
    except (http.client.HTTPException, OSError) as exc:
        raise DataError(
            f"The download of {url} was interrupted after {received:,} bytes "
            f"({exc or type(exc).__name__}). Please try again."
        ) from exc
    finally:
        part.unlink(missing_ok=True)
    if progress:
        progress(1.0, f"Downloaded {_megabytes(received)}")
    return dest


def download_official(
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    url: str = OFFICIAL_URL,
    dest: Path | None = None,
    timeout: float = 30,
) -> Path:
    """Download the official archive (84 MB) into the app's data folder unless already there."""
    dest = Path(dest) if dest is not None else default_archive_path()
    if dest.is_file() and dest.stat().st_size > 0:
        return dest
    return download(url, dest, progress=progress, cancel=cancel, timeout=timeout)
