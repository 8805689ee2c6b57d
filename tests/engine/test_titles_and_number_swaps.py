"""What a fact-checker sees for a changed title before a name, and for numbers that swapped
places: the flag (type and message) and the word diff as the text report marks it."""

from __future__ import annotations

import pytest

from factcheck_gui.cli.render import render_text
from factcheck_gui.engine import Comparison, Flag, FlagType
from factcheck_gui.engine.compare import ENGINE_VERSION
from factcheck_gui.engine.types import FlagChange, Severity
from tests.engine.flags.seen import review


def flags(cmp: Comparison, ftype: FlagType | None = None) -> list[Flag]:
    """Every flag of the comparison: of changed or added facts, and the omissions and notes."""
    return [
        f
        for c in cmp.changes
        for f in (*c.flags, *getattr(c, "omitted", ()))
        if ftype is None or f.type is ftype
    ]


def messages(cmp: Comparison, ftype: FlagType | None = None) -> list[str]:
    return [f.message for f in flags(cmp, ftype)]


def compare_texts(original: str, rewrite: str) -> Comparison:
    """compare_texts as the engine runs it: the flags given the whole texts."""
    return review(original, rewrite)[0]


def marked(cmp: Comparison) -> list[str]:
    """The report's "- …" and "+ …" lines: the claims with [-deleted-] and {+inserted+} words."""
    return [
        line.strip()
        for line in render_text(cmp, show_all=True).splitlines()
        if line.startswith(("  - ", "  + "))
    ]


# --- titles -----------------------------------------------------------------------------------


def test_engine_version_bumped_for_the_new_output() -> None:
    assert ENGINE_VERSION == "0.2.5"


def test_a_title_omitted_before_a_name_is_a_name_note() -> None:
    cmp = compare_texts(
        "Russian President Vladimir Putin said the talks had failed.\n",
        "Vladimir Putin said the talks had failed.\n",
    )
    (flag,) = flags(cmp)
    assert flag.type is FlagType.NAME
    assert (flag.change, flag.severity) == (FlagChange.OMITTED, Severity.LOW)
    assert flag.message == "title of Vladimir Putin omitted: Russian President"
    assert flag.original == "Russian President Vladimir Putin"
    assert flag.rewrite == "Vladimir Putin"
    assert cmp.original.text[slice(*flag.original_span)] == "Russian President Vladimir Putin"
    assert cmp.rewrite.text[slice(*flag.rewrite_span)] == "Vladimir Putin"


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        (
            "Prime Minister Keir Starmer said the talks had failed.",
            "President Keir Starmer said the talks had failed.",
            "title of Keir Starmer changed: Prime Minister → President",
        ),
        (
            "The police said General Jones had left the base.",
            "The police said Colonel Jones had left the base.",
            "title of Jones changed: General → Colonel",
        ),
        (
            "Dr. Smith said the results were clear.",
            "Smith said the results were clear.",
            "title of Smith omitted: Dr.",
        ),
        (
            "Officials said former President Trump had left.",
            "Officials said President Trump had left.",
            "title of Trump changed: former President → President",
        ),
        (
            "The police said Dmitry Peskov had left the building.",
            "The police said Kremlin spokesman Dmitry Peskov had left the building.",
            "title of Dmitry Peskov added: Kremlin spokesman",
        ),
    ],
)
def test_changed_titles(original: str, rewrite: str, message: str) -> None:
    assert message in messages(compare_texts(original + "\n", rewrite + "\n"), FlagType.NAME)


def test_titles_swapped_between_two_people_are_both_flagged() -> None:
    cmp = compare_texts(
        "Prime Minister Anna Berg met President Karl Vogt in Bonn.\n",
        "President Anna Berg met Prime Minister Karl Vogt in Bonn.\n",
    )
    assert messages(cmp, FlagType.NAME) == [
        "title of Anna Berg changed: Prime Minister → President",
        "title of Karl Vogt changed: President → Prime Minister",
    ]


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        # a sentence-initial capitalised ordinary word before a title
        (
            "Yesterday President Putin said the talks failed.",
            "President Putin said yesterday the talks failed.",
        ),
        ("Meanwhile the talks failed in Geneva.", "Meanwhile, the talks collapsed in Geneva."),
        # the same name restated, with and without its title
        (
            "President Putin said the talks failed and Putin left.",
            "Putin said the talks failed and President Putin left.",
        ),
        # the title moved after the name
        ("President Putin said the talks failed.", "Putin, the president, said the talks failed."),
        # case only, quote style only, abbreviation and initialism spelled out
        ("President Putin said the talks failed.", "PRESIDENT Putin said the talks failed."),
        ("Gen. Sattler heads the task force.", "General Sattler heads the task force."),
        (
            "RNC Chairman Ed Gillespie wrote to the network on Friday.",
            "Republican National Committee Chairman Ed Gillespie wrote to the network on Friday.",
        ),
        (
            "US District Judge William M. Hoeveler's removal was a victory for the firm.",
            "U.S. District Judge William M. Hoeveler's removal was a victory for the firm.",
        ),
        # a courtesy title is a paper's style, not a role; a middle initial is the same person
        ("Mr. Smith said the talks failed.", "Smith said the talks failed."),
        ("Mayor Michael R. Bloomberg said it was a disgrace.", "Mayor Bloomberg said it was a disgrace."),
        # a country and its people: the same title
        (
            "Russia's foreign minister Sergei Lavrov met Anna Berg in Bonn.",
            "Russian Foreign Minister Sergei Lavrov met Anna Berg in Bonn.",
        ),
    ],
)
def test_no_title_flag_without_a_changed_title(original: str, rewrite: str) -> None:
    cmp = compare_texts(original + "\n", rewrite + "\n")
    assert not [m for m in messages(cmp) if m.startswith("title")]
    assert not flags(cmp, FlagType.NAME), messages(cmp)


def test_a_quote_style_change_around_a_titled_name_is_no_flag() -> None:
    cmp = compare_texts(
        "“We will respond,” President Vladimir Putin said.\n",
        '"We will respond," President Vladimir Putin said.\n',
    )
    assert not flags(cmp)


def test_the_reference_pair_gets_no_title_flag(reference_pair: tuple[str, str]) -> None:
    # "PRESIDENT Vladimir Putin … Russia" → "Russian President Vladimir Putin": the same role;
    # "its leader, Kim Jong Un" → "North Korean leader Kim Jong Un": the same role.
    cmp = compare_texts(*reference_pair)
    assert not [m for m in messages(cmp) if m.startswith("title")]


# --- numbers that changed places --------------------------------------------------------------


def test_swapped_numbers_are_both_shown_changed_and_flagged() -> None:
    cmp = compare_texts("Between 5 to 6 people died.\n", "Between 6 to 5 people died.\n")
    assert marked(cmp) == [
        "- Between [-5-] to [-6-] people died.",
        "+ Between {+6+} to {+5+} people died.",
    ]
    (flag,) = flags(cmp)
    assert flag.type is FlagType.NUMBER
    assert flag.message == "numbers swapped: 5 to 6 → 6 to 5"
    assert (flag.original, flag.rewrite) == ("5 to 6", "6 to 5")
    (change,) = cmp.changes
    ops = [(op.op.value, cmp.original.text[slice(*op.original)]) for op in change.diff]
    assert ops == [
        ("equal", "Between"),
        ("replace", "5"),
        ("equal", "to"),
        ("replace", "6"),
        ("equal", "people died."),
    ]


def test_no_number_passes_as_unchanged_across_a_shifted_range() -> None:
    # "6" was the upper bound and is now the lower one: not an unchanged "6".
    cmp = compare_texts("Between 5 to 6 people died.\n", "Between 6 to 7 people died.\n")
    assert marked(cmp) == [
        "- Between [-5-] to [-6-] people died.",
        "+ Between {+6+} to {+7+} people died.",
    ]
    assert messages(cmp, FlagType.NUMBER) == ["number changed: 5 → 7"]


def test_swapped_number_words_too() -> None:
    cmp = compare_texts("Between five to six people died.\n", "Between six to five people died.\n")
    assert marked(cmp)[1] == "+ Between {+six+} to {+five+} people died."
    assert messages(cmp, FlagType.NUMBER) == ["numbers swapped: five to six → six to five"]


def test_numbers_moved_with_their_words_are_no_number_change() -> None:
    cmp = compare_texts(
        "In all 5 people died and 6 were injured.\n", "In all 6 were injured and 5 people died.\n"
    )
    assert not flags(cmp, FlagType.NUMBER)
    # the moved phrase is shown moved; the "5" kept is the same "5 people died"
    assert marked(cmp) == [
        "- In all 5 people died [-and 6 were injured-].",
        "+ In all {+6 were injured and+} 5 people died.",
    ]


def test_a_number_replaced_keeps_its_neighbours_apart() -> None:
    # A common word between two changed numbers stays unmarked: each number is seen changed.
    cmp = compare_texts("Prices rose 5 to 10 percent.\n", "Prices rose 6 to 12 percent.\n")
    assert marked(cmp)[1] == "+ Prices rose {+6+} to {+12+} percent."
    assert messages(cmp, FlagType.NUMBER) == ["numbers changed: 5 → 6; 10 percent → 12 percent"]


# --- no noise: numbers moved with what they count, titles said another way ------------------


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        (
            "Police said 12 people were arrested and 3 were charged.",
            "Police said 3 people were charged after 12 were arrested.",
        ),
        ("Turnout was 65% in 2020, against 58% in 2016.", "Turnout was 58% in 2016, against 65% in 2020."),
    ],
)
def test_numbers_reordered_with_what_they_count_are_no_number_flag(original: str, rewrite: str) -> None:
    cmp = compare_texts(original + "\n", rewrite + "\n")
    assert not flags(cmp, FlagType.NUMBER), messages(cmp)
    assert not flags(cmp, FlagType.DATE), messages(cmp)


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        (
            "Between 5 and 6 people died.",
            "Between 6 and 5 people died.",
            "numbers swapped: 5 and 6 → 6 and 5",
        ),
        (
            "The senator won 52 to 48 in the vote.",
            "The senator won 48 to 52 in the vote.",
            "numbers swapped: 52 to 48 → 48 to 52",
        ),
        (
            "Officials said 5 to 6 people died.",
            "Officials said 6 to 5 people died.",
            "numbers swapped: 5 to 6 → 6 to 5",
        ),
        (
            "In all 5 people died and 6 people were hurt.",
            "In all 6 people died and 5 people were hurt.",
            "numbers swapped: 5 people died and 6 → 6 people died and 5",
        ),
        (
            "Police said 12 people were arrested and 3 were charged.",
            "Police said 3 people were arrested and 12 were charged.",
            "numbers swapped: 12 people were arrested and 3 → 3 people were arrested and 12",
        ),
    ],
)
def test_numbers_that_changed_what_they_count_stay_flagged(original: str, rewrite: str, message: str) -> None:
    assert messages(compare_texts(original + "\n", rewrite + "\n"), FlagType.NUMBER) == [message]


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        # an initialism and its expansion in lower case, either way round
        ("Apple CEO Tim Cook said sales rose.", "Apple chief executive Tim Cook said sales rose."),
        ("Apple CEO Tim Cook said sales rose.", "Apple chief executive officer Tim Cook said sales rose."),
        ("Chief Executive Officer Jane Fraser said profits rose.", "CEO Jane Fraser said profits rose."),
        (
            "Officials said HBO chairman and chief executive Chris Albrecht left.",
            "Officials said HBO chairman and CEO Chris Albrecht left.",
        ),
        # US and UK spelling
        (
            "Defense Secretary Lloyd Austin said the talks failed.",
            "Defence Secretary Lloyd Austin said the talks failed.",
        ),
        # a country's people and the country's
        (
            "Spanish Prime Minister Pedro Sanchez said the talks failed.",
            "Spain's Prime Minister Pedro Sanchez said the talks failed.",
        ),
        (
            "French President Emmanuel Macron said the talks failed.",
            "France's President Emmanuel Macron said the talks failed.",
        ),
        (
            "Chinese President Xi Jinping said the talks failed.",
            "China's President Xi Jinping said the talks failed.",
        ),
        (
            "Officials said Spanish Prime Minister Pedro Sanchez had left.",
            "Officials said Spain's Prime Minister Pedro Sanchez had left.",
        ),
        # abbreviated military and civil titles
        (
            "Brig. Gen. Pat Ryder said the strike was over.",
            "Brigadier General Pat Ryder said the strike was over.",
        ),
        (
            "Officials said Lt. Col. Ann Berg had left.",
            "Officials said Lieutenant Colonel Ann Berg had left.",
        ),
        ("Officials said Sec. Antony Blinken had left.", "Officials said Secretary Antony Blinken had left."),
        # an initialism in capitals that reads like a role word ("Sec."), for a name with "and"
        (
            "SEC Chairman Mary Jo White said the rules would change.",
            "Securities and Exchange Commission Chairman Mary Jo White said the rules would change.",
        ),
        (
            "Officials said Det. Supt. Ann Berg had left.",
            "Officials said Detective Superintendent Ann Berg had left.",
        ),
    ],
)
def test_no_title_flag_for_a_title_said_another_way(original: str, rewrite: str) -> None:
    cmp = compare_texts(original + "\n", rewrite + "\n")
    assert not flags(cmp, FlagType.NAME), messages(cmp)


@pytest.mark.parametrize(
    ("original", "rewrite", "message"),
    [
        (
            "Officials said President-elect Donald Trump had left.",
            "Officials said President Donald Trump had left.",
            "title of Donald Trump changed: President-elect → President",
        ),
        (
            "President Donald Trump said the talks had failed.",
            "President-elect Donald Trump said the talks had failed.",
            "title of Donald Trump changed: President → President-elect",
        ),
        (
            "Officials said former President Barack Obama had left.",
            "Officials said President Barack Obama had left.",
            "title of Barack Obama changed: former President → President",
        ),
        (
            "Apple CEO Tim Cook said sales rose.",
            "Apple chief financial officer Tim Cook said sales rose.",
            "title of Tim Cook changed: CEO → chief financial officer",
        ),
        (
            "Officials said HBO chairman and chief executive Chris Albrecht left.",
            "Officials said HBO Chairman Chris Albrecht left.",
            "title of Chris Albrecht shortened: HBO chairman and chief executive → HBO Chairman",
        ),
        (
            "Austrian Chancellor Karl Nehammer said the talks had failed.",
            "Australian Chancellor Karl Nehammer said the talks had failed.",
            "title of Karl Nehammer changed: Austrian Chancellor → Australian Chancellor",
        ),
        (
            "Spanish Prime Minister Pedro Sanchez said the talks failed.",
            "French Prime Minister Pedro Sanchez said the talks failed.",
            "title of Pedro Sanchez changed: Spanish Prime Minister → French Prime Minister",
        ),
        (
            "Securities and Exchange Commission Chairman Mary Jo White said it.",
            "FTC Chairman Mary Jo White said it.",
            "title of Mary Jo White changed: Securities and Exchange Commission Chairman → FTC Chairman",
        ),
        (
            "Defense Secretary Robert Gates said the talks failed.",
            "SEC Robert Gates said the talks failed.",
            "title of Robert Gates changed: Defense Secretary → SEC",
        ),
    ],
)
def test_status_and_other_title_changes_are_flagged(original: str, rewrite: str, message: str) -> None:
    assert message in messages(compare_texts(original + "\n", rewrite + "\n"), FlagType.NAME)


def test_an_abbreviated_title_does_not_end_the_claim_but_an_agency_does() -> None:
    cmp = compare_texts(
        "Police spokesman Brig. Gen. Edward Aritonang confirmed two arrests.\n",
        "Police spokesman Brig. Gen. Edward Aritonang confirmed three arrests.\n",
    )
    assert len(cmp.original.claims) == 1
    assert messages(cmp) == ["number changed: two → three"]
    cmp = compare_texts(
        "The firm was fined by the SEC. Officials said it was fair.\n",
        "The firm was fined by the SEC. Regulators said it was fair.\n",
    )
    assert len(cmp.original.claims) == 2
    assert not flags(cmp, FlagType.NAME), messages(cmp)
