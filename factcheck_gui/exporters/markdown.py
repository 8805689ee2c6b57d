"""The Markdown report (CommonMark / GitHub flavour): deleted words ~~struck~~, inserted **bold**.

Story text is untrusted: every character Markdown or inline HTML could read as markup is
backslash-escaped, and line breaks inside a claim or note become spaces, so a story holding
``<script>``, ``![x](http://…)`` or ``# heading`` renders as exactly those characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from factcheck_gui.exporters.common import Piece, Utf8Writer, clean_text, counts
from factcheck_gui.exporters.report import (
    FLAG_HELP,
    SOURCE_FIELDS,
    ChangeView,
    change_heading,
    change_views,
    header_facts,
    source_value,
    unlisted_note,
    verdict_line,
)
from factcheck_gui.store.records import Review

# ASCII punctuation that can start inline markup (CommonMark lets any of it be escaped). Story
# text never starts a line here, so block markers (-, +, 1., >) cannot take effect unescaped.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&$])")
_SPACE = re.compile(r"\s+")


def md_escape(s: str) -> str:
    """Text that renders literally in Markdown, on one line."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", clean_text(s)))


def _claim_md(pieces: list[Piece]) -> str:
    out = []
    for p in pieces:
        text = _SPACE.sub(" ", p.text)
        if p.mark not in ("del", "ins") or not text.strip():
            out.append(md_escape(text))
            continue
        # Emphasis delimiters must touch the words they wrap, so spaces stay outside.
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        marker = "~~" if p.mark == "del" else "**"
        out.append(f"{lead}{marker}{md_escape(core)}{marker}{trail}")
    return "".join(out).strip()


def _side_md(label: str, claims: list[list[Piece]], ids: tuple[str, ...]) -> str:
    if not claims:
        return f"**{label}:** _(not in the {label.lower()})_"
    return f"**{label}** ({', '.join(ids)}): " + " ".join(_claim_md(c) for c in claims)


def _change_md(v: ChangeView) -> str:
    ch = v.change
    lines = [
        f"### {md_escape(change_heading(ch))}",
        "",
        _side_md("Original", v.original, ch.original),
        "",
        _side_md("Rewrite", v.rewrite, ch.rewrite),
        "",
    ]
    for f in ch.flags:
        words = (
            f" ({md_escape(f.original or '—')} → {md_escape(f.rewrite or '—')})"
            if f.original or f.rewrite
            else ""
        )
        help_ = FLAG_HELP.get(f.type.value, "")
        lines.append(
            f"- ⚑ **{md_escape(f.type.value)}**: {md_escape(f.message)}{words} — _{md_escape(help_)}_"
        )
    if ch.flags:
        lines.append("")
    lines.append(f"**Verdict:** {md_escape(verdict_line(v.verdict))}")
    if v.verdict is not None and v.verdict.note:
        lines += ["", f"**Note:** {md_escape(v.verdict.note)}"]
    lines += ["", ""]
    return "\n".join(lines)


def _cell(s: str) -> str:
    return md_escape(s) or " "


def iter_markdown(review: Review) -> Iterator[str]:
    """The report as Markdown text, in pieces."""
    cmp = review.comparison
    yield f"# Review \\#{review.id}: {md_escape(review.title)}\n\n"
    yield " · ".join(f"**{k}:** {md_escape(val)}" for k, val in header_facts(review)) + "\n\n"
    yield "## Sources\n\n|  | Original | Rewrite |\n|---|---|---|\n"
    for key, label in SOURCE_FIELDS:
        a, b = source_value(cmp.original, key), source_value(cmp.rewrite, key)
        if a or b:
            yield f"| {label} | {_cell(a)} | {_cell(b)} |\n"
    c = counts(review)
    yield "\n## Summary\n\n"
    yield (
        f"{c.changes} changes, {c.to_review} to review (all but clean unchanged claims), "
        f"{c.reviewed} with a verdict.\n\n"
    )
    for title, rows, empty in (
        ("Changes by kind", c.by_kind, "none"),
        ("Flags by type", c.by_flag, "no fact flags"),
        ("Verdicts", c.by_verdict, "no verdicts yet"),
    ):
        if not rows:
            yield f"**{title}:** {empty}\n\n"
            continue
        yield f"| {title} | count |\n|---|---:|\n"
        yield "".join(f"| {_cell(k)} | {n} |\n" for k, n in rows) + "\n"
    yield "## Changes\n\n"
    if note := unlisted_note(review):
        yield f"_{md_escape(note)}_\n\n"
    for view in change_views(review):
        yield _change_md(view)


def write_markdown(review: Review, stream: IO[bytes]) -> None:
    out = Utf8Writer(stream)
    for piece in iter_markdown(review):
        out.write(piece)
    out.flush()
