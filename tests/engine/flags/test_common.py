"""What the flag families share: a side's text and tokens, and the flag of two fact sets."""

from __future__ import annotations

from factcheck_gui.engine.flags._common import Fact, diff_flag, joined, listed, tokens_of, written
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.types import Claim, FlagType


def test_joined_slices_like_the_document() -> None:
    text = "One two. Three four. Five six."
    claims = [Claim("o1", 0, 8, 0, text[0:8]), Claim("o3", 21, 30, 0, text[21:30])]
    got, base = joined(claims)
    assert base == 0 and got == "One two." + " " * 13 + "Five six."
    assert got[21:30] == text[21:30]
    assert joined([]) == ("", 0)
    assert [t.text for t in tokens_of(claims)] == ["One", "two", ".", "Five", "six", "."]


def test_written_keeps_the_text_spacing() -> None:
    assert written(tokenize("Michael R. Bloomberg’s")) == "Michael R. Bloomberg’s"


def test_diff_flag() -> None:
    three, four = Fact("3", "3", (0, 1)), Fact("4", "four", (5, 9))
    assert diff_flag(FlagType.NUMBER, "number", [three], [three]) is None
    flag = diff_flag(FlagType.NUMBER, "number", [three, three], [three])
    assert flag is not None and flag.message == "number changed: 3 → 3"  # one "3" fewer
    flag = diff_flag(FlagType.NUMBER, "number", [three], [three, four])
    assert flag is not None and (flag.message, flag.original_span, flag.rewrite_span) == (
        "number added: four",
        None,
        (5, 9),
    )
    assert listed([four, three, four]) == "four, 3"
