"""`factcheck compare REWRITE --source A [--source B …] [--format text|json] [-o FILE]`: a derived
text against its sources (1 to 10), where each claim came from and which came from none.

The two-text form (`factcheck compare ORIGINAL REWRITE`) is :mod:`factcheck_gui.cli.compare`;
it hands over here when ``--source`` is given. JSON: schema ``factcheck.compare-multi/1``
(docs/multi-source.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from factcheck_gui import __version__
from factcheck_gui.cli.common import CliError, refuse_overwrite, write_output
from factcheck_gui.cli.render import KIND_LABEL
from factcheck_gui.cli.text import (
    MARKER_NOTE,
    has_marker_lookalike,
    inert,
    marker_escapes,
    marker_safe,
    plural,
)
from factcheck_gui.engine.sources import (
    MAX_SOURCES,
    MultiChange,
    MultiComparison,
    compare_sources,
    source_key,
)
from factcheck_gui.engine.types import ChangeKind, DiffOpKind, Document


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of the several-source form, on the `compare` parser."""
    p.add_argument(
        "--source",
        action="append",
        metavar="SOURCE",
        help="compare REWRITE against this source (repeat for several, up to "
        f"{MAX_SOURCES}); then give REWRITE alone",
    )


def run(args: argparse.Namespace) -> int:
    rewrite: str = args.original  # with --source the one positional argument is the derived text
    sources: list[str] = list(args.source)
    checked_sources(rewrite, args.rewrite, sources, command="compare")
    if args.format == "html":
        raise CliError("--format html is not available with --source; use text or json")
    inputs = {"REWRITE": rewrite, **{f"SOURCE {k + 1}": s for k, s in enumerate(sources)}}
    refuse_overwrite(args.output, inputs=inputs)
    cmp = load_sources(rewrite, sources)
    out = render_multi_json(cmp) if args.format == "json" else render_multi_text(cmp, show_all=args.all)
    write_output(out, args.output)
    return 0


def checked_sources(
    rewrite: str, second: str | None, sources: list[str], *, command: str = "review new"
) -> None:
    """Usage errors of the several-source form (exit 2, one line): one positional argument,
    1 to 10 sources, at most one ``-``."""
    if second is not None:
        raise CliError(
            "with --source give only REWRITE (the derived text), not ORIGINAL REWRITE: "
            f"e.g. factcheck {command} story.txt --source wire.txt --source release.txt"
        )
    if len(sources) > MAX_SOURCES:
        raise CliError(f"at most {MAX_SOURCES} sources (--source given {len(sources)} times)")
    if [rewrite, *sources].count("-") > 1:
        raise CliError("only one of REWRITE and the sources can be - (standard input)")


def load_sources(rewrite: str, sources: list[str]) -> MultiComparison:
    """Import the derived text and its sources (clear one-line errors, exit 2) and compare."""
    from factcheck_gui.importers import ImportFailed, load_source

    docs = []
    for spec in (rewrite, *sources):
        try:
            docs.append(load_source(spec, stdin=sys.stdin.buffer if spec == "-" else None))
        except ImportFailed as exc:
            raise CliError(str(exc)) from None
    for d, spec in zip(docs, (rewrite, *sources), strict=True):
        if not d.text.strip():
            raise CliError(f"{spec}: no text to compare (the file is empty or whitespace only)")
    derived, *srcs = docs
    return compare_sources(
        derived.text,
        [(d.name, d.text) for d in srcs],
        derived_name=derived.name,
        derived_source=derived.source,
        source_infos=[d.source for d in srcs],
    )


def render_multi_json(cmp: MultiComparison) -> str:
    return json.dumps(cmp.to_json(), ensure_ascii=False, indent=1)


def _label(cmp: MultiComparison, source: int) -> str:
    return f"{source_key(source)} {inert(cmp.sources[source].name)}"


def _changed(ch: MultiChange, source: int | None) -> list[tuple[int, int]]:
    """Changed spans of one source's side (source None: of the derived side)."""
    out = []
    for s in ch.diff:
        if s.op.op is DiffOpKind.EQUAL or s.op.trivial:
            continue
        if source is None and s.op.rewrite is not None:
            out.append(s.op.rewrite)
        elif source is not None and s.source == source and s.op.original is not None:
            out.append(s.op.original)
    return out


def _marked(doc: Document, claim_id: str, spans: list[tuple[int, int]], open_: str, close: str) -> str:
    c = doc.claim(claim_id)
    marks = marker_escapes(doc.text, c.start, c.end)
    pieces, pos = [], c.start
    for s, e in sorted(spans):
        s, e = max(s, c.start), min(e, c.end)
        if e <= s or s < pos:
            continue
        pieces += [marker_safe(doc.text, pos, s, marks), open_ + marker_safe(doc.text, s, e, marks) + close]
        pos = e
    pieces.append(marker_safe(doc.text, pos, c.end, marks))
    return " ".join("".join(pieces).split())


def render_multi_text(cmp: MultiComparison, *, show_all: bool = False) -> str:
    """The attribution summary, then the change list: each change names its sources; source
    lines are ``- s2:o4 …`` with [-words-] the derived text does not keep, derived lines
    ``+ r3 …`` with {+words+} that source does not have (for a claim from several sources,
    the words in none of them)."""
    r = cmp.rewrite
    lines = [
        f"Factcheck Compare {__version__} (engine {inert(cmp.engine)}): {inert(r.name)} "
        f"({plural(len(r.claims), 'claim')}) against {plural(len(cmp.sources), 'source')}",
    ]
    for k, d in enumerate(cmp.sources):
        used = len(cmp.used(k))
        lines.append(f"  {_label(cmp, k)}: {plural(len(d.claims), 'claim')}, {used} used by the derived text")
    lines.append("Supported by:")
    for cov in cmp.coverage():
        who = _label(cmp, cov.source) if cov.source is not None else "no source"
        lines.append(f"  {who}: {plural(cov.claims, 'claim')} ({cov.share:.0%} of the derived text)")
    kinds = Counter(c.kind.value for c in cmp.changes)
    n_flags = sum(len(c.flags) for c in cmp.changes)
    parts = [f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append(
        f"{plural(len(cmp.changes), 'change')}: " + ", ".join(parts) + f" · {plural(n_flags, 'fact flag')}"
    )
    if any(has_marker_lookalike(d.text) for d in (*cmp.sources, r)):
        lines.append(MARKER_NOTE)
    hidden = 0
    for ch in cmp.changes:
        if not show_all and not ch.is_change:
            hidden += 1
            continue
        head = f"\n{ch.id}  {KIND_LABEL[ch.kind].upper()}"
        head += f"  {', '.join(x.key for x in ch.original) or '—'} → {', '.join(ch.rewrite) or '—'}"
        if ch.original and ch.rewrite:
            order = ", out of order" if ch.moved and ch.kind is not ChangeKind.MOVED else ""
            head += f"  (similarity {ch.similarity:.2f}{order})"
        if ch.original:
            head += "  from: " + ", ".join(_label(cmp, s) for s in ch.sources)
        else:
            head += "  from no source"
        lines.append(head)
        for ref in ch.original:
            doc = cmp.sources[ref.source]
            text = _marked(doc, ref.claim, _changed(ch, ref.source) if ch.rewrite else [], "[-", "-]")
            lines.append(f"  - {ref.key} {inert(text)}")
        inserted = _inserted_everywhere(ch)
        for rid in ch.rewrite:
            lines.append(f"  + {rid} {inert(_marked(r, rid, inserted, '{+', '+}'))}")
        for f in ch.flags:
            lines.append(f"  ! {f.flag.type.value}: {inert(f.flag.message)}")
        for f in ch.omitted:
            lines.append(f"  · left out: {inert(f.flag.message)}")
        if ch.nearest is not None:
            target, sim = ch.nearest
            lines.append(f"  ~ closest: {target} (similarity {sim:.2f})")
    if hidden:
        lines.append(f"\n({plural(hidden, 'unchanged claim')} not shown; --all shows them)")
    return "\n".join(lines) + "\n"


def _inserted_everywhere(ch: MultiChange) -> list[tuple[int, int]]:
    """Derived spans changed as seen from every source of the change (with one source: its
    changed spans)."""
    if not ch.original:
        return []
    per = [set(_spans_from(ch, s)) for s in ch.sources]
    equal: set[tuple[int, int]] = set()
    for s in ch.diff:
        if (s.op.op is DiffOpKind.EQUAL or s.op.trivial) and s.op.rewrite is not None:
            equal.add(s.op.rewrite)
    common = set.intersection(*per) if per else set()
    return sorted(sp for sp in common if not any(_inside(sp, e) for e in equal))


def _spans_from(ch: MultiChange, source: int) -> list[tuple[int, int]]:
    return [
        s.op.rewrite
        for s in ch.diff
        if s.op.rewrite is not None
        and not (s.op.op is DiffOpKind.EQUAL or s.op.trivial)
        and s.source == source
    ]


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]
