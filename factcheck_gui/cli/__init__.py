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


# Options whose value is free text a person types (a note may well start with a dash).
_FREE_TEXT = ("--note", "--title", "--reviewer")


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of ``parser`` and of its commands."""
    found: set[str] = set()
    for action in parser._actions:
        found.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _option_strings(sub)
    return found


def _free_text_values(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``--note -5 % overstated`` read as the note it is: argparse takes a value that starts
    with a dash for an option and stops with "expected one argument". Such a value is joined
    to its option (``--note=...``) unless it is itself one of the options."""
    known: set[str] | None = None
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        value = argv[i + 1] if i + 1 < len(argv) else None
        if arg == "--":
            out.extend(argv[i:])
            break
        if arg in _FREE_TEXT and value is not None and value.startswith("-") and value != "-":
            if known is None:
                known = _option_strings(parser)
            if value.split("=", 1)[0] not in known:
                out.append(f"{arg}={value}")
                i += 2
                continue
        out.append(arg)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    argv = _free_text_values(argv, parser)
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
