"""Export a review log: CSV, JSON, Markdown, HTML, PDF, ClaimReview JSON-LD and the audit trail.

>>> export_review(review, "html", "report.html")   # doctest: +SKIP

Every export is written to a temporary file beside the target and renamed into place, so a
crash or a full disk never leaves a half-written file (nor harms the file being replaced).
Story text is untrusted everywhere: inert in HTML/Markdown, never a formula in CSV, always
valid in JSON. Only the PDF format loads Qt (QtGui, on demand).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import IO

from factcheck_gui.exporters.claimreview import claim_reviews, write_claimreview
from factcheck_gui.exporters.common import ExportError, OutputPathError, write_atomic
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


def _write_pdf(review: Review, stream: IO[bytes]) -> None:
    from factcheck_gui.exporters.pdf import write_pdf  # loads Qt: only when a PDF is asked for

    write_pdf(review, stream)


_WRITERS: dict[str, Callable[[Review, IO[bytes]], None]] = {
    "csv": write_csv,
    "json": write_json,
    "md": write_markdown,
    "html": write_html,
    "pdf": _write_pdf,
    "claimreview": write_claimreview,
    "audit": write_audit,
}


def _writer(fmt: str) -> Callable[[Review, IO[bytes]], None]:
    try:
        return _WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})") from None


def write_review(review: Review, fmt: str, stream: IO[bytes]) -> None:
    """Write the export in format ``fmt`` to a binary stream (e.g. ``sys.stdout.buffer``)."""
    writer = _writer(fmt)
    try:
        writer(review, stream)
    except ValueError as exc:  # includes ExportError; e.g. json's allow_nan
        raise ExportError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def render_review(review: Review, fmt: str) -> bytes:
    """The export in format ``fmt`` as bytes (UTF-8 for the text formats)."""
    buf = io.BytesIO()
    write_review(review, fmt, buf)
    return buf.getvalue()


def export_review(review: Review, fmt: str, path: str | Path) -> Path:
    """Write the export to ``path`` atomically; raise :class:`ExportError` (one line) on failure."""
    _writer(fmt)  # an unknown format fails before any file is touched
    return write_atomic(path, lambda stream: write_review(review, fmt, stream))


__all__ = [
    "BINARY_FORMATS",
    "DESCRIPTIONS",
    "EXTENSIONS",
    "FORMATS",
    "SCHEMA",
    "ExportError",
    "OutputPathError",
    "claim_reviews",
    "export_review",
    "render_review",
    "review_from_json",
    "review_to_json",
    "write_review",
]
