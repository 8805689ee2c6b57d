"""Who is reviewing: one rule for the window and the command line."""

from __future__ import annotations

import getpass
import os

UNKNOWN = "unknown"


def default_reviewer(chosen: str = "") -> str:
    """The name verdicts are recorded under.

    The name the reader chose (the CLI's ``--reviewer``, the name set in the app's settings),
    else ``$FACTCHECK_REVIEWER``, else the login name, else "unknown" (a container without one).
    """
    for name in (chosen, os.environ.get("FACTCHECK_REVIEWER", "")):
        if name.strip():
            return name.strip()
    try:
        login = getpass.getuser().strip()
    except (OSError, KeyError):
        login = ""
    return login or UNKNOWN
