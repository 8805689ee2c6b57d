"""`factcheck`: the headless command line (compare, review, export). Never imports Qt widgets."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from factcheck_gui import version_line
from factcheck_gui.cli.common import CliError
from factcheck_gui.cli.text import inert_line

# Each command's module, imported only when that command runs: `compare` needs the engine and
# the importers, `review`/`export` SQLAlchemy and the exporters; `--version` needs none of it.
_COMMANDS = {"compare": "compare", "review": "review", "export": "export", "import-review": "export"}


class _Parser(argparse.ArgumentParser):
    """argparse with the contract's error form: one line on stderr, exit status 2 (no usage block).

    The message may quote an argument (a file name, a mistyped value): its control characters
    and line breaks are shown as visible escapes, never sent to the terminal.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {inert_line(message)} (see {self.prog} --help)\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, only the modules of the command they name are loaded."""
    parser = _Parser(
        prog="factcheck",
        description="Compare two versions of a story claim by claim and keep a review log.",
    )
    parser.add_argument("--version", action="version", version=version_line("factcheck"))
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules(argv):
        module.register(sub)
    return parser


def _command_modules(argv: Sequence[str] | None = None) -> list[ModuleType]:
    words = [a for a in argv or () if not a.startswith("-")]
    if argv is not None and not words and any(a in ("--version", "-V") for a in argv):
        names: list[str] = []
    elif words and words[0] in _COMMANDS:
        names = [_COMMANDS[words[0]]]
    else:  # no command or an unknown one: every command, for --help and the error message
        names = ["compare", "review", "export"]
    return [importlib.import_module(f"factcheck_gui.cli.{n}") for n in names]


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage with its own one-line message
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        # Messages name files and URLs as given: a newline, ESC or BEL in a name is shown escaped.
        print(f"factcheck: {inert_line(str(exc))}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(
            f"factcheck: unexpected error: {type(exc).__name__}: {inert_line(first)} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
