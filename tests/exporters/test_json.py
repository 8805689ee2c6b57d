"""The JSON review file: valid whatever the story holds, lossless field by field, checked on load."""

from __future__ import annotations

import copy
import json
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from factcheck_gui.exporters import ExportError, render_review, review_from_json, review_to_json
from factcheck_gui.exporters.jsonfile import SCHEMA
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import Review


def assert_same_review(a: Review, b: Review) -> None:
    """Field by field, so a failure names the field that was lost."""
    for f in fields(a.summary):
        assert getattr(a.summary, f.name) == getattr(b.summary, f.name), f"summary.{f.name}"
    assert a.scale == b.scale and a.engine_version == b.engine_version
    ca, cb = a.comparison, b.comparison
    assert ca.engine == cb.engine
    for side in ("original", "rewrite"):
        da, db = getattr(ca, side), getattr(cb, side)
        assert (da.name, da.text, da.source) == (db.name, db.text, db.source), side
        assert da.claims == db.claims, f"{side} claims"
    assert len(ca.changes) == len(cb.changes)
    for x, y in zip(ca.changes, cb.changes, strict=True):
        for f in fields(x):
            assert getattr(x, f.name) == getattr(y, f.name), f"change {x.id}.{f.name}"
    assert a.verdicts.keys() == b.verdicts.keys()
    for cid, v in a.verdicts.items():
        for f in fields(v):
            assert getattr(v, f.name) == getattr(b.verdicts[cid], f.name), f"verdict {cid}.{f.name}"
    assert len(a.history) == len(b.history)
    for i, (h, k) in enumerate(zip(a.history, b.history, strict=True)):
        for f in fields(h):
            assert getattr(h, f.name) == getattr(k, f.name), f"history[{i}].{f.name}"
    assert a == b


def with_replaced_chars(review: Review) -> Review:
    """``review`` with a distinct non-zero ``replaced_chars`` on the summary, every verdict and
    every history row: a field dropped on the way out would come back as its default, 0."""
    return replace(
        review,
        summary=replace(review.summary, replaced_chars=5),
        verdicts={
            cid: replace(v, replaced_chars=10 + i) for i, (cid, v) in enumerate(review.verdicts.items())
        },
        history=tuple(replace(h, replaced_chars=20 + i) for i, h in enumerate(review.history)),
    )


def test_hand_review_round_trips_losslessly_through_bytes(hand: Review) -> None:
    hand = with_replaced_chars(hand)
    data = render_review(hand, "json")
    text = data.decode("utf-8")  # always valid UTF-8, even with a lone surrogate in the story
    assert "\\ud800" in text and "\\u0007" in text and "\\u0000" in text
    loaded = json.loads(text)
    assert loaded["schema"] == SCHEMA == "factcheck.review/1"
    # Every field of every record is in the file (none left to its default on the way back).
    assert set(loaded["review"]) == {f.name for f in fields(hand.summary)}
    for key, records in (("verdicts", list(hand.verdicts.values())), ("history", list(hand.history))):
        assert [set(r) for r in loaded[key]] == [{f.name for f in fields(r)} for r in records], key
    assert loaded["review"]["replaced_chars"] == 5
    assert [v["replaced_chars"] for v in loaded["verdicts"]] == [10, 11, 12]
    assert [h["replaced_chars"] for h in loaded["history"]] == [20, 21, 22]
    back = review_from_json(loaded)
    assert_same_review(hand, back)
    assert back.summary.replaced_chars == 5
    assert [v.replaced_chars for v in back.verdicts.values()] == [10, 11, 12]
    assert [h.replaced_chars for h in back.history] == [20, 21, 22]
    assert back.comparison.changes[0].similarity == 0.712345678901  # not rounded
    assert "\ud800" in back.comparison.original.text


def test_store_review_round_trips_and_imports_as_a_new_review(store_review: Review, tmp_path: Path) -> None:
    data = json.loads(render_review(store_review, "json"))
    assert len(data["history"]) == len(store_review.history) >= 2
    back = review_from_json(data)
    assert_same_review(store_review, back)
    # Reopened on another workstation: a different database, the same review.
    with ReviewStore.open(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        new_id = other.add_review(back)
        reopened = other.load_review(new_id)
    assert reopened.comparison == store_review.comparison
    assert reopened.verdicts == store_review.verdicts
    assert reopened.history == store_review.history
    assert reopened.title == store_review.title and reopened.scale == store_review.scale


def _broken(hand: Review, change: Any) -> dict[str, Any]:
    data = copy.deepcopy(review_to_json(hand))
    change(data)
    return data


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.update(schema="factcheck.review/2"), "newer version"),
        (lambda d: d.update(schema="factcheck.compare/1"), "not a review file"),
        (lambda d: d.pop("schema"), "not a review file"),
        (lambda d: d["review"].pop("title"), "review.title is missing"),
        (lambda d: d["review"].update(created_at="yesterday"), "review.created_at"),
        (lambda d: d["review"].update(id="7"), "review.id must be a whole number"),
        (lambda d: d["comparison"]["original"]["claims"][0].update(end=3), "claim o1 does not match"),
        (lambda d: d["comparison"]["changes"][0].update(original=["o9"]), "unknown claim 'o9'"),
        (lambda d: d["comparison"]["changes"][1].update(id="c1"), "c1 appears twice"),
        (lambda d: d["verdicts"][0].update(change_id="c99"), "unknown change 'c99'"),
        (lambda d: d["verdicts"][0].update(value="Totally true"), "not on the review's scale"),
        (lambda d: d["history"][0].update(reviewer=None), "history[0].reviewer must be text"),
        (lambda d: d["review"].update(replaced_chars=-1), "review.replaced_chars must not be negative"),
        (lambda d: d["verdicts"][1].update(replaced_chars="2"), "verdicts[1].replaced_chars must be a whole"),
        (lambda d: d["history"][2].update(replaced_chars=True), "history[2].replaced_chars must be a whole"),
        (lambda d: d.update(verdicts={}), "verdicts must be a list"),
        (lambda d: d["comparison"]["changes"][0].update(kind="mangled"), "damaged review file"),
        (lambda d: d["comparison"]["changes"][0].update(original=[1]), "names unknown claim 1"),
        (lambda d: d["comparison"]["changes"][0].update(rewrite=[None]), "names unknown claim None"),
        (lambda d: d["verdicts"][0].update(version=2**63), "verdicts[0].version 9223372036854775808 is out"),
        (lambda d: d["review"].update(replaced_chars=10**20), "review.replaced_chars 1000"),
    ],
)
def test_bad_files_are_refused_with_one_clear_line(hand: Review, damage: Any, message: str) -> None:
    with pytest.raises(ExportError) as err:
        review_from_json(_broken(hand, damage))
    text = str(err.value)
    assert message in text and "\n" not in text


def test_a_file_without_optional_newer_fields_still_loads(hand: Review) -> None:
    data = review_to_json(hand)
    for h in data["history"]:
        del h["version"], h["carried_from"]  # a file from before the store kept these
    for record in [data["review"], *data["verdicts"], *data["history"]]:
        del record["replaced_chars"]  # nor this (before migration 0003)
    back = review_from_json(data)
    assert [h.version for h in back.history] == [0, 0, 0]
    assert back.summary.replaced_chars == 0
    assert [v.replaced_chars for v in back.verdicts.values()] == [0, 0, 0]
    assert [h.replaced_chars for h in back.history] == [0, 0, 0]
    assert not isinstance(ExportError("x"), KeyError) and isinstance(ExportError("x"), ValueError)
