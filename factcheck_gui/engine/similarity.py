"""How alike two claims are: word evidence weighted by rarity plus character evidence.

The score is a logistic combination of a handful of lexical features whose weights were fitted
on the MRPC *train* split only (``benchmarks/fit_similarity.py``); it is reported on the MRPC
and STS-B *test* splits by ``benchmarks/accuracy.py``. No neural model runs at run time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from factcheck_gui.engine.lexicon import COMMON_WORDS, STOPWORDS
from factcheck_gui.engine.normalize import normalize_text, stem, words

_NUMBER = re.compile(r"\d")
# Terms are stemmed, so the word lists are too.
STOP_TERMS: frozenset[str] = frozenset(STOPWORDS | {stem(w) for w in STOPWORDS})
COMMON_TERMS: frozenset[str] = frozenset({stem(w) for w in COMMON_WORDS} - STOP_TERMS)


@dataclass(frozen=True, slots=True)
class Profile:
    """What the scorer needs of one claim, computed once."""

    norm: str  # normalised text (for character evidence)
    terms: frozenset[str]  # stemmed words
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    weight: float  # sum of the weights of ``terms``


class Vocabulary:
    """Document frequencies over a set of claims, turned into rarity weights.

    Names and numbers weigh more than common words: a word seen in few claims is strong
    evidence that two claims are the same claim; "the", "said", "Putin" (in a story about
    Putin) are weak evidence.
    """

    def __init__(self, term_sets: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for terms in term_sets:
            n += 1
            df.update(set(terms))
        self.n = n
        self._df = df
        self._cache: dict[str, float] = {}

    def weight(self, term: str) -> float:
        w = self._cache.get(term)
        if w is None:
            df = self._df.get(term, 0)
            idf = math.log((self.n + 2) / (df + 1)) + 0.5
            if term in STOP_TERMS:
                idf *= 0.15
            elif term in COMMON_TERMS:
                idf *= 0.5
            elif _NUMBER.search(term):
                idf *= 1.5
            w = self._cache[term] = idf
        return w

    def df(self, term: str) -> int:
        return self._df.get(term, 0)


def terms_of(text: str) -> list[str]:
    """Stemmed words of a text, the unit of word evidence."""
    return [stem(w) for w in words(text)]


def make_profile(
    text: str, vocab: Vocabulary, terms: Sequence[str] | None = None, norm: str | None = None
) -> Profile:
    t = list(terms) if terms is not None else terms_of(text)
    content = [x for x in t if x not in STOP_TERMS]
    termset = frozenset(t)
    weight = vocab.weight
    return Profile(
        norm=normalize_text(text) if norm is None else norm,
        terms=termset,
        bigrams=frozenset(pairwise(content)),
        numbers=frozenset(x for x in termset if not x.isalpha() and _NUMBER.search(x)),
        weight=sum(weight(x) for x in termset) or 1e-9,
    )


class Profiles(Sequence[Profile]):
    """Profiles of a document's claims, built on first use.

    Most claims of a long rewrite are identical to an original claim and are paired by their
    normalised text alone; only the rest ever need a full profile.
    """

    def __init__(
        self, texts: Sequence[str], vocab: Vocabulary, terms: Sequence[Sequence[str]], norms: Sequence[str]
    ) -> None:
        self.texts = texts
        self.terms = terms
        self.norms = norms
        self._vocab = vocab
        self._cache: dict[int, Profile] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Profile:  # type: ignore[override]
        p = self._cache.get(i)
        if p is None:
            p = self._cache[i] = make_profile(self.texts[i], self._vocab, self.terms[i], self.norms[i])
        return p


def overlap(a: Profile, b: Profile, vocab: Vocabulary) -> float:
    """Summed weight of the terms two claims share."""
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    return sum(vocab.weight(t) for t in small if t in large)


FEATURES = ("wdice", "cov_small", "cov_large", "char", "token_sort", "bigram", "len_ratio", "num_diff")


def features(a: Profile, b: Profile, vocab: Vocabulary, shared: float | None = None) -> list[float]:
    """The feature vector of a pair (order-independent)."""
    w = overlap(a, b, vocab) if shared is None else shared
    small, large = min(a.weight, b.weight), max(a.weight, b.weight)
    bg_union = len(a.bigrams | b.bigrams)
    return [
        2 * w / (a.weight + b.weight),
        w / small,
        w / large,
        fuzz.ratio(a.norm, b.norm) / 100.0,
        fuzz.token_sort_ratio(a.norm, b.norm) / 100.0,
        len(a.bigrams & b.bigrams) / bg_union if bg_union else 0.0,
        min(len(a.norm), len(b.norm)) / max(len(a.norm), len(b.norm), 1),
        1.0 if a.numbers != b.numbers else 0.0,
    ]


# Fitted on MRPC train + STS-B train by benchmarks/fit_similarity.py (logistic regression).
COEF: tuple[float, ...] = (1.3915, 0.9677, 1.7154, 1.0011, 1.4250, -0.9534, 0.5785, -0.2385)
INTERCEPT: float = -3.7083
# MRPC-train-optimal cut between "same claim reworded" and "different claim".
PARAPHRASE_THRESHOLD = 0.550


def score_features(f: Sequence[float]) -> float:
    z = INTERCEPT + sum(c * x for c, x in zip(COEF, f, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def similarity(a: Profile, b: Profile, vocab: Vocabulary, shared: float | None = None) -> float:
    """Probability-like score in [0, 1] that ``a`` and ``b`` state the same claim."""
    if a.norm == b.norm:
        return 1.0
    return score_features(features(a, b, vocab, shared))
