"""Number flags: figures (digits, money, percentages, scales) and number words, compared by
value ("3" and "three" are one number); the same numbers in other places are a swap."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from factcheck_gui.engine.flags._common import (
    KEY,
    YEAR_RE,
    Fact,
    diff_flag,
    joined,
    overlaps,
)
from factcheck_gui.engine.lexicon import LOOSE_NUMBER_WORDS, NUMBER_WORDS, SCALE_WORDS, STOPWORDS
from factcheck_gui.engine.normalize import Token
from factcheck_gui.engine.types import Claim, DiffOp, DiffOpKind, Flag, FlagType

_NUMBER_WORDS = {k: v for k, v in NUMBER_WORDS.items() if k not in LOOSE_NUMBER_WORDS}
_NUM_RE = re.compile(
    r"(?P<cur>[$€£¥₩₽]\s?)?(?P<num>\d+(?:[.,]\d+)*)(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# A footnote or endnote mark ("[1]", "[E2]", as the importers write them): a reference, not a
# figure — a note added early in a rewrite renumbers every later mark.
_NOTE_MARK = re.compile(r"\[E?\d{1,3}\]")


def number_flag(
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    diff: Sequence[DiffOp] = (),
) -> Flag | None:
    """Numbers dropped, added or changed between two sides (``toks_a``/``toks_b``: their
    tokens); with their word diff, also the same numbers swapped."""
    na = [f for c in orig for f in _numbers(c.text, c.start)] + _number_words(toks_a)
    nb = [f for c in rew for f in _numbers(c.text, c.start)] + _number_words(toks_b)
    flag = diff_flag(FlagType.NUMBER, "number", na, nb)
    if flag is None and diff and na and nb:  # the same numbers: in the same places?
        flag = _swapped_numbers_flag(na, nb, diff, orig, rew, toks_a, toks_b)
    return flag


def _numbers(text: str, offset: int) -> list[Fact]:
    out: list[Fact] = []
    if not _DIGIT.search(text):
        return out  # every number has a digit; most sentences have none
    marks = [m.span() for m in _NOTE_MARK.finditer(text)] if "[" in text else []
    for m in _NUM_RE.finditer(text):
        if marks and any(a <= m.start() and m.end() <= b for a, b in marks):
            continue
        fact = _number_fact(m, offset)
        if fact is not None:
            out.append(fact)
    return out


def _number_fact(m: re.Match[str], offset: int) -> Fact | None:
    """The figure ``m`` matched, keyed by its value ("$5 million": "$5e+06"); None for a year."""
    raw = m.group("num")
    if YEAR_RE.match(raw) and not m.group("cur") and not m.group("pct"):
        return None  # a year is a date
    if _THOUSANDS.fullmatch(raw):
        raw = raw.replace(",", "")  # thousands separators
    elif "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # decimal comma
    try:
        value = float(raw)
    except ValueError:
        return None
    scale = (m.group("scale") or "").lower()
    value *= SCALE_WORDS.get(scale, 1)
    key = f"{m.group('cur') or ''}{value:g}{'%' if m.group('pct') else ''}".replace(" ", "")
    return Fact(key, m.group().strip(), (offset + m.start(), offset + m.end()))


def _number_words(tokens: Sequence[Token]) -> list[Fact]:
    out: list[Fact] = []
    if _NUMBER_WORDS.keys().isdisjoint(map(KEY, tokens)):
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


_CLAUSE_MARKS = frozenset(",;:.!?()[]—–")
_CONTEXT_WORDS = 3


def _number_contexts(facts: list[Fact], tokens: Sequence[Token]) -> list[frozenset[str]]:
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
    return Flag(FlagType.NUMBER, ta, tb, f"{label}: {ta} → {tb}", span_a, span_b)


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
