"""The overfitting explanation appears only once the curves really show it."""

from __future__ import annotations

from engine.book.explain import overfitting_note

# The book's shape: validation loss lowest at epoch 4, then rising.
LOSS = [0.50, 0.30, 0.22, 0.17, 0.14, 0.11, 0.09, 0.07]
VAL = [0.38, 0.30, 0.28, 0.27, 0.29, 0.31, 0.34, 0.38]


def test_the_books_curves_are_explained_from_the_epoch_after_the_lowest():
    note = overfitting_note(LOSS, VAL)
    assert note == (
        "From epoch 5 the model keeps getting better on its training reviews and worse on "
        "reviews it has not seen: it is memorising them. The book stops at epoch 4."
    )


def test_nothing_is_said_too_early_or_when_it_is_not_true():
    assert overfitting_note(LOSS[:6], VAL[:6]) is None  # only 2 epochs above the lowest
    assert overfitting_note(LOSS[:7], VAL[:7]) is not None  # 3 epochs: now it is said
    assert overfitting_note([], []) is None
    assert overfitting_note(LOSS, sorted(VAL, reverse=True)) is None  # still improving
    flat = [0.5] * len(LOSS)
    assert overfitting_note(flat, VAL) is None  # training loss not falling either
    dip = VAL[:7] + [0.26]  # a new lowest at the last epoch
    assert overfitting_note(LOSS, dip) is None


def test_another_best_epoch_is_named_next_to_the_books():
    val = [0.40, 0.33, 0.30, 0.29, 0.28, 0.27, 0.29, 0.30, 0.32]
    loss = [0.5, 0.3, 0.2, 0.15, 0.12, 0.10, 0.08, 0.07, 0.06]
    note = overfitting_note(loss, val)
    assert note.startswith("From epoch 7 ")
    assert note.endswith("this run's was lowest at epoch 6.")
