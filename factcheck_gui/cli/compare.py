"""`factcheck compare ORIGINAL REWRITE [--format text|json|html] [-o FILE]`; with `--source`,
`factcheck compare REWRITE --source A [--source B …]` (:mod:`factcheck_gui.cli.sources`)."""

from __future__ import annotations

import argparse
import sys

from factcheck_gui.cli import sources
from factcheck_gui.cli.common import CliError, refuse_overwrite, write_output
from factcheck_gui.cli.render import render_html, render_json, render_text
from factcheck_gui.cli.text import inert_line
from factcheck_gui.engine import Comparison, compare_texts


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "compare",
        help="compare two versions of a story claim by claim",
        description="Compare ORIGINAL with REWRITE (paths: txt, md, html, docx, pdf, eml; a URL; or - for "
        "standard input) and print what happened to every claim. With --source: compare REWRITE "
        "against each SOURCE and say which source each claim came from.",
        usage="%(prog)s ORIGINAL REWRITE [options]\n       %(prog)s REWRITE --source SOURCE "
        "[--source SOURCE ...] [options]",
    )
    p.add_argument("original", metavar="ORIGINAL")
    p.add_argument("rewrite", metavar="REWRITE", nargs="?")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--all", action="store_true", help="text/html: also list unchanged claims")
    sources.add_arguments(p)
    p.set_defaults(func=run)


def load_pair(original: str, rewrite: str) -> Comparison:
    """Import both inputs (clear one-line errors, exit 2) and compare them."""
    from factcheck_gui.importers import ImportFailed, load_source

    if original == "-" and rewrite == "-":
        raise CliError("only one of ORIGINAL and REWRITE can be - (standard input)")
    docs = []
    for spec in (original, rewrite):
        try:
            docs.append(load_source(spec, stdin=sys.stdin.buffer if spec == "-" else None))
        except ImportFailed as exc:
            raise CliError(str(exc)) from None
    a, b = docs
    for d, spec in ((a, original), (b, rewrite)):
        if not d.text.strip():
            raise CliError(f"{spec}: no text to compare (the file is empty or whitespace only)")
    for d, spec in ((a, original), (b, rewrite)):
        for warning in d.source.warnings:  # (a guessed encoding, a PDF without text layer …)
            print(f"factcheck: warning: {inert_line(spec)}: {inert_line(warning)}", file=sys.stderr)
    return compare_texts(
        a.text,
        b.text,
        original_name=a.name,
        rewrite_name=b.name,
        original_source=a.source,
        rewrite_source=b.source,
    )


def run(args: argparse.Namespace) -> int:
    if args.source:
        return sources.run(args)
    if args.rewrite is None:
        raise CliError("the following arguments are required: REWRITE (or give REWRITE --source SOURCE)")
    # Before anything is read: `-o` onto an input would replace the story with the comparison.
    refuse_overwrite(args.output, inputs={"ORIGINAL": args.original, "REWRITE": args.rewrite})
    cmp = load_pair(args.original, args.rewrite)
    if args.format == "json":
        out = render_json(cmp)
    elif args.format == "html":
        out = render_html(cmp, show_all=args.all)
    else:
        out = render_text(cmp, show_all=args.all)
    write_output(out, args.output)
    return 0
