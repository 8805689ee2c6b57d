"""Fact-sensitive differences inside a linked change: numbers, dates, names, hedges, negation,
attribution. Each flag carries both sides' wording and a one-line message.

Extraction is rule based and fast; a flag is raised when the *normalised* facts of the two
sides differ ("3" and "three" are the same number, "may" and "might" the same hedge).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck_gui.engine.lexicon import (
    ATTRIBUTION_CLASS,
    HEDGE_CLASS,
    MONTHS,
    NEGATION_CLASS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagType, Span


@dataclass(frozen=True, slots=True)
class Fact:
    key: str  # normalised value used for comparison
    text: str  # wording as written
    span: Span  # absolute offsets


_NUMBER_WORDS = {
    k: v
    for k, v in NUMBER_WORDS.items()
    if k
    not in {
        "one",
        "first",
        "second",
        "half",
        "double",
        "triple",
        "quarter",
        "twice",
        "third",
        "fourth",
        "fifth",
        "tenth",
    }
}
_NUM_RE = re.compile(
    r"(?P<cur>[$€£¥₩₽]\s?)?(?P<num>\d+(?:[.,]\d+)*)(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
_TITLES = frozenset(
    "president prime minister mr mrs ms dr prof sen senator rep gov governor gen general col "
    "chancellor king queen prince princess secretary foreign defence defense leader chairman "
    "ceo spokesman spokeswoman spokesperson ambassador pope saint st sir lord lady".split()
)
_ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "un": "united nations",
    "u.n.": "united nations",
    "dprk": "north korea",
    "eu": "european union",
}
_RELATIVE_RE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|next|this)\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|a\s+day\s+(?:earlier|later|after|before)|\d+\s+(?:days|weeks|months|years)\s+(?:ago|earlier|later))\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _numbers(text: str, offset: int) -> list[Fact]:
    out: list[Fact] = []
    if not _DIGIT.search(text):
        return out  # every number has a digit; most sentences have none
    for m in _NUM_RE.finditer(text):
        raw = m.group("num")
        if _YEAR_RE.match(raw) and not m.group("cur") and not m.group("pct"):
            continue  # a year is a date
        if _THOUSANDS.fullmatch(raw):
            raw = raw.replace(",", "")  # thousands separators
        elif "," in raw and "." not in raw:
            raw = raw.replace(",", ".")  # decimal comma
        try:
            value = float(raw)
        except ValueError:
            continue
        scale = (m.group("scale") or "").lower()
        value *= SCALE_WORDS.get(scale, 1)
        key = f"{m.group('cur') or ''}{value:g}{'%' if m.group('pct') else ''}".replace(" ", "")
        out.append(Fact(key, m.group().strip(), (offset + m.start(), offset + m.end())))
    return out


def _number_words(tokens: Sequence[Token]) -> list[Fact]:
    out = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.key in _NUMBER_WORDS:
            value = _NUMBER_WORDS[t.key]
            end = k
            # "twenty five", "three million", "two hundred"
            while end + 1 < len(tokens) and (
                tokens[end + 1].key in _NUMBER_WORDS or tokens[end + 1].key in SCALE_WORDS
            ):
                nxt = tokens[end + 1].key
                if nxt in SCALE_WORDS or nxt == "hundred":
                    value *= SCALE_WORDS.get(nxt, 100)
                else:
                    value += _NUMBER_WORDS[nxt]
                end += 1
            out.append(
                Fact(f"{value:g}", " ".join(x.text for x in tokens[k : end + 1]), (t.start, tokens[end].end))
            )
            k = end + 1
        else:
            k += 1
    return out


def _dates(text: str, offset: int, tokens: Sequence[Token]) -> list[Fact]:
    out = []
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue  # (a single mark: no month, weekday or year)
        low = t.key.rstrip(".")
        if low in MONTHS and t.text[0].isupper():
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            prv = tokens[i - 1].text if i else ""
            if low == "may" and not (
                nxt[:1].isdigit() or prv[:1].isdigit() or prv.lower() in ("in", "of", "since")
            ):
                continue  # the modal verb at a sentence start
            out.append(Fact(f"month:{MONTHS[low]}", t.text, (t.start, t.end)))
        elif low in WEEKDAYS:
            out.append(Fact(f"day:{low}", t.text, (t.start, t.end)))
        elif len(t.text) == 4 and _YEAR_RE.match(t.text):
            out.append(Fact(f"year:{t.text}", t.text, (t.start, t.end)))
    lowered = text.lower()  # every relative date has one of these (İ lower-cases to two chars)
    if not any(w in lowered for w in ("day", "week", "month", "year", "ght", "morrow")):
        return out
    for m in _RELATIVE_RE.finditer(text):
        out.append(
            Fact(" ".join(m.group().lower().split()), m.group(), (offset + m.start(), offset + m.end()))
        )
    return out


def _names(tokens: Sequence[Token], proper: frozenset[str]) -> list[Fact]:
    """Runs of capitalised words that are names (not just sentence starts or titles)."""
    out = []
    run: list[Token] = []

    def flush() -> None:
        words = [x for x in run if x.key not in _TITLES and x.key not in STOPWORDS]
        if words:
            key = " ".join(_POSSESSIVE.sub("", x.key) for x in words)
            out.append(
                Fact(_ALIASES.get(key, key), " ".join(x.text for x in words), (words[0].start, words[-1].end))
            )
        run.clear()

    sentence_start = True
    for t in tokens:
        if not t.is_word:
            if run:
                flush()
            sentence_start = t.text in '.!?“"‘:' or (sentence_start and t.text in "“\"‘'(")
            continue
        is_name = False
        if t.text[0].isupper() and t.text != "I":
            low = t.key.rstrip(".")
            is_name = low not in MONTHS and low not in WEEKDAYS and (not sentence_start or t.key in proper)
        if is_name and (not t.text.isupper() or len(t.text) <= 5 or t.key in proper):
            run.append(t)
        elif run:
            flush()
        sentence_start = False
    flush()
    return out


def proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Words seen capitalised in mid-sentence: names even when they open a sentence."""
    seen: set[str] = set()
    for text in texts:
        prev = "."
        for t in tokenize(text):
            if t.is_word and t.text[0].isupper() and prev not in '.!?“"‘:(' and not t.text.isupper():
                seen.add(t.key)
            prev = t.text
    return frozenset(seen)


def _name_match(a: str, b: str) -> bool:
    if a == b:
        return True
    for x in a.split():
        for y in b.split():
            if x == y:
                return True
            n = min(len(x), len(y))
            common = 0
            while common < n and x[common] == y[common]:
                common += 1
            if common >= 5 and common >= 0.75 * n:  # Russia/Russian, Korea/Korean
                return True
    return False


def _words_of(
    tokens: Sequence[Token], classes: dict[str, str], skip_months: bool = False
) -> list[tuple[str, Token]]:
    out = []
    for t in tokens:
        cls = classes.get(t.key)
        if cls is None and t.key.endswith("n't"):
            cls = classes.get("n't")
        if cls is None or (skip_months and t.text == "May"):
            continue
        out.append((cls, t))
    return out


_MARKER_KEYS = frozenset(HEDGE_CLASS) | frozenset(NEGATION_CLASS) | frozenset(ATTRIBUTION_CLASS)


def _marker_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens :func:`_words_of` can find anything in, for any of the marker classes."""
    return [t for t in tokens if t.key in _MARKER_KEYS or t.key.endswith("n't")]


def _phrase(tokens: Sequence[Token], idx: int, classes: dict[str, str]) -> tuple[int, int]:
    """Span of the marker at ``idx`` with the marker words that follow it and one more word."""
    end = idx
    while end + 1 < len(tokens) and tokens[end + 1].key in classes:
        end += 1
    if end + 1 < len(tokens) and tokens[end + 1].is_word:
        end += 1
    return tokens[idx].start, tokens[end].end


def _marker_flag(
    kind: FlagType,
    label: str,
    a: Sequence[Token],
    b: Sequence[Token],
    marks_a: Sequence[Token],
    marks_b: Sequence[Token],
    classes: dict[str, str],
    text_a: str,
    text_b: str,
    base_a: int,
    base_b: int,
) -> Flag | None:
    ma = _words_of(marks_a, classes, skip_months=kind is FlagType.HEDGE)
    mb = _words_of(marks_b, classes, skip_months=kind is FlagType.HEDGE)
    # Classes as sets: "would … would" against one "would" says nothing new.
    ca, cb = {c for c, _ in ma}, {c for c, _ in mb}
    if ca == cb:
        return None

    def phrases(
        tokens: Sequence[Token], marks: list[tuple[str, Token]], text: str, base: int
    ) -> tuple[str, Span | None]:
        spans: list[Span] = []
        index = {id(t): i for i, t in enumerate(tokens)}
        for _, t in marks:
            s, e = _phrase(tokens, index[id(t)], classes)
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
        shown = " … ".join(text[s - base : e - base] for s, e in spans)
        return shown, (spans[0] if spans else None)

    sa, span_a = phrases(a, ma, text_a, base_a)
    sb, span_b = phrases(b, mb, text_b, base_b)
    lost = sorted(ca - cb)
    gained = sorted(cb - ca)
    words_a = " … ".join(t.text for _, t in ma) or "none"
    words_b = " … ".join(t.text for _, t in mb) or "none"
    if kind is FlagType.NEGATION:
        if not mb:
            msg = f"negation lost: “{words_a}” is not in the rewrite"
        elif not ma:
            msg = f"negation added: “{words_b}” is not in the original"
        else:
            msg = f"negation changed: {words_a} → {words_b}"
    elif kind is FlagType.ATTRIBUTION:
        stance = f"{', '.join(lost) or '—'} → {', '.join(gained) or '—'}"
        msg = f"attribution changed: {stance} ({words_a} → {words_b})"
    else:
        msg = f"{label} changed: {words_a} → {words_b}"
    return Flag(kind, sa, sb, msg, span_a, span_b)


def _diff_flag(kind: FlagType, what: str, fa: list[Fact], fb: list[Fact]) -> Flag | None:
    ka, kb = Counter(f.key for f in fa), Counter(f.key for f in fb)
    if ka == kb:
        return None
    lost = [f for f in fa if f.key not in kb]
    gained = [f for f in fb if f.key not in ka]
    if not lost and not gained:  # only multiplicity differs ("3 … 3" vs "3")
        lost = fa
        gained = fb
    ta = ", ".join(dict.fromkeys(f.text for f in lost))
    tb = ", ".join(dict.fromkeys(f.text for f in gained))
    if lost and gained:
        msg = f"{what} changed: {ta} → {tb}"
    elif lost:
        msg = f"{what} dropped: {ta}"
    else:
        msg = f"{what} added: {tb}"
    return Flag(kind, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None)


def _names_flag(fa: list[Fact], fb: list[Fact]) -> Flag | None:
    lost = [f for f in fa if not any(_name_match(f.key, g.key) for g in fb)]
    gained = [f for f in fb if not any(_name_match(f.key, g.key) for g in fa)]
    if not lost and not gained:
        return None
    ta = ", ".join(dict.fromkeys(f.text for f in lost))
    tb = ", ".join(dict.fromkeys(f.text for f in gained))
    if lost and gained:
        msg = f"names differ: {ta} → {tb}"
    elif lost:
        msg = f"name dropped: {ta}"
    else:
        msg = f"name added: {tb}"
    return Flag(
        FlagType.NAME, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None
    )


def fact_flags(orig: Sequence[Claim], rew: Sequence[Claim], proper: frozenset[str]) -> list[Flag]:
    """All fact flags between two sides of a change."""
    flags: list[Flag] = []
    ta, tb = _tokens(orig), _tokens(rew)
    na = [f for c in orig for f in _numbers(c.text, c.start)] + _number_words(ta)
    nb = [f for c in rew for f in _numbers(c.text, c.start)] + _number_words(tb)
    da = [f for c in orig for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    db = [f for c in rew for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    for flag in (
        _diff_flag(FlagType.NUMBER, "number", na, nb),
        _diff_flag(FlagType.DATE, "date", da, db),
        _names_flag(_names(ta, proper), _names(tb, proper)),
    ):
        if flag:
            flags.append(flag)
    text_a, base_a = _joined(orig)
    text_b, base_b = _joined(rew)
    marks_a, marks_b = _marker_tokens(ta), _marker_tokens(tb)
    for kind, label, classes in (
        (FlagType.HEDGE, "modality", HEDGE_CLASS),
        (FlagType.NEGATION, "negation", NEGATION_CLASS),
        (FlagType.ATTRIBUTION, "attribution", ATTRIBUTION_CLASS),
    ):
        flag = _marker_flag(kind, label, ta, tb, marks_a, marks_b, classes, text_a, text_b, base_a, base_b)
        if flag:
            flags.append(flag)
    return flags


def _tokens(claims: Sequence[Claim]) -> list[Token]:
    out: list[Token] = []
    for c in claims:
        out.extend(tokenize(c.text, c.start))
    return out


def _joined(claims: Sequence[Claim]) -> tuple[str, int]:
    """A string that slices like the document between the first and last claim of a side.

    Gaps between non-adjacent claims are padded with spaces so absolute offsets still work.
    """
    if not claims:
        return "", 0
    if len(claims) == 1:
        return claims[0].text, claims[0].start
    base = claims[0].start
    parts: list[str] = []
    pos = base
    for c in sorted(claims, key=lambda c: c.start):
        if c.start > pos:
            parts.append(" " * (c.start - pos))
        parts.append(c.text[max(0, pos - c.start) :])
        pos = max(pos, c.end)
    return "".join(parts), base
