"""The hyperparameter form of the Train tab, with the chapter's presets and a model summary.

Every value is entered through a bounded spin box or a fixed list, so most invalid
settings cannot be typed at all; what remains (checked by ``ModelConfig.validate``) is
reported inline under the form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.errors import ConfigError
from engine.model.config import (
    ACTIVATIONS,
    LOSSES,
    OPTIMIZERS,
    PRESETS,
    ModelConfig,
    preset,
    summary_rows,
)
from gui.common.translate import Retranslating
from gui.help.dialogs import glossary_button
from gui.train.presets import CUSTOM, PRESET_TEXTS, matching_preset
from gui.train.setting_texts import LABELS, TIPS

__all__ = ["CUSTOM", "SettingsPanel", "summary_text"]


def _spin(name: str, low: int, high: int, step: int = 1, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setGroupSeparatorShown(True)
    if special:
        box.setSpecialValueText(special)
    return box


def _combo(name: str, items) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItems(list(items))
    return box


class SettingsPanel(Retranslating, QWidget):
    """Form for a :class:`ModelConfig`; emits ``config_changed`` with the new config."""

    config_changed = Signal(object)
    code_requested = Signal()  # "Show the Keras code"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying = False
        self.preset_keys = [*PRESETS, CUSTOM]  # the combo's items; their texts are translated
        self.preset_combo = _combo(
            "preset_combo", [PRESET_TEXTS.get(k, k) for k in self.preset_keys]
        )
        self.layers_spin = _spin("layers_spin", 1, 8)
        self.units_spin = _spin("units_spin", 1, 4096)
        self.activation_combo = _combo("activation_combo", ACTIVATIONS)
        self.loss_combo = _combo("loss_combo", LOSSES)
        self.optimizer_combo = _combo("optimizer_combo", OPTIMIZERS)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("learning_rate_spin")
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 10.0)
        self.lr_spin.setSingleStep(0.0005)
        self.epochs_spin = _spin("epochs_spin", 1, 1000)
        self.batch_spin = _spin("batch_size_spin", 1, 25_000, 32)
        self.validation_spin = _spin("validation_size_spin", 0, 24_000, 1000, " ")
        self.num_words_spin = _spin("num_words_spin", 100, 100_000, 1000)
        self.seed_spin = _spin("seed_spin", 0, 2**31 - 1)
        self.early_spin = _spin("early_stopping_spin", 0, 100, 1, " ")
        self.error_label = QLabel()
        self.error_label.setObjectName("config_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.model_box = QGroupBox()
        model_form = QFormLayout(self.model_box)
        self.train_box = QGroupBox()
        train_form = QFormLayout(self.train_box)
        rows = [  # (form, field, setting: its label and tooltip in setting_texts)
            (model_form, self.preset_combo, "preset"),
            (model_form, self.layers_spin, "layers"),
            (model_form, self.units_spin, "units"),
            (model_form, self.activation_combo, "activation"),
            (model_form, self.loss_combo, "loss"),
            (model_form, self.optimizer_combo, "optimizer"),
            (model_form, self.lr_spin, "learning_rate"),
            (model_form, self.num_words_spin, "num_words"),
            (train_form, self.epochs_spin, "epochs"),
            (train_form, self.batch_spin, "batch_size"),
            (train_form, self.validation_spin, "validation_size"),
            (train_form, self.early_spin, "early_stopping"),
            (train_form, self.seed_spin, "seed"),
        ]
        # Settings whose words the glossary explains get a "?" next to them.
        glossary = {
            "loss": "binary_crossentropy",
            "epochs": "epoch",
            "batch_size": "batch",
            "validation_size": "validation",
            "num_words": "multi_hot",
        }
        self.row_labels: list[tuple[QLabel, QWidget, str, str]] = []  # label, field, text, tip
        for form, widget, tip in rows:
            text = QLabel()
            self.row_labels.append((text, widget, LABELS[tip], tip))
            if tip in glossary:
                field = QHBoxLayout()
                field.setContentsMargins(0, 0, 0, 0)
                field.addWidget(widget, 1)
                field.addWidget(glossary_button(glossary[tip], self))
                form.addRow(text, field)
            else:
                form.addRow(text, widget)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("model_summary_label")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.summary_label.setFont(mono)
        self.summary_box = QGroupBox()
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.addWidget(self.summary_label)
        self.code_button = QPushButton(objectName="show_keras_code_button")
        self.code_button.clicked.connect(self.code_requested)
        summary_layout.addWidget(self.code_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.model_box)
        layout.addWidget(self.train_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_box)

        self.set_config(ModelConfig())
        self.retranslate()
        self.preset_combo.currentIndexChanged.connect(
            lambda index: self.apply_preset(self.preset_keys[index]) if index >= 0 else None
        )
        for box in (
            self.layers_spin,
            self.units_spin,
            self.epochs_spin,
            self.batch_spin,
            self.validation_spin,
            self.num_words_spin,
            self.seed_spin,
            self.early_spin,
        ):
            box.valueChanged.connect(self._changed)
        self.lr_spin.valueChanged.connect(self._changed)
        for combo in (self.activation_combo, self.loss_combo, self.optimizer_combo):
            combo.currentTextChanged.connect(self._changed)

    def retranslate(self) -> None:
        self.model_box.setTitle(self.tr("Model"))
        self.train_box.setTitle(self.tr("Training"))
        for i, key in enumerate(self.preset_keys):
            self.preset_combo.setItemText(i, self.tr(PRESET_TEXTS.get(key, key)))
        self.validation_spin.setSpecialValueText(self.tr("None", "no validation reviews"))
        self.early_spin.setSpecialValueText(self.tr("Off", "early stopping"))
        for label, widget, text, tip in self.row_labels:
            label.setText(self.tr(text))
            label.setToolTip(self.tr(TIPS[tip]))
            widget.setToolTip(self.tr(TIPS[tip]))
        self.summary_label.setToolTip(
            self.tr("The model Keras will build, as model.summary() prints it.")
        )
        self.summary_box.setTitle(self.tr("Model summary"))
        self.code_button.setText(self.tr("Show the Keras code"))
        self.code_button.setToolTip(
            self.tr(
                "These settings as a standalone Keras script in the book's style, to read, "
                "copy or save and run."
            )
        )
        if self.error_label.isVisible() or self.error_label.text():
            self.error_label.setText(self.validate())

    def preset_name(self) -> str:
        """The chosen preset's own (English) name, or :data:`CUSTOM`."""
        index = self.preset_combo.currentIndex()
        return self.preset_keys[index] if index >= 0 else CUSTOM

    def config(self) -> ModelConfig:
        """The config the form describes (not validated)."""
        return ModelConfig(
            hidden_units=[self.units_spin.value()] * self.layers_spin.value(),
            activation=self.activation_combo.currentText(),
            loss=self.loss_combo.currentText(),
            optimizer=self.optimizer_combo.currentText(),
            learning_rate=round(self.lr_spin.value(), 6),
            batch_size=self.batch_spin.value(),
            epochs=self.epochs_spin.value(),
            validation_size=self.validation_spin.value(),
            num_words=self.num_words_spin.value(),
            seed=self.seed_spin.value(),
            early_stopping=self.early_spin.value(),
        )

    def set_config(self, config: ModelConfig) -> None:
        """Show ``config`` in the form (units of the first layer stand for all layers)."""
        self._applying = True
        try:
            self.layers_spin.setValue(len(config.hidden_units))
            self.units_spin.setValue(config.hidden_units[0])
            self.activation_combo.setCurrentText(config.activation)
            self.loss_combo.setCurrentText(config.loss)
            self.optimizer_combo.setCurrentText(config.optimizer)
            self.lr_spin.setValue(config.learning_rate)
            self.batch_spin.setValue(config.batch_size)
            self.epochs_spin.setValue(config.epochs)
            self.validation_spin.setValue(config.validation_size)
            self.num_words_spin.setValue(config.num_words)
            self.seed_spin.setValue(config.seed)
            self.early_spin.setValue(config.early_stopping)
        finally:
            self._applying = False
        self._changed()

    def apply_preset(self, name: str) -> None:
        """Set every setting to the preset's (the book's run with one change), keeping the seed."""
        if name == CUSTOM or name not in PRESETS or self._applying:
            return
        self.set_config(preset(name).replace(seed=self.seed_spin.value()))

    def validate(self, train_size: int | None = None) -> str:
        """The ConfigError text for the current values, or "" if they are valid."""
        try:
            config = self.config()
            config.validate(**({"train_size": train_size} if train_size else {}))
        except ConfigError as exc:
            return str(exc)
        return ""

    def _changed(self, *_args) -> None:
        if self._applying:
            return
        config = self.config()
        name = matching_preset(config)
        if self.preset_name() != name:
            self._applying = True
            self.preset_combo.setCurrentIndex(self.preset_keys.index(name))
            self._applying = False
        self.summary_label.setText(summary_text(config))
        message = self.validate()
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.config_changed.emit(config)


def summary_text(config: ModelConfig) -> str:
    """A ``model.summary()``-like table for ``config``."""
    rows = summary_rows(config)
    width = max(26, *(len(r[0]) + 2 for r in rows))
    lines = [f"{'Layer (type)':<{width}}{'Output shape':<14}{'Param #':>9}", "-" * (width + 23)]
    for layer, shape, params in rows:
        lines.append(f"{layer:<{width}}{shape:<14}{params:>9,}")
    lines.append("-" * (width + 23))
    lines.append(f"Total params: {sum(r[2] for r in rows):,}")
    return "\n".join(lines)
