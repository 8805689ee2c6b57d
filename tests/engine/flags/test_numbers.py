"""Number flags: figures and number words by value, swapped numbers by the word diff."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine.flags import numbers
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import Claim, Flag, FlagType
from factcheck_gui.engine.worddiff import word_diff


def figures(text: str) -> list[tuple[str, str]]:
    return [(f.key, f.text) for f in numbers._numbers(text, 0)]


def words(text: str) -> list[tuple[str, str]]:
    return [(f.key, f.text) for f in numbers._number_words(tokenize(text))]


def flag(original: str, rewrite: str, *, with_diff: bool = True) -> Flag | None:
    a: tuple[Claim, ...] = split_claims(original, "o")
    b: tuple[Claim, ...] = split_claims(rewrite, "r")
    diff = word_diff(a, b) if with_diff else ()
    return numbers.number_flag(a, b, tokens_of(a), tokens_of(b), diff)


def test_figures_are_keyed_by_value() -> None:
    assert figures("It cost $5 million, up 3.5% from 2019.") == [("$5e+06", "$5 million"), ("3.5%", "3.5%")]
    assert figures("About 3,500 people; 3,5 per cent.") == [("3500", "3,500"), ("3.5%", "3,5 per cent")]
    assert figures("No digits at all.") == []


def test_note_marks_are_no_figures_but_bracketed_numbers_are() -> None:
    assert figures("Wages rose 2 per cent.[1] The fund holds [1500] bonds.[E2]") == [
        ("2%", "2 per cent"),
        ("1500", "1500"),
    ]


def test_number_words_add_up_and_loose_ones_do_not_count() -> None:
    assert words("twenty five people and three million dollars") == [
        ("25", "twenty five"),
        ("3e+06", "three million"),
    ]
    assert words("one of them came second, half the city") == []


def test_the_same_number_in_digits_and_words_is_no_change() -> None:
    assert flag("Three people died on the road.", "3 people died on the road.") is None


def test_a_changed_number() -> None:
    got = flag("Twelve people were arrested.", "Fifteen people were arrested.")
    assert got is not None and got.type is FlagType.NUMBER
    assert got.message == "number changed: Twelve → Fifteen"


def test_swapped_numbers_need_the_word_diff() -> None:
    got = flag("Between 5 and 6 people were hurt.", "Between 6 and 5 people were hurt.")
    assert got is not None
    assert got.message == "numbers swapped: 5 and 6 → 6 and 5"
    assert (got.original_span, got.rewrite_span) == ((8, 15), (8, 15))
    assert (
        flag("Between 5 and 6 people were hurt.", "Between 6 and 5 people were hurt.", with_diff=False)
        is None
    )


def test_numbers_moved_with_what_they_count_are_no_swap() -> None:
    assert flag("5 died and 6 were hurt in the crash.", "6 were hurt and 5 died in the crash.") is None


# --- the shortcut, moved here from test_fast_paths.py ---------------------------------------

_DATE_WORDS = ["May", "may", "Monday", "2019", "1899", "12", "Sept", "U.S.", "in", "of", "5", "March"]
_NUMBERISH = ["twenty", "five", "million", "ten", "hundred", "said", ",", ".", "‘", "this week"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS + _NUMBERISH)), st.integers(min_value=0, max_value=99))
def test_number_word_shortcut(ws: list[str], offset: int) -> None:
    tokens = tokenize(" ".join(ws), offset)
    # a number word after a comma makes it walk every token, and adds one fact of its own
    walked = numbers._number_words((*tokens, *tokenize(", twenty", 10_000)))
    assert numbers._number_words(tokens) == walked[:-1]
