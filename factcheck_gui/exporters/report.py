"""What a human-readable report says, independent of markup: the summary, the changes, the
review's details and its sources, in words an editor reads (never an enum name or a raw
timestamp).

The HTML, Markdown and PDF reports all walk the same structure, so they list the same things
in the same order; only the markup differs:

1. the title and the summary (how many changes, how many reviewed and not yet reviewed, the
   fact flags by type and severity, the verdicts);
2. the flagged changes (those with a changed or added fact), then the other changes, each in
   reading order;
3. at the end, the details of the review (status, dates, reviewers, engine) and the sources
   with their hashes.

Dates are shown as "6 December 2026, 22:18 UTC"; where a format has a place for the machine-
readable value (HTML's ``<time datetime>``) it is kept there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck_gui import __version__
from factcheck_gui.engine.nearest import hint_line
from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import (
    Change,
    ChangeKind,
    Comparison,
    Document,
    Flag,
    FlagChange,
    FlagType,
    Severity,
)
from factcheck_gui.exporters.common import Piece, changed_or_added, marked_claims, parse_when
from factcheck_gui.store.records import Review, VerdictRecord

# What each flag type means, in a sentence (every FlagType the engine has).
FLAG_HELP: dict[str, str] = {
    FlagType.NUMBER.value: "A number, amount or quantity differs between the two versions.",
    FlagType.DATE.value: "A date, weekday or time reference differs.",
    FlagType.NAME.value: (
        "A person, place, organisation or title is named differently, or in only one version."
    ),
    FlagType.QUOTE_ALTERED.value: "A quotation's wording differs from what the original quotes.",
    FlagType.QUOTE_UNSOURCED.value: "A quotation in the rewrite is not found as a quotation in the original.",
    FlagType.HEDGE.value: "The certainty changed (e.g. 'might' became 'will').",
    FlagType.NEGATION.value: "A negation or denial was added or dropped: the meaning may be reversed.",
    FlagType.ATTRIBUTION.value: "Who says it, or how it is said (said / claimed / admitted), changed.",
    FlagType.SUBSTITUTION.value: (
        "A word was replaced by one of another or opposite meaning (e.g. 'illegal' became 'legal')."
    ),
}

# The name of each flag type, as a reader sees it.
FLAG_LABEL: dict[str, str] = {
    FlagType.NUMBER.value: "Number",
    FlagType.DATE.value: "Date",
    FlagType.NAME.value: "Name",
    FlagType.QUOTE_ALTERED.value: "Quotation altered",
    FlagType.QUOTE_UNSOURCED.value: "Quotation not in the original",
    FlagType.HEDGE.value: "Certainty",
    FlagType.NEGATION.value: "Negation",
    FlagType.ATTRIBUTION.value: "Attribution",
    FlagType.SUBSTITUTION.value: "Word of another meaning",
}

# What the rewrite did to the fact, and how much it matters, in words.
FLAG_CHANGE_LABEL: dict[str, str] = {
    FlagChange.CHANGED.value: "changed",
    FlagChange.ADDED.value: "added",
    FlagChange.OMITTED.value: "left out",
}
SEVERITY_LABEL: dict[str, str] = {
    Severity.HIGH.value: "high severity",
    Severity.MEDIUM.value: "medium severity",
    Severity.LOW.value: "low severity",
}

KIND_LABEL: dict[str, str] = {
    ChangeKind.UNCHANGED.value: "Unchanged",
    ChangeKind.REWORDED.value: "Reworded",
    ChangeKind.MOVED.value: "Moved",
    ChangeKind.SPLIT.value: "Split",
    ChangeKind.MERGED.value: "Merged",
    ChangeKind.ADDED.value: "Added",
    ChangeKind.REMOVED.value: "Removed",
}

STATUS_LABEL: dict[str, str] = {"open": "Open", "done": "Done"}

# Where a text came from (SourceInfo.kind), in words.
SOURCE_KIND_LABEL: dict[str, str] = {
    "text": "Text file",
    "markdown": "Markdown file",
    "html": "HTML file",
    "docx": "Word document",
    "pdf": "PDF document",
    "eml": "E-mail",
    "url": "Web page",
    "clipboard": "Pasted from the clipboard",
    "stdin": "Standard input",
    "demo": "Built-in demo",
}

SOURCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "File"),
    ("kind", "Kind"),
    ("location", "Location"),
    ("title", "Title"),
    ("author", "Author"),
    ("published", "Published"),
    ("imported_at", "Imported"),
    ("final_url", "Final URL"),
    ("claims", "Claims"),
    ("warnings", "Import warnings"),
    ("sha256", "SHA-256"),
)
# Source fields that hold a date (shown in words, the ISO value kept where the format can).
DATE_FIELDS = frozenset({"published", "imported_at"})

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class When:
    """A date or moment as a reader sees it (``text``) and as a program reads it (``machine``,
    ISO 8601 without fractions of a second; "" when the value could not be read as a date)."""

    text: str
    machine: str


def when(value: datetime | str | None) -> When:
    """``datetime(2026, 12, 6, 22, 18, 5, 123456, UTC)`` → "6 December 2026, 22:18 UTC"
    (machine "2026-12-06T22:18:05+00:00"); an ISO text ("2024-06-19") likewise; any other text
    is shown as it is, with no machine value."""
    if value is None:
        return When("", "")
    parsed = parse_when(value) if isinstance(value, str) else value
    if parsed is None:
        return When(str(value), "")
    if isinstance(parsed, datetime):
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC)
            zone = " UTC"
        else:
            zone = ""  # the source gave no time zone: shown as it stated it
        text = f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}, {parsed:%H:%M}{zone}"
        return When(text, parsed.replace(microsecond=0).isoformat())
    return When(f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}", parsed.isoformat())


# A piece of a line: text, or a moment each format shows its own way.
Part = str | When


def plain(parts: Sequence[Part]) -> str:
    """The parts of a line as plain text."""
    return "".join(p if isinstance(p, str) else p.text for p in parts)


# --- labels ------------------------------------------------------------------------------------


def flag_label(flag_type: str) -> str:
    return FLAG_LABEL.get(flag_type, flag_type.replace("_", " ").capitalize())


def kind_label(kind: str) -> str:
    return KIND_LABEL.get(kind, kind.capitalize())


def flag_qualifiers(f: Flag) -> str:
    """ "changed · high severity" """
    change = FLAG_CHANGE_LABEL.get(f.change.value, f.change.value)
    return f"{change} · {SEVERITY_LABEL.get(f.severity.value, f.severity.value)}"


def flag_words(f: Flag) -> tuple[str, str] | None:
    """Both sides' words of a flag ("—" for a side without), when its message does not already
    name them all."""
    if not (f.original or f.rewrite):
        return None
    if all(side in f.message for side in (f.original, f.rewrite) if side):
        return None
    return f.original or "—", f.rewrite or "—"


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 change``, ``2 changes`` (``nouns`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


# --- what is listed ----------------------------------------------------------------------------


def listed(review: Review, change: Change, changed_or_added_only: bool = False) -> bool:
    """Reports list what needs review or has a verdict; clean unchanged claims are only counted.
    With ``changed_or_added_only``, only changes that change or add something (see
    :func:`~factcheck_gui.exporters.common.changed_or_added`)."""
    if changed_or_added_only:
        return changed_or_added(change)
    return change.is_change or change.id in review.verdicts


def shown_flags(change: Change, changed_or_added_only: bool = False) -> tuple[Flag, ...]:
    """The flags of changed or added facts a report shows for ``change``."""
    if changed_or_added_only:
        return tuple(f for f in change.flags if f.change is not FlagChange.OMITTED)
    return change.flags


def shown_omitted(change: Change, changed_or_added_only: bool = False) -> tuple[Flag, ...]:
    """The facts the rewrite leaves out (and low notes) a report shows: none when only changed or
    added facts are asked for."""
    if changed_or_added_only:
        return ()
    return change.omitted + tuple(f for f in change.flags if f.change is FlagChange.OMITTED)


@dataclass(frozen=True, slots=True)
class ChangeView:
    """Everything a report shows for one change."""

    change: Change
    original: list[list[Piece]]
    rewrite: list[list[Piece]]
    verdict: VerdictRecord | None
    flags: tuple[Flag, ...] = ()
    omitted: tuple[Flag, ...] = ()
    nearest: str = ""  # "Closest in the original: o3 (similarity 0.17) “…”" for an added/removed claim
    # A several-source review: "from: Reuters, press release" or "from no source" ("" for a pair).
    sources: str = ""


def change_heading(change: Change) -> str:
    """``"c3 · Reworded · original o2 → rewrite r2, r3 · similarity 0.74"`` (no story text)."""
    kind = kind_label(change.kind.value)
    if change.moved and change.kind is not ChangeKind.MOVED:
        kind += ", moved out of order"
    if change.by_hand:
        kind += ", linked by hand"
    parts = [change.id, kind]
    if change.original or change.rewrite:
        parts.append(
            f"original {', '.join(change.original) or '—'} → rewrite {', '.join(change.rewrite) or '—'}"
        )
    if change.original and change.rewrite:
        parts.append(f"similarity {change.similarity:.2f}")
    return " · ".join(parts)


def verdict_parts(v: VerdictRecord | None) -> list[Part]:
    """``["Misleading — Ana, ", When("20 June 2024, 09:30 UTC"), …]`` or "Not yet reviewed"."""
    if v is None:
        return ["Not yet reviewed"]
    if v.value is None:
        return [f"Not yet reviewed (verdict cleared by {v.reviewer}, ", when(v.decided_at), ")"]
    parts: list[Part] = [f"{v.value} — {v.reviewer}, ", when(v.decided_at)]
    if v.carried_from:
        parts.append(f" (carried over from {v.carried_from})")
    return parts


def verdict_line(v: VerdictRecord | None) -> str:
    """``"Misleading — Ana, 20 June 2024, 09:30 UTC"`` or "Not yet reviewed" (no note)."""
    return plain(verdict_parts(v))


def flagged(view: ChangeView) -> bool:
    """True for a change with a changed or added fact: the report lists these first."""
    return bool(view.flags)


def _view(review: Review, ch: Change, only: bool) -> ChangeView:
    cmp = review.comparison
    several = sourced(cmp)
    return ChangeView(
        ch,
        marked_claims(cmp, ch, "original"),
        marked_claims(cmp, ch, "rewrite"),
        review.verdicts.get(ch.id),
        shown_flags(ch, only),
        shown_omitted(ch, only),
        _nearest(cmp, ch),
        several.from_line(ch) if several is not None else "",
    )


def _nearest(cmp: Comparison, ch: Change) -> str:
    """The closest counterpart of an added or removed claim, and what would differ were the two
    one claim ("… — If one claim with r2: number changed: 40 → 45")."""
    near = cmp.nearest_line(ch)
    hint = hint_line(cmp, ch) if near else ""
    return f"{near} — {hint}" if hint else near


def change_views(review: Review, changed_or_added_only: bool = False) -> Iterator[ChangeView]:
    """The listed changes in reading order, lazily (a 5,000-change report is built piece by piece)."""
    for ch in review.comparison.changes:
        if listed(review, ch, changed_or_added_only):
            yield _view(review, ch, changed_or_added_only)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the report's list of changes: "Flagged changes" or "Other changes"."""

    title: str
    intro: str  # a sentence under the title ("" for none)
    changes: Iterator[ChangeView]


def sections(review: Review, changed_or_added_only: bool = False) -> Iterator[Section]:
    """The flagged changes, then the others: each lazily, in reading order."""
    changes = review.comparison.changes
    only = changed_or_added_only
    n_flagged = sum(1 for ch in changes if listed(review, ch, only) and shown_flags(ch, only))
    n_other = sum(1 for ch in changes if listed(review, ch, only) and not shown_flags(ch, only))
    yield Section(
        "Flagged changes",
        (
            f"{plural(n_flagged, 'change')} with a changed or added fact, in reading order."
            if n_flagged
            else "No change has a changed or added fact."
        ),
        (_view(review, ch, only) for ch in changes if listed(review, ch, only) and shown_flags(ch, only)),
    )
    if n_other:
        yield Section(
            "Other changes",
            f"{plural(n_other, 'change')} without a fact flag, in reading order.",
            (
                _view(review, ch, only)
                for ch in changes
                if listed(review, ch, only) and not shown_flags(ch, only)
            ),
        )


# --- the summary -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures a report leads with (over the changes it lists)."""

    changes: int  # listed changes
    reviewed: int  # of those, with a verdict
    unreviewed: int  # of those, without one
    flags: int
    flagged_changes: int
    by_severity: list[tuple[str, int]]  # ("high severity", 2), in order high, medium, low
    omitted: int  # facts left out or restated (not counted as changed)
    by_kind: list[tuple[str, int]]  # (label, count)
    by_flag: list[tuple[str, int]]
    by_verdict: list[tuple[str, int]]  # the scale's verdicts, then "Not yet reviewed"
    unchanged_unlisted: int  # clean unchanged claims, counted only
    left_out: int  # changes left out by changed_or_added_only


def summary(review: Review, changed_or_added_only: bool = False) -> Summary:
    only = changed_or_added_only
    all_changes = review.comparison.changes
    changes = [ch for ch in all_changes if listed(review, ch, only)]
    verdicts = review.verdicts
    rated = [ch for ch in changes if (v := verdicts.get(ch.id)) is not None and v.value is not None]
    flags = [f for ch in changes for f in shown_flags(ch, only)]
    kinds = Counter(ch.kind.value for ch in changes)
    types = Counter(f.type.value for f in flags)
    sev = Counter(f.severity.value for f in flags)
    verdict_counts = Counter(verdicts[ch.id].value for ch in rated)
    order = {v: i for i, v in enumerate(review.scale)}
    by_verdict = [
        (str(k), n)
        for k, n in sorted(
            verdict_counts.items(), key=lambda kv: (order.get(str(kv[0]), len(order)), str(kv[0]))
        )
    ]
    unreviewed = len(changes) - len(rated)
    if unreviewed:
        by_verdict.append(("Not yet reviewed", unreviewed))
    unlisted_clean = 0 if only else sum(1 for ch in all_changes if not listed(review, ch))
    left_out = (
        sum(1 for ch in all_changes if listed(review, ch) and not listed(review, ch, only)) if only else 0
    )
    return Summary(
        changes=len(changes),
        reviewed=len(rated),
        unreviewed=unreviewed,
        flags=len(flags),
        flagged_changes=sum(1 for ch in changes if shown_flags(ch, only)),
        by_severity=[(SEVERITY_LABEL[s.value], sev[s.value]) for s in Severity if sev[s.value]],
        omitted=sum(len(shown_omitted(ch, only)) for ch in changes),
        by_kind=[(kind_label(k.value), kinds[k.value]) for k in ChangeKind if kinds[k.value]],
        by_flag=[(flag_label(t), n) for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
        by_verdict=by_verdict,
        unchanged_unlisted=unlisted_clean,
        left_out=left_out,
    )


def summary_sentences(s: Summary, changed_or_added_only: bool = False) -> list[str]:
    """The report's opening sentences, plain text."""
    if not s.changes:
        out = ["The two versions state the same claims: there is nothing to review."]
        if changed_or_added_only:
            out = ["No change changes or adds anything: there is nothing to list."]
    else:
        out = [
            f"{plural(s.changes, 'change')} listed: {s.reviewed} reviewed, {s.unreviewed} not yet reviewed."
        ]
    if s.flags:
        sev = ", ".join(f"{n} {label}" for label, n in s.by_severity)
        out.append(
            f"{plural(s.flags, 'fact flag')} in {plural(s.flagged_changes, 'change')} "
            f"({sev}); the flagged changes are listed first."
        )
    elif s.changes:
        out.append("No fact flags: no number, date, name, quotation or other fact was changed or added.")
    if s.omitted:
        out.append(
            f"{plural(s.omitted, 'fact')} left out by the rewrite or restated consistently "
            f"{'is' if s.omitted == 1 else 'are'} shown with {'its' if s.omitted == 1 else 'their'} "
            "change, not counted as changed facts."
        )
    if changed_or_added_only:
        out.append(
            "Only changes that change or add something are listed"
            + (
                f"; {plural(s.left_out, 'change')} that only "
                f"{'leaves' if s.left_out == 1 else 'leave'} something out "
                f"{'is' if s.left_out == 1 else 'are'} not."
                if s.left_out
                else "."
            )
        )
    if s.unchanged_unlisted:
        n = s.unchanged_unlisted
        out.append(
            f"{plural(n, 'unchanged claim')} (the same in both versions, no flags, no verdict) "
            f"{'is' if n == 1 else 'are'} not listed; the CSV and JSON exports include every claim."
        )
    return out


# --- the end of the report: the review's details and its sources ----------------------------


def header_facts(review: Review) -> list[tuple[str, Part]]:
    """The details of the review, shown at the end of the report."""
    s = review.summary
    cmp = review.comparison
    return [
        ("Review", f"#{s.id}"),
        ("Status", STATUS_LABEL.get(s.status, s.status)),
        ("Created", when(s.created_at)),
        ("Last updated", when(s.updated_at)),
        ("Reviewers", ", ".join(s.reviewers) or "—"),
        ("Comparison engine", f"version {review.engine_version or cmp.engine}"),
        ("Report made by", f"Factcheck Compare {__version__}"),
    ]


def source_value(doc: Document, key: str) -> str:
    """One row of the sources table for one document ("" when unknown), plain text."""
    if key == "name":
        return doc.name
    if key == "sha256":
        return doc.sha256
    if key == "claims":
        return str(len(doc.claims))
    if key == "warnings":
        return "; ".join(doc.source.warnings)
    if key == "kind":
        return SOURCE_KIND_LABEL.get(doc.source.kind, doc.source.kind)
    value = str(getattr(doc.source, key))
    return when(value).text if key in DATE_FIELDS and value else value


def source_part(doc: Document, key: str) -> Part:
    """Like :func:`source_value`, with a date as a :class:`When` when it reads as one."""
    if key in DATE_FIELDS:
        value = str(getattr(doc.source, key))
        w = when(value) if value else When("", "")
        return w if w.machine else w.text
    return source_value(doc, key)


def source_rows(cmp: Comparison) -> Iterator[tuple[str, str, Part, Part]]:
    """(key, label, original, rewrite) for each source field either document has."""
    for key, label in SOURCE_FIELDS:
        a, b = source_part(cmp.original, key), source_part(cmp.rewrite, key)
        if plain([a]) or plain([b]):
            yield key, label, a, b


# --- several sources: where the derived text came from -------------------------------------


@dataclass(frozen=True, slots=True)
class SourceShare:
    """One line of the attribution summary."""

    label: str  # the source's name, or "No source"
    claims: int  # derived claims it supports
    share: float  # of the derived text's claim characters (0–1)


def attribution(review: Review) -> list[SourceShare]:
    """Per source, then for no source: how much of the derived text each supports ([] for a
    pair review). A claim supported by two sources counts for both."""
    several = sourced(review.comparison)
    if several is None:
        return []
    return [
        SourceShare(name if name is not None else "No source", claims, share)
        for name, claims, share in several.coverage_rows()
    ]


def percent(share: float) -> str:
    """0.614 → "61 %"; a share above 0 but under 0.5 % reads "under 1 %", never "0 %"."""
    if 0 < share < 0.005:
        return "under 1 %"
    return f"{round(share * 100)} %"


def attribution_sentence(review: Review) -> str:
    """The attribution summary in a sentence: each source's share of the derived text, then none's."""
    rows = attribution(review)
    if not rows:
        return ""
    n = len(rows) - 1
    body = "; ".join(f"{r.label}: {percent(r.share)} ({plural(r.claims, 'claim')})" for r in rows)
    return (
        f"Compared with {plural(n, 'source')}. Share of the derived text supported by each source "
        f"and by none (a claim found in two sources counts for both): {body}."
    )


def source_columns(cmp: Comparison) -> list[tuple[str, Document]]:
    """The documents of the sources table: the original and the rewrite, or each source then
    the derived text."""
    several = sourced(cmp)
    if several is None:
        return [("Original", cmp.original), ("Rewrite", cmp.rewrite)]
    columns = [(f"Source {k + 1}", d) for k, d in enumerate(several.multi.sources)]
    return [*columns, ("Derived text", cmp.rewrite)]


def source_table(cmp: Comparison) -> Iterator[tuple[str, str, list[Part]]]:
    """(key, label, one value per :func:`source_columns` document) for each field any has."""
    docs = [d for _label, d in source_columns(cmp)]
    for key, label in SOURCE_FIELDS:
        values = [source_part(d, key) for d in docs]
        if any(plain([v]) for v in values):
            yield key, label, values
