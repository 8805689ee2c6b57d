"""HTML and Markdown reports: parsed, and checked for anything story text could have injected."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html
from markdown_it import MarkdownIt

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.common import show_bidi
from factcheck_gui.store.records import Review

from .conftest import HOSTILE_NOTE

# Every element the report itself writes; anything else came from story text.
REPORT_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "b",
    "table",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "ul",
    "li",
    "br",
    "del",
    "ins",
    "bdi",  # isolates a name or title (issue 16: bidi)
    "time",  # a date in words, with its ISO value (issue 15)
}
REPORT_ATTRS = {"lang", "charset", "http-equiv", "content", "name", "class", "id", "width", "dir", "datetime"}
# The only attribute value with a colon: an ISO 8601 date and time the report writes itself.
ISO = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d)?)?")


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.marked: dict[str, list[str]] = {"del": [], "ins": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag not in ("br", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for m in ("del", "ins"):
            if m in self.stack:
                self.marked[m].append(data)


def parse(data: bytes) -> Collect:
    c = Collect()
    c.feed(data.decode("utf-8"))
    c.close()
    return c


def assert_inert(doc: Collect, raw: str) -> None:
    for tag, attrs in doc.tags:
        assert tag in REPORT_TAGS, f"unexpected element <{tag}>"
        for name, value in attrs:
            assert name in REPORT_ATTRS, f"unexpected attribute {name} on <{tag}>"
            if name == "datetime":
                assert ISO.fullmatch(value or ""), f"datetime={value!r}"
            elif name != "content":
                assert ":" not in (value or ""), f"{name}={value!r}"
    assert not re.search(
        r"url\(|@import|https?://[^\s<]*\.(png|css|js)\b(?![^<]*</)", raw.split("</style>")[0]
    )


def test_hand_review_marks_word_differences_and_escapes_everything(hand: Review) -> None:
    raw = render_review(hand, "html")
    doc = parse(raw)
    assert_inert(doc, raw.decode())
    text = "".join(doc.text)
    assert "Review #7: Hand <i>made</i>" in text  # the title's markup is text
    assert "".join(doc.marked["del"]) == "said5" and "".join(doc.marked["ins"]) == "claimed7"
    assert "number changed: 5 → 7" in text and "A number, amount or quantity differs" in text
    assert "Misleading — Ana, 20 June 2024, 09:30 UTC" in text
    assert "=2+2 <b>bold</b>\nsecond line" in text
    assert "carried over from review 4 change c9" in text
    assert "She denied it \ufffd here.\ufffd" in text  # lone surrogate and control char replaced
    for meta in (
        "Wire story",
        "Reporter A",
        "19 June 2024",
        "https://blog.example/b?x=1",
        "reflowed hard line breaks",
    ):
        assert meta in text
    raw_text = raw.decode()
    assert "<script" not in raw_text and "@media print" in raw_text
    assert 'class="fact-number">5<' in raw_text and 'class="fact-name">Putin<' in raw_text


def test_store_reviews_stay_inert_and_complete(store_review: Review) -> None:
    raw = render_review(store_review, "html")
    doc = parse(raw)
    assert_inert(doc, raw.decode())
    text = "".join(doc.text)
    cmp = store_review.comparison
    squash = " ".join(text.split())
    hidden = [ch for ch in cmp.changes if not ch.is_change and ch.id not in store_review.verdicts]
    if hidden:
        assert f"{len(hidden)} unchanged claim" in text
    for ch in cmp.changes:
        if ch in hidden:
            assert f"{ch.id} · Unchanged" not in text
            continue
        for side in ("original", "rewrite"):
            for cid in getattr(ch, side):
                claim = getattr(cmp, side).claim(cid).text
                # bidi controls are shown by their code point (issue 16)
                assert " ".join(show_bidi(claim).split()) in squash, f"{ch.id} {cid} text missing"
    for v in store_review.verdicts.values():
        if v.value:
            assert f"{v.value} — {v.reviewer}" in text


def test_hostile_story_text_shows_as_characters(make_store_review) -> None:  # type: ignore[no-untyped-def]
    review = make_store_review("hostile")
    text = "".join(parse(render_review(review, "html")).text)
    assert "<script>alert('owned')</script>" in text
    assert '<img src=x onerror="alert(1)">' in text
    assert "<iframe src=//evil.example></iframe>" in text
    assert HOSTILE_NOTE in text
    assert '<script>alert("title")</script> =1+1' in text
    # Bidi controls are shown by their code point, never obeyed (issue 16).
    assert "[U+202E]evil[U+202C]" in text and "\u202e" not in text and "🎉" in text


def test_markdown_renders_story_text_literally(hand: Review, make_store_review) -> None:  # type: ignore[no-untyped-def]
    md_hand = render_review(hand, "md").decode("utf-8")
    assert "Putin ~~said~~ ~~5~~ people left" in md_hand
    assert "**claimed** **7**" in md_hand
    review = make_store_review("hostile")
    md = render_review(review, "md").decode("utf-8")
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    doc = parse(rendered.encode())
    allowed = {
        "h1",
        "h2",
        "h3",
        "p",
        "strong",
        "em",
        "s",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    for tag, attrs in doc.tags:
        assert tag in allowed, f"story text made <{tag}> in the Markdown"
        assert all(name == "style" for name, _ in attrs), attrs
    text = "".join(doc.text)
    assert "<script>alert('owned')</script>" in text
    assert "![img](http://evil.example/p.png)" in text and "[link](javascript:alert(1))" in text
    assert "# not a heading | not | a table" in text
    assert HOSTILE_NOTE in text
    assert "Verdicts" in text and "Changes by kind" in text


def test_html_parsed_by_a_browser_like_parser_has_nothing_active(hand: Review, make_store_review) -> None:  # type: ignore[no-untyped-def]
    """libxml2's forgiving HTML parser (closer to how browsers recover from bad markup than
    html.parser): every element and attribute is one the report writes, nothing can load or run."""
    for review in (hand, make_store_review("hostile")):
        raw = render_review(review, "html")
        tree = lxml.html.document_fromstring(raw.decode("utf-8"))
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue  # comments (the report writes none, but they are inert anyway)
            assert el.tag in REPORT_TAGS, f"<{el.tag}> in the report"
            for name, value in el.attrib.items():
                assert name in REPORT_ATTRS and not name.startswith("on"), f"{name} on <{el.tag}>"
                if name == "datetime":
                    assert ISO.fullmatch(value), f"datetime={value!r}"
                elif name != "content":
                    assert ":" not in value and "url(" not in value, f"{name}={value!r}"
        assert tree.xpath("//script|//link|//img|//iframe|//object|//embed|//base|//form") == []
        styles = tree.xpath("//style")
        assert len(styles) == 1
        css = styles[0].text_content()
        assert "url(" not in css and "@import" not in css and "expression(" not in css
        csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp and "default-src 'none'" in csp[0]
