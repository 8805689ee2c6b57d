"""Edit → Undo / Redo of verdicts and notes (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y).

The rules are :mod:`factcheck_gui.review.undo` (a step per write, an undo is a new write,
a colleague's change since is never replaced unseen); this keeps one stack per review, names
the next step in the menu ("Undo verdict c13 → Accurate"), and shows what became of it.

While the reader types in a text field (the note, Find) Undo and Redo are that field's own:
a verdict is never undone by a Ctrl+Z meant for the text. An undone change is selected when
the list shows it; when a filter hides it, the undo still applies to it (the menu named it)
and the message bar says so — the selection does not move to a change the reader did not ask
for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from factcheck_gui.review.undo import Outcome, Result, UndoBook, UndoStack
from factcheck_gui.ui.shell.actions import Actions, is_text_input

if TYPE_CHECKING:
    from factcheck_gui.review.opening import OpenedReview
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.views.review_view import ReviewView


def _menu_text(label: str) -> str:
    return "&" + label.replace("&", "&&")  # a verdict scale may hold "&": not a mnemonic


class UndoRedo(QObject):
    """Owns the undo stacks of the reviews opened in this window (see the module docstring)."""

    def __init__(
        self,
        nav: Navigator,
        review: ReviewView,
        notifier: Notifier,
        commands: Actions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.nav, self.review, self.notifier = nav, review, notifier
        self.undo_action: QAction = commands["undo"]
        self.redo_action: QAction = commands["redo"]
        self.book = UndoBook()
        self.stack: UndoStack | None = None
        nav.reviewOpened.connect(self._opened)
        nav.reviewClosed.connect(self._closed)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # "Undo typing" while a text field has the focus
            app.focusChanged.connect(self._focus_changed)
        self.refresh()

    # -- the review on screen --------------------------------------------------------------
    def _opened(self, opened: OpenedReview) -> None:
        self._closed()
        session = self.nav.session
        if session is None:
            return
        self.stack = self.book.stack(self.nav.service.state_key, opened.review_id)
        if self.refresh not in self.stack.listeners:
            self.stack.listeners.append(self.refresh)
        self.stack.attach(session)

    def _closed(self) -> None:
        if self.stack is not None:
            stack, self.stack = self.stack, None
            stack.detach()
        self.refresh()

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """The menu names what Ctrl+Z and Ctrl+Shift+Z would do now."""
        typing = is_text_input(QApplication.focusWidget())
        stack = self.stack
        if typing:
            self.undo_action.setText("&Undo typing")
            self.redo_action.setText("&Redo typing")
        else:
            self.undo_action.setText(_menu_text(stack.undo_label() if stack is not None else "Undo"))
            self.redo_action.setText(_menu_text(stack.redo_label() if stack is not None else "Redo"))
        self.undo_action.setEnabled(typing or (stack is not None and stack.can_undo))
        self.redo_action.setEnabled(typing or (stack is not None and stack.can_redo))

    # -- the commands -----------------------------------------------------------------------
    def undo(self) -> Outcome | None:
        """Edit → Undo: the text field's own undo while typing, else the last verdict or note."""
        if _in_text_field(redo=False):
            return None
        return self._run(lambda stack: stack.undo())

    def redo(self) -> Outcome | None:
        if _in_text_field(redo=True):
            return None
        return self._run(lambda stack: stack.redo())

    def _run(self, step: Callable[[UndoStack], Outcome]) -> Outcome | None:
        stack = self.stack
        if stack is None:
            return None
        self.review.verdict.save_note()  # a note typed a moment ago is a step of its own first
        out = step(stack)
        if out.result is Result.DONE and out.step is not None:
            self._show(out.step.change_id, out.message)
        elif out.result is Result.OVERTAKEN:
            self.notifier.warning(out.message)
        elif out.result is Result.NOTHING:
            self.notifier.flash(out.message)
        # REFUSED: the session has said why in the message bar.
        self.refresh()
        return out

    def _show(self, change_id: str, message: str) -> None:
        changes = self.review.changes
        row = changes.model.row_of(change_id)
        shown = row >= 0 and changes.proxy.mapFromSource(changes.model.index(row, 0)).isValid()
        if not shown:
            self.notifier.info(
                f"{message} {change_id} is hidden by the filters of the change list "
                "(Review → Show all changes)."
            )
        else:
            if changes.current_change_id() != change_id:
                changes.select_change(change_id)
            self.notifier.flash(message)
        if self.review.verdict.change_id == change_id:
            self.review.verdict.refresh_history()


def _in_text_field(*, redo: bool) -> bool:
    """Undo or redo the text field being typed in, if any (True: the key was its)."""
    widget: QWidget | None = QApplication.focusWidget()
    if not is_text_input(widget):
        return False
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        if redo:
            widget.redo()
        else:
            widget.undo()
    return True
