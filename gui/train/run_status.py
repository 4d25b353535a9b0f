"""Under the Train tab's plots: progress within the epoch, the status line, errors and the test result."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.common.localized import decimal, signed
from gui.common.progress_bar import ProgressBar
from gui.common.translate import Retranslating

BOOK_TEST_ACCURACY = 0.883  # what section 3.4 reports for the retrained 4-epoch model


def clock(seconds: float) -> str:
    """``m:ss`` for a duration in seconds."""
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _box(name: str, style: str) -> QLabel:
    """A hidden, word-wrapping label drawn as a coloured box."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setStyleSheet(style)
    label.hide()
    return label


class RunStatus(Retranslating, QWidget):
    """Progress bar with ETA, status line, error box and the retrain's result card.

    It only shows what the Train tab tells it; the timing of the run (elapsed time, the
    current epoch's start for the ETA) is kept here. Its texts are kept as functions that
    write them in the current language, so a language switch rewrites them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.started = 0.0
        self.epoch_started = 0.0
        self.epoch_seen = 0
        self.total_epochs = 0
        self._texts: dict[str, Callable[[], str]] = {}  # widget name -> its text, translated

        self.epoch_progress = ProgressBar()
        self.epoch_progress.setObjectName("epoch_progress")
        self.epoch_progress.setRange(0, 1000)
        self.epoch_progress.setFormat("")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("training_progress_label")
        # Wraps: a long status ("Stopped after ... Lowest validation loss at ...") in one
        # line set the window's minimum width.
        self.progress_label.setWordWrap(True)
        self.error_label = _box(
            "training_error_label",
            "color: #b00020; padding: 6px; border: "
            "1px solid #e6b0b8; background: #fff5f6; border-radius: 4px;",
        )
        self.result_card = _box(
            "result_card",
            "padding: 8px; border: 1px solid #9ccc9c; background: #f3fbf3; border-radius: 4px;",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.epoch_progress,
            self.progress_label,
            self.error_label,
            self.result_card,
        ):
            layout.addWidget(widget)
        self.say(lambda: self.tr("Not trained yet. Choose settings and press Train."))

    def retranslate(self) -> None:
        for name, text in self._texts.items():
            self._show(name, text())

    def say(self, text: Callable[[], str]) -> None:
        """Show ``text()`` on the status line (called again on a language switch)."""
        self._set("progress", text)

    def _set(self, name: str, text: Callable[[], str]) -> None:
        self._texts[name] = text
        self._show(name, text())

    def _show(self, name: str, text: str) -> None:
        if name == "progress":
            self.progress_label.setText(text)
        elif name == "format":
            self.epoch_progress.setFormat(text)
        elif name == "error":
            self.error_label.setText(text)
        elif name == "result":
            self.result_card.setText(text)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def start(self, text: Callable[[], str], total_epochs: int, keep_result: bool) -> None:
        """A run begins: reset the clock and the bar, hide the last error (and result)."""
        self.started = self.epoch_started = time.monotonic()
        self.epoch_seen = 0
        self.total_epochs = total_epochs
        self.error_label.hide()
        if not keep_result:
            self.result_card.hide()
        self.epoch_progress.setValue(0)
        self.say(text)

    def show_batch(self, progress) -> None:
        """Bar, epoch/batch and ETA for an ``engine.model.training_records.BatchProgress``."""
        now = time.monotonic()
        if progress.epoch != self.epoch_seen:
            self.epoch_seen = progress.epoch
            self.epoch_started = now
        batches = max(1, int(progress.batches))
        fraction = min(1.0, progress.batch / batches)
        self.epoch_progress.setValue(int(fraction * 1000))
        epoch_elapsed = now - self.epoch_started
        epoch, total, elapsed = progress.epoch, self.total_epochs, clock(now - self.started)
        if progress.phase == "validate":
            self._set(
                "format",
                lambda: self.tr("Epoch {epoch}/{total} · validating").format(
                    epoch=epoch, total=total
                ),
            )
            self.say(
                lambda: self.tr("Epoch {epoch}/{total} · validating · elapsed {elapsed}").format(
                    epoch=epoch, total=total, elapsed=elapsed
                )
            )
            return
        batch = progress.batch
        left = epoch_elapsed / fraction * (1 - fraction) if fraction > 0 else 0
        per_epoch = epoch_elapsed / fraction if fraction else 0
        eta = clock(left + (total - epoch) * per_epoch)
        self._set(
            "format",
            lambda: self.tr("Epoch {epoch}/{total} · batch {batch}/{batches}").format(
                epoch=epoch, total=total, batch=batch, batches=batches
            ),
        )
        self.say(
            lambda: self.tr(
                "Epoch {epoch}/{total} · batch {batch}/{batches} · elapsed {elapsed} · ETA {eta}"
            ).format(
                epoch=epoch, total=total, batch=batch, batches=batches, elapsed=elapsed, eta=eta
            )
        )

    def show_end(self, verb: Callable[[], str], text: Callable[[], str], complete: bool) -> None:
        if complete:
            self.epoch_progress.setValue(1000)
        self._set("format", verb)
        self.say(text)

    def show_error(self, message: str | Callable[[], str]) -> None:
        self._set("error", message if callable(message) else lambda: message)
        self.error_label.show()

    def show_result(
        self, test: dict | None, epochs: int | None, test_reviews: Callable[[], str]
    ) -> None:
        """The retrain's test accuracy and loss next to the book's 0.883 (hidden without one)."""
        test = dict(test or {})
        accuracy, loss = test.get("accuracy"), test.get("loss")
        if accuracy is None:
            self.result_card.hide()
            return
        diff = accuracy - BOOK_TEST_ACCURACY
        self._set(
            "result",
            lambda: self.tr(
                "<b>Test set ({reviews} reviews)</b> after retraining {epochs} epochs on all "
                "training reviews:<br><span style='font-size:15pt'><b>accuracy {accuracy}"
                "</b></span> &nbsp; loss {loss} &nbsp;&nbsp; book's reference: accuracy "
                "{book} ({diff})"
            ).format(
                reviews=test_reviews(),
                epochs=epochs,
                accuracy=decimal(accuracy, 4),
                loss=decimal(loss, 4),
                book=decimal(BOOK_TEST_ACCURACY, 3),
                diff=signed(diff, 3),
            ),
        )
        self.result_card.show()
