"""Opening a review: its title, reopening the demo, carry-over offers and what the reader hears."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.importers import ImportedText
from factcheck_gui.resources import sample_pair
from factcheck_gui.review.carry import announce
from factcheck_gui.review.opening import REPLACED, NoProgress, ReviewService, review_title
from factcheck_gui.review.wording import Level


def test_the_window_and_the_command_line_give_a_review_the_same_title(
    service: ReviewService, demo: tuple[ImportedText, ImportedText], db_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    opened = service.compare_and_create(*demo, reviewer="Ann", ctx=NoProgress())
    assert opened.title == review_title("original.txt", "rewrite.txt") == "original.txt → rewrite.txt"
    original, rewrite = sample_pair()
    assert main(["review", "new", str(original), str(rewrite), "--db", str(db_path), "--json"]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    assert from_cli["title"] == opened.title


def test_the_demo_pair_reopens_its_review_instead_of_adding_one(
    service: ReviewService, demo: tuple[ImportedText, ImportedText]
) -> None:
    first = service.reopen_or_create(*demo, reviewer="Ann", ctx=NoProgress())
    again = service.reopen_or_create(*demo, reviewer="Ann", ctx=NoProgress())
    assert again.review_id == first.review_id
    assert len(service.list_reviews()) == 1


def _reviewed(service: ReviewService, demo: tuple[ImportedText, ImportedText], count: int) -> int:
    opened = service.compare_and_create(*demo, reviewer="Ann", ctx=NoProgress())
    store = service.store()
    for change in opened.index.review_changes[:count]:
        store.set_verdict(opened.review_id, change.id, opened.scale[0], reviewer="Ann", expected_version=0)
    return opened.review_id


def _edited(demo: tuple[ImportedText, ImportedText]) -> tuple[ImportedText, ImportedText]:
    original, rewrite = demo
    text = rewrite.text.replace(".", ". A new closing line was added here.", 1)
    return original, ImportedText(text, "rewrite-2.txt", rewrite.source.__class__())


def test_an_earlier_review_is_offered_with_how_many_verdicts_would_carry(
    service: ReviewService, demo: tuple[ImportedText, ImportedText]
) -> None:
    earlier = _reviewed(service, demo, 3)
    opened = service.compare_and_create(*_edited(demo), reviewer="Ann", ctx=NoProgress(), replaced=earlier)
    assert [(o.review_id, o.relation) for o in opened.offers][:1] == [(earlier, REPLACED)]
    best = opened.offers[0]
    assert 1 <= best.verdicts <= 3
    news = announce(opened, replaced_told=0)
    assert news is not None and news.offer == best and news.level is Level.INFO
    assert news.button == f"Carry {best.verdicts} over"
    assert f"of review #{earlier}" in news.text and "(the review you compared again)" in news.text


def test_verdicts_carried_at_once_are_announced(
    service: ReviewService, demo: tuple[ImportedText, ImportedText]
) -> None:
    earlier = _reviewed(service, demo, 2)
    opened = service.compare_and_create(*_edited(demo), reviewer="Ann", ctx=NoProgress(), carry_from=earlier)
    assert opened.carried >= 1 and opened.carried_from == earlier and opened.offers == []
    news = announce(opened, replaced_told=0)
    assert news is not None and news.offer is None and news.level is Level.INFO
    assert news.text.endswith(f"carried over from review #{earlier}.")


@pytest.mark.parametrize(("told_before", "tells"), [(0, True), (2, True), (3, False)])
def test_characters_the_store_could_not_keep_are_told_once_per_review(
    service: ReviewService, demo: tuple[ImportedText, ImportedText], told_before: int, tells: bool
) -> None:
    original, rewrite = demo
    broken = ImportedText(rewrite.text + " \udcff\udcfe\udcfd", rewrite.name, rewrite.source.__class__())
    opened = service.compare_and_create(original, broken, reviewer="Ann", ctx=NoProgress())
    assert opened.replaced_chars == 3
    news = announce(opened, replaced_told=told_before)
    if not tells:
        assert news is None
        return
    assert news is not None and news.level is Level.WARNING and news.told_replaced == 3
    assert "3 characters of this review" in news.text
