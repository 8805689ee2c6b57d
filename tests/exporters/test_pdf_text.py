"""Text copied or extracted from the PDF is the text shown: whole hashes, spaces, no ligatures."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pypdf
import pytest

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.pdf import plain_text_cmaps
from factcheck_gui.store.records import Review

LIGATURES = re.compile("[\ufb00-\ufb06]")


def extracted(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.usefixtures("qapp")
def test_demo_pair_pdf_extracts_plain_text(make_store_review: Callable[[str], Review]) -> None:
    review = make_store_review("reference")
    text = extracted(render_review(review, "pdf"))
    for doc in (review.comparison.original, review.comparison.rewrite):
        assert re.fullmatch("[0-9a-f]{64}", doc.sha256)
        assert doc.sha256 in text  # verbatim: one line, no ligature inside ("cff2bd")
    assert "\t" not in text
    assert not LIGATURES.search(text), LIGATURES.findall(text)
    squashed = " ".join(text.split())
    assert "ongoing conflict" in squashed and "Changes by kind" in squashed


@pytest.mark.usefixtures("qapp")
def test_hand_review_pdf_has_no_ligatures_or_tabs(hand: Review) -> None:
    text = extracted(render_review(hand, "pdf"))
    assert "ab" * 32 in text
    assert "A number, amount or quantity differs between the two versions." in " ".join(text.split())
    assert "reflowed hard line breaks" in text
    assert "\t" not in text and not LIGATURES.search(text)


def qt_pdf(html: str) -> bytes:
    """``html`` drawn by Qt as it draws by default: ligatures on."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QFont, QPainter, QPdfWriter, QTextDocument

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    painter = QPainter(writer)
    doc.drawContents(painter, QRectF(0, 0, 2000, 2000))
    painter.end()
    buf.close()
    return bytes(data.data())


@pytest.mark.usefixtures("qapp")
def test_cmap_fix_names_ligatures_and_spaces_and_keeps_offsets() -> None:
    """The ToUnicode fix alone, on PDFs drawn with ligatures: text comes out plain, offsets stay."""
    raw = qt_pdf("<p>The office staff differ in the <b>conflict</b> over the report</p>")
    fixed = plain_text_cmaps(raw)
    assert len(fixed) == len(raw)  # same offsets: the xref table stays valid
    page = pypdf.PdfReader(io.BytesIO(fixed), strict=True).pages[0].extract_text()
    assert "The office staff differ in the" in page and "conflict" in page
    assert "\t" not in page and not LIGATURES.search(page)
    assert plain_text_cmaps(fixed) == fixed  # a second pass changes nothing

    # Many distinct ligatures in a few glyphs: spaces are always fixed, ligatures while room lasts.
    raw = qt_pdf("<p>efficient affluent fifty flows staff</p>")
    fixed = plain_text_cmaps(raw)
    page = pypdf.PdfReader(io.BytesIO(fixed), strict=True).pages[0].extract_text()
    assert len(fixed) == len(raw) and "\t" not in page and page.count(" ") == 4
