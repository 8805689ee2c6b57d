"""A damaged review database: offer a new database beside it, or the one started there before.

When opening the database raises :class:`~factcheck_gui.store.CorruptDatabaseError`, the
message bar says so and offers to start a new, empty database next to the file (the store
never touches the damaged one), or — when an earlier offer already started one there
(``fresh_path``) — to open that one. The chosen database is remembered in the settings, so
the next start opens it directly.

Signals:
    switched(str): the window now uses another database; carries its location.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from factcheck_gui.ui.controllers.navigator import Leaving
from factcheck_gui.ui.shell.workers import TaskContext, TaskHandle, Workers

if TYPE_CHECKING:
    from factcheck_gui.store import CorruptDatabaseError, ReviewStore
    from factcheck_gui.ui.controllers.navigator import Navigator
    from factcheck_gui.ui.shell.messages import Notifier

START_FRESH = "Start a new database beside it"


class DatabaseRecovery(QObject):
    """Offers a way out of a damaged database (the navigator says when one is met)."""

    switched = Signal(str)

    def __init__(
        self, nav: Navigator, notifier: Notifier, workers: Workers, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.nav = nav
        self.notifier = notifier
        self.workers = workers
        nav.damaged.connect(self.offer)

    def offer(self, exc: CorruptDatabaseError) -> None:
        """Show the error with its answers (just the error when the database is not a file)."""
        damaged = exc.path
        message = str(exc).splitlines()[0] if str(exc) else "the review database is damaged"
        if damaged is None:
            self.notifier.error(message)
            return
        message = message[0].upper() + message[1:]
        fresh = exc.fresh_path
        if fresh is None:
            self.notifier.offer(
                f"{message}. Start a new, empty database beside it to keep working? "
                "The damaged file stays exactly as it is, so its reviews can still be rescued.",
                START_FRESH,
                lambda: self.start_fresh(damaged),
                level="error",
            )
            return
        self.notifier.offer(
            f"{message}. A new database was already started beside it: {fresh.name}. Open that "
            "one, or start another new one; the damaged file stays exactly as it is.",
            f"Open {fresh.name}",
            lambda: self.use(fresh),
            more=[("Start another new database", lambda: self.start_fresh(damaged))],
            level="error",
        )

    def start_fresh(self, damaged: Path) -> TaskHandle[tuple[ReviewStore, Path]]:
        """Create and migrate a new database next to ``damaged`` (in a worker), then use it."""
        from factcheck_gui.store import ReviewStore

        def job(_ctx: TaskContext) -> tuple[ReviewStore, Path]:
            return ReviewStore.open_fresh_beside(damaged)

        def done(result: tuple[ReviewStore, Path]) -> None:
            store, path = result
            self.use(path, store, damaged=damaged)

        self.notifier.flash(f"Starting a new database beside {damaged.name}…")
        return self.workers.start("starting a new database", job, finished=done, failed=self.notifier.failure)

    def use(self, path: Path, store: ReviewStore | None = None, *, damaged: Path | None = None) -> None:
        """Switch the window to the database file ``path`` and remember it in the settings.

        Not while the open review holds a note the store refused: the reader is asked first.
        """
        self.nav.leave(Leaving(f"Open {path.name}"), lambda: self._switch(path, store, damaged))

    def _switch(self, path: Path, store: ReviewStore | None, damaged: Path | None) -> None:
        self.nav.use_database(str(path), store, remember=True)
        left = f" {damaged.name} was left untouched." if damaged is not None else ""
        self.notifier.info(f"Now using the review database {path}.{left}")
        self.switched.emit(str(path))
