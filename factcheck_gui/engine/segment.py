"""Splitting a story into claims (sentences) with exact character offsets.

Chosen by measurement (see README, "Sentence splitter"): rules of our own run ~100x faster than
pysbd on news prose while handling what stories need — abbreviations, initials, decimals,
ellipses, quotations that run over several sentences, headlines and bullets without a final
period, and hard line wraps inside paragraphs (a re-flowed copy gives the same claims).
benchmarks/golden_rules.py scores it on the English Golden Rules of sentence segmentation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from factcheck_gui.engine.types import Claim, new_claim

MAX_CLAIM_CHARS = 1500  # longer run-ons (or text with no sentence ends) are cut at a space
SHORT_LINE = 45  # a line this short without final punctuation, before a capital, is a headline
DATELINE_PARAGRAPHS = 8  # a dateline opens a story's first paragraph (after title, byline, date lines)
WRAP_MAX = 200  # no copy is hard-wrapped this wide: a longer line ends its paragraph

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
    "where then also still last next earlier later since despite though although "
    # questions ("… you and I. Did you see …"); not "will" or "may", which are also names
    "did do does is are was were has have had can could would should must".split()
)
# Words that open a sentence, never a dateline's place.
_NO_PLACE = _OPENERS | frozenset("thus so here now today yesterday tomorrow for from with".split())
# A claim opening with one of these is a time phrase, not a sentence: "At 5 a.m. Mr. Smith went"
# is one sentence, "He left at 6 P.M. Mr. Smith then went" two.
_TIME_LEADS = frozenset(
    "at by from until till around about after before since on between shortly just early late "
    "starting beginning sometime today tonight tomorrow yesterday".split()
)

# ("[…][…]*" rather than "[…]+": a pattern that opens with a plain set lets the scan skip
# ahead to the next end mark instead of trying every position.)
# Closing quotes and brackets after the end mark belong to the sentence, and so does a
# footnote or endnote mark ("… 4 per cent.[1] Wages …", as the importers write them; "… $75
# million.* There are …", as a fact sheet does).
_SENT_END = re.compile(r"([.!?…؟][.!?…؟]*)((?:[\"”’'»)\]*†‡]|\[E?\d{1,3}\])*)(\s+)")
# "- item", "• item", "1. item", "2) item", "1.) item", "• 9. item", "⁃10. item" (a dash or
# star before a number is more likely a minus sign or a footnote than a bullet)
_BULLET = re.compile(r"[ \t]*(?:(?:[•▪◦‣⁃][ \t]*)?\d{1,3}(?:\.\)|[.)])|[-*•▪◦‣⁃–—])[ \t]+")
# A numbered (or lower-case lettered) list marker: bullet, number or letter, its punctuation.
_LIST_MARK = re.compile(r"[ \t]*((?:[•▪◦‣⁃][ \t]*)?)(\d{1,3}|[a-z])(\.\)|[.)])[ \t]+")
_INLINE_MARK = re.compile(r"\s((?:[•▪◦‣⁃][ \t]*)?)(\d{1,3}|[a-z])(\.\)|[.)])[ \t]+")
_TERMINAL = re.compile(r"[.!?…:;؟。！？](?:[\"”’'»)\]*†‡]|\[E?\d{1,3}\])*$")
_FIRST_CHAR = re.compile(r"\S")
# A dateline before a story's first sentence: "TAMPA, Fla. — ", "BEIRUT, Lebanon (AP) — ",
# "WASHINGTON, Aug. 12, 2010 – ", "NEW YORK (Reuters) - ", "Feb. 22, 2010 - ", "United States - ".
# It becomes a claim of its own: its place and date are facts of their own, which a counterpart
# may keep (and change) or leave out, and the sentence after it compares on its own words.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?"
_PLACE = r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:[ \t][A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,3}"
_DATELINE = re.compile(
    rf"(?:{_DATE}|{_PLACE}(?:,[ \t]+(?:{_DATE}|{_PLACE})){{0,2}}(?:[ \t]*\([A-Z][\w .&/-]{{0,30}}\))?)"
    r"(?:[ \t]*[—–]|[ \t]+-\([A-Z][\w .&/-]{0,30}\)-|[ \t]+--?)(?=[ \t]*[\"“‘'(]?[A-Z0-9])[ \t]*"
)
_SPEAKER = re.compile(r"[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,3}:")
_QUOTE_CHARS = re.compile(r"[“”\"]")


def line_breaks(text: str) -> dict[int, str]:
    """Classify each newline of ``text``: ``"para"`` (paragraph end) or ``"wrap"`` (hard wrap).

    A blank line always ends a paragraph. A single newline ends one after terminal
    punctuation, before or after a bullet, or after a short line (a headline); otherwise it is
    a hard wrap inside a paragraph.
    """
    kinds: dict[int, str] = {}
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    lines = text.split("\n")
    last = len(lines) - 1
    pos = 0
    for i, line in enumerate(lines):
        e = pos + len(line)
        if line and not line.isspace():
            block.append((pos, e))
        else:
            if len(block) > 1:
                blocks.append(block)
            block = []
            if i < last:
                kinds[e] = "para"
        pos = e + 1
    if len(block) > 1:
        blocks.append(block)
    if not blocks:
        return kinds
    wrapped = _hard_wrapped(text, blocks)
    for b in blocks:
        if not wrapped:
            for _, e in b[:-1]:
                kinds[e] = "para"
            continue
        width = max(len(text[s:e].strip()) for s, e in b)
        for i in range(len(b) - 1):
            s, e = b[i]
            ns, ne = b[i + 1]
            cur = text[s:e].rstrip()
            nxt = text[ns:ne]
            nxt_stripped = nxt.lstrip()
            if (
                _BULLET.match(nxt)
                or _TERMINAL.search(cur)
                or (_BULLET.match(text[s:e]) and not nxt[:1].isspace())
                or (
                    (
                        len(cur.strip()) < 0.6 * width
                        or len(cur.strip()) < SHORT_LINE
                        or len(cur) > WRAP_MAX
                        or ((i == 0 or kinds[b[i - 1][1]] == "para") and _title_case(cur))
                    )
                    and nxt_stripped[:1]
                    and (nxt_stripped[0].isupper() or nxt_stripped[0].isdigit() or nxt_stripped[0] in "“\"‘'")
                )
            ):
                kinds[e] = "para"
            else:
                kinds[e] = "wrap"
    return kinds


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(line: str) -> bool:
    """A title line: its words of four letters or more (at least three) all capitalised."""
    long_words = _TITLE_WORD.findall(line)
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def _hard_wrapped(text: str, blocks: list[list[tuple[int, int]]]) -> bool:
    """Text hard-wrapped somewhere shows it: a line that stops in mid-phrase, without final
    punctuation, before a lower-case word ("A wrapped line that goes\non here."). Text with no
    such line has one paragraph (or heading, label, date or byline line) per line, whatever
    the lines' lengths, as pasted web copy, transcripts and releases have.
    """
    for b in blocks:
        for (s, e), (ns, ne) in pairwise(b):
            first = _FIRST_CHAR.search(text, ns, ne)
            if first and first.group().islower():
                while e > s and text[e - 1].isspace():
                    e -= 1
                if not _TERMINAL.search(text, max(s, e - 12), e):
                    return True
    return False


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


def _boundary(
    text: str,
    m: re.Match[str],
    cs: int,
    para_start: int,
    para_end: int,
    quotes: list[tuple[int, int]],
    quote_starts: list[int] | None = None,
) -> int:
    """``m.end(2)`` if end mark ``m`` ends the sentence (the claim begun at ``cs``), else -1.

    ``quotes``: the paragraph's quotations (disjoint, in order, as :func:`_quote_spans` gives
    them); ``quote_starts``: their starts, to find the one around ``m`` by bisection (a long
    paragraph has thousands).
    """
    end = m.end(2)
    nxt_pos = m.end()
    nxt = text[nxt_pos] if nxt_pos < para_end else ""
    if not nxt:
        return -1
    if quotes:
        if quote_starts is None:
            quote_starts = [qs for qs, _ in quotes]
        k = bisect_left(quote_starts, end) - 1  # the last quotation opening before ``end``
        if k >= 0 and end < quotes[k][1]:
            return -1  # a quotation running over several sentences stays one claim
    if nxt.islower():
        # Only a plain word and a single full stop end a sentence before a lower-case word
        # ("… in September. a group of men …" in lower-case copy); "e.g. the", "3 p.m. on",
        # "mistake’… we" and "“Why?” he asked" continue.
        if m.group(1) != "." or m.group(2):
            return -1
        word = _word_before(text, m.start(1), para_start)
        low = word.casefold()
        ok = len(word) >= 3 and word.isalpha() and low not in _ABBREVIATIONS and low not in _TITLES
        return end if ok else -1
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘'(«[" or (nxt.isalpha() and not nxt.islower())):
        return -1
    punct = m.group(1)
    if punct != ".":
        b = m.start(1)
        if b > para_start and text[b - 1] in "[(" and m.group(2).startswith(("]", ")")):
            return -1  # "[...]" and "(…)" mark words left out, not the end of a sentence
        return end
    word = _word_before(text, m.start(1), para_start)
    if not word:
        b = m.start(1)
        if b - 2 >= para_start and text[b - 1] == " " and text[b - 2] == ".":
            return _after_spaced_ellipsis(text, b, end, para_start)
        if b - 2 < para_start or text[b - 2 : b] not in ("N°", "Nº", "n°", "nº"):
            return end
        word = "no"  # "N°. 1026" is "No. 1026"
    low = word.casefold()
    if low in _TITLES or word == "Sec":  # ("Sec. Blinken", not "the SEC.")
        return -1
    if word == "SEC" and _SPEAKER.match(text, nxt_pos):  # a transcript's "SEC. GATES: Good …"
        return -1
    if low in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        # "No. 10", "Jan. 5", "J. K. Rowling" continue; "… Acme Co. The firm …" ends.
        ok = _next_word(text, nxt_pos) in _OPENERS and not (low in ("no", "nos") and nxt.isdigit())
        return end if ok else -1
    if "." in word and all(len(p) <= 2 for p in word.split(".")):
        # "the U.S. State Department" vs "… in the U.S. The …"
        following = _next_word(text, nxt_pos)
        if following in _OPENERS:
            return end
        # "… left the bank at 6 P.M. Mr. Smith then …" ends; "At 5 a.m. Mr. Smith went" does not.
        if (
            following in _TITLES
            and low[-3:] in ("a.m", "p.m")
            and (low[:-3].isdigit() or (low == low[-3:] and _digit_before(text, m.start(1) - 3, para_start)))
            and _next_word(text, cs) not in _TIME_LEADS
        ):
            return end
        return -1
    return end


def _digit_before(text: str, pos: int, floor: int) -> bool:
    """A number ends one space before ``pos`` ("6 P.M.")."""
    return pos - 2 >= floor and text[pos - 1] == " " and text[pos - 2].isdigit()


def _after_spaced_ellipsis(text: str, b: int, end: int, para_start: int) -> int:
    """The last dot (at ``b``) of a spaced ellipsis (". . .") before a capital: ``end`` or -1.

    As style guides write them, three spaced dots after a space mark words left out inside a
    sentence ("the thing is . . . I didn’t mean it", "AFI's 100 Years . . . 100 Heroes"); four
    end one ("… a period . . . . Next sentence."), and so does a full stop on the word followed
    by an ellipsis ("… the investigation. . . . Weber said"), which stays with its sentence.
    """
    run = b
    while run - 2 >= para_start and text[run - 1] == " " and text[run - 2] == ".":
        run -= 2
    dots = (b - run) // 2 + 1
    if dots == 3 and run > para_start and text[run - 1] == " ":
        return -1
    return end


_FIRST_WORD = re.compile(r"[^\W_]+")


def _next_word(text: str, pos: int) -> str:
    nm = _FIRST_WORD.match(text[pos : pos + 30])
    return nm.group().casefold() if nm else ""


def _sentence_opener(text: str, pos: int) -> bool:
    """The word at ``pos`` opens sentences ("The Presidential Planner - The White House …",
    "Thus, Meta - …"), unless written in capitals ("THE HAGUE, Netherlands (AP) —")."""
    nm = _FIRST_WORD.match(text, pos)
    return nm is not None and not nm.group().isupper() and nm.group().casefold() in _NO_PLACE


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


# After these words "2." is a number in the sentence ("… slowed to 2. The bank …"), not a marker.
_BEFORE_A_NUMBER = frozenset(
    "to by from of at the in on about than over under and or with for nearly around only just "
    "some top no number page is was were are be been".split()
)


def _list_items(text: str, first: re.Match[str], ps: int, pe: int) -> list[tuple[int, int, int]] | None:
    """An inline list ("1.) The first item 2.) The second item"): (claim start, scan start, end)
    of each item, or None when the paragraph (opening with marker ``first``) is not one.

    The next markers must follow in order (2 after 1, b after a) in the same style. Numbered
    markers stay out of the claims, as a bullet's does ("1. item" on a line of its own is the
    claim "item"); letters stay in ("a. The first item"): a lone letter and full stop is more
    often an initial.
    """
    glyph, value, punct = first.group(1).strip(), first.group(2), first.group(3)
    numbered = value.isdigit()
    want = int(value) + 1 if numbered else ord(value) + 1
    starts = [(first.start(1), first.end())]
    for mk in _INLINE_MARK.finditer(text, first.end(), pe):
        v = mk.group(2)
        if (
            mk.group(3) == punct
            and mk.group(1).strip() == glyph
            and v.isdigit() == numbered
            and (int(v) if numbered else ord(v)) == want
            and _word_before(text, mk.start(), ps).casefold() not in _BEFORE_A_NUMBER
        ):
            starts.append((mk.start(1), mk.end()))
            want += 1
    if len(starts) < 2:
        return None
    items = []
    for i, (marker, body) in enumerate(starts):
        item_end = starts[i + 1][0] if i + 1 < len(starts) else pe
        while body < item_end and text[body].isspace():
            body += 1
        while item_end > body and text[item_end - 1].isspace():
            item_end -= 1
        if item_end > body:
            items.append((body if numbered else marker, body, item_end))
    return items


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
        paragraph += 1
        items = None
        if not text[ps].isupper():  # (a capital opens neither a list nor a bullet)
            first = _LIST_MARK.match(text, ps, pe)
            items = _list_items(text, first, ps, pe) if first else None
            if items is None:
                bm = _BULLET.match(text, ps, pe)
                if bm and bm.end() < pe:
                    ps = bm.end()
                    while text[ps].isspace():  # ("2)  " then a hard wrap)
                        ps += 1
        if items is None:
            dm = _DATELINE.match(text, ps, pe) if paragraph < DATELINE_PARAGRAPHS else None
            if dm and dm.end() - ps <= 80 and not _sentence_opener(text, ps):
                de = dm.end()
                while text[de - 1].isspace():
                    de -= 1
                claims.append(new_claim(f"{prefix}{len(claims) + 1}", ps, de, paragraph, text[ps:de]))
                ps = dm.end()
            items = [(ps, ps, pe)]
        for cs, scan, ie in items:  # (claim start, where to look for sentence ends, end)
            floor = cs
            # (most paragraphs quote nobody: one scan says so)
            quotes = _quote_spans(text, cs, ie) if _QUOTE_CHARS.search(text, cs, ie) else []
            starts = [qs for qs, _ in quotes]
            for m in _SENT_END.finditer(text, scan, ie):
                end = _boundary(text, m, cs, floor, ie, quotes, starts)
                if end < 0:
                    continue
                if cs < end <= cs + MAX_CLAIM_CHARS:  # what _split_long gives, without its loop
                    claims.append(new_claim(f"{prefix}{len(claims) + 1}", cs, end, paragraph, text[cs:end]))
                else:
                    for s, e in _split_long(text, cs, end):
                        claims.append(new_claim(f"{prefix}{len(claims) + 1}", s, e, paragraph, text[s:e]))
                cs = m.end()
            if cs < ie <= cs + MAX_CLAIM_CHARS:  # what _split_long gives, without its loop
                claims.append(new_claim(f"{prefix}{len(claims) + 1}", cs, ie, paragraph, text[cs:ie]))
            elif cs < ie:
                for s, e in _split_long(text, cs, ie):
                    claims.append(new_claim(f"{prefix}{len(claims) + 1}", s, e, paragraph, text[s:e]))
    return tuple(claims)
