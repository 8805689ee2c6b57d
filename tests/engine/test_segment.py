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
