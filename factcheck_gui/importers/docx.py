"""Word .docx → paragraphs in order, tracked changes taken as accepted.

The XML is read directly (python-docx's ``paragraph.text`` would keep deleted runs): inserted
text (``w:ins``, ``w:moveTo``) is kept, deleted text (``w:del``, ``w:moveFrom``) dropped, and a
paragraph whose mark was deleted joins the next one. Field codes (``w:instrText``) are skipped,
their results kept. Text boxes and drawings are skipped (their text is usually a duplicate or a
caption).

Run content that is not ``w:t`` but shows as text: ``w:tab`` and ``w:ptab`` are a tab,
``w:br`` and ``w:cr`` a line break, ``w:noBreakHyphen`` a hyphen, ``w:softHyphen`` nothing
(Word shows it only at a line end). ``w:sym`` (Word's "Insert Symbol": a code of a symbol font
such as ``w:font="Symbol" w:char="F0B0"``, a degree sign) becomes its Unicode character through
the tables of :mod:`factcheck_gui.importers.symbols`, and so do the private-use characters
U+F020–U+F0FF in the text of a run whose font is set to a symbol font; a symbol that cannot be
read for sure becomes U+FFFD (�), so the comparison shows that something stood there.
The parser never resolves entities, loads DTDs or touches the network.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from factcheck_gui.importers.archive import SafeZip
from factcheck_gui.importers.base import Extracted, ImportFailed, join_paragraphs
from factcheck_gui.importers.symbols import UNKNOWN_SYMBOL, symbol_char, symbol_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"

# Subtrees that hold no accepted body text.
_SKIP = frozenset(
    W + t
    for t in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "pPr",
        "rPr",
        "drawing",
        "pict",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "object",
    )
) | {_MC + "AlternateContent"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _parse(data: bytes, name: str) -> Any:
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError:
        raise ImportFailed(name, "not a valid .docx file (its XML is damaged)") from None


_SYMBOL_FONT_CODES = re.compile("[\uf020-\uf0ff]")
_FONT_SLOTS = tuple(W + a for a in ("ascii", "hAnsi", "cs", "eastAsia"))


def _symbol_font(run: Any) -> str:
    """The symbol font set directly on a run (its w:rFonts), or ""."""
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return ""
    return next((f for f in map(fonts.get, _FONT_SLOTS) if f and symbol_table(f) is not None), "")


def _sym(el: Any, run_font: str) -> str:
    """The character of a ``w:sym`` (see module doc)."""
    try:
        code = int(el.get(W + "char") or "", 16)
    except ValueError:
        return UNKNOWN_SYMBOL
    return symbol_char(el.get(W + "font") or run_font, code)


def _runs_text(el: Any, out: list[str], font: str = "") -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            # unresolved entity references are child nodes: keep the text around them only
            text = (child.text or "") + "".join(c.tail or "" for c in child)
            if font:
                text = _SYMBOL_FONT_CODES.sub(lambda m: symbol_char(font, ord(m.group())), text)
            out.append(text)
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(_sym(child, font))
        elif tag == W + "r":
            _runs_text(child, out, _symbol_font(child))
        else:  # hyperlinks, w:ins, w:moveTo, smart tags, content controls, fields (w:softHyphen: "")
            _runs_text(child, out, font)


def _mark_deleted(p: Any) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _is_list_item(p: Any) -> bool:
    return p.find(f"{W}pPr/{W}numPr") is not None


def _blocks(container: Any, blocks: list[str], carry: list[str]) -> None:
    """Paragraph texts of a body, table cell or content control, in document order."""
    for el in container:
        tag = el.tag
        if tag == W + "p":
            parts: list[str] = []
            _runs_text(el, parts)
            carry.append("".join(parts))
            if _mark_deleted(el):  # accepted deletion of the paragraph mark: joins the next one
                continue
            text = "".join(carry)
            carry.clear()
            blocks.append(("- " + text.strip()) if _is_list_item(el) and text.strip() else text)
        elif tag == W + "tbl":
            for row in el.findall(W + "tr"):
                cells = []
                for cell in row.findall(W + "tc"):
                    inner: list[str] = []
                    _blocks(cell, inner, [])
                    cells.append(" ".join(b.strip() for b in inner if b.strip()))
                if any(cells):
                    blocks.append(" | ".join(cells))
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            _blocks(el, blocks, carry)


def _core_properties(z: SafeZip) -> tuple[str, str]:
    if "docProps/core.xml" not in z:
        return "", ""
    try:
        core = etree.fromstring(z.read("docProps/core.xml"), parser=_parser())
    except etree.XMLSyntaxError:
        return "", ""  # damaged metadata must not cost the user the text
    return core.findtext(_DC + "title") or "", core.findtext(_DC + "creator") or ""


def read_docx(data: bytes, name: str) -> Extracted:
    """The story text of a .docx file (see module doc)."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailed(
            name, "password-protected or old-format (.doc) Word file — save it as .docx without a password"
        )
    z = SafeZip(data, name)
    if "word/document.xml" not in z:
        raise ImportFailed(name, "not a Word document (no word/document.xml inside)")
    root = _parse(z.read("word/document.xml"), name)
    body = root.find(W + "body")
    blocks: list[str] = []
    carry: list[str] = []
    if body is not None:
        _blocks(body, blocks, carry)
    if carry:
        blocks.append("".join(carry))
    merged: list[str] = []
    for block in blocks:  # list paragraphs: one item per line, as for HTML lists
        if merged and block.startswith("- ") and merged[-1].startswith("- "):
            merged[-1] += "\n" + block
        else:
            merged.append(block)
    title, author = _core_properties(z)
    return Extracted(text=join_paragraphs(merged), title=title, author=author)
