"""Text no back end can hold (lone UTF-16 surrogates, NUL) is kept as U+FFFD, never lost.

A broken paste, a surrogate-escaped file name or a non-UTF-8 command-line byte gives Python
strings with lone surrogates: UTF-8 cannot encode them, and PostgreSQL text refuses NUL. The
store replaces each such character by U+FFFD, one for one (so claim offsets stay valid), and
counts the replacements on the row. Every case runs on a real SQLite file and on PostgreSQL.
"""

from __future__ import annotations

import json
import logging

import pytest

from factcheck_gui.engine import Comparison, SourceInfo, compare_texts
from factcheck_gui.store import (
    ReviewStore,
    UnknownChangeError,
    UnknownReviewError,
    UnknownVerdictError,
    fingerprint,
)

BAD = "\ud800"  # a lone high surrogate
FFFD = "\ufffd"

ORIGINAL = f"The mayor said the bridge would cost 40 million euros {BAD}. Work starts in March."
REWRITE = "The mayor said the bridge will cost 45 million euros. Work starts in March.\x00 Done."


def broken_comparison() -> Comparison:
    source = SourceInfo(kind="text", location=f"/home/ann/stor{BAD}y.txt", title=f"Bridge {BAD}")
    return compare_texts(
        ORIGINAL,
        REWRITE,
        original_name=f"stor{BAD}y.txt",
        rewrite_name="v2.txt",
        original_source=source,
    )


def assert_storable(text: str) -> None:
    text.encode("utf-8")  # raises on a surrogate
    assert "\x00" not in text


def test_a_review_with_unstorable_characters_is_stored_with_replacements(
    store: ReviewStore, caplog: pytest.LogCaptureFixture
) -> None:
    cmp = broken_comparison()
    with caplog.at_level(logging.WARNING, logger="factcheck_gui.store"):
        rid = store.create_review(cmp, title=f"Bridge {BAD} cost", reviewer=f"an{BAD}n")
    assert "replaced 7 character(s)" in caplog.text

    review = store.load_review(rid)
    # name 1 + location 1 + source title 1 + original text 1 + rewrite text (NUL) 1 + title 1
    # + reviewer 1
    assert review.summary.replaced_chars == 7
    assert review.title == f"Bridge {FFFD} cost"
    assert review.summary.reviewers == (f"an{FFFD}n",)
    stored = review.comparison
    # One for one: same length, same place, every offset still points at the same words.
    assert stored.original.text == ORIGINAL.replace(BAD, FFFD)
    assert stored.rewrite.text == REWRITE.replace("\x00", FFFD)
    assert stored.original.name == f"stor{FFFD}y.txt"
    assert stored.original.source.location == f"/home/ann/stor{FFFD}y.txt"
    assert stored.original.source.title == f"Bridge {FFFD}"
    for doc, raw in ((stored.original, cmp.original), (stored.rewrite, cmp.rewrite)):
        assert [(c.id, c.start, c.end) for c in doc.claims] == [(c.id, c.start, c.end) for c in raw.claims]
        assert all(doc.text[c.start : c.end] == c.text for c in doc.claims)
        assert_storable(json.dumps(doc.to_json(), ensure_ascii=False))
    assert [(c.id, c.kind) for c in stored.changes] == [(c.id, c.kind) for c in cmp.changes]
    # The fingerprint is the same before and after the replacement: carry-over still matches.
    assert [fingerprint(stored, c) for c in stored.changes] == [fingerprint(cmp, c) for c in cmp.changes]
    assert store.list_reviews()[0].replaced_chars == 7


def test_a_verdict_note_and_reviewer_with_unstorable_characters(store: ReviewStore) -> None:
    cmp = broken_comparison()
    rid = store.create_review(cmp, title="t", reviewer="ann")
    cid = next(c.id for c in cmp.changes if c.is_change)

    record = store.set_verdict(
        rid, cid, "Misleading", reviewer=f"b{BAD}ob", note=f"40 {BAD}→ 45\x00!", expected_version=0
    )
    assert (record.note, record.reviewer, record.replaced_chars) == (f"40 {FFFD}→ 45{FFFD}!", f"b{FFFD}ob", 3)
    assert store.verdict(rid, cid) == record

    again = store.set_note(rid, cid, f"checked {BAD}", reviewer="cat", expected_version=record.version)
    assert again.note == f"checked {FFFD}" and again.replaced_chars == 1
    cleared = store.set_verdict(rid, cid, None, reviewer="cat", expected_version=again.version)
    assert cleared.replaced_chars == 0

    history = store.history(rid, cid)
    assert [(h.action, h.new_note, h.reviewer, h.replaced_chars) for h in history] == [
        ("set", f"40 {FFFD}→ 45{FFFD}!", f"b{FFFD}ob", 3),
        ("note", f"checked {FFFD}", "cat", 1),
        ("cleared", f"checked {FFFD}", "cat", 0),
    ]
    assert history[1].old_note == f"40 {FFFD}→ 45{FFFD}!"
    # The same text typed again is the same stored text: no new history row.
    same = store.set_note(rid, cid, f"checked {BAD}", reviewer="cat", expected_version=cleared.version)
    assert same == cleared and len(store.history(rid, cid)) == 3


def test_lookups_and_scale_values_with_unstorable_characters(store: ReviewStore) -> None:
    cmp = broken_comparison()
    rid = store.create_review(cmp, title="t", reviewer="ann", scale=["True", f"Fa{BAD}lse"])
    cid = next(c.id for c in cmp.changes if c.is_change)
    assert store.load_review(rid).scale == ("True", f"Fa{FFFD}lse")
    # The value as the user typed it matches the value as it was stored.
    assert store.set_verdict(rid, cid, f"Fa{BAD}lse", reviewer="ann", expected_version=0).value == (
        f"Fa{FFFD}lse"
    )
    with pytest.raises(UnknownVerdictError) as err:
        store.set_verdict(rid, cid, f"Tr{BAD}ue", reviewer="ann", expected_version=1)
    assert_storable(str(err.value))
    with pytest.raises(UnknownChangeError) as change_err:
        store.verdict(rid, f"c{BAD}")
    assert_storable(str(change_err.value))
    with pytest.raises(UnknownChangeError):
        store.history(rid, f"c{BAD}")

    assert store.set_scale(rid, ["True", f"Sat{BAD}ire"]) == ("True", f"Sat{FFFD}ire")
    store.rename_review(rid, f"New {BAD} title")
    summary = store.load_review(rid).summary
    assert summary.title == f"New {FFFD} title" and summary.replaced_chars == 5 + 1  # texts + title
    store.set_ui_state(rid, {"search": f"cost {BAD}", f"k{BAD}": [BAD, 1]})
    assert store.get_ui_state(rid) == {"search": f"cost {FFFD}", f"k{FFFD}": [FFFD, 1]}


def test_carry_over_and_review_files_keep_the_replacements(store: ReviewStore) -> None:
    cmp = broken_comparison()
    first = store.create_review(cmp, title="v2", reviewer="ann")
    ids = [c.id for c in cmp.changes if c.is_change]
    store.set_verdict(first, ids[0], "Distorted", reviewer="ann", note=f"n{BAD}", expected_version=0)

    # The same broken texts compared again (not yet made storable) find the earlier review.
    again = broken_comparison()
    assert [(o.review_id, o.verdicts) for o in store.carry_over_candidates(again)] == [(first, 1)]
    second = store.create_review(again, title="again", reviewer="bob")
    assert store.carry_over(first, second, reviewer=f"b{BAD}ob") == 1
    carried = store.load_review(second)
    verdict = carried.verdicts[ids[0]]
    assert verdict.note == f"n{FFFD}" and verdict.replaced_chars == 1
    assert verdict.carried_from == f"review {first} change {ids[0]}"
    (entry,) = carried.history
    assert (entry.action, entry.reviewer, entry.replaced_chars) == ("carried", f"b{FFFD}ob", 2)

    # A review file (e.g. exported elsewhere) imports with its texts and counts as they are.
    copy = store.load_review(store.add_review(carried))
    assert copy.comparison == carried.comparison
    assert copy.verdicts == carried.verdicts and copy.history == carried.history
    assert copy.summary.replaced_chars == carried.summary.replaced_chars == 5  # names, texts


def test_one_review_summary_carries_the_replaced_count(store: ReviewStore) -> None:
    rid = store.create_review(broken_comparison(), title="t", reviewer="ann")
    other = store.create_review(compare_texts("Plain.", "Plain text."), title="u", reviewer="ann")
    assert store.review_summary(rid) == next(s for s in store.list_reviews() if s.id == rid)
    assert (store.review_summary(rid).replaced_chars, store.review_summary(other).replaced_chars) == (5, 0)
    with pytest.raises(UnknownReviewError):
        store.review_summary(rid + other + 100)
