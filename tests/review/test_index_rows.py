"""What the worker makes with a comparison's index so that showing it costs the window little:
the change list's columns, and the fact tokens at the top of a long story."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import compare_texts
from factcheck_gui.lexer import fact_spans
from factcheck_gui.resources import sample_pair
from factcheck_gui.review import docindex
from factcheck_gui.review.docindex import ComparisonIndex, Side
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


def _long_story(paragraphs: int) -> str:
    return "\n".join(
        f"On {i % 28 + 1} March {2000 + i % 20}, Minister Alice Brown said {i * 3} workers came. "
        f"The council approved {i + 7} new plans after a long debate."
        for i in range(paragraphs)
    )


def test_a_long_storys_first_screens_have_their_facts_before_it_is_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(docindex, "EAGER_FACTS_CHARS", 1000)
    monkeypatch.setattr(docindex, "HEAD_FACTS_CHARS", 2000)
    text = _long_story(200)
    idx = ComparisonIndex(compare_texts(text, text.replace("Alice", "Alicia")))
    side = idx.sides[Side.ORIGINAL]
    assert side.facts_pending  # the rest is lexed between events, once shown
    every = [(s, e, "fact:" + k) for s, e, k in fact_spans(text) if s < e]
    head = [(r.start, r.end, r.key) for r in side.facts_between(0, 2000)]
    assert head and head == [f for f in every if f[0] < 2000]  # the same tokens, all of them
    assert side.facts_known_to() >= 2000
    while not side.lex_facts_for(0.01):
        pass
    assert [(r.start, r.end, r.key) for r in side.facts] == every
