"""Frozen entry point of both programs: `factcheck` (console) and `factcheck-gui` (desktop).

The bundle runs this as ``__main__``; the name the program was started under picks which one
runs. On Linux that lets `factcheck` be a symlink to the `factcheck-gui` executable (one copy
of the code archive instead of two); on Windows and macOS they are two executables built from
this same script.
"""

import sys
from pathlib import Path


def _program_name(argv0: str) -> str:
    name = Path(argv0).name.lower()
    return name[: -len(".exe")] if name.endswith(".exe") else name


if __name__ == "__main__":
    if _program_name(sys.argv[0]) == "factcheck":
        from factcheck_gui.cli import main
    else:
        from factcheck_gui.app import main
    sys.exit(main())
