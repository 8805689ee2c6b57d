"""Claim splitting: offsets, abbreviations, quotations, headlines, bullets, hard wraps."""

from __future__ import annotations

import textwrap

import pytest

from factcheck_gui.engine import normalize_text, reflow, split_claims


def texts(text: str) -> list[str]:
    return [c.text for c in split_claims(text, "x")]


def test_offsets_slice_back_to_the_claim_text(reference_pair: tuple[str, str]) -> None:
    for text in reference_pair:
        claims = split_claims(text, "o")
        assert claims
        for c in claims:
            assert text[c.start : c.end] == c.text
            assert c.text == c.text.strip()


def test_reference_original_has_fourteen_claims_one_per_sentence(reference_pair: tuple[str, str]) -> None:
    claims = split_claims(reference_pair[0], "o")
    assert len(claims) == 14
    assert claims[0].text.startswith("PRESIDENT Vladimir Putin said")
    # the last paragraph holds two quotations separated by "Putin said."
    assert claims[12].text.endswith(
        "“In connections to sending lethal weapons to combat zones in Ukraine, "
        "this would be a very big mistake. I hope this will not happen,” Putin said."[-40:]
    )
    assert claims[13].text.startswith("“If it will")
    assert claims[12].paragraph == claims[13].paragraph == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones at No. 10 Downing Street. They talked.",
            ["Mr. Smith met Dr. Jones at No. 10 Downing Street.", "They talked."],
        ),
        (
            "The U.S. State Department agreed. Then it left the U.S. The end came.",
            ["The U.S. State Department agreed.", "Then it left the U.S.", "The end came."],
        ),
        (
            "It rose 3.5 percent on Jan. 5 and fell. J. K. Rowling wrote it.",
            ["It rose 3.5 percent on Jan. 5 and fell.", "J. K. Rowling wrote it."],
        ),
        (
            "He waited... and waited. Nothing came… Then it did.",
            ["He waited... and waited.", "Nothing came…", "Then it did."],
        ),
        (
            '"I came. I saw. I left," he said. She nodded.',
            ['"I came. I saw. I left," he said.', "She nodded."],
        ),
        (
            "“It is over. We lost,” she said. “Why?” he asked.",
            ["“It is over. We lost,” she said.", "“Why?” he asked."],
        ),
        ("Talks begin at 3 p.m. He will attend.", ["Talks begin at 3 p.m.", "He will attend."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_headlines_and_bullets_without_final_period_are_claims() -> None:
    text = "Putin warns Seoul over arms\nMoscow says it may respond.\n\n- first point\n- second point\n1. numbered"
    assert texts(text) == [
        "Putin warns Seoul over arms",
        "Moscow says it may respond.",
        "first point",
        "second point",
        "numbered",
    ]
    paragraphs = [c.paragraph for c in split_claims(text, "x")]
    assert paragraphs == sorted(paragraphs) and len(set(paragraphs)) == 5


def test_hard_wrapped_copy_gives_the_same_claims(reference_pair: tuple[str, str]) -> None:
    original = reference_pair[0]
    wrapped = "\n\n".join(textwrap.fill(p, 64) for p in original.split("\n"))
    unwrapped_claims = texts(original)
    wrapped_claims = [normalize_text(t) for t in texts(wrapped)]
    assert wrapped_claims == [normalize_text(t) for t in unwrapped_claims]
    assert reflow(wrapped).replace("\n\n", "\n") == original


def test_reflow_leaves_unwrapped_text_untouched(reference_pair: tuple[str, str]) -> None:
    for text in reference_pair:
        assert reflow(text) == text


def test_windows_line_endings_and_rtl_text_split_cleanly() -> None:
    text = "First claim here.\r\nSecond claim here.\r\n\r\nمرحبا بالعالم. هذا نص عربي.\r\n"
    claims = split_claims(text, "x")
    assert [c.text.strip() for c in claims][:2] == ["First claim here.", "Second claim here."]
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert len(claims) >= 3


def test_a_huge_line_without_sentence_ends_is_cut_into_bounded_claims() -> None:
    text = ("word " * 200_000).strip()  # ~1 MB, no punctuation at all
    claims = split_claims(text, "x")
    assert len(claims) > 100
    assert max(len(c.text) for c in claims) <= 1500
    assert "".join(c.text + " " for c in claims).strip() == text


# Golden Rules (pySBD / Pragmatic Segmenter, benchmarks/data/golden_rules_en.json) the splitter
# used to fail, as a reader sees them: numbered list markers stay out of the claims, as a
# bullet's does on a line of its own (benchmarks/golden_rules.py counts those as documented
# differences).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
            [
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M.",
                "Mr. Smith then went to the store.",
            ],
            id="18-am-pm",
        ),
        pytest.param(
            "1.) The first item 2.) The second item", ["The first item", "The second item"], id="31-list"
        ),
        pytest.param(
            "1.) The first item. 2.) The second item.", ["The first item.", "The second item."], id="32-list"
        ),
        pytest.param(
            "1) The first item 2) The second item", ["The first item", "The second item"], id="33-list"
        ),
        pytest.param(
            "1) The first item. 2) The second item.", ["The first item.", "The second item."], id="34-list"
        ),
        pytest.param(
            "1. The first item 2. The second item", ["The first item", "The second item"], id="35-list"
        ),
        pytest.param(
            "1. The first item. 2. The second item.", ["The first item.", "The second item."], id="36-list"
        ),
        pytest.param(
            "• 9. The first item • 10. The second item", ["The first item", "The second item"], id="37-list"
        ),
        pytest.param(
            "⁃9. The first item ⁃10. The second item", ["The first item", "The second item"], id="38-list"
        ),
        pytest.param(
            "a. The first item b. The second item c. The third list item",
            ["a. The first item", "b. The second item", "c. The third list item"],
            id="39-lettered-list",
        ),
        pytest.param(
            "You can find it at N°. 1026.253.553. That is where the treasure is.",
            ["You can find it at N°. 1026.253.553.", "That is where the treasure is."],
            id="40-numero",
        ),
        pytest.param(
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
            id="42-pronoun-I",
        ),
        pytest.param(
            '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
            ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
            id="44-bracketed-ellipsis",
        ),
        pytest.param(
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
            [
                "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."
            ],
            id="47-spaced-ellipsis",
        ),
    ],
)
def test_golden_rules_that_used_to_fail(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # MRPC: three spaced dots after a space leave words out inside a sentence ...
        (
            "The resulting lists led to a CBS special, AFI's 100 Years . . . 100 Heroes & Villains, "
            "hosted by Arnold Schwarzenegger.",
            [
                "The resulting lists led to a CBS special, AFI's 100 Years . . . 100 Heroes & Villains, "
                "hosted by Arnold Schwarzenegger."
            ],
        ),
        # ... while a full stop and an ellipsis end it, and the ellipsis stays with it (Golden
        # Rule 48 would open the next sentence with it).
        (
            "We are trying to understand the scope of the investigation. . . . Weber said late Thursday "
            "that the company is still trying.",
            [
                "We are trying to understand the scope of the investigation. . . .",
                "Weber said late Thursday that the company is still trying.",
            ],
        ),
        ("It ends with a period . . . . Next sentence.", ["It ends with a period . . . .", "Next sentence."]),
        # a time before a name ends a sentence only after a verb-bearing start
        ("By 6 p.m. Gov. Smith had left.", ["By 6 p.m. Gov. Smith had left."]),
        (
            "Voting ends at 8 p.m. Tuesday. Results follow.",
            ["Voting ends at 8 p.m. Tuesday.", "Results follow."],
        ),
        ("He spoke at 10 a.m. Dr. Jones spoke next.", ["He spoke at 10 a.m.", "Dr. Jones spoke next."]),
        # an enumeration inside a sentence is not a list of claims
        (
            "He gave three reasons: 1) cost, 2) time and 3) risk. Nobody objected.",
            ["He gave three reasons: 1) cost, 2) time and 3) risk.", "Nobody objected."],
        ),
        # a numbered item whose sentence ends with a number keeps it
        ("1. Growth slowed to 2. The bank held rates.", ["Growth slowed to 2.", "The bank held rates."]),
    ],
)
def test_ellipses_times_and_lists_in_news_copy(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_an_inline_list_gives_the_claims_of_the_same_list_one_item_a_line() -> None:
    inline = "Three changes:\n\n1) Taxes rise by 5 percent. 2) Spending falls. 3) Debt is capped."
    bulleted = "Three changes:\n\n- Taxes rise by 5 percent.\n- Spending falls.\n- Debt is capped."
    numbered = "Three changes:\n\n1. Taxes rise by 5 percent.\n2. Spending falls.\n3. Debt is capped."
    assert texts(inline) == texts(bulleted) == texts(numbered)
    assert texts(inline)[1:] == ["Taxes rise by 5 percent.", "Spending falls.", "Debt is capped."]
    claims = split_claims(inline, "x")
    assert all(inline[c.start : c.end] == c.text for c in claims)
    assert [c.paragraph for c in claims] == [0, 1, 1, 1]


def test_a_bullet_marker_before_a_hard_wrap_is_not_part_of_the_claim() -> None:
    text = "2)  \n more to come"
    claims = split_claims(text, "x")
    assert [c.text for c in claims] == ["more to come"]
    assert text[claims[0].start : claims[0].end] == "more to come"
