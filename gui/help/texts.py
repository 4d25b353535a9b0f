"""The words of the Help menu: the section's steps mapped to the tabs, and the glossary.

Kept apart from the widgets so tooltips, "?" buttons and the Help window share one text.
"""

from __future__ import annotations

import html
import importlib.metadata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine import __version__


def _tr(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Help", ...)`` below, in the current language."""
    return QCoreApplication.translate("Help", text)


BOOK = QT_TRANSLATE_NOOP(
    "Help",
    "François Chollet, <i>Deep Learning with Python</i>, Manning, 2017: section 3.4, "
    "“Classifying movie reviews: a binary classification example”.",
)
DATASET_CITATION = (
    "Andrew L. Maas, Raymond E. Daly, Peter T. Pham, Dan Huang, Andrew Y. Ng and "
    "Christopher Potts. 2011. <i>Learning Word Vectors for Sentiment Analysis</i>. "
    "In Proceedings of the 49th Annual Meeting of the Association for Computational "
    "Linguistics: Human Language Technologies (ACL 2011), pages 142–150, Portland, Oregon, "
    "USA."
)

# (step of the section, where it is in the app, what to look at), in English: the
# functions below translate them when the page is built (View → Language builds it again).
GUIDE_STEPS = [
    (
        QT_TRANSLATE_NOOP("Help", "1. The IMDB dataset"),
        QT_TRANSLATE_NOOP("Help", "Reviews tab; File → Change dataset..."),
        QT_TRANSLATE_NOOP(
            "Help",
            "50,000 reviews, half for training and half for testing, each labelled positive or "
            "negative. The book loads Keras's copy, already turned into word indices; the app "
            "reads the Stanford archive by default, or that same copy.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "2. Preparing the data"),
        QT_TRANSLATE_NOOP("Help", "Reviews tab → a review → “As numbers”"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Each review becomes a list of word indices, then a multi-hot vector of 10,000 "
            "zeros and ones: 1 where the review uses that word.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "3. Building your model"),
        QT_TRANSLATE_NOOP("Help", "Train tab: the settings and the model summary"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Two Dense layers of 16 units with relu, then one sigmoid unit that outputs the "
            "probability that the review is positive.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "4. Compiling"),
        QT_TRANSLATE_NOOP("Help", "Train tab: loss, optimizer, learning rate"),
        QT_TRANSLATE_NOOP("Help", "rmsprop, binary cross-entropy, and accuracy to watch."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "5. Validating your approach"),
        QT_TRANSLATE_NOOP("Help", "Train tab: Train, and the loss and accuracy plots"),
        QT_TRANSLATE_NOOP(
            "Help",
            "10,000 training reviews are set apart. Training loss keeps falling; validation "
            "loss falls, then rises: the model starts memorising its training reviews "
            "(overfitting). The plots say when.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "6. Retraining and testing"),
        QT_TRANSLATE_NOOP("Help", "Train tab: “Retrain best N and test”; Evaluation tab"),
        QT_TRANSLATE_NOOP(
            "Help",
            "A fresh model is trained for the epoch count where validation loss was lowest "
            "(4 in the book) on all 25,000 training reviews, then tested once on the 25,000 "
            "test reviews: about 88% accuracy.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "7. Using a trained model on new data"),
        QT_TRANSLATE_NOOP("Help", "Predict tab"),
        QT_TRANSLATE_NOOP(
            "Help", "Type a review and see the probability, and which words pushed it."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "8. Further experiments"),
        QT_TRANSLATE_NOOP("Help", "Train tab presets; Runs tab"),
        QT_TRANSLATE_NOOP(
            "Help",
            "One or three hidden layers, 32 or 64 units, mse instead of binary cross-entropy, "
            "tanh instead of relu; compare the runs' curves in the Runs tab.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "The code behind the clicks"),
        QT_TRANSLATE_NOOP("Help", "Train tab → “Show the Keras code”; File menu"),
        QT_TRANSLATE_NOOP(
            "Help", "The same steps, with your settings, as a standalone Keras script you can run."
        ),
    ),
]

GLOSSARY: dict[str, tuple[str, str]] = {
    "loss": (
        QT_TRANSLATE_NOOP("Help", "Loss"),
        QT_TRANSLATE_NOOP(
            "Help",
            "One number for how wrong the model's outputs are on a set of reviews; training "
            "changes the weights to make it smaller. Lower is better.",
        ),
    ),
    "binary_crossentropy": (
        QT_TRANSLATE_NOOP("Help", "Binary cross-entropy"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The loss for yes/no outputs: −log of the probability the model gave to the right "
            "answer, averaged over the reviews. Saying 0.99 for a negative review costs much "
            "more than saying 0.6.",
        ),
    ),
    "accuracy": (
        QT_TRANSLATE_NOOP("Help", "Accuracy"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The share of reviews whose verdict (probability above 0.5 = positive) is right.",
        ),
    ),
    "validation": (
        QT_TRANSLATE_NOOP("Help", "Validation"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Training reviews set apart and never trained on, to watch how the model does on "
            "reviews it has not seen, epoch by epoch. The test reviews are kept for the very "
            "end.",
        ),
    ),
    "epoch": (
        QT_TRANSLATE_NOOP("Help", "Epoch"),
        QT_TRANSLATE_NOOP("Help", "One pass of training over all the training reviews."),
    ),
    "batch": (
        QT_TRANSLATE_NOOP("Help", "Batch"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The reviews the model looks at before each weight update (512 in the book); an "
            "epoch is many batches.",
        ),
    ),
    "precision": (
        QT_TRANSLATE_NOOP("Help", "Precision"),
        QT_TRANSLATE_NOOP(
            "Help", "Of the reviews the model calls positive, the share that really are positive."
        ),
    ),
    "recall": (
        QT_TRANSLATE_NOOP("Help", "Recall"),
        QT_TRANSLATE_NOOP(
            "Help", "Of the reviews that really are positive, the share the model calls positive."
        ),
    ),
    "roc_auc": (
        QT_TRANSLATE_NOOP("Help", "ROC curve and AUC"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The ROC curve shows, for every threshold instead of 0.5, the share of positive "
            "reviews found against the share of negative ones wrongly called positive. AUC, the "
            "area under it, is the chance that a random positive review gets a higher "
            "probability than a random negative one (0.5 = guessing, 1 = perfect).",
        ),
    ),
    "multi_hot": (
        QT_TRANSLATE_NOOP("Help", "Multi-hot"),
        QT_TRANSLATE_NOOP(
            "Help",
            "A review as 10,000 zeros and ones, one per word of the vocabulary: 1 when the "
            "review uses the word at least once. Word order and counts are lost.",
        ),
    ),
    "splits": (
        QT_TRANSLATE_NOOP("Help", "The dataset's splits"),
        QT_TRANSLATE_NOOP(
            "Help",
            "25,000 training reviews and 25,000 test reviews, half positive and half negative "
            "each. 10,000 of the training reviews are held out for validation; the model is "
            "tested once, at the end, on the test reviews.",
        ),
    ),
}


def glossary_tip(key: str) -> str:
    """Tooltip text for a glossary term (``key`` of :data:`GLOSSARY`)."""
    title, text = GLOSSARY[key]
    return f"<b>{html.escape(_tr(title))}</b>: {html.escape(_tr(text))}"


def guide_html() -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(_tr(step))}</b><br><span style='color:#555'>"
        f"{html.escape(_tr(where))}</span></td><td>{html.escape(_tr(what))}</td></tr>"
        for step, where, what in GUIDE_STEPS
    )
    heading = QCoreApplication.translate("Help", "The section, step by step")
    return (
        f"<h2>{heading}</h2>"
        f"<p>{_tr(BOOK)}</p>"
        "<table cellspacing='0' cellpadding='6' border='0'>" + rows + "</table>"
    )


def glossary_html() -> str:
    items = "".join(
        f"<p><a name='{key}'></a><b>{html.escape(_tr(title))}</b><br>{html.escape(_tr(text))}</p>"
        for key, (title, text) in GLOSSARY.items()
    )
    heading = QCoreApplication.translate("Help", "Glossary")
    return f"<h2>{heading}</h2>" + items


def _version(*names: str) -> str:
    """An installed package's version, read from its metadata (never by importing it)."""
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return QCoreApplication.translate("Help", "not installed")


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
    translate = QCoreApplication.translate
    title = translate("Help", "IMDB Sentiment Lab")
    intro = translate("Help", "Train, watch and try the movie-review classifier of the book:")
    cite = translate(
        "Help", "The Large Movie Review Dataset is by Maas et al.; its README asks that you cite:"
    )
    return (
        f"<h2>{title}</h2><p>{intro}</p><p>{_tr(BOOK)}</p>"
        "<table cellpadding='2'>" + rows + "</table>"
        f"<p>{cite}</p><p>{DATASET_CITATION}</p>"
    )
