"""What a fact-checker expects the engine to find in the built-in demo pair."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck_gui.engine import ChangeKind, Comparison, Flag, FlagType, compare_texts
from factcheck_gui.engine.types import FlagChange, Severity
from tests.engine.flags.seen import review


@pytest.fixture(scope="module")
def cmp(reference_pair: tuple[str, str]) -> Comparison:
    """The demo pair as a reviewer sees it: each change with the flags of changed or added facts
    (the omissions and low notes kept apart, see :func:`omissions`)."""
    got, seen = review(*reference_pair)
    return replace(got, changes=tuple(replace(s.change, flags=s.flags) for s in seen))


def omissions(reference_pair: tuple[str, str]) -> list[Flag]:
    return [f for s in review(*reference_pair)[1] for f in s.omitted]


def claim_id(doc_claims: tuple, start_of_text: str) -> str:  # type: ignore[type-arg]
    hits = [c.id for c in doc_claims if c.text.lstrip('“"').startswith(start_of_text)]
    assert len(hits) == 1, (start_of_text, hits)
    return hits[0]


def change_with(cmp: Comparison, claim: str):  # type: ignore[no-untyped-def]
    found = cmp.changes_for_claim(claim)
    assert found, f"{claim} is in no change"
    return found[0]


def test_nuclear_doctrine_paragraph_is_added(cmp: Comparison) -> None:
    for start in ("Additionally, Putin mentioned", "He cited discussions", "In particular, explosive"):
        rid = claim_id(cmp.rewrite.claims, start)
        assert change_with(cmp, rid).kind is ChangeKind.ADDED


def test_yonhap_sentence_and_leadership_quote_are_removed(cmp: Comparison) -> None:
    for start in ("The remarks came after South Korean news agency Yonhap", "If it will, then we will take"):
        oid = claim_id(cmp.original.claims, start)
        assert change_with(cmp, oid).kind is ChangeKind.REMOVED


def test_western_countries_sentence_is_found_although_it_moved(cmp: Comparison) -> None:
    oid = claim_id(cmp.original.claims, "Western countries have shunned")
    rid = claim_id(cmp.rewrite.claims, "Western nations have expressed alarm")
    ch = change_with(cmp, oid)
    assert rid in ch.rewrite
    assert ch.kind is ChangeKind.MOVED and ch.moved


def test_big_mistake_quotation_is_flagged_as_words_the_original_never_quotes(cmp: Comparison) -> None:
    rid = claim_id(cmp.rewrite.claims, "Putin also issued a warning")
    ch = change_with(cmp, rid)
    oid = claim_id(cmp.original.claims, "Putin said South Korea would be making")
    assert oid in ch.original
    flags = [f for f in ch.flags if f.type is FlagType.QUOTE_UNSOURCED and "painful for Seoul" in f.rewrite]
    assert flags, [f.message for f in ch.flags]
    # the closest source wording is reported, and it is the reported-speech sentence
    assert "would be making" in flags[0].original and "painful for Seoul" in flags[0].original
    assert "reported speech" in flags[0].message


def test_mirror_response_is_flagged_as_newly_quoted(cmp: Comparison) -> None:
    rid = claim_id(cmp.rewrite.claims, "He suggested that arming North Korea")
    flags = [f for ch in cmp.changes_for_claim(rid) for f in ch.flags if f.rewrite == "mirror response"]
    assert flags and flags[0].type is FlagType.QUOTE_UNSOURCED
    assert "newly put in quotation marks" in flags[0].message


def test_might_supply_vs_may_consider_supplying_is_a_hedge_change(cmp: Comparison) -> None:
    oid = claim_id(cmp.original.claims, "PRESIDENT Vladimir Putin said")
    hedges = [f for ch in cmp.changes_for_claim(oid) for f in ch.flags if f.type is FlagType.HEDGE]
    assert hedges
    assert "might supply" in hedges[0].original
    assert "may consider supplying" in hedges[0].rewrite


def test_quotation_the_source_really_has_is_not_flagged(cmp: Comparison) -> None:
    rid = claim_id(cmp.rewrite.claims, "We then reserve the right")
    for ch in cmp.changes_for_claim(rid):
        assert not [f for f in ch.flags if f.type in (FlagType.QUOTE_ALTERED, FlagType.QUOTE_UNSOURCED)]


def test_invented_quotation_in_added_paragraph_is_unsourced(cmp: Comparison) -> None:
    rid = claim_id(cmp.rewrite.claims, "In particular, explosive")
    flags = [f for f in change_with(cmp, rid).flags if f.type is FlagType.QUOTE_UNSOURCED]
    assert flags and "not found in the original" in flags[0].message


def test_dropped_negation_in_the_weapons_quotation_is_flagged(cmp: Comparison) -> None:
    # "I do not exclude this either" disappears from the rewrite's version of the quotation.
    oid = claim_id(cmp.original.claims, "I said, including in Pyongyang")
    flags = [f for ch in cmp.changes_for_claim(oid) for f in ch.flags if f.type is FlagType.NEGATION]
    assert flags and "not" in flags[0].original
    assert (flags[0].change, flags[0].severity) == (FlagChange.CHANGED, Severity.HIGH)


def test_what_the_rewrite_only_leaves_out_is_kept_apart_from_the_flags(
    cmp: Comparison, reference_pair: tuple[str, str]
) -> None:
    # Vietnam, Pyongyang, Wednesday … are left out, not falsified: omissions, never flags.
    gone = omissions(reference_pair)
    assert {"name omitted: Vietnam", "name omitted: Pyongyang", "date omitted: Wednesday"} <= {
        f.message for f in gone
    }
    assert all(f.severity is Severity.LOW for f in gone)
    kept = [f for ch in cmp.changes for f in ch.flags]
    assert not [f for f in kept if f.change is FlagChange.OMITTED or f.severity is Severity.LOW]
    # and nothing the original has elsewhere (Moscow, Pyongyang, Thursday) is called added
    assert not [f for f in kept if f.change is FlagChange.ADDED and f.type is not FlagType.QUOTE_UNSOURCED]


def test_every_claim_is_in_a_change_and_ids_are_stable(
    cmp: Comparison, reference_pair: tuple[str, str]
) -> None:
    seen_o = {c for ch in cmp.changes for c in ch.original}
    seen_r = {c for ch in cmp.changes for c in ch.rewrite}
    assert seen_o == {c.id for c in cmp.original.claims}
    assert seen_r == {c.id for c in cmp.rewrite.claims}
    first = compare_texts(*reference_pair, original_name="original.txt", rewrite_name="rewrite.txt")
    again = compare_texts(*reference_pair, original_name="original.txt", rewrite_name="rewrite.txt")
    assert again.to_json() == first.to_json()
    assert [c.id for c in first.changes] == [c.id for c in cmp.changes]
