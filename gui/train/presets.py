"""The Train tab's presets: their names as the form shows them, and recognising one.

The presets themselves (the book's model and the chapter's suggested experiments) are
:data:`engine.model.config.PRESETS`; their names are translated in the "SettingsPanel"
context, the form's.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from engine.model.config import PRESETS, ModelConfig, preset

CUSTOM = "Custom"
# The presets' names as the combo shows them (and new runs are named).
PRESET_TEXTS = {
    "Book (16-16)": QT_TRANSLATE_NOOP("SettingsPanel", "Book (16-16)"),
    "1 hidden layer": QT_TRANSLATE_NOOP("SettingsPanel", "1 hidden layer"),
    "3 hidden layers": QT_TRANSLATE_NOOP("SettingsPanel", "3 hidden layers"),
    "32 units": QT_TRANSLATE_NOOP("SettingsPanel", "32 units"),
    "64 units": QT_TRANSLATE_NOOP("SettingsPanel", "64 units"),
    "mse loss": QT_TRANSLATE_NOOP("SettingsPanel", "mse loss"),
    "tanh activation": QT_TRANSLATE_NOOP("SettingsPanel", "tanh activation"),
    CUSTOM: QT_TRANSLATE_NOOP("SettingsPanel", "Custom"),
}


def matching_preset(config: ModelConfig) -> str:
    """The preset whose every setting ``config`` has (the seed aside), else :data:`CUSTOM`.

    A preset is the book's whole recipe, epochs and batch size included: 14 epochs is
    no longer "Book (16-16)".
    """
    for name in PRESETS:
        if preset(name).replace(seed=config.seed) == config:
            return name
    return CUSTOM
