"""The HTML report: one self-contained file (inline CSS, no scripts, no external requests).

Every piece of story text, note, title and metadata goes through :func:`esc`, so a story that
contains ``<script>`` or ``<img onerror=…>`` is shown as those characters. A Content-Security-
Policy meta tag forbids scripts and remote loads as a second line of defence. Bidi controls are
shown as ``[U+202E]`` (see :func:`~factcheck_gui.exporters.common.clean_text`), and story text,
notes, names and titles are isolated (``dir="auto"``, ``<bdi>``): a right-to-left story or name
cannot reorder the report's words around it.

The same builder makes the simpler markup Qt's rich-text engine understands (``flavour="qt"``)
for the PDF report: tables instead of CSS layout, spans instead of ``<del>``/``<ins>``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import IO

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Flag
from factcheck_gui.exporters.common import Piece, Utf8Writer, clean_text
from factcheck_gui.exporters.report import (
    FLAG_HELP,
    ChangeView,
    Part,
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
    verdict_parts,
)
from factcheck_gui.lexer import fact_spans, style_css
from factcheck_gui.store.records import Review

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:70em;
 color:#1b1b1b;background:#fff;padding:0 1em}
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin:0 0 .4em;color:#333}
table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.3em .6em;vertical-align:top;text-align:left}
th{background:#f4f4f4;font-weight:600}
table.meta td{word-break:break-all}
.change{border-top:1px solid #ccc;padding:.7em 0;break-inside:avoid;page-break-inside:avoid}
table.sides{width:100%;table-layout:fixed}table.sides td{width:50%;border:none;padding:.2em .6em .2em 0}
.label{font-size:.8em;text-transform:uppercase;color:#666;letter-spacing:.03em}
.txt{unicode-bidi:isolate;white-space:pre-wrap;overflow-wrap:anywhere;margin:.2em 0}
del{background:#fde0dc;color:#8a1c10;text-decoration:line-through}
ins{background:#d9f2e6;color:#00603f;text-decoration:underline}
.trivial{text-decoration:underline dotted}
.absent{color:#888;font-style:italic}
.hash{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
ul.flags{margin:.4em 0;padding-left:1.2em;color:#7a4b00}
ul.flags .help{color:#555}ul.omitted{margin:.4em 0;padding-left:1.2em;color:#555}
.sub{margin:.5em 0 0;font-size:.9em}.nearest{color:#555;font-size:.9em;unicode-bidi:isolate}
.verdict{margin:.3em 0 0}.note{margin:.2em 0 0;white-space:pre-wrap;unicode-bidi:isolate;color:#333}
.kind-unchanged h3{color:#777}.kind-added h3{color:#0b4a8b}.kind-removed h3{color:#8a1c10}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}
 del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

_QT_CSS = """
body{font-size:10pt}
h1{font-size:15pt}h2{font-size:12pt}h3{font-size:10pt}
th{background-color:#eeeeee;font-weight:bold}
.label{font-size:8pt;color:#666666}
.del{background-color:#fde0dc;color:#8a1c10;text-decoration:line-through}
.ins{background-color:#d9f2e6;color:#00603f;text-decoration:underline}
.absent{color:#888888;font-style:italic}
.hash{font-family:"DejaVu Sans Mono","Courier New",monospace;font-size:8pt}
.flags{color:#7a4b00}
.help{color:#555555}
.omitted{color:#555555}
.nearest{color:#555555}
"""


def esc(s: str) -> str:
    """Story or user text as inert HTML text (quotes escaped too, for attribute safety)."""
    return html.escape(clean_text(s), quote=True)


def _claim_html(pieces: list[Piece], qt: bool) -> str:
    """One claim: diff pieces as del/ins, fact tokens (from the story lexer) as classed spans."""
    text = "".join(p.text for p in pieces)
    facts = fact_spans(text)
    out: list[str] = []
    pos = 0
    fi = 0
    for p in pieces:
        end = pos + len(p.text)
        inner: list[str] = []
        cur = pos
        while fi < len(facts) and facts[fi][0] < end:
            s, e, kind = facts[fi]
            s, e2 = max(s, cur), min(e, end)
            if s > cur:
                inner.append(esc(text[cur:s]))
            inner.append(f'<span class="fact-{kind}">{esc(text[s:e2])}</span>')
            cur = e2
            if e <= end:
                fi += 1
            else:
                break  # the token continues into the next piece
        if cur < end:
            inner.append(esc(text[cur:end]))
        body = "".join(inner)
        if p.mark in ("del", "ins"):
            body = f'<span class="{p.mark}">{body}</span>' if qt else f"<{p.mark}>{body}</{p.mark}>"
        elif p.mark == "trivial" and not qt:
            body = f'<span class="trivial">{body}</span>'
        out.append(body)
        pos = end
    return "".join(out)


def isolated(s: str, qt: bool = False) -> str:
    """User or story text inline, escaped and (for browsers) bidi-isolated in ``<bdi>``."""
    return esc(s) if qt else f"<bdi>{esc(s)}</bdi>"


def _auto(qt: bool) -> str:
    """The attribute that lets a browser choose each story paragraph's direction from its text."""
    return "" if qt else ' dir="auto"'


def _side_html(label: str, claims: list[list[Piece]], ids: tuple[str, ...], qt: bool) -> str:
    head = f'<div class="label">{esc(label)}{" · " + esc(", ".join(ids)) if ids else ""}</div>'
    if not claims:
        return head + f'<p class="absent">not in the {esc(label.lower())}</p>'
    return head + "".join(f'<p class="txt"{_auto(qt)}>{_claim_html(c, qt)}</p>' for c in claims)


def parts_html(parts: Sequence[Part], qt: bool) -> str:
    """A line of text and moments: each moment in words, inside ``<time datetime>`` (browsers)."""
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(isolated(p, qt))
        elif qt or not p.machine:
            out.append(esc(p.text))
        else:  # the machine value is our own ISO text, never story text
            out.append(f'<time datetime="{esc(p.machine)}">{esc(p.text)}</time>')
    return "".join(out)


def _flag_html(f: Flag, qt: bool, *, help_: bool) -> str:
    pair = flag_words(f)
    words = f" ({isolated(pair[0], qt)} → {isolated(pair[1], qt)})" if pair else ""
    line = (
        f"<li><b>{esc(flag_label(f.type.value))}</b> · {esc(flag_qualifiers(f))}: "
        f"{isolated(f.message, qt)}{words}"
    )
    if help_ and (text := FLAG_HELP.get(f.type.value, "")):
        line += f'<br><span class="help">{esc(text)}</span>'
    return line + "</li>"


def _change_html(v: ChangeView, qt: bool) -> str:
    ch = v.change
    parts = [
        f'<div class="change kind-{esc(ch.kind.value)}" id="{esc(ch.id)}">',
        f"<h3>{esc(change_heading(ch))}</h3>",
        *([f'<p class="from"{_auto(qt)}><b>{isolated(v.sources, qt)}</b></p>'] if v.sources else []),
        '<table class="sides" width="100%"><tr>',
        f'<td width="50%">{_side_html("Original", v.original, ch.original, qt)}</td>',
        f'<td width="50%">{_side_html("Rewrite", v.rewrite, ch.rewrite, qt)}</td>',
        "</tr></table>",
    ]
    if v.flags:
        parts.append('<p class="sub"><b>Fact flags</b></p><ul class="flags">')
        parts.extend(_flag_html(f, qt, help_=True) for f in v.flags)
        parts.append("</ul>")
    if v.omitted:
        parts.append(
            '<p class="sub"><b>Left out or restated</b> (not counted as changed facts)</p>'
            '<ul class="omitted">'
        )
        parts.extend(_flag_html(f, qt, help_=False) for f in v.omitted)
        parts.append("</ul>")
    if v.nearest:
        parts.append(f'<p class="nearest"{_auto(qt)}>{isolated(v.nearest, qt)}</p>')
    parts.append(f'<p class="verdict"><b>Verdict:</b> {parts_html(verdict_parts(v.verdict), qt)}</p>')
    if v.verdict is not None and v.verdict.note:
        parts.append(f'<p class="note"{_auto(qt)}><b>Note:</b> {isolated(v.verdict.note, qt)}</p>')
    parts.append("</div>\n")
    return "".join(parts)


def _count_table(title: str, rows: list[tuple[str, int]], empty: str) -> str:
    if not rows:
        return f"<p><b>{esc(title)}:</b> {esc(empty)}</p>"
    body = "".join(f"<tr><td>{esc(k)}</td><td>{n}</td></tr>" for k, n in rows)
    return f'<table class="counts"><tr><th>{esc(title)}</th><th>Count</th></tr>{body}</table>'


def html_head(review: Review, *, qt: bool = False) -> str:
    """Everything up to and including ``<body>``: doctype, title and the style sheet."""
    title = f"Review #{review.id}: {review.title}"
    css = (_QT_CSS if qt else _CSS) + style_css("fact-")
    csp = (
        ""
        if qt
        else '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'\">"
        '<meta name="referrer" content="no-referrer">'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{csp}'
        f"<title>{esc(title)}</title><style>{css}</style></head><body>\n"
    )


HTML_TAIL = "</body></html>\n"


def iter_front(review: Review, *, qt: bool = False, changed_or_added_only: bool = False) -> Iterator[str]:
    """The report before the first change: the title and the summary."""
    yield f"<h1>{esc(f'Review #{review.id}: ')}{isolated(review.title, qt)}</h1>\n"
    yield from _attribution_html(review, qt)
    s = summary(review, changed_or_added_only)
    yield "<h2>Summary</h2>\n"
    yield "".join(f"<p>{esc(line)}</p>" for line in summary_sentences(s, changed_or_added_only)) + "\n"
    yield _count_table("Changes by kind", s.by_kind, "none")
    yield _count_table("Fact flags by type", s.by_flag, "no fact flags")
    yield _count_table("Verdicts", s.by_verdict, "no changes to review")
    yield "\n"


def _attribution_html(review: Review, qt: bool) -> Iterator[str]:
    """A several-source review's report starts with where the derived text came from."""
    rows = attribution(review)
    if not rows:
        return
    yield "<h2>Where the derived text came from</h2>\n"
    yield f"<p>{esc(attribution_sentence(review))}</p>\n"
    body = "".join(
        f"<tr><td>{isolated(r.label, qt)}</td><td>{r.claims}</td><td>{esc(percent(r.share))}</td></tr>"
        for r in rows
    )
    yield (
        '<table class="counts"><tr><th>Supported by</th><th>Claims</th>'
        "<th>Share of the derived text</th></tr>"
        f"{body}</table>\n"
    )


def iter_changes(review: Review, *, qt: bool = False, changed_or_added_only: bool = False) -> Iterator[str]:
    """Each section's title, then each of its changes as one self-contained ``<div>``."""
    for section in sections(review, changed_or_added_only):
        yield f"<h2>{esc(section.title)}</h2>\n<p>{esc(section.intro)}</p>\n"
        for view in section.changes:
            yield _change_html(view, qt)


def iter_back(review: Review, *, qt: bool = False) -> Iterator[str]:
    """The end of the report: the review's details, then its sources with their hashes."""
    cmp = review.comparison
    yield '<h2>About this review</h2>\n<table class="meta">'
    for k, val in header_facts(review):
        yield f"<tr><th>{esc(k)}</th><td>{parts_html([val], qt)}</td></tr>"
    yield "</table>\n"
    if sourced(cmp) is not None:
        yield from _several_sources_html(review, qt)
        return
    yield '<h2>Sources</h2>\n<table class="meta"><tr><th></th><th>Original</th><th>Rewrite</th></tr>'
    for key, label, a, b in source_rows(cmp):
        if key == "sha256" and qt:
            # On a printed page a hash must stay whole to be copied: one line each, across both
            # columns (either column alone is too narrow for 64 characters).
            yield (
                f'<tr><th>{esc(label)}</th><td colspan="2">'
                f'Original: <span class="hash">{esc(plain([a]))}</span>'
                f'<br>Rewrite: <span class="hash">{esc(plain([b]))}</span></td></tr>'
            )
        elif key == "sha256":
            cells = f'<td class="hash">{esc(plain([a]))}</td><td class="hash">{esc(plain([b]))}</td>'
            yield f"<tr><th>{esc(label)}</th>{cells}</tr>"
        else:
            cells = f"<td>{parts_html([a], qt)}</td><td>{parts_html([b], qt)}</td>"
            yield f"<tr><th>{esc(label)}</th>{cells}</tr>"
    yield "</table>\n"


def _several_sources_html(review: Review, qt: bool) -> Iterator[str]:
    """The sources table of a several-source review: one column per source, then the derived text."""
    cmp = review.comparison
    heads = "".join(f"<th>{esc(label)}</th>" for label, _doc in source_columns(cmp))
    yield f'<h2>Sources</h2>\n<table class="meta"><tr><th></th>{heads}</tr>'
    columns = source_columns(cmp)
    for key, label, values in source_table(cmp):
        if key == "sha256" and qt:  # on a printed page each hash on a line of its own, whole
            lines = "<br>".join(
                f'{esc(name)}: <span class="hash">{esc(plain([v]))}</span>'
                for (name, _doc), v in zip(columns, values, strict=True)
            )
            yield f'<tr><th>{esc(label)}</th><td colspan="{len(values)}">{lines}</td></tr>'
            continue
        if key == "sha256":
            cells = "".join(f'<td class="hash">{esc(plain([v]))}</td>' for v in values)
        else:
            cells = "".join(f"<td>{parts_html([v], qt)}</td>" for v in values)
        yield f"<tr><th>{esc(label)}</th>{cells}</tr>"
    yield "</table>\n"


def iter_html(review: Review, *, flavour: str = "web", changed_or_added_only: bool = False) -> Iterator[str]:
    """The report as HTML text, in pieces (``flavour`` "web" for browsers, "qt" for the PDF)."""
    qt = flavour == "qt"
    yield html_head(review, qt=qt)
    yield from iter_front(review, qt=qt, changed_or_added_only=changed_or_added_only)
    yield from iter_changes(review, qt=qt, changed_or_added_only=changed_or_added_only)
    yield from iter_back(review, qt=qt)
    yield HTML_TAIL


def write_html(review: Review, stream: IO[bytes], *, changed_or_added_only: bool = False) -> None:
    out = Utf8Writer(stream)
    for piece in iter_html(review, changed_or_added_only=changed_or_added_only):
        out.write(piece)
    out.flush()
