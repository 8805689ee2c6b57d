"""`factcheck`: the headless command line (compare, review, export). Never imports Qt widgets."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from factcheck_gui import version_line
from factcheck_gui.cli import compare, export, review
from factcheck_gui.cli.common import CliError
from factcheck_gui.cli.render import inert_line


class _Parser(argparse.ArgumentParser):
    """argparse with the contract's error form: one line on stderr, exit status 2 (no usage block).

    The message may quote an argument (a file name, a mistyped value): its control characters
    and line breaks are shown as visible escapes, never sent to the terminal.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {inert_line(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck",
        description="Compare two versions of a story claim by claim and keep a review log.",
    )
    parser.add_argument("--version", action="version", version=version_line("factcheck"))
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def _command_modules() -> list:  # type: ignore[type-arg]
    return [compare, review, export]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
