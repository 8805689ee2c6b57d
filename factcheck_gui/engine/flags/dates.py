"""Date flags: months, weekdays, years and relative dates ("last week", "three days ago")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck_gui.engine.flags._common import KEY, YEAR_RE, Fact, diff_flag
from factcheck_gui.engine.lexicon import DEICTIC_DAYS, MONTHS, TIME_UNITS, WEEKDAY_NAMES, WEEKDAYS
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagType

_ALT = "|".join
_UNITS = _ALT(u for u in TIME_UNITS if u != "day")  # ("a day later" has a rule of its own)
_PLURAL_UNITS = _ALT(u + "s" for u in TIME_UNITS)
_RELATIVE_RE = re.compile(
    rf"\b(?:{_ALT(DEICTIC_DAYS)}|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:{_UNITS})"
    rf"|(?:last|next|this)\s+(?:{_UNITS}|weekend|{_ALT(WEEKDAY_NAMES)})"
    rf"|a\s+day\s+(?:earlier|later|after|before)|\d+\s+(?:{_PLURAL_UNITS})\s+(?:ago|earlier|later))\b",
    re.IGNORECASE,
)
# What the lower-cased text of any relative date contains ("İ" lower-cases to two characters).
_RELATIVE_HINTS = (*TIME_UNITS, "ght", "morrow")
# Word keys a month or weekday can have (the key of a word token never ends with a dot unless
# it is a dotted acronym, which is neither), and what any year token's text contains.
_DATE_KEYS = frozenset(MONTHS).union(WEEKDAYS)
_YEAR_ANYWHERE = re.compile(r"1[89]\d\d|20\d\d")


def date_flag(orig: Sequence[Claim], rew: Sequence[Claim]) -> Flag | None:
    """Dates dropped, added or changed between two sides."""
    da = [f for c in orig for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    db = [f for c in rew for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    return diff_flag(FlagType.DATE, "date", da, db)


def _dates(text: str, offset: int, tokens: Sequence[Token]) -> list[Fact]:
    if _DATE_KEYS.isdisjoint(map(KEY, tokens)) and not _YEAR_ANYWHERE.search(text):
        tokens = ()  # (most claims: no month, weekday or year to look for)
    out = _calendar_dates(tokens)
    lowered = text.lower()  # every relative date has one of these
    if not any(w in lowered for w in _RELATIVE_HINTS):
        return out
    for m in _RELATIVE_RE.finditer(text):
        out.append(
            Fact(" ".join(m.group().lower().split()), m.group(), (offset + m.start(), offset + m.end()))
        )
    return out


def _calendar_dates(tokens: Sequence[Token]) -> list[Fact]:
    """Months, weekdays and years: "May" only where it is no modal verb."""
    out = []
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue  # (a single mark: no month, weekday or year)
        low = t.key.rstrip(".")
        if low in MONTHS and t.text[0].isupper():
            if low == "may" and _modal(tokens, i):
                continue  # the modal verb at a sentence start
            out.append(Fact(f"month:{MONTHS[low]}", t.text, (t.start, t.end)))
        elif low in WEEKDAYS:
            out.append(Fact(f"day:{low}", t.text, (t.start, t.end)))
        elif len(t.text) == 4 and YEAR_RE.match(t.text):
            out.append(Fact(f"year:{t.text}", t.text, (t.start, t.end)))
    return out


def _modal(tokens: Sequence[Token], i: int) -> bool:
    """Is "May" (token ``i``) the verb: no number next to it, no "in", "of", "since" before it?"""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    prv = tokens[i - 1].text if i else ""
    return not (nxt[:1].isdigit() or prv[:1].isdigit() or prv.lower() in ("in", "of", "since"))
