"""The words of the Help menu: the section's steps mapped to the tabs, and the glossary.

Kept apart from the widgets so tooltips, "?" buttons and the Help window share one text.
"""

from __future__ import annotations

import html
import importlib.metadata

from engine import __version__

BOOK = (
    "François Chollet, <i>Deep Learning with Python</i>, Manning, 2017: section 3.4, "
    "“Classifying movie reviews: a binary classification example”."
)
DATASET_CITATION = (
    "Andrew L. Maas, Raymond E. Daly, Peter T. Pham, Dan Huang, Andrew Y. Ng and "
    "Christopher Potts. 2011. <i>Learning Word Vectors for Sentiment Analysis</i>. "
    "In Proceedings of the 49th Annual Meeting of the Association for Computational "
    "Linguistics: Human Language Technologies (ACL 2011), pages 142–150, Portland, Oregon, "
    "USA."
)

# (step of the section, where it is in the app, what to look at)
GUIDE_STEPS = [
    (
        "1. The IMDB dataset",
        "Reviews tab; File → Change dataset...",
        "50,000 reviews, half for training and half for testing, each labelled positive or "
        "negative. The book loads Keras's copy, already turned into word indices; the app "
        "reads the Stanford archive by default, or that same copy.",
    ),
    (
        "2. Preparing the data",
        "Reviews tab → a review → “As numbers”",
        "Each review becomes a list of word indices, then a multi-hot vector of 10,000 "
        "zeros and ones: 1 where the review uses that word.",
    ),
    (
        "3. Building your model",
        "Train tab: the settings and the model summary",
        "Two Dense layers of 16 units with relu, then one sigmoid unit that outputs the "
        "probability that the review is positive.",
    ),
    (
        "4. Compiling",
        "Train tab: loss, optimizer, learning rate",
        "rmsprop, binary cross-entropy, and accuracy to watch.",
    ),
    (
        "5. Validating your approach",
        "Train tab: Train, and the loss and accuracy plots",
        "10,000 training reviews are set apart. Training loss keeps falling; validation "
        "loss falls, then rises: the model starts memorising its training reviews "
        "(overfitting). The plots say when.",
    ),
    (
        "6. Retraining and testing",
        "Train tab: “Retrain best N and test”; Evaluation tab",
        "A fresh model is trained for the epoch count where validation loss was lowest "
        "(4 in the book) on all 25,000 training reviews, then tested once on the 25,000 "
        "test reviews: about 88% accuracy.",
    ),
    (
        "7. Using a trained model on new data",
        "Predict tab",
        "Type a review and see the probability, and which words pushed it.",
    ),
    (
        "8. Further experiments",
        "Train tab presets; Runs tab",
        "One or three hidden layers, 32 or 64 units, mse instead of binary cross-entropy, "
        "tanh instead of relu; compare the runs' curves in the Runs tab.",
    ),
    (
        "The code behind the clicks",
        "Train tab → “Show the Keras code”; File menu",
        "The same steps, with your settings, as a standalone Keras script you can run.",
    ),
]

GLOSSARY: dict[str, tuple[str, str]] = {
    "loss": (
        "Loss",
        "One number for how wrong the model's outputs are on a set of reviews; training "
        "changes the weights to make it smaller. Lower is better.",
    ),
    "binary_crossentropy": (
        "Binary cross-entropy",
        "The loss for yes/no outputs: −log of the probability the model gave to the right "
        "answer, averaged over the reviews. Saying 0.99 for a negative review costs much "
        "more than saying 0.6.",
    ),
    "accuracy": (
        "Accuracy",
        "The share of reviews whose verdict (probability above 0.5 = positive) is right.",
    ),
    "validation": (
        "Validation",
        "Training reviews set apart and never trained on, to watch how the model does on "
        "reviews it has not seen, epoch by epoch. The test reviews are kept for the very "
        "end.",
    ),
    "epoch": ("Epoch", "One pass of training over all the training reviews."),
    "batch": (
        "Batch",
        "The reviews the model looks at before each weight update (512 in the book); an "
        "epoch is many batches.",
    ),
    "precision": (
        "Precision",
        "Of the reviews the model calls positive, the share that really are positive.",
    ),
    "recall": (
        "Recall",
        "Of the reviews that really are positive, the share the model calls positive.",
    ),
    "roc_auc": (
        "ROC curve and AUC",
        "The ROC curve shows, for every threshold instead of 0.5, the share of positive "
        "reviews found against the share of negative ones wrongly called positive. AUC, the "
        "area under it, is the chance that a random positive review gets a higher "
        "probability than a random negative one (0.5 = guessing, 1 = perfect).",
    ),
    "multi_hot": (
        "Multi-hot",
        "A review as 10,000 zeros and ones, one per word of the vocabulary: 1 when the "
        "review uses the word at least once. Word order and counts are lost.",
    ),
    "splits": (
        "The dataset's splits",
        "25,000 training reviews and 25,000 test reviews, half positive and half negative "
        "each. 10,000 of the training reviews are held out for validation; the model is "
        "tested once, at the end, on the test reviews.",
    ),
}


def glossary_tip(key: str) -> str:
    """Tooltip text for a glossary term (``key`` of :data:`GLOSSARY`)."""
    title, text = GLOSSARY[key]
    return f"<b>{html.escape(title)}</b>: {html.escape(text)}"


def guide_html() -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(step)}</b><br><span style='color:#555'>{html.escape(where)}"
        f"</span></td><td>{html.escape(what)}</td></tr>"
        for step, where, what in GUIDE_STEPS
    )
    return (
        "<h2>The section, step by step</h2>"
        f"<p>{BOOK}</p>"
        "<table cellspacing='0' cellpadding='6' border='0'>" + rows + "</table>"
    )


def glossary_html() -> str:
    items = "".join(
        f"<p><a name='{key}'></a><b>{html.escape(title)}</b><br>{html.escape(text)}</p>"
        for key, (title, text) in GLOSSARY.items()
    )
    return "<h2>Glossary</h2>" + items


def _version(*names: str) -> str:
    """An installed package's version, read from its metadata (never by importing it)."""
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "not installed"


def versions() -> dict[str, str]:
    """The versions About shows; TensorFlow and Keras are not imported to get them."""
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return {
        "IMDB Sentiment Lab": __version__,
        "TensorFlow": _version("tensorflow", "tensorflow-cpu", "tf-nightly"),
        "Keras": _version("keras"),
        "Qt": f"{qVersion()} (PySide6 {pyside})",
        "pyqtgraph": _version("pyqtgraph"),
        "NumPy": _version("numpy"),
    }


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>"
        for k, v in versions().items()
    )
    return (
        "<h2>IMDB Sentiment Lab</h2>"
        "<p>Train, watch and try the movie-review classifier of the book:</p>"
        f"<p>{BOOK}</p>"
        "<table cellpadding='2'>" + rows + "</table>"
        "<p>The Large Movie Review Dataset is by Maas et al.; its README asks that you "
        f"cite:</p><p>{DATASET_CITATION}</p>"
    )
