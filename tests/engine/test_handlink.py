"""A reviewer links a removed and an added claim the engine left apart: one change, with the
word diff and the fact flags the engine gives a link, the other changes untouched; taken apart
again, the comparison is as it was. Through the JSON and back, nothing is lost."""

from __future__ import annotations

import pytest

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.handlink import LinkError, link_by_hand, link_candidates, next_change_id, unlink
from factcheck_gui.engine.types import ChangeKind, Comparison, FlagType
from tests.engine.test_nearest_hint import ORIGINAL, REWRITE


@pytest.fixture(scope="module")
def flood() -> Comparison:
    return compare_texts(ORIGINAL, REWRITE)


def test_the_link_is_one_reworded_change_with_the_changed_figure_flagged(flood: Comparison) -> None:
    assert [c.kind for c in flood.changes] == [
        ChangeKind.UNCHANGED,
        ChangeKind.REMOVED,
        ChangeKind.ADDED,
        ChangeKind.UNCHANGED,
    ]
    linked_cmp, linked = link_by_hand(flood, "c3", "c2")  # either order
    assert linked.id == "c5" and linked.by_hand
    assert (linked.kind, linked.original, linked.rewrite) == (ChangeKind.REWORDED, ("o2",), ("r2",))
    assert [(f.type, f.original, f.rewrite) for f in linked.flags] == [(FlagType.NUMBER, "40", "45")]
    assert linked.diff and 0 < linked.similarity < 0.5
    # where the removed claim stood; the others as they were, ids and all
    assert [c.id for c in linked_cmp.changes] == ["c1", "c5", "c4"]
    assert linked_cmp.changes[0] == flood.changes[0] and linked_cmp.changes[2] == flood.changes[3]


def test_the_link_survives_the_json_and_comes_apart_as_it_was(flood: Comparison) -> None:
    linked_cmp, linked = link_by_hand(flood, "c2", "c3")
    data = linked_cmp.to_json()
    hand = data["changes"][1]["by_hand"]
    assert [part["at"] for part in hand["from"]] == [1, 2]
    assert [part["id"] for part in hand["from"]] == ["c2", "c3"]
    assert "by_hand" not in data["changes"][0]  # engine-made changes: the JSON as before
    again = Comparison.from_json(data)
    assert again == linked_cmp
    apart, parts = unlink(again, linked.id)
    assert apart == flood
    assert [p.id for p in parts] == ["c2", "c3"]


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("c1", "c3", "c1 is unchanged, not added or removed"),
        ("c2", "c2", "both removed"),
        ("c9", "c3", "no change c9"),
    ],
)
def test_only_a_removed_and_an_added_claim_can_be_linked(
    flood: Comparison, first: str, second: str, why: str
) -> None:
    with pytest.raises(LinkError, match=why):
        link_by_hand(flood, first, second)


def test_an_engine_link_cannot_be_taken_apart(flood: Comparison) -> None:
    with pytest.raises(LinkError, match="linked by the engine"):
        unlink(flood, "c1")


def test_a_new_id_is_never_one_used_before(flood: Comparison) -> None:
    assert next_change_id(flood) == "c5"
    assert next_change_id(flood, ["c5", "c7"]) == "c8"


@pytest.fixture(scope="module")
def demo() -> Comparison:
    from tests.conftest import SAMPLES

    return compare_texts(
        (SAMPLES / "original.txt").read_text(encoding="utf-8"),
        (SAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
    )


@pytest.mark.parametrize("undo_order", [(0, 1, 2), (2, 1, 0), (1, 0, 2), (1, 2, 0)])
def test_links_taken_apart_in_any_order_give_the_engine_order_back(
    demo: Comparison, undo_order: tuple[int, int, int]
) -> None:
    pairs = [("c7", "c16"), ("c13", "c14"), ("c11", "c15")]  # far apart and crossing
    cmp, made = demo, []
    for first, second in pairs:
        cmp, linked = link_by_hand(cmp, first, second, next_change_id(cmp, [m.id for m in made]))
        made.append(linked)
    assert [c.id for c in cmp.changes].count("c16") == 0 and len(cmp.changes) == len(demo.changes) - 3
    for k in undo_order:
        cmp, _parts = unlink(cmp, made[k].id)
        # each step: every change made by the engine in the engine's reading order
        engine_made = [c.id for c in cmp.changes if not c.by_hand]
        assert engine_made == [c.id for c in demo.changes if c.id in engine_made]
    assert cmp == demo


def test_the_candidates_for_a_link_are_the_other_kind_likeliest_first(demo: Comparison) -> None:
    found = link_candidates(demo, "c7")  # a removed claim
    assert [c.id for c, _s in found][:1] == ["c14"]  # its closest counterpart first
    assert all(c.kind is ChangeKind.ADDED for c, _s in found)
    scores = [s for _c, s in found]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    back = link_candidates(demo, "c14")  # and from the added side, the removed ones
    assert back and all(c.kind is ChangeKind.REMOVED for c, _s in back) and back[0][0].id == "c7"
    assert link_candidates(demo, "c1") == []  # a change that is not one-sided has none
    assert link_candidates(demo, "c999") == []
