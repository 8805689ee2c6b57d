"""Which changes only touch punctuation, white space or case (View → Hide punctuation-only
changes). Plain Python, no Qt: the rule is tested on its own and may run in a worker.

The rule: a change is punctuation-only when both sides hold text, no fact flag is raised, it
is not a move, and the two sides have the same words once case is folded — where a number
is one word with the marks inside it, so "1,000" → "1000" or "3.5" → "3,5" is a changed
number, never punctuation. Quote style, dashes, hyphens, commas and full stops, spacing and
line breaks, upper or lower case may differ. An added, removed or moved claim, and any
flagged change, is always shown.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable

from factcheck_gui.engine.types import Change, ChangeKind, Comparison
from factcheck_gui.review.docindex import ComparisonIndex

# A number with what joins its digits (1,000 · 3.5 · 12:30 · 1/2 · 2024-05-01), else a word.
_TOKEN = re.compile(r"\d+(?:[.,:/\-–]\d+)*|[^\W_]+")
_SHAPES = (ChangeKind.REWORDED, ChangeKind.SPLIT, ChangeKind.MERGED)


def words(text: str) -> list[str]:
    """The words of ``text``, case folded, numbers whole (what the rule compares)."""
    return _TOKEN.findall(text.casefold())


def is_punctuation_only(change: Change, original_text: str, rewrite_text: str) -> bool:
    """True when the change's two texts differ only in punctuation, white space or case
    (see the module docstring)."""
    if change.kind not in _SHAPES or change.moved or change.flags:
        return False
    if not change.original or not change.rewrite:
        return False
    return words(original_text) == words(rewrite_text)


def punctuation_only_ids(comparison: Comparison, changes: Iterable[Change] | None = None) -> frozenset[str]:
    """The ids of the punctuation-only changes among ``changes`` (default: all of them)."""
    out: set[str] = set()
    for ch in comparison.changes if changes is None else changes:
        if ch.kind in _SHAPES and not ch.moved and not ch.flags and ch.original and ch.rewrite:
            text = comparison.text_of
            if is_punctuation_only(ch, text(ch, "original"), text(ch, "rewrite")):
                out.add(ch.id)
    return frozenset(out)


_found: weakref.WeakKeyDictionary[ComparisonIndex, frozenset[str]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def punctuation_only_of(index: ComparisonIndex) -> frozenset[str]:
    """:func:`punctuation_only_ids` of an index's review changes, worked out once per index
    (the worker that compares asks first, so the window only looks the answer up)."""
    with _lock:
        known = _found.get(index)
    if known is None:
        known = punctuation_only_ids(index.comparison, index.review_changes)
        with _lock:
            _found[index] = known
    return known
