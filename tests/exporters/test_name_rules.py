"""The name rules of the story lexer (issue 15, defect 7), without Qt."""

from __future__ import annotations

import pytest

from factcheck_gui.lexer import ends_abbreviation, fact_spans, is_headline, used_as_name


def names(text: str) -> list[str]:
    return [text[s:e] for s, e, k in fact_spans(text) if k == "name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. military said on Monday.", ["U.S."]),
        ("He lives in the U.K. now.", ["U.K."]),
        ("U.S. President Joe Biden spoke.", ["U.S. President Joe Biden"]),
        ("Reporter Nicholas L. McQuaid wrote it.", ["Reporter Nicholas L. McQuaid"]),
        ("The story is by Nicholas L. McQuaid and others.", ["Nicholas L. McQuaid"]),
        ("J. R. R. Tolkien was born in Bloemfontein.", ["J. R. R. Tolkien", "Bloemfontein"]),
        ("We met Dr. Kim Jong Un today.", ["Dr. Kim Jong Un"]),
        ("The talks ended. Officials met Kim Jong Un.", ["Kim Jong Un"]),  # as before
    ],
)
def test_abbreviations_and_initials_stay_in_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_headline_capitals_are_not_names_unless_the_story_uses_them_as_names() -> None:
    story = (
        "Mayor Announces New Budget for City Schools\n"
        "The mayor said on Monday that the plan would help City Schools and Russia.\n"
    )
    assert names(story) == ["City Schools", "City Schools", "Russia"]
    assert names("MAYOR ANNOUNCES NEW CITY BUDGET\nThe mayor spoke.\n") == []
    story = "Putin Says Russia May Arm North Korea\nHe said that Russia might arm North Korea.\n"
    assert names(story)[:2] == ["Russia", "North Korea"]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Mayor Announces New Budget for City Schools", True),
        ("MAYOR ANNOUNCES NEW CITY BUDGET", True),
        ("Putin says Russia may arm North Korea", False),  # sentence case: capitals are names
        ("The Mayor Announced A New Budget For The City.", False),  # a sentence
        ("By Nicholas L. McQuaid", False),  # a byline
        ("Kim Jong Un", False),  # too short to tell
        ("", False),
    ],
)
def test_is_headline(line: str, headline: bool) -> None:
    assert is_headline(line) is headline


@pytest.mark.parametrize(
    ("text", "dot", "abbreviation"),
    [
        ("Nicholas L. McQuaid", 10, True),
        ("the U.S. Treasury", 5, True),
        ("the U.S. Treasury", 7, True),
        ("met Dr. Kim", 6, True),
        ("It ended. Then", 8, False),
        ("in the USA. Then", 10, False),
        ("Plan B2. Then", 7, False),
    ],
)
def test_ends_abbreviation(text: str, dot: int, abbreviation: bool) -> None:
    assert text[dot] == "."
    assert ends_abbreviation(text, dot) is abbreviation


def test_used_as_name_looks_inside_sentences_outside_the_headline() -> None:
    text = "Russia Warns West\nOfficials in Russia said so. West of here.\n"
    assert used_as_name(text, "Russia", 0, (0, 17))
    assert not used_as_name(text, "West", 0, (0, 17))  # only after a full stop
    assert not used_as_name(text, "Warns", 0, (0, 17))
    assert used_as_name("AND THEN\nin Korea", "KOREA", 0)  # an all-capitals headline word
