"""A pygments lexer for plain story text that marks the fact-bearing words.

Numbers, dates, names, quotations, hedges, negations and attribution verbs are what a
fact-checker reads first, so both the Qt highlighter (through :func:`fact_spans`) and the HTML
report (through :class:`StoryStyle`) emphasise them. The word lists are the engine's
(:mod:`factcheck_gui.engine.lexicon`) so the highlighting agrees with the fact flags.

The rules are deliberately simple and run in one regular-expression pass: a highlighter that
is occasionally wrong is fine, one that makes a 20,000-claim story stutter is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from pygments.lexer import Lexer
from pygments.style import Style
from pygments.token import Token, _TokenType

from factcheck_gui.engine.lexicon import (
    ATTRIBUTION_VERBS,
    CURRENCY_SYMBOLS,
    DATE_UNITS,
    HEDGES,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    QUANTITY_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    WEEKDAYS,
)

Fact = Token.Fact
Text = Token.Text
KINDS: tuple[str, ...] = ("number", "date", "name", "quote", "hedge", "negation", "attribution")
FACT_TYPES: dict[str, _TokenType] = {k: getattr(Fact, k.capitalize()) for k in KINDS}
_KIND_OF: dict[_TokenType, str] = {v: k for k, v in FACT_TYPES.items()}

_SCALE = "|".join(sorted((w for w in SCALE_WORDS if len(w) > 2), key=len, reverse=True))
_CUR = re.escape(CURRENCY_SYMBOLS)
# One alternation, tried left to right at each position; named groups say what matched.
_SCAN = re.compile(
    rf"""
    (?P<quote>“[^”]{{0,2000}}”|"[^"\n]{{1,2000}}")
  | (?P<isodate>\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b)
  | (?P<money>[{_CUR}]\s?\d+(?:[,.]\d+)*(?:\s?(?:{_SCALE}|bn|mn|m|k)\b)?)
  | (?P<num>\d+(?:[,.]\d+)*(?:st|nd|rd|th)?(?:\s?(?:%|per\ cent\b|percent\b))?(?:\s(?:{_SCALE})\b)?)
  | (?-i:(?P<abbr>\b(?:[A-Z]\.){{2,}}|\b[A-Z]\.(?=[ \t]+[A-Z])))
  | (?P<word>[^\W\d_](?:[\w’'-]*\w)?(?:n[’']t)?)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR = re.compile(r"(1[89]|20)\d\d")
_SENTENCE_END = frozenset('.!?:;\n“"')
_RELATIVE = frozenset({"today", "yesterday", "tomorrow", "tonight", "ago"})
_DATE_LEADS = frozenset({"last", "next", "this", "earlier", "later"})
_NUMBERISH = {k.casefold() for k in NUMBER_WORDS} | QUANTITY_WORDS | {w for w in SCALE_WORDS if len(w) > 2}


class StoryLexer(Lexer):  # type: ignore[misc]  # pygments ships no type hints
    """Tokens of plain story text; fact-bearing words get a ``Token.Fact.*`` type, the rest Text.

    Offsets are exact: :meth:`get_tokens_unprocessed` covers the input character for character
    (the lexer strips nothing), which :func:`fact_spans` relies on.
    """

    name = "Story"
    aliases: ClassVar[list[str]] = ["story", "factcheck-story"]
    filenames: ClassVar[list[str]] = []

    def __init__(self, **options: object) -> None:
        options.setdefault("stripnl", False)
        options.setdefault("stripall", False)
        super().__init__(**options)

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:
        pos = 0
        for start, end, ttype in _scan(text, 0, len(text)):
            if start > pos:
                yield pos, Text, text[pos:start]
            yield start, ttype, text[start:end]
            pos = end
        if pos < len(text):
            yield pos, Text, text[pos:]


def _sentence_start(text: str, lo: int, at: int) -> bool:
    """True when only spaces, opening quotes or brackets separate ``at`` from a sentence end
    (the full stop of an initial or an abbreviation, "L.", "U.S.", "Dr.", ends no sentence)."""
    i = at - 1
    while i >= lo and text[i] in " \t‘'([":
        i -= 1
    if i < lo:
        return True
    return text[i] in _SENTENCE_END and not (text[i] == "." and ends_abbreviation(text, i))


# Words that a full stop follows without ending the sentence ("Dr. Kim", "Gen. Milley").
ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col capt cmdr sgt prof jr sr rev hon pres maj adm".split()
)


def ends_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` ends an initial or an abbreviation ("L.",
    "U.S.", "Dr."), not a sentence."""
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    before = text[j - 1] if j > 0 else " "
    if len(word) == 1 and word.isupper() and not before.isalnum():
        return True  # an initial, or the last letter of "U.S."
    return word.casefold() in ABBREVIATED_TITLES and not before.isalnum()


# Short words a title-case headline leaves in lower case ("Mayor Announces Plan for the City").
_TITLE_SMALL_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs with from into".split()
)
_LINE_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
HEADLINE_MAX_CHARS = 200


def is_headline(line: str) -> bool:
    """True for a title-case (or all-capitals) line such as "Mayor Announces New Budget for City
    Schools": its capitals say nothing about names. A sentence (it ends with a full stop), a
    byline ("By …") or a line of fewer than four words is not a headline."""
    line = line.strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or line.endswith((".", ",", ";")):
        return False
    if line.casefold().startswith("by "):
        return False
    words = [w for w in _LINE_WORDS.findall(line) if len(w) > 1 and w.casefold() not in _TITLE_SMALL_WORDS]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.85 * len(words)


NAME_CONTEXT_CHARS = 20_000  # how far around a headline its words are looked for as names


def used_as_name(text: str, word: str, near: int, skip: tuple[int, int] = (0, 0)) -> bool:
    """True when ``word`` of a headline is written with its capital inside a sentence (after a
    word, not a full stop) elsewhere in ``text`` (within :data:`NAME_CONTEXT_CHARS` of
    ``near``, outside ``skip``, the headline itself): "Russia" in "… that Russia might …" is a
    name, "Announces" in no sentence is not."""
    form = word.capitalize() if word.isupper() and len(word) > 1 else word
    pattern = re.compile(r"(?<=[\w,;] )" + re.escape(form) + r"\b")
    for m in pattern.finditer(text, max(0, near - NAME_CONTEXT_CHARS), near + NAME_CONTEXT_CHARS):
        if not skip[0] <= m.start() < skip[1]:
            return True
    return False


class _Headlines:
    """Which lines of a text are headlines, and which headline words are names (cached)."""

    __slots__ = ("_line", "_names", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._line = (0, 0, False)  # the line last looked at: start, end, a headline
        self._names: dict[str, bool] = {}

    def plain_capital(self, s: int, word: str) -> bool:
        """True when the capitalised ``word`` at ``s`` is in a headline and no name."""
        text = self._text
        start, stop, headline = self._line
        if not start <= s < stop:  # words come in order: each line is looked at once
            start = text.rfind("\n", 0, s) + 1
            stop = text.find("\n", s)
            stop = stop if stop >= 0 else len(text)
            headline = is_headline(text[start:stop]) if stop - start <= HEADLINE_MAX_CHARS + 2 else False
            self._line = (start, stop, headline)
        if not headline:
            return False
        name = self._names.get(word)
        if name is None:
            name = self._names[word] = used_as_name(text, word, s, (start, stop))
        return not name


def _scan(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, _TokenType]]:
    """Fact tokens in ``text[lo:hi]`` in order, never overlapping."""
    yield from _scan_with(text, lo, hi, _Headlines(text))


def _scan_with(text: str, lo: int, hi: int, headlines: _Headlines) -> Iterator[tuple[int, int, _TokenType]]:
    name_start = name_end = -1  # the capitalised run being collected
    pending_date_lead = -1  # start of "last"/"next"/"this" waiting for a unit
    date_end = -1  # end of the last date token: "June 19, 2024" is a date throughout

    for m in _SCAN.finditer(text, lo, hi):
        group = m.lastgroup
        s, e = m.span()
        word = m.group()
        low = word.casefold()
        kind = None
        if group == "word":
            kind = _word_kind(text, lo, s, e, word, low)
            if kind is Fact.Name and headlines.plain_capital(s, word):
                kind = None
        elif group == "abbr":
            kind = _abbreviation_kind(
                text, s, e, word, joins=name_start >= 0 and _joins_name(text, name_end, s)
            )
        if name_start >= 0 and (kind is not Fact.Name or not _joins_name(text, name_end, s)):
            yield name_start, name_end, Fact.Name
            name_start = -1
        if group == "quote":
            pending_date_lead = -1
            # Facts inside a quotation keep their own type; the quotation fills the gaps.
            pos = s
            for a, b, t in _scan_with(text, s + 1, e - 1, headlines):
                if a > pos:
                    yield pos, a, Fact.Quote
                yield a, b, t
                pos = b
            yield pos, e, Fact.Quote
        elif group == "isodate":
            yield s, e, Fact.Date
        elif group in ("money", "num"):
            is_year = group == "num" and len(word) == 4 and _YEAR.fullmatch(word) is not None
            after_date = group == "num" and text[date_end:s] in (" ", ", ")
            if is_year or after_date or pending_date_lead >= 0:
                yield s, e, Fact.Date
                date_end = e
            else:
                yield s, e, Fact.Number
            pending_date_lead = -1
        elif pending_date_lead >= 0 and (low in DATE_UNITS or low in WEEKDAYS):
            yield pending_date_lead, e, Fact.Date
            pending_date_lead = -1
        elif kind is None and low in _DATE_LEADS:
            pending_date_lead = s
        elif kind is Fact.Name:
            pending_date_lead = -1
            if name_start < 0:
                name_start = s
            name_end = e
        else:
            pending_date_lead = -1
            if kind is not None:
                yield s, e, kind
                if kind is Fact.Date:
                    date_end = e
    if name_start >= 0:
        yield name_start, name_end, Fact.Name


def _joins_name(text: str, end: int, s: int) -> bool:
    """True when the name ending at ``end`` goes on with the word at ``s`` ("Kim Jong", "Dr. Kim")."""
    gap = text[end:s]
    return gap in (" ", "-") or (gap == ". " and ends_abbreviation(text, end))


_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][\w’'-]*)")


def _abbreviation_kind(text: str, s: int, e: int, word: str, *, joins: bool) -> _TokenType | None:
    """ "U.S.", "J.R.R." are names; an initial ("L.") is one inside a name ("Nicholas L. McQuaid")
    or before a capitalised word that is no small word ("L. McQuaid", not "Plan A. The")."""
    if len(word) > 2 or joins:
        return Fact.Name
    m = _NEXT_CAPITALISED.match(text, e)
    return Fact.Name if m is not None and m.group(1).casefold() not in STOPWORDS else None


def _word_kind(text: str, lo: int, s: int, e: int, word: str, low: str) -> _TokenType | None:
    if low in WEEKDAYS or low in _RELATIVE:
        return Fact.Date
    if low in MONTHS and word[0].isupper() and (len(low) > 3 or low == "may"):
        # "May" opening a sentence is the verb ("May we …?") unless a day number follows.
        ambiguous = low == "may" and _sentence_start(text, lo, s) and not _next_is_digit(text, e)
        if not ambiguous:
            return Fact.Date
    if low in _NUMBERISH:
        return Fact.Number
    if low in NEGATIONS or low.endswith(("n't", "n’t")):
        return Fact.Negation
    if low in HEDGES:
        return Fact.Hedge
    if low in ATTRIBUTION_VERBS:
        return Fact.Attribution
    if word[0].isupper() and low not in STOPWORDS:
        if not _sentence_start(text, lo, s):
            return Fact.Name
        # A capitalised word opening a sentence is a name only when another capitalised word or
        # an attribution verb follows it ("Vladimir Putin …", "Putin said …").
        if _next_is_capitalised(text, e) or _next_word(text, e) in ATTRIBUTION_VERBS:
            return Fact.Name
    return None


def _next_is_digit(text: str, e: int) -> bool:
    return e + 1 < len(text) and text[e] == " " and text[e + 1].isdigit()


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _next_word(text: str, e: int) -> str:
    m = _NEXT_WORD.match(text, e)
    return m.group(1) if m else ""


def _next_is_capitalised(text: str, e: int) -> bool:
    return e + 1 < len(text) and text[e] == " " and text[e + 1].isupper()


def fact_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every fact token in ``text``, in order, non-overlapping.

    ``kind`` is one of :data:`KINDS`; offsets are Python ``str`` indices into ``text``.
    """
    return [(s, e, _KIND_OF[t]) for s, e, t in _scan(text, 0, len(text)) if e > s]


class StoryStyle(Style):  # type: ignore[misc]  # pygments ships no type hints
    """How the HTML report shows fact tokens (the Qt highlighter has its own palette-aware rules)."""

    name = "factcheck-story"
    background_color = "#ffffff"
    styles: ClassVar[dict[_TokenType, str]] = {
        Token: "",
        Fact.Number: "bold",
        Fact.Date: "bold #1f4e79",
        Fact.Name: "bold",
        Fact.Quote: "italic",
        Fact.Hedge: "italic #7a4b00",
        Fact.Negation: "italic underline #8a1c10",
        Fact.Attribution: "italic #2f5f2f",
    }


def style_css(class_prefix: str = "fact-") -> str:
    """CSS rules ``.<prefix><kind>{…}`` built from :class:`StoryStyle` for every fact kind."""
    rules = []
    for kind, ttype in FACT_TYPES.items():
        st = StoryStyle.style_for_token(ttype)
        decl = []
        if st["color"]:
            decl.append(f"color:#{st['color']}")
        if st["bgcolor"]:
            decl.append(f"background-color:#{st['bgcolor']}")
        if st["bold"]:
            decl.append("font-weight:bold")
        if st["italic"]:
            decl.append("font-style:italic")
        if st["underline"]:
            decl.append("text-decoration:underline")
        rules.append(f".{class_prefix}{kind}{{{';'.join(decl)}}}")
    return "\n".join(rules)
