"""The review on screen as Qt sees it: :class:`VerdictSession` whose news arrive as signals.

The rules (versions, conflicts, what the reader is told) are :mod:`factcheck_gui.review`;
this only turns a session's events into signals on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from factcheck_gui.review.opening import OpenedReview, ReviewService
from factcheck_gui.review.session import VerdictSession


class SessionSignals(QObject):
    """verdictChanged(str), error(str), saved(str), notice(str), changeGone(str, str, str):
    a session's events (see :class:`~factcheck_gui.review.session.SessionEvents`)."""

    verdictChanged = Signal(str)
    error = Signal(str)
    saved = Signal(str)
    notice = Signal(str)
    changeGone = Signal(str, str, str)

    def changed(self, change_id: str) -> None:
        self.verdictChanged.emit(change_id)

    def refused(self, message: str) -> None:
        self.error.emit(message)

    def committed(self, message: str) -> None:
        self.saved.emit(message)

    def told(self, message: str) -> None:
        self.notice.emit(message)

    def gone(self, change_id: str, message: str, button: str) -> None:
        self.changeGone.emit(change_id, message, button)


class ReviewSession(VerdictSession):
    """A :class:`VerdictSession` with Qt signals.

    Signals:
        verdictChanged(str): a change's verdict or note changed (saved or refreshed).
        error(str): a one-line message for the window's message bar.
        saved(str): a write was committed; carries a short confirmation.
        notice(str): something the reader should know once.
        changeGone(str, str, str): a change, no longer in the stored review: the message and the
            button of the offer to reopen it.
    """

    def __init__(
        self, service: ReviewService, opened: OpenedReview, reviewer: str, parent: QObject | None = None
    ) -> None:
        self.signals = SessionSignals(parent)
        super().__init__(service, opened, reviewer, self.signals)
        self.verdictChanged = self.signals.verdictChanged
        self.error = self.signals.error
        self.saved = self.signals.saved
        self.notice = self.signals.notice
        self.changeGone = self.signals.changeGone

    def deleteLater(self) -> None:
        self.signals.deleteLater()
