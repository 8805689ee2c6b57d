"""Splitting a story into claims (sentences) with exact character offsets.

Chosen by measurement (see README, "Sentence splitter"): rules of our own run ~100x faster than
pysbd on news prose while handling what stories need — abbreviations, initials, decimals,
ellipses, quotations that run over several sentences, headlines and bullets without a final
period, and hard line wraps inside paragraphs (a re-flowed copy gives the same claims).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck_gui.engine.types import Claim, new_claim

MAX_CLAIM_CHARS = 1500  # longer run-ons (or text with no sentence ends) are cut at a space
SHORT_LINE = 45  # a line this short without final punctuation, before a capital, is a headline

# Titles before a name: never the end of a sentence.
_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres "
    "supt insp det cpl pvt fr messrs mmes mme mlle brig atty amb cdr".split()
)
# Abbreviations that usually continue the sentence, unless a typical sentence opener follows.
_ABBREVIATIONS = frozenset(
    "inc ltd co corp no nos vs v etc e.g i.e cf al approx dept est univ assn bros fig figs vol "
    "vols pp p ed eds jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur "
    "thurs fri sat sun mt ft ave blvd rd hwy govt intl natl min max tel ref".split()
)
_OPENERS = frozenset(
    "the a an he she it they we i in on at but this that these those there his her their its our "
    "my your after before when while however meanwhile and or so yet as if some many most "
    "according both no not one two three four five six seven eight nine ten what why how who "
    "where then also still last next earlier later since despite though although".split()
)

# ("[…][…]*" rather than "[…]+": a pattern that opens with a plain set lets the scan skip
# ahead to the next end mark instead of trying every position.)
# Closing quotes and brackets after the end mark belong to the sentence, and so does a
# footnote or endnote mark ("… 4 per cent.[1] Wages …", as the importers write them).
_SENT_END = re.compile(r"([.!?…؟][.!?…؟]*)((?:[\"”’'»)\]]|\[E?\d{1,3}\])*)(\s+)")
_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣–—]|\d{1,3}[.)])[ \t]+")
_TERMINAL = re.compile(r"[.!?…:;؟。！？](?:[\"”’'»)\]]|\[E?\d{1,3}\])*$")
_QUOTE_CHARS = re.compile(r"[“”\"]")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def line_breaks(text: str) -> dict[int, str]:
    """Classify each newline of ``text``: ``"para"`` (paragraph end) or ``"wrap"`` (hard wrap).

    A blank line always ends a paragraph. A single newline ends one after terminal
    punctuation, before or after a bullet, or after a short line (a headline); otherwise it is
    a hard wrap inside a paragraph.
    """
    kinds: dict[int, str] = {}
    lines = _lines(text)
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if not block:
            return
        width = max(len(text[s:e].strip()) for s, e in block)
        for i in range(len(block) - 1):
            s, e = block[i]
            ns, ne = block[i + 1]
            cur = text[s:e].rstrip()
            nxt = text[ns:ne]
            nxt_stripped = nxt.lstrip()
            if (
                _BULLET.match(nxt)
                or _TERMINAL.search(cur)
                or (_BULLET.match(text[s:e]) and not nxt[:1].isspace())
                or (
                    (len(cur.strip()) < 0.6 * width or len(cur.strip()) < SHORT_LINE)
                    and nxt_stripped[:1]
                    and (nxt_stripped[0].isupper() or nxt_stripped[0].isdigit() or nxt_stripped[0] in "“\"‘'")
                )
            ):
                kinds[e] = "para"
            else:
                kinds[e] = "wrap"
        block.clear()

    for i, (s, e) in enumerate(lines):
        if text[s:e].strip():
            block.append((s, e))
        else:
            flush()
            if i < len(lines) - 1:
                kinds[e] = "para"
    flush()
    return kinds


_WRAP_WS = re.compile(r"[ \t]*\n[ \t]*")


def reflow(text: str) -> str:
    """Join hard-wrapped lines of each paragraph with a space; everything else is unchanged.

    Text with one paragraph per line (or blank-line separated paragraphs) comes back identical.
    """
    kinds = line_breaks(text)
    if "wrap" not in kinds.values():
        return text
    out: list[str] = []
    pos = 0
    for m in _WRAP_WS.finditer(text):
        nl = m.start() + m.group().index("\n")
        if kinds.get(nl) == "wrap":
            out.append(text[pos : m.start()])
            # "high-\nprecision" is one compound word broken at its hyphen
            hyphen = m.start() >= 2 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha()
            out.append("" if hyphen and text[m.end() : m.end() + 1].isalpha() else " ")
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of lines joined by hard wraps."""
    kinds = line_breaks(text)
    start = 0
    for nl, kind in sorted(kinds.items()):
        if kind == "para":
            yield start, nl
            start = nl + 1
    yield start, len(text)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Closed double quotations inside ``text[start:end]`` (absolute offsets)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch, p = m.group(), m.start()
        if ch == "“":
            open_at = p
        elif ch == "”":
            if open_at is not None:
                spans.append((open_at, p + 1))
                open_at = None
        else:  # straight quote: opens after a space or at a start, closes otherwise
            prev = text[p - 1] if p > start else " "
            if open_at is None and (prev.isspace() or prev in "([{—–-:"):
                open_at = p
            elif open_at is not None:
                spans.append((open_at, p + 1))
                open_at = None
    return [(s, e) for s, e in spans if e - s <= 3000]


def _word_before(text: str, pos: int, floor: int) -> str:
    """The word (dotted acronyms included: "U.S") that ends at ``pos``."""
    space = text.rfind(" ", floor, pos)
    plain = text[space + 1 if space >= 0 else floor : pos]
    if plain.isalnum():
        return plain  # the common case: a plain word after a space (what the loop finds)
    start = pos
    while start > floor and (
        text[start - 1].isalnum()
        or (text[start - 1] == "." and start - 1 > floor and text[start - 2].isalnum())
    ):
        start -= 1
    return text[start:pos].lstrip(".")


def _is_boundary(
    text: str, m: re.Match[str], para_start: int, para_end: int, quotes: list[tuple[int, int]]
) -> bool:
    end = m.end(2)
    nxt_pos = m.end()
    nxt = text[nxt_pos] if nxt_pos < para_end else ""
    if not nxt:
        return False
    for qs, qe in quotes:
        if qs < end < qe:
            return False  # a quotation running over several sentences stays one claim
    if nxt.islower():
        # Only a plain word and a single full stop end a sentence before a lower-case word
        # ("… in September. a group of men …" in lower-case copy); "e.g. the", "3 p.m. on",
        # "mistake’… we" and "“Why?” he asked" continue.
        if m.group(1) != "." or m.group(2):
            return False
        word = _word_before(text, m.start(1), para_start)
        low = word.casefold()
        return len(word) >= 3 and word.isalpha() and low not in _ABBREVIATIONS and low not in _TITLES
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘'(«[" or (nxt.isalpha() and not nxt.islower())):
        return False
    punct = m.group(1)
    if punct != ".":
        return True
    word = _word_before(text, m.start(1), para_start)
    if not word:
        return True
    low = word.casefold()
    if low in _TITLES or word == "Sec":  # ("Sec. Blinken", not "the SEC.")
        return False
    if low in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        # "No. 10", "Jan. 5", "J. K. Rowling" continue; "… Acme Co. The firm …" ends.
        return _next_word(text, nxt_pos) in _OPENERS and not (low in ("no", "nos") and nxt.isdigit())
    if "." in word and all(len(p) <= 2 for p in word.split(".")):
        # "the U.S. State Department" vs "… in the U.S. The …"
        return _next_word(text, nxt_pos) in _OPENERS
    return True


_FIRST_WORD = re.compile(r"[^\W_]+")


def _next_word(text: str, pos: int) -> str:
    nm = _FIRST_WORD.match(text[pos : pos + 30])
    return nm.group().casefold() if nm else ""


def _split_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_CLAIM_CHARS:
        cut = -1
        for sep in ("; ", ", ", " "):
            cut = text.rfind(sep, start + MAX_CLAIM_CHARS // 2, start + MAX_CLAIM_CHARS)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = start + MAX_CLAIM_CHARS
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def split_claims(text: str, prefix: str) -> tuple[Claim, ...]:
    """Split ``text`` into claims with ids ``prefix1``, ``prefix2``… in reading order."""
    claims: list[Claim] = []
    paragraph = -1
    for ps, pe in _paragraphs(text):
        # Trim the paragraph and a leading bullet marker.
        while ps < pe and text[ps].isspace():
            ps += 1
        while pe > ps and text[pe - 1].isspace():
            pe -= 1
        if ps >= pe:
            continue
        bm = _BULLET.match(text, ps, pe)
        if bm and bm.end() < pe:
            ps = bm.end()
        paragraph += 1
        quotes = _quote_spans(text, ps, pe)
        cs = ps
        for m in _SENT_END.finditer(text, ps, pe):
            if _is_boundary(text, m, ps, pe, quotes):
                end = m.end(2)
                if cs < end <= cs + MAX_CLAIM_CHARS:  # what _split_long gives, without its loop
                    claims.append(new_claim(f"{prefix}{len(claims) + 1}", cs, end, paragraph, text[cs:end]))
                else:
                    for s, e in _split_long(text, cs, end):
                        claims.append(new_claim(f"{prefix}{len(claims) + 1}", s, e, paragraph, text[s:e]))
                cs = m.end()
        if cs < pe:
            for s, e in _split_long(text, cs, pe):
                claims.append(new_claim(f"{prefix}{len(claims) + 1}", s, e, paragraph, text[s:e]))
    return tuple(claims)
