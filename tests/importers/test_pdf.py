"""PDFs: text layer, running headers/footers and page numbers gone, hyphenation undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, load_bytes, load_path
from factcheck_gui.importers.pdf import dehyphenate, strip_running_lines

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")


def test_story_pdf_reads_back_as_the_story() -> None:
    item = load_path(DATA / "story.pdf")
    # three pages with a running header and "Page N of 3" footers, words hyphenated at line ends
    assert item.text == STORY.rstrip("\n")
    assert "WORLD DESK" not in item.text and "Page" not in item.text
    assert (item.source.kind, item.source.title, item.source.warnings) == (
        "pdf",
        "Putin says Russia might arm North Korea",
        (),
    )


def test_pages_without_a_text_layer_are_reported() -> None:
    item = load_path(DATA / "mixed.pdf")
    assert item.text == STORY.rstrip("\n")
    assert item.source.warnings == ("1 page had no text layer (scanned?) — run OCR on them",)


def test_scanned_pdf_asks_for_ocr() -> None:
    with pytest.raises(ImportFailed) as err:
        load_path(DATA / "scan.pdf")
    assert str(err.value).endswith("scan.pdf: no text found — run OCR first")


def test_password_protected_pdf_is_refused_clearly() -> None:
    with pytest.raises(
        ImportFailed, match=r"encrypted\.pdf: the PDF is password-protected — save an unprotected copy"
    ):
        load_path(DATA / "encrypted.pdf")


def test_damaged_pdf_is_refused_clearly() -> None:
    data = (DATA / "story.pdf").read_bytes()[:700]
    with pytest.raises(ImportFailed, match=r"^cut\.pdf: (not a valid PDF|no text found)"):
        load_bytes(data, name="cut.pdf")


def test_dehyphenation_tells_syllables_from_compounds() -> None:
    text = (
        "The govern-\nment said. Visiting nuclear-\narmed states. Nuclear tests. Armed men.\n"
        "An anti-\nAmerican rally. A high-\nprecision strike; high-precision arms.\nPyong-\nyang and Pyongyang."
    )
    assert dehyphenate(text) == (
        "The government\nsaid. Visiting nuclear-armed\nstates. Nuclear tests. Armed men.\n"
        "An anti-American\nrally. A high-precision\nstrike; high-precision arms.\nPyongyang\nand Pyongyang."
    )


def test_running_lines_need_to_repeat_on_most_pages() -> None:
    pages = [
        ["Daily Bugle 3 May", "Body one.", "more", "12"],
        ["Daily Bugle 4 May", "Body two.", "- 13 -"],
        ["Body three is not a header.", "last", "Page 14 of 20"],
    ]
    assert strip_running_lines(pages) == [
        ["Body one.", "more"],
        ["Body two."],
        ["Body three is not a header.", "last"],
    ]


def test_pdf_locked_only_by_an_owner_password_opens(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(DATA / "story.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "owner.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert load_path(path).text == STORY.rstrip("\n")
