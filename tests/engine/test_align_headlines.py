"""Headlines on real-looking story openings: what each one is linked to, and how it is shown."""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.engine import compare_texts


def _pairs(original: str, rewrite: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    return [(c.original, c.rewrite, c.kind.value) for c in compare_texts(original, rewrite).changes]


def test_a_headline_over_two_lead_claims_is_two_summaries_never_a_split_or_a_repeat() -> None:
    original = (
        "U.S. military forces attacked ISIL fighters in Syria on Thursday using fighter aircraft "
        "to conduct seven airstrikes.\n\n"
        "Separately, partner nation forces conducted two airstrikes against ISIL in Iraq.\n"
    )
    rewrite = (
        "Airstrikes Hit ISIL in Syria, Iraq\n\n"
        "U.S. military forces attacked ISIL fighters in Syria yesterday using fighter aircraft "
        "to conduct seven airstrikes.\n\n"
        "Separately, partner-nation forces conducted two airstrikes against ISIL in Iraq.\n"
    )
    pairs = _pairs(original, rewrite)
    # each pair of claims is one change, reported once
    assert len({(o, r) for o, r, _ in pairs}) == len(pairs), pairs
    # the headline sums up both lead claims, each a pair of its own; neither lead claim is
    # split into the headline and its restatement
    assert {o for o, r, _ in pairs if r == ("r1",)} == {("o1",), ("o2",)}, pairs
    assert not [p for p in pairs if p[2] in ("split", "merged")], pairs
    assert (("o1",), ("r2",), "reworded") in pairs
    assert (("o2",), ("r3",), "reworded") in pairs


def test_a_headline_is_linked_to_the_lead_not_to_a_later_claim_repeating_its_words() -> None:
    original = (
        "Special forces supported a Kurdish operation to rescue hostages held by militants at a "
        "prison near Hawija in Iraq.\n\n"
        "About 70 hostages were freed and five militants were detained.\n\n"
        "One American soldier was wounded during the rescue mission and later died of his wounds in Iraq.\n"
    )
    rewrite = (
        "U.S. Forces Aid Hostage Rescue Mission in Iraq\n\n"
        "American special forces helped Kurdish fighters free about 70 hostages from a militant "
        "prison near Hawija.\n\n"
        "One American soldier was wounded in the raid and later died.\n"
    )
    pairs = _pairs(original, rewrite)
    headline = [(o, kind) for o, r, kind in pairs if "r1" in r]
    assert headline == [(("o1",), "reworded")], pairs
    # the soldier's sentence is restated by the rewrite's third claim alone
    assert (("o3",), ("r3",), "reworded") in pairs


def test_no_claim_joins_a_headline_as_a_fragment_of_a_split_or_merge() -> None:
    # A NASA release and the Wikinews story made from it (both public domain): the release's
    # title sums up its lead; a rewrite claim whose best candidate is that title is no second
    # half of it.
    pair = (
        Path(__file__).resolve().parents[2]
        / "benchmarks/pairs/tune/science-release-asteroid-2004mn4-ruled-out"
    )
    cmp = compare_texts((pair / "original.txt").read_text("utf-8"), (pair / "rewrite.txt").read_text("utf-8"))
    assert cmp.original.claims[0].text.startswith("Possibility of an Earth Impact in 2029")
    grouped = [c for c in cmp.changes if len(c.original) + len(c.rewrite) > 2]
    assert not [c for c in grouped if "o1" in c.original], grouped


def test_two_headlines_that_restate_each_other_are_not_also_linked_to_the_leads() -> None:
    original = (
        "Update: U.S. Response to Pakistan's Flooding Disaster\n\n"
        "The United States has responded generously to Pakistan's call for assistance after the floods.\n\n"
        "Two additional U.S. Marine Corps helicopters arrived at an air base in Pakistan today.\n"
    )
    rewrite = (
        "Additional Aid To Pakistan\n\n"
        "The United States will provide an additional 20 million dollars in aid to Pakistan's flooded areas.\n\n"
        "Every ten dollars helps provide tents to displaced families.\n"
    )
    pairs = _pairs(original, rewrite)
    assert [o for o, r, _ in pairs if r == ("r1",)] == [("o1",)], pairs
    assert [r for o, r, _ in pairs if o == ("o1",)] == [("r1",)], pairs
