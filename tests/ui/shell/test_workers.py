"""Workers: a task's result, or one failure with its message and (expected) exception."""

from __future__ import annotations

from factcheck_gui.ui.shell.workers import Failure, TaskContext, Workers


class Refused(Exception):
    pass


def test_a_task_returns_its_result_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    workers = Workers(expected=(Refused,))
    got: list[int] = []
    handle = workers.start("adding", lambda ctx: 20 + 22, finished=got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert handle.done and not workers.busy()
    workers.shutdown()


def test_an_expected_error_fails_once_with_its_exception(qtbot) -> None:  # type: ignore[no-untyped-def]
    workers = Workers(expected=(Refused,))
    failures: list[Failure] = []

    def job(ctx: TaskContext) -> int:
        raise Refused("the database is read-only\nmore detail")

    workers.start(
        "writing", job, finished=lambda _r: failures.append(Failure("finished?")), failed=failures.append
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    qtbot.wait(50)
    assert len(failures) == 1
    assert failures[0].message == "the database is read-only"  # one line for the reader
    assert isinstance(failures[0].error, Refused)
    workers.shutdown()


def test_an_unexpected_error_is_named_without_its_exception(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    workers = Workers(expected=(Refused,))
    failures: list[Failure] = []

    def job(ctx: TaskContext) -> int:
        raise KeyError("boom")

    workers.start("counting", job, failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].message.startswith("Unexpected error in counting")
    assert failures[0].error is None
    workers.shutdown()
