"""What a human-readable report says, independent of markup: header facts, sources, flag help.

The HTML, Markdown and PDF reports all walk the same structure, so they list the same things
in the same order; only the markup differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck_gui.engine.types import Change, Document, FlagType
from factcheck_gui.exporters.common import Counts, Piece, iso, marked_claims
from factcheck_gui.store.records import Review, VerdictRecord

FLAG_HELP: dict[str, str] = {
    FlagType.NUMBER.value: "A number, amount or quantity differs between the two versions.",
    FlagType.DATE.value: "A date, weekday or time reference differs.",
    FlagType.NAME.value: "A person, place or organisation is named in only one version.",
    FlagType.QUOTE_ALTERED.value: "A quotation's wording differs from what the original quotes.",
    FlagType.QUOTE_UNSOURCED.value: "A quotation in the rewrite is not found in the original.",
    FlagType.HEDGE.value: "The certainty changed (e.g. 'might' became 'will').",
    FlagType.NEGATION.value: "A negation or denial was added or dropped: the meaning may be reversed.",
    FlagType.ATTRIBUTION.value: "Who says it, or how it is said (said / claimed / admitted), changed.",
}

SOURCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "File"),
    ("kind", "Kind"),
    ("location", "Location"),
    ("title", "Title"),
    ("author", "Author"),
    ("published", "Published"),
    ("sha256", "SHA-256"),
    ("imported_at", "Imported"),
    ("final_url", "Final URL"),
    ("claims", "Claims"),
    ("warnings", "Import warnings"),
)


def source_value(doc: Document, key: str) -> str:
    """One row of the sources table for one document ("" when unknown)."""
    if key == "name":
        return doc.name
    if key == "sha256":
        return doc.sha256
    if key == "claims":
        return str(len(doc.claims))
    if key == "warnings":
        return "; ".join(doc.source.warnings)
    return str(getattr(doc.source, key))


def header_facts(review: Review) -> list[tuple[str, str]]:
    s = review.summary
    cmp = review.comparison
    return [
        ("Review", f"#{s.id}"),
        ("Status", s.status),
        ("Created", iso(s.created_at)),
        ("Updated", iso(s.updated_at)),
        ("Reviewers", ", ".join(s.reviewers) or "—"),
        ("Engine", review.engine_version or cmp.engine),
    ]


def change_heading(change: Change) -> str:
    """``"c3 · reworded · o2 → r2, r3 · similarity 0.74"`` (no story text)."""
    parts = [
        change.id,
        change.kind.value + (" (out of order)" if change.moved and change.kind.value != "moved" else ""),
    ]
    if change.original or change.rewrite:
        parts.append(f"{', '.join(change.original) or '—'} → {', '.join(change.rewrite) or '—'}")
    if change.original and change.rewrite:
        parts.append(f"similarity {change.similarity:.2f}")
    return " · ".join(parts)


def verdict_line(v: VerdictRecord | None) -> str:
    """``"Misleading — Ana, 2024-06-20T09:00:00+00:00"`` or "not yet reviewed" (no note)."""
    if v is None or v.value is None:
        return "not yet reviewed" if v is None else f"cleared — {v.reviewer}, {iso(v.decided_at)}"
    line = f"{v.value} — {v.reviewer}, {iso(v.decided_at)}"
    if v.carried_from:
        line += f" (carried over from {v.carried_from})"
    return line


@dataclass(frozen=True, slots=True)
class ChangeView:
    """Everything a report shows for one change."""

    change: Change
    original: list[list[Piece]]
    rewrite: list[list[Piece]]
    verdict: VerdictRecord | None


def listed(review: Review, change: Change) -> bool:
    """Reports list what needs review or has a verdict; clean unchanged claims are only counted."""
    return change.is_change or change.id in review.verdicts


def unlisted_note(review: Review) -> str:
    """The sentence a report shows in place of the clean unchanged claims ("" when there are none)."""
    n = sum(1 for ch in review.comparison.changes if not listed(review, ch))
    if not n:
        return ""
    return (
        f"{plural(n, 'unchanged claim')} (the same in both versions, no flags, no verdict) "
        f"{'is' if n == 1 else 'are'} not listed here; the CSV and JSON exports include every claim."
    )


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 change``, ``2 changes`` (``nouns`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def summary_sentence(c: Counts) -> str:
    """The report summary's first sentence."""
    return (
        f"{plural(c.changes, 'change')}, {c.to_review} to review (all but clean unchanged claims), "
        f"{c.reviewed} with a verdict."
    )


def change_views(review: Review) -> Iterator[ChangeView]:
    """The listed changes in reading order, lazily (a 5,000-change report is built piece by piece)."""
    cmp = review.comparison
    for ch in cmp.changes:
        if not listed(review, ch):
            continue
        yield ChangeView(
            ch,
            marked_claims(cmp, ch, "original"),
            marked_claims(cmp, ch, "rewrite"),
            review.verdicts.get(ch.id),
        )
