"""Work that must run on the GUI thread, done a few milliseconds at a time.

Some Qt work cannot go to a worker thread: a QObject made in a worker (a QTextDocument and its
layout, say) takes Qt's signal-slot locks while that thread holds the interpreter, and the GUI
thread, holding one of those locks while it asks Python for a slot, then waits for the
interpreter: both stop for good (seen with gdb while printing). Such work is written as a
generator that yields after each small step (one part of a report laid out, one page drawn);
:class:`Sliced` runs its steps from a zero-time timer until ``budget_ms`` is spent, then lets
the event loop paint and take input before the next slice. Once ended it deletes itself (a
parent, given, deletes it earlier: no slice runs after the parent is gone).

Signals:
    finished(object): the generator returned; carries its value.
    failed(str): a step raised; carries one line for the reader.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

BUDGET_MS = 8.0  # of steps per slice: most steps take a few ms, so a slice stays well under 50 ms


class Sliced(QObject):
    """Runs ``steps`` on the GUI thread in slices of about ``budget_ms`` (call :meth:`start`)."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, steps: Generator[Any, None, Any], parent: QObject | None = None, budget_ms: float = BUDGET_MS
    ) -> None:
        super().__init__(parent)
        self._steps: Generator[Any, None, Any] | None = steps
        self._budget = budget_ms / 1000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    @property
    def done(self) -> bool:
        """True once the steps have ended: returned, failed or cancelled."""
        return self._steps is None

    def start(self) -> Sliced:
        """Begin at the next turn of the event loop (returns itself)."""
        if self._steps is not None:
            self._timer.start()
        return self

    def cancel(self) -> None:
        """Stop before the next step; the generator is closed (its ``finally`` blocks run)."""
        steps, self._steps = self._steps, None
        if steps is not None:
            self._timer.stop()
            steps.close()
            self.deleteLater()

    def _slice(self) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + self._budget
        try:
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration as stop:
            self._steps = None
            self.finished.emit(stop.value)
            self.deleteLater()
            return
        except Exception as exc:  # one line for the reader; the traceback goes to the log
            self._steps = None
            log.exception("a GUI-thread task failed")
            self.failed.emit(str(exc) or type(exc).__name__)
            self.deleteLater()
            return
        self._timer.start()
