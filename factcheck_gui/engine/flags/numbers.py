"""Number flags: figures (digits, money, percentages, scales, durations, ages, fractions) and
number words, read with what they count and how exactly they are stated, then paired across
the two sides by what they count.

"3" and "three" are one number, "36 months" and "three years" one duration, "one-third" and
"33%" one share, "16-year-old" and "16" one age. A figure the rewrite leaves out is *omitted*
(low), one it states differently is *changed* (high), one it states that the original has
nowhere is *added* (medium); "more than 300" for 312 and "about 250" for 248 are consistent
restatements (a low note). A clock time ("6 p.m.") and a day of the month ("October 14") are
dates, not quantities, and a figure inside a name or designation ("CH-53E", "Squadron 11",
"7th Fleet") is no quantity at all. The same numbers in other places are a swap.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

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
    headline_spans,
    joined,
    overlaps,
)
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import (
    COUNTED_ALIKE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATION_DAYS,
    FRACTION_WORDS,
    LOOSE_NUMBER_WORDS,
    MONTHS,
    NUMBER_QUALIFIERS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    UNIT_ALIASES,
    UNIT_CONVERSIONS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, stem
from factcheck_gui.engine.types import Claim, DiffOp, DiffOpKind, Flag, FlagChange, FlagType, Severity, Span

_NUMBER_WORDS = {k: v for k, v in NUMBER_WORDS.items() if k not in LOOSE_NUMBER_WORDS}
_ALL_NUMBER_WORDS = NUMBER_WORDS  # inside a compound ("one-third", "twenty-one") none is loose
_SCALES = {
    k: v for k, v in SCALE_WORDS.items() if k in ("thousand", "million", "billion", "trillion", "bn", "mn")
}
_LEAD = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_ORDINAL_REST = re.compile(r"(?:st|nd|rd|th)(?:-.*)?$", re.IGNORECASE)
_CLOCK_REST = frozenset({"am", "pm", "a.m", "p.m", "a.m.", "p.m.", "h", "hrs", "gmt", "utc"})
_CLOCK_NEXT = frozenset({"a.m.", "p.m.", "am", "pm", "o'clock", "o’clock", "a.m", "p.m"})
_RELATIVE_AFTER = frozenset({"ago", "earlier", "later"})
_DURATION_KEYS = {
    **{u: d for u, d in DURATION_DAYS.items()},
    **{u + "s": d for u, d in DURATION_DAYS.items()},
}
_DURATION_KEYS["centuries"] = DURATION_DAYS["century"]
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or", "and"})
# Vague quantities, the least and the most each can stand for: "hundreds" 200 to 1,999;
# "tens of thousands" and "hundreds of thousands" multiply ("of" between).
_VAGUE: dict[str, tuple[float, float]] = {
    "several": (3, 15),
    "dozens": (20, 199),
    "scores": (40, 199),
    "hundreds": (200, 1_999),
    "thousands": (2_000, 19_999),
    "millions": (2e6, 2e7 - 1),
    "billions": (2e9, 2e10 - 1),
}
_VAGUE_SCALE = {"tens": 10.0, "hundreds": 100.0}
_DETERMINERS = frozenset("the these those his her their its our my your whose".split())
_DESIGNATION_BEFORE = frozenset({"no", "nos", "art", "vol", "p", "pp", "ch", "sec"})
_MEASURES = frozenset(UNIT_ALIASES.values()) - {"people"}
_MEASURE_BEFORE = frozenset({"magnitude", "aged", "age", "ages", "score", "rate", "level", "grade"})
_QUALIFIER_FIRST = {q.split()[0] for q in NUMBER_QUALIFIERS}
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in NUMBER_QUALIFIERS)
_CLAUSE_MARKS = frozenset(',;:.!?()[]—–"“”')
# Does a side have a figure at all? A digit, a number word, or a hyphenated one ("seventy-three").
_DIGIT = re.compile(r"\d")
_WORD_KEYS = frozenset(_NUMBER_WORDS) | frozenset(_SCALES) | frozenset(FRACTION_WORDS) | frozenset(_VAGUE)


@dataclass(frozen=True, slots=True)
class Num:
    """A figure with what it counts."""

    value: float
    kind: str  # "n" a count, "%" a share, a currency ("$"), "dur" (days), "age" (years), "ord"
    unit: str  # what it counts, as a key ("people", "km", "helicopt"); "" when nothing says
    qual: str  # "" exact, "~" about, ">" more than, "<" up to, "<~" nearly, "v" vague ("hundreds")
    text: str  # as written, with its qualifier, scale, currency and percent ("more than $5 million")
    span: tuple[int, int]  # of ``text``
    shown: str  # ``text`` with the words it counts ("4,000 people")
    fraction: bool = False  # written as a fraction ("one-third"): equal to a rounded share
    figure: str = ""  # the number as written, without its unit ("36" of "36 months", "three")
    end: str = ""  # of a range ("20 to 50 percent"): "lo" its first figure, "hi" its last
    upto: float = 0.0  # of a vague quantity (``qual`` "v": "hundreds"): the most it can be
    range_lo: float = 0.0  # of a range's end: the range's first and last figures ("20 to 50")
    range_hi: float = 0.0
    state: str = ""  # what befell the people it counts ("dead", "missing"; :func:`_with_states`)

    @property
    def bound(self) -> str:
        """Which way the figure bounds what it states: its qualifier's, or a range end's
        ("20 to 50 percent": at least 20, at most 50)."""
        return self.qual or {"lo": ">", "hi": "<"}.get(self.end, "")

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value:g}"


# --- reading figures ------------------------------------------------------------------------


def numbers_of(
    tokens: Sequence[Token], claims: Sequence[Claim] | None = None, heads: Sequence[Span] | None = None
) -> list[Num]:
    """The figures of a side, in reading order (``tokens``: the side's tokens; ``claims``, if
    given, its claims: a quick look for any figure first, and its title-case lines, unless
    ``heads`` gives their spans)."""
    if (
        claims is not None
        and _WORD_KEYS.isdisjoint(map(KEY, tokens))
        and not any(_DIGIT.search(c.text) for c in claims)
        and not (
            any("-" in c.text for c in claims)
            and any("-" in t.key and t.key.split("-", 1)[0] in NUMBER_WORDS for t in tokens)
        )
    ):
        return []  # (most claims: no digit, no number word)
    out: list[Num] = []
    if heads is None:
        heads = headline_spans(claims) if claims is not None else []
    # (only the tokens a figure can start at are looked at)
    starts = [
        k
        for k, t in enumerate(tokens)
        if t.key[:1].isdigit()
        or t.key in _WORD_KEYS
        or ("-" in t.key and t.key.split("-", 1)[0] in NUMBER_WORDS)
    ]
    done = -1  # the last token of the last figure read
    for i in starts:
        if i <= done:
            continue
        t = tokens[i]
        got: tuple[Num, int] | None = None
        if t.text[0].isdigit():
            got = _digits(tokens, i, bool(heads) and any(s <= t.start < e for s, e in heads))
        elif t.key in _NUMBER_WORDS or (
            ("-" in t.key or t.key in FRACTION_WORDS) and _word_number(tokens, i)
        ):
            got = _words(tokens, i)
        elif t.key in _SCALES and i and tokens[i - 1].key in ("a", "one"):  # "a million people"
            got = _finish(tokens, i - 1, i, _SCALES[t.key], "n", "", False)
        elif t.key in _VAGUE:
            tens = i > 1 and tokens[i - 1].key == "of" and tokens[i - 2].key == "tens" and i - 2 > done
            got = _vague(tokens, i - 2 if tens else i)  # ("tens of thousands")
        if got is None:
            continue
        num, done = got
        if num.kind != "skip":
            out.append(num)
    return _ranges(out, tokens)


_SKIP = Num(0.0, "skip", "", "", "", (0, 0), "")  # a figure that is no quantity


def _skip(end: int) -> tuple[Num, int]:
    return _SKIP, end


def _digits(tokens: Sequence[Token], i: int, headline: bool = False) -> tuple[Num, int] | None:
    """The figure written in digits at token ``i`` (``headline``: in a title-case line)."""
    t = tokens[i]
    m = _LEAD.match(t.text)
    if m is None:
        return None
    raw, rest = m.group(), t.text[m.end() :].lower()
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.text == "[" and nxt is not None and nxt.text == "]" and len(raw) <= 3:
        return _skip(i)  # a note mark: "[1]"
    if nxt is not None and nxt.text == ":" and i + 2 < len(tokens) and tokens[i + 2].text[:2].isdigit():
        return _skip(i + 2)  # a clock time: "04:09"
    if rest in _CLOCK_REST or (nxt is not None and nxt.key in _CLOCK_NEXT and not rest):
        return _skip(i + (0 if rest else 1))  # "6pm", "6 p.m."
    if YEAR_RE.match(raw) and not rest and not _currency_before(tokens, i) and not _percent_after(tokens, i):
        return _skip(i)  # a year is a date
    if rest == "s" or rest == "'s":
        return _skip(i)  # "the 1990s"
    if raw.isdigit() and 1 <= int(raw) <= 31 and not rest and _day_of_month(tokens, i):
        return _skip(i)  # "October 14", "14 October": a date
    if _designation(tokens, i, rest, headline):
        return _skip(i)  # "Squadron 11", "No. 10", "7th Fleet"
    value = _value(raw)
    if value is None:
        return None
    kind, unit = "n", ""
    if rest:
        if _ORDINAL_REST.match(rest):
            kind = "ord"
        elif rest.startswith("-"):
            kind, unit, value = _hyphenated(rest[1:], value)
        elif rest in UNIT_ALIASES:
            unit = UNIT_ALIASES[rest]
        elif rest in ("k", "m", "bn", "mn") and _currency_before(tokens, i):
            value *= SCALE_WORDS[rest]
        else:
            return _skip(i)  # "4G", "53E": part of a name
    return _finish(tokens, i, i, value, kind, unit, False)


def _vague(tokens: Sequence[Token], i: int) -> tuple[Num, int] | None:
    """A vague quantity with what it counts: "hundreds of people", "tens of thousands of
    homes", "Thousands" (alone), "several powerful aftershocks"."""
    n = len(tokens)
    key = tokens[i].key
    end = i
    if i and tokens[i - 1].key in _DETERMINERS:
        return None  # "the millions who watched", "his scores"
    if key in _VAGUE_SCALE and i + 2 < n and tokens[i + 1].key == "of" and tokens[i + 2].key in _VAGUE:
        lo, hi = _VAGUE[tokens[i + 2].key]
        if lo < 2_000:
            return None  # ("hundreds of dozens": no such quantity)
        scale = _VAGUE_SCALE[key]
        lo, hi, end = lo * scale / 2, hi * scale, i + 2  # "tens of thousands": 10,000 to 199,990
    elif key == "several" and i + 1 < n and (tokens[i + 1].key in _SCALES or tokens[i + 1].key == "hundred"):
        scale = _SCALES.get(tokens[i + 1].key, 100.0)  # "several thousand": 3,000 to 14,999
        lo, hi, end = 3 * scale, 15 * scale - 1, i + 1
    else:
        lo, hi = _VAGUE[key]
    text = _text(tokens, i, end)
    of = end + 1 < n and tokens[end + 1].key == "of"
    after = end + 1 if of else end
    if key == "several" and of:
        return None  # "several of them": a share, not a count
    if key == "scores" and not of:
        return None  # "the team scores", "test scores": no quantity without "of"
    kind = "n"
    if of and after + 1 < n and tokens[after + 1].key in CURRENCY_WORDS:  # "billions of dollars"
        kind, unit, head, counted_end = CURRENCY_WORDS[tokens[after + 1].key], "", "", after + 1
    else:
        head, counted_end, kind, _, unit = _counted(tokens, after, "n", lo)
        if kind != "n":
            return None  # "several days" (a duration; "for several days" is no figure changed)
        if head and not of and not _plural(tokens[counted_end]):
            head, unit = "", ""  # "Thousands fled", "Dozens died": a verb, not what is counted
    shown = _text(tokens, i, counted_end) if head or kind != "n" else text
    span = (tokens[i].start, tokens[end].end)
    shown = shown if len(shown) <= 48 else text
    return Num(lo, kind, unit, "v", text, span, shown, False, text, upto=hi), end


def _value(raw: str) -> float | None:
    if _THOUSANDS.fullmatch(raw):
        raw = raw.replace(",", "")  # thousands separators
    elif "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # decimal comma
    try:
        return float(raw)
    except ValueError:
        return None


def _hyphenated(rest: str, value: float) -> tuple[str, str, float]:
    """What a figure with a hyphenated word counts: "16-year-old" (an age), "36-month" (a
    duration), "10-km", "5,000-strong"."""
    parts = rest.split("-")
    head = parts[0]
    if parts[-1] == "old" and head in _DURATION_KEYS:
        return "age", "", value * _DURATION_KEYS[head] / DURATION_DAYS["year"]
    if head in _DURATION_KEYS:
        return "dur", "", value * _DURATION_KEYS[head]
    if head in UNIT_ALIASES:
        return "n", UNIT_ALIASES[head], value
    return "n", stem(head), value


def _word_number(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` a number written as hyphenated words ("seventy-three", "one-third",
    "three-month") or a fraction ("a third of")?"""
    key = tokens[i].key
    if key in FRACTION_WORDS:
        return (
            0 < i < len(tokens) - 1
            and tokens[i - 1].key in ("a", "one", *_NUMBER_WORDS)
            and tokens[i + 1].key == "of"
        )
    parts = key.split("-")
    return parts[0] in _ALL_NUMBER_WORDS and parts[0] not in ("first", "second", "half", "double")


def _words(tokens: Sequence[Token], i: int) -> tuple[Num, int] | None:
    t = tokens[i]
    key = t.key
    if key in FRACTION_WORDS:  # "a third of the city"
        return _finish(tokens, i - 1, i, FRACTION_WORDS[key], "%", "", True)
    if "-" in key:
        return _compound(tokens, i)
    value = _NUMBER_WORDS[key]
    end = i
    # "twenty five", "three million", "two hundred"
    while end + 1 < len(tokens) and (tokens[end + 1].key in _NUMBER_WORDS or tokens[end + 1].key in _SCALES):
        nxt = tokens[end + 1].key
        if nxt in _SCALES or nxt in ("hundred", "dozen"):
            value *= _SCALES.get(nxt, 12 if nxt == "dozen" else 100)  # ("two dozen": 24)
        else:
            value += _NUMBER_WORDS[nxt]
        end += 1
    if end + 1 < len(tokens) and tokens[end + 1].key in FRACTION_WORDS and _plural_fraction(tokens, end + 1):
        return _finish(tokens, i, end + 1, value * FRACTION_WORDS[tokens[end + 1].key], "%", "", True)
    return _finish(tokens, i, end, value, "n", "", False)


def _plural_fraction(tokens: Sequence[Token], k: int) -> bool:
    """Is the fraction word at ``k`` a share: "two thirds of", "three quarters"?"""
    return (k + 1 < len(tokens) and tokens[k + 1].key == "of") or tokens[k].key.endswith("s")


def _compound(tokens: Sequence[Token], i: int) -> tuple[Num, int] | None:
    """A hyphenated number word: "seventy-three", "one-third", "two-thirds", "three-month"."""
    parts = tokens[i].key.split("-")
    value = _ALL_NUMBER_WORDS.get(parts[0])
    if value is None:
        return None
    k = 1
    if k < len(parts) and parts[k] in _ALL_NUMBER_WORDS and parts[k] not in FRACTION_WORDS and value >= 20:
        value += _ALL_NUMBER_WORDS[parts[k]]  # "seventy-three"
        k += 1
    rest = parts[k:]
    if rest and rest[0] in FRACTION_WORDS:
        return _finish(tokens, i, i, value * FRACTION_WORDS[rest[0]], "%", "", True)
    if parts[0] in LOOSE_NUMBER_WORDS and not rest[:1]:
        return None
    if rest and rest[-1] == "old" and rest[0] in _DURATION_KEYS:
        return _finish(
            tokens, i, i, value * _DURATION_KEYS[rest[0]] / DURATION_DAYS["year"], "age", "", False
        )
    if rest and rest[0] in _DURATION_KEYS:
        return _finish(tokens, i, i, value * _DURATION_KEYS[rest[0]], "dur", "", False)
    if parts[0] in LOOSE_NUMBER_WORDS:
        return None  # "one-sided", "second-largest"
    if rest:
        return _finish(tokens, i, i, value, "n", UNIT_ALIASES.get(rest[0], stem(rest[0])), False)
    return _finish(tokens, i, i, value, "n", "", False)


def _currency_before(tokens: Sequence[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS


def _percent_after(tokens: Sequence[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].key in ("%", "percent", "per")


def _day_of_month(tokens: Sequence[Token], i: int) -> bool:
    """Is the figure at ``i`` a day of a month: "October 14", "Aug. 5", "14 October", "the 5th
    of May"?"""

    def month(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].key.rstrip(".") in MONTHS and tokens[k].text[0].isupper()

    if month(i - 1) or (i >= 2 and tokens[i - 1].text == "." and month(i - 2)):
        return True
    return month(i + 1) or (i + 2 < len(tokens) and tokens[i + 1].key == "of" and month(i + 2))


def _designation(tokens: Sequence[Token], i: int, rest: str, headline: bool = False) -> bool:
    """Is the figure at ``i`` part of a name: after a capitalised word inside the sentence
    ("Squadron 11", "Flight 370"), after "No." or an ordinal before one ("7th Fleet")? (In a
    headline in title case every word is capitalised: "Flood Kills 40" counts the dead.)"""
    if i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].key in _DESIGNATION_BEFORE:
        return True
    if rest and _ORDINAL_REST.match(rest):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is not None and nxt.is_word and nxt.text[0].isupper() and nxt.key not in MONTHS
    if i == 0 or headline:
        return False
    prev = tokens[i - 1]
    if not prev.is_word or not prev.text[0].isupper() or prev.text[0].isdigit():
        return False
    if prev.key.endswith(("'s", "’s")):
        return False  # "Saturday's 7.6 magnitude quake"
    low = prev.key.rstrip(".")
    if (
        low in MONTHS
        or low in WEEKDAYS
        or low in STOPWORDS
        or low in _QUALIFIER_FIRST
        or low in _MEASURE_BEFORE
    ):
        return False
    if low in _ALL_NUMBER_WORDS or low in CURRENCY_WORDS:
        return False
    # not a sentence start ("Officials 12" never; "About 250" is a qualifier)
    return i >= 2 and tokens[i - 2].text not in '.!?“"‘:'


def _finish(
    tokens: Sequence[Token], first: int, last: int, value: float, kind: str, unit: str, fraction: bool
) -> tuple[Num, int]:
    """The figure of tokens ``first``…``last`` with its scale, currency, percent, what it counts
    and its qualifier."""
    n = len(tokens)
    end = last
    if kind in ("n", "ord") and end + 1 < n and tokens[end + 1].key in _SCALES:
        value *= _SCALES[tokens[end + 1].key]
        end += 1
    start = first
    if kind == "n" and first > 0 and tokens[first - 1].text in CURRENCY_SYMBOLS:
        kind = tokens[first - 1].text
        start = first - 1
    head_end = end  # the last token of what is shown: the figure and what it counts
    if kind == "n" and end + 1 < n:
        after = tokens[end + 1]
        if after.text == "%" or after.key == "percent":
            kind, end = "%", end + 1
        elif after.key == "per" and end + 2 < n and tokens[end + 2].key == "cent":
            kind, end = "%", end + 2
        elif after.text in CURRENCY_SYMBOLS:  # "76 million $"
            kind, end = after.text, end + 1
        elif after.key in CURRENCY_WORDS:  # "12 million dollars": shown with the word
            kind, head_end = CURRENCY_WORDS[after.key], end + 1
        head_end = max(head_end, end)
    if kind in ("n", "ord") and not unit:
        _, counted_end, kind, value, unit = _counted(tokens, end, kind, value)
        if kind == "skip":
            return _skip(counted_end)
        head_end = max(head_end, counted_end)
        if unit in _MEASURES and counted_end == end + 1:
            end = counted_end  # "60 km", "400,000 pounds": the unit is part of the figure
    if kind == "n" and first > 0 and tokens[first - 1].key in ("aged", "age"):
        kind = "age"
    if kind == "n" and _measure_before(tokens, start) == "magnitude":
        unit = "magnitude"  # "magnitude 6.4 earthquake" / "7.6 magnitude quake"
    qual, qstart = _qualifier(tokens, start)
    text = _text(tokens, qstart, end)
    shown = _text(tokens, qstart, head_end) if head_end > end else text
    if len(shown) > 48:
        shown = text
    span = (tokens[qstart].start, tokens[end].end)
    return Num(value, kind, unit, qual, text, span, shown, fraction, tokens[first].text), end


def _text(tokens: Sequence[Token], first: int, last: int) -> str:
    out = tokens[first].text
    for k in range(first + 1, last + 1):
        t = tokens[k]
        out += t.text if t.start == tokens[k - 1].end else " " + t.text
    return out


def _measure_before(tokens: Sequence[Token], k: int) -> str:
    return tokens[k - 1].key if k > 0 and tokens[k - 1].key in _MEASURE_BEFORE else ""


def _counted(tokens: Sequence[Token], end: int, kind: str, value: float) -> tuple[str, int, str, float, str]:
    """What the figure ending at token ``end`` counts: the first plural in the few words after
    it ("26 U.S. military helicopters"), else the first of them ("4,000 people"); a duration
    ("36 months"), an age ("16 years old") or a relative date ("3 days ago": no quantity).
    Returns (head, index of head, kind, value, unit)."""
    n = len(tokens)
    words: list[int] = []
    k = end + 1
    while k < n and len(words) < 3:
        t = tokens[k]
        key = t.key
        if not t.is_word or key in STOPWORDS or any(ch.isdigit() for ch in key) or key in _NUMBER_WORDS:
            break
        if key in _QUALIFIER_FIRST:
            break
        words.append(k)
        if key in _DURATION_KEYS or key in UNIT_ALIASES:
            break  # "36 months in prison": the unit is the head
        k += 1
    if not words:
        return "", end, kind, value, ""
    first = tokens[words[0]]
    if first.key in _DURATION_KEYS:
        after = tokens[words[0] + 1].key if words[0] + 1 < n else ""
        if after in _RELATIVE_AFTER:
            return "", words[0] + 1, "skip", value, ""  # "3 days ago": a relative date
        if after == "old":
            return (
                first.key,
                words[0] + 1,
                "age",
                value * _DURATION_KEYS[first.key] / DURATION_DAYS["year"],
                "",
            )
        return first.key, words[0], "dur", value * _DURATION_KEYS[first.key], ""
    if first.key in UNIT_ALIASES:
        return first.key, words[0], kind, value, UNIT_ALIASES[first.key]
    if first.key in _MEASURE_BEFORE:
        return first.key, words[0], kind, value, first.key
    head = next((k for k in words if _plural(tokens[k])), words[0])
    return tokens[head].key, head, kind, value, _unit_key(tokens[head].key)


def _plural(t: Token) -> bool:
    key = t.key
    return len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")) and t.text[0].islower()


def _unit_key(key: str) -> str:
    key = key.replace("’", "'").removesuffix("'s")
    return UNIT_ALIASES.get(key) or stem(key)


def _qualifier(tokens: Sequence[Token], start: int) -> tuple[str, int]:
    """The bound or approximation written before token ``start`` ("more than", "about") and
    the index its words start at."""
    if not start or tokens[start - 1].key not in _QUALIFIER_LAST:
        return "", start  # (most figures)
    for width in (3, 2, 1):
        k = start - width
        if k < 0:
            continue
        phrase = " ".join(t.key for t in tokens[k:start])
        q = NUMBER_QUALIFIERS.get(phrase)
        if q is not None:
            return q, k
    return "", start


def _ranges(nums: list[Num], tokens: Sequence[Token]) -> list[Num]:
    """The first figure of a range counts what the second does: "5 to 10 percent", "between
    5 and 6 people"."""
    if len(nums) < 2:
        return nums
    starts = [t.start for t in tokens]
    out = list(nums)
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        bare = a.kind == "n" and not a.unit and not (b.kind == "n" and not b.unit)
        money = a.kind == b.kind and a.kind not in ("n", "%", "dur", "age", "ord") and a.value < b.value
        if not (bare or money) or a.qual == "v" or b.qual == "v":
            continue
        between = tokens[bisect_left(starts, a.span[1]) : bisect_left(starts, b.span[0])]
        if len(between) == 1 and between[0].key in _RANGE_WORDS:
            lo = a.value
            if money and a.value * 1000 <= b.value:  # "$5 to $10 million": 5 million
                scale = next((_SCALES[w] for w in b.text.lower().split() if w in _SCALES), 1.0)
                lo = a.value * scale if a.value * scale <= b.value else a.value
            out[k] = replace(a, value=lo, kind=b.kind, unit=b.unit, end="lo", range_lo=lo, range_hi=b.value)
            out[k + 1] = replace(b, end="hi", range_lo=lo, range_hi=b.value)
    return out


# --- pairing and judging ---------------------------------------------------------------------


def _kinds_match(a: Num, b: Num) -> bool:
    if a.kind == b.kind:
        return True
    # an age and a bare figure ("Smith, 16," / "the 16-year-old")
    return {a.kind, b.kind} == {"age", "n"} and not (a.unit or b.unit)


def _units_match(a: Num, b: Num) -> bool:
    return not a.unit or not b.unit or a.unit == b.unit


def _same_value(a: Num, b: Num) -> bool:
    if a.qual == "v" or b.qual == "v":
        return a.qual == b.qual and a.value == b.value  # ("hundreds" / "hundreds")
    if a.kind == "dur" and b.kind == "dur":
        return abs(a.value - b.value) <= 0.01 * max(a.value, b.value)
    if a.kind == "%" and (a.fraction or b.fraction):
        return abs(a.value - b.value) < 1.0  # "one-third" / "33%"
    if a.kind == "age" or b.kind == "age":
        return abs(a.value - b.value) < 0.05
    return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def _same(a: Num, b: Num) -> bool:
    return _kinds_match(a, b) and _units_match(a, b) and _same_value(a, b) and not _bounds_clash(a, b)


def _same_counted(a: Num, b: Num) -> bool:
    """The same figure counting the same people in other words, where what befell them
    agrees: "two survivors" / "two people … rescued" (not "two people
    died"; not "300 families" / "300 people"; not a conversion: "5 pounds" / "5 kg" differ)."""
    if not (a.unit and b.unit) or a.unit == b.unit or a.state != b.state:
        return False
    people = _PLAIN_PEOPLE | _UNIT_STATE.keys()
    return (
        a.unit in people
        and b.unit in people
        and _kinds_match(a, b)
        and _same_value(a, b)
        and not _bounds_clash(a, b)
    )


# Which way a qualifier bounds its figure: "more than 300" from below, "nearly 300" from above.
_DIRECTION = {">": 1, "<": -1, "<~": -1}


def _bounds_clash(a: Num, b: Num) -> bool:
    """Do two figures bound one value from opposite sides, by their qualifiers or as a range's
    end against a qualifier ("20 to 50 percent" / "more than 50 percent"; two ranges' ends
    are no such clash)?"""
    if not (a.qual or b.qual):
        return False
    return _clash(a.bound, b.bound)


def _clash(qa: str, qb: str) -> bool:
    """Do two qualifiers bound one figure from opposite sides ("more than 300" / "fewer than
    300", "more than 300" / "nearly 300")? Then the same figure says two things."""
    return _DIRECTION.get(qa, 0) * _DIRECTION.get(qb, 0) < 0


_ALIKE = {stem(w): k for k, group in enumerate(COUNTED_ALIKE) for w in group}
_ALIKE.update({UNIT_ALIASES[w]: _ALIKE[stem(w)] for w in ("people", "persons", "person")})
_PEOPLE = _ALIKE[stem("people")]


def _counted_alike(a: Num, b: Num) -> bool:
    """Do two figures count one kind of thing in other words ("people" / "residents") or in
    units one converts to ("pounds" / "kilograms")?"""
    if a.unit == b.unit:
        return True
    k = _ALIKE.get(a.unit)
    return (k is not None and k == _ALIKE.get(b.unit)) or _in_units_of(a, b) is not None


def _in_units_of(a: Num, b: Num) -> float | None:
    """The value of ``b`` in the unit of ``a`` when one converts to the other ("146,000 kg"
    for "322,340 pounds"), else None."""
    to, factor = UNIT_CONVERSIONS.get(b.unit, ("", 0.0))
    if to and to == a.unit:
        return b.value * factor
    to, factor = UNIT_CONVERSIONS.get(a.unit, ("", 0.0))
    if to and to == b.unit:
        return b.value / factor
    return None


CONVERTED = 0.05  # a figure converted to another unit may be this much off, rounded


def _round_forms(v: float, how: str = "") -> set[float]:
    """``v`` rounded to one and two significant digits: down (``how`` "down"), up ("up"), to
    the nearest ("nearest") or all three ("")."""
    out: set[float] = set()
    if v <= 0:
        return out
    mag = 10 ** math.floor(math.log10(v))
    for digits in (1, 2):
        step = mag / (10 ** (digits - 1))
        if how in ("", "down"):
            out.add(math.floor(v / step) * step)
        if how in ("", "up"):
            out.add(math.ceil(v / step) * step)
        if how in ("", "nearest"):
            out.add(round(v / step) * step)
    return out


def _round(v: float) -> bool:
    """Is ``v`` a round figure, as a bound rounds a count ("more than 300", "over 1,500",
    "nearly 20"), rather than a count itself ("at least 327", "more than 16")?"""
    if v != int(v) or v < 10:
        return v == int(v)
    digits = str(int(v)).rstrip("0")
    return len(digits) == 1 or (len(digits) == 2 and (digits[-1] == "5" or v >= 100))


def _close(x: float, forms: set[float]) -> bool:
    return any(abs(x - f) <= 1e-9 * max(1.0, f) for f in forms)


def consistent(a: Num, b: Num) -> bool:
    """Does the rewrite's ``b`` say what the original's ``a`` says, in rounder or looser terms
    ("312" / "more than 300", "248" / "about 250", "more than 3,089" / "more than 3,000",
    "about 250" / "more than 200")? Two different bounds or approximations of one figure are a
    change ("more than 23,000" / "more than 26,000": an updated count; "more than 16 million" /
    "approximately 20 million")."""
    va, vb = a.value, b.value
    qa, qb = a.qual, b.qual
    if _bounds_clash(a, b):
        return False  # "more than 300" / "fewer than 300", "nearly 300"; "20 to 50" / "more than 50"
    if qa == "v" or qb == "v":  # "thousands" / "2,300": within what the vague word stands for
        if qa == qb:  # "dozens" / "scores": ranges that overlap
            return a.value <= b.upto and b.value <= a.upto
        vague, other = (a, b) if qa == "v" else (b, a)
        x = other.value
        if other.qual == ">":  # "hundreds" / "more than 100": a bound below the most
            return vague.value / 10 <= x < vague.upto
        if other.qual in ("<", "<~"):  # "dozens" / "fewer than 100"
            return vague.value < x <= vague.upto * 10
        return vague.value <= x <= vague.upto
    if a.range_hi and not qb and not b.range_hi:  # "20 to 30 people" / "25 people"
        return a.range_lo <= vb <= a.range_hi
    if b.range_hi and not qa and not a.range_hi:  # "25 people" / "20 to 30 people"
        return b.range_lo <= va <= b.range_hi
    if a.unit != b.unit and (converted := _in_units_of(a, b)) is not None:
        return abs(va - converted) <= CONVERTED * va  # "322,340 pounds" / "146,000 kilograms"
    if _same_value(a, b):
        return True  # only the qualifier differs
    if not qa and not qb:
        return False
    if not qa:  # an exact figure restated loosely
        if qb == ">":
            return vb < va and (vb >= 0.8 * va or _close(vb, _round_forms(va, "down")))
        if qb == "<":
            return va <= vb <= 1.25 * va
        if qb == "<~":
            return va <= vb <= 1.15 * va
        return abs(va - vb) <= 0.1 * va  # "about"
    if not qb:  # a loose figure made exact: consistent with the bound
        if qa in (">", "<", "<~") and a.kind == "n" and va == int(va) and not _round(va):
            return False  # a bound on a count ("at least 327" / "348"): a new count
        if qa == ">":
            return va < vb <= 1.25 * va
        if qa == "<":
            return 0.8 * va <= vb <= va
        if qa == "<~":
            return 0.85 * va <= vb <= va
        return abs(va - vb) <= 0.1 * va
    # Both loose: the rewrite's figure must be the original's rounded the way its own
    # qualifier allows (a lower bound rounded down, an upper bound up, an approximation to the
    # nearest), and a lower bound is no upper bound.
    if qb == ">":
        return qa in (">", "~") and vb < va and _close(vb, _round_forms(va, "down"))
    if qb in ("<", "<~"):
        return qa in ("<", "<~", "~") and vb > va and _close(vb, _round_forms(va, "up"))
    # "about": of an approximation, to the nearest; a bound only in its own direction
    if qa == "~":
        return _close(vb, _round_forms(va, "nearest"))
    if qa == ">":
        return _close(vb, _round_forms(va, "down"))  # "more than 3,089" / "about 3,000"
    return _close(vb, _round_forms(va, "up"))


def _pair(
    fa: list[Num],
    fb: list[Num],
    diff: Sequence[DiffOp],
    ta: Sequence[Token],
    tb: Sequence[Token],
) -> list[tuple[int, int]]:
    """Pairs of figures left over on both sides that count the same thing, best first."""
    ca, cb = _number_contexts(fa, ta), _number_contexts(fb, tb)
    replaced = [
        (op.original, op.rewrite) for op in diff if op.op is DiffOpKind.REPLACE and op.original and op.rewrite
    ]
    scored: list[tuple[float, int, int]] = []
    for i, a in enumerate(fa):
        for j, b in enumerate(fb):
            if not _kinds_match(a, b):
                continue
            score = 0.0
            if a.state and b.state:
                if a.state != b.state:
                    continue  # "four people are dead" / "282 people … missing": two counts
                score += 2.0  # "nearly 300 missing" / "282 people … missing": one count
            elif a.unit and b.unit and a.unit != b.unit:
                if not _counted_alike(a, b):
                    continue
                score += 1.0  # "300 people" / "200 residents", "322,340 pounds" / "146,000 kg"
            elif a.unit and a.unit == b.unit:
                score += 2.0
            if any(overlaps(a.span, o) and overlaps(b.span, r) for o, r in replaced):
                score += 1.5
            if a.value == b.value:
                score += 3.0  # "between 20 and 50" / "at least 50": the 50 restated with a bound
            inter = len(ca[i] & cb[j])
            if inter:
                score += inter / len(ca[i] | cb[j])
            if score == 0.0 and not (len(fa) == 1 and len(fb) == 1):
                continue  # two bare figures with nothing in common: not the same fact
            if "v" in (a.qual, b.qual) and not (inter or (a.unit and b.unit)):
                continue  # ("Recovery to Cost Billions" / "Death Toll Rises to 654")
            # the figures keep their order (the second "pounds" of one side is the second's),
            # and one figure restated differs less than two figures do (400,000 / 322,000)
            pa = i / (len(fa) - 1) if len(fa) > 1 else 0.5
            pb = j / (len(fb) - 1) if len(fb) > 1 else 0.5
            score += 0.3 * (1 - abs(pa - pb))
            if a.value > 0 and b.value > 0:
                score += 0.5 * max(0.0, 1 - abs(math.log10(a.value / b.value)))
            scored.append((-score, i, j))
    scored.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def number_flags(
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    diff: Sequence[DiffOp] = (),
    whole: Whole | None = None,
    few_words: bool = False,
    heads: tuple[Sequence[Span], Sequence[Span]] | None = None,
) -> list[Flag]:
    """Figures changed, omitted or added between two sides (``toks_a``/``toks_b``: their
    tokens), and consistent restatements as low notes; with their word diff, also the same
    figures swapped. ``whole``: where to look for an added figure in the whole original.
    ``few_words``: the two sides share few words, so only a figure restated with what it
    counts ("170 people" / "160 people") is a change; the others are low notes. ``heads``:
    the spans of each side's title-case lines, if known."""
    heads_a, heads_b = heads if heads is not None else (None, None)
    na, nb = numbers_of(toks_a, orig, heads_a), numbers_of(toks_b, rew, heads_b)
    if not na and not nb:
        return []
    na, nb = _with_states(na, toks_a), _with_states(nb, toks_b)
    left_a, left_b, twins = _unmatched(na, nb)
    # The same figure stated without the original's qualifier: an estimate or a bound made
    # exact ("approximately $76 million" / "$76 million", "more than 300" / "300").
    unqualified = [(na[i], nb[j]) for i, j in twins.items() if na[i].qual and not nb[j].qual]
    flags: list[Flag] = []
    if unqualified:
        note = " (the two claims share few words)" if few_words else ""
        severity = LOW if note else MEDIUM
        flags.append(_pairs_flag("qualifier dropped", CHANGED, severity, unqualified, na, nb, note))
    if not left_a and not left_b:  # the same figures: in the same places?
        swapped = _swap(na, nb, twins, diff, (orig, rew), (toks_a, toks_b), few_words) if diff else None
        return [swapped, *flags] if swapped is not None else flags
    if diff and any(f.state for f in chain(na, nb)):
        # the same figures, swapped between what befell them ("5 people died and 6 were
        # hurt" / "6 people died and 5 …"): one swap, not two counts changed
        plain_a, plain_b, plain = _unmatched(na, nb, by_state=False)
        if not plain_a and not plain_b:
            swapped = _swap(na, nb, plain, diff, (orig, rew), (toks_a, toks_b), few_words)
            if swapped is not None:
                return [swapped, *flags]
    # A figure said once more on one side is no other figure: "3 … 3" against "3".
    fa = [na[i] for i in left_a if not any(_same(na[i], b) and _agree(na[i], b) for b in nb)]
    fb = [nb[j] for j in left_b if not any(_same(a, nb[j]) and _agree(a, nb[j]) for a in na)]
    if not fa and not fb:
        return flags
    pairs = _pair(fa, fb, diff, toks_a, toks_b)
    pairs.sort()  # (in the original's order)
    changed = [(fa[i], fb[j]) for i, j in pairs if not consistent(fa[i], fb[j])]
    restated = [(fa[i], fb[j]) for i, j in pairs if consistent(fa[i], fb[j])]
    loose: list[tuple[Num, Num]] = []
    if few_words:
        # claims that share few words are hardly one claim: a figure restated without what it
        # counts is no value of the same fact
        loose = [(a, b) for a, b in changed if not _anchored(a, b, toks_a, toks_b)]
        changed = [(a, b) for a, b in changed if (a, b) not in loose]
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    omitted = [f for i, f in enumerate(fa) if i not in paired_a]
    added = [f for j, f in enumerate(fb) if j not in paired_b]
    if omitted and added and diff and not few_words:
        # a figure the word diff replaces by another where it stood ("12 aircraft" / "20
        # planes", "45 percent" / "54"): a figure changed, not one left out and one added
        swapped_in = _replaced_in_place(omitted, added, diff)
        changed.extend(swapped_in)
        omitted = [f for f in omitted if all(f is not a for a, _ in swapped_in)]
        added = [f for f in added if all(f is not b for _, b in swapped_in)]
    if whole is not None:
        added = [f for f in added if not _in_original(f, whole)]
    out: list[Flag] = []
    if changed:
        out.append(_pairs_flag("changed", CHANGED, HIGH, changed, na, nb))
    vague_added = [f for f in added if f.qual == "v"]  # ("several officials": hardly a figure added)
    added = [f for f in added if f.qual != "v"]
    if added:
        out.append(_values_flag("added", ADDED, LOW if few_words else MEDIUM, added, True, few_words))
    if vague_added:
        out.append(_values_flag("added", ADDED, LOW, vague_added, True, few_words))
    out.extend(flags)
    if loose:
        out.append(_pairs_flag("changed", CHANGED, LOW, loose, na, nb, " (the two claims share few words)"))
    if restated:
        out.append(_pairs_flag("restated, consistent with the original", CHANGED, LOW, restated, na, nb))
    if omitted:
        out.append(_values_flag("omitted", OMITTED, LOW, omitted, False))
    return out


def _swap(
    na: list[Num],
    nb: list[Num],
    twins: dict[int, int],
    diff: Sequence[DiffOp],
    claims: tuple[Sequence[Claim], Sequence[Claim]],
    tokens: tuple[Sequence[Token], Sequence[Token]],
    few_words: bool,
) -> Flag | None:
    """The flag for the same figures (``twins``) in swapped places, if the word diff shows it."""
    # (keyed alike where equal: "36 months" and "three years" are one figure)
    keys_b = {j: na[i].key for i, j in twins.items()}
    facts_b = [Fact(keys_b.get(j, f.key), f.text, f.span) for j, f in enumerate(nb)]
    swapped = _swapped_numbers_flag(_facts(na), facts_b, diff, *claims, *tokens)
    if swapped is not None and few_words:  # (no swap of two values of one fact)
        swapped = replace(
            swapped, severity=LOW, message=f"{swapped.message} (the two claims share few words)"
        )
    return swapped


# Units of measure (as unit keys): a figure in one is no count restated in other words.
_MEASURES = (
    frozenset(UNIT_CONVERSIONS) | {to for to, _ in UNIT_CONVERSIONS.values()} | {"ton", "tons", "tonn"}
)
IN_PLACE = 40  # characters at most either side of a word-diff replacement read as one figure replaced


def _replaced_in_place(omitted: list[Num], added: list[Num], diff: Sequence[DiffOp]) -> list[tuple[Num, Num]]:
    """Figures of the original left unpaired that a short replacement of the word diff swaps
    for one figure of the rewrite left unpaired, of the same kind of quantity (or a bare
    figure): ("12 aircraft", "20 planes"), ("45 percent", "54")."""
    out: list[tuple[Num, Num]] = []
    for op in diff:
        o, r = op.original, op.rewrite
        if op.op is not DiffOpKind.REPLACE or o is None or r is None:
            continue
        if o[1] - o[0] > IN_PLACE or r[1] - r[0] > IN_PLACE:
            continue
        la = [a for a in omitted if overlaps(a.span, o)]
        lb = [b for b in added if overlaps(b.span, r)]
        if len(la) != 1 or len(lb) != 1:
            continue
        a, b = la[0], lb[0]
        if "v" in (a.qual, b.qual):
            continue  # a vague quantity is paired by what it counts, never by its place alone
        if not _agree(a, b):
            continue  # ("160 people rescued" / "25 people … dead")
        bare = (a.kind == "n" and not a.unit) or (b.kind == "n" and not b.unit)
        if a.unit and b.unit and a.unit != b.unit and (a.unit in _MEASURES or b.unit in _MEASURES):
            continue  # a weight for another measure ("9,000 pounds" / "7,000 tons"): units apart
        if (a.kind == b.kind or (bare and "ord" not in (a.kind, b.kind))) and not consistent(a, b):
            out.append((a, b))
    return out


ANCHOR_WINDOW = 5  # words either side of a figure looked at for what it is about


def _anchored(a: Num, b: Num, toks_a: Sequence[Token], toks_b: Sequence[Token]) -> bool:
    """Are two figures of claims that share few words about the same thing: do they count
    the same ("people", "km") and share a content word close by ("killed at least 170 people" /
    "160 people have been reported killed"; not "home to 50,000 people" / "a death toll of
    35,000 people")?"""
    if not _counted_alike(a, b) or not (a.unit or b.unit):
        return False
    near_a, near_b = _near(a, toks_a), _near(b, toks_b)
    return bool((near_a & near_b) - {a.unit, b.unit})


def _near(f: Num, tokens: Sequence[Token]) -> set[str]:
    """Stems of the content words around the figure ``f`` (not other figures)."""
    starts = [t.start for t in tokens]
    lo, hi = bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1])
    around = [*tokens[max(0, lo - ANCHOR_WINDOW) : lo], *tokens[hi : hi + ANCHOR_WINDOW]]
    return {
        stem(t.key)
        for t in around
        if t.is_word and t.key not in STOPWORDS and not t.key[:1].isdigit() and t.key not in _NUMBER_WORDS
    } | {f.unit}


def _pairs_flag(
    what: str,
    change: FlagChange,
    severity: Severity,
    pairs: list[tuple[Num, Num]],
    na: list[Num],
    nb: list[Num],
    note: str = "",
) -> Flag:
    """One flag for figures of the original and what the rewrite says instead: "numbers
    changed: 4,000 people → 3,000 people; …" (what a figure counts is shown where a side has
    figures of several things)."""
    long_a = len({(f.kind, f.unit) for f in na}) > 1
    long_b = len({(f.kind, f.unit) for f in nb}) > 1
    shown = [(a.shown if long_a else a.text, b.shown if long_b else b.text) for a, b in pairs]
    many = len(pairs) > 1
    label = f"{'numbers' if many else 'number'} {what}"
    if what == "qualifier dropped":
        label = f"{'numbers' if many else 'number'} stated without {'their' if many else 'its'} qualifier"
    return flag(
        FlagType.NUMBER,
        change,
        severity,
        ", ".join(x for x, _ in shown),
        ", ".join(y for _, y in shown),
        f"{label}: " + "; ".join(f"{x} → {y}" for x, y in shown) + note,
        pairs[0][0].span,
        pairs[0][1].span,
    )


def _values_flag(
    what: str, change: FlagChange, severity: Severity, nums: list[Num], rewrite: bool, few: bool = False
) -> Flag:
    """One flag for figures of one side alone: "numbers added: 20 million $" (``rewrite``: of
    the rewrite) or "number omitted: 761 people" (``few``: of two claims that share few words)."""
    shown = ", ".join(dict.fromkeys(f.shown for f in nums))
    label = f"{'numbers' if len(nums) > 1 else 'number'} {what}"
    span = nums[0].span
    return flag(
        FlagType.NUMBER,
        change,
        severity,
        "" if rewrite else shown,
        shown if rewrite else "",
        f"{label}: {shown}" + (" (the two claims share few words)" if few else ""),
        None if rewrite else span,
        span if rewrite else None,
    )


def _unmatched(
    na: list[Num], nb: list[Num], by_state: bool = True
) -> tuple[list[int], list[int], dict[int, int]]:
    """Indices of the figures of each side that have no equal on the other (as counted sets:
    "3 … 3" against one "3" leaves one "3"), and the equal ones (index in ``na`` → in ``nb``;
    one with the same unit and qualifier first). ``by_state``: an equal figure must count
    people to whom the same befell (not "5 people died" / "5 people were hurt")."""
    twins: dict[int, int] = {}
    taken: set[int] = set()
    left_a: list[int] = []
    for i, a in enumerate(na):
        best = -1
        rank = -1
        for j, b in enumerate(nb):
            if j in taken:
                continue
            if _same(a, b) and (not by_state or _agree(a, b)):
                r = 2 + 2 * bool(b.unit and b.unit == a.unit) + (b.qual == a.qual)
            elif by_state and _same_counted(a, b):
                r = 0  # ("two survivors" / "two people": the same figure, before another's "people")
            else:
                continue
            if r > rank:
                best, rank = j, r
        if best < 0:
            left_a.append(i)
        else:
            twins[i] = best
            taken.add(best)
    return left_a, [j for j in range(len(nb)) if j not in taken], twins


def _facts(nums: list[Num]) -> list[Fact]:
    return [Fact(n.key, n.text, n.span) for n in nums]


# --- is an added figure anywhere in the original? -------------------------------------------

_WORD_OF: dict[float, str] = {v: k for k, v in _NUMBER_WORDS.items() if k not in ("dozen",)}


def _in_original(f: Num, whole: Whole) -> bool:
    """Is the figure of ``f`` written anywhere in the original, in digits or in words ("19",
    "nine" for 9, "three" for "3 years")?"""
    return whole.has_figure(_figure_forms(f.figure))


@lru_cache(maxsize=1024)
def _figure_forms(figure: str) -> tuple[str, ...]:
    """The ways the number written as ``figure`` may be written, in lower case: "322,000" and
    "322000", "9" and "nine", "25" and "twenty-five"."""
    lead = _LEAD.match(figure)
    if lead is not None:
        raw = lead.group()
        value = _value(raw)
    else:
        words = figure.lower().split("-")
        value = _ALL_NUMBER_WORDS.get(words[0])
        if value is not None and len(words) > 1 and words[1] in _ALL_NUMBER_WORDS and value >= 20:
            value += _ALL_NUMBER_WORDS[words[1]]
        raw = ""
    if value is None:
        return (figure.lower(),)
    forms = [raw] if raw else []
    if value == int(value):
        n = int(value)
        forms += [str(n), f"{n:,}"]
        word = _WORD_OF.get(float(n))
        if word:
            forms.append(word)
        elif 20 < n < 100 and n % 10:
            tens, units = _WORD_OF.get(float(n - n % 10)), _WORD_OF.get(float(n % 10))
            if tens and units:
                forms += [f"{tens}-{units}", f"{tens} {units}"]
    else:
        forms += [f"{value:g}", f"{value:g}".replace(".", ",")]
    return tuple(dict.fromkeys(f for f in forms if f))


# --- the same figures in other places ---------------------------------------------------------


_CONTEXT_WORDS = 3


def _number_contexts(facts: Sequence[Num | Fact], tokens: Sequence[Token]) -> list[frozenset[str]]:
    """What each number counts or qualifies: the content words after it up to the next number
    or clause mark ("12 people were arrested", "65% in 2020"), else those before it ("won 52
    to 48"); years count, stopwords and other numbers do not."""
    starts = [t.start for t in tokens]
    number: set[int] = set()  # indices of the tokens of any number
    for f in facts:
        number.update(range(bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1])))
    return [
        _context(tokens, number, bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1]))
        for f in facts
    ]


# What befell the people a figure counts: a count of the dead is no count of the missing.
_STATE_OF = {
    w: state
    for state, ws in {
        "dead": "dead died die dies killed killing deaths death fatalities bodies perished drowned",
        "missing": "missing unaccounted",
        "injured": "injured injuring wounded wounding hurt injuries",
        "rescued": "rescued saved evacuated airlifted",
        "homeless": "homeless displaced fled sheltered",
        "arrested": "arrested detained jailed",
    }.items()
    for w in ws.split()
}
STATE_AFTER, STATE_BEFORE = 10, 2  # tokens looked at after and before a figure for its state
_STATE_STOP = frozenset(",;:.!?()[]") | {"and", "or", "but", "while", "with", "as"}
_STATE_UNITS = frozenset(map(stem, _STATE_OF))  # ("300 missing": what it counts is its state)
_OTHERS = stem("others")  # ("179 others had been rescued": people)
# People counted by what befell them ("two survivors": rescued), and people counted plainly;
# a figure of either is the same figure as one of "people" only where what befell them agrees.
_UNIT_STATE = {
    stem("survivors"): "rescued",
    stem("evacuees"): "homeless",
    stem("refugees"): "homeless",
}
_PLAIN_PEOPLE = frozenset(
    {UNIT_ALIASES["people"], _OTHERS}
    | {
        stem(w)
        for w in "people persons person residents villagers civilians inhabitants individuals citizens "
        "locals".split()
    }
)


def _with_states(nums: list[Num], tokens: Sequence[Token]) -> list[Num]:
    """The figures, each with what befell those it counts (``state``: "dead", "missing", …,
    the first such word after it in its clause, up to the next figure, else just before it:
    "killed 36 people"; else what its unit says: "survivors" are the rescued)."""
    if not nums:
        return nums
    starts = [t.start for t in tokens]
    spans = [(bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1])) for f in nums]
    firsts = {a for a, _ in spans}
    out: list[Num] = []
    for f, (first, after) in zip(nums, spans, strict=True):
        state = ""
        if f.unit and f.unit not in _STATE_UNITS and f.unit != _OTHERS and _ALIKE.get(f.unit) != _PEOPLE:
            out.append(f)  # ("3 roads", "40 helicopters": no people befallen)
            continue
        for run in (
            range(after, min(len(tokens), after + STATE_AFTER)),
            range(first - 1, max(-1, first - 1 - STATE_BEFORE), -1),
        ):
            for k in run:
                t = tokens[k]
                if k in firsts or t.text in _STATE_STOP or t.key in _STATE_STOP:
                    break
                state = _STATE_OF.get(t.key, "")
                if state:
                    break
            if state:
                break
        state = state or _UNIT_STATE.get(f.unit, "")
        out.append(replace(f, state=state) if state else f)
    return out


def _agree(a: Num, b: Num) -> bool:
    """Can two figures count the same people: has at most one of them a state, or both the same?"""
    return not (a.state and b.state and a.state != b.state)


def _context(tokens: Sequence[Token], number: set[int], first: int, after: int) -> frozenset[str]:
    """The context words of the number of tokens ``first`` to ``after`` (exclusive)."""
    words: list[str] = []
    for run in (range(after, len(tokens)), range(first - 1, -1, -1)):
        for k in run:
            t = tokens[k]
            if k in number or t.text in _CLAUSE_MARKS:
                break
            if t.is_word and t.key not in STOPWORDS:
                words.append(t.key)
                if len(words) == _CONTEXT_WORDS:
                    break
        if words:
            break
    return frozenset(words)


def _in_place(
    k: int, facts: list[Fact], ctx: list[frozenset[str]], others: list[Fact], octx: list[frozenset[str]]
) -> bool:
    """Is number ``k`` on the other side with what it counts ("12 people were arrested" /
    "12 were arrested"): is the number whose context is most like its own the same number?"""
    mine = ctx[k]
    if not mine:
        return False
    best = 0.0
    keys: set[str] = set()
    for g, theirs in zip(others, octx, strict=True):
        shared = len(mine & theirs)
        if not shared:
            continue
        score = shared / len(mine | theirs)
        if score > best:
            best, keys = score, {g.key}
        elif score == best:
            keys.add(g.key)
    return keys == {facts[k].key}


def _swapped_numbers_flag(
    fa: list[Fact],
    fb: list[Fact],
    diff: Sequence[DiffOp],
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
) -> Flag | None:
    """The same numbers in other places: "between 5 to 6" → "between 6 to 5".

    Only where the word diff replaces a number by a different one; the same numbers moved with
    their words ("5 died, 6 hurt" → "6 hurt, 5 died", "12 people were arrested and 3 were
    charged" → "3 people were charged after 12 were arrested") are no change of fact.
    """
    pairs = _replaced_numbers(fa, fb, diff)
    if not pairs:
        return None
    ca, cb = _number_contexts(fa, toks_a), _number_contexts(fb, toks_b)
    pairs = [(i, j) for i, j in pairs if not (_in_place(i, fa, ca, fb, cb) and _in_place(j, fb, cb, fa, ca))]
    if not pairs:
        return None
    lost = [fa[i] for i, _ in pairs]
    gained = [fb[j] for _, j in pairs]
    ta, tb = _shown(lost, orig), _shown(gained, rew)
    span_a = (lost[0].span[0], lost[-1].span[1])
    span_b = (gained[0].span[0], gained[-1].span[1])
    label = "numbers swapped" if len(lost) > 1 else "number changed"
    return flag(FlagType.NUMBER, CHANGED, HIGH, ta, tb, f"{label}: {ta} → {tb}", span_a, span_b)


def _replaced_numbers(fa: list[Fact], fb: list[Fact], diff: Sequence[DiffOp]) -> list[tuple[int, int]]:
    """(index in ``fa``, index in ``fb``) of each number the word diff replaces by another."""
    pairs: list[tuple[int, int]] = []
    for op in diff:
        if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
            continue
        la = [i for i, f in enumerate(fa) if overlaps(f.span, op.original)]
        lb = [j for j, f in enumerate(fb) if overlaps(f.span, op.rewrite)]
        if len(la) == 1 and len(lb) == 1 and fa[la[0]].key != fb[lb[0]].key:
            pairs.append((la[0], lb[0]))
    return pairs


def _shown(facts: list[Fact], claims: Sequence[Claim]) -> str:
    """The numbers with the words between them ("5 to 6"), or only the numbers if that is long."""
    text, base = joined(claims)
    whole = " ".join(text[facts[0].span[0] - base : facts[-1].span[1] - base].split())
    return whole if len(whole) <= 40 else ", ".join(f.text for f in facts)


__all__ = ["KEY", "Num", "consistent", "number_flags", "numbers_of"]
