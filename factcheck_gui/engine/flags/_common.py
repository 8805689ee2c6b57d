"""What the flag families share: the extracted fact, the tokens and text of a side, the flag
with what the rewrite did to the fact, accents folded, and headlines told from sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

from factcheck_gui.engine.normalize import Token, fold_quotes, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity, Span


@dataclass(frozen=True, slots=True)
class Fact:
    key: str  # normalised value used for comparison
    text: str  # wording as written
    span: Span  # absolute offsets


KEY = itemgetter(3)  # Token.key, for map()
POSSESSIVE = re.compile(r"['’]s$")
YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")


def tokens_of(claims: Sequence[Claim]) -> list[Token]:
    out: list[Token] = []
    for c in claims:
        out.extend(tokenize(c.text, c.start))
    return out


def joined(claims: Sequence[Claim]) -> tuple[str, int]:
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


def written(toks: Sequence[Token]) -> str:
    """Tokens as written, one space where the text had any."""
    out = toks[0].text
    for prev, t in pairwise(toks):
        out += t.text if t.start == prev.end else " " + t.text
    return out


def overlaps(span: Span, other: Span | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


def listed(facts: Iterable[Fact]) -> str:
    """The facts' wordings, each once, in order: "Moscow, Pyongyang"."""
    return ", ".join(dict.fromkeys(f.text for f in facts))


# --- omitted, changed, added ------------------------------------------------------------------

OMITTED, CHANGED, ADDED = FlagChange.OMITTED, FlagChange.CHANGED, FlagChange.ADDED
HIGH, MEDIUM, LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW


def flag(
    kind: FlagType,
    change: FlagChange,
    severity: Severity,
    original: str,
    rewrite: str,
    message: str,
    original_span: Span | None = None,
    rewrite_span: Span | None = None,
) -> Flag:
    """A flag, its message on one line."""
    return Flag(
        kind, original, rewrite, " ".join(message.split()), original_span, rewrite_span, change, severity
    )


_MARKS = re.compile(r"[\u0300-\u036f]+")  # combining accents, as NFKD leaves them
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")  # a Latin letter with an accent


def fold_accents(text: str) -> str:
    """``text`` without accents ("José" → "Jose"); ASCII text as it is."""
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", fold_quotes(text)))


# A line written in title case: most of its words capitalised ("Forces Aid Hostage Rescue").
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_SMALL = frozenset(
    "a an and as at but by for from in into of on onto or over the to up with via vs is are was be".split()
)


def title_case(text: str) -> bool:
    """Is ``text`` a headline in title case: no full stop at its end, at least three words that
    are not small words, nearly all of them capitalised? (A sentence full of names ends with a
    full stop: "Prime Minister Anna Berg met President Karl Vogt in Bonn.")"""
    if text.rstrip(" \t\n”\"’')]").endswith("."):
        return False
    if len(text) > _LONG_LINE:
        return _title_case_long(text)
    big = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    if len(big) < 3:
        return False
    caps = sum(1 for w in big if w[0].isupper())
    return caps >= 0.8 * len(big) and caps >= len(big) - 1


_LONG_LINE = 200  # characters past which title_case reads word by word and stops early


def _title_case_long(text: str) -> bool:
    """:func:`title_case` of a long text (no full stop at its end), word by word: a second
    word in lower case settles it (``caps >= len(big) - 1`` fails whatever follows), so a
    1,500-character claim or a 5 MB line without a full stop costs its first few words, not
    all of them."""
    big = caps = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if w.lower() in _SMALL:
            continue
        big += 1
        if w[0].isupper():
            caps += 1
        elif big - caps == 2:
            return False
    return big >= 3 and caps >= 0.8 * big and caps >= big - 1


def headline_spans(claims: Sequence[Claim]) -> list[Span]:
    """Spans of the lines of claims written in title case (a headline: "Forces Aid Hostage
    Rescue", "Flood Kills 40 In Valley Town"), a claim's first line too when a sentence
    follows it: there every word is capitalised, so a capital says no name."""
    spans: list[Span] = []
    for c in claims:
        if "\n" not in c.text and not title_case(c.text):
            continue  # (most claims)
        at = c.start
        for line in c.text.split("\n"):
            if title_case(line):
                spans.append((at, at + len(line)))
            at += len(line) + 1
    return spans
