"""The current model: which weights every tab scores with, and the one line that names it.

One :class:`CurrentModel` lives in :class:`gui.state.AppState`. It says which run and
epoch the weights come from, what they were trained on, whether they were retrained on
all training reviews and what their test result is, so the Reviews, Predict, Evaluation
and lexicon views can all name the model they use. :class:`ModelLine` shows it in one
strip above every tab; the text is elided (never wider than the window) and the tooltip
holds the full sentence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from engine.errors import LabError
from engine.model.config import PRESETS, ModelConfig, preset
from gui.common.translate import Retranslating

log = logging.getLogger(__name__)


class ModelTexts(QObject):
    """The phrases the model line is made of, each a whole translatable phrase.

    A QObject so that the epoch counts get plural forms (lupdate marks them in ``tr`` only).
    """

    def epochs_retrained(self, epochs: int | None) -> str:
        if not epochs:
            return self.tr("retrained on all training reviews, ? epochs")
        return self.tr("retrained on all training reviews, %n epoch(s)", "", epochs)

    def epochs_after(self, epochs: int) -> str:
        return self.tr("after %n epoch(s)", "", epochs)


def config_name(config: ModelConfig | None) -> str:
    """The preset a configuration matches ("Book (16-16)"), else its layer sizes."""
    if config is None:
        return QCoreApplication.translate("CurrentModel", "unknown settings")
    for name in PRESETS:
        if preset(name, config).to_dict() == config.to_dict():
            # The preset names are translated where the settings panel marks them.
            return QCoreApplication.translate("SettingsPanel", name)
    units = "-".join(str(u) for u in config.hidden_units)
    return (
        QCoreApplication.translate("CurrentModel", "custom (%1 %2)")
        .replace("%1", units)
        .replace("%2", config.activation)
    )


@dataclass(frozen=True)
class CurrentModel:
    """The model every view scores with, and what is known about it.

    Attributes:
        predictor: the :class:`engine.model.predictor.Predictor`.
        run: the history run the weights belong to (a dict from ``RunStore``), or None for
            a model opened from a file or still training without a recorded run.
        epoch: the 1-based epoch picked with the scrubber, or None for the run's saved model.
        epochs: how many epochs the run recorded (for "epoch 12 of 20").
        path: the bundle folder (a run's ``model_path`` or an opened file), if any.
        test: the model's test result (``Evaluation.to_dict()``), when it has been tested.
        training: True while the weights are the latest epoch of a training in progress.
        label: a name for a model that has no run (an opened file's name).
    """

    predictor: Any
    run: dict | None = None
    epoch: int | None = None
    epochs: int | None = None
    path: str | None = None
    test: dict | None = None
    training: bool = False
    label: str = ""
    config: ModelConfig | None = field(default=None, compare=False)

    @property
    def run_id(self) -> int | None:
        return None if self.run is None else self.run.get("id")

    def key(self) -> tuple:
        """Identifies the weights: the same key means the same model (evaluations follow it)."""
        if self.run_id is not None:
            return ("run", int(self.run_id), self.epoch)
        if self.path:
            return ("file", str(self.path))
        return ("object", id(self.predictor))

    def with_test(self, test: dict | None) -> CurrentModel:
        return replace(self, test=test)

    def retrained(self) -> bool:
        """Trained on all training reviews (the book's final step): no validation split."""
        config = self.config or (ModelConfig.from_run(self.run) if self.run else None)
        return bool(self.run is not None and config is not None and config.validation_size == 0)

    def describe(self) -> str:
        """One sentence naming the model, e.g. "Book (16-16), run 7, retrained 4 epochs, test 0.885"."""
        # A list of facts, each one whole translatable phrase (no sentence is assembled).
        translate = QCoreApplication.translate
        texts = ModelTexts()
        config = self.config or (ModelConfig.from_run(self.run) if self.run else None)
        epochs = str(self.epochs or "?")
        parts: list[str] = []
        if self.run is None:
            parts.append(
                self.label
                or (
                    Path(self.path).name
                    if self.path
                    else translate("CurrentModel", "unnamed model")
                )
            )
            if config is not None:
                parts.append(config_name(config))
        else:
            parts.append(
                translate("CurrentModel", "%1, run %2")
                .replace("%2", str(self.run_id))
                .replace("%1", config_name(config))
            )
            if config is not None and config.seed:
                parts.append(translate("CurrentModel", "seed %1").replace("%1", str(config.seed)))
        if self.training:
            parts.append(
                translate("CurrentModel", "training, epoch %1 of %2")
                .replace("%2", epochs)
                .replace("%1", str(self.epoch))
            )
        elif self.epoch is not None:
            parts.append(
                translate("CurrentModel", "epoch %1 of %2 (scrubbed)")
                .replace("%2", epochs)
                .replace("%1", str(self.epoch))
            )
        elif self.retrained():
            parts.append(texts.epochs_retrained(self.epochs))
        elif self.run is not None and self.epochs:
            parts.append(texts.epochs_after(self.epochs))
        if config is not None:
            parts.append(
                translate("CurrentModel", "%1-word vocabulary").replace(
                    "%1", QLocale().toString(int(config.num_words))
                )
            )
        if self.test and self.test.get("accuracy") is not None:
            parts.append(
                translate("CurrentModel", "test accuracy %1").replace(
                    "%1", f"{float(self.test['accuracy']):.3f}"
                )
            )
        else:
            parts.append(translate("CurrentModel", "not tested"))
        return translate("CurrentModel", ", ").join(parts)

    def short(self) -> str:
        """A few words for a view's own caption ("run 7, epoch 12")."""
        translate = QCoreApplication.translate
        if self.run is None:
            return self.label or (
                Path(self.path).name
                if self.path
                else translate("CurrentModel", "the current model")
            )
        if self.epoch is not None:
            return (
                translate("CurrentModel", "run %1, epoch %2")
                .replace("%2", str(self.epoch))
                .replace("%1", str(self.run_id))
            )
        return translate("CurrentModel", "run %1").replace("%1", str(self.run_id))


def stored_test(store, run: dict | None, epoch: int | None = None) -> dict | None:
    """The stored test result of a run's model (or one of its epochs), None when untested."""
    if store is None or run is None or run.get("id") is None:
        return None
    try:
        return store.evaluation(run["id"], epoch)
    except LabError:
        log.warning("Could not read the stored evaluation", exc_info=True)
        return None


def run_model(store, run: dict, predictor, epoch: int | None = None) -> CurrentModel:
    """The :class:`CurrentModel` for a history run's saved model, or one of its epochs."""
    return CurrentModel(
        predictor,
        run=run,
        epoch=epoch,
        epochs=run.get("epochs"),
        path=run.get("model_path") if epoch is None else None,
        test=stored_test(store, run, epoch),
    )


def remembered(model: CurrentModel | None) -> dict | None:
    """What to write in the settings so a relaunch brings this model back (None: nothing)."""
    if model is None or model.training:
        return None
    if model.run_id is not None:
        return {"run": int(model.run_id), "epoch": model.epoch}
    if model.path:
        return {"path": str(model.path)}
    return None


def model_text(model: CurrentModel | None) -> str:
    """The model line's sentence, in the current language."""
    if model is None:
        return QCoreApplication.translate(
            "CurrentModel", "Model: none yet (train one or open a model file)"
        )
    return QCoreApplication.translate("CurrentModel", "Model: %1").replace("%1", model.describe())


class ModelLine(Retranslating, QWidget):
    """The strip above the tabs naming the current model; elides instead of widening the window.

    It paints its own text rather than being a QLabel: a label's ``setText`` asks the whole
    window to lay itself out again, and the line changes every epoch during training
    (measured: event-loop stalls of 110-180 ms in tests/test_gui_train.py; repainting the
    strip alone costs well under a millisecond).
    """

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("current_model_line")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#eef3f8"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d3550"))
        self.setPalette(palette)
        self.full_text = ""
        self._model: CurrentModel | None = None
        state.model_changed.connect(self.show_model)
        self.show_model(state.model)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def retranslate(self) -> None:
        self.show_model(self._model)

    def show_model(self, model: CurrentModel | None) -> None:
        self._model = model
        self.full_text = model_text(model)
        self.setToolTip(self.full_text)
        self.update()

    def text(self) -> str:
        """The text as shown: elided to the strip's width."""
        return self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, max(self.width() - 12, 40)
        )

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        area = self.rect().adjusted(6, 0, -6, 0)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text()
        )
