"""Helpers every `factcheck` sub-command shares: errors, input loading, output writing."""

from __future__ import annotations

import sys
from typing import IO


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status ``status`` (2 by default)."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write ``path`` atomically (temp file + rename, never half a file).

    The file is written like every export (:func:`factcheck_gui.exporters.common.write_atomic`):
    a new file gets the umask's usual mode, a replaced one keeps its own. A path that cannot take
    the file is bad usage (exit status 2); a failed write (disk full) exits 1.
    """
    if not path or path == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    # Imported here: the exporters pull in the store's records, which `compare` to stdout never needs.
    from factcheck_gui.exporters.common import ExportError, OutputPathError, write_atomic

    data = text.encode("utf-8")

    def produce(stream: IO[bytes]) -> None:
        stream.write(data)

    try:
        write_atomic(path, produce)
    except OutputPathError as exc:
        raise CliError(str(exc)) from None
    except ExportError as exc:
        raise CliError(str(exc), status=1) from None
