"""Find in the inline view's column (:class:`ColumnSearch`): literal, case-insensitive, one
ring, positions in Qt's UTF-16 units (a character outside the BMP counts two)."""

from __future__ import annotations

from factcheck_gui.review.search import ColumnSearch


def test_hits_step_round_and_count_in_qt_positions() -> None:
    text = "🚀 Bridge one.\nThe bridge two. BRIDGE 🚀 three"
    search = ColumnSearch(text)
    assert search.total("bridge") == 3 and search.total("nowhere") == 0
    # The rocket is two UTF-16 units: the first "Bridge" starts at Qt position 3.
    first = search.step("bridge", 0)
    assert first == (3, 9)
    second = search.step("bridge", first[1])
    third = search.step("bridge", second[1]) if second else None
    assert second is not None and third is not None and second[0] < third[0]
    assert [search.ordinal("bridge", h[0]) for h in (first, second, third)] == [1, 2, 3]
    assert search.step("bridge", third[1]) == first  # round to the first
    assert search.step("bridge", first[0], backward=True) == third  # and back to the last
    assert search.step("nowhere", 0) is None and search.step("", 0) is None


def test_a_text_whose_lower_case_is_longer_is_still_searched() -> None:
    search = ColumnSearch("İstanbul and istanbul")
    assert search.total("istanbul") >= 1
    hit = search.step("istanbul", 0)
    assert hit is not None and hit[1] - hit[0] == len("istanbul")
