"""`factcheck export REVIEW_ID --format …` and `factcheck import-review FILE`.

Without ``-o`` the text formats go to standard output; a PDF goes there only when standard
output is not a terminal (a pipe or a redirect), never as binary noise on a screen.

``--only-changed-or-added`` (csv, md, html, pdf) lists only the changes that change or add
something. ``--format claimreview`` needs ``--organisation`` and ``--review-url`` (and takes
``--reviewer-name`` and ``--organisation-url``); each not given is read from its environment
variable (:data:`PUBLISHER_ENV`: ``FACTCHECK_ORGANISATION``, ``FACTCHECK_REVIEW_URL``, …), and a
value given on the command line, even an empty one, wins. Without the organisation or the
review URL the export is refused before the database is opened. What an export left out
(ClaimReview: the changes without a rating) is said in one line on standard error, which stays
free of the export itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from factcheck_gui.cli.common import CliError, refuse_overwrite
from factcheck_gui.exporters import (
    BINARY_FORMATS,
    FORMATS,
    ClaimReviewPublisher,
    ExportError,
    ExportOptions,
    OutputPathError,
    PublisherMissing,
    check_options,
    export_review_result,
    write_review,
)
from factcheck_gui.exporters.jsonfile import (
    ReviewFileError,
    parse_review_file,
    read_capped,
    read_review_file,
)

if TYPE_CHECKING:
    from factcheck_gui.store import ReviewStore
    from factcheck_gui.store.records import Review


# The ClaimReview publisher options, each read from the environment when not given:
# (option destination, option, metavar, environment variable).
PUBLISHER_ENV = (
    ("organisation", "--organisation", "NAME", "FACTCHECK_ORGANISATION"),
    ("review_url", "--review-url", "URL", "FACTCHECK_REVIEW_URL"),
    ("reviewer_name", "--reviewer-name", "NAME", "FACTCHECK_REVIEWER_NAME"),
    ("organisation_url", "--organisation-url", "URL", "FACTCHECK_ORGANISATION_URL"),
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``export`` and ``import-review`` sub-commands."""
    p = sub.add_parser(
        "export",
        help="export a review log (CSV, JSON, Markdown, HTML, PDF, ClaimReview, audit trail)",
        description="Export review REVIEW_ID. csv: one row per change; json: the whole review "
        "(import-review loads it back); md/html/pdf: a readable report; claimreview: schema.org "
        "JSON-LD for the changes with a rating (needs --organisation and --review-url, or "
        "FACTCHECK_ORGANISATION and FACTCHECK_REVIEW_URL in the environment); "
        "audit: every verdict change (CSV).",
    )
    p.add_argument("review_id", metavar="REVIEW_ID", type=_review_id)
    p.add_argument("--format", required=True, choices=FORMATS, metavar="{" + ",".join(FORMATS) + "}")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (replaced only once complete)")
    p.add_argument("--db", metavar="URL", help="database URL (default: FACTCHECK_DB or the user's database)")
    p.add_argument(
        "--only-changed-or-added",
        action="store_true",
        help="csv, md, html, pdf: list only the changes that change or add something, leaving out "
        "removed claims, shorter restatements and the facts the rewrite only leaves out",
    )
    cr = p.add_argument_group(
        "ClaimReview (--format claimreview)",
        "Each option not given is read from the environment variable named with it.",
    )
    helps = {
        "organisation": "the organisation publishing the fact check (required)",
        "review_url": "the web address of the page publishing the review (required)",
        "reviewer_name": "the reviewer's name as published",
        "organisation_url": "the organisation's web address",
    }
    for dest, option, metavar, env in PUBLISHER_ENV:
        cr.add_argument(option, metavar=metavar, default=None, help=f"{helps[dest]}; default: ${env}")
    p.set_defaults(func=run_export)

    q = sub.add_parser(
        "import-review",
        help="load a review file (from `export --format json`) into the database",
        description="Load a JSON review file written by `factcheck export --format json` into the "
        "database as a new review, with its verdicts and history; prints the new review id.",
    )
    q.add_argument("file", metavar="FILE", help="the review file, or - for standard input")
    q.add_argument("--db", metavar="URL", help="database URL (default: FACTCHECK_DB or the user's database)")
    q.set_defaults(func=run_import)


def _review_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a review id: {text!r} (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a review id: {text!r} (a whole number)")
    return value


def _open_store(db: str | None) -> ReviewStore:
    from factcheck_gui.store import ReviewStore, StoreError, resolve_db_url
    from factcheck_gui.store.database import check_folder

    try:
        url = resolve_db_url(db)
        check_folder(url)
        return ReviewStore.open(url)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _database_path(db: str | None) -> Path | None:
    """The SQLite file ``--db`` (or its default) names; None for PostgreSQL or a URL that is no
    database (opening it then reports the problem)."""
    from factcheck_gui.store import StoreError, resolve_db_url
    from factcheck_gui.store.database import parse_url, sqlite_path

    try:
        return sqlite_path(parse_url(resolve_db_url(db)))
    except StoreError:
        return None


def run_export(args: argparse.Namespace, stdout: IO[bytes] | None = None) -> int:
    """Load the review and write it in the chosen format to ``-o FILE`` or standard output."""
    from factcheck_gui.store import StoreError

    out = stdout if stdout is not None else sys.stdout.buffer
    options = _options(args)
    to_stdout = not args.output or args.output == "-"
    if to_stdout and args.format in BINARY_FORMATS and _is_terminal(out):
        raise CliError(
            f"not writing a {args.format.upper()} to the terminal: use -o FILE or redirect the output"
        )
    # Before the database is opened: `-o` onto it (or its -wal/-shm/-journal) would lose every review.
    refuse_overwrite(args.output, database=_database_path(args.db))
    store = _open_store(args.db)
    try:
        review = store.load_review(args.review_id)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()
    try:
        if to_stdout:
            result = write_review(review, args.format, out, options)
            out.flush()
        else:
            result = export_review_result(review, args.format, args.output, options)
    except OutputPathError as exc:  # a folder, a missing folder, no permission: bad usage
        raise CliError(str(exc)) from None
    except ExportError as exc:
        raise CliError(str(exc), status=1) from None
    if result.message:  # what was left out, on standard error: standard output may be the export
        print(result.message, file=sys.stderr)
    return 0


def _options(args: argparse.Namespace) -> ExportOptions:
    """The export options from the command line; a ClaimReview without its publisher, or
    --only-changed-or-added on a format that is always complete, is refused here (bad usage),
    before the database is opened."""
    publisher = None
    if args.format == "claimreview":
        values, from_env = _publisher_values(args)
        publisher = ClaimReviewPublisher(**values)
        try:
            publisher.check()
        except PublisherMissing as exc:
            asks = {
                "the organisation's name": "--organisation NAME (or set FACTCHECK_ORGANISATION)",
                "the review URL": "--review-url URL (or set FACTCHECK_REVIEW_URL)",
            }
            raise CliError(f"{exc}: give {' and '.join(asks[m] for m in exc.missing)}") from None
        except ExportError as exc:
            labels = {"review_url": "the review URL ", "organisation_url": "the organisation URL "}
            where = [
                env
                for dest, _o, _m, env in PUBLISHER_ENV
                if dest in from_env and labels.get(dest, "\0") in str(exc)
            ]
            said = f" (from {where[0]})" if where else ""
            raise CliError(f"{exc}{said}") from None
    options = ExportOptions(changed_or_added_only=args.only_changed_or_added, publisher=publisher)
    try:
        check_options(args.format, options)  # as the export will, before anything is opened
    except ExportError as exc:
        raise CliError(
            f"--only-changed-or-added: {exc}" if args.only_changed_or_added else str(exc)
        ) from None
    return options


def _publisher_values(args: argparse.Namespace) -> tuple[dict[str, str], set[str]]:
    """The ClaimReview publisher fields: each option given, else its environment variable
    (stripped; "" when neither); and which of them came from the environment."""
    values: dict[str, str] = {}
    from_env: set[str] = set()
    for dest, _option, _metavar, env in PUBLISHER_ENV:
        given = getattr(args, dest, None)
        if given is None:
            given = os.environ.get(env, "")
            from_env.add(dest)
        values[dest] = given.strip()
    return values, from_env


def _is_terminal(stream: IO[bytes]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def load_review_file(spec: str) -> Review:
    """Read and check a review file (``-`` is standard input); :class:`CliError` when unusable."""
    try:
        if spec == "-":
            return parse_review_file(read_capped(sys.stdin.buffer, "standard input"), "standard input")
        return read_review_file(Path(spec), spec)
    except OSError as exc:  # standard input closed or unreadable
        raise CliError(f"cannot read {spec}: {exc.strerror or exc}") from None
    except ReviewFileError as exc:
        raise CliError(str(exc)) from None


def run_import(args: argparse.Namespace) -> int:
    """Insert the review file as a new review and print its id."""
    from factcheck_gui.store import StoreError

    review = load_review_file(args.file)
    store = _open_store(args.db)
    try:
        new_id = store.add_review(review)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()
    print(new_id)
    return 0
