"""Date flags: calendar dates field by field, weekdays, relative dates and clock times."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine.flags import dates
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import Flag, FlagChange, FlagType, Severity

# The pattern as first written, before its words came from the lexicon; number words were
# added to the counted relative dates since ("Seventy-three years ago").
_RELATIVE_AS_WRITTEN = (
    r"\b(?:today|yesterday|tomorrow|tonight|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|next|this)\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|a\s+day\s+(?:earlier|later|after|before)|(?:\d+|"
)


def keys(text: str, offset: int = 0) -> list[tuple[str, str]]:
    return [(f.key, f.text) for f in dates._dates(text, offset, tokenize(text, offset))]


def flags(original: str, rewrite: str, whole: str | None = None) -> list[Flag]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    return dates.date_flags(a, b, tokens_of(a), tokens_of(b), Whole(whole, rewrite) if whole else None)


def said(original: str, rewrite: str, whole: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.change.value, f.severity.value, f.message) for f in flags(original, rewrite, whole)]


def test_the_relative_date_pattern_is_the_one_first_written() -> None:
    assert dates._RELATIVE_RE.pattern.startswith(_RELATIVE_AS_WRITTEN)
    assert keys("It was destroyed seventy-three years ago.") == [
        ("relative:seventy-three years ago", "seventy-three years ago")
    ]
    assert keys("It was destroyed many years ago.") == []


def test_calendar_dates_weekdays_and_years() -> None:
    assert keys("May 5 was a Monday in 2019.") == [
        ("cal:0-5-5", "May 5"),
        ("weekday:monday", "Monday"),
        ("cal:2019-0-0", "2019"),
    ]
    assert keys("On October 14, 2010, Aug. 5 and 15 March 2004.") == [
        ("cal:2010-10-14", "October 14, 2010"),
        ("cal:0-8-5", "Aug. 5"),
        ("cal:2004-3-15", "15 March 2004"),
    ]
    assert keys("In Sept. the vote of 1899 was held.") == [("cal:0-9-0", "Sept."), ("cal:1899-0-0", "1899")]


def test_may_the_modal_verb_is_no_month() -> None:
    assert keys("May we go?") == []
    assert keys("They met in May.") == [("cal:0-5-0", "May")]


def test_clock_times() -> None:
    assert keys("At 6 p.m., at 04:09 (23:09 UTC) and at noon.") == [
        ("time:1080", "6 p.m."),
        ("time:249", "04:09"),
        ("time:1389", "23:09"),
        ("time:720", "noon"),
    ]


def test_relative_dates_keep_their_offsets() -> None:
    text = "He left last week and returns tomorrow. Earlier this\nmonth, a day later."
    got = dates._dates(text, 100, tokenize(text, 100))
    assert [(f.key, f.text) for f in got] == [
        ("relative:last week", "last week"),
        ("relative:tomorrow", "tomorrow"),
        ("relative:earlier this month", "Earlier this\nmonth"),
        ("relative:a day later", "a day later"),
    ]
    assert all(text[f.span[0] - 100 : f.span[1] - 100] == f.text for f in got)
    assert keys("It happened 3 days ago.") == [("relative:3 days ago", "3 days ago")]


def test_date_flag_messages_are_one_line() -> None:
    (got,) = flags("He left on Monday, earlier this week.", "He left on Tuesday, earlier this\nweek.")
    assert got.type is FlagType.DATE
    assert (got.change, got.severity, got.message) == (
        FlagChange.CHANGED,
        Severity.HIGH,
        "date changed: Monday → Tuesday",
    )
    assert flags("He left on Monday.", "He left on Monday.") == []


def test_a_calendar_date_is_compared_field_by_field() -> None:
    assert said("The sheet is dated October 14, 2010.", "The sheet is dated October 29, 2010.") == [
        ("changed", "high", "date changed: October 14, 2010 → October 29, 2010")
    ]
    assert said("The sheet is dated October 14, 2010.", "The sheet is dated Oct. 14, 2010.") == []
    assert said("The sheet is dated October 14, 2010.", "The sheet is dated October 14.") == [
        ("omitted", "low", "date less precise than the original's: October 14, 2010 → October 14")
    ]
    assert said("The sheet is dated October 2010.", "The sheet is dated October 14, 2010.") == [
        ("added", "medium", "date more precise than the original's: October 2010 → October 14, 2010")
    ]


def test_a_relative_date_for_a_weekday_is_a_note_that_cannot_be_checked() -> None:
    assert said("Forces attacked on Thursday and today.", "Forces attacked yesterday and today.") == [
        (
            "changed",
            "low",
            "date restated (a relative date cannot be checked against the original): Thursday → yesterday",
        )
    ]
    assert said("He spoke to reporters.", "He spoke to reporters today.") == [
        ("added", "low", "date added that cannot be checked against the original: today")
    ]


def test_times_are_dates_not_numbers() -> None:
    assert said("The meeting starts at 6 p.m. in the hall.", "The meeting starts at 7 p.m. in the hall.") == [
        ("changed", "high", "time changed: 6 p.m. → 7 p.m.")
    ]
    assert said("The meeting starts at noon.", "The meeting starts at 12:00.") == []


def test_a_date_the_original_has_elsewhere_is_not_added() -> None:
    whole = "February 22, 2010\nThe minister spoke. She named Long director."
    assert said("She named Long director.", "Feb. 22, 2010 - She named Long director.", whole) == []
    assert said("She named Long director.", "Feb. 23, 2010 - She named Long director.", whole) == [
        ("added", "medium", "date added: Feb. 23, 2010")
    ]


def test_a_date_said_twice_is_no_other_date() -> None:
    assert said(
        "Impact in 2029 ruled out for asteroid 2004 MN4.", "Asteroid 2004 MN4: 2004 MN4 is safe."
    ) == [("omitted", "low", "date omitted: 2029")]


# --- the shortcuts ------------------------------------------------------------------------------

_DATE_WORDS = ["May", "may", "Monday", "2019", "1899", "12", "Sept", "U.S.", "in", "of", "5", "March", "noon"]
_NUMBERISH = [
    "twenty",
    "five",
    "million",
    "ten",
    "hundred",
    "said",
    ",",
    ".",
    "‘",
    "this week",
    "6",
    "p.m.",
    ":",
    "09",
]


def _dates_plain(text: str, offset: int) -> list[object]:
    """dates._dates with every part of the text looked at (no shortcut)."""
    toks = tokenize(text, offset)
    out: list[dates.When] = list(dates._calendar(toks))
    out.extend(dates._relatives(text, offset))
    for m in dates._CLOCK.finditer(text):
        minutes = dates._minutes(m.group())
        if minutes is not None:
            out.append(
                dates.When(
                    "time", name=str(minutes), text=m.group(), span=(offset + m.start(), offset + m.end())
                )
            )
    out.sort(key=lambda d: d.span)
    return [(d.key, d.text, d.span) for d in out]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS + _NUMBERISH)), st.integers(min_value=0, max_value=99))
def test_date_shortcuts(ws: list[str], offset: int) -> None:
    text = " ".join(ws)
    got = [(f.key, f.text, f.span) for f in dates._dates(text, offset, tokenize(text, offset))]
    assert got == _dates_plain(text, offset)
