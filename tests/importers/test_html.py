"""Saved web pages and clipboard HTML: the article only, paragraphs kept, metadata found."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, from_clipboard, load_bytes, load_path

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")


def test_cluttered_article_page_gives_its_main_text_and_metadata() -> None:
    item = load_path(DATA / "article.html")
    assert item.text == (DATA / "article.expected.txt").read_text(encoding="utf-8")
    for clutter in (
        "cookies",
        "Home",
        "Share on Facebook",
        "Related stories",
        "Comments",
        "warned years ago",
        "All rights reserved",
        "dataLayer",
        "font-family",
    ):
        assert clutter not in item.text
    assert item.source.kind == "html"
    assert (item.source.title, item.source.author, item.source.published) == (
        "Storm floods coastal town",
        "Maria Lopez",
        "2024-03-14",
    )


def test_story_page_keeps_every_paragraph_separated_by_blank_lines() -> None:
    item = load_path(DATA / "story.html")
    paragraphs = item.text.split("\n\n")
    assert paragraphs[0] == "Putin says Russia might arm North Korea"  # the headline
    assert paragraphs[1:] == STORY.strip("\n").split("\n")
    assert "injected" not in item.text and "worrying" not in item.text
    assert item.source.published == "2024-06-20"


def test_page_of_only_scripts_has_no_readable_text() -> None:
    with pytest.raises(ImportFailed) as err:
        load_path(DATA / "allscript.html")
    assert str(err.value).endswith(
        "allscript.html: no readable text (the page holds only scripts, styles or markup)"
    )


def test_short_page_that_the_article_extractor_skips_still_gives_its_text() -> None:
    page = b"<html><body><h2>Update</h2><p>Roads reopen.</p><ul><li>A1: open</li></ul></body></html>"
    assert load_bytes(page, name="short.html").text == "Update\n\nRoads reopen.\n\n- A1: open"


def test_meta_charset_is_honoured() -> None:
    page = "<html><head><meta charset='windows-1251'></head><body><p>Путин заявил об этом.</p></body></html>"
    item = load_bytes(page.encode("cp1251"), name="ru.html")
    assert item.text == "Путин заявил об этом."


def test_page_with_xml_declaration_is_read() -> None:
    page = b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared as XML.</p></body></html>"
    assert load_bytes(page, name="x.xhtml").text == "Declared as XML."


def test_html_is_sniffed_without_an_extension() -> None:
    item = load_bytes(b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>", name="download")
    assert (item.source.kind, item.text) == ("html", "Hello there.")


def test_clipboard_selection_keeps_all_its_text() -> None:
    html = (
        "<meta charset='utf-8'><span style='color:red'>Putin said <b>Russia</b> might act.</span>"
        "<br>Second line<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    )
    item = from_clipboard(text="ignored plain", html=html)
    assert item.text == "Putin said Russia might act.\nSecond line\n\n- one\n- two\n\na | b"
    assert (item.name, item.source.kind) == ("clipboard", "clipboard")


def test_clipboard_whole_page_copy_is_extracted_like_a_file() -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    item = from_clipboard(html=html)
    assert item.text == (DATA / "article.expected.txt").read_text(encoding="utf-8")


def test_clipboard_plain_text_is_reflowed_and_html_without_text_falls_back_to_it() -> None:
    assert (
        from_clipboard(text="A wrapped line that goes\non here.\r\n").text
        == "A wrapped line that goes on here.\n"
    )
    assert from_clipboard(text="Plain words.", html="<script>x()</script>").text == "Plain words."


def test_empty_clipboard_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"^clipboard: the clipboard holds no text$"):
        from_clipboard(text="  \n", html="")


def test_clipboard_html_as_raw_bytes_in_any_browser_encoding() -> None:
    """The app may hand over the raw ``text/html`` bytes of a paste: UTF-16 with a BOM (Firefox on
    X11), UTF-8 with a meta tag (Chrome), or a Windows CF_HTML block with its offsets header."""
    html = "<meta charset='utf-8'><p>Путин said <b>“Russia”</b> might act.</p><p>Second €5 line.</p>"
    expected = "Путин said “Russia” might act.\n\nSecond €5 line."
    assert from_clipboard(html=html.encode("utf-16")).text == expected
    assert from_clipboard(html=html.encode("utf-8")).text == expected
    cf_html = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000300\r\nStartFragment:0000000141\r\n"
        "EndFragment:0000000264\r\n<html><body><!--StartFragment-->"
        + html
        + "<!--EndFragment--></body></html>"
    )
    assert from_clipboard(html=cf_html).text == expected
    item = from_clipboard(html=html.encode("utf-16"))
    assert item.source.sha256 == hashlib.sha256(html.encode("utf-16")).hexdigest()  # the bytes pasted


def test_short_page_keeps_its_paragraphs_when_the_extractor_flattens_it() -> None:
    """trafilatura's last resort joins a short <article> into one line; the paragraphs come back."""
    page = (
        b"<html><body><nav><a href='/'>Home</a></nav><article><h1>Short news</h1>"
        b"<p>The first paragraph of the story is long enough to count as text.</p>"
        b"<embed src='x.swf'><p>The second paragraph closes the story here.</p></article></body></html>"
    )
    assert load_bytes(page, name="short.html").text == (
        "Short news\n\nThe first paragraph of the story is long enough to count as text.\n\n"
        "The second paragraph closes the story here."
    )


def test_comments_in_html_are_not_text() -> None:
    page = b"<div><!-- hidden note --><p>Shown<!--[if IE]>old<![endif]--> text.</p><?php echo 1 ?></div>"
    assert load_bytes(page, name="frag.html").text == "Shown text."
    assert from_clipboard(html=page.decode()).text == "Shown text."


def test_loose_text_between_paragraphs_of_a_page_is_kept() -> None:
    page = (
        b"<html><head><title>Old site</title></head><body>"
        b"<p>Intro paragraph that is in a p element and is long enough to count as text.</p>"
        b"Loose text sits directly in the body element after the paragraph, as old pages have it."
        b"<p>Closing paragraph in a p element.</p></body></html>"
    )
    assert load_bytes(page, name="old.html").text.split("\n\n") == [
        "Intro paragraph that is in a p element and is long enough to count as text.",
        "Loose text sits directly in the body element after the paragraph, as old pages have it.",
        "Closing paragraph in a p element.",
    ]


def test_double_line_breaks_separate_paragraphs() -> None:
    paragraphs = [
        "Russian President Vladimir Putin said on Thursday that Moscow might supply weapons to North Korea.",
        '"We would respond in a way that would be painful for Seoul," Putin told reporters.',
        "The Kremlin said 3,000 troops were involved, according to Yonhap.",
    ]
    page = "<html><body><div class=story>" + "<br><br>".join(paragraphs) + "</div></body></html>"
    assert load_bytes(page.encode(), name="br.html").text == "\n\n".join(paragraphs)
    # a browser copy goes through the block walker: the same paragraphs
    assert from_clipboard(html="<div>" + "<br>\n<br>".join(paragraphs) + "</div>").text == "\n\n".join(
        paragraphs
    )


def test_line_breaks_in_the_html_source_are_spaces_not_new_lines() -> None:
    selection = "<p>This is a long\nparagraph wrapped\n  in the source.</p><p>Second<br>line</p>"
    assert (
        from_clipboard(html=selection).text
        == "This is a long paragraph wrapped in the source.\n\nSecond\nline"
    )


_ARTICLE_START = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Bridge closes</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
    "<h1>Bridge closes for repairs</h1>"
    "<p>The Old Town bridge will close for six weeks from Monday, the council said on Tuesday, "
    "after inspectors found corroded cables in the northern span of the structure.</p>"
)
_ARTICLE_END = (
    "<p>Repairs are expected to cost £2.4m, which will be paid from the highways budget rather "
    "than from reserves, a spokesperson confirmed.</p></article></main>"
    "<aside><h2>Related stories</h2><figure><img src='z.jpg'><figcaption>Council votes on budget"
    "</figcaption></figure></aside><footer>All rights reserved</footer></body></html>"
)
_OPENING = (
    "Bridge closes for repairs\n\n"
    "The Old Town bridge will close for six weeks from Monday, the council said on Tuesday, "
    "after inspectors found corroded cables in the northern span of the structure.\n\n"
)
_CLOSING = (
    "Repairs are expected to cost £2.4m, which will be paid from the highways budget rather "
    "than from reserves, a spokesperson confirmed."
)


def test_figure_and_table_captions_are_paragraphs_where_they_stand(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(
        _ARTICLE_START
        + "<figure class='image-with-caption'><div class='caption-wrap'><img src='bridge.jpg' alt='x'>"
        "<figcaption class='caption'><span class='caption-text'>Inspectors on the bridge on 3 March "
        "2024.</span> <span class='credit'>Photo: Jane Smith/Reuters</span></figcaption></div></figure>"
        "<p>Traffic will be diverted over the ring road, adding about 15 minutes to journeys into the "
        "centre, according to the transport department's own estimate published this week.</p>"
        "<table><caption>Closures by year (council figures)</caption><tr><th>Year</th><th>Days</th></tr>"
        "<tr><td>2022</td><td>12</td></tr><tr><td>2023</td><td>31</td></tr></table>" + _ARTICLE_END,
        encoding="utf-8",
    )
    item = load_path(page)
    assert item.text == (
        _OPENING + "Inspectors on the bridge on 3 March 2024. Photo: Jane Smith/Reuters\n\n"
        "Traffic will be diverted over the ring road, adding about 15 minutes to journeys into the "
        "centre, according to the transport department's own estimate published this week.\n\n"
        "Closures by year (council figures)\n\nYear | Days\n2022 | 12\n2023 | 31\n\n" + _CLOSING
    )


def test_captions_of_teasers_navigation_and_sidebars_stay_out(tmp_path: Path) -> None:
    page = tmp_path / "teasers.html"
    page.write_text(
        _ARTICLE_START.replace(
            "</nav>",
            "<figure><img src='logo.png'><figcaption>Harbour Herald logo</figcaption></figure></nav>",
        )
        + "<div class='more'><a href='/x'><figure><img src='x.jpg'><figcaption>Ferry fares rise again"
        "</figcaption></figure></a><figure><img src='y.jpg'><figcaption><a href='/y'>Tunnel plan "
        "shelved after review</a></figcaption></figure></div>" + _ARTICLE_END,
        encoding="utf-8",
    )
    item = load_path(page)
    assert item.text == _OPENING + _CLOSING
    for boilerplate in ("logo", "Ferry", "Tunnel", "Council votes", "Related", "Home"):
        assert boilerplate not in item.text


_XHTML_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">'
    + _ARTICLE_START.split("<html>", 1)[1].replace("<meta charset='utf-8'>", "")
)
_XHTML = (
    _XHTML_START + "<figure><img src='bridge.jpg' alt='x'/><figcaption>Inspectors on the bridge on 3 March "
    "2024.</figcaption></figure>" + _ARTICLE_END
)


def test_xhtml_page_with_an_xml_declaration_keeps_its_figure_captions(tmp_path: Path) -> None:
    # lxml refuses a str that still starts with <?xml … encoding=…?>: the caption pass then
    # gave up and the caption was lost. Files had the declaration removed when decoded; a copied
    # page (the clipboard's text/html as a string) did not.
    expected = _OPENING + "Inspectors on the bridge on 3 March 2024.\n\n" + _CLOSING
    page = tmp_path / "bridge.xhtml"
    page.write_text(_XHTML, encoding="utf-8")
    item = load_path(page)
    assert item.text == expected
    assert from_clipboard(html=_XHTML).text == expected
    assert from_clipboard(html=_XHTML.encode("utf-8")).text == expected


def test_html_in_markdown_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    story = tmp_path / "note.md"
    story.write_text(
        "Intro paragraph.\n\n"
        '<?xml version="1.0" encoding="utf-8"?><div><p>Raw HTML paragraph.</p></div>\n\n'
        "Last paragraph.\n",
        encoding="utf-8",
    )
    assert load_path(story).text == "Intro paragraph.\n\nRaw HTML paragraph.\n\nLast paragraph."
