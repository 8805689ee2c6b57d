"""The Markdown report (CommonMark / GitHub flavour): deleted words ~~struck~~, inserted **bold**.

Story text is untrusted: every character Markdown or inline HTML could read as markup is
backslash-escaped, and line breaks inside a claim or note become spaces, so a story holding
``<script>``, ``![x](http://…)`` or ``# heading`` renders as exactly those characters.
The markers always touch letters or digits (see :func:`_marked_md`), so CommonMark's flanking
rules never leave a ``**`` or ``~~`` on the page next to punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import IO

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Flag
from factcheck_gui.exporters.common import Piece, Utf8Writer, clean_text
from factcheck_gui.exporters.report import (
    FLAG_HELP,
    ChangeView,
    attribution,
    attribution_sentence,
    change_heading,
    flag_label,
    flag_qualifiers,
    flag_words,
    header_facts,
    percent,
    plain,
    sections,
    source_columns,
    source_rows,
    source_table,
    summary,
    summary_sentences,
    verdict_line,
)
from factcheck_gui.store.records import Review

# ASCII punctuation that can start inline markup (CommonMark lets any of it be escaped). Story
# text never starts a line here, so block markers (-, +, 1., >) cannot take effect unescaped.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&$])")
_SPACE = re.compile(r"\s+")
_WORD_JOINER = "\u2060"


def md_escape(s: str) -> str:
    """Text that renders literally in Markdown, on one line."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", clean_text(s)))


def _flank_breaker(ch: str) -> bool:
    """True for a character that stops ``**``/``~~`` from opening or closing next to it.

    CommonMark's flanking rules: a delimiter run followed by whitespace cannot open, and one
    followed by punctuation (Unicode P or S, which includes every ASCII mark) opens only after
    whitespace or punctuation; closing mirrors that. A run touching a letter or digit always works.
    """
    return ch.isspace() or unicodedata.category(ch)[0] in "PSZ"


def _marked_md(text: str, marker: str) -> str:
    """``text`` (cleaned, one line) with ``marker`` around it, rendering as intended anywhere.

    Spaces and punctuation at either end go outside the markers (``Korea, **echoing … conflict**.``)
    so the delimiters touch letters. A change made only of punctuation (a deleted full stop) has
    nothing to move: a WORD JOINER (U+2060, invisible, neither space nor punctuation) inside each
    marker lets it open and close whatever stands around it.
    """
    i, j = 0, len(text)
    while i < j and _flank_breaker(text[i]):
        i += 1
    while j > i and _flank_breaker(text[j - 1]):
        j -= 1
    if i < j:
        return f"{md_escape(text[:i])}{marker}{md_escape(text[i:j])}{marker}{md_escape(text[j:])}"
    core = text.strip()
    if not core:
        return md_escape(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{_WORD_JOINER}{md_escape(core)}{_WORD_JOINER}{marker}{trail}"


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces with the same mark as one (``~~a~~~~b~~`` would be a run of four)."""
    out: list[Piece] = []
    for p in pieces:
        if out and out[-1].mark == p.mark:
            out[-1] = Piece(out[-1].text + p.text, p.mark)
        else:
            out.append(p)
    return out


def _claim_md(pieces: list[Piece]) -> str:
    out = []
    for p in _merged(pieces):
        text = _SPACE.sub(" ", clean_text(p.text))
        if p.mark in ("del", "ins"):
            out.append(_marked_md(text, "~~" if p.mark == "del" else "**"))
        else:
            out.append(md_escape(text))
    return "".join(out).strip()


def _side_md(label: str, claims: list[list[Piece]], ids: tuple[str, ...]) -> str:
    if not claims:
        return f"**{label}:** _(not in the {label.lower()})_"
    return f"**{label}** ({', '.join(ids)}): " + " ".join(_claim_md(c) for c in claims)


def _flag_md(f: Flag, *, help_: bool) -> str:
    pair = flag_words(f)
    words = f" ({md_escape(pair[0])} → {md_escape(pair[1])})" if pair else ""
    label = md_escape(flag_label(f.type.value))
    line = f"- **{label}** · {md_escape(flag_qualifiers(f))}: {md_escape(f.message)}{words}"
    if help_ and (text := FLAG_HELP.get(f.type.value, "")):
        line += f" — _{md_escape(text)}_"
    return line


def _change_md(v: ChangeView) -> str:
    ch = v.change
    lines = [
        f"### {md_escape(change_heading(ch))}",
        "",
        *([f"**{md_escape(v.sources)}**", ""] if v.sources else []),
        _side_md("Original", v.original, ch.original),
        "",
        _side_md("Rewrite", v.rewrite, ch.rewrite),
        "",
    ]
    if v.flags:
        lines += ["Fact flags:", ""]
        lines += [_flag_md(f, help_=True) for f in v.flags]
        lines.append("")
    if v.omitted:
        lines += ["Left out or restated (not counted as changed facts):", ""]
        lines += [_flag_md(f, help_=False) for f in v.omitted]
        lines.append("")
    if v.nearest:
        lines += [f"_{md_escape(v.nearest)}_", ""]
    lines.append(f"**Verdict:** {md_escape(verdict_line(v.verdict))}")
    if v.verdict is not None and v.verdict.note:
        lines += ["", f"**Note:** {md_escape(v.verdict.note)}"]
    lines += ["", ""]
    return "\n".join(lines)


def _cell(s: str) -> str:
    return md_escape(s) or " "


def iter_markdown(review: Review, *, changed_or_added_only: bool = False) -> Iterator[str]:
    """The report as Markdown text, in pieces: summary, flagged changes, other changes, then
    the review's details and sources."""
    cmp = review.comparison
    yield f"# Review \\#{review.id}: {md_escape(review.title)}\n\n"
    if shares := attribution(review):
        yield "## Where the derived text came from\n\n"
        yield f"{md_escape(attribution_sentence(review))}\n\n"
        yield "| Supported by | Claims | Share of the derived text |\n|---|---:|---:|\n"
        yield "".join(f"| {_cell(r.label)} | {r.claims} | {percent(r.share)} |\n" for r in shares) + "\n"
    s = summary(review, changed_or_added_only)
    yield "## Summary\n\n"
    yield "".join(f"{md_escape(line)}\n\n" for line in summary_sentences(s, changed_or_added_only))
    for title, rows, empty in (
        ("Changes by kind", s.by_kind, "none"),
        ("Fact flags by type", s.by_flag, "no fact flags"),
        ("Verdicts", s.by_verdict, "no changes to review"),
    ):
        if not rows:
            yield f"**{title}:** {empty}\n\n"
            continue
        yield f"| {title} | Count |\n|---|---:|\n"
        yield "".join(f"| {_cell(k)} | {n} |\n" for k, n in rows) + "\n"
    for section in sections(review, changed_or_added_only):
        yield f"## {section.title}\n\n{md_escape(section.intro)}\n\n"
        for view in section.changes:
            yield _change_md(view)
    yield "## About this review\n\n| | |\n|---|---|\n"
    yield "".join(f"| {k} | {_cell(plain([val]))} |\n" for k, val in header_facts(review)) + "\n"
    if sourced(cmp) is not None:
        labels = [label for label, _doc in source_columns(cmp)]
        yield f"## Sources\n\n|  | {' | '.join(labels)} |\n|---|{'---|' * len(labels)}\n"
        for _key, label, values in source_table(cmp):
            yield f"| {label} | {' | '.join(_cell(plain([v])) for v in values)} |\n"
        return
    yield "## Sources\n\n|  | Original | Rewrite |\n|---|---|---|\n"
    for _key, label, a, b in source_rows(cmp):
        yield f"| {label} | {_cell(plain([a]))} | {_cell(plain([b]))} |\n"


def write_markdown(review: Review, stream: IO[bytes], *, changed_or_added_only: bool = False) -> None:
    out = Utf8Writer(stream)
    for piece in iter_markdown(review, changed_or_added_only=changed_or_added_only):
        out.write(piece)
    out.flush()
