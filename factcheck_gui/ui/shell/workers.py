"""Background work for the window: comparing, loading and creating reviews, exporting.

Each task runs a plain function in a thread of the window's own pool and reports back through
Qt signals, which arrive on the GUI thread. Cancelling sets a flag the function polls (the
engine's ``cancelled`` callback); nothing ever calls ``processEvents()``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from factcheck_gui.engine import Cancelled

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """How a task failed: one line for the reader and, for an expected error, the exception
    (for a caller that answers some errors with more than a message: a damaged database file)."""

    message: str
    error: BaseException | None = None  # None: an unexpected error (logged with its traceback)

    def __str__(self) -> str:
        return self.message


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
    """progress(float), finished(object), failed(Failure), cancelled(); exactly one of the last three."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class TaskHandle(Generic[T]):
    """What the caller keeps: the signals and a way to cancel (``T``: what the task returns)."""

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
        self,
        handle: TaskHandle[Any],
        fn: Callable[[TaskContext], Any],
        expected: tuple[type[BaseException], ...],
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
            sig.failed.emit(Failure(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, exc))
        except Exception as exc:
            log.exception("background task %s failed", self._handle.name)
            sig.failed.emit(Failure(f"Unexpected error in {self._handle.name}: {exc}"))
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
        self._running: list[TaskHandle[Any]] = []

    def start(
        self,
        name: str,
        fn: Callable[[TaskContext], T],
        *,
        finished: Callable[[T], object] | None = None,
        failed: Callable[[Failure], object] | None = None,
        progress: Callable[[float], object] | None = None,
        cancelled: Callable[[], object] | None = None,
    ) -> TaskHandle[T]:
        """Run ``fn(ctx)`` in the pool; the callbacks run on the GUI thread.

        ``finished`` gets what ``fn`` returned; ``failed`` a :class:`Failure` (its message, and
        the exception when it was one of the expected errors); ``cancelled`` nothing.
        """
        handle: TaskHandle[T] = TaskHandle(name)
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
        self._running.append(handle)
        self.pool.start(_Runnable(handle, fn, self._expected))
        return handle

    def _forget(self, handle: TaskHandle[Any]) -> None:
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
