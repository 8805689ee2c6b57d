"""What the tooltips say, without Qt: flag reasons where the flagged words are, kinds, similarity."""

from __future__ import annotations

from factcheck_gui.engine.types import ChangeKind
from factcheck_gui.review import tips
from factcheck_gui.review.docindex import Side
from factcheck_gui.review.session import VerdictSession


def test_a_flag_reason_covers_exactly_its_words(session: VerdictSession) -> None:
    index = session.index
    change = index.change("c3")
    flag = change.flags[0]
    assert flag.original_span is not None
    to_qt = index.sides[Side.ORIGINAL].to_qt
    start, end = to_qt(flag.original_span[0]), to_qt(flag.original_span[1])
    assert tips.flag_tip(index, Side.ORIGINAL, start) == f"c3 · Negation: {flag.message}"
    assert tips.flag_tip(index, Side.ORIGINAL, end - 1) != ""
    assert tips.flag_tip(index, Side.ORIGINAL, end) == ""  # the next character is not flagged


def test_every_flag_type_and_kind_has_words(session: VerdictSession) -> None:
    from factcheck_gui.engine.types import FlagType

    assert set(tips.FLAG_WORDS) == set(FlagType)
    assert set(tips.KIND_MEANING) == set(ChangeKind)
    assert all("_" not in word for word in tips.FLAG_WORDS.values())


def test_the_similarity_figure_is_given_only_where_both_sides_have_words(session: VerdictSession) -> None:
    index = session.index
    reworded = index.change("c3")
    assert (
        tips.similarity_figure(reworded) == f"{reworded.similarity:.2f} ({round(reworded.similarity * 100)}%)"
    )
    assert tips.similarity_line(reworded).startswith(f"Similarity {reworded.similarity:.2f}")
    added = next(c for c in index.review_changes if c.kind is ChangeKind.ADDED)
    assert tips.similarity_line(added) == "" and tips.similarity_figure(added) == ""
    assert "points where it would sit" in tips.band_tip(added, "+")
