"""Name flags: runs of capitalised words that are names (not sentence starts or titles),
"Russia"/"Russian" and "U.S."/"United States" taken for the same name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from factcheck_gui.engine.flags._common import POSSESSIVE, Fact, listed, overlaps, written
from factcheck_gui.engine.lexicon import (
    ABBREVIATED_TITLES,
    MONTHS,
    NAME_ALIASES,
    STOPWORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token
from factcheck_gui.engine.types import DiffOp, DiffOpKind, Flag, FlagType


class NameScan(NamedTuple):
    facts: list[Fact]
    runs: list[list[Token]]  # the tokens of each name run


def scan_names(tokens: Sequence[Token], proper: frozenset[str], keep_runs: bool = False) -> NameScan:
    """Runs of capitalised words that are names (not just sentence starts or titles); their
    tokens too with ``keep_runs`` (for titles). ``proper``: keys of words that are names even
    at a sentence start."""
    out: list[Fact] = []
    runs: list[list[Token]] = []
    run: list[Token] = []
    dotted = False  # has the run a middle initial?

    def flush() -> None:
        nonlocal dotted
        fact = _name_of(run, dotted)
        dotted = False
        if fact is not None:
            out.append(fact)
            if keep_runs:
                runs.append(run.copy())
        run.clear()

    sentence_start = True
    prev = None  # the word before a dot
    for t in tokens:
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
                        flush()
                    sentence_start = False  # "Dr. Smith"
                    continue
            if run:
                flush()
            sentence_start = t.text in '.!?“"‘:' or (sentence_start and t.text in "“\"‘'(")
            prev = None
            continue
        prev = t
        # (inline, not a function: this runs for every word of every changed claim)
        is_name = False
        if t.text[0].isupper() and t.text != "I":
            low = t.key.rstrip(".")
            is_name = low not in MONTHS and low not in WEEKDAYS and (not sentence_start or t.key in proper)
        if is_name and (not t.text.isupper() or len(t.text) <= 5 or t.key in proper):
            run.append(t)
        elif run:
            flush()
        sentence_start = False
    if run:
        flush()
    return NameScan(out, runs)


def _name_of(run: list[Token], dotted: bool) -> Fact | None:
    """The name in a run of capitalised words (``dotted``: with a middle initial), its titles
    and stopwords left out; None when nothing is left."""
    if dotted:
        words = _initialled(run)
        if not words:
            return None
        key = " ".join(POSSESSIVE.sub("", x.key) for x in words if x.is_word)
        return Fact(NAME_ALIASES.get(key, key), written(words), (words[0].start, words[-1].end))
    words = [x for x in run if x.key not in TITLE_WORDS and x.key not in STOPWORDS]
    if not words:
        return None
    key = " ".join(POSSESSIVE.sub("", x.key) for x in words)
    text = " ".join(x.text for x in words)
    return Fact(NAME_ALIASES.get(key, key), text, (words[0].start, words[-1].end))


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


def names_flag(fa: list[Fact], fb: list[Fact], diff: Sequence[DiffOp] = ()) -> Flag | None:
    """Names dropped and names added; a swap only where the word diff replaces one by the other."""
    lost = [f for f in fa if not any(name_match(f.key, g.key) for g in fb)]
    gained = [f for f in fb if not any(name_match(f.key, g.key) for g in fa)]
    if not lost and not gained:
        return None
    swaps = _swaps(lost, gained, diff) if lost and gained else []
    return Flag(
        FlagType.NAME,
        listed(lost),
        listed(gained),
        _message(lost, gained, swaps),
        lost[0].span if lost else None,
        gained[0].span if gained else None,
    )


def _swaps(lost: list[Fact], gained: list[Fact], diff: Sequence[DiffOp]) -> list[tuple[Fact, Fact]]:
    """The names the word diff replaces one by one, each name in one swap at most."""
    swaps: list[tuple[Fact, Fact]] = []
    for op in diff:
        if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
            continue
        la = list({f.key: f for f in lost if overlaps(f.span, op.original)}.values())
        lb = list({f.key: f for f in gained if overlaps(f.span, op.rewrite)}.values())
        if len(la) == 1 and len(lb) == 1 and not any(la[0] is x or lb[0] is y for x, y in swaps):
            swaps.append((la[0], lb[0]))
    return swaps


def _message(lost: list[Fact], gained: list[Fact], swaps: list[tuple[Fact, Fact]]) -> str:
    """The flag's message: "name changed: A → B", "names dropped: A, B; added: C" …"""
    swapped_a = {x.key for x, _ in swaps}
    swapped_b = {y.key for _, y in swaps}
    dropped = listed(f for f in lost if f.key not in swapped_a)
    added = listed(f for f in gained if f.key not in swapped_b)
    parts = [f"{x.text} → {y.text}" for x, y in swaps]
    parts += [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
    several = len(dict.fromkeys(f.key for f in lost)) + len(dict.fromkeys(f.key for f in gained)) > (
        2 if swaps else 1
    )
    label = "names" if several else "name"
    return f"{label} changed: " + "; ".join(parts) if swaps else f"{label} " + "; ".join(parts)
