"""Plain-words explanations of what a run's curves show (no Qt, no TensorFlow)."""

from __future__ import annotations

from collections.abc import Sequence

BOOK_BEST_EPOCH = 4  # the book retrains for 4 epochs, where its validation loss was lowest
RISING_EPOCHS = 3  # validation loss must have stayed above its lowest this many epochs


def overfitting_note(
    loss: Sequence[float], val_loss: Sequence[float], rising: int = RISING_EPOCHS
) -> str | None:
    """One or two sentences on overfitting, or None while the curves do not show it yet.

    Overfitting is named once validation loss has stayed above its lowest point for
    ``rising`` epochs while the training loss kept falling: the model is getting better on
    its training reviews and worse on reviews it has not seen.

    Args:
        loss: training loss per epoch.
        val_loss: validation loss per epoch (empty without validation).
        rising: epochs after the lowest validation loss before anything is said.
    """
    values = [float(v) for v in val_loss]
    if len(values) < 2:
        return None
    best = min(range(len(values)), key=values.__getitem__)  # first lowest, 0-based
    after = values[best + 1 :]
    if len(after) < rising or not all(v > values[best] for v in after[-rising:]):
        return None
    if len(loss) != len(values) or not float(loss[-1]) < float(loss[best]):
        return None  # training loss stalled too: that is not memorising
    note = (
        f"From epoch {best + 2} the model keeps getting better on its training reviews and "
        f"worse on reviews it has not seen: it is memorising them."
    )
    book = f" The book stops at epoch {BOOK_BEST_EPOCH}."
    if best + 1 != BOOK_BEST_EPOCH:
        book = (
            f" The book stops at epoch {BOOK_BEST_EPOCH}, where its validation loss was "
            f"lowest; this run's was lowest at epoch {best + 1}."
        )
    return note + book
