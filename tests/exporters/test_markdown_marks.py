"""Markdown marks render as bold / strikethrough under CommonMark's flanking rules, wherever they fall."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import lxml.html
import pytest
from markdown_it import MarkdownIt

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.common import Piece, clean_text
from factcheck_gui.exporters.markdown import _claim_md
from factcheck_gui.exporters.report import change_views
from factcheck_gui.store.records import Review

WORD_JOINER = "\u2060"


def rendered(md: str) -> lxml.html.HtmlElement:
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    return lxml.html.fromstring(f"<div>{html}</div>")


def texts(doc: lxml.html.HtmlElement, *tags: str) -> list[str]:
    return [" ".join(e.text_content().replace(WORD_JOINER, "").split()) for t in tags for e in doc.iter(t)]


def core(text: str) -> str:
    """A marked piece without the spaces and punctuation at its ends (the words a reader sees marked)."""
    text = " ".join(clean_text(text).split())
    keep = [i for i, ch in enumerate(text) if not (ch.isspace() or unicodedata.category(ch)[0] in "PSZ")]
    return text[keep[0] : keep[-1] + 1] if keep else text


def test_demo_pair_marks_all_render(make_store_review: Callable[[str], Review]) -> None:
    review = make_store_review("reference")
    doc = rendered(render_review(review, "md").decode("utf-8"))
    text = doc.text_content()
    stray = [text[max(0, m.start() - 30) : m.end() + 30] for m in re.finditer(r"\*\*|~~", text)]
    assert not stray, f"markers shown as characters: {stray}"
    struck = " | ".join(texts(doc, "s", "del"))
    bold = " | ".join(texts(doc, "strong"))
    checked = {"del": 0, "ins": 0}
    for view in change_views(review):
        for claims, mark, where in ((view.original, "del", struck), (view.rewrite, "ins", bold)):
            for pieces in claims:
                for p in pieces:
                    if p.mark == mark and p.text.strip():
                        assert core(p.text) in where, f"{view.change.id}: {p.text!r} not marked"
                        checked[mark] += 1
    assert checked["del"] > 10 and checked["ins"] > 10
    # The places a QA review found showing raw markers on this pair.
    assert "echoing Western support for Ukraine amid the ongoing conflict" in bold
    assert "South Korea" in texts(doc, "strong")
    assert "." in texts(doc, "s")  # the deleted full stop after "Ukraine"


@pytest.mark.parametrize(
    ("pieces", "marked"),
    [
        ([("Korea", ""), (", echoing the conflict.", "ins"), (" He", "")], ["echoing the conflict"]),
        ([("Ukraine", ""), (".", "del"), (" “Regarding", "")], ["."]),
        ([("Moscow", ""), (": “South Korea", "ins"), (" would", "")], ["South Korea"]),
        ([("the world", ""), (",” he said.", "del")], ["he said"]),
        ([("with [North Korea", ""), ("], I do", "del"), (" not", "")], ["I do"]),
        ([("a", ""), ("b", "del"), ("c", "del"), (" d", "")], ["bc"]),  # neighbours merge
        ([("x ", ""), ("(AP) *", "ins"), ("_y_", "")], ["AP"]),
        ([("x", ""), (" ,“ ", "ins"), ("y", "")], [",“"]),
        ([("x", ""), ("\ud800 ok", "del"), ("y", "")], ["ok"]),
    ],
)
def test_marks_next_to_punctuation_render(pieces: list[tuple[str, str]], marked: list[str]) -> None:
    line = _claim_md([Piece(t, m) for t, m in pieces])
    doc = rendered(line)
    text = doc.text_content()
    assert "**" not in text and "~~" not in text, line
    assert texts(doc, "s", "del", "strong") == marked, line
    # Nothing of the story is lost or added besides the invisible joiners.
    want = " ".join(clean_text("".join(t for t, _ in pieces)).split())
    assert " ".join(text.replace(WORD_JOINER, "").split()) == want
