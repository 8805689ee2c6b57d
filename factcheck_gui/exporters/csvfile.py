"""Spreadsheet exports: one row per change, and the audit trail (one row per history entry).

UTF-8 with a byte-order mark (so Excel guesses the encoding right), RFC 4180 quoting with CRLF
row ends. Story text is untrusted: a cell a spreadsheet would read as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return, or their full-width forms) gets a leading
apostrophe, the OWASP-recommended neutralisation that spreadsheets display but do not evaluate.
The check is made after leading whitespace (spaces, line breaks, no-break and zero-width
spaces): LibreOffice's "trim spaces" import option turns `` =HYPERLINK(…)`` into a live formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.exporters.common import Utf8Writer, changed_or_added, clean_text, iso, needs_review
from factcheck_gui.store.records import Review

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# Stripped before the check: Unicode whitespace (str.isspace) and the invisible zero-width
# characters a program might drop as well.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

CHANGE_COLUMNS = (
    "review_id",
    "review_title",
    "change_id",
    "kind",
    "moved",
    "similarity",
    "needs_review",
    "original_claims",
    "rewrite_claims",
    "original_text",
    "rewrite_text",
    "flags",
    "verdict",
    "note",
    "reviewer",
    "verdict_at",
    "carried_over",
    # Added with the flags' change and severity (issue 12); after the older columns, so
    # scripts that read columns by position keep working. One line per flag, in the order of
    # ``flags``.
    "flag_changes",  # omitted | changed | added
    "flag_severities",  # high | medium | low
    "omitted",  # facts left out, and low notes: "type (change, severity): message", one a line
    "nearest_claim",  # an added or removed claim's closest claim on the other side
    "nearest_similarity",
    "changed_or_added",  # yes when the change changes or adds something (see --only-changed-or-added)
)
# A several-source review's CSV (issue 17) has one more column, after all the others: the names
# of the change's sources, one a line, in the review's order of sources (empty for a claim from
# no source). A pair review's CSV is exactly as before.
SEVERAL_SOURCE_COLUMNS = (*CHANGE_COLUMNS, "sources")
AUDIT_COLUMNS = (
    "review_id",
    "review_title",
    "change_id",
    "action",
    "old_verdict",
    "new_verdict",
    "old_note",
    "new_note",
    "reviewer",
    "at",
    "version",
    "carried_from",
    "replaced_chars",
)


def _leading_blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def safe_cell(value: str) -> str:
    """The cell text a spreadsheet shows as text: formula starts neutralised, surrogates replaced.

    A formula start after leading whitespace counts too (OWASP: strip, then check); the
    apostrophe goes in front of the whole cell, which otherwise keeps its text.
    """
    value = clean_text(value)
    if value.startswith(_FORMULA_START):
        return "'" + value
    i = 0
    while i < len(value) and _leading_blank(value[i]):
        i += 1
    return "'" + value if i and value.startswith(_FORMULA_START, i) else value


def _rows(rows: Iterable[Iterable[str]], stream: IO[bytes], header: Iterable[str]) -> None:
    out = Utf8Writer(stream)
    out.write(BOM)
    w = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for row in rows:
        w.writerow([safe_cell(c) for c in row])
    out.flush()


def change_rows(review: Review, changed_or_added_only: bool = False) -> Iterable[list[str]]:
    """Every change of the review (with ``changed_or_added_only``, those that change or add
    something), in reading order, as the CSV's cells (before neutralising)."""
    cmp = review.comparison
    several = sourced(cmp)
    for ch in cmp.changes:
        fact = changed_or_added(ch)
        if changed_or_added_only and not fact:
            continue
        v = review.verdicts.get(ch.id)
        flags = ch.flags
        omitted = () if changed_or_added_only else ch.omitted
        yield [
            str(review.id),
            review.title,
            ch.id,
            ch.kind.value,
            "yes" if ch.moved else "no",
            f"{ch.similarity:.4f}",
            "yes" if needs_review(ch) else "no",
            " ".join(ch.original),
            " ".join(ch.rewrite),
            cmp.text_of(ch, "original"),
            cmp.text_of(ch, "rewrite"),
            "\n".join(f"{f.type.value}: {f.message}" for f in flags),
            (v.value or "") if v else "",
            v.note if v else "",
            v.reviewer if v else "",
            iso(v.decided_at) if v else "",
            (v.carried_from or "") if v else "",
            "\n".join(f.change.value for f in flags),
            "\n".join(f.severity.value for f in flags),
            "\n".join(f"{f.type.value} ({f.change.value}, {f.severity.value}): {f.message}" for f in omitted),
            ch.nearest[0] if ch.nearest else "",
            f"{ch.nearest[1]:.4f}" if ch.nearest else "",
            "yes" if fact else "no",
            *(["\n".join(several.from_names(ch))] if several is not None else []),
        ]


def write_csv(review: Review, stream: IO[bytes], *, changed_or_added_only: bool = False) -> None:
    """One row per change (all of them; ``needs_review`` tells clean unchanged claims apart).
    With ``changed_or_added_only``, only the changes that change or add something, and no
    omitted facts."""
    columns = CHANGE_COLUMNS if sourced(review.comparison) is None else SEVERAL_SOURCE_COLUMNS
    _rows(change_rows(review, changed_or_added_only), stream, columns)


def write_audit(review: Review, stream: IO[bytes]) -> None:
    """Every history row of the review, in the order the store keeps them.

    ``replaced_chars`` counts the characters of that write (note, reviewer name) the store could
    not keep and saved as U+FFFD, so an auditor knows a U+FFFD in the row is not what was typed.
    """
    rows = (
        [
            str(review.id),
            review.title,
            h.change_id,
            h.action,
            h.old_value or "",
            h.new_value or "",
            h.old_note,
            h.new_note,
            h.reviewer,
            iso(h.at),
            str(h.version),
            h.carried_from or "",
            str(h.replaced_chars),
        ]
        for h in review.history
    )
    _rows(rows, stream, AUDIT_COLUMNS)
