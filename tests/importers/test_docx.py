"""Word files: paragraphs in order, tracked changes accepted, damaged and hostile files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, load_bytes, load_path

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")


def test_story_docx_gives_its_paragraphs_in_order_and_core_properties() -> None:
    item = load_path(DATA / "story.docx")
    assert item.text.split("\n\n") == STORY.strip("\n").split("\n")
    assert (item.source.kind, item.source.title, item.source.author) == (
        "docx",
        "Putin says Russia might arm North Korea",
        "Wire Desk",
    )


def test_tracked_changes_are_taken_as_accepted() -> None:
    item = load_path(DATA / "tracked.docx")
    assert item.text == (
        "The council approved 40 new homes on Tuesday.\n\n"
        "The mayor said the plan was “long overdue”.\n\n"
        "Building starts in 2025. Moved here.\n\n"
        "Homes | 40\n\n"
        "Line one\nline two\ttabbed."
    )
    for rejected in ("30", "Monday", "Critics", "Moved away", "DATE"):
        assert rejected not in item.text


def test_zip_bomb_disguised_as_docx_is_refused_before_inflating() -> None:
    assert (DATA / "bomb.docx").stat().st_size < 16_000
    with pytest.raises(ImportFailed) as err:
        load_path(DATA / "bomb.docx")
    assert "bomb.docx: refused: the archive inflates to far more than it holds" in str(err.value)


def test_zip_that_lies_about_its_sizes_is_stopped_by_the_capped_read() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'>" + " " * 2_000_000 + "</w:document>")
    data = bytearray(buf.getvalue())
    # shrink the declared size in both headers to 100 bytes: the directory now claims a tiny file
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(sig)
        data[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(ImportFailed, match=r"damaged|ZIP bomb"):
        load_bytes(bytes(data), name="liar.docx")


def test_truncated_docx_is_reported_as_damaged() -> None:
    with pytest.raises(
        ImportFailed, match=r"^.*corrupt\.docx: not a valid \.docx file \(the ZIP archive is damaged\)$"
    ):
        load_path(DATA / "corrupt.docx")


def test_zip_without_a_document_is_not_a_word_file() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ImportFailed, match="not a Word document"):
        load_bytes(buf.getvalue(), name="x.docx")


def test_old_or_password_protected_word_file_gets_a_clear_message() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(ImportFailed, match=r"password-protected or old-format \(\.doc\) Word file"):
        load_bytes(ole, name="locked.docx")
    with pytest.raises(ImportFailed, match=r"old Word \.doc files cannot be read — save it as \.docx"):
        load_bytes(ole, name="old.doc")


def test_external_entities_are_never_resolved() -> None:
    item = load_path(DATA / "xxe.docx")
    assert item.text == "Before  after."
    secret = Path("/etc/hostname")
    if secret.exists() and secret.read_text().strip():
        assert secret.read_text().strip() not in item.text
