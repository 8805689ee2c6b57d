"""Quotations in the rewrite, checked against the whole original (not only the aligned claim).

A quotation is fine when its words stand inside a quotation in the original. Otherwise it is
``quote_altered`` (the source quotes the speaker, but in other words) or ``quote_unsourced``
(the original has the words only as reported speech, or not at all); the closest wording of
the original is reported either way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from factcheck_gui.engine.normalize import fold_quotes
from factcheck_gui.engine.types import Claim, Flag, FlagType

# Double quotes (curly or straight), and single curly quotes that open after a space/quote/dash.
_DOUBLE = re.compile(r"“([^”“]{2,3000})”|\"([^\"\n]{2,3000})\"|«([^»]{2,3000})»")
# (The mark comes first and the look-behind after it, so the scan can jump from mark to mark.)
_SINGLE = re.compile(r"‘(?<![^\s“\"(—–-]‘)([^‘’]{2,600}?)’(?![a-z])")
VERBATIM = 93  # partial_ratio at or above which the words are the source's words
CLOSE = 70  # at or above: a recognisable but altered version of source wording
RELATED = 40  # below: nothing in the original is worth showing as "nearest wording"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offsets of the quoted words (inside the marks) in the full text
    end: int
    text: str


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotations in ``text[start:end]`` (absolute offsets), outermost first, then nested ones."""
    end = len(text) if end is None else end
    found: list[Quote] = []
    for m in _DOUBLE.finditer(text, start, end):
        g = next(k for k in (1, 2, 3) if m.group(k) is not None)
        found.append(Quote(m.start(g), m.end(g), m.group(g)))
    for m in _SINGLE.finditer(text, start, end):
        found.append(Quote(m.start(1), m.end(1), m.group(1)))
    return sorted(found, key=lambda q: (q.start, -q.end))


def _key(s: str) -> str:
    """Comparison form of quoted words: no punctuation, no quote marks, case folded."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold_quotes(s)).split()).casefold()


@dataclass(frozen=True, slots=True)
class _Source:
    claims: Sequence[Claim]
    text: str
    quotes: list[Quote]
    quote_keys: list[str]
    # Lookup aids: every quotation key in one string ("\n" never occurs in a key), the quote
    # starts in order with the furthest end reached so far, and the words of claims seen.
    all_keys: str = ""
    starts: list[int] = field(default_factory=list)
    reach: list[int] = field(default_factory=list)
    words: dict[int, tuple[list[str], list[tuple[int, int]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, claims: Sequence[Claim]) -> _Source:
        qs = find_quotes(text)
        keys = [_key(q.text) for q in qs]
        reach: list[int] = []
        for q in qs:  # sorted by start
            reach.append(max(q.end, reach[-1]) if reach else q.end)
        return cls(claims, text, qs, keys, "\n".join(keys), [q.start for q in qs], reach)

    def quoted(self, key: str) -> bool:
        """Is ``key`` (non-empty) within the words of some quotation of the source?"""
        return key in self.all_keys

    def claim_words(self, ci: int) -> tuple[list[str], list[tuple[int, int]]]:
        got = self.words.get(ci)
        if got is None:
            c = self.claims[ci]
            got = self.words[ci] = _word_spans(c.text, c.start)
        return got


def _inside_quote(src: _Source, start: int, end: int) -> bool:
    """Does a quotation of the source enclose ``start:end`` (its closing mark may end it)?"""
    k = bisect.bisect_right(src.starts, start)
    return k > 0 and end <= src.reach[k - 1] + 1


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_GAP = 12  # words skipped in the source between two matched stretches of one quotation


def _word_spans(text: str, base: int) -> tuple[list[str], list[tuple[int, int]]]:
    ws, spans = [], []
    for m in _WORDS.finditer(text):
        ws.append(fold_quotes(m.group()).casefold())
        spans.append((base + m.start(), base + m.end()))
    return ws, spans


def _best_wording(src: _Source, key: str, candidates: Sequence[int]) -> tuple[float, int, int]:
    """Best (score 0–100, start, end) location of the quoted words among candidate claims.

    The score is the share of the quotation's words found in order in one stretch of the
    source claim (gaps of up to MAX_GAP words allowed), so a quotation stitched together from
    reported speech ("would be making a big mistake … would respond") is still found.
    """
    qwords = key.split()
    best = (0.0, -1, -1)
    for ci in candidates:
        cwords, cspans = src.claim_words(ci)
        blocks = [b for b in Indel.opcodes(qwords, cwords) if b.tag == "equal"]
        # densest run of matched blocks with small gaps between them
        run_start, matched = 0, 0
        for k, blk in enumerate(blocks):
            if k and blk.dest_start - blocks[k - 1].dest_end > MAX_GAP:
                run_start, matched = k, 0
            matched += blk.src_end - blk.src_start
            score = 100.0 * matched / len(qwords)
            if score > best[0]:
                first = blocks[run_start]
                best = (score, cspans[first.dest_start][0], cspans[blk.dest_end - 1][1])
    return best


def _excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to about ``limit`` characters (for messages)."""
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _context(src: _Source, candidates: Sequence[int], start: int, end: int, width: int = 40) -> str:
    """The source words at ``start:end`` with a few words either side, on one line."""
    claim = next(
        (src.claims[ci] for ci in candidates if src.claims[ci].start <= start < src.claims[ci].end), None
    )
    lo, hi = (claim.start, claim.end) if claim else (start, end)
    left = src.text[max(lo, start - width) : start]
    right = src.text[end : min(hi, end + width)]
    if start - width > lo and " " in left:
        left = "…" + left[left.index(" ") + 1 :]
    if end + width < hi and " " in right:
        right = right[: right.rindex(" ")] + "…"
    return " ".join((left + src.text[start:end] + right).split())


def check_quotes(
    rew_text: str,
    rew_claim: Claim,
    src_text: str,
    src_claims: Sequence[Claim],
    candidates: Sequence[int],
    source: _Source | None = None,
) -> list[Flag]:
    """Flags for the quotations of one rewrite claim."""
    src = source or _Source.of(src_text, src_claims)
    flags: list[Flag] = []
    quotes = find_quotes(rew_text, rew_claim.start, rew_claim.end)
    for q in quotes:
        key = _key(q.text)
        n_words = len(key.split())
        if not key:
            continue
        # Verbatim inside an original quotation: fine (the source's own quoted words).
        if src.quoted(key):
            continue
        score, s, e = _best_wording(src, key, candidates)
        # The flag carries both sides' words in full; only the one-line message abbreviates.
        nearest = src_text[s:e] if s >= 0 else ""
        quoted = f"“{_excerpt(q.text, 60)}”"
        nearest_shown = f"“{_excerpt(nearest, 200)}”"
        inside = s >= 0 and _inside_quote(src, s, e)
        if score >= VERBATIM and not inside:
            msg = (
                f"{quoted} newly put in quotation marks; the original has them unquoted: "
                f"“{_context(src, candidates, s, e)}”"
                if n_words <= 4
                else f"{quoted} presented as a direct quotation, but the original has these words only as "
                f"reported speech: {nearest_shown}"
            )
            flags.append(Flag(FlagType.QUOTE_UNSOURCED, nearest, q.text, msg, (s, e), (q.start, q.end)))
        elif score >= VERBATIM:
            continue  # verbatim apart from punctuation, inside a source quotation
        elif score >= CLOSE and inside:
            flags.append(
                Flag(
                    FlagType.QUOTE_ALTERED,
                    nearest,
                    q.text,
                    f"quotation {quoted} differs from the source's; the original quotes: {nearest_shown}",
                    (s, e),
                    (q.start, q.end),
                )
            )
        elif score >= CLOSE:
            flags.append(
                Flag(
                    FlagType.QUOTE_UNSOURCED,
                    nearest,
                    q.text,
                    f"{quoted} presented as a direct quotation; the original never quotes these words "
                    f"(nearest source wording, as reported speech: {nearest_shown})",
                    (s, e),
                    (q.start, q.end),
                )
            )
        elif n_words >= 2:
            related = score >= RELATED
            flags.append(
                Flag(
                    FlagType.QUOTE_UNSOURCED,
                    nearest if related else "",
                    q.text,
                    f"quoted words not found in the original: {quoted}"
                    + (f"; nearest source wording: {nearest_shown}" if related else ""),
                    (s, e) if related else None,
                    (q.start, q.end),
                )
            )
    return flags


Source = _Source
