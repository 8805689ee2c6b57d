"""Markdown → plain story text: markup stripped, structure kept as paragraphs and list lines.

Parsed with markdown-it-py (CommonMark, tables on) rather than regexes so that emphasis inside
words, escaped characters, nested lists and code spans come out right. Wrapped lines of one
paragraph are joined with a space, as a Markdown reader shows them.

Footnotes (the extension GitHub, Pandoc and markdown-it-footnote share) come out as a rendered
page shows them: a reference ``text[^note]`` becomes ``text[1]``, numbered in the order of first
reference, and the definitions (``[^note]: The footnote text.``, continued by lines indented four
spaces) are gathered at the end as paragraphs ``[1] The footnote text.`` in that order. As on a
rendered page, a reference without a definition stays literal text and a definition nothing
refers to is not shown. The two syntax rules are ours (the same grammar as markdown-it-footnote;
mdit-py-plugins is not a dependency).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from factcheck_gui.importers.base import Extracted, join_paragraphs, normalize_newlines
from factcheck_gui.importers.text import decode_text

_BR = re.compile(r"<br\s*/?>$", re.IGNORECASE)
_LABELS = "footnote_labels"  # env: labels of every footnote definition, found by the block rule
_NUMBERS = "footnote_numbers"  # env: label → number, in the order of first reference
_INDENTS = "footnote_indents"  # env: the content indent of each footnote definition being parsed


def _footnote_label(src: str, start: int, maximum: int) -> int:
    """The position of the "]" closing a footnote label ``[^label]`` at ``start``, or -1."""
    if src.startswith("[^", start):
        pos = start + 2
        while pos < maximum and src[pos] not in " \t\n]":
            pos += 1
        if pos > start + 2 and pos < maximum and src[pos] == "]":
            return pos
    return -1


def _footnote_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: ``[^label]: text`` and the lines indented under it, as footnote tokens."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    end = _footnote_label(state.src, start, maximum)
    if end < 0 or end + 1 >= maximum or state.src[end + 1] != ":":
        return False
    if silent:
        return True
    label = state.src[start + 2 : end]
    state.env.setdefault(_LABELS, set()).add(label)
    opening = state.push("footnote_definition_open", "", 1)
    opening.meta = {"label": label}

    # the definition's text is a nested block whose first line starts after "]:" and its spaces
    old = (state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line])
    old_parent = state.parentType
    after_colon = pos = end + 2
    initial = offset = state.sCount[start_line] + after_colon - start
    while pos < maximum and state.src[pos] in " \t":
        offset += 4 - offset % 4 if state.src[pos] == "\t" else 1
        pos += 1
    state.bMarks[start_line] = after_colon
    state.tShift[start_line] = pos - after_colon
    state.sCount[start_line] = offset - initial
    state.blkIndent += 4
    state.parentType = "footnote"
    if state.sCount[start_line] < state.blkIndent:
        state.sCount[start_line] += state.blkIndent
    indents = state.env.setdefault(_INDENTS, [])
    indents.append(state.blkIndent)
    try:
        state.md.block.tokenize(state, start_line, end_line)
    finally:
        indents.pop()
    state.parentType = old_parent
    state.blkIndent -= 4
    state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line] = old
    state.push("footnote_definition_close", "", -1)
    return True


def _back_in_outer_footnote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Paragraph terminator: in a footnote defined inside another one, a line indented as the
    outer footnote's text (less than the inner one's) is the outer footnote's again.

    Without this the line would be a lazy continuation of the inner footnote's paragraph,
    although it is written in the outer footnote, under the inner definition's ``[^label]:``.
    Never a block of its own: only ends a paragraph (``silent``).
    """
    indents = state.env.get(_INDENTS, ())
    return (
        silent
        and len(indents) >= 2
        and indents[-2] <= state.sCount[start_line] < indents[-1]
        and not state.isEmpty(start_line)
    )


def _footnote_reference(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``[^label]`` of a defined footnote, numbered on its first reference."""
    end = _footnote_label(state.src, state.pos, state.posMax)
    if end < 0:
        return False
    label = state.src[state.pos + 2 : end]
    if label not in state.env.get(_LABELS, ()):
        return False  # no definition: literal text, as a rendered page shows it
    if not silent:
        numbers = state.env.setdefault(_NUMBERS, {})
        token = state.push("footnote_ref", "", 0)
        token.meta = {"number": numbers.setdefault(label, len(numbers) + 1)}
    state.pos = end + 1
    return True


_MD = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
_MD.block.ruler.before(
    "reference", "footnote_definition", _footnote_definition, {"alt": ["paragraph", "reference"]}
)
_MD.block.ruler.before(
    "footnote_definition", "footnote_outer_text", _back_in_outer_footnote, {"alt": ["paragraph"]}
)
_MD.inline.ruler.after("link", "footnote_ref", _footnote_reference)


def _inline(children: Sequence[Token] | None) -> str:
    out: list[str] = []
    for tok in children or ():
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type == "footnote_ref":
            out.append(f"[{tok.meta['number']}]")
        elif tok.type == "softbreak":
            out.append(" ")
        elif tok.type == "hardbreak" or (tok.type == "html_inline" and _BR.match(tok.content)):
            out.append("\n")  # an inline <br> breaks the line: the words around it stay apart
        # image alt text, other raw inline HTML tags and link/emphasis markers are not story text
    return "".join(out)


def markdown_to_text(source: str) -> tuple[str, str]:
    """``(text, title)``: the text of ``source`` and its first heading (the title, if any)."""
    env: dict[str, Any] = {}
    tokens = _MD.parse(normalize_newlines(source), env)
    blocks: list[str] = []
    story = blocks
    notes: dict[str, list[str]] = {}  # footnote label → its paragraphs
    enclosing: list[list[str]] = []  # where text went before each open footnote definition
    title = ""
    lists: list[list[int]] = []  # one entry per open list: [next number] or [] when unordered
    in_item = 0
    pending = ""  # the marker of a list item whose first line has not been written yet
    row: list[str] = []
    table: list[str] = []
    item_lines: list[str] = []

    def emit(text: str) -> None:
        if in_item:
            item_lines.append(text)
        else:
            blocks.append(text)

    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "footnote_definition_open":
            enclosing.append(blocks)
            blocks = notes.setdefault(tok.meta["label"], [])
        elif kind == "footnote_definition_close":  # back to the story, or to the outer footnote
            blocks = enclosing.pop() if enclosing else story
        elif kind == "bullet_list_open":
            lists.append([])
        elif kind == "ordered_list_open":
            lists.append([int(tok.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and item_lines:
                blocks.append("\n".join(item_lines))
                item_lines.clear()
        elif kind == "list_item_open":
            in_item += 1
            counter = lists[-1] if lists else []
            pending = "  " * (len(lists) - 1) + (f"{counter[0]}. " if counter else "- ")
            if counter:
                counter[0] += 1
        elif kind == "list_item_close":
            in_item -= 1
        elif kind == "inline":
            parent = tokens[i - 1].type if i else ""
            text = _inline(tok.children)
            if parent in ("th_open", "td_open"):
                row.append(text.strip())
            elif in_item and pending:
                item_lines.append(pending + text)
                pending = ""
            else:
                if parent == "heading_open" and not title and blocks is story:
                    title = text.strip()
                emit(text)
        elif kind == "tr_close":
            table.append(" | ".join(row))
            row = []
        elif kind == "table_close":
            emit("\n".join(table))
            table = []
        elif kind in ("fence", "code_block"):
            emit(tok.content.rstrip("\n"))
        elif kind == "html_block":
            from factcheck_gui.importers.html import fragment_text  # markdown rarely holds HTML

            emit(fragment_text(tok.content))
    if item_lines:
        blocks.append("\n".join(item_lines))
    for label, number in env.get(_NUMBERS, {}).items():  # in the order of first reference
        paragraphs = [p for p in notes.get(label, []) if p.strip()] or [""]
        story.append(f"[{number}] {paragraphs[0]}".rstrip())
        story.extend(paragraphs[1:])
    return join_paragraphs(story), title


def read_markdown(data: bytes, name: str) -> Extracted:
    """A Markdown file: decoded like plain text, then stripped of its markup."""
    source, warning = decode_text(data, name)
    text, title = markdown_to_text(source)
    return Extracted(text=text, title=title, warnings=(warning,) if warning else ())
