"""Date flags: months, weekdays and years as tokens, relative dates by pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine.flags import dates
from factcheck_gui.engine.flags._common import YEAR_RE, Fact
from factcheck_gui.engine.lexicon import MONTHS, WEEKDAYS
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import FlagType

# The pattern as first written, before its words came from the lexicon.
_RELATIVE_AS_WRITTEN = (
    r"\b(?:today|yesterday|tomorrow|tonight|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|next|this)\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|a\s+day\s+(?:earlier|later|after|before)|\d+\s+(?:days|weeks|months|years)\s+(?:ago|earlier|later))\b"
)


def keys(text: str, offset: int = 0) -> list[tuple[str, str]]:
    return [(f.key, f.text) for f in dates._dates(text, offset, tokenize(text, offset))]


def test_the_relative_date_pattern_is_the_one_first_written() -> None:
    assert dates._RELATIVE_RE.pattern == _RELATIVE_AS_WRITTEN


def test_months_weekdays_and_years() -> None:
    assert keys("May 5 was a Monday in 2019.") == [
        ("month:5", "May"),
        ("day:monday", "Monday"),
        ("year:2019", "2019"),
    ]
    assert keys("In Sept. the vote of 1899 was held.") == [("month:9", "Sept"), ("year:1899", "1899")]


def test_may_the_modal_verb_is_no_month() -> None:
    assert keys("May we go?") == []
    assert keys("They met in May.") == [("month:5", "May")]


def test_relative_dates_keep_their_offsets() -> None:
    text = "He left last week and returns tomorrow. Earlier this\nmonth, a day later."
    got = dates._dates(text, 100, tokenize(text, 100))
    assert [(f.key, f.text) for f in got] == [
        ("last week", "last week"),
        ("tomorrow", "tomorrow"),
        ("earlier this month", "Earlier this\nmonth"),
        ("a day later", "a day later"),
    ]
    assert all(text[f.span[0] - 100 : f.span[1] - 100] == f.text for f in got)
    assert keys("It happened 3 days ago.") == [("3 days ago", "3 days ago")]


def test_date_flag_messages_are_one_line() -> None:
    a = split_claims("He left on Monday, earlier this week.", "o")
    b = split_claims("He left on Tuesday, earlier this\nweek.", "r")
    flag = dates.date_flag(a, b)
    assert flag is not None and flag.type is FlagType.DATE
    assert flag.message == "date changed: Monday → Tuesday"
    assert dates.date_flag(a, a) is None


# --- the shortcut, moved here from test_fast_paths.py ---------------------------------------

_DATE_WORDS = ["May", "may", "Monday", "2019", "1899", "12", "Sept", "U.S.", "in", "of", "5", "March"]
_NUMBERISH = ["twenty", "five", "million", "ten", "hundred", "said", ",", ".", "‘", "this week"]


def _dates_plain(text: str, offset: int, tokens: tuple[Token, ...]) -> list[object]:
    """dates._dates as first written: every token looked at."""
    out: list[object] = []
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue
        low = t.key.rstrip(".")
        if low in MONTHS and t.text[0].isupper():
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            prv = tokens[i - 1].text if i else ""
            if low == "may" and not (
                nxt[:1].isdigit() or prv[:1].isdigit() or prv.lower() in ("in", "of", "since")
            ):
                continue
            out.append(Fact(f"month:{MONTHS[low]}", t.text, (t.start, t.end)))
        elif low in WEEKDAYS:
            out.append(Fact(f"day:{low}", t.text, (t.start, t.end)))
        elif len(t.text) == 4 and YEAR_RE.match(t.text):
            out.append(Fact(f"year:{t.text}", t.text, (t.start, t.end)))
    rel = [f for f in dates._dates(text, offset, ()) if not f.key.startswith(("month:", "day:", "year:"))]
    return out + rel


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS + _NUMBERISH)), st.integers(min_value=0, max_value=99))
def test_date_shortcuts(ws: list[str], offset: int) -> None:
    text = " ".join(ws)
    tokens = tokenize(text, offset)
    assert dates._dates(text, offset, tokens) == _dates_plain(text, offset, tokens)
