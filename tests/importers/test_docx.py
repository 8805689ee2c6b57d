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


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _write_docx(path: Path, body: str, parts: dict[str, str] | None = None) -> Path:
    """A Word package (content types, relationships, main document) with ``body`` as its w:body.

    ``parts``: relationship type ("styles", "footnotes", "endnotes") → the part's XML, stored as
    word/<type>.xml and listed in the document's relationships, as Word writes them.
    """
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {_W_NS}><w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        if parts:
            rels = "".join(
                f'<Relationship Id="rId{i}" Type="{_REL_TYPE}{kind}" Target="{kind}.xml"/>'
                for i, kind in enumerate(parts, start=1)
            )
            z.writestr(
                "word/_rels/document.xml.rels",
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{rels}</Relationships>",
            )
            for kind, xml in parts.items():
                z.writestr(f"word/{kind}.xml", xml)
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


def _styles(*styles: str, defaults: str = "") -> str:
    return (
        f"<w:styles {_W_NS}><w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault>"
        f"</w:docDefaults>{''.join(styles)}</w:styles>"
    )


def _style(kind: str, style_id: str, rpr: str = "", based_on: str = "", default: bool = False) -> str:
    attrs = ' w:default="1"' if default else ""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{attrs}><w:name w:val="{style_id}"/>{base}'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )


def _run(text: str, rpr: str) -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(*runs: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>" if ppr else f"<w:p>{''.join(runs)}</w:p>"


def test_hidden_text_is_left_out_as_a_reader_never_sees_it(tmp_path: Path) -> None:
    body = (
        # direct formatting: vanish and specVanish hide; an explicit "off" does not; webHidden
        # hides only in Word's web layout (a table of contents' page numbers), not for a reader
        _p(
            _t("Turnout was "),
            _run("41 per cent (draft) ", "<w:vanish/>"),
            _run("44", '<w:vanish w:val="false"/>'),
            _run(" [check]", '<w:specVanish w:val="1"/>'),
            _run(" per cent", '<w:b/><w:vanish w:val="off"/>'),
            _run(" (shown in print)", "<w:webHidden/>"),
            _t("."),
        )
        # a hidden run inside a hyperlink and inside an insertion; a hidden symbol and tab
        + _p(
            '<w:hyperlink r:id="x" xmlns:r="urn:r">',
            _run("NOTE TO EDITOR: ", "<w:vanish/>"),
            _t("Read more"),
            "</w:hyperlink>",
            '<w:ins w:id="1" w:author="A"><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t>'
            '<w:tab/><w:sym w:font="Symbol" w:char="F0B0"/></w:r></w:ins>',
            _t("."),
        )
        # a hidden paragraph (its runs and its mark) leaves no trace
        + _p(_run("An entirely hidden paragraph.", "<w:vanish/>"), ppr="<w:rPr><w:vanish/></w:rPr>")
        # a hidden paragraph mark joins the paragraph to the next, as Word shows it
        + _p(_t("Results: "), ppr="<w:rPr><w:specVanish/></w:rPr>")
        + _p(_t("the motion passed."))
        # a tracked formatting change: the old properties (hidden) are not the accepted ones
        + _p(_run("Shown.", '<w:rPrChange w:id="3" w:author="A"><w:rPr><w:vanish/></w:rPr></w:rPrChange>'))
    )
    item = load_path(_write_docx(tmp_path / "hidden.docx", body))
    assert (
        item.text
        == "Turnout was 44 per cent (shown in print).\n\nRead more.\n\nResults: the motion passed.\n\nShown."
    )
    for hidden in ("41", "draft", "check", "EDITOR", "secret", "°", "\t", "entirely"):
        assert hidden not in item.text


def test_text_hidden_by_a_style_is_left_out(tmp_path: Path) -> None:
    styles = _styles(
        _style("paragraph", "Normal", default=True),
        _style("paragraph", "EditorNote", "<w:vanish/>", based_on="Normal"),
        _style("paragraph", "EditorNoteShown", '<w:vanish w:val="0"/>', based_on="EditorNote"),
        _style("character", "DefaultParagraphFont", default=True),
        _style("character", "Hidden", "<w:i/><w:vanish/>"),
        _style("character", "HiddenToo", "<w:b/>", based_on="Hidden"),  # inherits vanish
        _style("character", "Loop1", "", based_on="Loop2"),  # a basedOn loop must not hang
        _style("character", "Loop2", "", based_on="Loop1"),
    )
    body = (
        _p(
            _t("Police said "),
            _run("[source: J. Smith] ", '<w:rStyle w:val="Hidden"/>'),
            _t("two were hurt."),
        )
        + _p(_t("Damage was "), _run("about ", '<w:rStyle w:val="HiddenToo"/>'), _t("£2m."))
        + _p(_run("Looped", '<w:rStyle w:val="Loop1"/>'), _run(" unknown", '<w:rStyle w:val="Nope"/>'))
        # a paragraph style hides its runs and its mark; direct formatting shows a run again
        + _p(_t("Check figures with the desk."), ppr='<w:pStyle w:val="EditorNote"/>')
        + _p(_t("Kept "), _run("too", '<w:vanish w:val="false"/>'), ppr='<w:pStyle w:val="EditorNote"/>')
        + _p(
            _t("A style based on a hidden one can show text again."),
            ppr='<w:pStyle w:val="EditorNoteShown"/>',
        )
    )
    item = load_path(_write_docx(tmp_path / "styled.docx", body, {"styles": styles}))
    assert item.text == (
        "Police said two were hurt.\n\nDamage was £2m.\n\nLooped unknown\n\n"
        "tooA style based on a hidden one can show text again."
    )


def _notes(kind: str, *notes: tuple[str, str]) -> str:
    """A footnotes/endnotes part: Word's separator notes, then ``(id, paragraphs)`` notes."""
    ref = f'<w:r><w:rPr><w:rStyle w:val="{kind.capitalize()}Reference"/></w:rPr><w:{kind}Ref/></w:r>'
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f"<w:r><w:t>SEPARATOR</w:t></w:r></w:p></w:{kind}>"
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"<w:r><w:t>CONTINUED</w:t></w:r></w:p></w:{kind}>"
    )
    body = "".join(
        f'<w:{kind} w:id="{note_id}">'
        + paragraphs.replace("<w:p>", f"<w:p>{ref}{_t(' ')}", 1)  # Word's mark and space before the text
        + f"</w:{kind}>"
        for note_id, paragraphs in notes
    )
    return f"<w:{kind}s {_W_NS}>{separators}{body}</w:{kind}s>"


def _ref(kind: str, note_id: int, custom: str = "") -> str:
    attr = ' w:customMarkFollows="1"' if custom else ""
    mark = f"<w:t>{custom}</w:t>" if custom else ""
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{kind.capitalize()}Reference"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"{attr}/>{mark}</w:r>'
    )


def test_footnotes_and_endnotes_show_their_marks_and_come_at_the_end(tmp_path: Path) -> None:
    footnotes = _notes(
        "footnote",
        ("1", _p(_t("Office for National Statistics, 2024."))),  # referenced second
        ("2", _p(_t("Police figures,")) + _p(_t("released on 3 May."))),  # referenced first
        ("3", _p(_t("A note that was deleted."))),
        ("4", _p(_t("* Estimate by the council."))),
        ("5", _p(_t("A hidden reference."))),
    )
    endnotes = _notes("endnote", ("1", _p(_t("Full survey: example.org/survey."))))
    body = (
        _p(
            _t("Crime fell 12%"),
            _ref("footnote", 2),
            _t(" while the population grew"),
            _ref("footnote", 1),
            _t("."),
        )
        + _p(
            _t("The survey"),
            _ref("endnote", 1),
            _t(" cost £40,000"),
            _ref("footnote", 4, custom="*"),
            _t("."),
            '<w:del w:id="9" w:author="A"><w:r>'
            '<w:footnoteReference w:id="3"/><w:delText>gone</w:delText></w:r></w:del>',
            '<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="5"/></w:r>',
        )
        + _p(_t("As noted above"), _ref("footnote", 2), _t("."))  # the same note again: the same number
    )
    parts = {"footnotes": footnotes, "endnotes": endnotes}
    item = load_path(_write_docx(tmp_path / "notes.docx", body, parts))
    assert item.text == (
        "Crime fell 12%[1] while the population grew[2].\n\n"
        "The survey[E1] cost £40,000*.\n\n"
        "As noted above[1].\n\n"
        "[1] Police figures,\n\n"
        "released on 3 May.\n\n"
        "[2] Office for National Statistics, 2024.\n\n"
        "* Estimate by the council.\n\n"
        "[E1] Full survey: example.org/survey."
    )
    for skipped in ("SEPARATOR", "CONTINUED", "deleted", "hidden", "gone", "[3]"):
        assert skipped not in item.text
    assert item.source.warnings == ()


def test_a_document_without_notes_imports_as_before(tmp_path: Path) -> None:
    body = _p(_t("Crime fell 12% last year.")) + _p(_t("Police welcomed the figures."))
    plain = load_path(_write_docx(tmp_path / "plain.docx", body))
    # Word writes the notes parts (separators only) and styles into every document
    parts = {"styles": _styles(_style("paragraph", "Normal", default=True)), "footnotes": _notes("footnote")}
    parts["endnotes"] = _notes("endnote")
    word = load_path(_write_docx(tmp_path / "word.docx", body, parts))
    assert plain.text == word.text == "Crime fell 12% last year.\n\nPolice welcomed the figures."
    assert load_path(DATA / "story.docx").text.split("\n\n") == STORY.strip("\n").split("\n")


def test_notes_parts_are_read_as_carefully_as_the_document(tmp_path: Path) -> None:
    body = _p(_t("Claim"), _ref("footnote", 1), _t("."))
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        f'<w:footnotes {_W_NS}><w:footnote w:id="1"><w:p>{_t("Source &secret; here.")}</w:p></w:footnote>'
        "</w:footnotes>"
    )
    item = load_path(_write_docx(tmp_path / "xxe.docx", body, {"footnotes": xxe}))
    assert item.text == "Claim[1].\n\n[1] Source  here."
    # damaged notes or styles cost a warning, not the story
    parts = {"styles": "<w:styles", "footnotes": "<w:footnotes><w:footnote>"}
    item = load_path(_write_docx(tmp_path / "damaged.docx", body, parts))
    assert item.text == "Claim[1]."
    assert item.source.warnings == (
        "the XML of word/styles.xml is damaged: text hidden by a style may be included",
        "the XML of word/footnotes.xml is damaged: the footnotes are left out",
    )


def test_notes_part_inflating_past_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "liar.docx", _p(_t("Claim"), _ref("footnote", 1)), {"footnotes": _notes("footnote")}
    )
    data = bytearray(path.read_bytes())
    name = b"word/footnotes.xml"
    for sig, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(sig)
        while data[at + name_at : at + name_at + len(name)] != name:
            at = data.find(sig, at + 1)
        data[at + offset : at + offset + 4] = (10).to_bytes(4, "little")
    with pytest.raises(ImportFailed, match=r"damaged|ZIP bomb"):
        load_bytes(bytes(data), name="liar.docx")


def test_a_long_chain_of_styles_is_read_once_not_once_per_style(tmp_path: Path) -> None:
    """A hostile styles.xml: 6,000 paragraph styles each based on the next, every one used once.
    Walking the chain again for each style took minutes (quadratic); it must take a moment."""
    import subprocess
    import sys

    n = 6000
    styles = _styles(
        *(_style("paragraph", f"s{i}", based_on=f"s{i + 1}") for i in range(n)),
        _style("paragraph", f"s{n}", rpr="<w:vanish/>"),
        _style("paragraph", "short", based_on="s5990"),
    )
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr><w:r><w:t>x{i}</w:t></w:r></w:p>' for i in range(n)
    )
    body += '<w:p><w:pPr><w:pStyle w:val="short"/></w:pPr><w:r><w:t>Shown? no.</w:t></w:r></w:p>'
    body += "<w:p><w:r><w:t>The story itself.</w:t></w:r></w:p>"
    path = _write_docx(tmp_path / "chain.docx", body, {"styles": styles})
    code = "import sys; from factcheck_gui.importers import load_path; print(load_path(sys.argv[1]).text)"
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60, check=True
    )
    # Styles near the hidden root are hidden through the chain (up to Word's depth); the
    # unstyled paragraph is the story.
    assert done.stdout.strip().endswith("The story itself.")
    assert "Shown? no." not in done.stdout and "x5999" not in done.stdout
