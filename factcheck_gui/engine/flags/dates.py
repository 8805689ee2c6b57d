"""Date flags: calendar dates ("October 14, 2010", "Aug. 5", "15 March 2004", a year), weekdays,
relative dates ("last week", "three days ago") and clock times ("6 p.m.", "04:09", "noon").

A calendar date is compared field by field: "October 29, 2010" for "October 14, 2010" is a
change, "October 14" for "October 14, 2010" leaves the year out. A relative date for a weekday
or a calendar date ("yesterday" / "Thursday") cannot be checked against the source — a rewrite
published a day later says it so — and is a low note, as is a relative date the rewrite adds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck_gui.engine.flags._common import (
    ADDED,
    CHANGED,
    HIGH,
    KEY,
    LOW,
    MEDIUM,
    OMITTED,
    YEAR_RE,
    Fact,
    flag,
)
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import (
    CLOCK_WORDS,
    DEICTIC_DAYS,
    MONTHS,
    NUMBER_WORDS,
    TIME_UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity

_ALT = "|".join
_UNITS = _ALT(u for u in TIME_UNITS if u != "day")  # ("a day later" has a rule of its own)
_PLURAL_UNITS = _ALT(u + "s" for u in TIME_UNITS)
_NOT_COUNTS = frozenset("double triple twice dozen second third fourth fifth tenth half quarter".split())
_COUNTS = frozenset(k for k, v in NUMBER_WORDS.items() if 1 <= v < 100 and v == int(v)) - _NOT_COUNTS
_RELATIVE_RE = re.compile(
    rf"\b(?:{_ALT(DEICTIC_DAYS)}|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:{_UNITS})"
    rf"|(?:last|next|this)\s+(?:{_UNITS}|weekend|{_ALT(WEEKDAY_NAMES)})"
    rf"|a\s+day\s+(?:earlier|later|after|before)"
    rf"|(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:{_PLURAL_UNITS})\s+(?:ago|earlier|later))\b",
    re.IGNORECASE,
)
# The same without the counted dates ("three days ago"), for a claim with no "ago", "earlier"
# or "later": faster, as most claims have none.
_RELATIVE_UNCOUNTED = re.compile(
    rf"\b(?:{_ALT(DEICTIC_DAYS)}|(?:last|next|this)\s+(?:{_UNITS}|weekend|{_ALT(WEEKDAY_NAMES)}))\b",
    re.IGNORECASE,
)
# What the lower-cased text of any relative date contains ("İ" lower-cases to two characters).
_RELATIVE_HINTS = (*TIME_UNITS, "ght", "morrow")
# The words a relative date of the pattern may start with that are not counts ("last week").
_RELATIVE_STARTS = frozenset({*DEICTIC_DAYS, "earlier", "later", "last", "next", "this", "a"})
# Word keys a month or weekday can have (the key of a word token never ends with a dot unless
# it is a dotted acronym, which is neither), and what any year token's text contains.
_DATE_KEYS = frozenset(MONTHS).union(WEEKDAYS).union(CLOCK_WORDS)
_YEAR_ANYWHERE = re.compile(r"1[89]\d\d|20\d\d")
_CLOCK = re.compile(
    r"(?<![\d:.,])(?:\d{1,2}(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|[ap]\.m\b)|\d{1,2}:\d{2}(?![\d:]))",
    re.IGNORECASE,
)
_ABBREVIATED_MONTHS = frozenset(m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july"))
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()


@dataclass(frozen=True, slots=True)
class When:
    """A date or time as one side states it."""

    kind: str  # "cal" (year, month, day), "weekday", "relative", "time"
    year: int = 0  # 0: not stated
    month: int = 0
    day: int = 0
    name: str = ""  # the weekday, the relative date's words, the time in minutes
    text: str = ""
    span: tuple[int, int] = (0, 0)

    @property
    def key(self) -> str:
        if self.kind == "cal":
            return f"cal:{self.year}-{self.month}-{self.day}"
        return f"{self.kind}:{self.name}"


def date_flags(
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    whole: Whole | None = None,
) -> list[Flag]:
    """Dates and times changed, omitted or added between two sides, relative dates restated
    as low notes (``whole``: where to look for an added date in the whole original)."""
    da = _side(orig, toks_a)
    db = _side(rew, toks_b)
    if not da and not db:
        return []
    ka = [d.key for d in da]
    kb = [d.key for d in db]
    if sorted(ka) == sorted(kb):
        return []
    left_a, left_b = _unmatched(da, db)
    # A date said once more on one side is no other date: "2004 … 2004" against "2004".
    left_a = [i for i in left_a if da[i].key not in kb]
    left_b = [j for j in left_b if db[j].key not in ka]
    relative_before = any(da[i].kind == "relative" for i in left_a)
    changed: list[tuple[When, When]] = []
    restated: list[tuple[When, When]] = []
    omitted: list[When] = []
    added: list[When] = []
    vaguer: list[tuple[When, When]] = []
    sharper: list[tuple[When, When]] = []
    used_b: set[int] = set()
    for i in left_a:
        a = da[i]
        j = _partner(a, db, left_b, used_b)
        if j < 0:
            omitted.append(a)
            continue
        used_b.add(j)
        b = db[j]
        verdict = _compare(a, b)
        if verdict == "changed":
            changed.append((a, b))
        elif verdict == "restated":
            restated.append((a, b))
        elif verdict == "narrower":  # the rewrite leaves a part out: "October 14" for "October 14, 2010"
            vaguer.append((a, b))
        elif not (whole is not None and _in_original(b, whole)):  # it states more: "October 14, 2010"
            sharper.append((a, b))
    added += [db[j] for j in left_b if j not in used_b]
    # A relative date cannot be checked, nor a weekday or date the rewrite gives with one it
    # stands for ("yesterday" / "on Tuesday"): notes.
    notes = [d for d in added if d.kind == "relative" or (relative_before and d.kind in ("weekday", "cal"))]
    added = [d for d in added if d not in notes and not (whole is not None and _in_original(d, whole))]
    flags: list[Flag] = []
    if changed:
        severity = HIGH if any(a.kind != "relative" for a, _ in changed) else MEDIUM
        what = _what([x for pair in changed for x in pair])
        flags.append(_pairs_flag(CHANGED, severity, changed, f"{what} changed"))
    if added:
        flags.append(_dates_flag(ADDED, MEDIUM, added, f"{_what(added)} added", rewrite=True))
    if sharper:
        flags.append(_pairs_flag(ADDED, MEDIUM, sharper, "date more precise than the original's"))
    if restated:
        head = "date restated (a relative date cannot be checked against the original)"
        flags.append(_pairs_flag(CHANGED, LOW, restated, head))
    if notes:
        head = "date added that cannot be checked against the original"
        flags.append(_dates_flag(ADDED, LOW, notes, head, rewrite=True))
    if vaguer:
        flags.append(_pairs_flag(OMITTED, LOW, vaguer, "date less precise than the original's"))
    if omitted:
        flags.append(_dates_flag(OMITTED, LOW, omitted, f"{_what(omitted)} omitted", rewrite=False))
    return flags


def _pairs_flag(change: FlagChange, severity: Severity, pairs: list[tuple[When, When]], head: str) -> Flag:
    """One flag for dates of the original and what the rewrite says instead: "date changed:
    October 14, 2010 → October 29, 2010"."""
    return flag(
        FlagType.DATE,
        change,
        severity,
        ", ".join(a.text for a, _ in pairs),
        ", ".join(b.text for _, b in pairs),
        f"{head}: " + "; ".join(f"{a.text} → {b.text}" for a, b in pairs),
        pairs[0][0].span,
        pairs[0][1].span,
    )


def _dates_flag(change: FlagChange, severity: Severity, dates: list[When], head: str, rewrite: bool) -> Flag:
    """One flag for dates of one side alone (``rewrite``: of the rewrite): "date added: …"."""
    shown = ", ".join(dict.fromkeys(d.text for d in dates))
    span = dates[0].span
    return flag(
        FlagType.DATE,
        change,
        severity,
        "" if rewrite else shown,
        shown if rewrite else "",
        f"{head}: {shown}",
        None if rewrite else span,
        span if rewrite else None,
    )


def _what(ds: Sequence[When]) -> str:
    if all(d.kind == "time" for d in ds):
        return "times" if len(ds) > 2 else "time"
    return "dates" if len({d.key for d in ds}) > 2 else "date"


def _side(claims: Sequence[Claim], tokens: Sequence[Token]) -> list[When]:
    out: list[When] = []
    for c in claims:
        out.extend(_whens(c.text, c.start, tokenize(c.text, c.start)))
    return out


def _whens(text: str, offset: int, tokens: Sequence[Token]) -> list[When]:
    """The dates and times of one claim (``tokens``: its tokens)."""
    out: list[When] = []
    digits = _DIGIT.search(text) is not None
    if not _DATE_KEYS.isdisjoint(map(KEY, tokens)) or (digits and _YEAR_ANYWHERE.search(text)):
        out.extend(_calendar(tokens))
    lowered = text.lower()  # every relative date has one of these
    if any(w in lowered for w in _RELATIVE_HINTS):
        out.extend(_relatives(text, offset, lowered))
    if digits:
        for m in _CLOCK.finditer(text):
            minutes = _minutes(m.group())
            if minutes is not None:
                span = (offset + m.start(), offset + m.end())
                out.append(When("time", name=str(minutes), text=m.group(), span=span))
    if len(out) > 1:
        out.sort(key=lambda d: d.span)
    return out


_DIGIT = re.compile(r"\d")


def _relatives(text: str, offset: int, lowered: str = "") -> list[When]:
    """The relative dates of a claim: "last week", "tomorrow", "three days ago"."""
    out: list[When] = []
    lowered = lowered or text.lower()
    counted = "ago" in lowered or "earlier" in lowered or "later" in lowered
    for m in (_RELATIVE_RE if counted else _RELATIVE_UNCOUNTED).finditer(text):
        words = " ".join(m.group().lower().split())
        count = words.split(" ", 1)[0]
        if count[0].isalpha() and count not in _RELATIVE_STARTS and not set(count.split("-")) <= _COUNTS:
            continue  # "many years ago": no date
        out.append(When("relative", name=words, text=m.group(), span=(offset + m.start(), offset + m.end())))
    return out


def _minutes(clock: str) -> int | None:
    """Minutes after midnight: "6 p.m." → 1080, "04:09" → 249, "12 a.m." → 0."""
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s?([ap])?", clock.lower())
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 24 or minute > 59:
        return None
    half = m.group(3)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return hour * 60 + minute


def _calendar(tokens: Sequence[Token]) -> list[When]:
    """Calendar dates (a month with its day and year, or a year alone), weekdays and the clock
    words ("noon"); "May" only where it is no modal verb."""
    out: list[When] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not t.is_word:
            i += 1
            continue
        low = t.key.rstrip(".")
        if low in MONTHS and t.text[0].isupper() and not (low == "may" and _modal(tokens, i)):
            when, i = _month_date(tokens, i)
            out.append(when)
            continue
        if low in WEEKDAYS:
            out.append(When("weekday", name=low, text=t.text, span=(t.start, t.end)))
        elif low in CLOCK_WORDS:
            out.append(When("time", name=str(CLOCK_WORDS[low]), text=t.text, span=(t.start, t.end)))
        elif len(t.text) == 4 and YEAR_RE.match(t.text):
            out.append(When("cal", year=int(t.text), text=t.text, span=(t.start, t.end)))
        elif t.text.isdecimal() and 1 <= int(t.text) <= 31 and i + 1 < n and _is_month(tokens[i + 1]):
            when, i = _month_date(tokens, i + 1, day_before=i)  # "15 March 2004"
            out.append(when)
            continue
        i += 1
    return out


def _is_month(t: Token) -> bool:
    return t.is_word and t.key.rstrip(".") in MONTHS and t.text[0].isupper()


def _month_date(tokens: Sequence[Token], i: int, day_before: int = -1) -> tuple[When, int]:
    """The date starting at the month at ``i`` ("October 14, 2010", "Aug. 5", "March 2004"), or
    at the day before it; returns it and the index after it."""
    n = len(tokens)
    month = MONTHS[tokens[i].key.rstrip(".")]
    first = day_before if day_before >= 0 else i
    day = int(tokens[day_before].text) if day_before >= 0 else 0
    k = i + 1
    if (
        k < n
        and tokens[k].text == "."
        and tokens[k].start == tokens[i].end
        and tokens[i].key in _ABBREVIATED_MONTHS
    ):
        k += 1  # "Aug."
    last = k - 1
    if not day and k < n and tokens[k].text.isdecimal() and 1 <= int(tokens[k].text) <= 31:
        day = int(tokens[k].text)
        last = k
        k += 1
    elif not day and k < n and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", tokens[k].text):
        day = int(tokens[k].text[:-2])
        last = k
        k += 1
    year = 0
    j = k + 1 if k < n and tokens[k].text == "," else k
    if j < n and len(tokens[j].text) == 4 and YEAR_RE.match(tokens[j].text):
        year = int(tokens[j].text)
        last = j
        k = j + 1
    start, end = tokens[first].start, tokens[last].end
    text = _written(tokens, first, last)
    return When("cal", year=year, month=month, day=day, text=text, span=(start, end)), k


def _written(tokens: Sequence[Token], first: int, last: int) -> str:
    out = tokens[first].text
    for k in range(first + 1, last + 1):
        out += tokens[k].text if tokens[k].start == tokens[k - 1].end else " " + tokens[k].text
    return " ".join(out.split())


def _modal(tokens: Sequence[Token], i: int) -> bool:
    """Is "May" (token ``i``) the verb: no number next to it, no "in", "of", "since" before it?"""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    prv = tokens[i - 1].text if i else ""
    return not (nxt[:1].isdigit() or prv[:1].isdigit() or prv.lower() in ("in", "of", "since"))


# --- pairing and judging ---------------------------------------------------------------------


def _unmatched(da: list[When], db: list[When]) -> tuple[list[int], list[int]]:
    used: set[int] = set()
    left_a: list[int] = []
    for i, a in enumerate(da):
        j = next((j for j, b in enumerate(db) if j not in used and b.key == a.key), -1)
        if j < 0:
            left_a.append(i)
        else:
            used.add(j)
    return left_a, [j for j in range(len(db)) if j not in used]


# Which kinds can stand for one another: a relative date for a weekday or a calendar date.
_PARTNERS = {
    "cal": ("cal", "weekday", "relative"),
    "weekday": ("weekday", "relative", "cal"),
    "relative": ("relative", "weekday", "cal"),
    "time": ("time",),
}


def _partner(a: When, db: list[When], left: list[int], used: set[int]) -> int:
    """The date of the rewrite that stands where ``a`` did: the first of the same kind, else
    of a kind that can stand for it (-1: none)."""
    for kind in _PARTNERS[a.kind]:
        for j in left:
            b = db[j]
            if j not in used and b.kind == kind and (kind != "cal" or a.kind != "cal" or _fields_meet(a, b)):
                return j
        if kind == "cal" and a.kind == "cal":
            for j in left:  # a calendar date with no field in common: the next one
                if j not in used and db[j].kind == "cal":
                    return j
    return -1


def _fields_meet(a: When, b: When) -> bool:
    """Do two calendar dates state a field in common (year, month or day)?"""
    return bool((a.year and b.year) or (a.month and b.month) or (a.day and b.day))


def _compare(a: When, b: When) -> str:
    """How ``b`` stands for ``a``: "changed", "restated" (a relative date for another kind),
    "narrower" (the rewrite leaves a field out) or "wider" (it states one more)."""
    if a.kind != b.kind:
        return "restated"
    if a.kind != "cal":
        return "changed"
    fields = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    if any(x and y and x != y for x, y in fields):
        return "changed"
    if all(x or not y for x, y in fields):
        return "narrower"
    return "wider"


def _in_original(d: When, whole: Whole) -> bool:
    """Is the added date (each field it states) anywhere in the original?"""
    if d.kind == "weekday":
        return whole.has_word(d.name)
    if d.kind == "time":
        return whole.has_word(d.text)
    if d.year and not whole.has_word(str(d.year)):
        return False
    if d.month and d.day:
        return whole.has_day(d.month, d.day)
    if d.month:
        return any(whole.has_word(form, capitalised=True) for form in _month_forms(d.month, 0))
    return True


def _month_forms(month: int, day: int) -> list[str]:
    """How a month with its day may be written: "October 14", "Oct. 14", "14 October"."""
    name = _MONTH_NAMES[month - 1]
    names = list(dict.fromkeys((name, name[:3], name[:3] + ".", name[:4] + ".")))
    if not day:
        return names
    return [f"{n} {day}" for n in names] + [f"{day} {n}" for n in names] + [f"{day}th of {name}"]


# --- what older callers read ------------------------------------------------------------------


def _dates(text: str, offset: int, tokens: Sequence[Token]) -> list[Fact]:
    """The dates of one claim as facts keyed by value ("cal:2019-5-5", "weekday:monday")."""
    return [Fact(d.key, d.text, d.span) for d in _whens(text, offset, tokens)]


__all__ = ["KEY", "When", "date_flags"]
