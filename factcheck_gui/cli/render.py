"""Plain-text and HTML renderings of a comparison for `factcheck compare` (no Qt, no store)."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from factcheck_gui import __version__
from factcheck_gui.cli.text import (
    BIDI_CONTROLS,
    MARKER_NOTE,
    has_marker_lookalike,
    inert,
    marker_escapes,
    marker_safe,
    plural,
)
from factcheck_gui.engine.nearest import hint_line
from factcheck_gui.engine.types import Change, ChangeKind, Comparison, DiffOpKind, Document, FlagChange

KIND_LABEL = {
    ChangeKind.UNCHANGED: "unchanged",
    ChangeKind.REWORDED: "reworded",
    ChangeKind.MOVED: "moved",
    ChangeKind.SPLIT: "split",
    ChangeKind.MERGED: "merged",
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
}


def summary_line(cmp: Comparison) -> str:
    kinds = Counter(c.kind.value for c in cmp.changes)
    flags = sum(len(c.flags) for c in cmp.changes)
    parts = [f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f"{plural(len(cmp.changes), 'change')}: " + ", ".join(parts) + f" · {plural(flags, 'fact flag')}"


def _marked(
    doc: Document, ids: Sequence[str], spans: Iterable[tuple[int, int]], open_: str, close: str, escape: bool
) -> list[str]:
    """Each claim's text with ``spans`` (absolute offsets) wrapped in open_/close markers."""
    spans = sorted(spans)
    out = []
    for cid in ids:
        c = doc.claim(cid)
        marks = frozenset() if escape else marker_escapes(doc.text, c.start, c.end)

        def piece(a: int, b: int, marks: frozenset[int] = marks) -> str:
            return _html(doc.text[a:b]) if escape else marker_safe(doc.text, a, b, marks)

        pieces = []
        pos = c.start
        for s, e in spans:
            if e <= c.start or s >= c.end:
                continue
            s, e = max(s, c.start), min(e, c.end)
            if s < pos:
                continue
            pieces.append(piece(pos, s))
            pieces.append(open_ + piece(s, e) + close)
            pos = e
        pieces.append(piece(pos, c.end))
        out.append(" ".join("".join(pieces).split()) if not escape else "".join(pieces))
    return out


_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def shown_bidi(s: str) -> str:
    """``s`` with each bidi control as its code point in brackets (``[U+202E]``), for HTML."""
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)


def _html(s: str) -> str:
    return html.escape(shown_bidi(s), quote=True)


def _changed_spans(change: Change, side: str) -> list[tuple[int, int]]:
    out = []
    for op in change.diff:
        if op.op is DiffOpKind.EQUAL or op.trivial:
            continue
        span = op.original if side == "original" else op.rewrite
        if span is not None:
            out.append(span)
    return out


def render_text(cmp: Comparison, *, show_all: bool = False) -> str:
    """A readable change list for the terminal, git-style word markers: [-old-] {+new+}."""
    o, r = cmp.original, cmp.rewrite
    lines = [
        f"Factcheck Compare {__version__} (engine {inert(cmp.engine)}): "
        f"{inert(o.name)} ({plural(len(o.claims), 'claim')}) → "
        f"{inert(r.name)} ({plural(len(r.claims), 'claim')})",
        summary_line(cmp),
    ]
    if has_marker_lookalike(o.text) or has_marker_lookalike(r.text):
        lines.append(MARKER_NOTE)
    if cmp.changes and all(c.kind is ChangeKind.UNCHANGED and not c.flags for c in cmp.changes):
        lines.append("The two texts state the same claims in the same order (identical after normalising).")
    hidden = 0
    for ch in cmp.changes:
        if not show_all and not ch.is_change:
            hidden += 1
            continue
        head = f"\n{ch.id}  {KIND_LABEL[ch.kind].upper()}"
        if ch.original or ch.rewrite:
            head += f"  {', '.join(ch.original) or '—'} → {', '.join(ch.rewrite) or '—'}"
        if ch.original and ch.rewrite:
            order = ", out of order" if ch.moved and ch.kind is not ChangeKind.MOVED else ""
            head += f"  (similarity {ch.similarity:.2f}{order})"
        lines.append(head)
        for text in _marked(o, ch.original, _changed_spans(ch, "original"), "[-", "-]", False):
            lines.append(f"  - {inert(text)}")
        for text in _marked(r, ch.rewrite, _changed_spans(ch, "rewrite"), "{+", "+}", False):
            lines.append(f"  + {inert(text)}")
        for f in ch.flags:
            lines.append(f"  ! {f.type.value}: {inert(f.message)}")
        for f in ch.omitted:  # left out or a low note, not changed: shown apart from the fact flags
            label = "left out" if f.change is FlagChange.OMITTED else "note"
            lines.append(f"  · {label}: {inert(f.message)}")
        near = cmp.nearest_line(ch)
        if near:
            lines.append(f"  ~ {inert(near)}")
            hint = hint_line(cmp, ch)
            if hint:
                lines.append(f"  ~ {inert(hint)}")
    if hidden:
        lines.append(f"\n({plural(hidden, 'unchanged claim')} not shown; --all shows them)")
    return "\n".join(lines) + "\n"


def render_json(cmp: Comparison) -> str:
    return json.dumps(cmp.to_json(), ensure_ascii=False, indent=1)


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1b1b1b;background:#fff}
h1{font-size:1.3em}table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border-top:1px solid #ddd;padding:.5em .7em;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.k{width:7.5em;font-weight:600;font-size:.85em;text-transform:uppercase}
del{background:#fde0dc;text-decoration:line-through;color:#8a1c10}
ins{background:#dcefff;text-decoration:underline;color:#0b4a8b}
tr.added td.r{background:#eef6ff}tr.removed td.o{background:#fff1ef}
tr.moved td.k,tr.split td.k,tr.merged td.k{color:#6b3fa0}
ul.flags{margin:.4em 0 0;padding-left:1.2em;font-size:.9em;color:#7a4b00}
.cid{color:#777;font-weight:400}
@media print{body{margin:0}tr{page-break-inside:avoid}}
"""


def render_html(cmp: Comparison, *, show_all: bool = False) -> str:
    """A self-contained side-by-side page: inline CSS, no scripts, every story text escaped.

    Story text and file names are isolated (``dir=auto``, ``<bdi>``) so right-to-left writing
    cannot reorder what stands around it, and bidi controls are shown as ``[U+202E]``.
    """
    o, r = cmp.original, cmp.rewrite
    e = _html
    rows = []
    for ch in cmp.changes:
        if not show_all and not ch.is_change:
            continue
        left = "<br>".join(_marked(o, ch.original, _changed_spans(ch, "original"), "<del>", "</del>", True))
        right = "<br>".join(_marked(r, ch.rewrite, _changed_spans(ch, "rewrite"), "<ins>", "</ins>", True))
        flags = ""
        if ch.flags:
            flags = (
                "<ul class=flags>"
                + "".join(f"<li><b>{e(f.type.value)}</b>: <bdi>{e(f.message)}</bdi></li>" for f in ch.flags)
                + "</ul>"
            )
        rows.append(
            f'<tr class="{e(ch.kind.value)}"><td class=k>{e(KIND_LABEL[ch.kind])}'
            f"<br><span class=cid>{e(ch.id)}</span></td><td class=o dir=auto>{left}</td>"
            f"<td class=r dir=auto>{right}{flags}</td></tr>"
        )
    on, rn = f"<bdi>{e(o.name)}</bdi>", f"<bdi>{e(r.name)}</bdi>"
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{e(o.name)} → {e(r.name)} · Factcheck Compare</title><style>{_CSS}</style></head><body>"
        f"<h1>{on} → {rn}</h1><p>{e(summary_line(cmp))} · engine {e(cmp.engine)}</p>"
        f"<table><thead><tr><th class=k>Change</th><th>Original: {on}</th>"
        f"<th>Rewrite: {rn}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>\n"
    )
