"""What the flag families share: the extracted fact, the tokens and text of a side, and the
flag that compares two sides' facts as counted sets."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagType, Span


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


def diff_flag(kind: FlagType, what: str, fa: list[Fact], fb: list[Fact]) -> Flag | None:
    """A flag when the two sides' facts differ as counted sets ("3 … 3" vs "3" too)."""
    ka, kb = Counter(f.key for f in fa), Counter(f.key for f in fb)
    if ka == kb:
        return None
    lost = [f for f in fa if f.key not in kb]
    gained = [f for f in fb if f.key not in ka]
    if not lost and not gained:  # only multiplicity differs ("3 … 3" vs "3")
        lost = fa
        gained = fb
    ta = listed(lost)
    tb = listed(gained)
    if lost and gained:
        msg = f"{what} changed: {ta} → {tb}"
    elif lost:
        msg = f"{what} dropped: {ta}"
    else:
        msg = f"{what} added: {tb}"
    msg = " ".join(msg.split())  # one line, even for a date written over a line break
    return Flag(kind, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None)
