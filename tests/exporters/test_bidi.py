"""Unicode bidi controls never reach a report raw (issue 16: "Also").

A RIGHT-TO-LEFT OVERRIDE (U+202E) and its kin make a line read in a misleading order, so every
text and HTML output shows them visibly, as it shows control characters; the HTML report also
isolates story text (``dir="auto"``, ``<bdi>``) so right-to-left writing cannot reorder the
words around it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from factcheck_gui.cli.render import inert, render_html, render_text
from factcheck_gui.engine import compare_texts
from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.common import clean_text
from factcheck_gui.store.records import Review, VerdictRecord

from .conftest import options_for

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
RAW = re.compile(f"[{BIDI}]")


@pytest.mark.parametrize("ch", list(BIDI))
def test_each_bidi_control_is_shown_by_its_code_point(ch: str) -> None:
    shown = clean_text(f"pay \u2067{ch}1000\u2069 now")
    assert not RAW.search(shown)
    assert f"[U+{ord(ch):04X}]" in shown
    assert clean_text(shown) == shown  # showing it twice changes nothing
    assert inert(f"a{ch}b") == f"a\\u{ord(ch):04x}b"


def test_other_text_is_unchanged() -> None:
    for s in ("plain", "עברית ועוד", "العربية", "emoji 👍🏽", "word\u2060joiner", "tab\tand\nline"):
        assert clean_text(s) == s


def hostile(hand: Review) -> Review:
    cmp = hand.comparison
    original = replace(cmp.original, name="evil\u202etxt.exe")
    verdicts = dict(hand.verdicts)
    v = verdicts["c1"]
    verdicts["c1"] = VerdictRecord(
        v.change_id, v.value, "note \u202eton si siht", "Ana\u200f", v.decided_at, v.version
    )
    return replace(
        hand,
        comparison=replace(cmp, original=original),
        verdicts=verdicts,
        summary=replace(hand.summary, title="Title \u2067rtl\u2069"),
    )


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_exports_show_bidi_controls_visibly(hand: Review, fmt: str) -> None:
    text = render_review(hostile(hand), fmt).decode("utf-8")
    assert not RAW.search(text), fmt
    assert "U+2067" in text and "U+202E" in text  # (Markdown escapes the brackets)


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_data_formats_keep_the_text_as_it_is(hand: Review, fmt: str) -> None:
    """The review file is lossless, and ClaimReview is data a program reads (a right-to-left
    mark is part of Arabic or Hebrew text there): both keep bidi controls as they are."""
    text = render_review(hostile(hand), fmt, options_for(fmt)).decode("utf-8")
    # The title is in the review file; the note is in both (ClaimReview: the rating's explanation).
    assert "[U+" not in text and "note \u202eton si siht" in text
    assert fmt != "json" or "\u2067rtl\u2069" in text


def test_the_html_report_isolates_story_text(hand: Review) -> None:
    text = render_review(hostile(hand), "html").decode("utf-8")
    assert re.search(r'<p class="txt" dir="auto">', text)
    assert '<p class="note" dir="auto">' in text
    assert "<bdi>evil[U+202E]txt.exe</bdi>" in text
    assert "<bdi>Title [U+2067]rtl[U+2069]</bdi>" in text


def test_the_compare_command_shows_and_isolates_bidi_controls() -> None:
    a = "The minister said 5 people left.\n\nThe council met on Tuesday."
    b = "The minister said \u202e7 people left.\n\nThe council met on Tuesday."
    cmp = compare_texts(a, b, original_name="a\u202e.txt", rewrite_name="b.txt")
    text = render_text(cmp)
    assert not RAW.search(text) and "\\u202e" in text
    page = render_html(cmp)
    assert not RAW.search(page) and "[U+202E]" in page
    assert "<td class=o dir=auto>" in page and "<bdi>a[U+202E].txt</bdi>" in page
