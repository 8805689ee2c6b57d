"""Plain, immutable views of stored reviews: what the store hands to the UI, CLI and exporters.

Nothing here touches SQLAlchemy; the store builds these from its rows so that callers never
hold a session or a live ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a listing needs no engine: the comparison is only a field's type here
    from factcheck_gui.engine.types import Comparison

DEFAULT_SCALE: tuple[str, ...] = (
    "Accurate",
    "Faithful paraphrase",
    "Misleading",
    "Distorted",
    "Unsupported",
    "Misquote",
    "Needs follow-up",
    "Not a claim",
)


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    """The current verdict on one change."""

    change_id: str  # the engine's change id ("c7") within its review
    value: str | None  # None when cleared (a note may remain)
    note: str
    reviewer: str
    decided_at: datetime  # timezone-aware UTC
    version: int  # optimistic-lock counter, starts at 1 on first write
    carried_from: str | None = None  # "review <id> change <cid>" when carried over
    # Characters of the note / reviewer name the store could not keep (lone UTF-16 surrogates,
    # NUL) and replaced by U+FFFD, one for one: the reviewer sees where they were.
    replaced_chars: int = 0


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One append-only history row."""

    change_id: str
    action: str  # "set", "changed", "cleared", "note", "carried"
    old_value: str | None
    new_value: str | None
    old_note: str
    new_note: str
    reviewer: str
    at: datetime
    version: int = 0  # the verdict's version after this write (0 when unknown, e.g. imported)
    carried_from: str | None = None  # set on "carried" rows: where the verdict came from
    replaced_chars: int = 0  # as in VerdictRecord, for this write


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """A line of the start page / `review list`."""

    id: int
    title: str
    status: str  # "open" | "done"
    created_at: datetime
    updated_at: datetime
    reviewers: tuple[str, ...]
    total_changes: int  # changes that need review (Change.is_change)
    reviewed_changes: int
    original_name: str = ""
    rewrite_name: str = ""
    # Characters of the title, names or texts replaced by U+FFFD because they could not be
    # stored (lone UTF-16 surrogates, NUL); 0 almost always.
    replaced_chars: int = 0
    # A several-source review: its sources' names, in order (original_name joins them); () for a pair.
    source_names: tuple[str, ...] = ()
    # Where each text came from (a file path or URL, "" for pasted text) and its first words
    # (migration 0006): what tells two reviews of "original.txt → rewrite.txt" apart.
    original_location: str = ""
    rewrite_location: str = ""
    original_excerpt: str = ""
    rewrite_excerpt: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """A whole review: both texts, the comparison as it was made, verdicts and history."""

    summary: ReviewSummary
    comparison: Comparison
    scale: tuple[str, ...] = DEFAULT_SCALE
    verdicts: dict[str, VerdictRecord] = field(default_factory=dict)  # by change id
    history: tuple[HistoryRecord, ...] = ()
    engine_version: str = ""

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title
