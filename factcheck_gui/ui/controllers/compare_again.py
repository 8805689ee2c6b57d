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

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.review import wording
from factcheck_gui.review.carry import announce
from factcheck_gui.review.docindex import Side
from factcheck_gui.review.opening import OpenedReview, texts_of
from factcheck_gui.ui.shell.workers import TaskContext, TaskHandle, Workers
from factcheck_gui.ui.views.dialogs import FILE_FILTER, file_dialog

if TYPE_CHECKING:
    from factcheck_gui.store.records import VerdictRecord
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier
    from factcheck_gui.ui.shell.settings import Settings

Carried = tuple[int, "dict[str, VerdictRecord]"]


class CompareAgain(QObject):
    """Runs "Compare again" and the carry-over offer (``parent``: where its dialog opens)."""

    carried = Signal(int)

    def __init__(
        self, nav: Navigator, notifier: Notifier, workers: Workers, settings: Settings, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        self.settings = settings
        self.parent_widget = parent
        # Files dropped on the left pane of a several-source review are more sources: whoever
        # handles that (the sources controller) returns True and the drop stops there.
        self.several_drop: Callable[[list[Path]], bool] | None = None
        nav.reviewOpened.connect(self.tell)

    def choose(self, side: Side) -> QFileDialog | None:
        """Ask for the new version of one side (a window-modal dialog; returns it)."""
        if self.nav.session is None:
            return None
        who = "original" if side is Side.ORIGINAL else "rewrite"
        dialog = file_dialog(
            self.parent_widget,
            f"Compare again with a new version of the {who}",
            self.settings.last_dir,
            FILE_FILTER.split(";;"),
            name="compareAgainDialog",
        )
        dialog.fileSelected.connect(lambda p: self._chosen(side, Path(p)))
        dialog.open()
        return dialog

    def _chosen(self, side: Side, path: Path) -> None:
        self.settings.last_dir = str(path.parent)
        self.compare_with(side, path)

    def dropped(self, side: Side, files: list[Path]) -> None:
        """Files dropped on a pane of the open review: one is a new version of that side."""
        if side is Side.ORIGINAL and self.several_drop is not None and self.several_drop(files):
            return
        if len(files) >= 2:
            self.nav.open_paths(files[0], files[1])
        elif files:
            self.compare_with(side, files[0])

    def compare_with(
        self, side: Side, path: Path, *, carry: bool | None = None
    ) -> TaskHandle[OpenedReview] | None:
        """Replace one side of the open review by ``path`` in a new review (in a worker).

        ``carry``: True carries the open review's verdicts at once, False never, None (the
        menu) offers them, with any other earlier review that fits, once the review shows.
        """
        session = self.nav.session
        if session is None:
            return None
        from factcheck_gui.importers import ImportedText, load_path

        comp = session.index.comparison
        keep_doc = comp.rewrite if side is Side.ORIGINAL else comp.original
        kept = ImportedText(keep_doc.text, keep_doc.name, keep_doc.source)
        carry_from = session.review_id if carry else None
        replaced = session.review_id if carry is None else None  # offered first if it fits
        service, reviewer = self.nav.service, self.settings.reviewer

        several = side is Side.REWRITE and sourced(comp) is not None

        def job(ctx: TaskContext) -> OpenedReview:
            new = load_path(path)
            if several:  # a new version of the derived text, against the same sources
                _old, sources = texts_of(comp)
                opened = service.create_several(
                    new, sources, reviewer=reviewer, ctx=ctx, carry_from=carry_from, replaced=replaced
                )
                if carry is False:
                    opened.offers.clear()
                return opened
            a, b = (new, kept) if side is Side.ORIGINAL else (kept, new)
            opened = service.compare_and_create(
                a, b, reviewer=reviewer, ctx=ctx, carry_from=carry_from, replaced=replaced
            )
            if carry is False:
                opened.offers.clear()
            return opened

        return self.nav.run_compare(job, f"Comparing again with {path.name}…", leaving="Compare again")

    # -- the offer --------------------------------------------------------------------------
    def tell(self, opened: OpenedReview) -> None:
        """The message as a review opens: carried verdicts, an offer, unstorable characters
        (see :func:`factcheck_gui.review.carry.announce`)."""
        key = self.nav.service.state_key
        news = announce(opened, self.settings.replaced_told(key, opened.review_id))
        if news is None:
            return
        if news.told_replaced is not None:
            self.settings.set_replaced_told(key, opened.review_id, news.told_replaced)
        if news.offer is not None:
            offer = news.offer
            self.notifier.offer(
                news.text,
                news.button,
                lambda: self.carry(offer.review_id, opened.review_id),
                level=news.level,
            )
        elif news.level == "warning":
            self.notifier.warning(news.text)  # stays until the reader dismisses it
        else:
            self.notifier.info(news.text)

    def carry(self, from_id: int, to_id: int) -> TaskHandle[Carried]:
        """Carry the verdicts of review ``from_id`` into ``to_id`` (in a worker); ``carried``
        follows once the review on screen shows them."""
        service, reviewer = self.nav.service, self.settings.reviewer
        self.notifier.flash(f"Carrying verdicts over from review #{from_id}…")

        def done(result: Carried) -> None:
            count, records = result
            session = self.nav.session
            if session is None or session.review_id != to_id:
                return  # the reader moved on; the verdicts are in the store for next time
            session.refresh_verdicts(records)
            self.notifier.info(wording.carried(count, from_id))
            self.carried.emit(count)

        return self.workers.start(
            "carrying verdicts over",
            lambda ctx: service.carry_over(from_id, to_id, reviewer=reviewer, ctx=ctx),
            finished=done,
            failed=self.notifier.failure,
        )
