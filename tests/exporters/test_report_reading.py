"""Issue 15, defect 8: a report is read by an editor. It leads with the summary (with how many
changes are not yet reviewed) and the flagged changes; dates are in words; no internal label
(``quote_unsourced``, an enum name, "all but clean unchanged claims") reaches the reader; the
review's details and the hashes come at the end. Checked on the text a reader sees in the
HTML, Markdown and PDF reports of the demo pair, reviewed through the real store."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pypdf
import pytest
from markdown_it import MarkdownIt

from factcheck_gui.engine import ChangeKind, FlagType
from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.report import when
from factcheck_gui.store.records import Review


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.times: list[tuple[str, str]] = []  # (datetime attribute, shown text)
        self._time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self.skip += 1
        if tag == "time":
            self._time = dict(attrs).get("datetime") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)
        if self._time is not None:
            self.times.append((self._time, data))
            self._time = None


def html_text(data: bytes) -> str:
    p = Text()
    p.feed(data.decode("utf-8"))
    return " ".join(" ".join(p.parts).split())


def md_text(data: bytes) -> str:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return html_text(md.render(data.decode("utf-8")).encode("utf-8"))


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())


READ: dict[str, Callable[[bytes], str]] = {"html": html_text, "md": md_text, "pdf": pdf_text}
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


@pytest.fixture
def demo(make_store_review: Callable[[str], Review]) -> Review:
    review = make_store_review("reference")
    assert any(v.decided_at.microsecond for v in review.verdicts.values())  # the store keeps them
    return review


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_no_raw_timestamp_or_internal_label_reaches_the_reader(demo: Review, fmt: str) -> None:
    text = READ[fmt](render_review(demo, fmt))
    assert not ISO_MOMENT.search(text), ISO_MOMENT.findall(text)[:3]
    for v in demo.verdicts.values():
        assert v.decided_at.isoformat() not in text
        if v.value:
            assert f"{v.value} — {v.reviewer}, {when(v.decided_at).text}" in text
    assert re.search(
        r"\d{1,2} (January|February|March|April|May|June|July|August|September|"
        r"October|November|December) \d{4}, \d\d:\d\d UTC",
        text,
    )
    assert "all but clean" not in text
    for t in FlagType:
        if "_" in t.value:
            assert t.value not in text, t.value
    # Kinds are shown as words with a capital ("Reworded"), never as the engine's value in a heading.
    for k in ChangeKind:
        assert not re.search(rf"\bc\d+ · {k.value}\b", text), k.value
    assert "Quotation not in the original" in text  # quote_unsourced, in words


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_summary_and_flagged_changes_first_metadata_and_hashes_last(demo: Review, fmt: str) -> None:
    text = READ[fmt](render_review(demo, fmt))
    cmp = demo.comparison
    listed = [c for c in cmp.changes if c.is_change or c.id in demo.verdicts]
    unreviewed = [c for c in listed if (v := demo.verdicts.get(c.id)) is None or v.value is None]
    assert unreviewed, "the fixture leaves some changes unreviewed"
    summary_at = text.index("Summary")
    assert summary_at < 200  # right under the title
    assert (
        f"{len(listed)} changes listed: {len(listed) - len(unreviewed)} reviewed, {len(unreviewed)} not yet reviewed."
        in text
    )
    assert f"Not yet reviewed {len(unreviewed)}" in text  # the row of the verdicts table
    flagged_at = text.index("Flagged changes")
    other_at = text.index("Other changes")
    about_at = text.index("About this review")
    sources_at = text.index("Sources", about_at)
    assert summary_at < flagged_at < other_at < about_at < sources_at
    for doc in (cmp.original, cmp.rewrite):
        assert text.index(doc.sha256) > sources_at  # hashes at the very end
    # Every flagged change comes before every other one.
    flagged = [c for c in listed if c.flags]
    others = [c for c in listed if not c.flags]
    assert flagged and others
    # (pypdf may extract a heading's "c1" as "c 1")
    heads = {c.id: _at(re.compile(rf"\bc\s?{c.id[1:]} · "), text) for c in listed}
    assert max(heads[c.id] for c in flagged) < other_at < min(heads[c.id] for c in others)
    assert sorted(heads[c.id] for c in flagged) == [heads[c.id] for c in flagged]  # reading order


def _at(pattern: re.Pattern[str], text: str) -> int:
    m = pattern.search(text)
    assert m, pattern.pattern
    return m.start()


def test_html_keeps_the_machine_readable_date_in_time_elements(demo: Review) -> None:
    p = Text()
    p.feed(render_review(demo, "html").decode("utf-8"))
    times = dict(p.times)
    for v in demo.verdicts.values():
        machine = v.decided_at.replace(microsecond=0).isoformat()
        assert times.get(machine) == when(v.decided_at).text
    assert demo.summary.created_at.replace(microsecond=0).isoformat() in times


def test_dates_in_words() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    moment = datetime(2026, 12, 6, 23, 18, 5, 123456, tzinfo=timezone(timedelta(hours=1)))
    assert when(moment).text == "6 December 2026, 22:18 UTC"
    assert when(moment).machine == "2026-12-06T22:18:05+00:00"
    assert when("2024-06-19").text == "19 June 2024" and when("2024-06-19").machine == "2024-06-19"
    assert when("2024-06-19T08:00:00Z").text == "19 June 2024, 08:00 UTC"
    assert when("2024-06-19T08:00:00").text == "19 June 2024, 08:00"  # no zone given: none shown
    assert when("Spring 2024") == type(when("x"))("Spring 2024", "")  # shown as the source says
    assert when(datetime(2024, 1, 2, tzinfo=UTC)).text == "2 January 2024, 00:00 UTC"
