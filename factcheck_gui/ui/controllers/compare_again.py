"""“Compare again with…”: a new version replaces one side of the open review.

The new pair becomes a new review (the old one stays as it was). The verdicts that still
apply — changes whose wording is the same on both sides, the store's carry-over by
fingerprint — are offered in the message bar once the new review is on screen, together
with how many there are (the store finds the earlier reviews of either side and counts them
with a dry run); nothing is carried without the reader's word.

Signals:
    carried(int): verdicts were carried over into the review on screen; carries how many.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from factcheck_gui.review import wording
from factcheck_gui.review.carry import announce
from factcheck_gui.review.docindex import Side
from factcheck_gui.review.opening import OpenedReview
from factcheck_gui.ui.shell.workers import TaskContext, TaskHandle
from factcheck_gui.ui.views.dialogs import FILE_FILTER, file_dialog

if TYPE_CHECKING:
    from factcheck_gui.ui.main_window import MainWindow


class CompareAgain(QObject):
    """Runs "Compare again" and the carry-over offer for a :class:`MainWindow`."""

    carried = Signal(int)

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    def choose(self, side: Side) -> QFileDialog | None:
        """Ask for the new version of one side (a window-modal dialog; returns it)."""
        if self.win.session is None:
            return None
        who = "original" if side is Side.ORIGINAL else "rewrite"
        dialog = file_dialog(
            self.win,
            f"Compare again with a new version of the {who}",
            self.win.settings.last_dir,
            FILE_FILTER.split(";;"),
            name="compareAgainDialog",
        )
        dialog.fileSelected.connect(lambda p: self._chosen(side, Path(p)))
        dialog.open()
        return dialog

    def _chosen(self, side: Side, path: Path) -> None:
        self.win.settings.last_dir = str(path.parent)
        self.compare_with(side, path)

    def dropped(self, side: Side, files: list[Path]) -> None:
        """Files dropped on a pane of the open review: one is a new version of that side."""
        if len(files) >= 2:
            self.win.open_paths(files[0], files[1])
        elif files:
            self.compare_with(side, files[0])

    def compare_with(self, side: Side, path: Path, *, carry: bool | None = None) -> TaskHandle | None:
        """Replace one side of the open review by ``path`` in a new review (in a worker).

        ``carry``: True carries the open review's verdicts at once, False never, None (the
        menu) offers them, with any other earlier review that fits, once the review shows.
        """
        session = self.win.session
        if session is None:
            return None
        from factcheck_gui.importers import ImportedText, load_path

        comp = session.index.comparison
        keep_doc = comp.rewrite if side is Side.ORIGINAL else comp.original
        kept = ImportedText(keep_doc.text, keep_doc.name, keep_doc.source)
        carry_from = session.review_id if carry else None
        replaced = session.review_id if carry is None else None  # offered first if it fits
        service, reviewer = self.win.service, self.win.settings.reviewer

        def job(ctx: TaskContext) -> OpenedReview:
            new = load_path(path)
            a, b = (new, kept) if side is Side.ORIGINAL else (kept, new)
            opened = service.compare_and_create(
                a, b, reviewer=reviewer, ctx=ctx, carry_from=carry_from, replaced=replaced
            )
            if carry is False:
                opened.offers.clear()
            return opened

        return self.win.run_compare(job, f"Comparing again with {path.name}…", leaving="Compare again")

    # -- the offer --------------------------------------------------------------------------
    def tell(self, opened: OpenedReview) -> None:
        """The message as a review opens: carried verdicts, an offer, unstorable characters
        (see :func:`factcheck_gui.review.carry.announce`)."""
        win = self.win
        key = win.service.state_key
        news = announce(opened, win.settings.replaced_told(key, opened.review_id))
        if news is None:
            return
        if news.told_replaced is not None:
            win.settings.set_replaced_told(key, opened.review_id, news.told_replaced)
        if news.offer is not None:
            offer = news.offer
            win.message.show_offer(
                news.text,
                news.button,
                lambda: self.carry(offer.review_id, opened.review_id),
                level=news.level,
            )
        elif news.level == "warning":
            win.message.show_warning(news.text)  # stays until the reader dismisses it
        else:
            win.message.show_info(news.text)

    def carry(self, from_id: int, to_id: int) -> TaskHandle:
        """Carry the verdicts of review ``from_id`` into ``to_id`` (in a worker)."""
        service, reviewer = self.win.service, self.win.settings.reviewer
        self.win.status.flash(f"Carrying verdicts over from review #{from_id}…")

        def done(result: Any) -> None:
            count, records = result
            session = self.win.session
            if session is None or session.review_id != to_id:
                return  # the reader moved on; the verdicts are in the store for next time
            session.refresh_verdicts(records)
            self.win.review.verdict.refresh_history()
            self.win.message.show_info(wording.carried(count, from_id))
            self.carried.emit(count)

        return self.win.workers.start(
            "carrying verdicts over",
            lambda ctx: service.carry_over(from_id, to_id, reviewer=reviewer, ctx=ctx),
            finished=done,
            failed=self.win.show_failure,
        )
