"""The engine's worst cases cost what their length does, and the quicker steps give exactly
what the plain ones gave.

Each bound test builds an input on which the former step was quadratic (a paragraph with
thousands of quotations and sentence ends, a word diff with thousands of unmerged islands
before the merged ones) and checks that four times the input costs at most about four times
the time, measured in CPU time, best of three (a shared machine is noisy).
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine import normalize as normalize_mod
from factcheck_gui.engine import quotes as quotes_mod
from factcheck_gui.engine import worddiff as worddiff_mod
from factcheck_gui.engine.normalize import Token, fold_quotes, tokenize
from factcheck_gui.engine.segment import MAX_CLAIM_CHARS, split_claims
from factcheck_gui.engine.similarity import terms_and_norms, terms_of
from factcheck_gui.engine.types import Claim, DiffOpKind
from factcheck_gui.engine.worddiff import word_diff

_TEXT = st.lists(
    st.sampled_from([*"ab Z9.,'’-“”\"`_ \n\tİéß", "U.S.", "don't", "3.5", "1,200", "—"]),
    max_size=40,
).map("".join)


def _cpu(f: Callable[[], object]) -> float:
    """The best of three CPU times of ``f``, the cyclic collector paused (a full collection
    landing in one run made a linear step look quadratic)."""
    best = float("inf")
    was_on = gc.isenabled()
    gc.disable()
    try:
        for _ in range(3):
            t = time.process_time()
            f()
            best = min(best, time.process_time() - t)
    finally:
        if was_on:
            gc.enable()
    return best


def _linear(make: Callable[[int], Callable[[], object]], n: int, limit: float = 6.0) -> None:
    """Four times the input costs less than ``limit`` times as much (a quadratic step: 16)."""
    small, large = _cpu(make(n)), _cpu(make(4 * n))
    assert large < limit * max(small, 0.01), (small, large)


# --- identical results ------------------------------------------------------------------------


def _tokenize_plain(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens one match at a time, as the engine first made them."""
    plain = text.isascii() and "`" not in text
    out = []
    for m in normalize_mod._TOKEN_RE.finditer(text):
        s = m.group()
        key = s.lower() if plain else fold_quotes(s).casefold()
        out.append(Token(s, m.start() + offset, m.end() + offset, key, s[0].isalnum()))
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=50))
def test_tokens_built_list_by_list_are_the_tokens_made_one_by_one(text: str, offset: int) -> None:
    got = tokenize.__wrapped__(text, offset)  # type: ignore[attr-defined]
    assert got == _tokenize_plain(text, offset)
    assert all(type(t) is Token for t in got)


def _word_spans_plain(text: str, base: int) -> tuple[list[str], list[tuple[int, int]]]:
    ws, spans = [], []
    for m in quotes_mod._WORDS.finditer(text):
        w = m.group().casefold().replace("’", "'").replace(".", "")  # "U.K." is "uk"
        span = (base + m.start(), base + m.end())
        parts = quotes_mod._key(w).split() if "'" in w else [w]
        ws += parts
        spans += [span] * len(parts)
    return ws, spans


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=50))
def test_a_source_claims_words_are_those_found_one_by_one(text: str, base: int) -> None:
    assert quotes_mod._word_spans(text, base) == _word_spans_plain(text, base)


def _merge_plain(ops: worddiff_mod.Opcodes, a: list[Token], b: list[Token]) -> list[worddiff_mod._Op]:
    """The island merge as first written: after each merge, scan again from the start."""
    op_ = worddiff_mod._Op
    out: list[worddiff_mod._Op] = []
    for tag, i1, i2, j1, j2 in ops:
        if out and tag != "equal" and out[-1].tag != "equal":
            out[-1].tag, out[-1].i2, out[-1].j2 = "replace", i2, j2
            continue
        out.append(op_(tag, i1, i2, j1, j2))
    changed = True
    while changed:
        changed = False
        for k in range(1, len(out) - 1):
            op = out[k]
            if op.tag != "equal" or out[k - 1].tag == "equal" or out[k + 1].tag == "equal":
                continue
            island = a[op.i1 : op.i2]
            if len(island) <= 2 and all(t.key in worddiff_mod.STOPWORDS or not t.is_word for t in island):
                prev, nxt = out[k - 1], out[k + 1]
                if worddiff_mod._number_for_number(prev, a, b) and worddiff_mod._number_for_number(nxt, a, b):
                    continue
                out[k - 1 : k + 2] = [op_("replace", prev.i1, nxt.i2, prev.j1, nxt.j2)]
                changed = True
                break
    return out


_WORDS = st.lists(st.sampled_from("the a of 5 6 seven river rose , . fell and".split()), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS)
def test_islands_merged_in_one_pass_as_by_rescanning(wa: list[str], wb: list[str]) -> None:
    a, b = tokenize(" ".join(wa)), tokenize(" ".join(wb), 1000)
    ops = worddiff_mod._opcodes([t.key for t in a], [t.key for t in b])
    assert [vars_(o) for o in worddiff_mod._merge(ops, list(a), list(b))] == [
        vars_(o) for o in _merge_plain(ops, list(a), list(b))
    ]


def vars_(op: worddiff_mod._Op) -> tuple[str, int, int, int, int]:
    return (op.tag, op.i1, op.i2, op.j1, op.j2)


def test_terms_of_repeated_texts_are_each_texts_own() -> None:
    texts = ["Pakistani troops left.", "Pakistan said no.", "Pakistani troops left.", "We're here."]
    terms, sets, norms = terms_and_norms(texts)
    assert terms[0] is terms[2]  # equal texts share their lists
    assert "pakistan" in sets[0] and "pakistani" not in sets[0]  # the people's word is the place's
    assert terms[3] == terms_of(texts[3])
    assert norms == [t.casefold() for t in texts]


# --- bounds -------------------------------------------------------------------------------------


def test_a_paragraph_with_thousands_of_quotations_splits_in_linear_time() -> None:
    def make(n: int) -> Callable[[], object]:
        text = " ".join(f'He said "item {k} is here" and left. Then came {k}.' for k in range(n))
        return lambda: split_claims(text, "o")

    quoted = split_claims('He said "a b. Then c." And d. More.', "o")
    assert [c.text for c in quoted] == ['He said "a b. Then c."', "And d.", "More."]  # kept whole
    _linear(make, 3000)  # (at 1,500 the small run took 8 ms, under the 10 ms floor's reach)


def test_a_word_diff_with_thousands_of_islands_takes_linear_time() -> None:
    def make(n: int) -> Callable[[], object]:
        # n islands that stay ("river": not a stopword) before n that are merged ("the")
        a = " ".join(f"a{k} river" for k in range(n)) + " " + " ".join(f"c{k} the" for k in range(n))
        b = " ".join(f"b{k} river" for k in range(n)) + " " + " ".join(f"d{k} the" for k in range(n))
        oc, rc = [Claim("o1", 0, len(a), 0, a)], [Claim("r1", 0, len(b), 0, b)]
        return lambda: word_diff(oc, rc)

    _linear(make, 300)


def test_a_claim_cut_at_the_length_limit_costs_what_its_length_does() -> None:
    rnd = random.Random(5)
    vocab = "the court said 12 judges in Paris ruled on March 3 that Smith “had lied” about 40 votes".split()

    def run_on(n_words: int) -> str:
        return " ".join(rnd.choice(vocab) + ("," if rnd.random() < 0.1 else "") for _ in range(n_words))

    def make(n: int) -> Callable[[], object]:
        a = run_on(n)
        b = " ".join(w.replace("12", "13") for w in a.split())  # every cut claim changed
        return lambda: compare_texts(a, b)

    cut = split_claims(run_on(3000), "o")
    assert max(len(c.text) for c in cut) <= MAX_CLAIM_CHARS
    # 4.3–5.9× measured for four times the words (their few distinct claims are worked out
    # once each, so the small run is cheap); a quadratic step would be 16×
    _linear(make, 1500, limit=8.0)


def test_a_huge_paragraph_without_full_stops_gives_a_diff_that_rebuilds_the_rewrite() -> None:
    rnd = random.Random(9)
    words = "prices rose 4 per cent in May while wages fell and the bank kept rates at 5 per cent".split()
    a = " ".join(rnd.choice(words) for _ in range(40_000))  # about 200 kB, no sentence end
    b = " ".join(w if rnd.random() > 0.02 else "slightly" for w in a.split())
    t = time.process_time()
    cmp = compare_texts(a, b)
    assert time.process_time() - t < 60
    assert len(cmp.rewrite.claims) > 100
    for ch in cmp.changes:
        if not ch.original or not ch.rewrite:
            continue
        # the diff's rewrite spans, in order, are the rewrite claims' tokens and nothing else
        spans = [op.rewrite for op in ch.diff if op.rewrite is not None]
        claims = [cmp.rewrite.claim(c) for c in ch.rewrite]
        assert spans and spans[0][0] == claims[0].start and spans[-1][1] == claims[-1].end
        assert all(s[0] < s[1] for s in spans)
        assert all(x[1] <= y[0] for x, y in pairwise(spans))
        equal = [op for op in ch.diff if op.op is DiffOpKind.EQUAL]
        assert all(
            " ".join(a[op.original[0] : op.original[1]].split()).lower()
            == " ".join(b[op.rewrite[0] : op.rewrite[1]].split()).lower()
            for op in equal
            if op.original and op.rewrite
        )


def test_a_token_whose_key_folds_to_nothing_is_no_number() -> None:
    # a soft hyphen is a token with an empty key: the number scan of the word diff skips it
    cmp = compare_texts("0.” 0? 0.\n", "“quoted. 0… the? \xad.\r\n")
    assert {c for ch in cmp.changes for c in ch.rewrite} == {c.id for c in cmp.rewrite.claims}


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=1, max_value=8))
def test_a_long_story_read_in_pieces_gives_the_words_of_the_whole(text: str, size: int) -> None:
    """The passes made over a story in pieces (so the window's thread runs between them) find
    what one pass over the whole text finds: the words, the capitalised words, the runs."""
    from factcheck_gui.engine.compare import _lower_case_words
    from factcheck_gui.engine.flags import whole as whole_mod
    from factcheck_gui.engine.normalize import spaced_pieces

    pieces = list(spaced_pieces(text, size))
    assert "".join(pieces) == text
    assert [w for p in pieces for w in p.split()] == text.split()
    assert all(p[:1].isspace() for p in pieces[1:])  # each cut at white space
    original = normalize_mod.PIECE
    try:
        normalize_mod.PIECE = size  # (the default piece size, read at each call)
        in_pieces = (whole_mod._runs(text), whole_mod._Text(text).caps, _lower_case_words((text,)))
    finally:
        normalize_mod.PIECE = original
    assert in_pieces == (whole_mod._runs(text), whole_mod._Text(text).caps, _lower_case_words((text,)))
