"""Word .docx → paragraphs in order, tracked changes taken as accepted, as a reader sees them.

The XML is read directly (python-docx's ``paragraph.text`` would keep deleted runs): inserted
text (``w:ins``, ``w:moveTo``) is kept, deleted text (``w:del``, ``w:moveFrom``) dropped, and a
paragraph whose mark was deleted joins the next one. Field codes (``w:instrText``) are skipped,
their results kept. Text boxes and drawings are skipped (their text is usually a duplicate or a
caption).

Hidden text is left out, as Word shows a document with hidden text not displayed: a run whose
``w:vanish`` or ``w:specVanish`` is on (not ``w:webHidden``, hidden only in the web layout),
set directly in its ``w:rPr`` or through its character style (``w:rStyle``), its paragraph's
style (``w:pStyle``, else the default paragraph style) or the document defaults of
word/styles.xml. A style inherits through ``w:basedOn``; as for every toggle property, direct
formatting wins and the paragraph and character styles' values are combined by exclusive or. A
paragraph whose mark is hidden (the same properties in ``w:pPr/w:rPr``; a "style separator")
joins the next one, as Word shows it. Table styles are not consulted.

Footnotes and endnotes: a reference mark becomes ``[1]``, ``[2]`` … for footnotes and ``[E1]``,
``[E2]`` … for endnotes, each numbered separately in the order of first reference (Word's own
numbering format, start and restarts are not read). The texts of the referenced notes (from
word/footnotes.xml and word/endnotes.xml) follow the body as paragraphs ``[1] The note text.``,
footnotes first, then endnotes, each in that order. A note with a custom mark
(``w:customMarkFollows``) is not numbered: its mark is the text that follows the reference, and
its text comes at the end unlabelled (it starts with the same mark). Separator and
continuation notes are not text; notes nothing refers to (for instance deleted ones) are left
out. A note part or styles part whose XML is damaged costs a warning, not the import.

Run content that is not ``w:t`` but shows as text: ``w:tab`` and ``w:ptab`` are a tab,
``w:br`` and ``w:cr`` a line break, ``w:noBreakHyphen`` a hyphen, ``w:softHyphen`` nothing
(Word shows it only at a line end). ``w:sym`` (Word's "Insert Symbol": a code of a symbol font
such as ``w:font="Symbol" w:char="F0B0"``, a degree sign) becomes its Unicode character through
the tables of :mod:`factcheck_gui.importers.symbols`, and so do the private-use characters
U+F020–U+F0FF in the text of a run whose font is set to a symbol font; a symbol that cannot be
read for sure becomes U+FFFD (�), so the comparison shows that something stood there.
Every part (document, styles, notes, relationships) is read through the capped ZIP reader of
:mod:`factcheck_gui.importers.archive`; the parser never resolves entities, loads DTDs or
touches the network.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from lxml import etree

from factcheck_gui.importers.archive import SafeZip
from factcheck_gui.importers.base import Extracted, ImportFailed, join_paragraphs
from factcheck_gui.importers.symbols import UNKNOWN_SYMBOL, symbol_char, symbol_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

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
        "commentReference",
        "object",
        "footnoteRef",  # the mark at the start of a note's own text: the label is added once
        "endnoteRef",
    )
) | {_MC + "AlternateContent"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Not w:webHidden: that hides text only in Word's web layout (table-of-contents page numbers
# are marked so), while the print and normal layouts a reader uses show it.
_HIDDEN = tuple(W + t for t in ("vanish", "specVanish"))
_MAX_STYLE_CHAIN = 256  # Word itself refuses deeper basedOn chains long before this
_OFF = frozenset(("false", "0", "off"))
_NOTES = {"footnote": ("footnotes", ""), "endnote": ("endnotes", "E")}  # kind → (part, label prefix)


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _parse(data: bytes, name: str) -> Any:
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError:
        raise ImportFailed(name, "not a valid .docx file (its XML is damaged)") from None


def _is_on(value: str | None) -> bool:
    """An on/off attribute: absent is off."""
    return value is not None and value.strip().lower() not in _OFF


def _on(el: Any) -> bool | None:
    """An on/off property element: None when absent, else its ``w:val`` (on when left out)."""
    return None if el is None else _is_on(el.get(W + "val", "true"))


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


class _Styles:
    """The hidden-text properties of word/styles.xml: document defaults and styles by id."""

    def __init__(self, root: Any = None) -> None:
        self._styles: dict[tuple[str, str], Any] = {}
        self.default_paragraph = ""
        self._defaults: Any = None
        self._cache: dict[tuple[str, str, str], bool | None] = {}
        if root is None:
            return
        self._defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        for style in root.iterchildren(W + "style"):
            kind, sid = style.get(W + "type") or "paragraph", style.get(W + "styleId")
            if not sid or (kind, sid) in self._styles:
                continue
            self._styles[(kind, sid)] = style
            if kind == "paragraph" and not self.default_paragraph and _is_on(style.get(W + "default")):
                self.default_paragraph = sid

    def value(self, kind: str, sid: str, prop: str) -> bool | None:
        """``prop`` as style ``sid`` or the nearest style it is based on sets it (None: not set)."""
        key = (kind, sid, prop)
        if key in self._cache:
            return self._cache[key]
        found: bool | None = None
        walked: list[tuple[str, str, str]] = []  # every style on the way shares the answer
        seen: set[str] = set()
        # A basedOn loop in a hostile file ends at the first style seen again; a long chain is
        # walked once, however many styles on it the document uses (not once per style).
        while sid and sid not in seen and len(seen) < _MAX_STYLE_CHAIN:
            seen.add(sid)
            step = (kind, sid, prop)
            if step in self._cache:
                found = self._cache[step]
                break
            walked.append(step)
            style = self._styles.get((kind, sid))
            if style is None:
                break
            found = _on(style.find(f"{W}rPr/{prop}"))
            if found is not None:
                break
            based_on = style.find(W + "basedOn")
            sid = (based_on.get(W + "val") or "") if based_on is not None else ""
        for step in walked:
            self._cache[step] = found
        return found

    def hidden(self, rpr: Any, paragraph_style: str) -> bool:
        """Whether run properties ``rpr`` (None: none) in a paragraph of that style hide the run."""
        char_style = ""
        if rpr is not None:
            el = rpr.find(W + "rStyle")
            char_style = (el.get(W + "val") or "") if el is not None else ""
        for prop in _HIDDEN:
            direct = _on(rpr.find(prop)) if rpr is not None else None
            if direct is None:  # toggle property: the defaults, flipped by each style that sets it
                direct = bool(_on(self._defaults.find(prop))) if self._defaults is not None else False
                direct ^= bool(paragraph_style and self.value("paragraph", paragraph_style, prop))
                direct ^= bool(char_style and self.value("character", char_style, prop))
            if direct:
                return True
        return False


def _mark_deleted(p: Any) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _is_list_item(p: Any) -> bool:
    return p.find(f"{W}pPr/{W}numPr") is not None


class _Reader:
    """Text of body and notes, with the styles that hide text and the note numbers so far."""

    def __init__(self, styles: _Styles, notes: dict[str, dict[str, Any]]) -> None:
        self.styles = styles
        self.notes = notes  # "footnote"/"endnote" → note id → its w:footnote/w:endnote element
        self.numbered: dict[str, dict[str, str]] = {kind: {} for kind in _NOTES}  # id → label
        self.counts = dict.fromkeys(_NOTES, 0)
        self.in_note = False
        self.paragraph_style = ""

    def _reference(self, el: Any, kind: str) -> str:
        """The mark of a note reference: ``[1]``/``[E1]``, or "" for a custom mark (see module doc)."""
        if self.in_note:  # Word allows no notes in notes
            return ""
        custom = _is_on(el.get(W + "customMarkFollows"))
        numbered = self.numbered[kind]
        note_id = el.get(W + "id") or ""
        if note_id not in numbered:
            if not custom:
                self.counts[kind] += 1
            numbered[note_id] = "" if custom else f"[{_NOTES[kind][1]}{self.counts[kind]}]"
        return "" if custom else numbered[note_id]

    def runs_text(self, el: Any, out: list[str], font: str = "") -> None:
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
            elif tag == W + "footnoteReference":
                out.append(self._reference(child, "footnote"))
            elif tag == W + "endnoteReference":
                out.append(self._reference(child, "endnote"))
            elif tag == W + "r":
                if not self.styles.hidden(child.find(W + "rPr"), self.paragraph_style):
                    self.runs_text(child, out, _symbol_font(child))
            else:  # hyperlinks, w:ins, w:moveTo, smart tags, content controls, fields (w:softHyphen: "")
                self.runs_text(child, out, font)

    def _paragraph_style(self, p: Any) -> str:
        el = p.find(f"{W}pPr/{W}pStyle")
        return (el.get(W + "val") or "") if el is not None else self.styles.default_paragraph

    def blocks(self, container: Any, blocks: list[str], carry: list[str]) -> None:
        """Paragraph texts of a body, table cell, content control or note, in document order."""
        for el in container:
            tag = el.tag
            if tag == W + "p":
                self.paragraph_style = self._paragraph_style(el)
                parts: list[str] = []
                self.runs_text(el, parts)
                carry.append("".join(parts))
                if _mark_deleted(el) or self.styles.hidden(el.find(f"{W}pPr/{W}rPr"), self.paragraph_style):
                    continue  # an accepted deletion or a hidden paragraph mark: joins the next one
                text = "".join(carry)
                carry.clear()
                blocks.append(("- " + text.strip()) if _is_list_item(el) and text.strip() else text)
            elif tag == W + "tbl":
                _flush(blocks, carry)
                for row in el.findall(W + "tr"):
                    cells = []
                    for cell in row.findall(W + "tc"):
                        inner: list[str] = []
                        cell_carry: list[str] = []
                        self.blocks(cell, inner, cell_carry)
                        _flush(inner, cell_carry)
                        cells.append(" ".join(b.strip() for b in inner if b.strip()))
                    if any(cells):
                        blocks.append(" | ".join(cells))
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                self.blocks(el, blocks, carry)

    def note_blocks(self) -> list[str]:
        """The referenced notes' paragraphs, footnotes then endnotes (see module doc)."""
        self.in_note = True
        out: list[str] = []
        for kind in _NOTES:
            for note_id, label in self.numbered[kind].items():
                note = self.notes[kind].get(note_id)
                if note is None:
                    continue
                paragraphs: list[str] = []
                carry: list[str] = []
                self.blocks(note, paragraphs, carry)
                _flush(paragraphs, carry)
                paragraphs = [p.strip() for p in paragraphs if p.strip()] or [""]
                out.append(f"{label} {paragraphs[0]}".strip())
                out.extend(paragraphs[1:])
        return out


def _flush(blocks: list[str], carry: list[str]) -> None:
    """Text still waiting for a paragraph mark (hidden or deleted) becomes a paragraph of its own."""
    if any(carry):
        blocks.append("".join(carry))
    carry.clear()


def _part_names(z: SafeZip) -> dict[str, str]:
    """Relationship type (last path segment, e.g. "footnotes") → part name, from the document's
    relationships; Word's usual names when a type is not listed or its target is not in the file."""
    names = {kind: f"word/{kind}.xml" for kind in ("styles", "footnotes", "endnotes")}
    if "word/_rels/document.xml.rels" not in z:
        return names
    try:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"), parser=_parser())
    except etree.XMLSyntaxError:
        return names
    for rel in rels.iterchildren(_REL):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind not in names or not target or rel.get("TargetMode") == "External":
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
        if part in z:
            names[kind] = part
    return names


def _optional_part(z: SafeZip, part: str, warnings: list[str], consequence: str) -> Any:
    """The root of an optional part, or None when it is absent or damaged (with a warning)."""
    if part not in z:
        return None
    try:
        return etree.fromstring(z.read(part), parser=_parser())
    except etree.XMLSyntaxError:
        warnings.append(f"the XML of {part} is damaged: {consequence}")
        return None


def _notes(root: Any, kind: str) -> dict[str, Any]:
    """The notes of a footnotes/endnotes part by id, without separators and continuation notices."""
    notes: dict[str, Any] = {}
    if root is None:
        return notes
    for note in root.iterchildren(W + kind):
        if (note.get(W + "type") or "normal") == "normal":
            notes.setdefault(note.get(W + "id") or "", note)
    return notes


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
    warnings: list[str] = []
    parts = _part_names(z)
    styles = _optional_part(z, parts["styles"], warnings, "text hidden by a style may be included")
    notes = {
        kind: _notes(_optional_part(z, parts[part], warnings, f"the {part} are left out"), kind)
        for kind, (part, _) in _NOTES.items()
    }
    reader = _Reader(_Styles(styles), notes)
    body = root.find(W + "body")
    blocks: list[str] = []
    carry: list[str] = []
    if body is not None:
        reader.blocks(body, blocks, carry)
    _flush(blocks, carry)
    blocks.extend(reader.note_blocks())
    merged: list[str] = []
    for block in blocks:  # list paragraphs: one item per line, as for HTML lists
        if merged and block.startswith("- ") and merged[-1].startswith("- "):
            merged[-1] += "\n" + block
        else:
            merged.append(block)
    title, author = _core_properties(z)
    return Extracted(text=join_paragraphs(merged), title=title, author=author, warnings=tuple(warnings))
