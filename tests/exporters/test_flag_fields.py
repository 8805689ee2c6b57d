"""Issue 12 in the exports: each flag's change (omitted | changed | added) and severity, an added or
removed claim's nearest counterpart and the facts a rewording leaves out, in every format; and
"changed or added only", which leaves out what only omits."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from markdown_it import MarkdownIt

from factcheck_gui.cli import export as export_cli
from factcheck_gui.cli.common import CliError
from factcheck_gui.engine import FlagChange, FlagType, Severity, compare_texts
from factcheck_gui.exporters import ExportError, ExportOptions, export_review_result, render_review
from factcheck_gui.exporters.report import FLAG_HELP, FLAG_LABEL
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import Review

# c1 changes a number (high) and leaves out a date; c2 is a removed claim; c3 only leaves out a
# date; c4 is an added claim. c2 and c4 have a nearest claim on the other side.
ORIGINAL = """The flood killed 40 people in the valley on Monday, officials said.

Officials closed three schools in the district.

Rain is expected to continue until Friday, the weather service said."""
REWRITE = """The flood killed 42 people in the valley, officials said.

Rain is expected to continue, the weather service said.

Rescue teams from Lyon arrived in the valley in the evening."""
ONLY = ExportOptions(changed_or_added_only=True)


@pytest.fixture
def flood(tmp_path: Path) -> tuple[Review, str]:
    url = f"sqlite:///{tmp_path / 'flood.sqlite3'}"
    cmp = compare_texts(ORIGINAL, REWRITE, original_name="wire.txt", rewrite_name="summary.txt")
    with ReviewStore.open(url) as store:
        rid = store.create_review(cmp, title="Flood summary", reviewer="Ana")
        store.set_verdict(rid, "c2", "Accurate", reviewer="Ana", note="", expected_version=None)
        return store.load_review(rid), url


def change_of(review: Review, text: str) -> str:
    """The id of the change whose texts hold ``text``."""
    cmp = review.comparison
    return next(c.id for c in cmp.changes if text in cmp.text_of(c, "original") + cmp.text_of(c, "rewrite"))


def test_the_pair_is_what_the_tests_expect(flood: tuple[Review, str]) -> None:
    review, _ = flood
    kinds = {c.id: c.kind.value for c in review.comparison.changes}
    assert kinds == {"c1": "reworded", "c2": "removed", "c3": "reworded", "c4": "added"}
    c1 = review.comparison.change("c1")
    assert [(f.type, f.change, f.severity) for f in c1.flags] == [
        (FlagType.NUMBER, FlagChange.CHANGED, Severity.HIGH)
    ]
    assert [(f.type, f.change) for f in c1.omitted] == [(FlagType.DATE, FlagChange.OMITTED)]
    assert review.comparison.change("c2").nearest and review.comparison.change("c4").nearest


def csv_rows(data: bytes) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return {r["change_id"]: r for r in rows}


def test_csv_lists_change_severity_omitted_and_nearest(flood: tuple[Review, str]) -> None:
    review, _ = flood
    rows = csv_rows(render_review(review, "csv"))
    assert rows["c1"]["flags"] == "number: number changed: 40 → 42"
    assert (rows["c1"]["flag_changes"], rows["c1"]["flag_severities"]) == ("changed", "high")
    assert rows["c1"]["omitted"] == "date (omitted, low): date omitted: Monday"
    assert rows["c3"]["omitted"] == "date (omitted, low): date omitted: Friday"
    assert rows["c2"]["nearest_claim"] == "r1" and float(rows["c2"]["nearest_similarity"]) > 0
    assert rows["c4"]["nearest_claim"] == "o1"
    assert {cid: r["changed_or_added"] for cid, r in rows.items()} == {
        "c1": "yes",
        "c2": "no",
        "c3": "no",
        "c4": "yes",
    }


def test_csv_changed_or_added_only_leaves_out_what_only_omits(flood: tuple[Review, str]) -> None:
    review, _ = flood
    rows = csv_rows(render_review(review, "csv", ONLY))
    assert sorted(rows) == ["c1", "c4"]  # the removed claim and the shorter restatement are gone
    assert rows["c1"]["flags"] == "number: number changed: 40 → 42" and rows["c1"]["omitted"] == ""


def test_json_keeps_every_flag_field_and_refuses_the_filter(flood: tuple[Review, str]) -> None:
    review, _ = flood
    doc = json.loads(render_review(review, "json"))
    changes = {c["id"]: c for c in doc["comparison"]["changes"]}
    assert (
        changes["c1"]["flags"][0]["change"] == "changed" and changes["c1"]["flags"][0]["severity"] == "high"
    )
    assert changes["c1"]["omitted"][0] | {"original_span": None} == {
        "type": "date",
        "original": "Monday",
        "rewrite": "",
        "message": "date omitted: Monday",
        "original_span": None,
        "rewrite_span": None,
        "change": "omitted",
        "severity": "low",
    }
    assert changes["c2"]["nearest"]["claim"] == "r1" and changes["c4"]["nearest"]["claim"] == "o1"
    # The review file is the lossless one import-review loads: it is never cut down.
    with pytest.raises(ExportError, match="applies to the csv, html, md, pdf exports"):
        render_review(review, "json", ONLY)


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(data: bytes) -> str:
    p = Text()
    p.feed(data.decode("utf-8"))
    return " ".join(" ".join(p.parts).split())


def md_text(data: bytes) -> str:
    """The Markdown as a reader sees it: rendered (CommonMark with tables), then its text."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return html_text(md.render(data.decode("utf-8")).encode("utf-8"))


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())


READ = {"html": html_text, "md": md_text, "pdf": pdf_text}


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_reports_show_change_severity_omitted_and_nearest(flood: tuple[Review, str], fmt: str) -> None:
    review, _ = flood
    text = READ[fmt](render_review(review, fmt))
    assert "Number · changed · high severity: number changed: 40 → 42" in text
    assert "Left out or restated (not counted as changed facts)" in text
    assert "Date · left out · low severity: date omitted: Monday" in text
    assert "date omitted: Friday" in text
    assert "Closest in the rewrite: r1 (similarity" in text
    assert "Closest in the original: o1 (similarity" in text
    assert "2 facts left out by the rewrite or restated consistently" in text


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_reports_changed_or_added_only(flood: tuple[Review, str], fmt: str) -> None:
    review, _ = flood
    text = READ[fmt](render_review(review, fmt, ONLY))
    assert "number changed: 40 → 42" in text and "Rescue teams from Lyon" in text
    assert "Officials closed three schools" not in text  # removed: only left out
    assert "until Friday" not in text and "date omitted" not in text
    assert "Left out or restated" not in text
    assert (
        "Only changes that change or add something are listed; "
        "2 changes that only leave something out are not." in text
    )
    assert "2 changes listed: 0 reviewed, 2 not yet reviewed." in text  # c2's verdict is not listed


def test_the_result_names_what_the_filter_left_out(flood: tuple[Review, str], tmp_path: Path) -> None:
    review, _ = flood
    result = export_review_result(review, "html", tmp_path / "r.html", ONLY)
    assert [(s.change_id, s.reason) for s in result.skipped] == [
        ("c2", "only leaves something out"),
        ("c3", "only leaves something out"),
    ]
    assert (
        result.message
        == "Left out 2 changes that only leave something out of the rewrite (changed or added only)."
    )
    assert export_review_result(review, "html", tmp_path / "all.html").message == ""


def run_cli(argv: list[str], out: io.BytesIO) -> int:
    parser = argparse.ArgumentParser(prog="factcheck")
    export_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return export_cli.run_export(args, stdout=out)


def test_cli_only_changed_or_added(flood: tuple[Review, str], capsys: pytest.CaptureFixture[str]) -> None:
    review, url = flood
    out = io.BytesIO()
    assert (
        run_cli(["export", str(review.id), "--format", "csv", "--only-changed-or-added", "--db", url], out)
        == 0
    )
    assert sorted(csv_rows(out.getvalue())) == ["c1", "c4"]
    assert "Left out 2 changes that only leave something out" in capsys.readouterr().err
    with pytest.raises(CliError) as err:
        run_cli(
            ["export", str(review.id), "--format", "json", "--only-changed-or-added", "--db", url],
            io.BytesIO(),
        )
    assert err.value.status == 2 and "\n" not in str(err.value)
    assert str(err.value).startswith("--only-changed-or-added: changed-or-added only applies to the csv")


def test_every_flag_type_has_a_label_and_help() -> None:
    for t in FlagType:
        assert FLAG_HELP.get(t.value, "").endswith("."), t
        label = FLAG_LABEL.get(t.value, "")
        assert label and "_" not in label and label[0].isupper(), t
    assert re.search(r"\breplaced\b", FLAG_HELP[FlagType.SUBSTITUTION.value])
