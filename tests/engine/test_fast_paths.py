"""The engine's fast paths give exactly what the plain definitions give.

Speed work replaced a few general steps by quicker equivalents (a fused pair score, an ASCII
word pattern, regexes that scan from their first character, a query that sorts plain keys).
These tests pin each one to the straightforward version it stands for.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine import compare as compare_mod
from factcheck_gui.engine import normalize as normalize_mod
from factcheck_gui.engine import quotes as quotes_mod
from factcheck_gui.engine import segment as segment_mod
from factcheck_gui.engine.align import CandidateIndex
from factcheck_gui.engine.normalize import fold_quotes, stem, tokenize, words
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.similarity import (
    STOP_TERMS,
    Vocabulary,
    features,
    make_profile,
    overlap,
    score_features,
    scored_pair,
    similarity,
    terms_of,
)

# The patterns as first written (a look-behind first), for comparison.
_SINGLE_PLAIN = re.compile(r"(?:(?<=^)|(?<=[\s“\"(—–-]))‘([^‘’]{2,600}?)’(?![a-z])")
_MID_CAPS_PLAIN = re.compile(r"(?<=[a-z0-9,;] )(?:[A-Z][\w’'\-]*)")
_WORD_PLAIN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_WRAPPED_HYPHEN_PLAIN = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")
_SENT_END_PLAIN = re.compile(r"([.!?…؟]+)([\"”’'»)\]]*)(\s+)")

tricky = st.text(alphabet="ab A‘’“\"(—–-\n,;9Zx'’.İß_é !?…”)", max_size=40)


def test_scored_pair_is_bit_for_bit_the_documented_score(reference_pair: tuple[str, str]) -> None:
    texts = [c.text for doc in reference_pair for c in split_claims(doc, "x")]
    vocab = Vocabulary([terms_of(t) for t in texts])
    profiles = [make_profile(t, vocab) for t in texts]
    for a, b in itertools.product(profiles[:40], profiles[20:60]):
        shared = overlap(a, b, vocab)
        assert scored_pair(a, b, vocab) == (similarity(a, b, vocab, shared), shared)
        if a.norm != b.norm:
            assert scored_pair(a, b, vocab)[0] == score_features(features(a, b, vocab))


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_words_fast_path(text: str) -> None:
    assert words(text) == [w.casefold().replace("’", "'") for w in _WORD_PLAIN.findall(text)]


@settings(max_examples=300, deadline=None)
@given(tricky, st.integers(min_value=0, max_value=40))
def test_scan_first_regexes_match_the_look_behind_first_ones(text: str, pos: int) -> None:
    got = [m.span(1) for m in quotes_mod._SINGLE.finditer(text, min(pos, len(text)))]
    assert got == [m.span(1) for m in _SINGLE_PLAIN.finditer(text, min(pos, len(text)))]
    assert compare_mod._MID_CAPS.findall(text) == _MID_CAPS_PLAIN.findall(text)
    assert normalize_mod._WRAPPED_HYPHEN.sub("-", text) == _WRAPPED_HYPHEN_PLAIN.sub("-", text)
    ends = [m.span(0) + m.span(1) + m.span(2) for m in segment_mod._SENT_END.finditer(text)]
    assert ends == [m.span(0) + m.span(1) + m.span(2) for m in _SENT_END_PLAIN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_token_keys_fold_quotes_and_case(text: str) -> None:
    for t in tokenize(text):
        assert t.key == fold_quotes(t.text).casefold()
        assert text[t.start : t.end] == t.text


_SUFFIXES = ("ational", "ization", "ations", "ingly", "ation", "ments", "ness", "ment", "ings")
_SUFFIXES += ("ing", "ied", "ies", "ers", "est", "ed", "es", "er", "ly", "s")


def _stem_plain(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ied", "ies"):
                return base + "y"
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
                base = base[:-1]
            return base
    return word


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeilmnorstyzß", max_size=12))
def test_stem_by_last_letter(word: str) -> None:
    assert stem(word) == _stem_plain(word)


def _query_plain(
    terms: list[list[str]], vocab: Vocabulary, query: list[str], k: int
) -> list[tuple[float, int]]:
    """CandidateIndex.query as first written: defaultdict sums and heapq."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(terms):
        for t in set(ts):
            if t not in STOP_TERMS:
                index[t].append(i)
    max_posting = max(50, int(len(terms) * 0.005))
    usable = [t for t in sorted(set(query)) if t in index and len(index[t]) <= max_posting]
    if len(usable) > 10:
        usable = heapq.nsmallest(10, usable, key=lambda t: (len(index[t]), t))
    acc: dict[int, float] = defaultdict(float)
    for t in usable:
        for i in index[t]:
            acc[i] += vocab.weight(t)
    return heapq.nlargest(k, ((w, i) for i, w in acc.items()))


def test_candidate_query_matches_the_plain_version(reference_pair: tuple[str, str]) -> None:
    original, rewrite = reference_pair
    o_terms = [terms_of(c.text) for c in split_claims(original, "o")]
    r_terms = [terms_of(c.text) for c in split_claims(rewrite, "r")]
    vocab = Vocabulary(o_terms + r_terms)
    index = CandidateIndex(o_terms, vocab)
    for q in r_terms + o_terms[:5]:
        for k in (3, 6, 12):
            assert index.query(q, k) == _query_plain(o_terms, vocab, q, k)


def test_fast_constructors_build_the_same_values() -> None:
    from factcheck_gui.engine.types import (
        Change,
        ChangeKind,
        Claim,
        DiffOp,
        DiffOpKind,
        new_change,
        new_claim,
        new_diffop,
    )

    assert new_claim("o1", 3, 9, 0, "Hello.") == Claim("o1", 3, 9, 0, "Hello.")
    for trivial in (False, True):
        got = new_diffop(DiffOpKind.REPLACE, (1, 2), None, trivial)
        assert got == DiffOp(DiffOpKind.REPLACE, (1, 2), None, trivial)
        assert repr(got) == repr(DiffOp(DiffOpKind.REPLACE, (1, 2), None, trivial))
    assert new_diffop(DiffOpKind.EQUAL, (1, 2), (3, 4)) == DiffOp(DiffOpKind.EQUAL, (1, 2), (3, 4))
    args = ("c1", ChangeKind.MOVED, ("o1",), ("r2",), 0.5, (), (), True)
    assert new_change(*args) == Change(*args)
    assert hash(new_change(*args)) == hash(Change(*args))
    assert new_change("c2", ChangeKind.ADDED, (), ("r1",), 0.0) == Change(
        "c2", ChangeKind.ADDED, (), ("r1",), 0.0
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Z9_é’'.-\n\t\u00a0\u3000İ²٣\ud800", max_size=60))
def test_runs_of_a_whole_text_split_as_the_pattern_finds_them(text: str) -> None:
    from factcheck_gui.engine.flags.whole import _RUN, _runs

    assert _runs(text) == frozenset(_RUN.findall(text))


def _shared_run_plain(a: str, b: str) -> int:
    """evidence.shared_run as first written: every equal block of the word diff looked at."""
    from rapidfuzz.distance import Indel

    from factcheck_gui.engine.align.evidence import _RUN_WORDS, MIN_REUSED_RUN

    wa, wb = _RUN_WORDS.findall(a), _RUN_WORDS.findall(b)
    best = 0
    for blk in Indel.opcodes(wa, wb):
        if blk.tag == "equal" and blk.src_end - blk.src_start >= MIN_REUSED_RUN:
            best = max(best, sum(1 for w in wa[blk.src_start : blk.src_end] if w not in STOP_TERMS))
    return best


@settings(max_examples=400, deadline=None)
@given(*[st.lists(st.sampled_from("the army took five towns near kabul on monday".split()), max_size=14)] * 2)
def test_shared_run_skips_only_pairs_without_a_common_stretch(a: list[str], b: list[str]) -> None:
    from factcheck_gui.engine.align.evidence import shared_run

    vocab = Vocabulary([terms_of(" ".join(a)), terms_of(" ".join(b))])
    pa, pb = make_profile(" ".join(a), vocab), make_profile(" ".join(b), vocab)
    assert shared_run(pa, pb, {}) == _shared_run_plain(pa.norm, pb.norm)


def test_make_profile_builds_what_the_dataclass_would() -> None:
    from dataclasses import fields

    from factcheck_gui.engine.similarity import Profile

    texts = ["The army took 5 towns on Monday.", "Five towns fell to the army, officials said on Monday."]
    vocab = Vocabulary([terms_of(t) for t in texts])
    for t in texts:
        p = make_profile(t, vocab, repeated=True)
        same = Profile(**{f.name: getattr(p, f.name) for f in fields(Profile)})
        assert all(getattr(p, f.name) == getattr(same, f.name) for f in fields(Profile))
        assert p.repeated and p.weight == sum(p.term_weights) and p.sorted_norm < p.norm


def test_links_and_groups_made_in_c_are_the_named_tuples() -> None:
    from factcheck_gui.engine.align import _new_link
    from factcheck_gui.engine.align.groups import Group, Link, _new_group

    link = _new_link((3, 4, 1.0, False))
    assert type(link) is Link and link == Link(3, 4, 1.0) and link.partial is False
    group = _new_group(((3,), (4,), 0.5, True, None))
    assert type(group) is Group and group == Group((3,), (4,), 0.5) and group.nearest is None


@settings(max_examples=300, deadline=None)
@given(*[st.lists(st.sampled_from("a b c 5 6 the".split()), max_size=16)] * 2)
def test_word_opcodes_are_the_tuples_of_the_opcode_objects(a: list[str], b: list[str]) -> None:
    from rapidfuzz.distance import Indel

    from factcheck_gui.engine.worddiff import _opcodes

    got = _opcodes(a, b)
    assert got == [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Indel.opcodes(a, b)]
    assert all(type(op) is tuple for op in got)
