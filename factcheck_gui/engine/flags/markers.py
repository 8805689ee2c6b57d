"""Marker flags: hedges (modality), negation and attribution (reporting verbs and phrases),
compared by class ("may" and "might" are one hedge, "issued a warning" is "warned"); only the
markers that changed are shown.

What changes a claim is flagged: a hedge changed ("might" → "will"), dropped or added ("may"
dropped: the claim now sounds certain), a negation lost or added, a reporting verb that softens
or hardens ("said" → "claimed") or an attribution dropped (the claim now stated as fact). A
reporting verb added, a neutral one for another ("said" → "announced"), a modal of tense
dropped ("will continue" → "continues") or "would" for "will" (reported speech) are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck_gui.engine.flags._common import (
    ADDED,
    CHANGED,
    HIGH,
    LOW,
    MEDIUM,
    OMITTED,
    flag,
    joined,
)
from factcheck_gui.engine.lexicon import (
    APPEARANCE_HEDGES,
    ATTRIBUTION_CLASS,
    ATTRIBUTION_NOUNS,
    ATTRIBUTION_PHRASES,
    BACKSHIFTED,
    DETERMINERS,
    HEDGE_CLASS,
    HEDGE_CLASS_STRENGTH,
    NEGATION_CLASS,
    NEUTRAL_ATTRIBUTION,
    NUMBER_WORDS,
    STOPWORDS,
    TENSE_MODALS,
)
from factcheck_gui.engine.normalize import Token, stem
from factcheck_gui.engine.types import Claim, Flag, FlagType, Severity, Span


@dataclass(frozen=True, slots=True)
class _Mark:
    cls: str  # the marker's class ("possible", "said", "not" …)
    first: int  # index of its first token
    last: int  # index of its last token (a reporting phrase has several)


# Runs of marks that changed: indices into each side's marks (one side may be empty).
_Runs = list[tuple[list[int], list[int]]]

# Reporting phrases by their first word: (the words after it, class); "*" is one optional word.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _c in sorted(ATTRIBUTION_PHRASES.items(), key=lambda pc: -len(pc[0].split())):
    _first, *_rest = _p.split()
    _PHRASES_BY_FIRST.setdefault(_first, []).append((tuple(_rest), _c))

_MARKER_KEYS = (
    frozenset(HEDGE_CLASS)
    | frozenset(NEGATION_CLASS)
    | frozenset(ATTRIBUTION_CLASS)
    | frozenset(_PHRASES_BY_FIRST)
    | ATTRIBUTION_NOUNS
)
_KINDS = (
    (FlagType.HEDGE, HEDGE_CLASS),
    (FlagType.NEGATION, NEGATION_CLASS),
    (FlagType.ATTRIBUTION, ATTRIBUTION_CLASS),
)


def marker_flags(
    orig: Sequence[Claim], rew: Sequence[Claim], toks_a: Sequence[Token], toks_b: Sequence[Token]
) -> list[Flag]:
    """The hedge, negation and attribution flags between two sides (in that order)."""
    pos_a, pos_b = _marker_positions(toks_a), _marker_positions(toks_b)
    flags: list[Flag] = []
    for kind, classes in _KINDS:
        flags.extend(_marker_flag(kind, toks_a, toks_b, pos_a, pos_b, classes, orig, rew))
    return flags


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


def _phrase_at(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    """(index of its last token, class) of the longest reporting phrase at token ``i``, if any."""
    return next(
        (
            (end, c)
            for rest, c in _PHRASES_BY_FIRST[tokens[i].key]
            if (end := _phrase_end(tokens, i, rest)) >= 0
        ),
        None,
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
            found = _phrase_at(tokens, i)
            if found is not None:
                out.append(_Mark("said" if found[1] in NEUTRAL_ATTRIBUTION else found[1], i, found[0]))
                covered = found[0]
                continue
        cls = classes.get(t.key)
        if cls is None and t.key.endswith("n't"):
            cls = classes.get("n't")
        if cls is None or (kind is FlagType.HEDGE and t.text == "May"):
            continue
        if kind is FlagType.HEDGE and t.key in APPEARANCE_HEDGES and not _appearance(tokens, i):
            continue  # "appeared in court"
        if kind is FlagType.HEDGE and cls == "attempt" and not _attempt(tokens, i):
            continue  # "trying times", "attempting it"
        if kind is FlagType.HEDGE and _ranked(tokens, i):
            continue  # "the most likely position", "the highest potential of any asteroid"
        able = _able(tokens, i) if kind is FlagType.HEDGE and cls in ("certain", "would") else -1
        if able >= 0:  # "will be able to use" is "can use", said of the future: one mark
            out.append(_Mark("can", i, able))
            continue
        if kind is FlagType.NEGATION and _additive(tokens, i):
            continue  # "not just an attack on …": it is one, and more ("more than an attack")
        if kind is FlagType.ATTRIBUTION:
            if _noun(tokens, i):
                continue  # "the claims", "accusations … , claims both sides deny"
            if cls in NEUTRAL_ATTRIBUTION:
                cls = "said"
        out.append(_Mark(cls, i, i))
    return out


# After "not" these make it say "and more", not "no": "not just", "not only", "not merely".
_ADDITIVE = frozenset({"just", "only", "merely", "simply", "solely"})


def _additive(tokens: Sequence[Token], i: int) -> bool:
    """Is the negation at ``i`` a "not only" / "not just", which affirms what follows?"""
    return tokens[i].key in ("not", "n't") and i + 1 < len(tokens) and tokens[i + 1].key in _ADDITIVE


def _able(tokens: Sequence[Token], i: int) -> int:
    """Where "to" ends the "will be able to" ("will also be able to") whose modal is at ``i``:
    an ability; -1 for another modal."""
    k = i + 1
    if k < len(tokens) and tokens[k].key != "be":
        k += 1  # one adverb between: "will also be able to"
    keys = [t.key for t in tokens[k : k + 3]]
    return k + 2 if keys == ["be", "able", "to"] else -1


def _appearance(tokens: Sequence[Token], i: int) -> bool:
    """Is "appears"/"seems" at ``i`` a hedge: "it appears", "appears to", "seems that"?"""
    prev = tokens[i - 1].key if i else ""
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    return prev == "it" or nxt in ("to", "that", "likely")


def _attempt(tokens: Sequence[Token], i: int) -> bool:
    """Is "trying"/"tried"/"attempting"/"attempted" at ``i`` an attempt at a deed: followed by
    "to" ("are trying to restore"; not "trying times", "attempted murder")?"""
    return i + 1 < len(tokens) and tokens[i + 1].key == "to"


_RANKING = frozenset({"most", "least", "greatest", "highest", "lowest", "biggest", "largest", "smallest"})


def _ranked(tokens: Sequence[Token], i: int) -> bool:
    """Is the hedge word at ``i`` a ranking adjective or a noun, no hedge on the claim: after a
    superlative ("the most likely position", "the highest potential") or, for "potential", a
    noun after a determiner ("its potential for", "the potential of")?"""
    prev = tokens[i - 1].key if i else ""
    if prev in _RANKING and tokens[i].key in ("likely", "potential"):
        return True
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    return tokens[i].key == "potential" and prev in DETERMINERS and nxt in ("for", "of", "to")


def _noun(tokens: Sequence[Token], i: int) -> bool:
    """Is the reporting word at ``i`` a noun: after a determiner ("the claims", "such
    reports"), or a plural after a comma that closes no quotation (", claims both deny")?"""
    t = tokens[i]
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.key in DETERMINERS or prev.key[:1].isdigit() or prev.key in NUMBER_WORDS:
        return True  # "the claims", "12 confirmed cases"
    return (
        t.key.endswith("s")
        and t.key in ATTRIBUTION_NOUNS
        and prev.text == ","
        and not (i >= 2 and tokens[i - 2].text in "”\"'’")
    )


def _attributed(tokens: Sequence[Token], positions: Sequence[int], marks: Sequence[_Mark]) -> bool:
    """Does a side attribute what it says: a reporting verb or phrase, or a noun that reports
    ("accusations from", "according to", "the claims")?"""
    return bool(marks) or any(tokens[i].key in ATTRIBUTION_NOUNS for i in positions)


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
) -> list[Flag]:
    ma = _marks(a, pos_a, classes, kind)
    mb = _marks(b, pos_b, classes, kind)
    # Classes as sets: "would … would" against one "would" says nothing new.
    ca, cb = {m.cls for m in ma}, {m.cls for m in mb}
    if ca == cb:
        return []
    items = _changed_runs(a, b, ma, mb, ca, cb)
    kept, gone, new = _that_change_the_claim(kind, items, a, b, ma, mb, pos_b)
    if not kept and not gone and not new:
        return []
    # (Only now the texts to quote from: most changes flag no marker.)
    text_a, base_a = joined(orig)
    text_b, base_b = joined(rew)
    flags: list[Flag] = []
    for runs, change in ((kept, CHANGED), (new, ADDED), (gone, OMITTED)):
        if not runs:
            continue
        sa, span_a = _shown(a, ma, [ia for ia, _ in runs], classes, text_a, base_a)
        sb, span_b = _shown(b, mb, [ib for _, ib in runs], classes, text_b, base_b)
        swaps = [
            f"{_words(a, ma, ia, text_a, base_a)} → {_words(b, mb, ib, text_b, base_b)}"
            for ia, ib in runs
            if ia and ib
        ]
        dropped = ", ".join(_words(a, ma, ia, text_a, base_a) for ia, ib in runs if not ib)
        added = ", ".join(_words(b, mb, ib, text_b, base_b) for ia, ib in runs if not ia)
        if change is OMITTED:
            label = {FlagType.HEDGE: "modality", FlagType.NEGATION: "negation"}.get(kind, "reporting verb")
            msg = f"{label} omitted with the words it qualified: {dropped}"
            flags.append(flag(kind, OMITTED, LOW, sa, sb, msg, span_a, span_b))
        elif change is ADDED:
            msg = f"{_message(kind, swaps, dropped, added)} (in words the original does not have)"
            flags.append(flag(kind, ADDED, MEDIUM, sa, sb, msg, span_a, span_b))
        else:
            severity = _severity(kind, runs, ma, mb)
            flags.append(
                flag(kind, CHANGED, severity, sa, sb, _message(kind, swaps, dropped, added), span_a, span_b)
            )
    return flags


CLAUSE_KEPT = 0.4  # share of a clause's content words the other side must have for it to be there
_CLAUSE_ENDS = frozenset(".!?;")
_CONTRASTS = frozenset({"but", "while", "whereas", "although", "though"})


def _content(tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> set[str]:
    """Stems of the content words of ``tokens[lo:hi]`` (markers and stopwords left out)."""
    return {
        stem(t.key[:-2] if t.key.endswith(("'s", "’s")) else t.key)
        for t in tokens[lo:hi]
        if t.is_word and len(t.key) > 2 and t.key not in STOPWORDS and t.key not in _MARKER_KEYS
    }


def _content_word(t: Token) -> str | None:
    """The stem :func:`_content` gives for the one token ``t``, or None (no content word):
    asked token by token after each marker, without a set for each."""
    key = t.key
    if not t.is_word or len(key) <= 2 or key in STOPWORDS or key in _MARKER_KEYS:
        return None
    return stem(key[:-2] if key.endswith(("'s", "’s")) else key)


def _clause_there(
    tokens: Sequence[Token], k: int, other: set[str], reported: bool = False, contrasted: bool = False
) -> bool:
    """Are most content words of the sentence around token ``k`` on the other side (is the
    clause a marker qualifies restated there, not left out or new)? With ``reported``, only
    what is reported: the words after the reporting verb at ``k`` (or before it, when it ends
    the sentence), not who says it. With ``contrasted``, a contrast ("but", "while" …) ends the
    clause too: "details have not been released but police said …" summed up as what police
    said leaves the negated clause out."""
    ends = _CLAUSE_ENDS | _CONTRASTS if contrasted else _CLAUSE_ENDS
    lo = k
    while lo > 0 and tokens[lo - 1].key not in ends:
        lo -= 1
    hi = k
    while hi + 1 < len(tokens) and tokens[hi + 1].key not in ends:
        hi += 1
    words = _content(tokens, lo, hi + 1)
    if reported and tokens[k].key == "according":
        # "At least 30 people were killed, according to the health ministry": what is reported
        # is the sentence around "according to …", whose own words name the source.
        end = k
        while end < hi and tokens[end + 1].text != ",":
            end += 1
        words = _content(tokens, lo, k) | _content(tokens, end + 1, hi + 1)
    elif reported:
        after = _content(tokens, k + 1, hi + 1)
        words = after if len(after) >= 2 else _content(tokens, lo, k)
    return len(words) < 2 or len(words & other) >= CLAUSE_KEPT * len(words)


# Markers whose loss is a change only where the word they bear on is still said: a hedge or a
# negation left out with what it qualified ("without even kicking a ball", "no difference")
# is an omission.
_HEADED = frozenset({FlagType.HEDGE, FlagType.NEGATION})
# Words after a hedge that are part of it or only grade it ("could well", "no longer likely").
_MARKER_TAILS = frozenset({"longer", "more", "ever", "well"})


def _qualified_there(tokens: Sequence[Token], mark: _Mark, other: AlikeWords) -> bool:
    """Is what the hedge or negation at ``mark`` bears on said on the other side: the words
    after it in its clause ("a unit that would *spy on the extremists*", "will no longer be
    *offered second best*")? It is when the first of them is there, or enough of them
    (CLAUSE_KEPT): "did not *win the election in March*" said as "won the election in
    March" keeps the election and March though "won" is no prefix of "win". If not, the
    rewrite left that statement out (an omission): it did not make it certain, or true."""
    after: list[str] = []
    for t in tokens[mark.last + 1 :]:
        if t.text in _CLAUSE_ENDS or t.key in _CONTRASTS:
            break
        if t.key not in _MARKER_TAILS:
            w = _content_word(t)
            if w is not None:
                after.append(w)
    if not after:
        return True
    if after[0] in other:
        return True
    kept = sum(1 for w in after if w in other)
    return kept >= CLAUSE_KEPT * len(after)


def _trimmed_quotation(a: Sequence[Token], k: int, b: Sequence[Token]) -> bool:
    """Is token ``k`` inside a quotation of ``a`` while ``b`` quotes too? A quotation that
    loses its negated sentence ("… I do not exclude this either," he said) says less than
    the speaker did: that is a changed quotation, not an omission."""
    return sum(1 for t in a[:k] if t.key == '"') % 2 == 1 and any(t.key == '"' for t in b)


def _alike(x: str, y: str) -> bool:
    """The same word, by stems that may be cut unevenly ("close" / "clos" for "closes")."""
    if x == y:
        return True
    n = min(len(x), len(y), 4)
    return n >= 3 and x[:n] == y[:n] and (x.startswith(y) or y.startswith(x))


ALIKE_MIN = 3  # a stem this long or longer is alike a stem it starts or that starts it


class AlikeWords:
    """``w in AlikeWords(words)``: is ``w`` :func:`_alike` one of ``words``? (What
    ``any(_alike(w, o) for o in words)`` says, answered by set lookups: the words, and every
    start of ALIKE_MIN letters or more of each, so a long clause against a long claim costs
    what its words do, not their product.)"""

    def __init__(self, words: set[str]) -> None:
        self._words = words
        self._starts: set[str] | None = None

    def __contains__(self, w: object) -> bool:
        if not isinstance(w, str):
            return False
        words = self._words
        if w in words:
            return True
        if len(w) < ALIKE_MIN:
            return False
        starts = self._starts
        if starts is None:  # (built on first use: most claims ask nothing)
            starts = self._starts = {o[:n] for o in words for n in range(ALIKE_MIN, len(o) + 1)}
        # one of the words starts with w, or w starts with one of them
        return w in starts or any(w[:n] in words for n in range(ALIKE_MIN, len(w)))


def _that_change_the_claim(
    kind: FlagType,
    items: _Runs,
    a: Sequence[Token],
    b: Sequence[Token],
    ma: list[_Mark],
    mb: list[_Mark],
    pos_b: Sequence[int],
) -> tuple[_Runs, _Runs, _Runs]:
    """The changed runs that change what the claim says (not a modal of tense dropped or added,
    not "would" for "will", not a reporting verb added, not an attribution dropped where the
    rewrite still attributes the claim); the markers omitted with the words they qualified;
    the negations added in words the original does not have."""
    kept: _Runs = []
    gone: _Runs = []
    new: _Runs = []
    content_a: set[str] | None = None
    content_b: set[str] | None = None
    alike_b: AlikeWords | None = None
    for ia, ib in items:
        ka = {ma[i].cls for i in ia}
        kb = {mb[j].cls for j in ib}
        if kind is FlagType.HEDGE:
            if ia and ib and (ka | kb) in BACKSHIFTED and ka != kb:
                continue
            if (not ib and ka <= TENSE_MODALS) or (not ia and kb <= TENSE_MODALS):
                continue
        elif kind is FlagType.NEGATION:
            if ia and ib and len(ia) == len(ib) and (ka | kb) <= _PLAIN_NEGATORS:
                continue  # "will never expose" → "would not expose": still denied, no change of fact
        elif kind is FlagType.ATTRIBUTION:
            if not ia:
                continue  # more attribution is no change of fact
            if not ib and (ka <= {"denied", "concerned"} or _attributed(b, pos_b, mb)):
                continue  # (a denial is a negation flag; the claim is still attributed)
        if ia and not ib:
            if content_b is None:
                content_b = _content(b)
                alike_b = AlikeWords(content_b)
            assert alike_b is not None
            qualified = (
                kind not in _HEADED
                or (kind is FlagType.NEGATION and _trimmed_quotation(a, ma[ia[0]].first, b))
                or any(_qualified_there(a, ma[i], alike_b) for i in ia)
            )
            reported, contrasted = kind is FlagType.ATTRIBUTION, kind is FlagType.NEGATION
            if not qualified or not _clause_there(a, ma[ia[0]].first, content_b, reported, contrasted):
                if kind is not FlagType.ATTRIBUTION:
                    gone.append((ia, ib))
                continue  # the rewrite does not state what was qualified
        elif ib and not ia:
            if content_a is None:
                content_a = _content(a)
            if not _clause_there(b, mb[ib[0]].first, content_a):
                if kind is FlagType.NEGATION:
                    new.append((ia, ib))
                continue  # a hedge in words of the rewrite's own
        kept.append((ia, ib))
    return kept, gone, new


# Negations that deny alike in other words: one for another at the same place keeps the claim
# negated ("never" / "not", "no evidence" / "not any evidence").
_PLAIN_NEGATORS = frozenset({"not", "no", "never"})


def _severity(kind: FlagType, items: _Runs, ma: list[_Mark], mb: list[_Mark]) -> Severity:
    """A negation, or a hedge that moves two steps of certainty ("might" → "will"), is high."""
    if kind is FlagType.NEGATION:
        return HIGH
    if kind is FlagType.HEDGE:
        for ia, ib in items:
            if ia and ib:
                sa = [HEDGE_CLASS_STRENGTH.get(ma[i].cls, 2) for i in ia]
                sb = [HEDGE_CLASS_STRENGTH.get(mb[j].cls, 2) for j in ib]
                if abs(max(sa) - max(sb)) >= 2:
                    return HIGH
    return MEDIUM


def _changed_runs(
    a: Sequence[Token], b: Sequence[Token], ma: list[_Mark], mb: list[_Mark], ca: set[str], cb: set[str]
) -> _Runs:
    """Only what changed: the marks aligned in reading order, unchanged ones left out."""
    ops = SequenceMatcher(None, [m.cls for m in ma], [m.cls for m in mb], autojunk=False).get_opcodes()
    twin_a, twin_b = _twins(ops)
    items: _Runs = []
    for tag, i1, i2, j1, j2 in ops:
        ia, ib = list(range(i1, i2)), list(range(j1, j2))
        if tag == "equal":
            continue
        # A marker dropped (or added) whose class the other side still has says nothing new.
        if not ib and all(ma[i].cls in cb for i in ia):
            continue
        if not ia and all(mb[j].cls in ca for j in ib):
            continue
        if not ia:
            _widen(ib, ia, b, mb, twin_b, a, ma)
        elif not ib:
            _widen(ia, ib, a, ma, twin_a, b, mb)
        items.append((ia, ib))
    if not items:  # (cannot happen: a class one side lacks is in some changed run)
        items = [(list(range(len(ma))), list(range(len(mb))))]
    return items


def _twins(ops: Sequence[tuple[str, int, int, int, int]]) -> tuple[dict[int, int], dict[int, int]]:
    """The unchanged marks: index on one side → index on the other, both ways."""
    twin_a: dict[int, int] = {}
    twin_b: dict[int, int] = {}
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal":
            for k in range(i2 - i1):
                twin_a[i1 + k] = j1 + k
                twin_b[j1 + k] = i1 + k
    return twin_a, twin_b


def _widen(
    own: list[int],
    other: list[int],
    toks: Sequence[Token],
    marks: Sequence[_Mark],
    twin: dict[int, int],
    other_toks: Sequence[Token],
    other_marks: Sequence[_Mark],
) -> None:
    """A marker of the same phrase in other words is shown with a dropped or added one (``own``):
    "might → may consider" (but "will reportedly → will" is only "reportedly" dropped)."""
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


def _words(tokens: Sequence[Token], marks: Sequence[_Mark], idx: list[int], text: str, base: int) -> str:
    """The marks ``idx`` as written, neighbouring ones as one phrase: "might … would"."""
    segs = _segments(tokens, marks, idx)
    return " … ".join(
        dict.fromkeys(" ".join(text[tokens[s].start - base : tokens[e].end - base].split()) for s, e in segs)
    )


def _shown(
    tokens: Sequence[Token],
    marks: Sequence[_Mark],
    sides: list[list[int]],
    classes: dict[str, str],
    text: str,
    base: int,
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


def _message(kind: FlagType, swaps: list[str], dropped: str, added: str) -> str:
    """The flag's message: "modality changed: might → may consider; would → could",
    "negation lost: …", "reporting verb: said → denied" …"""
    if kind is FlagType.NEGATION and not swaps and not added:
        return f"negation lost: “{dropped}” is not in the rewrite"
    if kind is FlagType.NEGATION and not swaps and not dropped:
        return f"negation added: “{added}” is not in the original"
    label = {FlagType.HEDGE: "modality", FlagType.NEGATION: "negation"}.get(kind, "reporting verb")
    if kind is FlagType.ATTRIBUTION and dropped and not swaps:
        return f"attribution dropped: {dropped} (the rewrite states it as fact)"
    parts = swaps + [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
    if swaps:  # "modality changed: might → may consider; would → could"
        return f"{label}{':' if kind is FlagType.ATTRIBUTION else ' changed:'} " + "; ".join(parts)
    return f"{label} " + "; ".join(parts)  # "modality dropped: expected … would"
