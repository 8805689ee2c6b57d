"""Background work for the window: comparing, loading and creating reviews, exporting.

Each task runs a plain function in a thread of the window's own pool and reports back through
Qt signals, which arrive on the GUI thread. Cancelling sets a flag the function polls (the
engine's ``cancelled`` callback); nothing ever calls ``processEvents()``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from factcheck_gui.engine import Cancelled

log = logging.getLogger(__name__)


class TaskContext:
    """Handed to the task function: report progress, ask whether to stop."""

    def __init__(self, signals: TaskSignals, stop: threading.Event) -> None:
        self._signals = signals
        self._stop = stop
        self._last = -1.0

    def progress(self, fraction: float) -> None:
        # The engine may report thousands of times; the progress bar needs percent steps.
        if fraction >= 1.0 or fraction - self._last >= 0.01:
            self._last = fraction
            self._signals.progress.emit(float(fraction))

    def cancelled(self) -> bool:
        return self._stop.is_set()


class TaskSignals(QObject):
    """progress(float), finished(object), failed(str), cancelled(); exactly one of the last three.

    error(object) carries the exception of an expected failure, just before ``failed``, for a
    caller that answers some errors with more than a message (a damaged database file).
    """

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    error = Signal(object)


class TaskHandle:
    """What the caller keeps: the signals and a way to cancel."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.signals = TaskSignals()
        self._stop = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._stop.set()

    @property
    def stop_event(self) -> threading.Event:
        return self._stop


class _Runnable(QRunnable):
    def __init__(
        self, handle: TaskHandle, fn: Callable[[TaskContext], Any], expected: tuple[type[BaseException], ...]
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle = handle
        self._fn = fn
        self._expected = expected

    def run(self) -> None:
        sig = self._handle.signals
        ctx = TaskContext(sig, self._handle.stop_event)
        try:
            result = self._fn(ctx)
        except Cancelled:
            sig.cancelled.emit()
        except self._expected as exc:  # errors written for users: one line, no traceback
            sig.error.emit(exc)
            sig.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except Exception as exc:
            log.exception("background task %s failed", self._handle.name)
            sig.failed.emit(f"Unexpected error in {self._handle.name}: {exc}")
        else:
            if self._handle.stop_event.is_set():
                sig.cancelled.emit()
            else:
                sig.finished.emit(result)


class Workers(QObject):
    """The window's thread pool; ``shutdown()`` cancels everything and waits (on close)."""

    def __init__(
        self, parent: QObject | None = None, *, expected: tuple[type[BaseException], ...] = ()
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._expected = expected
        self._running: list[TaskHandle] = []

    def start(
        self,
        name: str,
        fn: Callable[[TaskContext], Any],
        *,
        finished: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        """Run ``fn(ctx)`` in the pool; the callbacks run on the GUI thread.

        ``error`` gets the exception of an expected failure, before ``failed`` gets its message.
        """
        handle = TaskHandle(name)
        sig = handle.signals
        for s in (sig.finished, sig.failed, sig.cancelled):  # first, so callbacks see it done
            s.connect(lambda *_a, h=handle: self._forget(h))
        if finished is not None:
            sig.finished.connect(finished)
        if failed is not None:
            sig.failed.connect(failed)
        if progress is not None:
            sig.progress.connect(progress)
        if cancelled is not None:
            sig.cancelled.connect(cancelled)
        if error is not None:
            sig.error.connect(error)
        self._running.append(handle)
        self.pool.start(_Runnable(handle, fn, self._expected))
        return handle

    def _forget(self, handle: TaskHandle) -> None:
        handle.done = True
        if handle in self._running:
            self._running.remove(handle)

    def busy(self) -> bool:
        return bool(self._running)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        for h in list(self._running):
            # The window is going away: its slots must not run for a task it abandoned.
            h.signals.blockSignals(True)
            h.cancel()
        self.pool.waitForDone(timeout_ms)
        self._running.clear()
