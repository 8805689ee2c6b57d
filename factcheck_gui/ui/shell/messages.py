"""Where the window talks to the reader: a message bar above the content, and the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from factcheck_gui.ui.shell.compact import ElidedLabel
from factcheck_gui.ui.shell.theme import is_dark, restyle
from factcheck_gui.ui.shell.workers import Failure

LEVELS = ("info", "warning", "error")


class MessageBar(QFrame):
    """A dismissable one-line message: errors stay until closed, information fades after 8 s.

    Its ``level`` ("info", "warning", "error") and ``dark`` (the palette is dark) properties
    select the bar's colours in ``app.qss``, dark text on a pale bar or light text on a deep
    one, so every kind stays readable in both themes.

    An offer (:meth:`show_offer`) carries action buttons (``action``, then ``action2``) and
    stays until one is used or it is dismissed; a notice (:meth:`show_notice`) is information
    that stays until dismissed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setObjectName("messageText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and story text
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton(self)
        self.action.setObjectName("messageAction")
        self.action2 = QPushButton(self)
        self.action2.setObjectName("messageAction2")
        self._buttons = (self.action, self.action2)
        for i, button in enumerate(self._buttons):
            button.clicked.connect(lambda _c=False, i=i: self._act(i))
            button.hide()
        self._on_action: list[Callable[[], object]] = []
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setObjectName("messageDismiss")
        self.dismiss.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(self.action2)
        row.addWidget(self.dismiss)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def level(self) -> str:
        return str(self.property("level") or "")

    def show_error(self, message: str) -> None:
        self._timer.stop()
        self._show(message, "error")

    def show_info(self, message: str) -> None:
        self._show(message, "info")
        self._timer.start(8000)

    def show_notice(self, message: str, level: str = "info") -> None:
        """Something the reader should not miss (``level`` "info" or "warning"): it stays until dismissed."""
        self._timer.stop()
        self._show(message, level)

    def show_warning(self, message: str) -> None:
        """A notice in the warning colours (e.g. characters that could not be stored)."""
        self.show_notice(message, "warning")

    def show_offer(
        self,
        message: str,
        button: str,
        on_accept: Callable[[], object],
        *,
        more: Sequence[tuple[str, Callable[[], object]]] = (),
        level: str = "info",
    ) -> None:
        """A question with answer buttons (``more``: one further answer); it stays until answered."""
        self._timer.stop()
        self._show(message, level)
        answers = [(button, on_accept), *more][: len(self._buttons)]
        for widget, (text, callback) in zip(self._buttons, answers, strict=False):
            widget.setText(text)
            widget.show()
            self._on_action.append(callback)

    def _act(self, i: int) -> None:
        callback = self._on_action[i] if i < len(self._on_action) else None
        self.clear()
        if callback is not None:
            callback()

    def _show(self, message: str, level: str) -> None:
        self._on_action = []
        for button in self._buttons:
            button.hide()
        self.label.setText(message)
        level = str(getattr(level, "value", level))  # a review.wording.Level or its text
        self.setProperty("level", level if level in LEVELS else "info")
        self.refresh_theme()
        self.show()

    def refresh_theme(self) -> None:
        """Pick the bar's colours for the current palette (after a level or theme change).

        The label and buttons are polished again too: a stylesheet rule that depends on the
        bar's properties is not re-evaluated for its children by polishing the bar alone.
        """
        self.setProperty("dark", is_dark())  # the application palette, not the bar's own
        restyle(self)

    def clear(self) -> None:
        self._timer.stop()
        self._on_action = []
        for button in self._buttons:
            button.hide()
        self.label.setText("")
        self.hide()


# The most of the status bar's width the database and the reviewer may take: a temporary
# message ("Saved: …", "Comparing …") keeps the room left of the permanent parts.
DB_SHARE = 0.34
REVIEWER_SHARE = 0.16


class _WidthShares(QObject):
    """Caps the width of some of a bar's labels to a share of the bar's width as it resizes."""

    def __init__(self, bar: QWidget, shares: Sequence[tuple[QWidget, float]]) -> None:
        super().__init__(bar)
        self._shares = tuple(shares)
        bar.installEventFilter(self)
        self._apply(bar.width())

    def _apply(self, width: int) -> None:
        for widget, share in self._shares:
            widget.setMaximumWidth(max(widget.minimumSizeHint().width(), int(width * share)))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(obj, QWidget):
            self._apply(obj.width())
        return False


class StatusArea:
    """The status bar's parts: review progress, database, reviewer, task progress and Cancel."""

    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        self.bar = bar
        self.progress_label = QLabel(parent)
        self.progress_label.setObjectName("reviewProgress")
        # A database path or a reviewer's name may be long: shortened with "…" (the whole text
        # in the tooltip) so that they neither widen the window nor leave no room for messages.
        self.db_label = ElidedLabel("", parent)
        self.db_label.setObjectName("database")
        self.reviewer_label = ElidedLabel("", parent, elide=Qt.TextElideMode.ElideRight)
        self.reviewer_label.setObjectName("reviewer")
        self.task = QProgressBar(parent)
        self.task.setRange(0, 100)
        self.task.setMaximumWidth(180)
        self.task.setTextVisible(True)
        self.cancel = QPushButton("Cancel", parent)
        self.cancel.setObjectName("cancelTask")
        # Permanent: a short message ("Saved: …") must not hide the review's progress.
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.task)
        bar.addPermanentWidget(self.cancel)
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.reviewer_label)
        self._shares = _WidthShares(bar, ((self.db_label, DB_SHARE), (self.reviewer_label, REVIEWER_SHARE)))
        self.idle()

    def busy(self, label: str) -> None:
        self.bar.showMessage(label)
        self.task.setValue(0)
        self.task.show()
        self.cancel.show()

    def set_progress(self, fraction: float) -> None:
        self.task.setValue(round(100 * fraction))

    def idle(self) -> None:
        self.bar.clearMessage()
        self.task.hide()
        self.cancel.hide()

    def flash(self, text: str) -> None:
        self.bar.showMessage(text, 4000)

    def set_progress_text(self, text: str) -> None:
        self.progress_label.setText(text)

    def set_database(self, name: str) -> None:
        self.db_label.setText(f"Database: {name}")

    def set_reviewer(self, name: str) -> None:
        self.reviewer_label.setText(f"Reviewer: {name}")


class Notifier(QObject):
    """What the controllers and the navigator tell the reader through: the message bar and the
    status bar, and nothing else of the window.

    Signals:
        failed(str): an error was shown (or a failure answered otherwise, see :meth:`failed_quietly`).
    """

    failed = Signal(str)

    def __init__(self, bar: MessageBar, status: StatusArea, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.status = status

    def error(self, message: str) -> None:
        """A one-line error in the message bar (it stays until dismissed)."""
        self.bar.show_error(message)
        self.failed.emit(message)

    def failure(self, failure: Failure) -> None:
        """A background task's failure, as :meth:`error`."""
        self.error(failure.message)

    def failed_quietly(self, message: str) -> None:
        """A failure answered with something else than the error line (an offer)."""
        self.failed.emit(message)

    def info(self, message: str) -> None:
        self.bar.show_info(message)

    def warning(self, message: str) -> None:
        self.bar.show_warning(message)

    def offer(
        self,
        message: str,
        button: str,
        on_accept: Callable[[], object],
        *,
        more: Sequence[tuple[str, Callable[[], object]]] = (),
        level: str = "info",
    ) -> None:
        self.bar.show_offer(message, button, on_accept, more=more, level=level)

    def clear(self) -> None:
        self.bar.clear()

    def flash(self, text: str) -> None:
        """A short word in the status bar."""
        self.status.flash(text)
