"""Word-level differences inside a linked change, with offsets into both full texts.

Tokens are words and punctuation marks; they are compared by a key with quote style and case
folded, so a changed word is one replaced word (never letter fragments). Operations whose
tokens differ only in punctuation are marked ``trivial`` so a viewer can hide them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from operator import itemgetter
from typing import cast

from rapidfuzz.distance import Indel

from factcheck_gui.engine.lexicon import NUMBER_WORDS, STOPWORDS
from factcheck_gui.engine.normalize import Token, tokenize, undotted
from factcheck_gui.engine.types import Claim, DiffOp, DiffOpKind, Span, new_diffop


def _claim_tokens(claims: Sequence[Claim]) -> tuple[list[Token], list[int]]:
    """Tokens of several claims in order, and the claim number of each token."""
    toks: list[Token] = []
    owner: list[int] = []
    for n, c in enumerate(claims):
        t = tokenize(c.text, c.start)
        toks.extend(t)
        owner.extend([n] * len(t))
    return toks, owner


Opcodes = list[tuple[str, int, int, int, int]]


def _raw_opcodes(
    a: list[Token], b: list[Token], orig_claims: Sequence[Claim], rew_claims: Sequence[Claim]
) -> Opcodes:
    ops = _opcodes([t.key for t in a], [t.key for t in b])
    if len(ops) > 1 and _has_number(a, orig_claims) and _has_number(b, rew_claims):
        ops = _unswap_numbers(a, b, ops)
    return ops


def _same_words(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Do two runs of tokens hold the same words, a dotted initialism taken for the same one
    undotted ("U.K." / "UK", "p.m." / "PM"; no other word token ends in a dot) unless that is
    an everyday word in lower case ("U.S." / "us"): is an edit between them one of punctuation
    or style only? (Stops at the first word that differs.)"""
    wa = (t for t in a if t.is_word)
    wb = (t for t in b if t.is_word)
    for x, y in zip_longest(wa, wb):
        if x is None or y is None:
            return False
        if x.key == y.key:
            continue
        if undotted(x.key) != undotted(y.key):
            return False
        if any("." not in t.text and t.text.islower() and t.key in STOPWORDS for t in (x, y)):
            return False  # "U.S." / "us": the word "us", not the initialism
    return True


def _opcodes(ka: list[str], kb: list[str]) -> Opcodes:
    # (tag, i1, i2, j1, j2) tuples, as difflib's get_opcodes gives them, made in C (rapidfuzz's
    # stub calls them Opcode objects; both its implementations return plain tuples)
    return cast(Opcodes, Indel.opcodes(ka, kb).as_list())


# Number words that are always numbers ("one", "second", "half" … often are not).
_NUMBER_WORD_KEYS = frozenset(
    k for k, v in NUMBER_WORDS.items() if v >= 2 and k not in ("second", "twice", "double", "triple")
) - frozenset(k for k in NUMBER_WORDS if k.endswith(("th", "rd")))


_DIGIT = re.compile(r"\d")
_KEY = itemgetter(3)  # Token.key, for map()


def _has_number(toks: list[Token], claims: Sequence[Claim]) -> bool:
    return any(_DIGIT.search(c.text) for c in claims) or not _NUMBER_WORD_KEYS.isdisjoint(map(_KEY, toks))


def _is_number(t: Token) -> bool:
    return t.key[:1].isdigit() or t.key in _NUMBER_WORD_KEYS


def _context_matches(at_a: list[int], ops: Opcodes) -> int:
    """How many tokens other than numbers the opcodes keep equal (``at_a``: where the numbers
    of the original side are, in order)."""
    return sum(
        i2 - i1 - (bisect_left(at_a, i2) - bisect_left(at_a, i1))
        for tag, i1, i2, _, _ in ops
        if tag == "equal"
    )


def _numbers_at(toks: list[Token]) -> list[int]:
    """Indices of the tokens that are numbers (what :func:`_is_number` says of each), in order."""
    words = _NUMBER_WORD_KEYS
    return [i for i, k in enumerate(map(_KEY, toks)) if k[:1].isdigit() or k in words]  # ("\xad": "")


def _unswap_numbers(a: list[Token], b: list[Token], ops: Opcodes) -> Opcodes:
    """Never let a number pass as unchanged where the numbers around it changed places.

    The longest common subsequence ties "Between [5] to 6" with "Between 6 to [5]" (the 5
    kept, the 6 moved across it) and "Between 5 [to] 6" with "Between 6 [to] 5" (both numbers
    replaced). The first hides that the range was turned round. A kept number that has a
    changed number before it on one side and after it on the other is set free (with every
    changed number), and the diff redone; the new one is taken when it keeps more of the words
    around the numbers, so a phrase moved with its number ("5 died … 6 injured" reordered) keeps
    its number.
    """
    free_a: set[int] = set()
    free_b: set[int] = set()
    at_a, at_b = _numbers_at(a), _numbers_at(b)  # (once: a long claim has hundreds of tokens)
    for _ in range(3):
        lost: list[int] = []  # indices of changed numbers on either side
        gained: list[int] = []
        kept: list[tuple[int, int]] = []  # (original index, rewrite index) of kept numbers
        for tag, i1, i2, j1, j2 in ops:
            if tag != "equal":
                lost.extend(at_a[bisect_left(at_a, i1) : bisect_left(at_a, i2)])
                gained.extend(at_b[bisect_left(at_b, j1) : bisect_left(at_b, j2)])
            else:
                kept.extend((i, j1 - i1 + i) for i in at_a[bisect_left(at_a, i1) : bisect_left(at_a, i2)])
        if not lost or not gained:
            return ops
        if not kept:
            return ops
        crossing = [
            (i, j) for i, j in kept if (lost[0] < i and gained[-1] > j) or (lost[-1] > i and gained[0] < j)
        ]
        if not crossing:
            return ops
        free_a.update(lost)
        free_b.update(gained)
        free_a.update(i for i, _ in crossing)
        free_b.update(j for _, j in crossing)
        ka = [f"\0a{i}" if i in free_a else t.key for i, t in enumerate(a)]
        kb = [f"\0b{j}" if j in free_b else t.key for j, t in enumerate(b)]
        redone = _opcodes(ka, kb)
        if _context_matches(at_a, redone) <= _context_matches(at_a, ops):
            return ops
        ops = redone
    return ops


@dataclass(slots=True)
class _Op:
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _merge(ops: Opcodes, a: list[Token], b: list[Token]) -> list[_Op]:
    """Join delete+insert into replace, and swallow tiny equal islands of common words.

    "the [red] car [was] fast" style fragments read worse than one replaced phrase; but
    between two numbers each replaced by another ("[5→6] to [6→5]") the island stays, so each
    number is seen changed in its place.
    """
    out: list[_Op] = []
    for tag, i1, i2, j1, j2 in ops:
        if out and tag != "equal" and out[-1].tag != "equal":
            last = out[-1]
            last.tag, last.i2, last.j2 = "replace", i2, j2
            continue
        out.append(_Op(tag, i1, i2, j1, j2))
    # Equal islands of one or two stopwords/punctuation between two changes, swallowed one at
    # a time, always the first one left (what rescanning from the start after each would
    # find): a swallowed island changes only its neighbours, so the scan goes on from the
    # island before it, and a claim with a thousand islands costs what its islands do.
    k = 1
    while k < len(out) - 1:
        op = out[k]
        if op.tag != "equal" or out[k - 1].tag == "equal" or out[k + 1].tag == "equal":
            k += 1
            continue
        island = a[op.i1 : op.i2]
        if len(island) <= 2 and all(t.key in STOPWORDS or not t.is_word for t in island):
            prev, nxt = out[k - 1], out[k + 1]
            if _number_for_number(prev, a, b) and _number_for_number(nxt, a, b):
                k += 1
                continue
            out[k - 1 : k + 2] = [_Op("replace", prev.i1, nxt.i2, prev.j1, nxt.j2)]
            k = max(1, k - 2)
            continue
        k += 1
    return out


def _number_for_number(op: _Op, a: list[Token], b: list[Token]) -> bool:
    """Is ``op`` a number replaced by another number (and nothing more)?"""
    return op.i2 - op.i1 == 1 and op.j2 - op.j1 == 1 and _is_number(a[op.i1]) and _is_number(b[op.j1])


def _spans(toks: list[Token], owner: list[int], lo: int, hi: int) -> list[Span]:
    """Character spans of tokens ``lo:hi``, cut at claim boundaries (claims may not be adjacent)."""
    if not owner or owner[0] == owner[-1]:  # one claim (the usual side): one span
        return [(toks[lo].start, toks[hi - 1].end)] if lo < hi else []
    spans: list[Span] = []
    k = lo
    while k < hi:
        start_owner = owner[k]
        s = toks[k].start
        while k + 1 < hi and owner[k + 1] == start_owner:
            k += 1
        spans.append((s, toks[k].end))
        k += 1
    return spans


_KIND_OF = {k.value: k for k in DiffOpKind}  # (= DiffOpKind(tag), without the enum's lookup call)


def word_diff(orig_claims: Sequence[Claim], rew_claims: Sequence[Claim]) -> tuple[DiffOp, ...]:
    """Token operations turning the original claims into the rewrite claims."""
    a, ao = _claim_tokens(orig_claims)
    b, bo = _claim_tokens(rew_claims)
    result: list[DiffOp] = []
    for m in _merge(_raw_opcodes(a, b, orig_claims, rew_claims), a, b):
        i1, i2, j1, j2 = m.i1, m.i2, m.j1, m.j2
        kind = _KIND_OF[m.tag]
        # punctuation only, or a dotted initialism for the same one undotted ("U.S." / "US")
        trivial = kind is not DiffOpKind.EQUAL and _same_words(a[i1:i2], b[j1:j2])
        sa = _spans(a, ao, i1, i2)
        sb = _spans(b, bo, j1, j2)
        if kind is DiffOpKind.EQUAL:
            # equal runs may cross claim boundaries on either side; emit aligned pieces
            for k in range(max(len(sa), len(sb))):
                result.append(new_diffop(kind, sa[min(k, len(sa) - 1)], sb[min(k, len(sb) - 1)]))
            continue
        if not sa:
            result.extend(new_diffop(kind, None, s, trivial) for s in sb)
        elif not sb:
            result.extend(new_diffop(kind, s, None, trivial) for s in sa)
        elif len(sa) == 1 and len(sb) == 1:
            result.append(new_diffop(kind, sa[0], sb[0], trivial))
        else:
            for k in range(max(len(sa), len(sb))):
                result.append(
                    new_diffop(kind, sa[k] if k < len(sa) else None, sb[k] if k < len(sb) else None, trivial)
                )
    return tuple(result)


def equal_diff(orig_claims: Sequence[Claim], rew_claims: Sequence[Claim]) -> tuple[DiffOp, ...]:
    """The diff of claims that are the same after normalisation: one equal op per claim pair."""
    if len(orig_claims) == 1 and len(rew_claims) == 1:  # by far the most common case
        o, r = orig_claims[0], rew_claims[0]
        return (new_diffop(DiffOpKind.EQUAL, (o.start, o.end), (r.start, r.end)),)
    return tuple(
        new_diffop(DiffOpKind.EQUAL, (o.start, o.end), (r.start, r.end))
        for o, r in zip(orig_claims, rew_claims, strict=False)
    )
