"""The app's settings: one typed object over QSettings.

Tests point QSettings at a temporary folder (``QSettings.setPath``), so nothing here reads the
user's real configuration during a test run.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from factcheck_gui.review.reviewer import default_reviewer
from factcheck_gui.ui.shell.theme import Theme

ORGANIZATION = "factcheck"
APPLICATION = "factcheck-gui"
ZOOM_RANGE = (50, 300)  # story text zoom bounds, percent


def default_qsettings() -> QSettings:
    """The app's settings file (INI format, so it is the same readable file on every OS)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


@dataclass(frozen=True)
class ReviewUiState:
    """Where the reader was in a review: the selected change and both scroll positions."""

    change_id: str = ""
    left_scroll: int = 0
    right_scroll: int = 0


class Settings:
    """Reviewer name, theme, font, database location, and per-review UI state."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else default_qsettings()

    def _str(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str, default: int = 0) -> int:
        try:
            return int(str(self.q.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("1", "true", "yes", "on")

    @property
    def reviewer(self) -> str:
        """The name set here, else $FACTCHECK_REVIEWER, else the login name (see default_reviewer)."""
        return default_reviewer(self._str("reviewer"))

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.q.setValue("reviewer", name.strip())

    @property
    def theme(self) -> Theme:
        try:
            return Theme(self._str("theme", Theme.SYSTEM.value))
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self.q.setValue("theme", Theme(theme).value)

    @property
    def font_family(self) -> str:
        """ "" means the platform's default font."""
        return self._str("font/family")

    @font_family.setter
    def font_family(self, family: str) -> None:
        self.q.setValue("font/family", family)

    @property
    def font_size(self) -> int:
        """Point size of the story text; 0 means the default."""
        return max(0, min(72, self._int("font/size")))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.q.setValue("font/size", int(size))

    @property
    def advance_after_verdict(self) -> bool:
        """After a verdict key, select the next unreviewed change (on unless switched off)."""
        return self._bool("review/advance_after_verdict", True)

    @advance_after_verdict.setter
    def advance_after_verdict(self, on: bool) -> None:
        self.q.setValue("review/advance_after_verdict", bool(on))

    @property
    def hide_punctuation(self) -> bool:
        """View → Hide punctuation-only changes (off unless switched on)."""
        return self._bool("view/hide_punctuation", False)

    @hide_punctuation.setter
    def hide_punctuation(self, on: bool) -> None:
        self.q.setValue("view/hide_punctuation", bool(on))

    @property
    def db_url(self) -> str:
        """A team database URL, a local database file, or "" for the default local file.

        ("" lets FACTCHECK_DB, then the per-user file, apply; the store turns a path, or an
        ``sqlite:///`` URL, into the file it opens.)
        """
        return self._str("database/url")

    @db_url.setter
    def db_url(self, location: str | os.PathLike[str]) -> None:
        """A URL (``postgresql://…``, ``sqlite:///…``) or the path of a local database file."""
        self.q.setValue("database/url", os.fspath(location).strip())

    @property
    def last_dir(self) -> str:
        return self._str("files/last_dir")

    @last_dir.setter
    def last_dir(self, path: str) -> None:
        self.q.setValue("files/last_dir", path)

    @property
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    # -- View menu: story text zoom (percent, ZOOM_RANGE) and the inline view ------------------
    @property
    def zoom(self) -> int:
        return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], self._int("view/zoom", 100)))

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self.q.setValue("view/zoom", int(percent))

    @property
    def inline_view(self) -> bool:
        return self._str("view/inline").lower() == "true"

    @inline_view.setter
    def inline_view(self, on: bool) -> None:
        self.q.setValue("view/inline", "true" if on else "false")

    # -- who publishes ClaimReview exports (asked once) ---------------------------------------
    @property
    def publisher_fields(self) -> dict[str, str]:
        """organisation, reviewer_name, review_url, organisation_url ("" when not set)."""
        keys = ("organisation", "reviewer_name", "review_url", "organisation_url")
        return {k: self._str(f"claimreview/{k}").strip() for k in keys}

    def set_publisher_fields(self, **fields: str) -> None:
        for key, value in fields.items():
            self.q.setValue(f"claimreview/{key}", str(value).strip())

    # -- per-review state, keyed by database and review id ---------------------------------
    @staticmethod
    def _review_key(db: str, review_id: int) -> str:
        digest = hashlib.sha256(db.encode("utf-8")).hexdigest()[:16]
        return f"reviews/{digest}-{int(review_id)}"

    def review_state(self, db: str, review_id: int) -> ReviewUiState:
        key = self._review_key(db, review_id)
        return ReviewUiState(
            change_id=self._str(key + "/change"),
            left_scroll=self._int(key + "/left"),
            right_scroll=self._int(key + "/right"),
        )

    def save_review_state(self, db: str, review_id: int, state: ReviewUiState) -> None:
        key = self._review_key(db, review_id)
        self.q.setValue(key + "/change", state.change_id)
        self.q.setValue(key + "/left", state.left_scroll)
        self.q.setValue(key + "/right", state.right_scroll)

    def replaced_told(self, db: str, review_id: int) -> int:
        """How many unstorable characters of this review the reader was already told about."""
        return self._int(self._review_key(db, review_id) + "/replaced_told")

    def set_replaced_told(self, db: str, review_id: int, count: int) -> None:
        self.q.setValue(self._review_key(db, review_id) + "/replaced_told", int(count))

    def sync(self) -> None:
        self.q.sync()
