"""`factcheck review new|list|show|verdict`: the review store from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from factcheck_gui.cli.common import CliError, write_output
from factcheck_gui.cli.text import inert, inert_line, plural
from factcheck_gui.review.reviewer import default_reviewer
from factcheck_gui.store.errors import CorruptDatabaseError, StoreError
from factcheck_gui.store.records import Review, ReviewSummary, VerdictRecord

# The store (SQLAlchemy) and the engine are imported where a command needs them: `review list`
# of a current local database needs neither (factcheck_gui.store.listing).
if TYPE_CHECKING:
    from factcheck_gui.store import ReviewStore


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("review", help="create, list, show and decide reviews in the review database")
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    def db_args(q: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
        q.add_argument(
            "--db",
            metavar="URL",
            help="database URL or SQLite path (default: $FACTCHECK_DB, "
            "else reviews.sqlite3 in the user data folder)",
        )
        if json_flag:
            q.add_argument("--json", action="store_true", help="print JSON instead of text")

    new = rsub.add_parser(
        "new",
        help="compare two versions and store them as a new review; prints its id",
        usage="%(prog)s ORIGINAL REWRITE [options]\n       %(prog)s REWRITE --source SOURCE "
        "[--source SOURCE ...] [options]",
    )
    new.add_argument("original", metavar="ORIGINAL")
    new.add_argument("rewrite", metavar="REWRITE", nargs="?")
    new.add_argument(
        "--source",
        action="append",
        metavar="SOURCE",
        help="a review of REWRITE against this source (repeat for several, up to 10); "
        "then give REWRITE alone",
    )
    new.add_argument("--title", default="", help="review title (default: the two file names)")
    new.add_argument("--reviewer", help="your name (default: $FACTCHECK_REVIEWER or your login)")
    db_args(new)
    new.set_defaults(func=run_new)

    lst = rsub.add_parser("list", help="list the reviews, newest first")
    db_args(lst)
    lst.set_defaults(func=run_list)

    show = rsub.add_parser("show", help="a review's changes with their ids, kinds, flags and verdicts")
    show.add_argument("review_id", metavar="REVIEW_ID", type=_review_id)
    show.add_argument("--all", action="store_true", help="text: also list unchanged claims")
    db_args(show)
    show.set_defaults(func=run_show)

    verdict = rsub.add_parser("verdict", help="record a verdict on one change (saved at once, with history)")
    verdict.add_argument("review_id", metavar="REVIEW_ID", type=_review_id)
    verdict.add_argument("change_id", metavar="CHANGE_ID")
    verdict.add_argument(
        "verdict", metavar="VERDICT", help="a value of the review's scale (case does not matter)"
    )
    verdict.add_argument("--note", help="a note to keep with the verdict")
    verdict.add_argument("--reviewer", help="your name (default: $FACTCHECK_REVIEWER or your login)")
    db_args(verdict)
    verdict.set_defaults(func=run_verdict)

    link = rsub.add_parser(
        "link",
        help="link a removed and an added claim the engine left apart as one claim (their word "
        "diff and fact flags worked out as the engine's; `review unlink` undoes it)",
    )
    link.add_argument("review_id", metavar="REVIEW_ID", type=_review_id)
    link.add_argument("first", metavar="CHANGE_ID", help="the removed claim's change (or the added one's)")
    link.add_argument(
        "second",
        metavar="OTHER_CHANGE_ID",
        nargs="?",
        help="the other one (left out: list the likeliest ones, nothing is linked)",
    )
    link.add_argument("--reviewer", help="your name (default: $FACTCHECK_REVIEWER or your login)")
    db_args(link)
    link.set_defaults(func=run_link)

    unlink = rsub.add_parser("unlink", help="take a change linked by hand apart into the two it was")
    unlink.add_argument("review_id", metavar="REVIEW_ID", type=_review_id)
    unlink.add_argument("change_id", metavar="CHANGE_ID")
    unlink.add_argument("--reviewer", help="your name (default: $FACTCHECK_REVIEWER or your login)")
    db_args(unlink)
    unlink.set_defaults(func=run_unlink)


def _review_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a review id: {value!r} (a number from `factcheck review list`)"
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a review id: {value!r}")
    return number


@contextmanager
def opened(db: str | None, *, write: bool = False) -> Iterator[ReviewStore]:
    """The store for ``--db``; every store error becomes one line and exit status 2.

    A database that can only be read (a read-only file or folder) is refused at once for a
    command that writes (``write``); a command that reads says once, on standard error, that
    verdicts cannot be saved there, and goes on.
    """
    from factcheck_gui.store import ReviewStore, resolve_db_url
    from factcheck_gui.store.database import check_folder

    try:
        url = resolve_db_url(db)
        check_folder(url)
        with ReviewStore.open(url) as store:
            if store.read_only_reason is not None:
                if write:
                    raise CliError(inert(store.read_only_reason))
                print(f"factcheck: note: {inert_line(store.read_only_reason)}", file=sys.stderr)
            yield store
    except CorruptDatabaseError as exc:
        if exc.fresh_path is not None:
            raise CliError(
                inert(f"{exc}; a new database was started beside it: --db {exc.fresh_path}")
            ) from None
        raise CliError(inert(f"{exc} (choose another file with --db)")) from None
    except StoreError as exc:  # may quote stored text (a scale value, a title): see inert()
        raise CliError(inert(str(exc))) from None


def iso(value: Any) -> str:
    return value.isoformat(timespec="seconds") if value is not None else ""


def verdict_json(v: VerdictRecord | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "value": v.value,
        "note": v.note,
        "reviewer": v.reviewer,
        "time": iso(v.decided_at),
        "version": v.version,
        "carried_from": v.carried_from,
        # Characters the store could not keep (lone surrogates, NUL), shown as U+FFFD.
        "replaced_chars": v.replaced_chars,
    }


def summary_json(s: ReviewSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "status": s.status,
        "created": iso(s.created_at),
        "updated": iso(s.updated_at),
        "reviewers": list(s.reviewers),
        "original": s.original_name,
        "rewrite": s.rewrite_name,
        "changes": s.total_changes,
        "reviewed": s.reviewed_changes,
        "replaced_chars": s.replaced_chars,
        # A several-source review: its sources' names, in order ([] for a pair review).
        "sources": list(s.source_names),
    }


def run_new(args: argparse.Namespace) -> int:
    from factcheck_gui.cli.compare import load_pair
    from factcheck_gui.review.opening import store_review

    if args.source:
        from factcheck_gui.cli.sources import checked_sources, load_sources
        from factcheck_gui.engine.sources.projection import project
        from factcheck_gui.engine.types import Comparison

        checked_sources(args.original, args.rewrite, list(args.source))
        cmp: Comparison = project(load_sources(args.original, list(args.source)))
    elif args.rewrite is None:
        raise CliError("the following arguments are required: REWRITE (or give REWRITE --source SOURCE)")
    else:
        cmp = load_pair(args.original, args.rewrite)
    with opened(args.db, write=True) as store:
        rid, _title = store_review(
            store, cmp, reviewer=default_reviewer(args.reviewer or ""), title=args.title
        )
        summary = store.review_summary(rid)
    if args.json:
        write_output(
            json.dumps({**summary_json(summary), "database": store.display_name}, ensure_ascii=False), None
        )
    else:
        write_output(str(rid), None)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from factcheck_gui.store.listing import list_current_sqlite, local_file

    path = local_file(args.db)
    reviews = list_current_sqlite(path) if path is not None else None
    if reviews is None:  # not a current local database with reviews: the store opens it
        with opened(args.db) as store:
            reviews = store.list_reviews()
        if not reviews and not args.json:
            write_output(f"no reviews yet in {inert(store.display_name)}", None)
            return 0
    if args.json:
        write_output(json.dumps([summary_json(s) for s in reviews], ensure_ascii=False, indent=1), None)
        return 0
    lines = [f"{'ID':>4}  {'STATUS':6}  {'DONE':>7}  {'UPDATED':16}  TITLE"]
    for s in reviews:
        done = f"{s.reviewed_changes}/{s.total_changes}"
        updated = s.updated_at.strftime("%Y-%m-%d %H:%M")
        lines.append(f"{s.id:>4}  {inert(s.status):6}  {done:>7}  {updated:16}  {inert(s.title)}")
    write_output("\n".join(lines), None)
    return 0


def show_json(review: Review) -> dict[str, Any]:
    from factcheck_gui.engine.sources.projection import sourced
    from factcheck_gui.engine.types import CONTRACT_FLAG_TYPES, other_flags_json

    cmp = review.comparison
    several = sourced(cmp)
    return {
        **summary_json(review.summary),
        "engine": review.engine_version,
        "scale": list(review.scale),
        "changes": [
            {
                "id": c.id,
                "kind": c.kind.value,
                "needs_review": c.is_change,
                "original": cmp.text_of(c, "original"),
                "rewrite": cmp.text_of(c, "rewrite"),
                "original_claims": list(c.original),
                "rewrite_claims": list(c.rewrite),
                "similarity": round(c.similarity, 4),
                "flags": [f.to_json() for f in c.flags if f.type.value in CONTRACT_FLAG_TYPES],
                "other_flags": other_flags_json(c.flags),
                "verdict": verdict_json(review.verdicts.get(c.id)),
                **({"from": list(several.from_names(c))} if several is not None else {}),
            }
            for c in cmp.changes
        ],
    }


def run_show(args: argparse.Namespace) -> int:
    with opened(args.db) as store:
        try:
            review = store.load_review(args.review_id)
        except StoreError as exc:
            raise CliError(inert(str(exc))) from None
    if args.json:
        write_output(json.dumps(show_json(review), ensure_ascii=False, indent=1), None)
        return 0
    # Everything stored is shown through inert(): a review file imported from elsewhere may
    # carry terminal escape sequences in any of its texts, the scale and the ids included.
    s = review.summary
    done = f"{s.reviewed_changes}/{s.total_changes} reviewed"
    out = [
        f"review {s.id}: {inert(s.title)}  [{inert(s.status)}]  {done}",
        f"{inert(s.original_name)} → {inert(s.rewrite_name)}   scale: {inert(' · '.join(review.scale))}",
        "",
    ]
    cmp = review.comparison
    from factcheck_gui.engine.sources.projection import sourced

    several = sourced(cmp)
    hidden = 0
    for c in cmp.changes:
        if not c.is_change and not args.all:
            hidden += 1
            continue
        v = review.verdicts.get(c.id)
        decided = "no verdict"
        if v is not None and v.value is not None:
            decided = f"{inert(v.value)} ({inert(v.reviewer)}, {v.decided_at:%Y-%m-%d %H:%M}"
            decided += f", carried from {inert(v.carried_from)})" if v.carried_from else ")"
        flags = ", ".join(f.type.value for f in c.flags)
        hand = " (linked by hand)" if c.by_hand else ""
        out.append(f"{inert(c.id)}  {c.kind.value}{hand}{f'  [{flags}]' if flags else ''}  — {decided}")
        if several is not None:
            out.append(f"   {inert(several.from_line(c))}")
        for side, mark in (("original", "-"), ("rewrite", "+")):
            text = cmp.text_of(c, side)
            if text:
                out.append(f"   {mark} {inert(text)}")
        for f in c.flags:
            out.append(f"   ! {inert(f.message)}")
        if v is not None and v.note:
            out.append(f"   note: {inert(v.note)}")
    if hidden:
        out.append(f"({plural(hidden, 'unchanged claim')} not shown; --all shows them)")
    write_output("\n".join(out), None)
    return 0


def run_verdict(args: argparse.Namespace) -> int:
    with opened(args.db, write=True) as store:
        try:
            review = store.load_review(args.review_id)
            value = match_scale(args.verdict, review.scale)
            current = review.verdicts.get(args.change_id)
            record = store.set_verdict(
                args.review_id,
                args.change_id,
                value,
                reviewer=default_reviewer(args.reviewer or ""),
                note=args.note,
                expected_version=current.version if current else 0,
            )
        except StoreError as exc:
            raise CliError(inert(str(exc))) from None
    if args.json:
        write_output(json.dumps(verdict_json(record), ensure_ascii=False), None)
    else:
        write_output(
            f"review {args.review_id} {inert(args.change_id)}: {inert(str(record.value))} "
            f"(version {record.version})",
            None,
        )
    return 0


def run_link(args: argparse.Namespace) -> int:
    if args.second is None:
        return _link_candidates(args)
    with opened(args.db, write=True) as store:
        try:
            linked = store.link_changes(
                args.review_id, args.first, args.second, reviewer=default_reviewer(args.reviewer or "")
            )
        except StoreError as exc:
            raise CliError(inert(str(exc))) from None
    if args.json:
        write_output(json.dumps(linked.to_json(), ensure_ascii=False), None)
    else:
        lines = [
            f"review {args.review_id}: {linked.id} {linked.kind.value} {', '.join(linked.original)} → "
            f"{', '.join(linked.rewrite)} (similarity {linked.similarity:.2f}), linked by hand"
        ]
        lines += [f"  ! {f.type.value}: {inert(f.message)}" for f in linked.flags]
        write_output("\n".join(lines), None)
    return 0


def _link_candidates(args: argparse.Namespace) -> int:
    """`review link REVIEW_ID CHANGE_ID`: the changes it may be linked with, likeliest first."""
    from factcheck_gui.engine.handlink import LinkError, link_candidates, one_sided
    from factcheck_gui.engine.types import ChangeKind, claim_index

    with opened(args.db) as store:
        try:
            comparison = store.load_review(args.review_id).comparison
        except StoreError as exc:
            raise CliError(inert(str(exc))) from None
    try:
        change = one_sided(comparison, args.first)
    except LinkError as exc:
        raise CliError(inert(str(exc))) from None
    found = link_candidates(comparison, change.id)
    if args.json:
        rows = [
            {
                "change": c.id,
                "kind": c.kind.value,
                "claims": list(c.original or c.rewrite),
                "similarity": round(sim, 4),
            }
            for c, sim in found
        ]
        write_output(json.dumps(rows, ensure_ascii=False), None)
        return 0
    other = "added" if change.kind is ChangeKind.REMOVED else "removed"
    if not found:
        write_output(f"review {args.review_id}: no {other} claim near {change.id}", None)
        return 0
    lines = [f"review {args.review_id}: {change.id} ({change.kind.value}) may be one claim with:"]
    for c, sim in found:
        doc, ids = (comparison.original, c.original) if c.original else (comparison.rewrite, c.rewrite)
        said = " ".join(" ".join(doc.claims[claim_index(i)].text.split()) for i in ids)
        shown = said if len(said) <= 70 else said[:70].rsplit(" ", 1)[0] + "…"
        lines.append(f"  {c.id}  {', '.join(ids)}  similarity {sim:.2f}  “{inert(shown)}”")
    lines.append(f"(link one: factcheck review link {args.review_id} {change.id} OTHER_CHANGE_ID)")
    write_output("\n".join(lines), None)
    return 0


def run_unlink(args: argparse.Namespace) -> int:
    with opened(args.db, write=True) as store:
        try:
            parts = store.unlink_change(
                args.review_id, args.change_id, reviewer=default_reviewer(args.reviewer or "")
            )
        except StoreError as exc:
            raise CliError(inert(str(exc))) from None
    if args.json:
        write_output(json.dumps([p.to_json() for p in parts], ensure_ascii=False), None)
    else:
        shown = " and ".join(f"{p.id} ({p.kind.value})" for p in parts)
        write_output(f"review {args.review_id}: {inert(args.change_id)} taken apart into {shown}", None)
    return 0


def match_scale(given: str, scale: tuple[str, ...]) -> str:
    """The scale value meant, ignoring case and extra spaces; the original text if none matches."""
    wanted = " ".join(given.split()).casefold()
    for value in scale:
        if value.casefold() == wanted:
            return value
    return given  # the store then explains which values exist
