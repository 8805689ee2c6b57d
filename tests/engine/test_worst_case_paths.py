"""The structures that keep the engine's worst cases (a 5 MB paragraph without full stops,
100,000 bullets, two unrelated texts) near-linear answer exactly what the plain loops they
replace answer (``benchmarks/bench_engine.py --pathological``; the comparisons stay byte for
byte the same, ``benchmarks/same_output.py --pathological``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine.flags.markers import AlikeWords, _alike

_STEMS = st.text(alphabet="abcde", min_size=0, max_size=7)


@settings(max_examples=400, deadline=None)
@given(st.sets(_STEMS, max_size=12), st.lists(_STEMS, max_size=12))
def test_alike_words_is_any_alike(words: set[str], asked: list[str]) -> None:
    """A word is in AlikeWords(words) exactly when it is _alike one of the words (stems cut
    unevenly: "clos" / "close" / "closes"), for short and long words, prefixes both ways."""
    alike = AlikeWords(words)
    for w in asked:
        assert (w in alike) == any(_alike(w, o) for o in words), (w, sorted(words))


def test_alike_words_examples() -> None:
    alike = AlikeWords({"close", "ab", "elect"})
    assert "clos" in alike and "closes" in alike and "close" in alike
    assert "cl" not in alike and "ab" in alike and "abc" not in alike
    assert "electio" in alike and "ele" in alike and "el" not in alike
    assert "other" not in alike


def test_link_ranker_is_link_rank() -> None:
    """LinkRanker (each claim's kind asked once) ranks every pair as link_rank does, header
    lines and records' titles included."""
    from factcheck_gui.engine.align.evidence import LinkRanker, link_rank
    from factcheck_gui.engine.similarity import Vocabulary, make_profile, scored_pair

    texts = [
        "Presenters: Secretary of Defense Robert Gates and Adm. Mike Mullen",
        "Transcript of VOA Interview with Secretary of State John Kerry",
        "In an interview with VOA, Kerry said the talks would go on in 2014.",
        "Kerry said the talks would go on.",
        "The 2004 tsunami killed 230,000 people.",
        "The 2011 tsunami killed 18,000 people.",
        "Adm. Mike Mullen said the forces would stay until 2011.",
    ]
    vocab = Vocabulary([set(t.lower().split()) for t in texts])
    profiles = [make_profile(t, vocab) for t in texts]
    ranker = LinkRanker()
    for _ in range(2):  # (the second time from its kept kinds)
        for a in profiles:
            for b in profiles:
                score, shared = scored_pair(a, b, vocab)
                assert ranker(a, b, score, shared) == link_rank(a, b, score, shared)
