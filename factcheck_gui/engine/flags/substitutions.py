"""Substitution flags: a content word the word diff replaces by one that says the opposite or
something else ("illegal" → "legal", "soldiers" → "volunteers", "confirmed" → "suspected").

Tuned for precision: only antonyms made with a prefix ("legal" / "illegal", "known" /
"unknown") and the contrasting pairs of :data:`~factcheck_gui.engine.lexicon.CONTRAST_GROUPS`;
never synonyms, inflections or spellings, and never a word another flag family reads (hedges,
negations, reporting verbs, numbers, names).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from factcheck_gui.engine.flags._common import CHANGED, HIGH, KEY, flag, overlaps
from factcheck_gui.engine.lexicon import (
    ANTONYM_ENDINGS,
    ANTONYM_PREFIXES,
    ATTRIBUTION_CLASS,
    CONTRAST_GROUPS,
    HEDGE_CLASS,
    LOOSE_PREFIXES,
    NEGATION_CLASS,
    NOT_ANTONYMS,
    NUMBER_WORDS,
)
from factcheck_gui.engine.normalize import Token
from factcheck_gui.engine.types import DiffOp, DiffOpKind, Flag, FlagType

# Each word: the (group, side) pairs it belongs to.
_SIDES: dict[str, set[tuple[int, int]]] = {}
_GROUP_SIDES: list[tuple[frozenset[str], frozenset[str]]] = []
for _g, _line in enumerate(CONTRAST_GROUPS):
    _left, _right = _line.split("|")
    _GROUP_SIDES.append((frozenset(_left.split()), frozenset(_right.split())))
    for _side, _words in enumerate((_left, _right)):
        for _w in _words.split():
            _SIDES.setdefault(_w, set()).add((_g, _side))
# Words other flag families read; a curated contrast ("confirmed" cases / "suspected" cases)
# is still one.
_OTHER_FAMILIES = (
    frozenset(HEDGE_CLASS)
    | frozenset(NEGATION_CLASS)
    | frozenset(ATTRIBUTION_CLASS)
    | frozenset(NUMBER_WORDS)
) - frozenset(_SIDES)
MAX_WORDS = 4  # words a side of a replaced stretch may have for its words to be compared


def contrast(x: str, y: str) -> bool:
    """Do the lower-case words ``x`` and ``y`` say opposite or contrasting things?"""
    if x == y:
        return False
    sx, sy = _SIDES.get(x), _SIDES.get(y)
    if sx and sy and any((g, 1 - s) in sy for g, s in sx):
        return True
    return _prefixed_antonym(x, y) or _prefixed_antonym(y, x)


def _some_contrast(xs: set[str], ys: set[str]) -> bool:
    """Has some word of ``xs`` a contrasting word in ``ys``? (Without trying every pair.)"""
    for words, others in ((xs, ys), (ys, xs)):
        for w in words:
            sides = _SIDES.get(w)
            if sides is not None:
                for g, side in sides:
                    if not _GROUP_SIDES[g][1 - side].isdisjoint(others):
                        return True
            if w[:2] in _PREFIX_STARTS:
                for p in ANTONYM_PREFIXES:
                    if w.startswith(p) and w[len(p) :] in others and _prefixed_antonym(w, w[len(p) :]):
                        return True
    return False


_PREFIX_STARTS = frozenset(p[:2] for p in ANTONYM_PREFIXES)


def _prefixed_antonym(long: str, short: str) -> bool:
    """Is ``long`` the antonym of ``short`` made with a prefix ("illegal" / "legal")?"""
    if len(short) < 4 or long in NOT_ANTONYMS or not short.isalpha():
        return False
    for p in ANTONYM_PREFIXES:
        if long == p + short:
            return p not in LOOSE_PREFIXES or short.endswith(ANTONYM_ENDINGS)
    return False


def substitution_flags(
    toks_a: Sequence[Token], toks_b: Sequence[Token], diff: Sequence[DiffOp]
) -> list[Flag]:
    """A flag for each word the diff replaces by a contrasting one (in a replaced stretch of at
    most a few words a side)."""
    if not any(op.op is DiffOpKind.REPLACE and not op.trivial for op in diff):
        return []
    # (Only words one side has and the other lacks can be a substitution: most changes have
    # a few, and no pair of them contrasts.)
    only_a = set(map(KEY, toks_a)).difference(map(KEY, toks_b)) - _OTHER_FAMILIES
    only_b = set(map(KEY, toks_b)).difference(map(KEY, toks_a)) - _OTHER_FAMILIES
    if not only_a or not only_b or not _some_contrast(only_a, only_b):
        return []
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    starts_a, starts_b = [t.start for t in toks_a], [t.start for t in toks_b]
    for op in diff:
        if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None or op.trivial:
            continue
        wa = _words_in(toks_a, starts_a, op.original)
        wb = _words_in(toks_b, starts_b, op.rewrite)
        if not wa or not wb or len(wa) > MAX_WORDS or len(wb) > MAX_WORDS:
            continue
        for x in wa:
            if x.key not in only_a:
                continue
            for y in wb:
                if y.key not in only_b or (x.key, y.key) in seen or not contrast(x.key, y.key):
                    continue
                seen.add((x.key, y.key))
                flags.append(
                    flag(
                        FlagType.SUBSTITUTION,
                        CHANGED,
                        HIGH,
                        x.text,
                        y.text,
                        f"word changed: {x.text} → {y.text} (says something else)",
                        (x.start, x.end),
                        (y.start, y.end),
                    )
                )
    return flags


def _words_in(tokens: Sequence[Token], starts: list[int], span: tuple[int, int]) -> list[Token]:
    """The word tokens inside ``span`` (``starts``: the tokens' start offsets)."""
    k = max(0, bisect_left(starts, span[0]) - 1)
    out: list[Token] = []
    for t in tokens[k:]:
        if t.start >= span[1]:
            break
        if t.is_word and overlaps((t.start, t.end), span):
            out.append(t)
    return out
