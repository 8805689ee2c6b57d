"""Plain text and Markdown: encodings, line endings, re-flowing, markup stripped."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, load_bytes, load_path, load_source
from factcheck_gui.importers.text import decode_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"

STORY = (DATA / "story.txt").read_text(encoding="utf-8")


def test_utf8_lf_story_comes_through_byte_identical() -> None:
    item = load_path(DATA / "story.txt")
    assert item.text == STORY
    assert item.name == "story.txt"
    assert item.source.kind == "text"
    assert item.source.sha256 == hashlib.sha256((DATA / "story.txt").read_bytes()).hexdigest()
    assert item.source.location.endswith("story.txt")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", item.source.imported_at)
    assert item.source.warnings == ()


def test_reference_story_is_read_unchanged() -> None:

    ref = Path(__file__).resolve().parents[2] / "resources" / "samples" / "original.txt"
    assert load_path(ref).text == ref.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["story-utf8-bom.txt", "story-utf16.txt"])
def test_byte_order_marks_are_read_and_dropped(name: str) -> None:
    item = load_path(DATA / name)
    assert item.text == STORY
    assert item.source.warnings == ()


def test_windows_1252_is_detected_and_reported() -> None:
    item = load_path(DATA / "story-cp1252.txt")
    assert item.text == STORY  # curly quotes and apostrophes survive
    assert item.source.warnings == ("not UTF-8: decoded as cp1252 (detected)",)


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Президент России Владимир Путин заявил, что Россия может поставлять оружие.\nВторой абзац."
    item = load_bytes(text.encode("cp1251"), name="ru.txt")
    assert item.text == text


def test_crlf_hard_wrapped_copy_reflows_to_one_line_per_paragraph() -> None:
    item = load_path(DATA / "story-wrapped-crlf.txt")
    assert "\r" not in item.text
    assert item.text == STORY.replace("\n", "\n\n").rstrip("\n") + "\n"


def test_lone_carriage_returns_become_newlines() -> None:
    assert load_bytes(b"First line.\rSecond line.\r", name="mac.txt").text == "First line.\nSecond line.\n"


def test_binary_file_with_text_extension_is_refused() -> None:
    with pytest.raises(ImportFailed) as err:
        load_path(DATA / "binary.txt")
    assert str(err.value).endswith("binary.txt: looks like a binary file, not text")


def test_text_with_control_characters_is_refused_as_binary() -> None:
    junk = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20 + b"abc"
    with pytest.raises(ImportFailed, match="looks like a binary file"):
        load_bytes(junk, name="x.txt")


def test_empty_and_blank_files_are_refused() -> None:
    with pytest.raises(ImportFailed, match=r"empty\.txt: the file is empty$"):
        load_path(DATA / "empty.txt")
    with pytest.raises(ImportFailed, match=r"blank\.txt: empty — no readable text found$"):
        load_path(DATA / "blank.txt")


def test_image_with_png_extension_asks_for_ocr() -> None:
    with pytest.raises(ImportFailed, match=r"scan\.png: an image, not a text document — run OCR first"):
        load_path(DATA / "scan.png")


def test_image_renamed_to_txt_is_still_recognised() -> None:
    with pytest.raises(ImportFailed, match="run OCR first"):
        load_bytes((DATA / "scan.png").read_bytes(), name="photo.txt")


def test_stdin_is_read_and_sniffed() -> None:
    item = load_source("-", stdin=io.BytesIO(STORY.encode()))
    assert item.text == STORY
    assert (item.name, item.source.kind, item.source.location) == ("stdin", "stdin", "-")
    pdf = load_source("-", stdin=io.BytesIO((DATA / "story.pdf").read_bytes()))
    assert pdf.text.split() == STORY.split()


def test_empty_stdin_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"^standard input: nothing to read"):
        load_source("-", stdin=io.BytesIO(b""))


def test_markdown_is_stripped_to_text() -> None:
    src = (
        "# Flood *warning*\n\nHeavy rain **flooded** 200 homes,\naccording to [the council](https://x.invalid).\n\n"
        "- first `item`\n- second item\n  - nested\n\n3. three\n4. four\n\n> Quoted words.\n\n"
        "```\nkept = 'as text'\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEscaped \\*stars\\* &amp; ![a picture](p.png)\n"
    )
    item = load_bytes(src.encode(), name="flood.md")
    assert item.source.kind == "markdown"
    assert item.source.title == "Flood warning"
    assert item.text == (
        "Flood warning\n\nHeavy rain flooded 200 homes, according to the council.\n\n"
        "- first item\n- second item\n  - nested\n\n3. three\n4. four\n\nQuoted words.\n\n"
        "kept = 'as text'\n\na | b\n1 | 2\n\nEscaped *stars* &"
    )


def test_markdown_story_matches_the_plain_story() -> None:
    item = load_path(DATA / "story.md")
    assert item.text.split("\n\n") == STORY.strip("\n").split("\n")


def test_markdown_raw_html_stays_inert_text() -> None:
    item = load_bytes(
        b"Intro.\n\n<div onclick='x()'>Raw <b>bold</b><script>alert(1)</script></div>\n", name="a.md"
    )
    assert item.text == "Intro.\n\nRaw bold"


def test_markdown_inline_br_keeps_the_words_apart() -> None:
    item = load_bytes(b"Moscow said a<br>break came, then<BR/>another.\n", name="br.md")
    assert item.text == "Moscow said a\nbreak came, then\nanother."


def test_markdown_footnotes_read_as_a_rendered_page_shows_them(tmp_path: Path) -> None:
    source = tmp_path / "vote.md"
    source.write_text(
        "# Council vote\n\n"
        "The council approved the budget[^budget] by 7 votes to 2.[^2] Turnout was low[^budget].\n"
        "A reference without a definition[^nope] stays as written.\n\n"
        "[^budget]: The 2024 budget of £3.1m,\n"
        "    published on 4 March.\n\n"
        "    The figure excludes grants.\n"
        "[^2]: Two members abstained.\n"
        "[^unused]: A note nothing refers to.\n\n"
        "- The vote is final[^final]\n\n"
        "[^final]:\tNo appeal was lodged by 1 April.\n\n"
        "```\ncode[^2] is literal\n```\n",
        encoding="utf-8",
    )
    item = load_path(source)
    assert item.source.title == "Council vote"
    assert item.text == (
        "Council vote\n\n"
        "The council approved the budget[1] by 7 votes to 2.[2] Turnout was low[1]. "
        "A reference without a definition[^nope] stays as written.\n\n"
        "- The vote is final[3]\n\n"
        "code[^2] is literal\n\n"
        "[1] The 2024 budget of £3.1m, published on 4 March.\n\n"
        "The figure excludes grants.\n\n"
        "[2] Two members abstained.\n\n"
        "[3] No appeal was lodged by 1 April."
    )


def test_markdown_text_after_a_nested_footnote_stays_in_the_outer_footnote(tmp_path: Path) -> None:
    # The outer note's text after the inner definition went to the inner note (when it followed
    # on the next line) or into the story itself (after a blank line): neither is where it stands.
    source = tmp_path / "nested.md"
    source.write_text(
        "The ministry gave a figure[^a] and a source[^b].\n\n"
        "[^a]: The figure is 3,000.\n"
        "    [^b]: The source is a press release.\n"
        "    It was revised on Friday.\n\n"
        "    The revision is not dated.\n\n"
        "    - nor signed\n\n"
        "The story goes on here.\n\n"
        "[^c]: Not nested.\n"
        "lazily continued, as in any footnote.\n\n"
        "Last line[^c].\n",
        encoding="utf-8",
    )
    assert load_path(source).text == (
        "The ministry gave a figure[1] and a source[2].\n\n"
        "The story goes on here.\n\n"
        "Last line[3].\n\n"
        "[1] The figure is 3,000.\n\n"
        "It was revised on Friday.\n\n"
        "The revision is not dated.\n\n"
        "- nor signed\n\n"
        "[2] The source is a press release.\n\n"
        "[3] Not nested. lazily continued, as in any footnote."
    )


def test_short_french_cp1252_is_not_read_as_central_european() -> None:
    data = "Le café coûte 5 € de plus. Le ministre a dit « oui ».\n".encode("cp1252")
    text, warning = decode_text(data, "note.txt")
    assert "café coûte 5 €" in text and "« oui »" in text
    assert warning is not None and "cp1252" in warning


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said “we will rebuild” – at a cost of €5m.\n",  # read as cp775: "ōwe … ö ¢ … Ć5m"
        "The minister said the café would reopen on Monday, and that the naïve plan was dropped.\n",
    ],
)
def test_a_short_windows_1252_line_is_not_read_in_a_dos_code_page(line: str) -> None:
    # (found by a reviewer: the detector picks cp775 or cp850 for such lines)
    text, warning = decode_text(line.encode("cp1252"), "note.txt")
    assert text == line
    assert warning is not None and "cp1252" in warning


def test_russian_cp1251_stays_cp1251() -> None:
    data = "Министр сказал, что мост откроют в понедельник, а бюджет сократят на пять процентов.\n"
    text, _ = decode_text(data.encode("cp1251"), "novosti.txt")
    assert text == data


def test_czech_cp1250_stays_cp1250() -> None:
    data = "Příliš žluťoučký kůň úpěl ďábelské ódy. Černá hora.\n".encode("cp1250")
    text, _ = decode_text(data, "zprava.txt")
    assert "Příliš žluťoučký kůň" in text
