"""A gzip file decompressed on a second thread while the caller reads it (:class:`Gunzip`).

Reading the dataset archive is decompression (about a fifth of the time) plus parsing the
tar headers of 50,000 files in Python. ``zlib`` releases the GIL while it inflates, so a
helper thread can decompress the next megabytes on the second core while the previous
ones are parsed (:mod:`engine.data.tar_stream` takes whole pieces, ``tarfile`` reads it as
a plain, uncompressed file).
"""

from __future__ import annotations

import io
import queue
import threading
import zlib
from pathlib import Path
from typing import Any

GZIP_MAGIC = b"\x1f\x8b"
_READ_SIZE = 1 << 18  # compressed bytes per step: 256 KB inflate to ~1 MB
_AHEAD = 16  # decompressed pieces waiting at most (bounds the memory used ahead)


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == GZIP_MAGIC


class Gunzip(io.RawIOBase):
    """Read-only, forward-only file of ``path``'s decompressed gzip content.

    Errors of the decompressing thread (``zlib.error``, ``EOFError`` for a truncated file,
    ``OSError``) are raised by the next read. :meth:`close` stops and joins the thread.
    ``consumed`` is how many compressed bytes have been decompressed so far (progress).
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._pieces: queue.Queue[bytes | BaseException | None] = queue.Queue(_AHEAD)
        self._stop = threading.Event()
        self._piece = memoryview(b"")
        self.consumed = 0
        self._thread = threading.Thread(
            target=self._inflate, args=(Path(path),), name="gunzip", daemon=True
        )
        self._thread.start()

    def _put(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._pieces.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _inflate(self, path: Path) -> None:
        try:
            with open(path, "rb") as f:
                inflater = zlib.decompressobj(wbits=31)  # gzip header and trailer
                while not inflater.eof and not self._stop.is_set():
                    data = f.read(_READ_SIZE)
                    if not data:
                        raise EOFError("Compressed file ended before the end-of-stream marker")
                    self.consumed += len(data)
                    piece = inflater.decompress(data)
                    if piece and not self._put(piece):
                        return
            self._put(None)
        except (OSError, EOFError, zlib.error) as exc:
            self._put(exc)

    def readable(self) -> bool:
        return True

    def _next(self) -> bytes | None:
        item = self._pieces.get()
        if item is None:
            self._pieces.put(None)  # stay at the end for later reads
            return None
        if isinstance(item, BaseException):
            self._pieces.put(item)
            raise item
        return item

    def next_piece(self) -> bytes:
        """The next decompressed bytes as they came out of zlib (no copy), ``b""`` at the end.

        What :meth:`readinto` left of a piece comes first.
        """
        if len(self._piece):
            piece, self._piece = bytes(self._piece), memoryview(b"")
            return piece
        return self._next() or b""

    def readinto(self, buffer: Any) -> int:
        while not len(self._piece):
            item = self._next()
            if item is None:
                return 0
            self._piece = memoryview(item)
        n = min(len(buffer), len(self._piece))
        buffer[:n] = self._piece[:n]
        self._piece = self._piece[n:]
        return n

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        super().close()
