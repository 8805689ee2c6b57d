"""The fact ledger: every number, date, name, title and quotation of both versions, each kept,
changed, dropped or new, with the change that holds it — on the demo pair and real pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui.engine.compare import Cancelled, compare_texts
from factcheck_gui.engine.ledger import FactKind, FactStatus, Ledger, LedgerEntry, build_ledger
from factcheck_gui.engine.types import ChangeKind, Comparison

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "benchmarks" / "pairs" / "test"
DEMO = ROOT / "resources" / "samples"

KEPT, CHANGED, DROPPED, NEW = FactStatus.KEPT, FactStatus.CHANGED, FactStatus.DROPPED, FactStatus.NEW


def _compare(folder: Path) -> Comparison:
    return compare_texts(
        (folder / "original.txt").read_text(encoding="utf-8"),
        (folder / "rewrite.txt").read_text(encoding="utf-8"),
    )


@pytest.fixture(scope="module")
def demo() -> tuple[Comparison, Ledger]:
    c = _compare(DEMO)
    return c, build_ledger(c)


@pytest.fixture(scope="module")
def pakistan() -> tuple[Comparison, Ledger]:
    c = _compare(PAIRS / "developing-pakistan-quake-2013")
    return c, build_ledger(c)


@pytest.fixture(scope="module")
def taiwan() -> tuple[Comparison, Ledger]:
    c = _compare(PAIRS / "wire-taiwan-quake-learning-english")
    return c, build_ledger(c)


def one(ledger: Ledger, kind: FactKind, text: str, status: FactStatus | None = None) -> LedgerEntry:
    found = [e for e in ledger.find(text, status) if e.kind is kind]
    assert found, (
        f"no {kind} {text!r} ({status}) in {[(e.kind.value, e.text, e.status.value) for e in ledger.entries]}"
    )
    return found[0]


def test_demo_pair_is_the_shared_reference_story() -> None:
    shared = Path("/work/shared/stories/putin-north-korea")
    if not shared.is_dir():
        pytest.skip("the shared reference story is not on this machine")
    for name in ("original.txt", "rewrite.txt"):
        assert (DEMO / name).read_text(encoding="utf-8") == (shared / name).read_text(encoding="utf-8")


def test_demo_dropped_names_and_dates_point_at_their_change(demo: tuple[Comparison, Ledger]) -> None:
    c, ledger = demo
    vietnam = one(ledger, FactKind.NAME, "Vietnam")
    assert vietnam.status is DROPPED
    assert c.original.text[slice(*vietnam.original_span)] == "Vietnam"  # type: ignore[misc]
    assert "o2" in c.change(vietnam.change).original
    yonhap = one(ledger, FactKind.NAME, "Yonhap")
    assert yonhap.status is DROPPED and c.change(yonhap.change).kind is ChangeKind.REMOVED
    wednesday = one(ledger, FactKind.DATE, "Wednesday")
    assert wednesday.status is DROPPED and wednesday.rewrite == "" and wednesday.rewrite_span is None
    assert one(ledger, FactKind.DATE, "earlier this month").status is DROPPED


def test_demo_kept_facts_have_both_spans(demo: tuple[Comparison, Ledger]) -> None:
    c, ledger = demo
    thursday = one(ledger, FactKind.DATE, "Thursday")
    assert thursday.status is KEPT
    assert c.original.text[slice(*thursday.original_span)] == "Thursday"  # type: ignore[misc]
    assert c.rewrite.text[slice(*thursday.rewrite_span)] == "Thursday"  # type: ignore[misc]
    us = one(ledger, FactKind.NAME, "U.S.")  # "The United States" → "the U.S.": one name
    assert us.status is KEPT and us.original == "United States"
    kim = one(ledger, FactKind.NAME, "Kim Jong Un", KEPT)
    assert kim.change == "c2"


def test_demo_quotations(demo: tuple[Comparison, Ledger]) -> None:
    c, ledger = demo
    # Words the original reports are newly put in quotation marks: a changed quotation.
    mirror = one(ledger, FactKind.QUOTATION, "mirror response")
    assert mirror.status is CHANGED and mirror.note.startswith(
        "“mirror response” newly put in quotation marks"
    )
    # The nuclear-doctrine paragraph is added: its quotation is a new fact, in that change.
    devices = one(ledger, FactKind.QUOTATION, "explosive nuclear devices")
    assert devices.status is NEW and devices.original == "" and devices.original_span is None
    assert c.change(devices.change).kind is ChangeKind.ADDED
    # A quotation the rewrite shortens keeps the source's words.
    reserve = one(ledger, FactKind.QUOTATION, "reserve the right")
    assert reserve.status is KEPT and reserve.original.startswith("I said, including in Pyongyang")
    # The closing quotation of the original is left out.
    assert one(ledger, FactKind.QUOTATION, "lethal weapons").status is DROPPED


def test_demo_title_lengthened_is_kept(demo: tuple[Comparison, Ledger]) -> None:
    _, ledger = demo
    putin = one(ledger, FactKind.TITLE, "Russian President Vladimir Putin")
    assert putin.status is KEPT
    assert putin.original == "PRESIDENT Vladimir Putin" and "lengthened" in putin.note


def test_number_only_in_an_added_paragraph_is_new(pakistan: tuple[Comparison, Ledger]) -> None:
    c, ledger = pakistan
    toll = one(ledger, FactKind.NUMBER, "73,000")
    assert toll.status is NEW and toll.rewrite == "at least 73,000 people"
    assert c.change(toll.change).kind is ChangeKind.ADDED
    assert c.rewrite.text[slice(*toll.rewrite_span)].endswith("73,000 people")  # type: ignore[misc]
    assert one(ledger, FactKind.NUMBER, "446").status is NEW
    assert one(ledger, FactKind.DATE, "2005").status is NEW


def test_number_changed_carries_the_flag(pakistan: tuple[Comparison, Ledger]) -> None:
    _, ledger = pakistan
    toll = one(ledger, FactKind.NUMBER, "348 people")
    assert toll.status is CHANGED
    assert toll.original == "at least 327 people" and toll.text == "at least 327 people → 348 people"
    assert toll.note  # the engine's own message says how
    magnitude = one(ledger, FactKind.NUMBER, "7.7")
    assert magnitude.status is KEPT  # "7.7 magnitude quake" / "magnitude 7.7 quake"
    assert one(ledger, FactKind.NUMBER, "more than 24 hours").status is DROPPED


def test_figures_in_words_and_elsewhere_are_kept(taiwan: tuple[Comparison, Ledger]) -> None:
    _, ledger = taiwan
    teams = one(ledger, FactKind.NUMBER, "rescue teams")
    assert (
        teams.status is KEPT
        and teams.original == "16 rescue teams"
        and teams.rewrite == "Sixteen rescue teams"
    )
    assert teams.other_change and teams.other_change != teams.change  # the rewrite says it in another change
    assert f"states it in {teams.other_change}" in teams.note
    assert one(ledger, FactKind.NUMBER, "more than 300 people").status is KEPT  # "over 300 people"
    assert one(ledger, FactKind.NUMBER, "500 experts").status is DROPPED


def test_claim_in_two_changes_pairs_where_the_sentence_is(taiwan: tuple[Comparison, Ledger]) -> None:
    # o2 is the lead's counterpart (and may be the headline's too): its figures pair there.
    c, ledger = taiwan
    (lead,) = [ch.id for ch in c.changes if ch.original == ("o2",) and ch.rewrite == ("r2",)]
    survivors = one(ledger, FactKind.NUMBER, "Two survivors")
    assert survivors.status is KEPT and survivors.rewrite == "Two people" and survivors.change == lead
    assert len(ledger.find("17-story")) == 1


def test_small_pair_exact() -> None:
    c = compare_texts(
        "The storm killed 12 people in Lisbon on Monday.\n\nRoads were closed.\n",
        "The storm killed 15 people in Lisbon on Monday.\n\nRoads were closed.\n\n"
        "Officials in Porto said 300 homes were destroyed.\n",
    )
    ledger = build_ledger(c)
    got = {(e.kind.value, e.text, e.status.value) for e in ledger.entries}
    assert ("number", "12 people → 15 people", "changed") in got
    assert ("date", "Monday", "kept") in got
    assert ("name", "Lisbon", "kept") in got
    assert ("number", "300 homes", "new") in got
    assert ("name", "Porto", "new") in got
    assert ledger.status_counts()[DROPPED] == 0
    # Every entry points at a change of the comparison, and its spans hold its words.
    ids = {ch.id for ch in c.changes}
    for e in ledger.entries:
        assert set(e.changes) <= ids
        if e.original_span is not None:
            assert c.original.text[e.original_span[0] : e.original_span[1]] == e.original
        if e.rewrite_span is not None:
            assert c.rewrite.text[e.rewrite_span[0] : e.rewrite_span[1]].startswith(e.rewrite.split()[0])


def test_entries_grouped_by_kind_in_reading_order(demo: tuple[Comparison, Ledger]) -> None:
    c, ledger = demo
    order = {ch.id: i for i, ch in enumerate(c.changes)}
    kinds = list(FactKind)
    keys = [(kinds.index(e.kind), order[e.change]) for e in ledger.entries]
    assert keys == sorted(keys)
    assert ledger.for_change("c16") and all("c16" in e.changes for e in ledger.for_change("c16"))
    counts = ledger.counts()
    assert counts[FactKind.QUOTATION, NEW] == 1
    assert sum(counts.values()) == len(ledger)


def test_cancelled() -> None:
    c = _compare(DEMO)
    with pytest.raises(Cancelled):
        build_ledger(c, cancelled=lambda: True)


def test_every_pair_builds_and_spans_hold_the_words() -> None:
    for folder in sorted(PAIRS.iterdir()):
        c = _compare(folder)
        ledger = build_ledger(c)
        assert ledger.entries, folder.name
        for e in ledger.entries:
            if e.original_span is not None:
                words = " ".join(c.original.text[e.original_span[0] : e.original_span[1]].split())
                assert words == e.original, (folder.name, e)
            if e.status is NEW:
                assert e.rewrite_span is not None and not e.original
            if e.status is DROPPED:
                assert e.original_span is not None and not e.rewrite
