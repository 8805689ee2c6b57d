"""The PDF report: real PDF bytes, selectable text checked with pypdf, a page number on each page."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap

import pypdf
import pytest

from factcheck_gui.exporters import render_review
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
