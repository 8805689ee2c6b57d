"""Values and helpers every importer shares: the result, the one-line error, metadata stamps."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from factcheck_gui.engine.types import SourceInfo

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The one place the import size limit is configured outside code: megabytes, e.g. "50" or "0.5".
MAX_SIZE_ENV = "FACTCHECK_MAX_IMPORT_MB"


class ImportFailed(Exception):
    """Input that cannot become story text. ``str(exc)`` is one line the user can act on."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}" if name else problem)


@dataclass(frozen=True)
class ImportedText:
    """Story text exactly as the engine, the app and the store see it, plus where it came from."""

    text: str
    name: str
    source: SourceInfo


@dataclass(frozen=True)
class Extracted:
    """What a format reader returns before the loader stamps hashes and times on it."""

    text: str
    title: str = ""
    author: str = ""
    published: str = ""
    warnings: tuple[str, ...] = ()


def max_import_bytes(max_bytes: int | None = None) -> int:
    """The size limit of one import: ``max_bytes`` when given, else ``$FACTCHECK_MAX_IMPORT_MB``
    megabytes when set, else :data:`DEFAULT_MAX_BYTES` (20 MB).

    The app passes its own setting as ``max_bytes``; the CLI inherits the environment variable.
    A value that is not a positive number is refused with one line naming the variable.
    """
    if max_bytes is not None:
        if max_bytes < 1:
            raise ImportFailed("", f"the import size limit must be at least 1 byte, not {max_bytes}")
        return max_bytes
    raw = os.environ.get(MAX_SIZE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < 1024 * 1024:  # also false for nan
        raise ImportFailed("", f"{MAX_SIZE_ENV} must be a size in megabytes such as 50, not {raw!r}")
    return max(1, int(megabytes * 1024 * 1024))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def human_size(size: int) -> str:
    """2.0 MB, 12 KB, 900 bytes: sizes as a size limit message shows them."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"


def utc_now_iso() -> str:
    """The import time as ISO 8601 UTC with a ``Z`` (seconds are precise enough for a log)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def finish(
    extracted: Extracted,
    *,
    data: bytes,
    name: str,
    kind: str,
    location: str = "",
    final_url: str = "",
    imported_at: str | None = None,
) -> ImportedText:
    """Check that some text survived and wrap it with its source record."""
    text = normalize_newlines(extracted.text)
    if not text.strip():
        raise ImportFailed(name, "empty — no readable text found")
    source = SourceInfo(
        kind=kind,
        location=location,
        title=extracted.title.strip(),
        author=extracted.author.strip(),
        published=extracted.published.strip(),
        sha256=sha256_hex(data),
        imported_at=imported_at or utc_now_iso(),
        final_url=final_url,
        warnings=extracted.warnings,
    )
    return ImportedText(text=text, name=name, source=source)


def with_warning(item: ImportedText, warning: str) -> ImportedText:
    """A copy of ``item`` with one more warning on its source record."""
    return replace(item, source=replace(item.source, warnings=(*item.source.warnings, warning)))


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs from a structured format, separated by a blank line (unambiguous for the engine)."""
    return "\n\n".join(p.strip("\n").rstrip() for p in paragraphs if p.strip())
