"""Quotations in the rewrite, checked against the whole original (not only the aligned claim).

A quotation is fine when its words stand inside a quotation in the original — or anywhere in
it, when the original is the speaker's own words (a statement or transcript: first person
outside quotation marks, or speaker labels such as "SECRETARY KERRY:"). Words are compared
with quote style, case, punctuation and contractions folded ("We're" is "We are"); a bracketed
insertion ("[It] may") stands for any words and an ellipsis for a cut. Otherwise a quotation
is ``quote_altered`` (the source quotes the speaker, or is the speaker, but in other words) or
``quote_unsourced`` (the original has the words only as reported speech, or not at all); the
closest wording of the original is reported either way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

from rapidfuzz.distance import Indel

from factcheck_gui.engine import memo
from factcheck_gui.engine.lexicon import ATTRIBUTION_VERBS, CONTRACTIONS, IRREGULAR_CONTRACTIONS, S_IS_WORDS
from factcheck_gui.engine.normalize import fold_quotes
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity

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


_CONTRACTED = re.compile(r"\b(\w+)('(?:re|ve|ll|m|d|s)|n't)\b", re.IGNORECASE)
_IRREGULAR = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in IRREGULAR_CONTRACTIONS) + r")\b", re.IGNORECASE
)


def _expand(text: str) -> str:
    """Contractions written out: "We're" → "We are", "didn't" → "did not", "it's" → "it is"
    (a possessive "'s" stays)."""
    if "'" not in text:
        return text
    text = _IRREGULAR.sub(lambda m: IRREGULAR_CONTRACTIONS[m.group().lower()], text)

    def one(m: re.Match[str]) -> str:
        word, tail = m.group(1), m.group(2).lower()
        if tail == "'s":
            return f"{word} is" if word.lower() in S_IS_WORDS else m.group()
        return word + CONTRACTIONS[tail]

    return _CONTRACTED.sub(one, text)


# A dotted initialism: "U.K." is the word "UK" ("a.m." is "am").
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}")


def _undotted(m: re.Match[str]) -> str:
    return m.group().replace(".", "")


def _key(s: str) -> str:
    """Comparison form of quoted words: no punctuation, no quote marks, contractions written
    out, initialisms without their dots, case folded."""
    if "." in s:
        s = _DOTTED.sub(_undotted, s)
    return " ".join(re.sub(r"[^\w\s]", " ", _expand(fold_quotes(s))).split()).casefold()


# A bracketed insertion ("[It]", "[North Korea]") or an ellipsis ("…", "...", ". . .").
_CUT = re.compile(r"\[[^\]]{0,80}\]|…|\.\s?\.\s?\.")


@lru_cache(maxsize=4096)
def _segments(quote: str) -> tuple[str, ...]:
    """The keys of the stretches of a quotation between its cuts and bracketed insertions."""
    return tuple([k for k in (_key(part) for part in _CUT.split(quote)) if k])


# The first person outside quotation marks, and speaker labels: the speaker's own words.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|me|[Mm]yself|[Oo]urselves)\b")
_LABEL = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,6}):")
_REPORTED = re.compile(r"\b(?:said|says|told|according to|reported)\b")
# A claim that reports what someone said or how they called something.
_NAMING_VERBS = frozenset(
    "call calls called calling describe describes described dub dubs dubbed term terms termed "
    "label labels labelled labeled brand brands branded urge urges urged tweet tweets tweeted "
    "posted believe believes believed ask asks asked testify testifies testified find finds "
    "found think thinks thought".split()
)
_REPORTING = re.compile(
    r"\b(?:" + "|".join(sorted(ATTRIBUTION_VERBS | _NAMING_VERBS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
OWN_WORDS_SAMPLE = 150  # claims of the original looked at to tell whose words it is
SEARCHED_WHOLE = 1 << 16  # characters of quotation words searched whole; more are indexed


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
    memo: dict[str, Any] = field(default_factory=dict)  # lookups built on first use

    @classmethod
    def of(cls, text: str, claims: Sequence[Claim]) -> _Source:
        qs = find_quotes(text)
        keys = [_key(q.text) for q in qs]
        reach: list[int] = []
        for q in qs:  # sorted by start
            reach.append(max(q.end, reach[-1]) if reach else q.end)
        return cls(claims, text, qs, keys, "\n".join(keys), [q.start for q in qs], reach)

    def quoted(self, key: str) -> bool:
        """Are the words ``key`` (non-empty) words of some quotation of the source, in a row?

        A long source (many quotations) is looked up by the quotations that have the key's
        rarest word, so a lookup costs what those quotations do, not the whole source."""
        if len(self.all_keys) <= SEARCHED_WHOLE:
            padded = self.memo.get("padded")
            if padded is None:
                padded = self.memo["padded"] = f" {self.all_keys.replace(chr(10), ' ' + chr(10) + ' ')} "
            return f" {key} " in padded
        index: dict[str, list[int]] | None = self.memo.get("index")
        if index is None:
            index = self.memo["index"] = self._word_index()
        rarest: list[int] | None = None
        for w in key.split():
            got = index.get(w)
            if not got:
                return False
            if rarest is None or len(got) < len(rarest):
                rarest = got
        needle = f" {key} "
        keys = self.quote_keys
        return any(needle in f" {keys[i]} " for i in rarest or ())

    def _word_index(self) -> dict[str, list[int]]:
        """Each word of the quotations → the quotations it is in, in order."""
        index: dict[str, list[int]] = {}
        for i, k in enumerate(self.quote_keys):
            for w in set(k.split()):
                index.setdefault(w, []).append(i)
        return index

    def claim_words(self, ci: int) -> tuple[list[str], list[tuple[int, int]]]:
        got = self.words.get(ci)
        if got is None:
            c = self.claims[ci]
            got = self.words[ci] = _word_spans(c.text, c.start)
        return got

    def text_words(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """:func:`_word_spans` of a claim's text, at offset 0 (by text: claims repeat)."""
        by_text: dict[str, tuple[list[str], list[tuple[int, int]]]] = self.memo.setdefault("text_words", {})
        got = by_text.get(text)
        if got is None:
            got = by_text[text] = _word_spans(text, 0)
        return got

    def quoted_all(self, segments: Sequence[str]) -> bool:
        """Is each stretch of a quotation within the words of some quotation of the source?"""
        seen: dict[str, bool] = self.memo.setdefault("quoted", {})
        for k in segments:
            got = seen.get(k)
            if got is None:
                got = seen[k] = self.quoted(k)
            if not got:
                return False
        return True

    def remembered(self, what: str, args: tuple[Any, ...], work: Callable[[], bool]) -> bool:
        """``work()``, once for each ``args`` (lookups a repeated quotation asks again)."""
        seen: dict[tuple[Any, ...], bool] = self.memo.setdefault(what, {})
        got = seen.get(args)
        if got is None:
            got = seen[args] = work()
        return got

    def verbatim(self, segments: Sequence[str], start: int, end: int, length: int) -> bool:
        """Are the stretches of a quotation (of ``length`` characters), in order, the source's
        words (quoted or not) around ``start:end``, where its closest wording is?"""
        margin = 2 * length + 100
        plain = f" {_key(self.text[max(0, start - margin) : end + margin])} "
        at = 0
        for k in segments:
            found = plain.find(f" {k} ", at)
            if found < 0:
                return False
            at = found + len(k) + 1
        return True

    def own_words(self, start: int) -> bool:
        """Are the source's words at ``start`` the speaker's own: is the whole original a
        statement or transcript (speaker labels; mostly first person outside quotation marks),
        or is the claim there in the first person outside quotation marks?"""
        doc = self.memo.get("own")
        if doc is None:
            doc = self.memo["own"] = self._own_document()
        if doc:
            return True
        k = bisect.bisect_right(self._claim_starts, start) - 1
        return k >= 0 and self._first_person(self.claims[k])

    @property
    def _claim_starts(self) -> list[int]:
        got = self.memo.get("starts")
        if got is None:
            got = self.memo["starts"] = [c.start for c in self.claims]
        return got

    def _own_document(self) -> bool:
        sample = self.claims[:OWN_WORDS_SAMPLE]
        if not sample:
            return False
        head = self.text[: sample[-1].end]
        if len(_LABEL.findall(head)) >= 2:
            return True
        first = reported = 0
        for c in sample:
            plain = self._unquoted(c)
            first += _FIRST_PERSON.search(plain) is not None
            reported += _REPORTED.search(plain) is not None
        return first >= 2 and first > reported

    def reported_at(self, start: int) -> bool:
        """Does the source claim at ``start`` report someone's words or view (a reporting verb
        or "according to" outside its quotation marks: "She said the budget…", "He called
        it…")? If not, its words are the document's own statement."""
        k = bisect.bisect_right(self._claim_starts, start) - 1
        return k >= 0 and _REPORTING.search(self._unquoted(self.claims[k])) is not None

    def _first_person(self, c: Claim) -> bool:
        return _FIRST_PERSON.search(self._unquoted(c)) is not None or _LABEL.match(c.text) is not None

    def _unquoted(self, c: Claim) -> str:
        """The claim's text with its quotations blanked out."""
        k = bisect.bisect_left(self.starts, c.start)
        end = k
        while end < len(self.quotes) and self.quotes[end].start < c.end:
            end += 1
        return _blanked(c, self.quotes[k:end])


# The rewrite's words outside a claim's quotation marks that give it as an institution's or
# a document's: "the agency said in a statement", "according to the department", "it added".
_INSTITUTION = re.compile(
    r"\b(?:agency|agency's|department|ministry|government|statement|release|report|office|embassy|"
    r"administration|commission|committee|council|company|organi[sz]ation|bureau|authority|"
    r"website|fact sheet|document|communiqu[eé])\b|\bit (?:said|says|added|adds|noted|notes|stated|states)\b",
    re.IGNORECASE,
)


def _blanked(claim: Claim, quotes: Sequence[Quote]) -> str:
    """The claim's text with the parts inside ``quotes`` (spans in the whole text) blanked out."""
    text = claim.text
    for q in quotes:
        a, b = max(q.start, claim.start) - claim.start, min(q.end, claim.end) - claim.start
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _inside_quote(src: _Source, start: int, end: int) -> bool:
    """Does a quotation of the source enclose ``start:end`` (its closing mark may end it)?"""
    k = bisect.bisect_right(src.starts, start)
    return k > 0 and end <= src.reach[k - 1] + 1


_WORDS = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")  # "U.K." is one word
MAX_GAP = 12  # words skipped in the source between two matched stretches of one quotation


_WORDS_SPLIT = re.compile(f"({_WORDS.pattern})")  # (split gives words and what is between)


def _word_spans(text: str, base: int) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``text`` in lower case (contractions written out) and their spans plus
    ``base``; built list by list, as a source claim of 1,500 characters has hundreds."""
    parts = _WORDS_SPLIT.split(text)
    at = list(accumulate(map(len, parts), initial=base))  # at[k]: where parts[k] starts
    ws = list(map(str.casefold, parts[1::2]))
    if "." in text and _DOTTED.search(text):  # a dotted initialism is its letters ("U.K." / "UK")
        ws = [w.replace(".", "") if "." in w else w for w in ws]
    spans = list(zip(at[1:-1:2], at[2::2], strict=True))
    if "'" not in text and "’" not in text:
        return ws, spans
    out_w: list[str] = []
    out_s: list[tuple[int, int]] = []
    for w, span in zip(ws, spans, strict=True):
        if "’" in w:
            w = w.replace("’", "'")  # (the only quote mark a word holds)
        if "'" in w:  # "we're": "we", "are", both at the word's place
            for part in _key(w).split():
                out_w.append(part)
                out_s.append(span)
            continue
        out_w.append(w)
        out_s.append(span)
    return out_w, out_s


def _best_wording(src: _Source, key: str, candidates: Sequence[int]) -> tuple[float, int, int]:
    """Best (score 0–100, start, end) location of the quoted words among candidate claims.

    The score is the share of the quotation's words found in order in one stretch of the
    source claim (gaps of up to MAX_GAP words allowed), so a quotation stitched together from
    reported speech ("would be making a big mistake … would respond") is still found. A
    quotation that the best claim holds only in part is also looked for in that claim with its
    neighbours (a quotation that runs over two sentences of the source).
    """
    qwords = key.split()
    best = (0.0, -1, -1)
    best_ci = -1
    # (by the claim's words: a story that repeats a sentence has it scored once)
    runs: dict[tuple[str, str], tuple[float, int, int]] = src.memo.setdefault("runs", {})
    claims = src.claims
    for ci in candidates:
        c = claims[ci]
        got = runs.get((key, c.text)) if memo.REUSE else None
        if got is None:
            got = runs[(key, c.text)] = _run_score(qwords, *src.text_words(c.text))
        if got[0] > best[0]:
            best, best_ci = (got[0], got[1] + c.start, got[2] + c.start), ci
    if best_ci >= 0 and best[0] < VERBATIM and len(qwords) >= 8:
        lo, hi = max(0, best_ci - 1), min(len(src.claims), best_ci + 2)
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        for ci in range(lo, hi):
            w, sp = src.claim_words(ci)
            words += w
            spans += sp
        got = _run_score(qwords, words, spans)
        if got[0] > best[0]:
            best = got
    return best


def _run_score(qwords: list[str], cwords: list[str], cspans: list[tuple[int, int]]) -> tuple[float, int, int]:
    """(score, start, end) of the densest run of the quotation's words in one claim's words."""
    best = (0.0, -1, -1)
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


def _faithful(src: _Source, segments: Sequence[str], start: int, end: int) -> bool:
    """Are the stretches of a quotation the source's words at ``start:end`` word for word:
    no word of the quotation missing there (an inserted "not", "completely"), and no word of
    the source's quotation left out but at a cut ("…") or where the source's narration stands
    between two of its quotations ("…," he said. "…")?"""
    qwords: list[str] = []
    cuts: set[int] = set()
    for seg in segments:
        qwords += seg.split()
        cuts.add(len(qwords))
    cwords, cspans = _word_spans(src.text[start:end], start)
    prev_end = -1
    for blk in Indel.opcodes(qwords, cwords):
        if blk.tag == "equal":
            prev_end = blk.src_end
            continue
        if blk.src_end > blk.src_start:
            return False  # a word the source does not have there
        if prev_end >= 0 and blk.src_start < len(qwords) and blk.src_start not in cuts:
            lo, hi = cspans[blk.dest_start][0], cspans[blk.dest_end - 1][1]
            if _inside_quote(src, lo, hi):
                return False  # words of the source's quotation left out without a cut
    return True


def _quoted_in_parts(src: _Source, key: str, start: int, end: int) -> bool:
    """Do the quotation's words stand at ``start:end`` in quotations of the source, each
    stretch in one ("…,” he said. “…": two quotations joined, the narration left out)?"""
    cwords, cspans = _word_spans(src.text[start:end], start)
    blocks = [b for b in Indel.opcodes(key.split(), cwords) if b.tag == "equal"]
    return len(blocks) > 1 and all(
        _inside_quote(src, cspans[b.dest_start][0], cspans[b.dest_end - 1][1]) for b in blocks
    )


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
    candidates: Sequence[int] | Callable[[Quote], Sequence[int]],
    source: _Source | None = None,
    quotes: Sequence[Quote] | None = None,
) -> list[Flag]:
    """Flags for the quotations of one rewrite claim (``quotes``, if found already), each
    looked for in the original claims ``candidates`` (or those ``candidates`` gives for it)."""
    src = source or _Source.of(src_text, src_claims)
    flags: list[Flag] = []
    if quotes is None:
        quotes = find_quotes(rew_text, rew_claim.start, rew_claim.end)
    verdicts: dict[tuple[str, tuple[int, ...], bool], Flag | None] = src.memo.setdefault("verdicts", {})
    # Quoted as what an institution or a document says ("…,” the agency said in a statement):
    # the original's own sentences may be what it says.
    institutional = bool(quotes) and _INSTITUTION.search(_blanked(rew_claim, quotes)) is not None
    for q in quotes:
        segments = _segments(q.text)
        key = " ".join(segments)
        if not key:
            continue
        # Verbatim inside an original quotation: fine (the source's own quoted words).
        if src.quoted_all(segments):
            continue
        cands = candidates(q) if callable(candidates) else candidates
        # The verdict on a quotation depends on its words and the claims it is looked for in,
        # not on where the rewrite has it: a story that repeats a quotation has it worked out
        # once (the flag then points at each place).
        seen_key = (q.text, tuple(cands), institutional)
        if seen_key in verdicts and memo.REUSE:
            seen = verdicts[seen_key]
            if seen is not None:
                flags.append(_at(seen, q))
            continue
        got = _verdict(src, q, segments, key, cands, institutional)
        verdicts[seen_key] = got
        if got is not None:
            flags.append(got)
    return flags


def _verdict(
    src: _Source,
    q: Quote,
    segments: Sequence[str],
    key: str,
    cands: Sequence[int],
    institutional: bool,
) -> Flag | None:
    """The flag for quotation ``q`` (its ``segments`` and their ``key``), looked for in the
    source claims ``cands``; None when it is fine. ``institutional``: the rewrite gives the
    quotation as what an institution or a document says."""
    n_words = len(key.split())
    score, s, e = _best_wording(src, key, cands)
    # The flag carries both sides' words in full; only the one-line message abbreviates.
    nearest = src.text[s:e] if s >= 0 else ""
    quoted = f"“{_excerpt(q.text, 60)}”"
    nearest_shown = f"“{_excerpt(nearest, 200)}”"
    if s >= 0 and score >= CLOSE and src.own_words(s):
        # The original is the speaker's own words: quoting them is right, word for word.
        n = len(q.text)
        if src.remembered("verbatim", (segments, s, e, n), lambda: src.verbatim(segments, s, e, n)):
            return None
        return _flag(
            FlagType.QUOTE_ALTERED,
            nearest,
            q,
            f"quotation {quoted} differs from the speaker's words in the original: {nearest_shown}",
            (s, e),
            HIGH,
        )
    inside = s >= 0 and (
        _inside_quote(src, s, e)
        or src.remembered("in_parts", (key, s, e), lambda: _quoted_in_parts(src, key, s, e))
    )
    if score >= VERBATIM and not inside:
        if institutional and not src.reported_at(s):
            # The original states these words itself (a release's own sentence, not anyone's
            # reported speech) and the rewrite quotes them as what the agency or its statement
            # says: it quotes the source rightly. (Given as a person's words, they stay new.)
            return None
        msg = (
            f"{quoted} newly put in quotation marks; the original has them unquoted: "
            f"“{_context(src, cands, s, e)}”"
            if n_words <= 4
            else f"{quoted} presented as a direct quotation, but the original has these words only as "
            f"reported speech: {nearest_shown}"
        )
        return _flag(FlagType.QUOTE_UNSOURCED, nearest, q, msg, (s, e), MEDIUM)
    if score >= VERBATIM and src.remembered(
        "faithful", (segments, s, e), lambda: _faithful(src, segments, s, e)
    ):
        return None  # verbatim apart from punctuation, inside a source quotation
    if score >= CLOSE and inside:
        return _flag(
            FlagType.QUOTE_ALTERED,
            nearest,
            q,
            f"quotation {quoted} differs from the source's; the original quotes: {nearest_shown}",
            (s, e),
            HIGH,
        )
    if score >= CLOSE:
        return _flag(
            FlagType.QUOTE_UNSOURCED,
            nearest,
            q,
            f"{quoted} presented as a direct quotation; the original never quotes these words "
            f"(nearest source wording, as reported speech: {nearest_shown})",
            (s, e),
            HIGH,
        )
    if n_words >= 2:
        related = score >= RELATED
        return _flag(
            FlagType.QUOTE_UNSOURCED,
            nearest if related else "",
            q,
            f"quoted words not found in the original: {quoted}"
            + (f"; nearest source wording: {nearest_shown}" if related else ""),
            (s, e) if related else None,
            HIGH,
            FlagChange.ADDED,
        )
    return None


def _at(flag: Flag, q: Quote) -> Flag:
    """``flag`` (a quotation's, worked out where the rewrite had it before) at ``q``."""
    if flag.rewrite_span == (q.start, q.end):
        return flag
    return replace(flag, rewrite_span=(q.start, q.end))


HIGH, MEDIUM = Severity.HIGH, Severity.MEDIUM


def _flag(
    kind: FlagType,
    nearest: str,
    q: Quote,
    message: str,
    span: tuple[int, int] | None,
    severity: Severity,
    change: FlagChange = FlagChange.CHANGED,
) -> Flag:
    return Flag(kind, nearest, q.text, message, span, (q.start, q.end), change, severity)


Source = _Source
