"""Name flags: runs of capitalised words that are names (not sentence starts, titles or the
words of a headline in title case), "Russia"/"Russian", "U.S."/"United States" and
"José"/"Jose" taken for the same name.

Names are typed by simple cues — a title before a person ("Gen. Sultan"), "in/at/near" before a
place, an organisation word in it ("Agency", "Ministry", "News") — and one name is taken for
another (*changed*) only where the word diff replaces it by a name of the same kind; otherwise
a name the rewrite leaves out is *omitted* and one it brings in is *added*, unless the original
has it elsewhere, names a speaker with it ("Cook said") or it only locates a place ("Fort
Belvoir, Va.").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Mapping, Sequence
from itertools import islice
from typing import NamedTuple

from factcheck_gui.engine.flags._common import (
    ADDED,
    CHANGED,
    HIGH,
    LOW,
    MEDIUM,
    OMITTED,
    POSSESSIVE,
    Fact,
    flag,
    fold_accents,
    listed,
    overlaps,
    written,
)
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import (
    ABBREVIATED_TITLES,
    ATTRIBUTION_VERBS,
    COUNTRY_OF,
    DEMONYM_ENDINGS,
    FIRST_PERSON_PLURAL,
    KNOWN_PLACES,
    MONTHS,
    NAME_ALIASES,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    ROLES,
    STOPWORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, undotted
from factcheck_gui.engine.types import DiffOp, DiffOpKind, Flag, FlagType, Span

# Kinds of names.
PERSON, PLACE, ORG, PEOPLE, LOCATOR, UNKNOWN = "person", "place", "organisation", "people", "locator", ""
_COUNTRIES = (
    frozenset(COUNTRY_OF.values())
    | KNOWN_PLACES
    | frozenset(v for v in NAME_ALIASES.values() if v not in ("united nations", "european union"))
)
_ORG_ALIASES = frozenset({"united nations", "european union"})


class NameScan(NamedTuple):
    facts: list[Fact]
    runs: list[list[Token]]  # the tokens of each name run (with ``keep_runs``)
    # Per name: (index of its run's first token, the run's length, index of the last token of
    # the name before it), to tell its kind by (see :func:`kind_of`).
    where: Sequence[tuple[int, int, int]] = ()
    kinds: Sequence[str] = ()  # the kind of each name, when known beforehand (tests)


def kind_of(scan: NameScan, k: int, tokens: Sequence[Token]) -> str:
    """The kind of name ``k`` of ``scan`` ("person", "place" …, "" unknown)."""
    if scan.kinds:
        return scan.kinds[k]
    if not scan.where:
        return UNKNOWN
    first, n, before = scan.where[k]
    return _kind(tokens, first, list(tokens[first : first + n]), scan.facts[k], before)


def scan_names(
    tokens: Sequence[Token],
    proper: Container[str],
    keep_runs: bool = False,
    headlines: Sequence[Span] = (),
    running: Container[str] = frozenset(),
) -> NameScan:
    """Runs of capitalised words that are names (not just sentence starts or titles); their
    tokens too with ``keep_runs`` (for titles). ``proper``: keys of words that are names even
    at a sentence start; ``headlines``: spans of title-case claims, where a capitalised word
    is a name only if ``running`` (keys of words capitalised inside running text) has it."""
    out: list[Fact] = []
    where: list[tuple[int, int, int]] = []
    runs: list[list[Token]] = []
    run: list[Token] = []
    dotted = False  # has the run a middle initial?
    first = 0  # index of the run's first token
    last_name_end = -2  # index of the last token of the last name

    def flush(k: int) -> None:
        nonlocal dotted, last_name_end
        fact = _name_of(run, dotted)
        dotted = False
        if fact is not None:
            out.append(fact)
            where.append((first, len(run), last_name_end))
            last_name_end = k - 1
            if keep_runs:
                runs.append(run.copy())
        run.clear()

    sentence_start = True
    prev = None  # the word before a dot
    heads = list(headlines)
    for k, t in enumerate(tokens):
        if not t.is_word:
            if t.text == "." and prev is not None and prev.end == t.start:
                if run and len(prev.text) == 1 and run[-1] is prev and _initial(tokens, prev, t):
                    run.append(t)  # a middle initial: "Michael R. Bloomberg"
                    dotted = True
                    continue
                if _dotted_title(prev):
                    if run and run[-1] is prev:
                        run.pop()  # "Brig." is a title, not a name
                    if run:
                        flush(k - 1)
                    sentence_start = False  # "Dr. Smith"
                    continue
            if run:
                flush(k)
            sentence_start = t.text in '.!?“"‘:' or (sentence_start and t.text in "“\"‘'(")
            prev = None
            continue
        prev = t
        # (inline, not a function: this runs for every word of every changed claim)
        is_name = False
        if t.text[0].isupper() and t.text != "I":
            low = t.key.rstrip(".")
            is_name = (
                low not in MONTHS
                and low not in WEEKDAYS
                and low not in NOT_NAMES
                and (not sentence_start or t.key in proper)
                and not (k and low in _SCALES and tokens[k - 1].key in _DEGREES)  # "0.8 degree C"
            )
            if is_name and heads and _inside(t, heads):
                key = POSSESSIVE.sub("", t.key)
                is_name = key in running or NAME_ALIASES.get(key) is not None
        if is_name and (not t.text.isupper() or len(t.text) <= 5 or t.key in proper):
            if not run:
                first = k
            run.append(t)
        elif run:
            flush(k)
        sentence_start = False
    if run:
        flush(len(tokens))
    if len(out) > 1:
        out, where = _joined(tokens, out, where)
    return NameScan(out, runs, where)


_JOINING = frozenset({"of", "for"})
# A temperature's scale after "degrees" is a unit, not a name ("1.4 degrees Fahrenheit").
_DEGREES = frozenset({"degree", "degrees", "°"})
_SCALES = frozenset({"c", "f", "k", "celsius", "fahrenheit", "kelvin", "centigrade"})


def _joined(
    tokens: Sequence[Token], facts: list[Fact], where: list[tuple[int, int, int]]
) -> tuple[list[Fact], list[tuple[int, int, int]]]:
    """Names joined by "of" or "for" as one name: "House of Representatives", "Agency for
    International Development", "Bank of England"."""
    out: list[Fact] = [facts[0]]
    places: list[tuple[int, int, int]] = [where[0]]
    for fact, (first, n, before) in zip(facts[1:], where[1:], strict=True):
        p_first, p_n, p_before = places[-1]
        between = first - (p_first + p_n)
        if between == 1 and tokens[first - 1].key in _JOINING and tokens[first - 1].text.islower():
            prev = out[-1]
            out[-1] = Fact(
                f"{prev.key} {fact.key}",
                f"{prev.text} {tokens[first - 1].text} {fact.text}",
                (prev.span[0], fact.span[1]),
            )
            places[-1] = (p_first, p_n + 1 + n, p_before)
        else:
            out.append(fact)
            places.append((first, n, before))
    return out, places


def _inside(t: Token, spans: Sequence[Span]) -> bool:
    return any(s <= t.start < e for s, e in spans)


def _name_of(run: list[Token], dotted: bool) -> Fact | None:
    """The name in a run of capitalised words (``dotted``: with a middle initial), its titles
    and stopwords left out; None when nothing is left."""
    if dotted:
        words = _initialled(run)
        if not words:
            return None
        key = " ".join(POSSESSIVE.sub("", x.key) for x in words if x.is_word)
        key = fold_accents(key)
        return Fact(NAME_ALIASES.get(key, key), written(words), (words[0].start, words[-1].end))
    words = [x for x in run if x.key not in TITLE_WORDS and x.key not in STOPWORDS]
    if not words:
        return None
    key = fold_accents(" ".join(POSSESSIVE.sub("", x.key) for x in words))
    text = " ".join(x.text for x in words)
    return Fact(NAME_ALIASES.get(key, key), text, (words[0].start, words[-1].end))


def _kind(tokens: Sequence[Token], first: int, run: list[Token], fact: Fact, last_name_end: int) -> str:
    """What a name is, by simple cues: organisation words in it, a title before or in it, a
    place word or preposition, a country, a people's word."""
    keys = [POSSESSIVE.sub("", t.key).rstrip(".") for t in run if t.is_word]
    if fact.key in _ORG_ALIASES or any(k in ORG_WORDS for k in keys):
        return ORG
    prev = tokens[first - 1] if first else None
    if fact.key in _COUNTRIES or (keys and keys[0] == "fort") or any(k in PLACE_WORDS for k in keys[1:]):
        return LOCATOR if _after_place(tokens, first, last_name_end) else PLACE
    if _demonym(fact.key):
        return PEOPLE
    if len(run) > len(fact.text.split()) and any(t.key in TITLE_WORDS or t.key in ROLES for t in run):
        return PERSON  # "President Putin", "Gen. Sultan"
    if prev is not None:
        pk = prev.key.rstrip(".")
        if (
            pk in ROLES
            or pk in TITLE_WORDS
            or (prev.text == "." and first >= 2 and tokens[first - 2].key in ABBREVIATED_TITLES)
        ):
            return PERSON
        if prev.text == "." or pk in ("mr", "mrs", "ms"):
            return PERSON if first >= 2 and tokens[first - 2].key in ABBREVIATED_TITLES else UNKNOWN
        if pk in PLACE_PREPOSITIONS:
            return PLACE
    if (
        _after_place(tokens, first, last_name_end)
        and len(keys) == 1
        and (len(run[0].text) <= 5 and first + 1 < len(tokens) and tokens[first + 1].text == ".")
    ):
        return LOCATOR  # "Fort Belvoir, Va."
    return UNKNOWN


def _after_place(tokens: Sequence[Token], first: int, last_name_end: int) -> bool:
    """Does the name at ``first`` follow another name and a comma ("Benghazi, Libya")?"""
    return first >= 2 and tokens[first - 1].text == "," and last_name_end == first - 2


def _demonym(key: str) -> bool:
    """Is ``key`` a people's word ("pakistani", "russians", "chinese")?"""
    key = key.removesuffix("s") if key.endswith(("ans", "ians", "is")) else key
    if key in COUNTRY_OF and COUNTRY_OF[key] != key:
        return True
    if NAME_ALIASES.get(key) in _COUNTRIES and key in ("american", "british"):
        return True
    for end in DEMONYM_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 4:
            stem = key[: -len(end)]
            if stem in _COUNTRIES or stem + "a" in _COUNTRIES or stem + "ia" in _COUNTRIES:
                return True
    return False


def _initialled(run: list[Token]) -> list[Token]:
    """The words of a run with a middle initial, the initial's dot kept with it."""
    words: list[Token] = []
    for n, t in enumerate(run):
        if not t.is_word:  # the dot of a middle initial, kept with it
            if words and words[-1].end == t.start:
                words.append(t)
        elif (t.key not in TITLE_WORDS and t.key not in STOPWORDS) or (
            len(t.text) == 1 and n + 1 < len(run) and run[n + 1].text == "."  # the "A." initial
        ):
            words.append(t)
    return words


def _dotted_title(t: Token) -> bool:
    """Is ``t``, written before a dot, an abbreviated title ("Dr.", "Brig.")? Not a word ending
    a sentence ("the SEC.", "a brig.")."""
    return t.key in ABBREVIATED_TITLES and t.text[0].isupper() and not (len(t.text) >= 3 and t.text.isupper())


def _initial(tokens: Sequence[Token], prev: Token, dot: Token) -> bool:
    """Is ``dot`` that of a middle initial ("R." in "Michael R. Bloomberg")?"""
    if not prev.text.isupper():
        return False
    k = tokens.index(dot)
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.text[0].isupper() and nxt.key not in STOPWORDS


def opens_sentence(tokens: Sequence[Token], k: int) -> bool:
    """Does token ``k`` open a sentence (as :func:`scan_names` reads it)?"""
    j = k - 1
    while j >= 0 and tokens[j].text not in '.!?“"‘:' and tokens[j].text in "'(":
        j -= 1
    return j < 0 or tokens[j].text in '.!?“"‘:'


def name_match(a: str, b: str) -> bool:
    """The same name: one word in common, or one that starts like the other (Russia/Russian,
    Korea/Korean)."""
    if a == b:
        return True
    for x in a.split():
        for y in b.split():
            if x == y:
                return True
            # (the loop of titles._shared_start, inline: this runs for every pair of words of
            # every pair of names on the two sides)
            n = min(len(x), len(y))
            common = 0
            while common < n and x[common] == y[common]:
                common += 1
            if common >= 5 and common >= 0.75 * n:  # Russia/Russian, Korea/Korean
                return True
    return False


class NameIndex:
    """The names of one side by their words (and the first five letters of their long words),
    so the names :func:`name_match` takes for a name are found without trying every pair: a
    claim with a hundred names costs what its names do, not their square."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        by: dict[str, list[int]] = {}
        for j, key in enumerate(keys):
            for w in set(key.split()):
                by.setdefault(w, []).append(j)
                if len(w) >= _PREFIX:
                    by.setdefault(_PREFIX_MARK + w[:_PREFIX], []).append(j)
        self._by = by

    def matching(self, key: str) -> list[int]:
        """Indices of the names that :func:`name_match` takes for ``key``, in order."""
        by = self._by
        found: set[int] = set()
        for x in key.split():
            found.update(by.get(x, ()))
            if len(x) >= _PREFIX:
                found.update(by.get(_PREFIX_MARK + x[:_PREFIX], ()))
        keys = self.keys
        return sorted(j for j in found if name_match(key, keys[j]))

    def has(self, key: str) -> bool:
        """Does some name match ``key``?"""
        return bool(self.matching(key))


_PREFIX = 5  # letters two words must start with alike to be one name (name_match)
_PREFIX_MARK = "\0"  # (a prefix entry is never a word)


def _same_kind(x: str, y: str) -> bool:
    """May a name of kind ``x`` have been replaced by one of kind ``y``: are they of one kind
    (a place and a place, two names of no known kind)?"""
    return (PLACE if x == LOCATOR else x) == (PLACE if y == LOCATOR else y)


def _acronym(f: Fact) -> str:
    """The letters of a name written as an initialism ("ISIL", "U.N."), or ""."""
    letters = f.text.replace(".", "")
    return letters.lower() if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else ""


_JOINERS = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def _expansion(acr: str, tokens: Sequence[Token]) -> Span | None:
    """Where ``tokens`` spell out the initialism ``acr`` ("Islamic State of Iraq and the
    Levant" for "isil"): capitalised words whose initials are its letters, joined by "of",
    "and", "the"."""
    n = len(tokens)
    for k, t in enumerate(tokens):
        if not (t.is_word and t.text[0].isupper() and t.key[0] == acr[0]):
            continue
        got, j, last = 0, k, k
        while j < n and got < len(acr):
            u = tokens[j]
            if u.is_word and u.text[0].isupper():
                # a dotted initialism gives its letters ("U.S. Geological Survey" for "usgs")
                letters = undotted(u.key) if u.key[-1] == "." else u.key[0]
                if acr[got : got + len(letters)] != letters:
                    break
                got, last = got + len(letters), j
            elif u.key not in _JOINERS:
                break
            j += 1
        if got == len(acr) and last > k:
            return (t.start, tokens[last].end)
    return None


def name_flags(
    scan_a: NameScan,
    scan_b: NameScan,
    toks_a: Sequence[Token] = (),
    toks_b: Sequence[Token] = (),
    diff: Sequence[DiffOp] = (),
    whole: Whole | None = None,
) -> list[Flag]:
    """Names changed (the word diff replaces one by another of the same kind), omitted and
    added (not anywhere in the original, not a speaker, not a place's locator)."""
    fa, fb = scan_a.facts, scan_b.facts
    if not fa and not fb:
        return []
    in_b, in_a = NameIndex([g.key for g in fb]), NameIndex([g.key for g in fa])
    lost = [k for k, f in enumerate(fa) if not in_b.has(f.key)]
    gained = [k for k, f in enumerate(fb) if not in_a.has(f.key)]
    if not lost and not gained:
        return []
    # An initialism spelled out on the other side ("ISIL" / "Islamic State of Iraq and the
    # Levant") is the same name, and so are the names of the spelled-out words.
    for mine, theirs, facts, other_facts, toks in (
        (lost, gained, fa, fb, toks_b),
        (gained, lost, fb, fa, toks_a),
    ):
        for k in list(mine):
            acr = _acronym(facts[k])
            span = _expansion(acr, toks) if acr and toks else None
            if span is not None:
                mine.remove(k)
                theirs[:] = [j for j in theirs if not overlaps(other_facts[j].span, span)]
    # A name the other side writes word for word, where the scan took it for no name (a
    # designation after a figure, "Asteroid 2004 MN4" / "MN4 2004 asteroid"): no new name.
    starts_b = [t.start for t in toks_b] if gained else []
    if gained and toks_a:
        there = {t.text for t in toks_a if t.is_word}  # (once, not once per name)
        gained = [k for k in gained if not _written_in(fb[k].span, toks_b, there, starts_b)]
    if not lost and not gained:
        return []
    kinds_a = {k: kind_of(scan_a, k, toks_a) for k in lost}
    kinds_b = {k: kind_of(scan_b, k, toks_b) for k in gained}
    swaps = _swaps(lost, gained, fa, fb, kinds_a, kinds_b, diff) if lost and gained else []
    swapped_a = {fa[i].key for i, _ in swaps}
    swapped_b = {fb[j].key for _, j in swaps}
    dropped = [fa[k] for k in lost if fa[k].key not in swapped_a]
    added = [
        fb[k]
        for k in gained
        if fb[k].key not in swapped_b
        and not _speaks_here(toks_b, fb[k].span, starts_b)
        and not _known(fb[k], kinds_b[k], whole)
    ]
    # The name of who "we" are in the original ("We are providing" / "The U.S. Agency for
    # International Development is using"): the speaker named, no new fact.
    ours = [f for f in added if _names_first_person(f.span, diff, toks_a)] if added and diff else []
    added = [f for f in added if f not in ours]
    flags: list[Flag] = []
    if swaps:
        pairs = [(fa[i], fb[j]) for i, j in swaps]
        label = "names changed" if len(pairs) > 1 else "name changed"
        flags.append(
            flag(
                FlagType.NAME,
                CHANGED,
                HIGH,
                listed(a for a, _ in pairs),
                listed(b for _, b in pairs),
                f"{label}: " + "; ".join(f"{a.text} → {b.text}" for a, b in pairs),
                pairs[0][0].span,
                pairs[0][1].span,
            )
        )
    if added:
        shown = listed(added)
        label = "names added" if len({f.key for f in added}) > 1 else "name added"
        flags.append(flag(FlagType.NAME, ADDED, MEDIUM, "", shown, f"{label}: {shown}", None, added[0].span))
    if ours:
        shown = listed(ours)
        msg = f"{'names' if len(ours) > 1 else 'name'} given for the original's “we”: {shown}"
        flags.append(flag(FlagType.NAME, ADDED, LOW, "", shown, msg, None, ours[0].span))
    if dropped:
        shown = listed(dropped)
        label = "names omitted" if len({f.key for f in dropped}) > 1 else "name omitted"
        flags.append(flag(FlagType.NAME, OMITTED, LOW, shown, "", f"{label}: {shown}", dropped[0].span, None))
    return flags


def _written_in(span: Span, toks: Sequence[Token], there: set[str], starts: Sequence[int]) -> bool:
    """Are all the words of the name at ``span`` of ``toks`` among the other side's words as
    written, ``there`` (case kept: "MN4" in "Asteroid 2004 MN4"; not "Earth" in "the earth")?
    (``starts``: the tokens' start offsets. The tokens inside the span follow one another
    from the first that starts in it, found by bisection: a long claim has hundreds.)"""
    words = []
    for t in islice(toks, bisect_left(starts, span[0]), None):
        if t.end > span[1]:
            break
        if t.is_word:
            words.append(t.text)
    if not words:
        return False
    return all(w in there for w in words)


def _names_first_person(span: Span, diff: Sequence[DiffOp], toks_a: Sequence[Token]) -> bool:
    """Does the word diff replace "we", "our" or "us" of the original by the words at
    ``span``?"""
    for op in diff:
        if op.op is DiffOpKind.REPLACE and op.original and op.rewrite and overlaps(span, op.rewrite):
            lo, hi = op.original
            return any(t.key in FIRST_PERSON_PLURAL for t in toks_a if lo <= t.start < hi)
    return False


def _swaps(
    lost: list[int],
    gained: list[int],
    fa: list[Fact],
    fb: list[Fact],
    kinds_a: Mapping[int, str],
    kinds_b: Mapping[int, str],
    diff: Sequence[DiffOp],
) -> list[tuple[int, int]]:
    """The names the word diff replaces one by one by a name of the same kind, each name in
    one swap at most (indices into ``fa`` and ``fb``)."""
    swaps: list[tuple[int, int]] = []
    for op in diff:
        if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
            continue
        la = list({fa[k].key: k for k in lost if overlaps(fa[k].span, op.original)}.values())
        lb = list({fb[k].key: k for k in gained if overlaps(fb[k].span, op.rewrite)}.values())
        if (
            len(la) == 1
            and len(lb) == 1
            and not any(la[0] == x or lb[0] == y for x, y in swaps)
            and _same_kind(kinds_a[la[0]], kinds_b[lb[0]])
        ):
            swaps.append((la[0], lb[0]))
    return swaps


_SPEECH = ATTRIBUTION_VERBS - {"according"}
_SPEECH_BEFORE = ATTRIBUTION_VERBS - {"according", "told", "tells"}  # (whom one tells is no speaker)


def _speaks_here(tokens: Sequence[Token], span: Span, starts: Sequence[int] = ()) -> bool:
    """Is the name at ``span`` given speech right there: "Cook said", "Cook, the spokesman,
    said", "said Mattis", "said Defense Secretary Robert M. Gates", "according to Smith"?
    (``starts``: the tokens' start offsets, if known.)"""
    if not tokens:
        return False
    starts = starts or [t.start for t in tokens]
    first = bisect_left(starts, span[0])
    last = bisect_left(starts, span[1]) - 1
    n = len(tokens)
    j = last + 1
    if j < n and tokens[j].text == ",":  # an apposition: "Cook, the Pentagon spokesman, said"
        k = j + 1
        while k < n and k < j + 14 and tokens[k].text not in ",.;":
            k += 1
        if k < n and tokens[k].text == ",":
            j = k + 1
    if j < n and tokens[j].key == "also":
        j += 1
    if j < n and tokens[j].key in _SPEECH:
        return True
    i = first - 1
    while (
        i >= 0
        and first - i < 7
        and (tokens[i].text[:1].isupper() or tokens[i].text == "." or tokens[i].key == "the")
    ):
        i -= 1
    if i >= 0 and tokens[i].key in _SPEECH_BEFORE:
        return True
    return i >= 1 and tokens[i].key == "to" and tokens[i - 1].key == "according"


def _known(f: Fact, kind: str, whole: Whole | None) -> bool:
    """Is the added name no new fact: in the original (a person by the surname), a speaker the
    rewrite quotes, or a place's locator ("Va." in "Fort Belvoir, Va.")?"""
    if kind == LOCATOR:
        return True
    if whole is None:
        return False
    words = [w for w in f.key.split() if w not in STOPWORDS and w not in TITLE_WORDS]
    if not words:
        return True
    # the last word as written ("McDonald"): the places it is written so are few
    last = POSSESSIVE.sub("", f.text.split()[-1]).rstrip(".") or words[-1]
    return whole.speaks(last) or _in_original(f, kind, words, last, whole)


def _in_original(f: Fact, kind: str, words: list[str], last: str, whole: Whole) -> bool:
    """Has the original the added name (``words``: its words but titles, ``last`` its last
    word as written)?"""
    if f.key in _COUNTRIES or f.key in _ORG_ALIASES:  # "United States": also "U.S.", "America"
        return any(whole.has_word(alias, capitalised=True) for alias in _aliases(f.key))
    if kind in (PERSON, UNKNOWN) and len(words) >= 2 and words[-1].isalpha():
        return whole.has_word(last, capitalised=True)  # the same person, by the surname
    if len(words) == 1:
        word = words[0]
        if len(word) >= 6:  # "Pakistani" / "Pakistan": as name_match takes them
            return whole.has_prefix(word[: max(5, -(-3 * len(word) // 4))])
        return whole.has_word(last if last.lower() == word else word, capitalised=True)
    if whole.has_word(fold_accents(POSSESSIVE.sub("", f.text)), capitalised=True):
        return True
    # the name's words as ordinary words of the original ("Special Forces" / "special
    # operations forces")
    return all(whole.has_word(w) for w in words) and whole.has_in_order(tuple(words))


def _aliases(key: str) -> list[str]:
    return [key] + [a for a, v in NAME_ALIASES.items() if v == key]
