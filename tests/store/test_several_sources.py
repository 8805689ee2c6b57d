"""Reviews of a derived text against several sources, on SQLite and PostgreSQL: stored as the
several-source comparison, reopened the same, verdicts per change, carry-over that names the
source, old pair reviews untouched by the schema step that adds them.

The texts are real (benchmarks/pairs/multi/powell-resignation: a Wikinews story and the two
State Department texts it cites; see its source.md for origin and licence).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from factcheck_gui.engine import Comparison
from factcheck_gui.engine.sources import compare_sources
from factcheck_gui.engine.sources.projection import SourcedComparison, project, sourced
from factcheck_gui.importers import ImportedText
from factcheck_gui.review.opening import NoProgress, ReviewService
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.schema import alembic_config

POWELL = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs" / "multi" / "powell-resignation"
DERIVED = (POWELL / "derived-wikinews.txt").read_text(encoding="utf-8")
BRIEFING = (POWELL / "source1-state-dept-powell-briefing.txt").read_text(encoding="utf-8")
LETTER = (POWELL / "source2-state-dept-powell-letter.txt").read_text(encoding="utf-8")


def several(briefing_name: str = "briefing.txt") -> SourcedComparison:
    return project(
        compare_sources(
            DERIVED, [(briefing_name, BRIEFING), ("letter.txt", LETTER)], derived_name="story.txt"
        )
    )


def from_source(c: SourcedComparison, name: str) -> list[str]:
    """Ids of the changes (needing review) whose only source is ``name``."""
    return [ch.id for ch in c.changes if ch.is_change and c.from_names(ch) == (name,)]


def test_a_several_source_review_reopens_as_it_was_stored(store: ReviewStore) -> None:
    cmp = several()
    rid = store.create_review(cmp, title="", reviewer="ann")
    summary = store.review_summary(rid)
    assert summary.source_names == ("briefing.txt", "letter.txt")
    assert summary.title == "briefing.txt + letter.txt → story.txt"
    loaded = store.load_review(rid).comparison
    back = sourced(loaded)
    assert back is not None
    assert back.multi == cmp.multi  # the stored truth, exactly
    assert loaded == cmp  # and the pair view every consumer works on
    # Each change knows its sources by name; the left-hand text holds each source whole.
    letter_changes = from_source(back, "letter.txt")
    assert letter_changes
    for ch in back.changes:
        for cid in ch.original:
            claim = back.original.claim(cid)
            k = back.source_of_claim(cid)
            start, end = back.source_span(k)
            assert start <= claim.start <= claim.end <= end
            assert back.original.text[claim.start : claim.end] == claim.text
    assert back.original.text[slice(*back.source_span(1))].endswith(LETTER)


def test_verdicts_are_per_change_and_listed(store: ReviewStore) -> None:
    cmp = several()
    rid = store.create_review(cmp, title="", reviewer="ann")
    cid = from_source(cmp, "letter.txt")[0]
    store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
    review = store.load_review(rid)
    assert set(review.verdicts) == {cid}
    listed = store.list_reviews()
    assert [s.reviewed_changes for s in listed] == [1]
    assert listed[0].source_names == ("briefing.txt", "letter.txt")


def test_carry_over_names_the_source(store: ReviewStore) -> None:
    """The same texts, but the briefing now given under another name (another source with the
    same sentences): verdicts on changes from the letter carry, those on the briefing's don't."""
    first = several()
    a = store.create_review(first, title="", reviewer="ann")
    for ch in first.changes:
        if ch.is_change:
            store.set_verdict(a, ch.id, "Accurate", reviewer="ann", expected_version=0)
    again = several("other-wire.txt")
    b = store.create_review(again, title="", reviewer="bob")
    carried = store.carry_over(a, b, reviewer="bob")
    got = store.load_review(b).verdicts
    letter = from_source(again, "letter.txt")
    wire = from_source(again, "other-wire.txt")
    assert letter and wire
    assert set(letter) <= set(got)
    assert not set(wire) & set(got)
    assert carried == len(got)
    # Same names again: everything decided carries.
    c = store.create_review(several(), title="", reviewer="bob")
    assert store.carry_over(a, c, reviewer="bob") == sum(1 for ch in first.changes if ch.is_change)


def test_a_pair_review_given_a_source_carries_what_still_comes_from_its_original(
    store_url: str,
) -> None:
    service = ReviewService(store_url)
    try:
        story = ImportedText(DERIVED, "story.txt", _info("story.txt"))
        briefing = ImportedText(BRIEFING, "briefing.txt", _info("briefing.txt"))
        letter = ImportedText(LETTER, "letter.txt", _info("letter.txt"))
        pair = service.compare_and_create(briefing, story, reviewer="ann", ctx=NoProgress())
        store = service.store()
        decided = [ch for ch in pair.comparison.changes if ch.is_change]
        for ch in decided:
            store.set_verdict(pair.review_id, ch.id, "Misleading", reviewer="ann", expected_version=0)
        opened = service.add_sources(pair.review_id, [letter], reviewer="bob", ctx=NoProgress())
        new = sourced(opened.comparison)
        assert new is not None and new.source_names == ("briefing.txt", "letter.txt")
        assert opened.carried_from == pair.review_id
        assert opened.carried > 0
        assert any(new.from_names(new.change(cid)) for cid in opened.verdicts)
        # Only changes from the briefing alone (or still from no source) got verdicts, with the
        # pair's wording; none from the letter.
        pair_texts = {
            (pair.comparison.text_of(ch, "original"), pair.comparison.text_of(ch, "rewrite"))
            for ch in decided
        }
        for cid, v in opened.verdicts.items():
            ch = new.change(cid)
            assert new.from_names(ch) in ((), ("briefing.txt",))
            assert (new.text_of(ch, "original"), new.text_of(ch, "rewrite")) in pair_texts
            assert v.value == "Misleading" and v.carried_from is not None
        # The old review is untouched.
        assert len(store.load_review(pair.review_id).verdicts) == len(decided)
        assert store.load_review(pair.review_id).summary.source_names == ()
    finally:
        service.close()


def _info(name: str):  # type: ignore[no-untyped-def]
    from factcheck_gui.engine.types import SourceInfo

    return SourceInfo(kind="text", location=name)


def test_old_pair_reviews_open_unchanged_across_the_schema_step(
    store_url: str, comparison: Comparison
) -> None:
    with ReviewStore.open(store_url) as store:
        rid = store.create_review(comparison, title="pair", reviewer="ann")
        cid = next(c.id for c in comparison.changes if c.is_change)
        store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)
        before = store.load_review(rid)
    _alembic(store_url, "downgrade", "0004")
    with ReviewStore.open(store_url) as store:  # upgraded again on open
        after = store.load_review(rid)
        assert after == before
        assert sourced(after.comparison) is None and after.summary.source_names == ()
        store.create_review(several(), title="", reviewer="ann")
    # A schema-0004 app could not read a several-source review: the downgrade refuses.
    with pytest.raises(RuntimeError, match="several sources"):
        _alembic(store_url, "downgrade", "0004")


def _alembic(url: str, what: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, what)(cfg, revision)
    finally:
        engine.dispose()
