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
from difflib import SequenceMatcher
from operator import itemgetter

from factcheck_gui.engine.lexicon import (
    ATTRIBUTION_CLASS,
    ATTRIBUTION_PHRASES,
    HEDGE_CLASS,
    MONTHS,
    NEGATION_CLASS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, DiffOp, DiffOpKind, Flag, FlagType, Span


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
_KEY = itemgetter(3)  # Token.key, for map()
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
    out: list[Fact] = []
    if _NUMBER_WORDS.keys().isdisjoint(map(_KEY, tokens)):
        return out  # (most claims: no number word, nothing to walk)
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


# Word keys a month or weekday can have (the key of a word token never ends with a dot unless
# it is a dotted acronym, which is neither), and what any year token's text contains.
_DATE_KEYS = frozenset(MONTHS).union(WEEKDAYS)
_YEAR_ANYWHERE = re.compile(r"1[89]\d\d|20\d\d")


def _dates(text: str, offset: int, tokens: Sequence[Token]) -> list[Fact]:
    out = []
    if _DATE_KEYS.isdisjoint(map(_KEY, tokens)) and not _YEAR_ANYWHERE.search(text):
        tokens = ()  # (most claims: no month, weekday or year to look for)
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


@dataclass(frozen=True, slots=True)
class _Mark:
    cls: str  # the marker's class ("possible", "said", "not" …)
    first: int  # index of its first token
    last: int  # index of its last token (a reporting phrase has several)


# Reporting phrases by their first word: (the words after it, class); "*" is one optional word.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _c in sorted(ATTRIBUTION_PHRASES.items(), key=lambda pc: -len(pc[0].split())):
    _first, *_rest = _p.split()
    _PHRASES_BY_FIRST.setdefault(_first, []).append((tuple(_rest), _c))


def _phrase_end(tokens: Sequence[Token], i: int, rest: tuple[str, ...]) -> int:
    """Index of the last token of the phrase ``tokens[i]`` + ``rest``, or -1 if it does not match."""
    if not rest:
        return i
    if i + 1 >= len(tokens) or not tokens[i + 1].is_word:
        return -1
    if rest[0] == "*":
        end = _phrase_end(tokens, i, rest[1:])  # without the optional word
        return end if end >= 0 else _phrase_end(tokens, i + 1, rest[1:])
    return _phrase_end(tokens, i + 1, rest[1:]) if tokens[i + 1].key == rest[0] else -1


_MARKER_KEYS = (
    frozenset(HEDGE_CLASS)
    | frozenset(NEGATION_CLASS)
    | frozenset(ATTRIBUTION_CLASS)
    | frozenset(_PHRASES_BY_FIRST)
)


def _marker_positions(tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens any marker class (or reporting phrase) can start at."""
    return [i for i, t in enumerate(tokens) if t.key in _MARKER_KEYS or t.key.endswith("n't")]


def _marks(
    tokens: Sequence[Token], positions: Sequence[int], classes: dict[str, str], kind: FlagType
) -> list[_Mark]:
    out: list[_Mark] = []
    covered = -1  # the last token of a reporting phrase already taken
    for i in positions:
        if i <= covered:
            continue
        t = tokens[i]
        if kind is FlagType.ATTRIBUTION and t.key in _PHRASES_BY_FIRST:
            found = next(
                (
                    (end, c)
                    for rest, c in _PHRASES_BY_FIRST[t.key]
                    if (end := _phrase_end(tokens, i, rest)) >= 0
                ),
                None,
            )
            if found is not None:
                out.append(_Mark(found[1], i, found[0]))
                covered = found[0]
                continue
        cls = classes.get(t.key)
        if cls is None and t.key.endswith("n't"):
            cls = classes.get("n't")
        if cls is None or (kind is FlagType.HEDGE and t.text == "May"):
            continue
        out.append(_Mark(cls, i, i))
    return out


def _adjacent(marks: Sequence[_Mark], i: int, j: int) -> bool:
    """Are marks ``i`` < ``j`` one phrase ("may consider", "may well consider")?"""
    return marks[i].last + 2 >= marks[j].first


def _same_words(ta: Sequence[Token], ma: _Mark, tb: Sequence[Token], mb: _Mark) -> bool:
    return [t.key for t in ta[ma.first : ma.last + 1]] == [t.key for t in tb[mb.first : mb.last + 1]]


def _segments(tokens: Sequence[Token], marks: Sequence[_Mark], idx: Sequence[int]) -> list[tuple[int, int]]:
    """Token index ranges of the marks ``idx`` (sorted), neighbouring ones joined."""
    out: list[tuple[int, int]] = []
    prev = -2
    for i in idx:
        if out and prev == i - 1 and _adjacent(marks, prev, i):
            out[-1] = (out[-1][0], marks[i].last)
        else:
            out.append((marks[i].first, marks[i].last))
        prev = i
    return out


def _marker_flag(
    kind: FlagType,
    a: Sequence[Token],
    b: Sequence[Token],
    pos_a: Sequence[int],
    pos_b: Sequence[int],
    classes: dict[str, str],
    orig: Sequence[Claim],
    rew: Sequence[Claim],
) -> Flag | None:
    ma = _marks(a, pos_a, classes, kind)
    mb = _marks(b, pos_b, classes, kind)
    # Classes as sets: "would … would" against one "would" says nothing new.
    ca, cb = {m.cls for m in ma}, {m.cls for m in mb}
    if ca == cb:
        return None
    # (Only now the texts to quote from: most changes flag no marker.)
    text_a, base_a = _joined(orig)
    text_b, base_b = _joined(rew)
    # Only what changed: the marks aligned in reading order, unchanged ones left out.
    ops = SequenceMatcher(None, [m.cls for m in ma], [m.cls for m in mb], autojunk=False).get_opcodes()
    twin_a: dict[int, int] = {}  # unchanged marks: index on one side → index on the other
    twin_b: dict[int, int] = {}
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal":
            for k in range(i2 - i1):
                twin_a[i1 + k] = j1 + k
                twin_b[j1 + k] = i1 + k
    items: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in ops:
        ia, ib = list(range(i1, i2)), list(range(j1, j2))
        if tag == "equal":
            continue
        # A marker dropped (or added) whose class the other side still has says nothing new.
        if not ib and all(ma[i].cls in cb for i in ia):
            continue
        if not ia and all(mb[j].cls in ca for j in ib):
            continue
        if not ia or not ib:
            # A marker of the same phrase in other words is shown with it: "might → may consider"
            # (but "will reportedly → will" is only "reportedly" dropped).
            own, marks, twin, other = (ib, mb, twin_b, ia) if not ia else (ia, ma, twin_a, ib)
            toks, other_toks, other_marks = (b, a, ma) if not ia else (a, b, mb)
            for k in (own[0] - 1, own[-1] + 1):
                lo, hi = (k, own[0]) if k < own[0] else (own[-1], k)
                if (
                    k in twin
                    and _adjacent(marks, lo, hi)
                    and not _same_words(toks, marks[k], other_toks, other_marks[twin[k]])
                ):
                    at = 0 if k < own[0] else len(own)
                    own.insert(at, k)
                    other.insert(at, twin[k])
        items.append((ia, ib))
    if not items:  # (cannot happen: a class one side lacks is in some changed run)
        items = [(list(range(len(ma))), list(range(len(mb))))]

    def words(tokens: Sequence[Token], marks: Sequence[_Mark], idx: list[int], text: str, base: int) -> str:
        segs = _segments(tokens, marks, idx)
        return " … ".join(
            dict.fromkeys(
                " ".join(text[tokens[s].start - base : tokens[e].end - base].split()) for s, e in segs
            )
        )

    def shown(
        tokens: Sequence[Token], marks: Sequence[_Mark], sides: list[list[int]], text: str, base: int
    ) -> tuple[str, Span | None]:
        """The changed markers with the marker words after them and one more word."""
        spans: list[Span] = []
        for s, e in sorted(seg for idx in sides for seg in _segments(tokens, marks, idx)):
            while e + 1 < len(tokens) and tokens[e + 1].key in classes:
                e += 1
            if e + 1 < len(tokens) and tokens[e + 1].is_word:
                e += 1
            span = (tokens[s].start, tokens[e].end)
            if spans and span[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(span[1], spans[-1][1]))
            else:
                spans.append(span)
        return " … ".join(text[s - base : e - base] for s, e in spans), (spans[0] if spans else None)

    sa, span_a = shown(a, ma, [ia for ia, _ in items], text_a, base_a)
    sb, span_b = shown(b, mb, [ib for _, ib in items], text_b, base_b)

    def said_a(idx: list[int]) -> str:
        return words(a, ma, idx, text_a, base_a)

    def said_b(idx: list[int]) -> str:
        return words(b, mb, idx, text_b, base_b)

    swaps = [f"{said_a(ia)} → {said_b(ib)}" for ia, ib in items if ia and ib]
    dropped = ", ".join(said_a(ia) for ia, ib in items if not ib)
    added = ", ".join(said_b(ib) for ia, ib in items if not ia)
    if kind is FlagType.NEGATION and not swaps and not added:
        msg = f"negation lost: “{dropped}” is not in the rewrite"
    elif kind is FlagType.NEGATION and not swaps and not dropped:
        msg = f"negation added: “{added}” is not in the original"
    else:
        label = {FlagType.HEDGE: "modality", FlagType.NEGATION: "negation"}.get(kind, "reporting verb")
        parts = swaps + [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
        if swaps:  # "modality changed: might → may consider; would → could"
            msg = f"{label}{':' if kind is FlagType.ATTRIBUTION else ' changed:'} " + "; ".join(parts)
        else:  # "modality dropped: expected … would"
            msg = f"{label} " + "; ".join(parts)
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
    msg = " ".join(msg.split())  # one line, even for a date written over a line break
    return Flag(kind, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None)


def _overlaps(span: Span, other: Span | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


def _names_flag(fa: list[Fact], fb: list[Fact], diff: Sequence[DiffOp] = ()) -> Flag | None:
    """Names dropped and names added; a swap only where the word diff replaces one by the other."""
    lost = [f for f in fa if not any(_name_match(f.key, g.key) for g in fb)]
    gained = [f for f in fb if not any(_name_match(f.key, g.key) for g in fa)]
    if not lost and not gained:
        return None
    swaps: list[tuple[Fact, Fact]] = []
    if lost and gained:
        for op in diff:
            if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
                continue
            la = list({f.key: f for f in lost if _overlaps(f.span, op.original)}.values())
            lb = list({f.key: f for f in gained if _overlaps(f.span, op.rewrite)}.values())
            if len(la) == 1 and len(lb) == 1 and not any(la[0] is x or lb[0] is y for x, y in swaps):
                swaps.append((la[0], lb[0]))
    ta = ", ".join(dict.fromkeys(f.text for f in lost))
    tb = ", ".join(dict.fromkeys(f.text for f in gained))
    swapped_a = {x.key for x, _ in swaps}
    swapped_b = {y.key for _, y in swaps}
    dropped = ", ".join(dict.fromkeys(f.text for f in lost if f.key not in swapped_a))
    added = ", ".join(dict.fromkeys(f.text for f in gained if f.key not in swapped_b))
    parts = [f"{x.text} → {y.text}" for x, y in swaps]
    parts += [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
    several = len(dict.fromkeys(f.key for f in lost)) + len(dict.fromkeys(f.key for f in gained)) > (
        2 if swaps else 1
    )
    label = "names" if several else "name"
    msg = f"{label} changed: " + "; ".join(parts) if swaps else f"{label} " + "; ".join(parts)
    return Flag(
        FlagType.NAME, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None
    )


def fact_flags(
    orig: Sequence[Claim], rew: Sequence[Claim], proper: frozenset[str], diff: Sequence[DiffOp] = ()
) -> list[Flag]:
    """All fact flags between two sides of a change (``diff``: their word diff, if known)."""
    flags: list[Flag] = []
    ta, tb = _tokens(orig), _tokens(rew)
    na = [f for c in orig for f in _numbers(c.text, c.start)] + _number_words(ta)
    nb = [f for c in rew for f in _numbers(c.text, c.start)] + _number_words(tb)
    da = [f for c in orig for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    db = [f for c in rew for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    for flag in (
        _diff_flag(FlagType.NUMBER, "number", na, nb),
        _diff_flag(FlagType.DATE, "date", da, db),
        _names_flag(_names(ta, proper), _names(tb, proper), diff),
    ):
        if flag:
            flags.append(flag)
    pos_a, pos_b = _marker_positions(ta), _marker_positions(tb)
    for kind, classes in (
        (FlagType.HEDGE, HEDGE_CLASS),
        (FlagType.NEGATION, NEGATION_CLASS),
        (FlagType.ATTRIBUTION, ATTRIBUTION_CLASS),
    ):
        flag = _marker_flag(kind, ta, tb, pos_a, pos_b, classes, orig, rew)
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
