"""HTML → the article's main text, paragraphs separated by blank lines, plus title/author/date.

A whole page goes through trafilatura (chosen after trying it on saved news pages with menus,
share buttons, cookie banners, comments and related links: it keeps the article paragraphs and
drops the rest; see tests/data/importers/article.html). Figure and table captions often carry
claims (who is pictured, where, when, whose figures), but trafilatura drops ``<figure>`` whole
and folds a ``<caption>`` into the table's first row; so before extraction each caption becomes
a plain ``<p>`` where it stands (a figure is replaced by its caption, a table caption goes just
before its table). Captions that are mostly link text (teaser cards of other stories), captions
inside a link, navigation, header, footer or sidebar, and figures holding a quotation (pull
quotes, embedded posts) are left alone, so boilerplate stays out. When trafilatura finds
nothing — a short fragment, a page that is only a list — a plain block walker takes the visible
text instead, so a short but real text is never lost. Both parse with lxml, which never fetches anything; no
script runs and no image, font, stylesheet or DTD is requested.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from factcheck_gui.importers.base import Extracted, ImportFailed, join_paragraphs
from factcheck_gui.importers.text import decode_text

NO_TEXT = "no readable text (the page holds only scripts, styles or markup)"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^[\ufeff\s]*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# Not text a reader sees; dropped before walking. (Not <embed>: libxml2's HTML 4 parser does not
# know it is empty and puts everything after it inside it.)
_INVISIBLE = frozenset(
    "script style noscript template svg math iframe object head title canvas video audio "
    "button select input textarea form".split()
)
_CLUTTER = frozenset("nav header footer aside".split())
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre tr table section article main dd dt dl "
    "figcaption figure address hr caption".split()
)


def decode_html(data: bytes, name: str, declared: str | None = None) -> tuple[str, str | None]:
    """Decode an HTML page: BOM, then the server's charset, then ``<meta charset>``, then guessing."""
    if not declared:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    text, warning = decode_text(data, name, declared)
    # lxml refuses str input that still carries an XML encoding declaration
    return _XML_DECL.sub("", text, count=1), warning


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _inline_text(el: Any) -> str:
    """Text of a trafilatura output element; <lb/> is a line break, everything else inline."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "graphic":
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean_lines(text: str) -> str:
    return "\n".join(_collapse(line).strip() for line in text.split("\n") if line.strip())


# Two line breaks with nothing visible between them (``<br><br>``): a paragraph break on screen.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def _paragraphs(text: str) -> list[str]:
    """``text`` (line breaks as "\\n") cut at blank lines into cleaned, non-empty paragraphs."""
    return [p for p in (_clean_lines(part) for part in _BLANK_LINE.split(text)) if p]


def _blocks_from_trafilatura(body: Any) -> list[str]:
    blocks: list[str] = list(_paragraphs(_collapse(body.text or "")))
    for el in body:
        blocks.extend(_element_blocks(el))
        # text trafilatura kept between its elements (a page's loose text after a <p>) is a paragraph
        blocks.extend(_paragraphs(_collapse(el.tail or "")))
    return blocks


def _element_blocks(el: Any) -> list[str]:
    """The paragraphs of one element of trafilatura's output body."""
    tag = el.tag
    if tag == "list":
        lines = [
            "- " + _collapse(_inline_text(item)).strip()
            for item in el.iter("item")
            if _inline_text(item).strip()
        ]
        return ["\n".join(lines)]
    if tag == "table":
        rows = []
        for row in el.iter("row"):
            cells = [_collapse(_inline_text(c)).strip() for c in row if c.tag == "cell"]
            if any(cells):
                rows.append(" | ".join(cells))
        return ["\n".join(rows)]
    if tag == "code":
        return [(el.text or "").strip("\n")]
    if tag in ("quote", "div") and any(c.tag in ("p", "list", "head", "quote") for c in el):
        return _blocks_from_trafilatura(el)
    if tag == "graphic":
        return []
    return _paragraphs(_inline_text(el))  # <br><br> inside a paragraph is a paragraph break


def _walk(el: Any, blocks: list[str], current: list[str], drop_clutter: bool) -> None:
    """Visible text of an lxml.html tree: block elements end a paragraph, <br> a line."""
    if not isinstance(el.tag, str):
        return  # a comment or processing instruction: its text is not the page's (its tail is)
    tag = el.tag
    if tag in _INVISIBLE or (drop_clutter and tag in _CLUTTER):
        return
    is_block = tag in _BLOCKS
    if is_block:
        _flush(blocks, current)
        if tag == "li":
            current.append("- ")
    if tag == "br":
        current.append("\n")
    elif tag == "pre":
        blocks.append(el.text_content().strip("\n"))
        return
    elif tag in ("td", "th") and "".join(current).strip():
        current.append(" | ")
    # a line break in the page's source is a space on screen; only <br> breaks a line
    current.append(_collapse(el.text or ""))
    for child in el:
        _walk(child, blocks, current, drop_clutter)
        current.append(_collapse(child.tail or ""))
    if is_block:
        _flush(blocks, current)


def _flush(blocks: list[str], current: list[str]) -> None:
    paragraphs = _paragraphs("".join(current))  # <br><br> ends a paragraph as a block does
    current.clear()
    blocks.extend(p for p in paragraphs if p != "-")


_HAS_CAPTION = re.compile(r"<(?:fig)?caption\b", re.IGNORECASE)
_NOT_ARTICLE = "ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or ancestor::menu"


def _caption_paragraph(caption: Any) -> Any:
    """A fresh ``<p>`` with the visible text of ``caption`` on one line, or None when it holds
    no text or is a link to elsewhere (mostly link text, or inside a link)."""
    text = " ".join(_walk_text(caption, False).split())
    if not text or caption.xpath(f"ancestor::a or {_NOT_ARTICLE}"):
        return None
    linked = sum(len("".join(a.text_content().split())) for a in caption.iter("a"))
    if 2 * linked > len(text.replace(" ", "")):
        return None
    # no attributes: trafilatura discards elements whose class or id mentions "caption"
    p = lxml.html.Element("p")
    p.text = text
    return p


def _replace(old: Any, new: Any) -> None:
    new.tail = old.tail
    old.getparent().replace(old, new)


def _captions_as_paragraphs(html: str) -> str:
    """``html`` with its figure and table captions as plain paragraphs (see module doc)."""
    if not _HAS_CAPTION.search(html):
        return html  # nothing to do: the page goes to trafilatura exactly as it came
    tree = _parse(html)
    if tree is None:
        return html
    changed = False
    for caption in list(tree.iter("figcaption", "caption")):
        parent = caption.getparent()
        if parent is None or caption.getroottree().getroot() is not tree:
            continue  # went with a figure replaced before it
        p = _caption_paragraph(caption)
        if p is None:
            continue
        if caption.tag == "caption":
            if parent.tag != "table":
                continue
            parent.remove(caption)  # its tail is whitespace between table parts
            p.tail = "\n"
            parent.addprevious(p)
        else:
            figure = next(caption.iterancestors("figure"), None)
            if figure is None or figure.find(".//table") is not None:
                _replace(caption, p)  # a figure holding a table: trafilatura keeps the table
            elif figure.find(".//blockquote") is None:
                _replace(figure, p)
            else:
                continue
        changed = True
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>") if changed else html


def _parse(html: str) -> Any:
    # An XHTML page's <?xml … encoding="…"?> makes lxml refuse the (already decoded) str with a
    # ValueError: without the declaration it parses like any page. decode_html drops it too, but
    # pages from the clipboard and HTML inside Markdown come here without passing through it.
    html = _XML_DECL.sub("", html, count=1)
    try:
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError):
        return None


def _walk_text(root: Any, drop_clutter: bool) -> str:
    blocks: list[str] = []
    current: list[str] = []
    _walk(root, blocks, current, drop_clutter)
    _flush(blocks, current)
    return join_paragraphs(_merge_list_items(blocks))


def fragment_text(html: str, *, drop_clutter: bool = False) -> str:
    """All visible text of an HTML fragment (a clipboard selection, raw HTML in Markdown)."""
    tree = _parse(html)
    if tree is None:
        return ""
    body = tree.find("body")
    return _walk_text(body if body is not None else tree, drop_clutter)


def _merge_list_items(blocks: list[str]) -> list[str]:
    """Consecutive list items form one block, one item per line (as trafilatura writes lists)."""
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("- ") and out[-1].startswith("- "):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return out


def looks_like_page(html: str) -> bool:
    """A whole page (with site furniture to remove) rather than a selection someone copied."""
    return bool(re.search(r"<(?:nav|header|footer|aside|article|main)\b", html, re.IGNORECASE))


def _flat_text(body: Any) -> str | None:
    """The text of trafilatura's last resort, or None for a real extraction.

    When a page is short or unusual, trafilatura returns one <p> holding the text content of the
    article (or of the whole body) with its paragraph structure lost.
    """
    kids = list(body)
    if len(kids) == 1 and kids[0].tag == "p" and len(kids[0]) == 0:
        return kids[0].text or ""
    return None


def _restructured(html: str, flat: str) -> str:
    """``flat`` with its paragraphs back: the block walker's text of the element trafilatura
    flattened (the page's article(s), else its body), when that holds exactly the same words."""
    tree = _parse(html)
    if tree is None:
        return ""
    words = flat.split()
    articles = tree.xpath("//article[not(ancestor::article)]")
    candidates = [
        join_paragraphs([_walk_text(a, True) for a in articles]),
        *(_walk_text(a, True) for a in articles),
    ]
    body = tree.find("body")
    if body is not None:
        candidates += [_walk_text(body, True), _walk_text(body, False)]
    return next((c for c in candidates if c.split() == words), "")


def extract_html(html: str, name: str, *, main_text_only: bool = True) -> Extracted:
    """The main text of ``html`` (see module doc), with the page's title, author and date."""
    doc: Any = None
    page = _captions_as_paragraphs(html) if main_text_only else html
    if main_text_only:
        try:
            doc = trafilatura.bare_extraction(
                page,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                with_metadata=True,
            )
        except (ValueError, TypeError, etree.LxmlError):  # trafilatura gives up on odd markup
            doc = None
    body = doc.body if doc is not None else None
    flat = _flat_text(body) if body is not None else None
    if body is None:
        text = ""
    elif flat is None:
        text = join_paragraphs(_blocks_from_trafilatura(body))
    else:  # trafilatura's last resort: get the paragraphs back, or let the block walker decide
        text = _restructured(page, flat) or (flat.strip() if "\n" not in flat else "")
    title = author = published = ""
    if doc is not None:
        title, author, published = doc.title or "", doc.author or "", doc.date or ""
    if not text.strip():
        text = fragment_text(html, drop_clutter=main_text_only)
    if not text.strip():
        raise ImportFailed(name, NO_TEXT)
    if not title:
        tree = _parse(html)
        found = tree.findtext(".//title") if tree is not None else None
        title = _collapse(found or "").strip()
    return Extracted(text=text, title=title, author=author, published=published)


def read_html(data: bytes, name: str, declared_charset: str | None = None) -> Extracted:
    """A saved web page (or the body of an HTTP response)."""
    html, warning = decode_html(data, name, declared_charset)
    out = extract_html(html, name)
    if warning:
        return Extracted(out.text, out.title, out.author, out.published, (*out.warnings, warning))
    return out
