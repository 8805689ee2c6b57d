"""Word-level differences inside a linked change, with offsets into both full texts.

Tokens are words and punctuation marks; they are compared by a key with quote style and case
folded, so a changed word is one replaced word (never letter fragments). Operations whose
tokens differ only in punctuation are marked ``trivial`` so a viewer can hide them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from factcheck_gui.engine.lexicon import STOPWORDS
from factcheck_gui.engine.normalize import Token, tokenize
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


def _raw_opcodes(a: list[Token], b: list[Token]) -> list[tuple[str, int, int, int, int]]:
    ops = Indel.opcodes([t.key for t in a], [t.key for t in b])
    return [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in ops]


@dataclass(slots=True)
class _Op:
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _merge(ops: list[tuple[str, int, int, int, int]], a: list[Token]) -> list[_Op]:
    """Join delete+insert into replace, and swallow tiny equal islands of common words.

    "the [red] car [was] fast" style fragments read worse than one replaced phrase.
    """
    out: list[_Op] = []
    for tag, i1, i2, j1, j2 in ops:
        if out and tag != "equal" and out[-1].tag != "equal":
            last = out[-1]
            last.tag, last.i2, last.j2 = "replace", i2, j2
            continue
        out.append(_Op(tag, i1, i2, j1, j2))
    # equal islands of one or two stopwords/punctuation between two changes
    changed = True
    while changed:
        changed = False
        for k in range(1, len(out) - 1):
            op = out[k]
            if op.tag != "equal" or out[k - 1].tag == "equal" or out[k + 1].tag == "equal":
                continue
            island = a[op.i1 : op.i2]
            if len(island) <= 2 and all(t.key in STOPWORDS or not t.is_word for t in island):
                prev, nxt = out[k - 1], out[k + 1]
                out[k - 1 : k + 2] = [_Op("replace", prev.i1, nxt.i2, prev.j1, nxt.j2)]
                changed = True
                break
    return out


def _spans(toks: list[Token], owner: list[int], lo: int, hi: int) -> list[Span]:
    """Character spans of tokens ``lo:hi``, cut at claim boundaries (claims may not be adjacent)."""
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


def word_diff(orig_claims: Sequence[Claim], rew_claims: Sequence[Claim]) -> tuple[DiffOp, ...]:
    """Token operations turning the original claims into the rewrite claims."""
    a, ao = _claim_tokens(orig_claims)
    b, bo = _claim_tokens(rew_claims)
    result: list[DiffOp] = []
    for m in _merge(_raw_opcodes(a, b), a):
        i1, i2, j1, j2 = m.i1, m.i2, m.j1, m.j2
        kind = DiffOpKind(m.tag)
        trivial = (
            kind is not DiffOpKind.EQUAL
            and not any(t.is_word for t in a[i1:i2])
            and not any(t.is_word for t in b[j1:j2])
        )
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
