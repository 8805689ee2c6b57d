"""The PDF report: real PDF bytes, selectable text checked with pypdf, a page number on each page."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import textwrap

import pypdf
import pytest

from factcheck_gui.engine import compare_texts
from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.pdf import report_parts, write_pdf
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import Review

from .conftest import ROOT


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


# The qapp fixture makes the test session's QApplication first, so the exporter reuses it
# instead of creating its own QGuiApplication.
@pytest.mark.usefixtures("qapp")
def test_hand_review_pdf_has_text_and_page_numbers(hand: Review) -> None:
    pages = pdf_pages(render_review(hand, "pdf"))
    assert len(pages) >= 1
    for n, text in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in text
    whole = " ".join(pages)
    assert "Hand <i>made</i>" in whole and "Misleading" in whole and "Wire story" in whole
    assert "people left" in whole


@pytest.mark.usefixtures("qapp")
def test_store_reviews_pdf(store_review: Review) -> None:
    pages = pdf_pages(render_review(store_review, "pdf"))
    assert len(pages) >= 2
    for n, text in enumerate(pages, 1):
        assert text.endswith(f"Page {n} of {len(pages)}") or f"Page {n} of {len(pages)}" in text
    whole = " ".join(pages)
    squash = re.sub(r"\s+", "", whole)
    assert "Changesbykind" in squash
    first = store_review.comparison.rewrite.claims[0].text
    assert re.sub(r"\s+", "", first)[:40] in squash


@pytest.mark.usefixtures("qapp")
def test_hostile_text_is_printed_not_interpreted(make_store_review) -> None:  # type: ignore[no-untyped-def]
    squash = re.sub(r"\s+", "", " ".join(pdf_pages(render_review(make_store_review("hostile"), "pdf"))))
    assert "<script>alert('owned')</script>" in squash
    assert '<imgsrc=xonerror="alert(1)">' in squash


def test_pdf_works_without_a_display_or_an_application(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """As from the CLI: no QApplication, no DISPLAY; the exporter makes an offscreen QGuiApplication."""
    code = textwrap.dedent(
        f"""
        import os, sys
        os.environ.pop("DISPLAY", None); os.environ.pop("WAYLAND_DISPLAY", None)
        os.environ.pop("QT_QPA_PLATFORM", None)
        sys.path.insert(0, {str(ROOT)!r})
        from tests.exporters.conftest import hand_review
        from factcheck_gui.exporters import export_review
        assert "PySide6" not in sys.modules
        export_review(hand_review(), "pdf", {str(tmp_path / "r.pdf")!r})
        assert "PySide6.QtWidgets" not in sys.modules
        print(os.environ["QT_QPA_PLATFORM"])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "offscreen"
    assert "Page 1 of" in pdf_pages((tmp_path / "r.pdf").read_bytes())[0]


# Made-up words (from a hash) keep the claims unlike each other, so each pairs with its own;
# no f, i or l, which a PDF may set as ligatures ("ﬀ") that text extraction keeps.
_LETTERS = str.maketrans("0123456789abcdef", "ghjkmnopqrstuvwx")
WORDS = [
    " ".join(hashlib.sha256(f"{i}.{j}".encode()).hexdigest()[:7].translate(_LETTERS) for j in range(5))
    for i in range(130)
]


@pytest.fixture
def long_review(tmp_path) -> Review:  # type: ignore[no-untyped-def]
    """130 changes, each with words found nowhere else, made through engine and store."""
    original = "\n\n".join(
        f"Claim marker{i}x says {w} counted {i} ships on Monday." for i, w in enumerate(WORDS)
    )
    rewrite = "\n\n".join(
        f"Claim marker{i}x says {w} counted {i + 1} ships on Friday." for i, w in enumerate(WORDS)
    )
    cmp = compare_texts(original, rewrite, original_name="a.txt", rewrite_name="b.txt")
    with ReviewStore.open(f"sqlite:///{tmp_path / 'long.sqlite3'}") as store:
        rid = store.create_review(cmp, title="Long review", reviewer="Ana")
        for ch in [c for c in cmp.changes if c.is_change][::2]:
            store.set_verdict(rid, ch.id, "Misleading", reviewer="Ana", note="", expected_version=None)
        return store.load_review(rid)


@pytest.mark.usefixtures("qapp")
def test_a_report_in_many_parts_keeps_every_change_and_numbers_pages_on(long_review: Review) -> None:
    """The PDF is laid out in parts (so no Qt call holds the GIL long); they must flow on as one
    report: every change's text, pages numbered 1..N without gaps, no page left blank, and about
    as many pages as the same report laid out as one part."""
    listed = [c for c in long_review.comparison.changes if c.is_change]
    assert len(listed) == 130
    assert len(list(report_parts(long_review))) >= 4  # the front matter and 3+ groups of changes

    def render(**parts: int) -> list[str]:
        buf = io.BytesIO()
        write_pdf(long_review, buf, **parts)
        return pdf_pages(buf.getvalue())

    pages = render()
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        assert text.endswith(f"Page {n} of {len(pages)}")
        assert len(text) > 200, f"page {n} is (nearly) blank"
    squash = re.sub(r"\s+", "", " ".join(pages))
    for i, w in enumerate(WORDS):
        w = w.replace(" ", "")
        assert f"Claimmarker{i}xsays{w}counted{i}shipsonMonday." in squash, i
        assert f"Claimmarker{i}xsays{w}counted{i + 1}shipsonFriday." in squash, i
    assert squash.count("Verdict:Misleading") == 65

    # Parts of one change each, and the whole list as one part: the same words, about the same
    # pagination (parts that overlapped or left gaps would change the page count). Word sets, not
    # sequences: a table row split by a page break is extracted in a different order, and a line
    # cut by the page edge is found on both pages, as with any QTextDocument printed by pages.
    def words(pages: list[str]) -> set[str]:
        return set(re.sub(r"Page \d+ of \d+", "", " ".join(pages)).split())

    tiny = render(max_changes=1)
    whole = render(max_changes=10_000, max_chars=10**9)
    assert words(pages) == words(tiny) == words(whole)
    assert abs(len(tiny) - len(whole)) <= 1 and abs(len(pages) - len(whole)) <= 1
