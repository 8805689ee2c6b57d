"""The punctuation-only rule (View → Hide punctuation-only changes), without Qt."""

from __future__ import annotations

import pytest

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind, Flag, FlagType, new_change
from factcheck_gui.review.punctuation import is_punctuation_only, punctuation_only_ids, words


def _change(kind: ChangeKind = ChangeKind.REWORDED, **kw):  # type: ignore[no-untyped-def]
    return new_change("c1", kind, kw.pop("original", ("o1",)), kw.pop("rewrite", ("r1",)), 0.9, **kw)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("He said it was over.", "He said it was over!"),
        ("a well-known bridge", "a well known bridge"),
        ("“We agree,” she said.", '"We agree" she said.'),
        ("It’s late — very late.", "It's late, very late"),
        ("THE MAYOR spoke", "The mayor  spoke"),
        ("one\ntwo", "one two"),
    ],
)
def test_punctuation_space_and_case_only(a: str, b: str) -> None:
    assert is_punctuation_only(_change(), a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It cost 1,000 dollars.", "It cost 1000 dollars."),  # a number is one word, marks and all
        ("A rate of 3.5 per cent", "A rate of 3,5 per cent"),
        ("at 12:30", "at 1230"),
        ("Traffic was light.", "Traffic was heavy."),
        ("It was not over.", "It was over."),
        ("He left.", "He left early."),
    ],
)
def test_a_changed_word_or_number_is_not_punctuation(a: str, b: str) -> None:
    assert not is_punctuation_only(_change(), a, b)


def test_flagged_moved_added_and_removed_changes_always_show() -> None:
    same = ("He left.", "He left!")
    flag = Flag(FlagType.NEGATION, "", "", "negation")
    assert not is_punctuation_only(_change(flags=(flag,)), *same)
    assert not is_punctuation_only(_change(moved=True), *same)
    assert not is_punctuation_only(_change(ChangeKind.MOVED), *same)
    assert not is_punctuation_only(_change(ChangeKind.ADDED, original=()), "", "He left!")
    assert not is_punctuation_only(_change(ChangeKind.REMOVED, rewrite=()), "He left.", "")
    assert is_punctuation_only(_change(ChangeKind.SPLIT, rewrite=("r1", "r2")), "A, and B.", "A. And B.")


def test_words_keep_numbers_whole() -> None:
    assert words("In 2024-05-01, 1,000 “People” came.") == ["in", "2024-05-01", "1,000", "people", "came"]


def test_ids_of_a_comparison() -> None:
    c = compare_texts(
        "The mayor opened the bridge on Monday. It cost 12 million dollars. It is well-known already.",
        "The mayor opened the bridge on Monday! It cost 15 million dollars. It is well known already.",
    )
    by_text = {c.text_of(ch, "original"): ch.id for ch in c.changes}
    assert punctuation_only_ids(c) == {
        by_text["The mayor opened the bridge on Monday."],
        by_text["It is well-known already."],
    }
