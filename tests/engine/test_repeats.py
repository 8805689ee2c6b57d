"""Claims whose words come back are worked out once: the comparison is the same as working
each of them out again.

A story that repeats itself (a pasted paragraph, boilerplate, a list of like items, a run-on
text cut into like pieces) has its score, word diff, fact flags, candidate queries and
quotation checks reused (``factcheck_gui/engine/memo.py``) and moved to where each copy
stands. These tests compare every field of the comparison with reuse on and off, on texts
built to repeat.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck_gui.engine import compare_texts, memo
from factcheck_gui.engine.compare import _Memo

PAIRS = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs"


def _both(a: str, b: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    reused = json.dumps(compare_texts(a, b).to_json(), sort_keys=True)
    with monkeypatch.context() as m:
        m.setattr(memo, "REUSE", False)
        plain = json.dumps(compare_texts(a, b).to_json(), sort_keys=True)
    return reused, plain


def _no_stops(text: str) -> str:
    return " ".join(re.sub(r"[.!?]+(?=\s|$)", "", text).split())


def test_a_story_pasted_twice_compares_as_if_worked_out_twice(
    reference_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    o, r = reference_pair
    # the second copy at other offsets, in another order on one side
    a = f"{o}\n\n{o}\n"
    b = f"{r}\n\nAn added line here.\n\n{r}\n"
    reused, plain = _both(a, b, monkeypatch)
    assert reused == plain


def test_reuse_happens_on_repeats(reference_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    o, r = reference_pair
    hits: list[int] = []
    real_get = _Memo.get

    def counting_get(self: _Memo, oc, rc):  # type: ignore[no-untyped-def]
        got = real_get(self, oc, rc)
        hits.append(got is not None)
        return got

    monkeypatch.setattr(_Memo, "get", counting_get)
    compare_texts(f"{o}\n\n{o}", f"{r}\n\n{r}")
    assert sum(hits) > 0  # the second copy's changes came from the first's


def test_a_run_on_text_without_full_stops(
    reference_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # cut into 1,500-character pieces at commas; doubled, so pieces come back
    o, r = (_no_stops(t) for t in reference_pair)
    reused, plain = _both(f"{o} {o} {o}", f"{r} {r} {r}", monkeypatch)
    assert reused == plain


def test_repeated_bullets(reference_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    def bullets(text: str, n: int) -> str:
        lines = [s for s in " ".join(text.split()).split(". ") if s]
        return "".join(f"- {s}\n" for s in (lines * (n // len(lines) + 1))[:n])

    o, r = reference_pair
    reused, plain = _both(bullets(o, 150), bullets(r, 140), monkeypatch)
    assert reused == plain


@pytest.mark.parametrize("part", ["tune", "test"])
def test_labelled_pairs_doubled(part: str, monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = sorted(d for d in (PAIRS / part).iterdir() if (d / "original.txt").is_file())
    assert dirs
    for d in dirs[:12]:
        o = (d / "original.txt").read_text(encoding="utf-8")
        r = (d / "rewrite.txt").read_text(encoding="utf-8")
        reused, plain = _both(f"{o}\n\n{o}", f"{r}\n\n{r}", monkeypatch)
        assert reused == plain, d.name
