"""How alike two claims are: word evidence weighted by rarity plus character evidence.

The score is a logistic combination of a handful of lexical features whose weights were fitted
on the MRPC *train* split only (``benchmarks/fit_similarity.py``); it is reported on the MRPC
and STS-B *test* splits by ``benchmarks/accuracy.py``. No neural model runs at run time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import chain, compress, pairwise
from typing import TypeVar

from rapidfuzz import fuzz

from factcheck_gui.engine import memo
from factcheck_gui.engine.lexicon import COMMON_WORDS, COUNTRY_NAMES, STOPWORDS
from factcheck_gui.engine.normalize import normalize_text, stem, words

_NUMBER = re.compile(r"\d")
# Terms are stemmed, so the word lists are too.
STOP_TERMS: frozenset[str] = frozenset(STOPWORDS | {stem(w) for w in STOPWORDS})
COMMON_TERMS: frozenset[str] = frozenset({stem(w) for w in COMMON_WORDS} - STOP_TERMS)
_SETS_AT_ONCE = 2_048  # claims' term sets counted in one call
T = TypeVar("T")


def _batches(items: Sequence[T]) -> Iterable[Sequence[T]]:
    """``items`` a :data:`_SETS_AT_ONCE` at a time: a pass in C over all the claims of a long
    story holds the interpreter for its whole length, over a batch only for that (the window's
    thread runs between two; see :func:`~factcheck_gui.engine.normalize.spaced_pieces`)."""
    for k in range(0, len(items), _SETS_AT_ONCE):
        yield items[k : k + _SETS_AT_ONCE]


_COUNTRY_TERMS: frozenset[str] = frozenset(map(stem, COUNTRY_NAMES))


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """What the scorer needs of one claim, computed once. (Compared and hashed as itself: a
    claim whose words come back shares its profile, and :func:`scored_pair` its scores.)"""

    norm: str  # normalised text (for character evidence)
    terms: frozenset[str]  # stemmed words
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    weight: float  # sum of the weights of ``terms``
    content: frozenset[str]  # ``terms`` without stopwords and everyday news words
    sorted_norm: str  # words of ``norm`` in sorted order (what token_sort_ratio compares)
    term_weights: tuple[float, ...]  # the weight of each of ``terms``, in its order
    repeated: bool = False  # another claim of its text has these words (and this profile)


class Vocabulary:
    """Document frequencies over a set of claims, turned into rarity weights.

    Names and numbers weigh more than common words: a word seen in few claims is strong
    evidence that two claims are the same claim; "the", "said", "Putin" (in a story about
    Putin) are weak evidence.
    """

    def __init__(self, term_sets: Iterable[Iterable[str]]) -> None:
        sets = [t if isinstance(t, frozenset) else set(t) for t in term_sets]
        df: Counter[str] = Counter()
        for batch in _batches(sets):
            df.update(chain.from_iterable(batch))
        self.n = len(sets)
        self._df = df
        self._cache: dict[str, float] = {}
        # scored_pair's results for the profiles of repeated claims
        self.pairs: dict[tuple[Profile, Profile], tuple[float, float]] = {}

    def weight(self, term: str) -> float:
        w = self._cache.get(term)
        if w is None:
            w = self._weigh(term)
        return w

    def total(self, terms: Iterable[str]) -> float:
        """Summed weight of ``terms``, added in their order."""
        cache, weigh = self._cache, self._weigh
        return sum([cache.get(t) or weigh(t) for t in terms])  # weights are > 0

    def shared(self, small: Iterable[str], large: frozenset[str]) -> float:
        """Summed weight of the terms of ``small`` that are in ``large``, in ``small``'s order."""
        cache, weigh = self._cache, self._weigh
        return sum([cache.get(t) or weigh(t) for t in small if t in large])

    def _weigh(self, term: str) -> float:
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


# Contractions are the same words: "We're working" restates "We are working".
_CONTRACTED = (
    ("n't", ("not",)),
    ("'re", ("are",)),
    ("'ve", ("have",)),
    ("'ll", ("will",)),
    ("'m", ("am",)),
    ("'d", ("would",)),
    ("'s", ()),
)
_IRREGULAR = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}


def _expanded(ws: list[str]) -> list[str]:
    out: list[str] = []
    for w in ws:
        if "'" in w:
            irregular = _IRREGULAR.get(w)
            if irregular:
                out.extend(irregular)
                continue
            for suffix, more in _CONTRACTED:
                if w.endswith(suffix) and len(w) > len(suffix):
                    out.append(w[: -len(suffix)])
                    out.extend(more)
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    return out


_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # Latin letters that may carry accents


def _unaccented(text: str) -> str:
    """José → Jose, Zürich → Zurich: accents are no evidence that two claims differ."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms_of(text: str) -> list[str]:
    """Stemmed words of a text, the unit of word evidence (contractions expanded, accents off)."""
    ws = words(_unaccented(text)) if not text.isascii() and _ACCENTED.search(text) else words(text)
    if "'" in text or "’" in text:
        ws = _expanded(ws)
    return list(map(stem, ws))


@lru_cache(maxsize=4096)
def cached_terms(text: str) -> tuple[str, ...]:
    """:func:`terms_of` as a tuple, remembered for the texts looked up again and again (the
    quotation checks ask the candidate index about each quoting claim of every change)."""
    return tuple(terms_of(text))


def terms_and_norms(
    texts: Sequence[str],
) -> tuple[list[list[str]], list[frozenset[str]], list[str]]:
    """:func:`terms_of` (as a list and as a set) and :func:`normalize_text` of each text, with
    the word forms of :func:`unified_forms` joined across all of them.

    Each distinct text is done once: most claims of a rewrite are word for word claims of the
    original. Equal texts share their lists and sets (nothing modifies them).
    """
    distinct = list(dict.fromkeys(texts))
    d_terms = list(map(terms_of, distinct))
    d_sets: list[frozenset[str]] = []
    for batch in _batches(d_terms):
        d_sets.extend(map(frozenset, batch))
    d_norms = list(map(normalize_text, distinct))
    # A place and its people's adjective are one term when the texts use both.
    same = unified_forms(d_terms)
    if same:
        joined = frozenset(same)  # (a set: isdisjoint with a dict walks all of the dict)
        for k, ts in enumerate(d_sets):
            if not ts.isdisjoint(joined):
                t2 = [same.get(x, x) for x in d_terms[k]]
                d_terms[k], d_sets[k] = t2, frozenset(t2)
    if len(distinct) == len(texts):
        return d_terms, d_sets, d_norms
    where = dict(zip(distinct, range(len(distinct)), strict=True))
    at = list(map(where.__getitem__, texts))
    return (
        list(map(d_terms.__getitem__, at)),
        list(map(d_sets.__getitem__, at)),
        list(map(d_norms.__getitem__, at)),
    )


def unified_forms(term_lists: Iterable[Sequence[str]]) -> dict[str, str]:
    """A place and its people's adjective, when the texts compared use both: "Pakistani" is
    "Pakistan", "Iraqi" "Iraq", "Libyan" "Libya", "Ghanaian" "Ghana" (what ``stem`` leaves
    apart). Only forms that both occur are joined, so no word becomes one the texts lack.
    """
    vocab: set[str] = set()
    for batch in _batches(list(term_lists)):
        vocab.update(chain.from_iterable(batch))
    same: dict[str, str] = {}
    for t in vocab:
        if len(t) < 5 or not t.isalpha():
            continue
        bases: tuple[str, ...]
        if t[-1] == "i":  # Pakistani, Iraqi, Israeli
            bases = (t[:-1],)
        elif t.endswith("an"):  # Libyan, American; Ghanaian, Nigerian (Nigeria)
            bases = (t[:-1], t[:-3], t[:-2] + "a") if t.endswith("ian") else (t[:-1],)
            # a country's adjective that drops letters: Chilean, Mexican (not Republican)
            bases += tuple(b for b in (t[:-2], t[:-2] + "o") if b in _COUNTRY_TERMS)
        else:
            continue
        for base in bases:
            if len(base) >= 4 and base in vocab and base not in STOP_TERMS:
                same[t] = base
                break
    return same


def make_profile(
    text: str,
    vocab: Vocabulary,
    terms: Sequence[str] | None = None,
    norm: str | None = None,
    repeated: bool = False,
) -> Profile:
    t = terms if terms is not None else terms_of(text)
    content = [x for x in t if x not in STOP_TERMS]
    termset = frozenset(t)
    norm = normalize_text(text) if norm is None else norm
    cache, weigh = vocab._cache, vocab._weigh
    weights = tuple([cache.get(x) or weigh(x) for x in termset])  # (as Vocabulary.total adds them)
    # = Profile(norm=norm, terms=termset, …), its slots set directly (a frozen dataclass's
    # __init__ goes through object.__setattr__ for each field: thousands of profiles a story)
    p = _new_profile(Profile)
    s_norm, s_terms, s_bigrams, s_numbers, s_weight, s_content, s_sorted, s_weights, s_repeated = _PROFILE_SET
    s_norm(p, norm)
    s_terms(p, termset)
    s_bigrams(p, frozenset(pairwise(content)))
    s_numbers(p, frozenset([x for x in termset if not x.isalpha() and _NUMBER.search(x)]))
    s_weight(p, sum(weights) or 1e-9)
    s_content(p, termset - STOP_TERMS - COMMON_TERMS)
    s_sorted(p, " ".join(sorted(norm.split())))
    s_weights(p, weights)
    s_repeated(p, repeated)
    return p


_new_profile = object.__new__
_PROFILE_SET = tuple(getattr(Profile, f.name).__set__ for f in fields(Profile))  # (in field order)


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
        # Claims with the same words share one profile, and so their scores (a long story
        # repeats itself: boilerplate, a list of like items).
        self._by_text: dict[str, Profile] = {}
        self._repeated: set[str] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Profile:  # type: ignore[override]
        p = self._cache.get(i)
        if p is None:
            text = self.texts[i]
            p = self._by_text.get(text) if memo.REUSE else None
            if p is None:
                if self._repeated is None:
                    counts = Counter(self.texts)
                    self._repeated = {t for t, n in counts.items() if n > 1}
                repeated = memo.REUSE and text in self._repeated
                p = make_profile(text, self._vocab, self.terms[i], self.norms[i], repeated)
                self._by_text[text] = p
            self._cache[i] = p
        return p

    def getter(self) -> Callable[[int], Profile]:
        """A faster ``self.__getitem__`` for hot loops."""
        cache = self._cache

        def profile(i: int) -> Profile:
            return cache.get(i) or self[i]

        return profile


def overlap(a: Profile, b: Profile, vocab: Vocabulary) -> float:
    """Summed weight of the terms two claims share."""
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    return vocab.shared(small, large)


FEATURES = ("wdice", "cov_small", "cov_large", "char", "token_sort", "bigram", "len_ratio", "num_diff")


def features(a: Profile, b: Profile, vocab: Vocabulary, shared: float | None = None) -> list[float]:
    """The feature vector of a pair (order-independent)."""
    w = overlap(a, b, vocab) if shared is None else shared
    small, large = min(a.weight, b.weight), max(a.weight, b.weight)
    ba, bb = a.bigrams, b.bigrams
    bg_shared = 0 if ba.isdisjoint(bb) else len(ba & bb)  # most candidates share none
    bg_union = len(ba) + len(bb) - bg_shared
    return [
        2 * w / (a.weight + b.weight),
        w / small,
        w / large,
        fuzz.ratio(a.norm, b.norm) / 100.0,
        # = fuzz.token_sort_ratio(a.norm, b.norm), without re-sorting the words every time
        fuzz.ratio(a.sorted_norm, b.sorted_norm) / 100.0,
        bg_shared / bg_union if bg_union else 0.0,
        min(len(a.norm), len(b.norm)) / max(len(a.norm), len(b.norm), 1),
        1.0 if a.numbers != b.numbers else 0.0,
    ]


# Fitted on MRPC train + STS-B train by benchmarks/fit_similarity.py (logistic regression).
COEF: tuple[float, ...] = (1.3915, 0.9677, 1.7154, 1.0011, 1.4250, -0.9534, 0.5785, -0.2385)
INTERCEPT: float = -3.7083
# MRPC-train-optimal cut between "same claim reworded" and "different claim".
PARAPHRASE_THRESHOLD = 0.550


def score_features(f: Sequence[float]) -> float:
    total = 0.0
    for c, x in zip(COEF, f, strict=True):
        total += c * x  # plain left-to-right sum, as in scored_pair (sum() may compensate)
    z = INTERCEPT + total
    return 1.0 / (1.0 + math.exp(-z))


def similarity(a: Profile, b: Profile, vocab: Vocabulary, shared: float | None = None) -> float:
    """Probability-like score in [0, 1] that ``a`` and ``b`` state the same claim."""
    if a.norm == b.norm:
        return 1.0
    return score_features(features(a, b, vocab, shared))


_C = COEF  # (a short name for the weighted sum below)


def scored_pair(a: Profile, b: Profile, vocab: Vocabulary) -> tuple[float, float]:
    """``(similarity(a, b), overlap(a, b))`` in one step, for scoring thousands of candidates.

    The same arithmetic in the same order as :func:`features` and :func:`score_features`, so
    the score is bit for bit the same (tests/engine/test_fast_paths.py checks it).
    """
    if a.repeated or b.repeated:
        got = vocab.pairs.get((a, b))
        if got is None:
            got = vocab.pairs[(a, b)] = _scored_pair(a, b, vocab)
        return got
    return _scored_pair(a, b, vocab)


def _scored_pair(a: Profile, b: Profile, vocab: Vocabulary) -> tuple[float, float]:
    ta, tb = a.terms, b.terms
    # = vocab.shared(smaller, larger): the same weights added in the same order
    if len(ta) <= len(tb):
        w = sum(compress(a.term_weights, map(tb.__contains__, ta)))
    else:
        w = sum(compress(b.term_weights, map(ta.__contains__, tb)))
    if a.norm == b.norm:
        return 1.0, w
    aw, bw = a.weight, b.weight
    small, large = (aw, bw) if aw <= bw else (bw, aw)
    ba, bb = a.bigrams, b.bigrams
    bg_shared = 0 if ba.isdisjoint(bb) else len(ba & bb)
    bg_union = len(ba) + len(bb) - bg_shared
    la, lb = len(a.norm), len(b.norm)
    z = INTERCEPT + (
        0.0
        + _C[0] * (2 * w / (aw + bw))
        + _C[1] * (w / small)
        + _C[2] * (w / large)
        + _C[3] * (fuzz.ratio(a.norm, b.norm) / 100.0)
        + _C[4] * (fuzz.ratio(a.sorted_norm, b.sorted_norm) / 100.0)
        + _C[5] * (bg_shared / bg_union if bg_union else 0.0)
        + _C[6] * (min(la, lb) / max(la, lb, 1))
        + _C[7] * (1.0 if a.numbers != b.numbers else 0.0)
    )
    return 1.0 / (1.0 + math.exp(-z)), w
