"""Text normalisation and tokenisation shared by the splitter, the scorer, the diff and the flags."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
_WRAPPED_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")


def fold_quotes(text: str) -> str:
    """Curly quotes, dashes, ellipses and odd spaces to their plain forms (length may change)."""
    return text.translate(_TRANSLATE)


def normalize_text(text: str) -> str:
    """The comparison key of a claim: whitespace, quote style, dashes and case folded."""
    if not text.isascii() or "`" in text:
        text = unicodedata.normalize("NFKC", fold_quotes(text))
    if "-" in text:
        text = _WRAPPED_HYPHEN.sub("-", text)
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its offsets in the text it came from."""

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


@lru_cache(maxsize=65_536)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split ``text`` into word and punctuation tokens with offsets (plus ``offset``).

    Cached: the diff, the flags and the quotation check all tokenise the same claims.
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        key = fold_quotes(s).casefold()
        out.append(Token(s, m.start() + offset, m.end() + offset, key, s[0].isalnum()))
    return tuple(out)


_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (no punctuation), for scoring."""
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


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ied", "ies"):
                return base + "y"
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
                base = base[:-1]  # "stopped" → "stop"
            return base
    return word
