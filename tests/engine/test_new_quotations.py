"""A rewrite claim that is largely a quotation the original has nowhere, and shares only a few
words with the claim it would be linked to, is new: an added claim with its unsourced
quotation flagged, not a "reworded" restatement of a claim it does not restate. Seen on real
pairs (a NASA release and VOA's report quoting an official the release does not quote; a
president's Saturday remarks beside what he said on Tuesday; a general quoted in one report and
not the other), where every such link was wrong."""

from __future__ import annotations

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.sources import compare_sources
from factcheck_gui.engine.types import ChangeKind, FlagType

ORIGINAL = (
    "NASA Finds 2014 Was Warmest Year\n"
    "The year 2014 ranks as Earth’s warmest since 1880, according to an analysis by NASA scientists.\n"
    "The ten warmest years on record have all occurred since 2000, with the exception of 1998.\n"
)
REWRITE = (
    "US Agencies: 2014 Hottest Year on Record\n"
    "“The observed long-term warming trend and the ranking of 2014 as the warmest year on record "
    "reinforces the importance for NASA to study Earth as a complete system,” an official said.\n"
    "Nine of the 10 hottest years have occurred since 2000.\n"
)


def test_a_new_quotation_is_an_added_claim_with_its_flag() -> None:
    cmp = compare_texts(ORIGINAL, REWRITE)
    (quoted,) = [c for c in cmp.changes if "r2" in c.rewrite]
    assert quoted.kind is ChangeKind.ADDED and not quoted.original
    assert [f.type for f in quoted.flags] == [FlagType.QUOTE_UNSOURCED]
    assert quoted.nearest is not None and quoted.nearest[0] == "o2"  # a link by hand stays one click away
    (left,) = [c for c in cmp.changes if "o2" in c.original]
    assert left.kind is ChangeKind.REMOVED and left.nearest is not None and left.nearest[0] == "r2"


def test_the_speakers_own_words_stay_linked_however_weakly() -> None:
    original = "The minister spoke in parliament.\nThe minister said the budget would be cut by 40 million.\n"
    rewrite = 'The minister spoke in parliament.\n"The budget would be cut by 40 million," she said.\n'
    cmp = compare_texts(original, rewrite)
    (quoted,) = [c for c in cmp.changes if "r2" in c.rewrite]
    assert quoted.original == ("o2",)


def test_a_quotation_sharpening_the_sources_words_stays_linked() -> None:
    original = "The minister spoke.\nThose responsible must face appropriately serious consequences, the minister said.\n"
    rewrite = 'The minister spoke.\nThose responsible "certainly will" face an allied response, she warned.\n'
    cmp = compare_texts(original, rewrite)
    (quoted,) = [c for c in cmp.changes if "r2" in c.rewrite]
    assert quoted.original == ("o2",)  # its quoted words are the source's "will", sharpened: a change to see


def test_one_source_gives_the_same_changes() -> None:
    pair = compare_texts(ORIGINAL, REWRITE)
    multi = compare_sources(REWRITE, [("original", ORIGINAL)])
    assert [(c.id, c.kind, c.rewrite) for c in pair.changes] == [
        (c.id, c.kind, c.rewrite) for c in multi.changes
    ]


def test_remarks_of_another_day_are_not_a_changed_date() -> None:
    original = (
        "Death toll rises in quake.\n"
        '"Let\'s not kid ourselves," President Rafael Correa said after visiting the damage Tuesday.\n'
    )
    rewrite = (
        "Death toll rises in quake.\n"
        "“These have been sad days for the homeland,” said a visibly moved President Rafael Correa "
        "during his regular Saturday TV broadcast.\n"
    )
    cmp = compare_texts(original, rewrite)
    assert not [
        f for c in cmp.changes if c.original and c.rewrite for f in c.flags if f.type is FlagType.DATE
    ]
    (said,) = [c for c in cmp.changes if "r2" in c.rewrite]
    assert said.kind is ChangeKind.ADDED and [f.type for f in said.flags] == [FlagType.QUOTE_UNSOURCED]


def test_a_headline_summing_up_the_claim_becomes_its_link_and_its_date_is_compared() -> None:
    """The original claim's other link was the rewrite headline's summary of it (a secondary
    link): with the quotation's link gone it is that claim's link, facts compared."""
    original = (
        "The year 2014 ranks as Earth’s warmest since 1880, according to an analysis by NASA scientists.\n"
        "The ten warmest years on record have all occurred since 2000, with the exception of 1998.\n"
    )
    rewrite = "Scientists at NASA release analysis since 1890\n" + REWRITE.split("\n", 1)[1]
    cmp = compare_texts(original, rewrite)
    holding = [c for c in cmp.changes if "o1" in c.original]
    assert any(c.rewrite for c in holding)  # linked: to the headline that sums it up
    multi = compare_sources(rewrite, [("original", original)])
    assert "o1" in multi.used(0)  # still counted as used: not left in no primary change
    assert any(f.type is FlagType.DATE for c in holding for f in c.flags)


def test_a_nested_quotation_is_counted_once() -> None:
    original = "Flooding hit the region.\nThe river rose by two metres overnight near the town, officials said on Monday.\n"
    said = (
        "Villagers near the town said on Monday, after a long night spent on the roofs of their houses "
        "with their children and animals, they had “heard {inner}” from engineers."
    )
    for inner in ("‘the old dam will hold, it always has’", "the old dam will hold, it always has"):
        cmp = compare_texts(original, "Flooding hit the region.\n" + said.format(inner=inner) + "\n")
        (linked,) = [c for c in cmp.changes if "r2" in c.rewrite]
        assert linked.original == ("o2",), inner  # a fifth of it quoted, nested or not: still linked


def test_single_and_guillemet_quotations_count_too() -> None:
    original = (
        "Death toll rises in quake.\n"
        "“Let’s not kid ourselves,” President Rafael Correa said after visiting the damage Tuesday.\n"
    )
    for opening, closing in (("‘", "’"), ("«", "»")):
        rewrite = (
            "Death toll rises in quake.\n"
            f"{opening}These have been sad days for the homeland,{closing} said a visibly moved President "
            "Rafael Correa during his regular Saturday TV broadcast.\n"
        )
        cmp = compare_texts(original, rewrite)
        (said,) = [c for c in cmp.changes if "r2" in c.rewrite]
        assert said.kind is ChangeKind.ADDED, (opening, said)
