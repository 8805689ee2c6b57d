"""Footnote and endnote marks ("[1]", "[E2]", as the DOCX and Markdown importers write them)."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts, split_claims

ORIGINAL = (
    "Unemployment fell to 4 per cent.[1] Wages rose by 2 per cent.[2]\n\n"
    "[1] Office for National Statistics, May 2024.\n\n[2] ONS."
)


def test_a_mark_after_the_full_stop_ends_the_sentence_and_stays_with_it() -> None:
    texts = [c.text for c in split_claims(ORIGINAL, "o")]
    assert texts[:2] == ["Unemployment fell to 4 per cent.[1]", "Wages rose by 2 per cent.[2]"]
    assert [c.text for c in split_claims("He left.[E1] She stayed.”[2] Then rain.", "o")] == [
        "He left.[E1]",
        "She stayed.”[2]",
        "Then rain.",
    ]
    # A reflowed copy gives the same claims: the mark ends the line like a full stop.
    wrapped = "Unemployment fell to 4 per cent.[1]\nWages rose by 2 per cent.[2]"
    assert [c.text for c in split_claims(wrapped, "o")] == texts[:2]


def test_renumbered_marks_are_no_number_change_but_the_figures_still_are() -> None:
    # A note added early in the rewrite renumbers every later mark: not a fact.
    renumbered = ORIGINAL.replace("[2]", "[3]").replace("[1]", "[2]")
    result = compare_texts(ORIGINAL, renumbered)
    assert not [f for c in result.changes for f in c.flags if f.type.value == "number"]
    changed = compare_texts(ORIGINAL, ORIGINAL.replace("4 per cent.[1]", "5 per cent.[1]"))
    messages = [f.message for c in changed.changes for f in c.flags]
    assert messages == ["number changed: 4 per cent → 5 per cent"]
    # A bracketed figure that is no mark (a year, a bigger number) is still a number.
    bracket = compare_texts("The fund holds [1500] bonds.", "The fund holds [1600] bonds.")
    assert [f.type.value for c in bracket.changes for f in c.flags] == ["number"]
