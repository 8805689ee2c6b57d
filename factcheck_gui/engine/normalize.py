"""Text normalisation and tokenisation shared by the splitter, the scorer, the diff and the flags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter, methodcaller
from typing import NamedTuple

# Quote-style and dash variants that never change what a sentence says.
_TRANSLATE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "′": "'",
        "`": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u200e": "",
        "\u200f": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)
_WS = re.compile(r"\s+")
_SPACE = re.compile(r"\s")
PIECE = 1 << 16  # characters


def undotted(key: str) -> str:
    """A token's key without the dots of a dotted initialism ("u.k." → "uk", "p.m." → "pm"; no
    other word token ends in a dot); any other key as it is."""
    return key.replace(".", "") if len(key) > 2 and key[-1] == "." else key


def spaced_pieces(text: str, size: int | None = None) -> Iterable[str]:
    """``text`` in pieces of about ``size`` characters, each cut at a white-space character
    (the next piece starts with it), so a word-by-word pass over the pieces gives what one over
    the whole text gives. A pass in C over a long story holds the interpreter for its whole
    length; over pieces, the window's thread gets its turn between two (no stall of 40 ms
    while a 20,000-claim pair is compared in a worker)."""
    size = PIECE if size is None else size
    n = len(text)
    k = 0
    while k < n:
        end = k + size
        if end >= n:
            yield text[k:]
            return
        m = _SPACE.search(text, end)
        end = m.start() if m is not None else n
        yield text[k:end]
        k = end


# (The hyphen first, so the scan jumps from hyphen to hyphen; then the letter before it.)
_WRAPPED_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)\s*\n\s*(?=[^\W\d_])")


def fold_quotes(text: str) -> str:
    """Curly quotes, dashes, ellipses and odd spaces to their plain forms (length may change)."""
    return text.translate(_TRANSLATE)


def normalize_text(text: str) -> str:
    """The comparison key of a claim: whitespace, quote style, dashes and case folded."""
    if not text.isascii() or "`" in text:
        text = unicodedata.normalize("NFKC", fold_quotes(text))
    if "-" in text and "\n" in text:  # (a hyphen wrapped to the next line: most claims have none)
        text = _WRAPPED_HYPHEN.sub("-", text)
    return " ".join(text.split()).casefold()


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the text it came from.

    A NamedTuple rather than a frozen dataclass: the diff and the flags make tens of thousands
    of these on a long story, and a tuple is built about twice as fast.
    """

    text: str
    start: int
    end: int
    key: str  # comparison form: quote style and case folded
    is_word: bool


# Words (letters/digits with inner apostrophes, dots, hyphens, commas in numbers), or single
# non-space symbols. "U.S.", "don't", "3.5", "1,200", "nuclear-armed" stay one token.
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted acronyms keep their final dot: U.S., a.m.
    r"|[^\W_]+(?:(?:['’\-.]|,(?=\d))[^\W_]+)*"  # words, numbers with separators
    r"|[^\w\s]|_"  # any other single visible character
)


# The same pattern as one group: ``split`` gives the text between tokens and the tokens in
# turn, so the tokens' offsets are running sums of lengths (no match object per token).
_TOKEN_SPLIT = re.compile(f"({_TOKEN_RE.pattern})")
_new_token = partial(tuple.__new__, Token)  # (what Token._make does, without a Python call)
_FIRST = itemgetter(0)
_FOLD = methodcaller("translate", _TRANSLATE)


@lru_cache(maxsize=1_024)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split ``text`` into word and punctuation tokens with offsets (plus ``offset``).

    Cached: the diff and the flags of a change tokenise the same claims, one right after the
    other. (A thousand claims, not every claim of a comparison: the tokens of a long
    story's claims took more memory than the rest of its comparison.) Built list by list
    rather than token by token (a 1,500-character claim has hundreds).
    """
    parts = _TOKEN_SPLIT.split(text)
    if len(parts) == 1:
        return ()
    texts = parts[1::2]
    at = list(accumulate(map(len, parts), initial=0))  # at[k]: where parts[k] starts
    starts, ends = at[1:-1:2], at[2::2]
    if text.isascii() and "`" not in text:
        # Plain ASCII (most news copy) has no quote variants to fold: lower() is the key.
        keys: Iterable[str] = map(str.lower, texts)
    else:
        keys = map(str.casefold, map(_FOLD, texts))
    if offset:
        starts = [s + offset for s in starts]
        ends = [e + offset for e in ends]
    is_word = map(str.isalnum, map(_FIRST, texts))
    return tuple(map(_new_token, zip(texts, starts, ends, keys, is_word, strict=True)))


_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*")  # the same, on lower-case ASCII


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (no punctuation), for scoring."""
    if text.isascii():  # lower-casing ASCII text first finds the same words, in one call
        return _ASCII_WORD_RE.findall(text.lower())
    return [w.casefold().replace("’", "'") for w in _WORD_RE.findall(text)]


# A light suffix stripper: enough to match "supplying"/"supply", "weapons"/"weapon",
# "defence"/"defense" is left alone. Cheap and deterministic; no stemmer dependency.
_SUFFIXES = (
    "ational",
    "ization",
    "ations",
    "ingly",
    "ation",
    "ments",
    "ness",
    "ment",
    "ings",
    "ing",
    "ied",
    "ies",
    "ers",
    "est",
    "ed",
    "es",
    "er",
    "ly",
    "s",
)


# The suffixes by their last letter, in the order above: only those can end a given word.
_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(suf for suf in _SUFFIXES if suf[-1] == last) for last in {suf[-1] for suf in _SUFFIXES}
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    suffixes = _BY_LAST.get(word[-1:])
    if len(word) <= 4 or suffixes is None or not word.isalpha():
        return word
    for suf in suffixes:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ied", "ies"):
                return base + "y"
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
                base = base[:-1]  # "stopped" → "stop"
            return base
    return word
