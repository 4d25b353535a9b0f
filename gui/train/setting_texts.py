"""The Train tab's settings in words: each one's label in the form and its tooltip.

The tooltips say what a setting does and what section 3.4 of the book says about it. All
are translated in the "SettingsPanel" context, the form's.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Each setting's label in the form, in the form's order.
LABELS = {
    "preset": QT_TRANSLATE_NOOP("SettingsPanel", "Preset"),
    "layers": QT_TRANSLATE_NOOP("SettingsPanel", "Hidden layers"),
    "units": QT_TRANSLATE_NOOP("SettingsPanel", "Units per layer"),
    "activation": QT_TRANSLATE_NOOP("SettingsPanel", "Activation"),
    "loss": QT_TRANSLATE_NOOP("SettingsPanel", "Loss"),
    "optimizer": QT_TRANSLATE_NOOP("SettingsPanel", "Optimizer"),
    "learning_rate": QT_TRANSLATE_NOOP("SettingsPanel", "Learning rate"),
    "num_words": QT_TRANSLATE_NOOP("SettingsPanel", "Vocabulary (words)"),
    "epochs": QT_TRANSLATE_NOOP("SettingsPanel", "Epochs"),
    "batch_size": QT_TRANSLATE_NOOP("SettingsPanel", "Batch size"),
    "validation_size": QT_TRANSLATE_NOOP("SettingsPanel", "Validation reviews"),
    "early_stopping": QT_TRANSLATE_NOOP("SettingsPanel", "Early stopping (patience)"),
    "seed": QT_TRANSLATE_NOOP("SettingsPanel", "Seed"),
}

# What each setting does and what section 3.4 says about it; shown as tooltips.
TIPS = {
    "preset": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Start from the book's model or one of the chapter's suggested experiments.\n"
        "The book ends section 3.4 by suggesting 1 or 3 hidden layers, 32 or 64 units,\n"
        "the mse loss and the tanh activation.",
    ),
    "layers": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Number of Dense hidden layers. The book uses two; it suggests trying one or\n"
        "three and watching how validation and test accuracy change.",
    ),
    "units": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Units per hidden layer (the dimensionality of the representation). The book\n"
        "uses 16; more units let the model learn more complex representations but\n"
        "make it more expensive and more prone to overfitting.",
    ),
    "activation": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Hidden-layer activation. The book uses relu (zero out negatives); tanh was\n"
        "popular in the early days of neural networks. The output layer is always\n"
        "a sigmoid that gives a probability.",
    ),
    "loss": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "binary_crossentropy is the best choice for a model that outputs probabilities\n"
        "(the book's choice); mse is the chapter's suggested alternative.",
    ),
    "optimizer": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "The book compiles with rmsprop, a good default for almost any problem.",
    ),
    "learning_rate": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Step size of the optimizer; 0.001 is rmsprop's default in the book.",
    ),
    "epochs": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Passes over the training reviews. The book trains 20 epochs, sees the\n"
        "validation loss bottom out around epoch 4 and retrains from scratch for 4.",
    ),
    "batch_size": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Reviews per gradient update; the book uses mini-batches of 512.",
    ),
    "validation_size": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Training reviews set apart to monitor the model on data it never trained\n"
        "on. The book holds out 10,000 of the 25,000 training reviews.",
    ),
    "num_words": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Keep only the N most frequent words of the training reviews; the book uses\n"
        "10,000 so the multi-hot vectors stay a manageable size. Changing it re-indexes\n"
        "the dataset before training.",
    ),
    "seed": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Random seed for weight initialisation and shuffling, so runs can be repeated.",
    ),
    "early_stopping": QT_TRANSLATE_NOOP(
        "SettingsPanel",
        "Stop when the validation loss has not improved for this many epochs and\n"
        "keep the best weights (Keras EarlyStopping). The book instead reads the best\n"
        "epoch off the plot and retrains; 0 turns it off.",
    ),
}
