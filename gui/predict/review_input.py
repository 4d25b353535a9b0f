"""The Predict tab's text box: Ctrl+Enter predicts now, a dropped ``.txt`` file is read in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPlainTextEdit

MAX_FILE_BYTES = 5_000_000


class ReviewInput(QPlainTextEdit):
    """The text box; a dropped ``.txt`` file replaces its text with the file's content."""

    file_dropped = Signal(str)  # path of a loaded file
    drop_failed = Signal(str)  # a readable message
    submitted = Signal()  # Ctrl+Enter: predict now

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Handled here rather than with a QShortcut so it works whenever the box has focus
        # and never inserts a line break.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802 (Qt override)
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt override)
        files = (
            [u.toLocalFile() for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
        )
        if not files:
            super().insertFromMimeData(source)
            return
        self.load_file(Path(files[0]))

    def load_file(self, path: Path) -> None:
        if path.suffix.lower() != ".txt":
            self.drop_failed.emit(
                self.tr("Only .txt files can be dropped here ({name} is not one).").format(
                    name=path.name
                )
            )
            return
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                self.drop_failed.emit(
                    self.tr("{name} is larger than 5 MB; paste a part of it instead.").format(
                        name=path.name
                    )
                )
                return
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            self.drop_failed.emit(
                self.tr("Could not read {name}: {reason}.").format(
                    name=path.name, reason=exc.strerror or exc
                )
            )
            return
        self.setPlainText(text)
        self.file_dropped.emit(str(path))
