"""Fact-sensitive differences inside a linked change: numbers, dates, names, titles, hedges,
negation, attribution, quotations and meaning-changing word substitutions. Each flag carries
both sides' wording, a one-line message, what the rewrite did to the fact (``change``:
omitted, changed or added) and how much it matters (``severity``).

Extraction is rule based and fast; a flag is raised when the *normalised* facts of the two
sides differ ("3" and "three" are the same number, "may" and "might" the same hedge, "José"
and "Jose" the same name). A value the rewrite adds counts as added only when the whole
original has it nowhere. One module per family of rules; their word lists are in
:mod:`factcheck_gui.engine.lexicon`.

:func:`fact_flags` returns every flag; :func:`split_omitted` parts the flags a reviewer must
check (changed or added facts) from the omissions and low notes (a figure left out, "about
250" for 248, "yesterday" for "Thursday", a name, date or figure only the rewrite gives), which
are not changes of fact.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import replace

from factcheck_gui.engine.flags._common import headline_spans, tokens_of
from factcheck_gui.engine.flags.dates import date_flags
from factcheck_gui.engine.flags.markers import marker_flags
from factcheck_gui.engine.flags.names import name_flags, scan_names
from factcheck_gui.engine.flags.numbers import number_flags
from factcheck_gui.engine.flags.quotations import QuoteContext, quote_flags
from factcheck_gui.engine.flags.substitutions import substitution_flags
from factcheck_gui.engine.flags.titles import may_have_titles, mentions, title_flags
from factcheck_gui.engine.flags.whole import FlagContext, whole_of
from factcheck_gui.engine.lexicon import STOPWORDS
from factcheck_gui.engine.normalize import Token, stem
from factcheck_gui.engine.types import Claim, DiffOp, Flag, FlagChange, FlagType, Severity

__all__ = ["FlagContext", "QuoteContext", "fact_flags", "quote_flags", "split_omitted"]


def fact_flags(
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    proper: Container[str],
    diff: Sequence[DiffOp] = (),
    context: FlagContext | None = None,
) -> list[Flag]:
    """All fact flags between two sides of a change, omissions and low notes included
    (``proper``: keys of words that are names even at a sentence start; ``diff``: their word
    diff, if known; ``context``: the whole texts, where an added value is looked for — without
    it, only the two sides are)."""
    flags: list[Flag] = []
    ta, tb = tokens_of(orig), tokens_of(rew)
    whole = whole_of(context, orig, rew)
    # Two claims that share so few words are hardly one claim: their facts are no two values
    # of one fact, so what differs is shown as a low note — but a figure restated with what it
    # counts ("170 people" / "160 people") is one fact changed.
    few = _few_words_shared(ta, tb)
    heads_a, heads_b = headline_spans(orig), headline_spans(rew)
    numbers = number_flags(orig, rew, ta, tb, diff, whole, few, (heads_a, heads_b))
    flags.extend(date_flags(orig, rew, ta, tb, whole))
    titles = may_have_titles(ta, orig) or may_have_titles(tb, rew)
    running = whole.running_proper
    scan_a = scan_names(ta, proper, titles, heads_a, running)
    scan_b = scan_names(tb, proper, titles, heads_b, running)
    flags.extend(name_flags(scan_a, scan_b, ta, tb, diff, whole))
    if titles:
        flags.extend(title_flags(mentions(ta, scan_a), mentions(tb, scan_b), ta, tb, whole))
    flags.extend(marker_flags(orig, rew, ta, tb))
    if diff:
        swapped = substitution_flags(ta, tb, diff)
        if swapped:
            flags = _not_dropped(flags, swapped)
            flags.extend(swapped)
    if flags and few:
        flags = [_as_note(f) for f in flags]
    spoken_of: set[str] | None = None  # stems of the original's content words, when asked
    out = []
    for f in numbers + flags:
        if f.type is FlagType.NUMBER and f.change is FlagChange.ADDED and f.severity is Severity.MEDIUM:
            if spoken_of is None:
                spoken_of = {stem(t.key) for t in ta if t.is_word and t.key not in STOPWORDS}
            if _counts_what_was_said(f, spoken_of):
                out.append(f)  # "Police arrested protesters" → "… arrested 40 protesters"
                continue
        out.append(_as_detail(f))
    return out


def _not_dropped(flags: list[Flag], swapped: list[Flag]) -> list[Flag]:
    """Without an "attribution dropped" whose verb the rewrite replaced by another word
    ("Officials confirmed …" → "Officials suspected …" is a word changed, not a claim now
    stated as fact): the substitution flag says what happened."""
    spans = [f.original_span for f in swapped if f.original_span is not None]
    return [
        f
        for f in flags
        if not (
            f.type is FlagType.ATTRIBUTION
            and f.rewrite_span is None
            and f.original_span is not None
            and any(f.original_span[0] <= s[0] and s[1] <= f.original_span[1] for s in spans)
        )
    ]


FEW_WORDS = 0.2  # content words the two sides share (Dice), under which they are hardly one claim


def _few_words_shared(ta: Sequence[Token], tb: Sequence[Token]) -> bool:
    a = {t.key for t in ta if t.is_word and t.key not in STOPWORDS}
    b = {t.key for t in tb if t.is_word and t.key not in STOPWORDS}
    return bool(a and b) and 2 * len(a & b) < FEW_WORDS * (len(a) + len(b))


def _as_note(f: Flag) -> Flag:
    if f.severity is Severity.LOW:
        return f
    return replace(f, severity=Severity.LOW, message=f"{f.message} (the two claims share few words)")


# Values a rewrite may add to a claim it restates without changing any of the claim's facts:
# who said it ("Pentagon spokesman Peter Cook said"), a title or full name for someone the
# original names ("President Barack Obama"), background from elsewhere ("commander of Submarine
# Squadron 11", "as of January 2024"). News rewrites add such detail all the time; it is no
# value of the original's changed into another (those are "changed" flags, of high severity),
# so it is a note to check, not a changed fact.
_DETAIL_TYPES = frozenset({FlagType.NAME, FlagType.DATE, FlagType.NUMBER})


def _counts_what_was_said(f: Flag, spoken_of: set[str]) -> bool:
    """Does an added figure count something the original states without a figure ("40
    protesters" where the original says "protesters")? That is a figure invented for a fact
    of the source, not background the rewrite brings in: it stays a flag."""
    words = [w for w in _WORDS.findall(f.rewrite.lower()) if not w[0].isdigit()]
    return any(w not in STOPWORDS and stem(w) in spoken_of for w in words)


_WORDS = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")


def _as_detail(f: Flag) -> Flag:
    if f.change is not FlagChange.ADDED or f.severity is not Severity.MEDIUM or f.type not in _DETAIL_TYPES:
        return f
    return replace(f, severity=Severity.LOW)


def is_omitted(flag: Flag) -> bool:
    """An omission or a low note: not a change of fact."""
    return flag.change is FlagChange.OMITTED or flag.severity is Severity.LOW


def split_omitted(flags: Iterable[Flag]) -> tuple[list[Flag], list[Flag]]:
    """(the flags of changed or added facts, the omissions and low notes), each in order."""
    kept: list[Flag] = []
    omitted: list[Flag] = []
    for f in flags:
        (omitted if is_omitted(f) else kept).append(f)
    return kept, omitted
