"""What makes two claims the same claim beyond their similarity score.

The similarity score (``similarity.py``) is symmetric and fitted on sentence pairs of equal
standing. Real rewrites add two kinds of evidence it cannot see:

- **containment** is asymmetric: a short source sentence that stands almost word for word
  inside a longer rewrite sentence (often inside a quotation) is restated there, though the
  length difference keeps the symmetric score low;
- **decisive numbers**: two look-alike background sentences ("the 2004 tsunami killed …",
  "the 2011 tsunami killed …") differ in the year that tells them apart, and a shared number
  ("40 dead") ties a heavily reworded headline to its source.

The link *rank* combines these with the score; it orders the linking phases and is never
reported as a similarity.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from factcheck_gui.engine.similarity import STOP_TERMS, Profile

MIN_SHARED_TERMS = 3  # content words two partially linked claims must share
MIN_REUSED_RUN = 4  # content words of a verbatim stretch that make two linked claims share a fragment
PARTIAL_COVERAGE = 0.45  # share of the smaller claim's word weight found in the larger one
PARTIAL_CHARS = 72  # rapidfuzz partial_ratio of the smaller claim inside the larger one

CONTAIN_COVER = 0.8  # share of the smaller claim's word weight inside the larger: contained
CONTAIN_RANK = 0.55  # rank of a contained pair at CONTAIN_COVER (rising to +0.2 at full cover)
NUMBER_BONUS = 0.06  # rank added for a shared number (counts, years: strong anchors)
YEAR_PENALTY = 0.15  # rank taken when both claims name years and share none

_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
# A header line of a transcript or release that names who took part or whom to ask
# ("Presenters: Secretary of Defense Robert Gates and Adm. Mike Mullen", "Media contact: …"):
# data about the document, not a claim of the story. Its names recur in the story's sentences
# ("Adm. Mike Mullen, chairman of the Joint Chiefs, said …"), which restate nothing of it.
_METADATA = re.compile(
    r"^(?:presenters?|participants?|panell?ists?|moderators?|speakers?|(?:media |press )?contacts?"
    r"|release (?:no\.?|number)|briefer|attendees?)\s*:\s"
)


def shared_content(a: Profile, b: Profile) -> int:
    return len(a.content & b.content)


def enough_shared(a: Profile, b: Profile) -> bool:
    """Do two claims share enough content words (not stopwords, not everyday news words)?

    Three shared words, or two that make up most of the content of the shorter claim
    ("Her deputy took over the ministry." in a longer sentence).
    """
    ca, cb = a.content, b.content
    shared = len(ca & cb)
    return shared >= MIN_SHARED_TERMS or (shared >= 2 and shared >= 0.6 * min(len(ca), len(cb)))


def _years(numbers: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in numbers if _YEAR.match(n))


def contained(a: Profile, b: Profile, shared: float) -> float:
    """How much of the smaller claim's word weight is in the larger (0 unless it is a real claim)."""
    small = min(a.weight, b.weight)
    cover = shared / small if small > 0 else 0.0
    if cover < CONTAIN_COVER:
        return 0.0
    both = len(a.content & b.content)
    fewest = min(len(a.content), len(b.content))
    if both >= MIN_SHARED_TERMS or (both >= 2 and both >= 0.8 * fewest):
        return cover
    return 0.0


# The title of a record rather than a story ("Transcript of VOA Interview with Secretary of
# State John Kerry", "DOD News Briefing with Secretary Gates"): it names who spoke, not what.
RECORD_WORDS = re.compile(r"\b(?:transcript|briefing|interview|remarks|press conference|news conference)\b")


def record_title(p: Profile) -> bool:
    """Is the claim a record's title: a line of at most 16 words, no full stop at its end,
    that names a transcript, briefing, interview or remarks?"""
    text = p.norm.rstrip()
    return (
        not text.endswith((".", '."', ".'"))
        and text.count(" ") < 16
        and RECORD_WORDS.search(text) is not None
    )


def metadata(p: Profile) -> bool:
    """Is the claim a header line naming a document's presenters, participants or contacts?"""
    return p.norm[:1] in "abcmprs" and _METADATA.match(p.norm) is not None


def link_rank(a: Profile, b: Profile, score: float, shared: float) -> float:
    """The order in which candidate pairs are linked: the score, plus containment and numbers.

    A document's header line (:func:`metadata`) pairs only with another such line, a record's
    title (:func:`record_title`) only with a claim that speaks of such a record."""
    return _rank(a, b, score, shared, metadata(a), metadata(b), record_title(a), record_title(b))


class LinkRanker:
    """:func:`link_rank` for many pairs: what it asks of each claim alone (a header line? a
    record's title?) asked once per claim, not once per pair (a claim has a dozen candidates)."""

    def __init__(self) -> None:
        self._kinds: dict[Profile, tuple[bool, bool]] = {}

    def _kind(self, p: Profile) -> tuple[bool, bool]:
        got = self._kinds.get(p)
        if got is None:
            got = self._kinds[p] = (metadata(p), record_title(p))
        return got

    def __call__(self, a: Profile, b: Profile, score: float, shared: float) -> float:
        (ma, ta), (mb, tb) = self._kind(a), self._kind(b)
        return _rank(a, b, score, shared, ma, mb, ta, tb)


def _rank(
    a: Profile, b: Profile, score: float, shared: float, ma: bool, mb: bool, ta: bool, tb: bool
) -> float:
    if ma is not mb:
        return score - 1.0
    if ta is not tb and RECORD_WORDS.search((b if ta else a).norm) is None:
        # a record's title is restated only where the record is spoken of ("In a one-on-one
        # interview with VOA's Scott Stearns, Kerry said …"), not by whatever names its speaker
        return score - 1.0
    rank = score
    cover = contained(a, b, shared)
    if cover:
        rank = max(rank, CONTAIN_RANK + (cover - CONTAIN_COVER))
    na, nb = a.numbers, b.numbers
    if na and nb:
        if not na.isdisjoint(nb):
            rank += NUMBER_BONUS
        else:
            ya, yb = _years(na), _years(nb)
            if ya and yb and ya.isdisjoint(yb):
                rank -= YEAR_PENALTY
    return rank


_RUN_WORDS = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")


# A claim's words (for shared_run) and the stretches of MIN_REUSED_RUN of them it has.
RunWords = tuple[list[str], frozenset[tuple[str, ...]]]


def _run_words(norm: str, cache: dict[str, RunWords]) -> RunWords:
    got = cache.get(norm)
    if got is None:
        ws = _RUN_WORDS.findall(norm)
        got = cache[norm] = (ws, frozenset(zip(*(ws[k:] for k in range(MIN_REUSED_RUN)), strict=False)))
    return got


def shared_run(a: Profile, b: Profile, cache: dict[str, RunWords]) -> int:
    """Content words in the longest stretch of words two claims share verbatim."""
    (wa, runs_a), (wb, runs_b) = _run_words(a.norm, cache), _run_words(b.norm, cache)
    if runs_a.isdisjoint(runs_b):
        return 0  # no stretch of MIN_REUSED_RUN words in both: no run to count (most pairs)
    best = 0
    for blk in Indel.opcodes(wa, wb):
        if blk.tag == "equal" and blk.src_end - blk.src_start >= MIN_REUSED_RUN:
            content = sum(1 for w in wa[blk.src_start : blk.src_end] if w not in STOP_TERMS)
            best = max(best, content)
    return best


def partial(o: Profile, r: Profile, shared: float) -> bool:
    """Does the smaller of the two claims restate a part of the larger one?"""
    small = min(o.weight, r.weight)
    if shared / small < PARTIAL_COVERAGE:
        return False
    if len(o.content & r.content) < MIN_SHARED_TERMS:
        return False
    a, b = (o.norm, r.norm) if len(o.norm) <= len(r.norm) else (r.norm, o.norm)
    return fuzz.partial_token_set_ratio(a, b) >= PARTIAL_CHARS or fuzz.partial_ratio(a, b) >= PARTIAL_CHARS
