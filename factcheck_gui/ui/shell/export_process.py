"""Run an export in a child process of the command-line program.

A worker thread is not enough to keep the window live while a long review is exported: the
writers spend long single calls holding Python's interpreter lock (``json.dumps`` of the whole
review, the csv module over every row, and Qt's text layout for the PDF, where PySide6 keeps
the lock and the first PDF of a session also loads and subsets fonts). On a 5,000-change review
that froze the window for 0.2–1 s. A child process shares no lock with the window. It runs
``factcheck export`` on the same database; the database URL goes through the environment,
never the command line, where other users could read a team database's password.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from factcheck_gui.engine import Cancelled
from factcheck_gui.exporters import ExportError


def can_run_in_child(db_url: str) -> bool:
    """False for an in-memory SQLite database, which a second process cannot see."""
    return not (db_url.startswith("sqlite") and db_url.rstrip("/").endswith(("sqlite:", ":memory:")))


class ExportProcessError(ExportError):
    """The child failed; the message is its one-line error."""


def cli_command() -> list[str]:
    """The `factcheck` program: the bundle's own executable when frozen, else this Python."""
    if getattr(sys, "frozen", False):
        name = "factcheck.exe" if sys.platform == "win32" else "factcheck"
        return [str(Path(sys.executable).with_name(name))]
    return [sys.executable, "-m", "factcheck_gui.cli"]


def export_in_child(
    db_url: str,
    review_id: int,
    fmt: str,
    path: Path,
    cancelled: Callable[[], bool] = lambda: False,
    poll_seconds: float = 0.05,
    publisher: dict[str, str] | None = None,
    said: list[str] | None = None,
) -> Path:
    """Write review ``review_id`` as ``fmt`` to ``path`` in a child process; wait for it here."""
    env = dict(os.environ, FACTCHECK_DB=db_url)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # the child shows no window
    command = [*cli_command(), "export", str(review_id), "--format", fmt, "-o", str(path)]
    if fmt == "claimreview" and publisher:  # who publishes it: the CLI refuses without
        for key, value in publisher.items():
            command += [f"--{key.replace('_', '-')}", value]
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashing on Windows
    with subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        creationflags=flags,
    ) as child:
        while child.poll() is None:
            if cancelled():
                child.kill()
                child.wait()
                raise Cancelled("export cancelled")
            time.sleep(poll_seconds)
        error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.returncode != 0:
        lines = [line for line in error.splitlines() if line.strip()]
        message = lines[-1] if lines else f"the export program stopped with status {child.returncode}"
        raise ExportProcessError(message.removeprefix("factcheck: "))
    if said is not None:  # what the exporter said (e.g. the ClaimReview items left out)
        said.extend(line.strip() for line in error.splitlines() if line.strip())
    return path
