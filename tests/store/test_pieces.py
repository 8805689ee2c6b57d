"""A big comparison's JSON made, compressed and read back in pieces, the same as in one call.

Storing or opening a 20k review must not hold the GIL for the whole 14 MB at once (the window
would freeze meanwhile): the text is made a few hundred list elements at a time and read back
an element at a time, and is exactly what ``json.dumps`` makes and ``json.loads`` reads.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest

from factcheck_gui.engine import Comparison, compare_texts
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.convert import comparison_to_text, stored_comparison_text
from factcheck_gui.store.pieces import (
    LIST_BATCH,
    compress_pieces,
    decompress_text,
    dump_pieces,
    loads_in_pieces,
)

VALUES: list[Any] = [
    {},
    [],
    "",
    0,
    -1.5e300,
    None,
    True,
    [[1, [2, []]], {"k": [{}]}],
    {"a": [1, 2.5, None, False, {"x": "é – “quoted” \u0000 \\u0000"}], "b": {"c": [], "d": {}}},
    {"text": "x" * 100_000, "claims": [{"id": f"o{i}", "start": i} for i in range(1000)]},
    {"1": 2, "a": {"b": {"c": [{"d": [1, 2, 3]}] * 600}}},
]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


@pytest.mark.parametrize("value", VALUES)
def test_the_pieces_are_the_text_json_dumps_makes(value: Any) -> None:
    assert "".join(dump_pieces(value)) == dumps(value)


@pytest.mark.parametrize("value", VALUES)
def test_reading_in_pieces_gives_what_json_loads_gives(value: Any) -> None:
    compact = dumps(value)
    assert loads_in_pieces(compact) == json.loads(compact)
    spaced = json.dumps(value, indent=2)  # a review stored by hand, or by an old version
    assert loads_in_pieces("\n " + spaced + "\n") == json.loads(spaced)


@pytest.mark.parametrize(
    "bad", ["", " ", "{", "[1,", '{"a" 1}', '{"a":1,}', "[1 2]", "{} x", "{a:1}", "[1,]"]
)
def test_broken_json_is_refused_as_json_loads_refuses_it(bad: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(bad)
    with pytest.raises(json.JSONDecodeError):
        loads_in_pieces(bad)


def test_compressed_in_pieces_decompresses_to_the_whole_text() -> None:
    value = VALUES[9]
    assert zlib.decompress(compress_pieces(dump_pieces(value), 1)).decode() == dumps(value)
    text = "é” " * 1_000_000  # several read batches, a character split across two of them
    assert decompress_text(zlib.compress(text.encode(), 1)) == text
    with pytest.raises(zlib.error):
        decompress_text(zlib.compress(text.encode())[:-20])


@pytest.fixture(scope="module")
def big(reference_pair: tuple[str, str]) -> Comparison:
    original, rewrite = reference_pair
    return compare_texts("\n\n".join([original] * 30), "\n\n".join([rewrite] * 30))


def test_a_big_comparison_is_made_in_pieces_no_bigger_than_a_batch_of_claims(big: Comparison) -> None:
    data = big.to_json()
    pieces = list(dump_pieces(data))
    longest_text = max(len(dumps(data[side]["text"])) for side in ("original", "rewrite"))
    biggest_batch = max(
        len(dumps(items[k : k + LIST_BATCH]))
        for items in (data["original"]["claims"], data["rewrite"]["claims"], data["changes"])
        for k in range(0, len(items), LIST_BATCH)
    )
    assert len(pieces) > 10
    assert max(len(p) for p in pieces) <= max(longest_text, biggest_batch) + 20
    assert len(dumps(data)) > 3 * max(len(p) for p in pieces)


def test_a_big_review_reads_back_as_it_was_stored(store: ReviewStore, big: Comparison) -> None:
    review_id = store.create_review(big, title="big", reviewer="ann")
    assert comparison_to_text(store.load_review(review_id).comparison) == comparison_to_text(big)
    assert store.load_review(review_id).comparison == big


def test_a_review_stored_before_compression_still_reads(big: Comparison) -> None:
    text = comparison_to_text(big)
    assert stored_comparison_text(text, None) == text
    assert stored_comparison_text("", zlib.compress(text.encode(), 9)) == text
