"""Markdown → plain story text: markup stripped, structure kept as paragraphs and list lines.

Parsed with markdown-it-py (CommonMark, tables on) rather than regexes so that emphasis inside
words, escaped characters, nested lists and code spans come out right. Wrapped lines of one
paragraph are joined with a space, as a Markdown reader shows them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factcheck_gui.importers.base import Extracted, join_paragraphs, normalize_newlines
from factcheck_gui.importers.text import decode_text

_BR = re.compile(r"<br\s*/?>$", re.IGNORECASE)
_MD = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")


def _inline(children: Sequence[Token] | None) -> str:
    out: list[str] = []
    for tok in children or ():
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type == "softbreak":
            out.append(" ")
        elif tok.type == "hardbreak" or (tok.type == "html_inline" and _BR.match(tok.content)):
            out.append("\n")  # an inline <br> breaks the line: the words around it stay apart
        # image alt text, other raw inline HTML tags and link/emphasis markers are not story text
    return "".join(out)


def markdown_to_text(source: str) -> tuple[str, str]:
    """``(text, title)``: the text of ``source`` and its first heading (the title, if any)."""
    tokens = _MD.parse(normalize_newlines(source))
    blocks: list[str] = []
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
        if kind == "bullet_list_open":
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
                if parent == "heading_open" and not title:
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
    return join_paragraphs(blocks), title


def read_markdown(data: bytes, name: str) -> Extracted:
    """A Markdown file: decoded like plain text, then stripped of its markup."""
    source, warning = decode_text(data, name)
    text, title = markdown_to_text(source)
    return Extracted(text=text, title=title, warnings=(warning,) if warning else ())
