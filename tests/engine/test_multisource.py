"""A derived text against several sources: attribution across sources, used and unused source
claims, flags against the union, and agreement with the two-text form for one source.

Built from the real story texts in benchmarks/pairs/ (each pair's source.md names their
origin and licence): a pair's rewrite stitched together with another pair's rewrite is a
story made from two sources, and each pair's original is one of those sources.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest

from factcheck_gui.engine import ChangeKind, compare_texts, split_claims
from factcheck_gui.engine.sources import ClaimRef, MultiComparison, compare_sources
from factcheck_gui.engine.types import FlagChange

PAIRS = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs"
QUAKE = PAIRS / "tune" / "wire-ziarat-quake-voa-wikinews"  # VOA and Wikinews on a 2008 quake
EBOLA = PAIRS / "test" / "press-release-dod-ebola-support-team"  # DoD release and article
GATES = PAIRS / "tune" / "statement-gates-greenert-cno"  # a Pentagon briefing, unrelated to both


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def stitched(*texts: str) -> tuple[str, list[int], list[int]]:
    """The texts' paragraphs interleaved (one of each in turn): (text, paragraph starts, owner)."""
    paras = [paragraphs(t) for t in texts]
    out: list[str] = []
    owner: list[int] = []
    for k in range(max(map(len, paras))):
        for n, ps in enumerate(paras):
            if k < len(ps):
                out.append(ps[k])
                owner.append(n)
    starts, at = [], 0
    for p in out:
        starts.append(at)
        at += len(p) + 1
    return "\n".join(out) + "\n", starts, owner


def pair_links(cmp_: object) -> set[tuple[str, str]]:
    return {(o, r) for c in cmp_.changes if c.original and c.rewrite for o in c.original for r in c.rewrite}  # type: ignore[attr-defined]


def assert_every_claim_in_a_change(m: MultiComparison) -> None:
    seen_r = {r for c in m.changes for r in c.rewrite}
    assert seen_r == {c.id for c in m.rewrite.claims}
    seen_o = {(ref.source, ref.claim) for c in m.changes for ref in c.original}
    assert seen_o == {(k, c.id) for k, d in enumerate(m.sources) for c in d.claims}


def assert_spans_in_their_source(m: MultiComparison) -> None:
    for ch in m.changes:
        for op in ch.diff:
            if op.op.original is not None:
                a, b = op.op.original
                own = [m.source_claim(r) for r in ch.original if r.source == op.source]
                assert own and any(c.start <= a <= b <= c.end for c in own), (ch.id, op)
            if op.op.rewrite is not None:
                a, b = op.op.rewrite
                assert 0 <= a <= b <= len(m.rewrite.text)
        for f in (*ch.flags, *ch.omitted):
            if f.flag.original_span is not None:
                assert f.source is not None
                a, b = f.flag.original_span
                assert f.flag.original in m.sources[f.source].text[a:b] or a < b


# ------------------------------------------------------------------ one source: the pair form


@pytest.mark.parametrize("folder", [None, QUAKE, EBOLA, GATES], ids=["demo", "quake", "ebola", "gates"])
def test_one_source_is_the_two_text_comparison(folder: Path | None, reference_pair: tuple[str, str]) -> None:
    original, rewrite = (
        reference_pair if folder is None else (read(folder, "original.txt"), read(folder, "rewrite.txt"))
    )
    pair = compare_texts(original, rewrite)
    multi = compare_sources(rewrite, [("original", original)])
    assert len(multi.changes) == len(pair.changes)
    for a, b in zip(pair.changes, multi.changes, strict=True):
        assert (b.id, b.kind, b.rewrite, b.similarity, b.moved) == (
            a.id,
            a.kind,
            a.rewrite,
            a.similarity,
            a.moved,
        )
        assert tuple(r.claim for r in b.original) == a.original
        assert all(r.source == 0 for r in b.original)
        assert tuple(op.op for op in b.diff) == a.diff
        assert tuple(f.flag for f in b.flags) == a.flags
        assert tuple(f.flag for f in b.omitted) == a.omitted
    assert multi.sources[0].claims == pair.original.claims
    assert multi.rewrite.claims == pair.rewrite.claims


# ------------------------------------------------------------------ a story from two sources


@pytest.fixture(scope="module")
def triple() -> tuple[MultiComparison, list[int], list[int], str]:
    """The quake and Ebola rewrites stitched into one story, against the quake original, the
    Ebola original and an unrelated briefing."""
    derived, starts, owner = stitched(read(QUAKE, "rewrite.txt"), read(EBOLA, "rewrite.txt"))
    sources = [
        ("voa-quake.txt", read(QUAKE, "original.txt")),
        ("dod-ebola.txt", read(EBOLA, "original.txt")),
        ("gates-briefing.txt", read(GATES, "original.txt")),
    ]
    return compare_sources(derived, sources), starts, owner, derived


def test_claims_are_attributed_to_the_source_their_paragraph_came_from(
    triple: tuple[MultiComparison, list[int], list[int], str],
) -> None:
    m, starts, owner, _ = triple
    attributed = 0
    for cid, refs in m.attributions().items():
        c = m.rewrite.claim(cid)
        mine = owner[bisect.bisect_right(starts, c.start) - 1]
        assert {r.source for r in refs} <= {mine}, (cid, c.text, [r.key for r in refs])
        attributed += bool(refs)
    assert attributed >= 8
    assert m.used(2) == frozenset()  # the unrelated briefing supports nothing
    assert len(m.unused(2)) == len(m.sources[2].claims)


def test_each_source_links_as_its_own_pairwise_comparison_does(
    triple: tuple[MultiComparison, list[int], list[int], str],
) -> None:
    m, _, _, derived = triple
    for k, folder in enumerate((QUAKE, EBOLA)):
        pair = pair_links(compare_texts(read(folder, "original.txt"), derived))
        multi = {(r.claim, rid) for rid, refs in m.attributions().items() for r in refs if r.source == k}
        assert len(pair & multi) >= 0.8 * len(pair), (folder.name, sorted(pair - multi))


def test_the_summary_adds_up_and_every_claim_is_in_a_change(
    triple: tuple[MultiComparison, list[int], list[int], str],
) -> None:
    m, *_ = triple
    assert_every_claim_in_a_change(m)
    assert_spans_in_their_source(m)
    cov = {c.source: c for c in m.coverage()}
    assert cov[2].claims == 0
    assert cov[None].claims == len(m.unsupported())
    supported = {cid for cid, refs in m.attributions().items() if refs}
    assert cov[0].claims + cov[1].claims >= len(supported)
    for ch in m.changes:
        if ch.kind is ChangeKind.ADDED:
            assert not ch.original and ch.rewrite
        if ch.kind is ChangeKind.REMOVED:
            assert ch.original and not ch.rewrite


def test_json_round_trip(triple: tuple[MultiComparison, list[int], list[int], str]) -> None:
    m, *_ = triple
    data = m.to_json()
    assert data["schema"] == "factcheck.compare-multi/1"
    assert [s["id"] for s in data["sources"]] == ["s1", "s2", "s3"]
    assert MultiComparison.from_json(data) == m


# ------------------------------------------------------------------ the same claim in two sources


def first_claim_with(text: str, pattern: str) -> str:
    for c in split_claims(text, "o"):
        if re.search(pattern, c.text) and len(c.text.split()) >= 8:
            return c.text
    raise AssertionError(pattern)


def test_a_claim_both_sources_state_links_to_both() -> None:
    voa = read(QUAKE, "original.txt")
    shared = first_claim_with(voa, r"\d")  # a real VOA sentence with a figure in it
    # a second source that carries the same sentence among its own (the Ebola release)
    other = read(EBOLA, "original.txt").rstrip("\n") + "\n" + shared + "\n"
    derived = read(QUAKE, "rewrite.txt").rstrip("\n") + "\n" + shared + "\n"
    m = compare_sources(derived, [("voa", voa), ("release", other)])
    last = m.rewrite.claims[-1]
    assert last.text == shared
    refs = m.attribution(last.id)
    assert {r.source for r in refs} == {0, 1}
    for r in refs:
        assert m.source_claim(r).text == shared
    assert_every_claim_in_a_change(m)


def test_a_sentence_merged_from_two_sources_links_to_both_and_its_figures_are_not_added() -> None:
    voa = read(QUAKE, "original.txt")
    dod = read(EBOLA, "original.txt")
    a = first_claim_with(voa, r"\d")
    b = next(c.text for c in split_claims(dod, "o") if re.search(r"\d", c.text) and len(c.text.split()) >= 8)
    numbers_b = set(re.findall(r"\d[\d,.]*\d|\d", b)) - set(re.findall(r"\d[\d,.]*\d|\d", a))
    assert numbers_b  # the DoD sentence has a figure the VOA one lacks
    merged = a.rstrip(".") + "; " + b
    derived = read(QUAKE, "rewrite.txt").rstrip("\n") + "\n" + merged + "\n"
    m = compare_sources(derived, [("voa", voa), ("dod", dod)])
    last = m.rewrite.claims[-1]
    assert last.text == merged
    refs = m.attribution(last.id)
    assert ClaimRef(0, next(c.id for c in m.sources[0].claims if c.text == a)) in refs
    assert ClaimRef(1, next(c.id for c in m.sources[1].claims if c.text == b)) in refs
    change = next(c for c in m.changes if last.id in c.rewrite and c.primary)
    assert change.kind is ChangeKind.MERGED and change.sources == (0, 1)
    added = [f.flag for f in change.flags if f.flag.change is FlagChange.ADDED]
    assert not added, added  # a figure one source has is not "added" because the other lacks it
    # one diff per source: seen from each, the other source's half is inserted
    assert {op.source for op in change.diff} == {0, 1}
    assert_spans_in_their_source(m)
    # the pair form against the VOA source alone does call the DoD figure added
    pair = compare_texts(voa, derived)
    pair_change = next(c for c in pair.changes if last.id in c.rewrite and c.original)
    assert (
        any(f.change is FlagChange.ADDED for f in pair_change.flags)
        or pair_change.kind is not ChangeKind.MERGED
    )


def test_a_claim_from_no_source_says_so() -> None:
    voa = read(QUAKE, "original.txt")
    briefing = read(GATES, "original.txt")
    derived = read(QUAKE, "rewrite.txt")
    m = compare_sources(derived, [("voa", voa), ("briefing", briefing)])
    pair = compare_texts(voa, derived)
    pair_added = {r for c in pair.changes if c.kind is ChangeKind.ADDED for r in c.rewrite}
    assert pair_added <= set(m.unsupported())
    # (an unrelated source changes the word weights a little: a borderline link may fall)
    weak = {r for c in pair.changes if c.original and c.similarity < 0.2 for r in c.rewrite}
    assert set(m.unsupported()) - pair_added <= weak
    for ch in m.changes:
        if ch.kind is ChangeKind.ADDED:
            assert ch.nearest is None or isinstance(ch.nearest[0], ClaimRef)


@pytest.mark.parametrize("n", [0, 11])
def test_between_one_and_ten_sources(n: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 10 sources"):
        compare_sources("A claim.", [("s", "A claim.")] * n)


def test_ten_sources_in_one_call() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(PAIRS.glob("t*/*/original.txt"))[:10]]
    derived = "\n".join(paragraphs(t)[1] for t in texts) + "\n"
    m = compare_sources(derived, [(f"t{k}", t) for k, t in enumerate(texts)])
    assert len(m.sources) == 10
    assert_every_claim_in_a_change(m)
    # each derived paragraph is a source's own second paragraph: it is attributed to it
    for k, t in enumerate(texts):
        para = paragraphs(t)[1]
        at = derived.index(para)
        ids = [c.id for c in m.rewrite.claims if at <= c.start < at + len(para)]
        assert ids and all(k in {r.source for r in m.attribution(i)} for i in ids), (k, para[:60])


def test_same_inputs_same_answer_and_progress_to_the_end() -> None:
    sources = [("voa", read(QUAKE, "original.txt")), ("dod", read(EBOLA, "original.txt"))]
    derived, _, _ = stitched(read(QUAKE, "rewrite.txt"), read(EBOLA, "rewrite.txt"))
    seen: list[float] = []
    a = compare_sources(derived, sources, progress=seen.append)
    assert compare_sources(derived, sources) == a
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_cancel_stops_the_comparison() -> None:
    from factcheck_gui.engine.sources import Cancelled

    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        compare_sources(
            read(QUAKE, "rewrite.txt"), [("voa", read(QUAKE, "original.txt"))], cancelled=cancelled
        )
