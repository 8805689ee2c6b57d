"""Export a review log: CSV, JSON, Markdown, HTML, PDF, ClaimReview JSON-LD and the audit trail.

>>> export_review(review, "html", "report.html")   # doctest: +SKIP
>>> export_review_result(review, "claimreview", "fc.jsonld", ExportOptions(
...     publisher=ClaimReviewPublisher("Example Checks", "Ana Analyst", "https://checks.example/r/7")
... )).message   # doctest: +SKIP
'2 ClaimReview items written; 1 change left out, having no rating: 1 marked Needs follow-up (c4).'

Every export is written to a temporary file beside the target and renamed into place, so a
crash or a full disk never leaves a half-written file (nor harms the file being replaced).
Story text is untrusted everywhere: inert in HTML/Markdown, never a formula in CSV, always
valid in JSON. Only the PDF format loads Qt (QtGui, on demand).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from factcheck_gui.exporters.claimreview import (
    ClaimReviewPublisher,
    ClaimReviewResult,
    PublisherMissing,
    claim_reviews,
    write_claimreview,
)
from factcheck_gui.exporters.common import (
    ExportError,
    OutputPathError,
    Skipped,
    changed_or_added,
    write_atomic,
)
from factcheck_gui.exporters.csvfile import write_audit, write_csv
from factcheck_gui.exporters.html import write_html
from factcheck_gui.exporters.jsonfile import SCHEMA, review_from_json, review_to_json, write_json
from factcheck_gui.exporters.markdown import write_markdown
from factcheck_gui.store.records import Review

FORMATS: tuple[str, ...] = ("csv", "json", "md", "html", "pdf", "claimreview", "audit")
# File name suffixes, for save dialogs and default names.
EXTENSIONS: dict[str, str] = {
    "csv": ".csv",
    "json": ".json",
    "md": ".md",
    "html": ".html",
    "pdf": ".pdf",
    "claimreview": ".jsonld",
    "audit": ".audit.csv",
}
DESCRIPTIONS: dict[str, str] = {
    "csv": "Spreadsheet, one row per change (CSV)",
    "json": "Review file for another workstation (JSON)",
    "md": "Report (Markdown)",
    "html": "Report (HTML)",
    "pdf": "Report (PDF)",
    "claimreview": "ClaimReview for publishing (schema.org JSON-LD)",
    "audit": "Audit trail, every verdict change (CSV)",
}
BINARY_FORMATS = frozenset({"pdf"})
# The formats that can leave out what only omits (ExportOptions.changed_or_added_only). The JSON
# review file and the audit trail are always complete (each flag's "change" in the JSON says
# omitted, changed or added); ClaimReview lists rated changes, whatever they are.
FILTERABLE_FORMATS = frozenset({"csv", "md", "html", "pdf"})
# The formats that need ExportOptions.publisher.
PUBLISHER_FORMATS = frozenset({"claimreview"})


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to export (the defaults write everything, as before).

    ``changed_or_added_only``: list only the changes that change or add something (a changed or
    added fact, an added claim, new or replaced words), without the facts the rewrite
    only leaves out; for :data:`FILTERABLE_FORMATS` only.
    ``publisher``: who publishes the ClaimReview items, and where; required for "claimreview".
    """

    changed_or_added_only: bool = False
    publisher: ClaimReviewPublisher | None = None


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote. ``message`` is a sentence for the user ("" when there is nothing to
    say); ``skipped`` the changes left out, each with why (ClaimReview: those without a rating;
    ``changed_or_added_only``: those that only leave something out)."""

    format: str
    path: Path | None
    skipped: tuple[Skipped, ...] = ()
    message: str = ""


def _write_pdf(review: Review, stream: IO[bytes], *, changed_or_added_only: bool = False) -> None:
    from factcheck_gui.exporters.pdf import write_pdf  # loads Qt: only when a PDF is asked for

    write_pdf(review, stream, changed_or_added_only=changed_or_added_only)


_FILTERABLE_WRITERS: dict[str, Callable[..., None]] = {
    "csv": write_csv,
    "md": write_markdown,
    "html": write_html,
    "pdf": _write_pdf,
}
_PLAIN_WRITERS: dict[str, Callable[[Review, IO[bytes]], None]] = {
    "json": write_json,
    "audit": write_audit,
}


def check_options(fmt: str, options: ExportOptions) -> None:
    """Raise :class:`ExportError` (one line) when ``fmt`` cannot be written with ``options``: an
    unknown format, changed-or-added only on a format that is always complete, a ClaimReview
    without its publisher (:class:`PublisherMissing`). Every export checks this before it writes."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if options.changed_or_added_only and fmt not in FILTERABLE_FORMATS:
        why = {
            "json": "the JSON review file is always complete "
            '(each flag\'s "change" says omitted, changed or added)',
            "audit": "the audit trail always lists every verdict change",
            "claimreview": "ClaimReview lists the rated changes",
        }[fmt]
        raise ExportError(
            f"changed-or-added only applies to the {', '.join(sorted(FILTERABLE_FORMATS))} exports: {why}"
        )
    if fmt in PUBLISHER_FORMATS:
        if options.publisher is None:
            raise PublisherMissing(("the organisation's name", "the review URL"))
        options.publisher.check()


def _left_out(review: Review) -> tuple[Skipped, ...]:
    return tuple(
        Skipped(ch.id, "only leaves something out")
        for ch in review.comparison.changes
        if not changed_or_added(ch) and (ch.is_change or ch.id in review.verdicts)
    )


def write_review(
    review: Review, fmt: str, stream: IO[bytes], options: ExportOptions | None = None
) -> ExportResult:
    """Write the export in format ``fmt`` to a binary stream (e.g. ``sys.stdout.buffer``).

    Raises :class:`ExportError` (one line) when it cannot, before writing anything when the
    format and options do not fit (see :class:`ExportOptions`).
    """
    options = options or ExportOptions()
    check_options(fmt, options)
    try:
        if fmt == "claimreview":
            result = write_claimreview(review, stream, publisher=options.publisher)
            return ExportResult(fmt, None, result.skipped, result.message)
        if fmt in _PLAIN_WRITERS:
            _PLAIN_WRITERS[fmt](review, stream)
            return ExportResult(fmt, None)
        _FILTERABLE_WRITERS[fmt](review, stream, changed_or_added_only=options.changed_or_added_only)
    except ValueError as exc:  # includes ExportError; e.g. json's allow_nan
        if isinstance(exc, PublisherMissing):
            raise
        raise ExportError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    if not options.changed_or_added_only:
        return ExportResult(fmt, None)
    left = _left_out(review)
    n = len(left)
    message = (
        f"Left out {n} change{'' if n == 1 else 's'} that only {'leaves' if n == 1 else 'leave'} "
        "something out of the rewrite (changed or added only)."
        if n
        else "No change only leaves something out: nothing was left out."
    )
    return ExportResult(fmt, None, left, message)


def render_review(review: Review, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The export in format ``fmt`` as bytes (UTF-8 for the text formats)."""
    buf = io.BytesIO()
    write_review(review, fmt, buf, options)
    return buf.getvalue()


def export_review_result(
    review: Review, fmt: str, path: str | Path, options: ExportOptions | None = None
) -> ExportResult:
    """Write the export to ``path`` atomically and say what was written (see :class:`ExportResult`);
    raise :class:`ExportError` (one line) on failure, with the file left as it was."""
    options = options or ExportOptions()
    check_options(fmt, options)  # an unknown format or missing publisher fails before any file is touched
    results: list[ExportResult] = []
    target = write_atomic(path, lambda stream: results.append(write_review(review, fmt, stream, options)))
    done = results[0]
    return ExportResult(done.format, target, done.skipped, done.message)


def export_review(review: Review, fmt: str, path: str | Path, options: ExportOptions | None = None) -> Path:
    """Write the export to ``path`` atomically; raise :class:`ExportError` (one line) on failure.
    (:func:`export_review_result` also says what was left out.)"""
    result = export_review_result(review, fmt, path, options)
    assert result.path is not None
    return result.path


__all__ = [
    "BINARY_FORMATS",
    "DESCRIPTIONS",
    "EXTENSIONS",
    "FILTERABLE_FORMATS",
    "FORMATS",
    "PUBLISHER_FORMATS",
    "SCHEMA",
    "ClaimReviewPublisher",
    "ClaimReviewResult",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "OutputPathError",
    "PublisherMissing",
    "Skipped",
    "changed_or_added",
    "check_options",
    "claim_reviews",
    "export_review",
    "export_review_result",
    "render_review",
    "review_from_json",
    "review_to_json",
    "write_review",
]
