"""Big reviews: listing and verdicts never read the comparison, which is stored compressed.

A review's comparison (both texts, every claim and change) is by far its biggest part. The
start page, `factcheck review list` and every verdict write only need a review's summary
columns; storing a review writes its change rows in one statement and the comparison as zlib.
"""

from __future__ import annotations

import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from factcheck_gui.engine import Comparison, compare_texts
from factcheck_gui.store import ReviewStore, StoreError, fingerprint
from factcheck_gui.store.convert import (
    comparison_to_text,
    fingerprints_of,
    storable_comparison,
    stored_sha256,
)


@pytest.fixture(scope="module")
def big(reference_pair: tuple[str, str]) -> Comparison:
    """The demo pair thirty times over: hundreds of changes, over a megabyte of comparison JSON."""
    original, rewrite = reference_pair
    return compare_texts(
        "\n\n".join([original] * 30), "\n\n".join([rewrite] * 30), original_name="o.txt", rewrite_name="r.txt"
    )


def peak_bytes(call: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def raw(url: str, sql: str, **params: Any) -> Any:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


def test_listing_ten_big_reviews_takes_less_memory_than_one_comparison(
    store: ReviewStore, big: Comparison
) -> None:
    size = len(comparison_to_text(big).encode())
    assert size > 500_000
    ids = [store.create_review(big, title=f"big {n}", reviewer="ann") for n in range(10)]
    cid = next(c.id for c in big.changes if c.is_change)
    store.set_verdict(ids[3], cid, "Accurate", reviewer="bob", expected_version=0)
    store.list_reviews()  # warm: statement caches, pooled connection

    listed: list[Any] = []
    peak = peak_bytes(lambda: listed.extend(store.list_reviews()))

    assert peak < size // 4, f"listing 10 reviews took {peak} bytes; one comparison is {size}"
    assert [s.id for s in listed] == ids[::-1]
    total = sum(c.is_change for c in big.changes)
    by_id = {s.id: s for s in listed}
    assert {s.total_changes for s in listed} == {total}
    assert by_id[ids[3]].reviewed_changes == 1 and by_id[ids[3]].reviewers == ("ann", "bob")
    assert by_id[ids[4]].reviewed_changes == 0 and by_id[ids[4]].reviewers == ("ann",)
    assert store.review_summary(ids[3]) == by_id[ids[3]]


def test_a_verdict_on_a_big_review_does_not_read_its_comparison(store: ReviewStore, big: Comparison) -> None:
    size = len(comparison_to_text(big).encode())
    rid = store.create_review(big, title="big", reviewer="ann")
    first, second = [c.id for c in big.changes if c.is_change][:2]
    store.set_verdict(rid, first, "Accurate", reviewer="ann", expected_version=0)  # warm

    peak = peak_bytes(
        lambda: store.set_verdict(
            rid, second, "Misquote", reviewer="ann", note="see p. 2", expected_version=0
        )
    )

    assert peak < size // 4, f"one verdict took {peak} bytes; the comparison is {size}"
    verdict = store.verdict(rid, second)
    assert verdict is not None and (verdict.value, verdict.note, verdict.version) == (
        "Misquote",
        "see p. 2",
        1,
    )


def test_a_new_review_is_stored_compressed_and_reopens_exactly(store: ReviewStore, big: Comparison) -> None:
    rid = store.create_review(big, title="big", reviewer="ann")
    ((stored_json, stored_zlib),) = raw(
        store.url, "SELECT comparison_json, comparison_zlib FROM reviews WHERE id = :i", i=rid
    )
    as_text = comparison_to_text(big)
    assert stored_json == ""
    assert len(stored_zlib) < len(as_text.encode()) // 3  # the database file grows far less
    assert zlib.decompress(stored_zlib).decode("utf-8") == as_text
    review = store.load_review(rid)
    assert review.comparison == big
    assert [c.id for c in review.comparison.changes] == [c.id for c in big.changes]


def test_a_damaged_comparison_still_lists_and_opening_it_says_so(store: ReviewStore, big: Comparison) -> None:
    rid = store.create_review(big, title="damaged", reviewer="ann")
    other = store.create_review(big, title="fine", reviewer="ann")
    raw(store.url, "UPDATE reviews SET comparison_zlib = :z WHERE id = :i", z=b"not zlib at all", i=rid)

    assert [s.title for s in store.list_reviews()] == ["fine", "damaged"]
    with pytest.raises(StoreError, match=f"review {rid}: the stored comparison cannot be read") as err:
        store.load_review(rid)
    assert "\n" not in str(err.value)
    cid = next(c.id for c in big.changes if c.is_change)
    store.set_verdict(rid, cid, "Accurate", reviewer="ann", expected_version=0)  # verdicts still save
    assert store.review_summary(rid).reviewed_changes == 1
    assert store.load_review(other).comparison == big


def test_change_rows_keep_the_order_ids_and_fingerprints(store: ReviewStore, big: Comparison) -> None:
    rid = store.create_review(big, title="big", reviewer="ann")
    rows = raw(
        store.url,
        "SELECT change_id, position, kind, needs_review, fingerprint FROM changes "
        "WHERE review_id = :i ORDER BY id",
        i=rid,
    )
    assert [(r[0], r[1], r[2], bool(r[3])) for r in rows] == [
        (c.id, n, c.kind.value, c.is_change) for n, c in enumerate(big.changes)
    ]
    assert [r[4] for r in rows] == [fingerprint(big, c) for c in big.changes]


def test_fingerprints_in_one_pass_equal_fingerprint_even_for_unstorable_text() -> None:
    broken = compare_texts(
        f"The mayor said so.\n\nIt cost 40{chr(0xD800)} million. Nothing\x00 else.",
        f"The mayor denied it.\n\nIt cost 45{chr(0xDC00)} million. Nothing else.",
    )
    stored = storable_comparison(broken)[0]
    for cmp in (broken, stored):
        assert fingerprints_of(cmp) == [fingerprint(cmp, c) for c in cmp.changes]
    assert fingerprints_of(broken) == fingerprints_of(stored)


def test_carry_over_offers_for_a_big_comparison_do_not_re_encode_it(
    store: ReviewStore, big: Comparison
) -> None:
    """Right after a big comparison is stored the app asks for carry-over offers: that must not
    cost another encoding of the whole comparison, nor an ORM object per change."""
    size = len(comparison_to_text(big).encode())
    earlier = store.create_review(big, title="earlier", reviewer="ann")
    decided = [c.id for c in big.changes if c.is_change][:3]
    for cid in decided:
        store.set_verdict(earlier, cid, "Accurate", reviewer="ann", expected_version=0)
    new = store.create_review(big, title="again", reviewer="ann")

    offers: list[Any] = []
    peak = peak_bytes(lambda: offers.extend(store.carry_over_candidates(big, exclude_review_id=new)))
    # Encoding the comparison again costs at least its size; the fingerprints of its changes
    # (what finding offers needs) are well under half of it.
    assert peak < size // 2, f"finding offers took {peak} bytes; the comparison is {size}"
    assert [(o.review_id, o.relation, o.verdicts) for o in offers] == [(earlier, "same original", 3)]
    # The pair repeats the demo thirty times: each decided wording recurs in the new review.
    count = store.carry_over_count(earlier, new)  # (also warms the statement caches)
    peak = peak_bytes(lambda: store.carry_over_count(earlier, new))
    assert peak < size // 4, f"counting what would carry took {peak} bytes; the comparison is {size}"
    assert count > 3 and store.carry_over(earlier, new, reviewer="bob") == count
    carried = store.load_review(new).verdicts
    assert len(carried) == count and set(decided) <= set(carried)
    assert {v.carried_from for v in carried.values()} == {f"review {earlier} change {c}" for c in decided}


def test_the_stored_hash_of_a_text_is_found_without_storing_it() -> None:
    broken = compare_texts(f"It cost 40{chr(0xD800)} million.", "It cost 45 million.")
    stored = storable_comparison(broken)[0]
    assert stored.original.sha256 != broken.original.sha256  # the stored text differs
    assert stored_sha256(broken.original) == stored.original.sha256
    assert stored_sha256(broken.rewrite) == stored.rewrite.sha256 == broken.rewrite.sha256
