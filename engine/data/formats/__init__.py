"""Readers of labelled reviews in the formats people keep them in (see :mod:`engine.data.own`).

Every reader yields :class:`~engine.data.formats.columns.Row` tuples one at a time, so a
file of a million reviews is never held in memory as a whole.
"""
