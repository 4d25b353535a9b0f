"""Sentences with a count for code outside a QObject's own methods (functions, mixins).

``pyside6-lupdate`` finds plural forms only in ``self.tr(text, "", n)`` calls, so the
Train and Runs tabs' mixins and functions get their counted sentences from here, each
written in full with ``%n`` in its place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.common.localized import plural


class Counted(QObject):
    """``Counted().text(key, n)``: the sentence ``key`` for ``n`` in the current language.

    The sentence may hold ``{name}`` fields besides ``%n``; the caller fills them.
    """

    def text(self, key: str, n: int) -> str:
        sentences = {
            "retrain_building": lambda: self.tr(
                "Retraining for %n epoch(s) on all training reviews: building the model...", "", n
            ),
            "retrain_started": lambda: self.tr(
                "Retraining for %n epoch(s) on all training reviews...", "", n
            ),
            "train_started": lambda: self.tr("Training {model} (%n epoch(s))...", "", n),
            "saved_run_best": lambda: self.tr(
                "Showing the saved run “{name}”: %n epoch(s), lowest validation loss at epoch "
                "{best}. Press Train for a new run.",
                "",
                n,
            ),
            "saved_run": lambda: self.tr(
                "Showing the saved run “{name}”: %n epoch(s). Press Train for a new run.", "", n
            ),
            "retrain_name": lambda: self.tr("Retrain %n epoch(s) and test ({model})", "", n),
            "stopped": lambda: self.tr("Stopped by you after %n epoch(s) ({took}).", "", n),
            "failed": lambda: self.tr("Training failed after %n epoch(s) ({took}).", "", n),
            "finished": lambda: self.tr("Finished %n epoch(s) in {took}.", "", n),
            "delete_runs": lambda: self.tr(
                "Delete %n run(s) with their saved models and per-epoch weights? "
                "This cannot be undone.",
                "",
                n,
            ),
        }
        return plural(sentences[key](), n)


def counted(key: str, n: int) -> str:
    """:meth:`Counted.text` (a short-lived QObject: any thread, no parent to outlive)."""
    return Counted().text(key, n)
