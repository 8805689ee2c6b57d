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
