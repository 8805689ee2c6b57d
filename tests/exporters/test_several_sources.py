"""Exports of a several-source review (real texts: benchmarks/pairs/multi/powell-resignation, a
Wikinews story and the two State Department texts it cites): every format names the sources of
each change, the reports start with the attribution summary, the review file reads back whole.
Pair reviews' exports are covered, unchanged, by the other tests in this folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pypdf
import pytest

from factcheck_gui.engine.sources import compare_sources
from factcheck_gui.engine.sources.projection import project, sourced
from factcheck_gui.exporters import render_review, review_from_json
from factcheck_gui.exporters.csvfile import CHANGE_COLUMNS, SEVERAL_SOURCE_COLUMNS
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import Review

from .conftest import PUBLISHER, options_for

POWELL = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs" / "multi" / "powell-resignation"
BRIEFING = "State Dept briefing"
LETTER = "Powell's letter"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Review:
    read = lambda name: (POWELL / name).read_text(encoding="utf-8")  # noqa: E731
    multi = compare_sources(
        read("derived-wikinews.txt"),
        [
            (BRIEFING, read("source1-state-dept-powell-briefing.txt")),
            (LETTER, read("source2-state-dept-powell-letter.txt")),
        ],
        derived_name="wikinews.txt",
    )
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'reviews.sqlite3'}"
    with ReviewStore.open(url) as store:
        rid = store.create_review(project(multi), title="Powell resigns", reviewer="Ana Analyst")
        cmp = store.load_review(rid).comparison
        for ch in cmp.changes:
            if ch.is_change:
                store.set_verdict(rid, ch.id, "Accurate", reviewer="Ana Analyst", expected_version=0)
        return store.load_review(rid)


def froms(review: Review) -> dict[str, str]:
    several = sourced(review.comparison)
    assert several is not None
    return {ch.id: several.from_line(ch) for ch in review.comparison.changes}


def test_csv_appends_a_sources_column(review: Review) -> None:
    rows = list(csv.reader(io.StringIO(render_review(review, "csv").decode("utf-8-sig"))))
    assert tuple(rows[0]) == SEVERAL_SOURCE_COLUMNS and rows[0][-1] == "sources"
    assert tuple(rows[0][: len(CHANGE_COLUMNS)]) == CHANGE_COLUMNS  # the pair columns first, in order
    got = {r[2]: r[-1] for r in rows[1:]}
    assert {BRIEFING} <= set(got.values()) and LETTER in got.values() and "" in got.values()
    several = sourced(review.comparison)
    assert several is not None
    for ch in review.comparison.changes:
        assert got[ch.id].split("\n") == (list(several.from_names(ch)) or [""])


def test_json_review_file_keeps_the_sources_and_reads_back(review: Review) -> None:
    data = json.loads(render_review(review, "json"))
    cmp = data["comparison"]
    assert cmp["schema"] == "factcheck.compare-multi/1"
    assert [s["name"] for s in cmp["sources"]] == [BRIEFING, LETTER]
    lines = froms(review)
    for ch in cmp["changes"]:
        assert (f"from: {', '.join(ch['from'])}" if ch["from"] else "from no source") == lines[ch["id"]]
    back = review_from_json(data)
    assert back.comparison == review.comparison and back.verdicts == review.verdicts
    assert back.summary.source_names == (BRIEFING, LETTER)


def test_review_file_imports_as_a_several_source_review(review: Review, tmp_path: Path) -> None:
    back = review_from_json(json.loads(render_review(review, "json")))
    with ReviewStore.open(f"sqlite:///{tmp_path / 'other.sqlite3'}") as store:
        rid = store.add_review(back)
        again = store.load_review(rid)
    assert again.summary.source_names == (BRIEFING, LETTER)
    assert again.comparison == review.comparison
    assert {k: v.value for k, v in again.verdicts.items()} == {k: v.value for k, v in review.verdicts.items()}


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_reports_start_with_the_attribution_and_name_each_change_s_sources(review: Review, fmt: str) -> None:
    text = render_review(review, fmt).decode("utf-8")
    start = text.index("Where the derived text came from")
    assert start < text.index("Summary")
    shares = [r for r in sourced(review.comparison).coverage_rows()]  # type: ignore[union-attr]
    assert len(shares) == 3
    esc_letter = "Powell&#x27;s letter" if fmt == "html" else "Powell's letter"
    for label in (BRIEFING, esc_letter, "No source"):
        assert label in text[start : text.index("Summary")]
    assert "from: State Dept briefing" in text and "from no source" in text
    assert f"from: {esc_letter}" in text
    # The sources table lists each source and the derived text, not the joined pane.
    tail = text[text.rindex("Sources") :]
    assert "Source 1" in tail and "Source 2" in tail and "Derived text" in tail


@pytest.mark.usefixtures("qapp")
def test_pdf_starts_with_the_attribution(review: Review) -> None:
    pages = pypdf.PdfReader(io.BytesIO(render_review(review, "pdf"))).pages
    first = " ".join(pages[0].extract_text().split())
    assert first.index("Where the derived text came from") < first.index("Summary")
    assert "No source" in first
    whole = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "from: State Dept briefing" in whole and "from no source" in whole


def test_claimreview_names_the_sources_of_each_rated_claim(review: Review) -> None:
    items = json.loads(render_review(review, "claimreview", options_for("claimreview")))
    if isinstance(items, dict):
        items = items.get("@graph", [items])
    several = sourced(review.comparison)
    assert several is not None and PUBLISHER.organisation
    seen = set()
    for item in items:
        ch = review.comparison.change(item["identifier"])
        claim = item["itemReviewed"]
        names = [w["name"] for w in claim.get("isBasedOn", [])]
        assert names == list(several.from_names(ch))
        if names:
            assert claim["firstAppearance"]["name"] == names[0]
        else:
            assert "firstAppearance" not in claim  # not the joined sources: from none of them
        seen.add(tuple(names))
    assert (BRIEFING,) in seen and (LETTER,) in seen and () in seen
