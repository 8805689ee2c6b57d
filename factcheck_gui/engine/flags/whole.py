"""What the flags may look up in the whole texts of a comparison: is a value the rewrite adds
anywhere in the original, does the rewrite give speech to a name, is a headline's word a name
in running text?

The texts can be long (a 5,000-claim story is 400 kB): every lookup is either answered from a
set built once by one pass over a text (its capitalised words, the names it writes before a
reporting verb) or by ``str.find`` for the word itself, and each answer is kept.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache
from typing import Protocol

from factcheck_gui.engine.flags._common import _ACCENTED, _MARKS, joined, title_case
from factcheck_gui.engine.normalize import spaced_pieces
from factcheck_gui.engine.types import Claim


class FlagContext(Protocol):
    """What the flags may look up in the whole comparison: both full texts."""

    @property
    def original(self) -> str: ...

    @property
    def rewrite(self) -> str: ...


_HITS = 200  # occurrences of a word looked at, at most
_MONTH_NAMES = "january february march april may june july august september october november december".split()


@lru_cache(maxsize=12)
def _month_names(month: int) -> re.Pattern[str]:
    """The month's names ("October", "Oct.", "Oct"), right before a day or right after one."""
    m = _MONTH_NAMES[month - 1]
    return re.compile(
        rf"(?:\b(?:{m}|{m[:3]}|{m[:4]})\.?\s+$)|(?:(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{m}|{m[:3]}\b))",
        re.IGNORECASE,
    )


def _unmarked(text: str) -> str:
    """``text`` with its accents taken off (quotes as they are: the lookups need no more)."""
    return text if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFKD", text))


def _hits(haystack: str, needle: str) -> Iterator[int]:
    """Where ``needle`` starts in ``haystack``, bounded by no letter or digit on either side."""
    n = len(needle)
    at = haystack.find(needle)
    seen = 0
    while at >= 0 and seen < _HITS:
        seen += 1
        end = at + n
        if (at == 0 or not _is_wordchar(haystack[at - 1])) and (
            end >= len(haystack) or not _is_wordchar(haystack[end])
        ):
            yield at
        at = haystack.find(needle, at + 1)


def _is_wordchar(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# The runs of letters and digits a word is made of ("u", "s" of "U.S."): a word stands in a
# text only if each of its runs is a whole run of the text.
_RUN = re.compile(r"[^\W_]+")
# Every ASCII byte that is no letter or digit, as a space: what is left of a text's UTF-8
# splits at spaces into its runs (the ASCII ones whole, a few with other characters to look at).
_ASCII_GAPS = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))


def _runs(text: str) -> frozenset[str]:
    """``frozenset(_RUN.findall(text))``, found by ``bytes.split`` (faster on a long text: no
    match object per run, and each distinct run decoded once). Spaces separate runs for both,
    and a piece of nothing but ASCII letters and digits is one run."""
    # ("surrogatepass": a lone surrogate goes through as it came, a character of no run)
    pieces: set[bytes] = set()
    for part in spaced_pieces(text):  # (a long story in pieces: see spaced_pieces)
        pieces.update(part.encode("utf-8", "surrogatepass").translate(_ASCII_GAPS).split(b" "))
    plain = set(filter(bytes.isascii, pieces))
    runs = set(map(bytes.decode, plain))
    for piece in pieces - plain:
        runs.update(_RUN.findall(piece.decode("utf-8", "surrogatepass")))
    runs.discard("")
    return frozenset(runs)


# A capitalised word as written ("Gates", "U.S.", "O’Neil", "STEARNS", "José").
_CAPS = re.compile(r"[A-Z\u00c0-\u00de][\w'’.\-]*")
# The reporting verbs a speaker's name is looked for before, in the whole rewrite.
_PLAIN_VERBS = tuple(
    f" {v}" for v in "said says told tells added adds announced announces stated noted explained".split()
)


def _cap_key(word: str) -> str:
    """A capitalised word's key for lookups: no possessive, no closing dots or dashes ("U.S"
    for "U.S."), no accents, lower case."""
    word = word.rstrip(".-'’")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return (word if word.isascii() else _unmarked(word)).lower()


def _word_before(text: str, at: int) -> str:
    """The word that ends right before ``text[at]`` (a space)."""
    k = at - 1
    while k >= 0 and (_is_wordchar(text[k]) or text[k] in "'’-."):
        k -= 1
    return text[k + 1 : at]


# A figure of digits, dots and commas; one such stretch standing on its own (the digit first
# and the look-behinds after it, so the scan can skip to digits); where a figure may be cut
# from it.
_FIGURE = re.compile(r"\d[\d.,]*")
_FIGURE_STRETCH = re.compile(r"\d(?<![^\W_]\d)(?<![.,]\d)[\d.,]*")
_FIGURE_CUT = re.compile(r"[.,]")


class _Text:
    """One whole text for lookups: its capitalised words (one pass), and for the rarer
    lookups of any word the text with line breaks as spaces, in lower case."""

    def __init__(self, text: str) -> None:
        self.raw = text
        self.accented: frozenset[str] = frozenset()  # keys of capitalised words with accents

    @cached_property
    def caps(self) -> frozenset[str]:
        """Keys of every word written with a capital (see :func:`_cap_key`)."""
        found: set[str] = set()
        for part in spaced_pieces(self.raw):  # (a long story in pieces: see spaced_pieces)
            found.update(_CAPS.findall(part))
        keys = {w.rstrip(".-'’") for w in map(str.lower, found)}
        keys.update([k[:-2] for k in keys if k.endswith(("'s", "’s"))])
        if not self.raw.isascii():
            self.accented = frozenset(_unmarked(k) for k in keys if not k.isascii())
            keys.update(self.accented)
        return frozenset(keys)

    @cached_property
    def caps_sorted(self) -> list[str]:
        return sorted(self.caps)

    @cached_property
    def runs(self) -> frozenset[str] | None:
        """Every run of letters and digits of the text, in lower case (one pass; None for a
        text whose lower case is longer: "İ"): a word any of whose runs is not here is not in
        the text, answered without a search."""
        low = self.low
        return _runs(low) if low is not None else None

    @cached_property
    def runs_sorted(self) -> list[str]:
        return sorted(self.runs or ())

    def may_have(self, word: str) -> bool:
        """Can ``word`` (in lower case) stand in the text as a word: is each of its runs one of
        the text's? (False: it is nowhere; True: look.)"""
        runs = self.runs
        return runs is None or all(r in runs for r in _RUN.findall(word))

    def may_start(self, figure: str) -> bool:
        """Can the figure ``figure`` stand in the text with anything but a digit after it
        ("512" in "512K"): does a run of the text start with its first run?"""
        if self.runs is None:
            return True
        first = _RUN.match(figure)
        if first is None:
            return True
        lead = first.group()
        runs = self.runs_sorted
        k = bisect_left(runs, lead)
        return k < len(runs) and runs[k].startswith(lead)

    @cached_property
    def figures(self) -> frozenset[str]:
        """Every figure the text may have standing on its own, as :meth:`Whole.has_figure`
        looks for one: each stretch of digits, dots and commas that starts with a digit after
        no letter, digit, dot or comma, and each start of it cut before one of its dots or
        commas ("1,200.5": "1", "1,200", "1,200.5"). A figure of digits, dots and commas not
        among them is nowhere (one pass over the text, not a search of it per figure)."""
        found: set[str] = set()
        for part in spaced_pieces(self.raw):  # (a long story in pieces: see spaced_pieces)
            found.update(_FIGURE_STRETCH.findall(part))  # (each piece starts with a space)
        cuts = {w[: m.start()] for w in found for m in _FIGURE_CUT.finditer(w)}
        return frozenset(found | cuts)

    @cached_property
    def spaced(self) -> str:
        """The text with its line breaks as spaces (a name may be wrapped)."""
        return self.raw.replace("\n", " ")

    @cached_property
    def unmarked(self) -> str:
        """``spaced`` with its accents off (built only for a word not found as written)."""
        text = self.spaced
        return _MARKS.sub("", unicodedata.normalize("NFKD", text)) if _ACCENTED.search(text) else text

    @cached_property
    def low(self) -> str | None:
        """``spaced`` in lower case, when that keeps every offset (not for "İ"). (Accents stay:
        a lower-case word is looked for as written.)"""
        text = self.spaced
        low = text.lower()
        return low if len(low) == len(text) else None

    def find(self, word: str, capitalised: bool = False) -> Iterator[tuple[str, int]]:
        """(the text searched, offset) of each place where ``word`` stands as a word of its
        own (with ``capitalised``, written with a capital: "Long", "LONG", not "long")."""
        needle = " ".join(_unmarked(word).split())
        if not needle:
            return
        if capitalised and needle[0].isalpha():
            key = _cap_key(needle.split()[0])
            if key not in self.caps:
                return  # (most lookups: answered by the set of capitalised words)
            first = needle[0].upper()
            forms = dict.fromkeys((first + needle[1:], first + needle[1:].lower(), needle.upper()))
            found = False
            for form in forms:
                for at in _hits(self.spaced, form):
                    found = True
                    yield self.spaced, at
            if found or key not in self.accented:
                return
            for form in forms:  # the text with its accents off: "José" for "Jose"
                for at in _hits(self.unmarked, form):
                    yield self.unmarked, at
            return
        low = self.low
        if low is None:  # (a text whose lower case is longer: "İ")
            for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", self.spaced, re.IGNORECASE):
                yield self.spaced, m.start()
            return
        needle = needle.lower()
        if not self.may_have(needle):
            return  # (no search of a long text for a word it has nowhere)
        for at in _hits(low, needle):
            yield self.spaced, at


class Whole:
    """Lookups in the whole texts, each built on first use: most changes need none."""

    def __init__(self, original: str, rewrite: str) -> None:
        self.original = original
        self.rewrite = rewrite
        self._running: dict[str, bool] = {}
        self._words: dict[tuple[str, bool], bool] = {}
        self._figures: dict[tuple[object, ...], bool] = {}
        self._headline_lines: dict[tuple[int, int], bool] = {}  # (side, line start): title case?
        self._breaks: list[list[int] | None] = [None, None]  # offsets of each side's line breaks

    @cached_property
    def source(self) -> _Text:
        return _Text(self.original)

    @cached_property
    def speakers(self) -> frozenset[str]:
        """Keys of the capitalised words the rewrite writes right before a plain reporting verb
        ("Cook said", "Gates announced", "Kerry told"): naming who speaks adds no fact. (Other
        verbs, and a speaker after the verb, are looked for next to the name itself.)"""
        text = self.rewrite
        keys: set[str] = set()
        for verb in _PLAIN_VERBS:
            at = text.find(verb)
            while at >= 0:
                end = at + len(verb)
                if end >= len(text) or not _is_wordchar(text[end]):
                    word = _word_before(text, at)
                    if word == "also":  # "Gates also said"
                        word = _word_before(text, at - 5)
                    if word[:1].isupper():
                        keys.add(_cap_key(word))
                at = text.find(verb, end)
        return frozenset(keys)

    def has_word(self, word: str, capitalised: bool = False) -> bool:
        """Is ``word`` (several words too) in the original as a word of its own? With
        ``capitalised``, only where it is written with a capital ("Long", not "long")."""
        if capitalised and " " not in word.strip() and word[:1].isalpha():
            return _cap_key(word) in self.source.caps
        if word.isdigit():  # a year: "2010"
            return self.has_figure((word,))
        got = self._words.get((word, capitalised))
        if got is None:
            got = self._words[word, capitalised] = next(self.source.find(word, capitalised), None) is not None
        return got

    def has_in_order(self, words: tuple[str, ...]) -> bool:
        """Are ``words`` in the original in this order, up to three other words between each
        two ("special operations forces" for "special forces")? Looked for where the first
        word stands, so a lookup costs what its places do, not the whole text."""
        got = self._figures.get(("in order", *words))
        if got is None:
            pattern = _words_pattern(words)
            got = any(pattern.match(text, at) for text, at in self.source.find(words[0]))
            self._figures["in order", *words] = got
        return got

    def has_prefix(self, prefix: str) -> bool:
        """Is a word written with a capital that starts with ``prefix`` in the original?"""
        key = _unmarked(prefix).lower()
        words = self.source.caps_sorted
        k = bisect_left(words, key)
        return k < len(words) and words[k].startswith(key)

    def has_figure(self, forms: tuple[str, ...]) -> bool:
        """Is one of ``forms`` (a figure's spellings: "322,000", "322000", "nine") in the
        original as a figure of its own (no digit, dot or comma and digit next to it)?"""
        got = self._figures.get(forms)
        if got is None:
            got = self._figures[forms] = self._has_figure(forms)
        return got

    def _has_figure(self, forms: tuple[str, ...]) -> bool:
        raw = self.original
        for form in forms:
            if not form[:1].isdigit():
                if self.has_word(form):
                    return True
                continue
            if not self.source.may_start(form):
                continue
            if _FIGURE.fullmatch(form) and form not in self.source.figures:
                continue  # (standing on its own nowhere: no search of the whole text)
            n = len(form)
            at = raw.find(form)
            seen = 0
            while at >= 0 and seen < 4 * _HITS:
                seen += 1
                before = raw[at - 1] if at else " "
                after = raw[at + n : at + n + 2]
                if not (before.isalnum() or before in ".,") and not (
                    after[:1].isdigit() or (after[:1] in (".", ",") and after[1:2].isdigit())
                ):
                    return True
                at = raw.find(form, at + 1)
        return False

    def has_day(self, month: int, day: int) -> bool:
        """Is the day ``day`` of month ``month`` (1–12) written in the original ("October 14",
        "Oct. 14", "14 October")?"""
        got = self._figures.get((month, day))
        if got is None:
            got = self._figures[month, day] = self._has_day(month, day)
        return got

    def _has_day(self, month: int, day: int) -> bool:
        raw = self.original
        names = _month_names(month)
        form = str(day)
        if not self.source.may_start(form):
            return False
        n = len(form)
        at = raw.find(form)
        seen = 0
        while at >= 0 and seen < 4 * _HITS:
            seen += 1
            if (
                not raw[at - 1 : at].isdigit()
                and not raw[at + n : at + n + 1].isdigit()
                and (names.search(raw, max(0, at - 12), at) or names.match(raw, at + n, at + n + 16))
            ):
                return True
            at = raw.find(form, at + 1)
        return False

    @property
    def running_proper(self) -> _Running:
        """The words that are names in a headline (``in`` asks :meth:`in_running_text`)."""
        return _Running(self)

    def around(self, word: str, width: int) -> Iterator[str]:
        """The original around each place where ``word`` is written with a capital."""
        for text, at in self.source.find(word, capitalised=True):
            yield text[max(0, at - width) : at + len(word) + width]

    def in_running_text(self, key: str) -> bool:
        """Is the word ``key`` written with a capital inside running text somewhere (after a
        lower-case word, a digit or a comma, in a line that is no title-case headline)? Such a
        word is a name in a headline."""
        got = self._running.get(key)
        if got is None:
            got = self._running[key] = self._running_in(self.original, key, 0) or self._running_in(
                self.rewrite, key, 1
            )
        return got

    def _running_in(self, text: str, key: str, side: int) -> bool:
        word = key[:1].upper() + key[1:]
        for at in _hits(text, word):
            if at < 2 or text[at - 1] != " " or not re.match(r"[a-z0-9,;]", text[at - 2]):
                continue
            breaks = self._breaks[side]
            if breaks is None:
                breaks = self._breaks[side] = [m.start() for m in re.finditer("\n", text)]
            k = bisect_left(breaks, at)
            start = breaks[k - 1] + 1 if k else 0
            headline = self._headline_lines.get((side, start))
            if headline is None:  # (each line read once: a text may be one long line)
                end = breaks[k] if k < len(breaks) else len(text)
                headline = title_case(text[start:end])
                self._headline_lines[side, start] = headline
            if not headline:
                return True
        return False

    def speaks(self, word: str) -> bool:
        """Does the rewrite give speech to a name ending in ``word`` ("Cook said", "Gates
        announced")? (A speaker after the verb, "said Mattis", is looked for near the name.)"""
        return _cap_key(word) in self.speakers


class _Running:
    """``key in running``: is the word written with a capital inside running text?"""

    def __init__(self, whole: Whole) -> None:
        self._whole = whole

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._whole.in_running_text(key)


@lru_cache(maxsize=1024)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words in this order, up to three other words between each two."""
    gap = r"\W+(?:\w+\W+){0,3}?"
    return re.compile(r"(?<!\w)" + gap.join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _whole(original: str, rewrite: str) -> Whole:
    return Whole(original, rewrite)


def whole_of(context: FlagContext | None, orig: Sequence[Claim], rew: Sequence[Claim]) -> Whole:
    """The lookups of a comparison; without a context, those of the two sides alone."""
    if context is not None:
        return _whole(context.original, context.rewrite)
    return Whole(joined(orig)[0], joined(rew)[0])
