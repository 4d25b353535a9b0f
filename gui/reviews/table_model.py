"""The review browser's table: one Qt model over the dataset's numpy arrays.

Filtering and sorting never touch Python objects per review: a filter is a boolean mask
built from whole arrays, sorting is one ``argsort`` of the filtered index array, and the
view only ever asks for the few rows on screen. Text search scans one lower-cased copy of
the UTF-8 text blob, jumping to the next review after each hit, so even a common word
costs one ``bytes.find`` per matching review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from gui.common.localized import decimal, number
from gui.reviews.text_search import TextSearch, folded_texts

COLUMNS = (  # translated where they are shown
    QT_TRANSLATE_NOOP("ReviewTableModel", "Split"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Label"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Rating"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Words"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "P(positive)"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Result"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Review"),
)


# Sort key behind each column; "row" keeps the dataset's order (train/neg, train/pos, ...).
def rating_text(ds, i: int) -> str:
    """``"8/10"`` for IMDB, the rating as given for your own data, "" when unknown."""
    if not ds.rating[i]:
        return ""
    own = ds.extra.get("dataset") if isinstance(ds.extra, dict) else None
    high = own.get("label_rule", {}).get("high") if isinstance(own, dict) else None
    if isinstance(high, (int, float)) and own.get("kind") != "imdb":
        return f"{ds.rating[i]}/{high:g}"
    return f"{ds.rating[i]}/10"


COLUMN_KEYS = ("split", "label", "rating", "words", "probability", "result", "row")
SNIPPET_BYTES = 240
_BREAKS = re.compile(r"<br\s*/?>|\s+", re.IGNORECASE)

LABELS = {"negative": 0, "positive": 1, "neg": 0, "pos": 1}


def _label_value(value) -> int | None:
    if value is None or value == "" or value == "all":
        return None
    if isinstance(value, str):
        return LABELS[value.lower()]
    return int(value)


@dataclass(frozen=True)
class ReviewFilter:
    """What the browser shows. ``None`` means "any"; labels are 0 (negative) / 1 (positive)."""

    split: str | None = None  # "train" | "validation" | "test" (train = all 25,000 without a run)
    label: int | None = None  # true label
    predicted: int | None = None  # predicted label (needs a model)
    correct: bool | None = None  # True = right, False = wrong (needs a model)
    prob_min: float = 0.0
    prob_max: float = 1.0
    text: str = ""

    @classmethod
    def from_dict(cls, values: dict) -> ReviewFilter:
        """Build from a ``state.filter_requested`` dict; unknown keys are ignored.

        Labels may be given as 0/1 or "negative"/"positive"; ``split`` "all" means any.
        """
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in values.items() if k in known}
        for key in ("label", "predicted"):
            if key in kw:
                kw[key] = _label_value(kw[key])
        if kw.get("split") in ("all", ""):
            kw["split"] = None
        return cls(**kw)

    def needs_predictions(self) -> bool:
        return (
            self.predicted is not None
            or self.correct is not None
            or self.prob_min > 0.0
            or self.prob_max < 1.0
        )


class ReviewTableModel(QAbstractTableModel):
    """All reviews of a :class:`engine.data.dataset.Dataset` with the current model's predictions."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dataset = None
        self.probabilities: np.ndarray | None = None  # float32 per review, or None
        # The current run's held-out validation reviews (bool per review), or None.
        self.validation: np.ndarray | None = None
        self.filter = ReviewFilter()
        self.sort_key = "row"
        self.descending = False
        self._search: TextSearch | None = None
        self._view = np.zeros(0, dtype=np.int64)  # dataset rows in display order

    # ----- data -------------------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        self.beginResetModel()
        self.dataset = dataset
        self.probabilities = None
        self.validation = None
        self._search = (
            TextSearch(dataset.text_blob, dataset.text_offsets, folded=folded_texts(dataset))
            if dataset
            else None
        )
        self._view = self._compute_view()
        self.endResetModel()

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        """New predictions for every review (same order as the dataset), or None."""
        if probabilities is not None:
            probabilities = np.asarray(probabilities, dtype=np.float32).reshape(-1)
            if self.dataset is None or len(probabilities) != len(self.dataset):
                raise ValueError("One probability per review is needed.")
        self.probabilities = probabilities
        if self.filter.needs_predictions() or self.sort_key not in (
            "split",
            "label",
            "rating",
            "words",
            "row",
        ):
            self._refresh()
        elif self._view.size:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self._view) - 1, 5))

    def set_validation(self, rows) -> None:
        """Mark ``rows`` (dataset rows) as the current run's validation reviews (None: none)."""
        mask = None
        if rows is not None and self.dataset is not None and len(rows):
            mask = np.zeros(len(self.dataset), dtype=bool)
            mask[np.asarray(rows, dtype=np.int64)] = True
        self.validation = mask
        self._refresh()

    def split_codes(self) -> np.ndarray:
        """0 train, 1 validation, 2 test for every review."""
        codes = self.dataset.split.astype(np.int8) * 2
        if self.validation is not None:
            codes[self.validation] = 1
        return codes

    def set_filter(self, review_filter: ReviewFilter) -> None:
        self.filter = review_filter
        self._refresh()

    def sort_by(self, key: str, descending: bool = False) -> None:
        """Sort by a column key or one of "error" (how wrong) / "uncertainty" (|p - 0.5|)."""
        self.sort_key, self.descending = key, descending
        self._refresh()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003
        if 0 <= column < len(COLUMN_KEYS):
            self.sort_by(COLUMN_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def dataset_row(self, view_row: int) -> int:
        """The dataset index shown on ``view_row``."""
        return int(self._view[view_row])

    def view_row_of(self, dataset_row: int) -> int | None:
        hits = np.flatnonzero(self._view == dataset_row)
        return int(hits[0]) if hits.size else None

    def retranslate(self) -> None:
        """Repaint the headers and the visible words in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._view.size:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._view) - 1, 5))

    @property
    def visible_rows(self) -> np.ndarray:
        return self._view

    def _refresh(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._view = self._compute_view()
        # Persistent indexes (the selection) are dropped rather than remapped: rows change wholesale.
        self.changePersistentIndexList(
            self.persistentIndexList(), [QModelIndex()] * len(self.persistentIndexList())
        )
        self.layoutChanged.emit()

    # ----- numpy filtering and sorting --------------------------------------------------
    def _compute_view(self) -> np.ndarray:
        ds = self.dataset
        if ds is None:
            return np.zeros(0, dtype=np.int64)
        f = self.filter
        mask = np.ones(len(ds), dtype=bool)
        if f.split is not None:
            mask &= self.split_codes() == {"train": 0, "validation": 1, "test": 2}[f.split]
        if f.label is not None:
            mask &= ds.label == f.label
        p = self.probabilities
        if f.needs_predictions():
            if p is None:
                mask[:] = False  # nothing is predicted yet, so nothing can match
            else:
                predicted = p >= 0.5
                if f.predicted is not None:
                    mask &= predicted == bool(f.predicted)
                if f.correct is not None:
                    mask &= (predicted == (ds.label == 1)) == f.correct
                if f.prob_min > 0.0:
                    mask &= p >= f.prob_min
                if f.prob_max < 1.0:
                    mask &= p <= f.prob_max
        if f.text.strip() and self._search is not None:
            mask &= self._search.mask(f.text)
        rows = np.flatnonzero(mask)
        key = self._sort_values(rows)
        if key is None:
            return rows[::-1].copy() if self.descending else rows
        order = np.argsort(-key if self.descending else key, kind="stable")
        return rows[order]

    def _sort_values(self, rows: np.ndarray) -> np.ndarray | None:
        ds, p, k = self.dataset, self.probabilities, self.sort_key
        simple = {"label": ds.label, "rating": ds.rating, "words": ds.n_words}
        if k == "split":
            return self.split_codes()[rows].astype(np.float64)
        if k in simple:
            return simple[k][rows].astype(np.float64)
        if k == "row" or p is None:
            return None
        pr = p[rows].astype(np.float64)
        if k == "probability":
            return pr
        if k == "result":
            return ((pr >= 0.5) == (ds.label[rows] == 1)).astype(np.float64)
        if k == "error":
            return np.abs(pr - ds.label[rows])
        if k == "uncertainty":
            return np.abs(pr - 0.5)
        raise ValueError(f"Unknown sort key {k!r}.")

    # ----- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._view):
            return None
        i, col = int(self._view[index.row()]), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(i, col)
        if role == Qt.ItemDataRole.UserRole:
            return i
        if role == Qt.ItemDataRole.ToolTipRole and col == 6:
            return self._snippet(i, 600)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and self.probabilities is not None:
            right = (self.probabilities[i] >= 0.5) == (self.dataset.label[i] == 1)
            return QColor("#1b7f3b") if right else QColor("#c62828")
        return None

    def _display(self, i: int, col: int):
        ds, p = self.dataset, self.probabilities
        if col == 0:
            if ds.split[i]:
                return self.tr("test")
            if self.validation is not None and self.validation[i]:
                return self.tr("validation")
            return self.tr("train")
        if col == 1:
            return self.tr("positive") if ds.label[i] == 1 else self.tr("negative")
        if col == 2:
            return rating_text(ds, i) or "?"
        if col == 3:
            return number(ds.n_words[i])
        if col == 4:
            return "—" if p is None else decimal(p[i], 3)
        if col == 5:
            if p is None:
                return "—"
            return self.tr("right") if (p[i] >= 0.5) == (ds.label[i] == 1) else self.tr("wrong")
        if col == 6:
            return self._snippet(i, SNIPPET_BYTES)
        return None

    def _snippet(self, i: int, limit: int) -> str:
        start = int(self.dataset.text_offsets[i])
        end = min(int(self.dataset.text_offsets[i + 1]), start + limit)
        text = self.dataset.text_blob[start:end].tobytes().decode("utf-8", errors="ignore")
        return _BREAKS.sub(" ", text).strip()
