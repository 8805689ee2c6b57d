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


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _write_docx(path: Path, body: str) -> Path:
    """A Word package (content types, relationships, main document) with ``body`` as its w:body."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return path


def _t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _sym(char: str, font: str = "Symbol") -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_inserted_symbols_become_the_characters_a_reader_sees(tmp_path: Path) -> None:
    symbol_run = '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\uf0b0</w:t></w:r>'
    body = (
        # Symbol font, as Word's Insert Symbol writes it (code = 0xF000 + Symbol byte)
        f"<w:p>{_t('Highs of 3')}{_sym('F0B0')}{_t('C (')}{_sym('F0B1')}{_t('0.5')}{_sym('F0B0')}"
        f"{_t('), a 2')}{_sym('F0B4')}{_t('3 grid, 10')}{_sym('F0B8')}{_t('2, ')}{_sym('F0A3')}"
        f"{_sym('F0B3')}{_sym('F0B9')}{_sym('F0BB')}{_sym('F0A5')}{_t(' ')}{_sym('F061')}{_sym('F062')}"
        f"{_sym('F067')}{_sym('F044')}{_sym('F057')}{_t(' 5 ')}{_sym('F06D')}{_t('g ')}{_sym('F0AE')}"
        f"{_sym('F0DE')}{_sym('F0B7')}{_sym('F0A0')}</w:p>"
        # the bare byte and lower-case hex mean the same; a Symbol-font run holding the code as text
        f"<w:p>{_t('Low: -2')}{_sym('b0')}{_t('C, felt -5')}{symbol_run}{_t('C.')}</w:p>"
        # Wingdings: ticks, crosses, boxes and circled numbers carry meaning
        f"<w:p>{_sym('F0FC', 'Wingdings')}{_t(' Approved ')}{_sym('F0FB', 'Wingdings')}"
        f"{_t(' Rejected ')}{_sym('F0FE', 'Wingdings')}{_sym('F06F', 'Wingdings')}{_t(' step ')}"
        f"{_sym('F083', 'Wingdings')}</w:p>"
        # unreadable symbols stay visible as U+FFFD; a real Unicode code of a text font is kept
        f"<w:p>{_t('Rated ')}{_sym('F041', 'Webdings')}{_sym('F021', 'Wingdings')}"
        f"{_sym('F0F0')}{_t(' and ')}{_sym('2264', 'Arial')}{_t(' 10')}{_sym('zz')}</w:p>"
    )
    item = load_path(_write_docx(tmp_path / "symbols.docx", body))
    assert item.text == (
        "Highs of 3°C (±0.5°), a 2×3 grid, 10÷2, ≤≥≠≈∞ αβγΔΩ 5 μg →⇒•€\n\n"
        "Low: -2°C, felt -5°C.\n\n"
        "✔ Approved ✗ Rejected ☑□ step ③\n\n"
        "Rated \ufffd\ufffd\ufffd and ≤ 10\ufffd"
    )


def test_run_content_other_than_text_comes_through_as_a_reader_sees_it(tmp_path: Path) -> None:
    body = (
        # tabs, line breaks, hyphens
        '<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Age</w:t><w:ptab w:relativeTo="margin" '
        'w:alignment="right" w:leader="none"/><w:t>Town</w:t><w:br/><w:t>Ann</w:t><w:cr/>'
        "<w:t>Jean</w:t><w:noBreakHyphen/><w:t>Luc, co</w:t><w:softHyphen/><w:t>operation</w:t>"
        '<w:br w:type="page"/><w:t>next page</w:t></w:r></w:p>'
        # tracked changes: deleted text gone, inserted text kept
        '<w:p><w:r><w:t xml:space="preserve">Turnout was </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>41</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>44</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> per cent.</w:t></w:r></w:p>'
        # fields: the code never, the result always (complex and simple fields)
        '<w:p><w:r><w:t xml:space="preserve">Updated </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 May 2024</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">, page </w:t></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>'
    )
    item = load_path(_write_docx(tmp_path / "runs.docx", body))
    assert item.text == (
        "Name\tAge\tTown\nAnn\nJean-Luc, cooperation\nnext page\n\n"
        "Turnout was 44 per cent.\n\n"
        "Updated 3 May 2024, page 7."
    )
    for hidden in ("41", "DATE", "PAGE", "MMMM", "\u00ad"):
        assert hidden not in item.text


def test_symbol_font_table_covers_every_printable_code_of_the_encoding() -> None:
    from factcheck_gui.importers.symbols import SYMBOL

    printable = [*range(0x20, 0x7F), *(b for b in range(0xA0, 0xFF) if b != 0xF0)]
    assert sorted(SYMBOL) == printable  # an off-by-one in the table would shift every character
    assert all(len(c) == 1 and not 0xE000 <= ord(c) <= 0xF8FF for c in SYMBOL.values())
    assert (SYMBOL[0x41], SYMBOL[0x7A], SYMBOL[0xA0], SYMBOL[0xB0], SYMBOL[0xFE]) == ("Α", "ζ", "€", "°", "⎭")
