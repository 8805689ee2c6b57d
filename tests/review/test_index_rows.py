"""What the worker makes with a comparison's index so that showing it costs the window little:
the change list's columns."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts
from factcheck_gui.resources import sample_pair
from factcheck_gui.review.docindex import ComparisonIndex
from factcheck_gui.review.session import VerdictSession


def test_the_change_lists_columns_are_the_review_changes_own() -> None:
    original, rewrite = (p.read_text(encoding="utf-8") for p in sample_pair())
    idx = ComparisonIndex(compare_texts(original, rewrite), facts=False)
    changes = idx.review_changes
    assert changes and any(c.flags for c in changes)
    assert idx.review_row == {c.id: i for i, c in enumerate(changes)}
    assert idx.row_kinds == [c.kind.value for c in changes]
    assert idx.row_flag_types == [frozenset(f.type.value for f in c.flags) for c in changes]


def test_the_count_of_reviewed_changes_is_of_verdicts_given(session: VerdictSession) -> None:
    first, second, third = (c.id for c in session.index.review_changes[:3])
    session.press(first, session.scale[0])
    session.press(second, session.scale[1])
    session.press(third, session.scale[0])
    session.press(second, None)  # cleared: no longer reviewed
    assert session.reviewed_count() == 2
    assert session.left_to_review() == len(session.index.review_changes) - 2
