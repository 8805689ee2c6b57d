"""Claim splitting on the furniture of real news copy: datelines, heading and label lines,
transcript speaker labels (the shapes of the benchmarks/pairs stories)."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import ChangeKind, compare_texts, split_claims


def texts(text: str) -> list[str]:
    claims = split_claims(text, "x")
    for c in claims:  # every claim's span holds its text
        assert text[c.start : c.end] == c.text
    return [c.text for c in claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "TAMPA, Fla. — U.S. military forces conducted seven airstrikes.",
            ["TAMPA, Fla. —", "U.S. military forces conducted seven airstrikes."],
        ),
        (
            "TAMPA, Fla., Oct. 14, 2014 - U.S. and partner nation forces attacked ISIL.",
            ["TAMPA, Fla., Oct. 14, 2014 -", "U.S. and partner nation forces attacked ISIL."],
        ),
        (
            "WASHINGTON, Sept. 20, 2010 – U.S. military personnel continue to aid Pakistanis.",
            ["WASHINGTON, Sept. 20, 2010 –", "U.S. military personnel continue to aid Pakistanis."],
        ),
        (
            "PASADENA, Calif. -- NASA's Phoenix Mars Lander has ceased communications.",
            ["PASADENA, Calif. --", "NASA's Phoenix Mars Lander has ceased communications."],
        ),
        (
            "BEIRUT, Lebanon (AP) — A car bomb exploded on Tuesday, officials said.",
            ["BEIRUT, Lebanon (AP) —", "A car bomb exploded on Tuesday, officials said."],
        ),
        (
            "NEW YORK (Reuters) - Stocks rose 3.5 percent.",
            ["NEW YORK (Reuters) -", "Stocks rose 3.5 percent."],
        ),
        (
            "Feb. 22, 2010 - Letitia Long will serve as the next director, Robert M. Gates said.",
            ["Feb. 22, 2010 -", "Letitia Long will serve as the next director, Robert M. Gates said."],
        ),
        (
            'Aug. 12, 2010 - "As we did in 2005, we stand by them," Marine Corps Gen. James N. Mattis said.',
            [
                "Aug. 12, 2010 -",
                '"As we did in 2005, we stand by them," Marine Corps Gen. James N. Mattis said.',
            ],
        ),
        (
            "NEW YORK -(Dow Jones)- Frank Quattrone pleaded not guilty Tuesday.",
            ["NEW YORK -(Dow Jones)-", "Frank Quattrone pleaded not guilty Tuesday."],
        ),
        (
            "THE HAGUE, Netherlands (AP) — The court ruled.",
            ["THE HAGUE, Netherlands (AP) —", "The court ruled."],
        ),
        (
            "United States - According to NASA, the risk is zero. It was 2.7 percent.",
            ["United States -", "According to NASA, the risk is zero.", "It was 2.7 percent."],
        ),
    ],
)
def test_a_dateline_is_a_claim_of_its_own(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "John Smith — the mayor — said it was over.",
        "The result — a 3-2 win — surprised fans.",
        "Lt. Gen. Smith said the U.S. Army would stay.",
        "In Tampa - the city - rain fell.",
        # (MRPC and STS-B sentences)
        "The Presidential Planner - The White House Science Fair.",
        "Thus, Meta - System - atic Dialectic is Diachronico - Synchronic Dialectic.",
    ],
)
def test_a_dash_inside_a_sentence_is_no_dateline(text: str) -> None:
    assert texts(text) == [text]


def test_a_transcript_speaker_label_stays_with_its_words() -> None:
    assert texts("SEC. GATES: Good afternoon. Today I have an announcement.") == [
        "SEC. GATES: Good afternoon.",
        "Today I have an announcement.",
    ]
    # an agency's initials still end a sentence
    assert texts("The rule came from the SEC. The firm appealed.") == [
        "The rule came from the SEC.",
        "The firm appealed.",
    ]


# The opening of a DoD briefing transcript and of a CENTCOM release, one paragraph a line, whose
# heading and label lines are about as long as the sentences: every line is a claim of its own.
BRIEFING = (
    "DOD News Briefing with Secretary Gates and Adm. Mullen from the Pentagon\n"
    "Presenters: Secretary of Defense Robert M. Gates and Chairman of the Joint Chiefs of Staff Adm. Mike Mullen\n"
    "Feb. 22, 2010\n"
    "SEC. GATES: Good afternoon. I have an announcement to make about Ms. Long.\n"
)
RELEASE = (
    "U.S. Military Forces Conduct Airstrikes Against ISIL Terrorists in Syria and Iraq\n"
    "TAMPA, Fla. — U.S. military forces conducted airstrikes. Separately, partner forces struck.\n"
    "The strikes destroyed two vehicles and a building used by the group near the town.\n"
)


def test_heading_label_and_date_lines_are_claims_of_their_own() -> None:
    assert texts(BRIEFING) == [
        "DOD News Briefing with Secretary Gates and Adm. Mullen from the Pentagon",
        "Presenters: Secretary of Defense Robert M. Gates and Chairman of the Joint Chiefs of Staff Adm. Mike Mullen",
        "Feb. 22, 2010",
        "SEC. GATES: Good afternoon.",
        "I have an announcement to make about Ms. Long.",
    ]
    assert texts(RELEASE) == [
        "U.S. Military Forces Conduct Airstrikes Against ISIL Terrorists in Syria and Iraq",
        "TAMPA, Fla. —",
        "U.S. military forces conducted airstrikes.",
        "Separately, partner forces struck.",
        "The strikes destroyed two vehicles and a building used by the group near the town.",
    ]


def test_a_long_line_without_a_final_stop_ends_its_paragraph() -> None:
    # (the State Department fact sheet's fourth sentence has no final period as published)
    first = "We are also mobilizing U.S. military resources to rescue victims. " * 4
    text = f"{first}U.S. helicopters have evacuated 4,000 people\nOur response has been consistent.\n"
    assert texts(text)[-2:] == [
        "U.S. helicopters have evacuated 4,000 people",
        "Our response has been consistent.",
    ]


def test_hard_wrapped_lines_still_join() -> None:
    text = (
        "U.S. military forces conducted airstrikes against ISIL\n"
        "terrorists in Syria on Thursday, the command said. Partner\n"
        "Nation forces struck twice.\n"
    )
    assert [t.replace("\n", " ") for t in texts(text)] == [
        "U.S. military forces conducted airstrikes against ISIL terrorists in Syria on Thursday, the command said.",
        "Partner Nation forces struck twice.",
    ]


def test_a_changed_dateline_date_is_flagged_and_a_dropped_one_leaves_the_sentence_unchanged() -> None:
    original = (
        "Gates names new NGA director\n"
        "Feb. 22, 2010 - Letitia Long will serve as the next director of the agency, Defense Secretary "
        "Robert M. Gates said today. She is now deputy director of the Defense Intelligence Agency.\n"
    )
    changed = compare_texts(original, original.replace("Feb. 22", "Feb. 23"))
    flagged = [c for c in changed.changes if c.flags]
    assert len(flagged) == 1 and flagged[0].original == ("o2",)  # the dateline's own change
    assert "Feb. 23, 2010" in flagged[0].flags[0].message

    dropped = compare_texts(original, original.replace("Feb. 22, 2010 - ", ""))
    kinds = [(c.kind, c.original) for c in dropped.changes]
    assert (ChangeKind.REMOVED, ("o2",)) in kinds
    assert all(c.kind is ChangeKind.UNCHANGED for c in dropped.changes if c.original != ("o2",))


def test_a_footnote_mark_after_the_full_stop_ends_the_sentence() -> None:
    # the State Department fact sheet: "… at an approximate value of $75 million.* There are …"
    text = "It provided support worth about $75 million.* There are 26 U.S. helicopters in Pakistan."
    assert texts(text) == [
        "It provided support worth about $75 million.*",
        "There are 26 U.S. helicopters in Pakistan.",
    ]


def test_a_title_line_of_hard_wrapped_copy_is_its_own_claim() -> None:
    # a release hard-wrapped at 64 columns, its title as long as a wrapped line
    text = (
        "U.S. Military Forces Conduct Airstrikes Against ISIL in Syria\n"
        "U.S. military forces continued to attack ISIL terrorists in\n"
        "Syria today using fighter aircraft to conduct seven airstrikes.\n"
        "Partner Nation Forces Strike Twice Near the City of Bayji Today\n"
        "Separately, partner nation military forces used fighter\n"
        "aircraft to conduct two airstrikes against ISIL in Iraq.\n"
    )
    assert [t.replace("\n", " ") for t in texts(text)] == [
        "U.S. Military Forces Conduct Airstrikes Against ISIL in Syria",
        "U.S. military forces continued to attack ISIL terrorists in Syria today using fighter aircraft to "
        "conduct seven airstrikes.",
        "Partner Nation Forces Strike Twice Near the City of Bayji Today",
        "Separately, partner nation military forces used fighter aircraft to conduct two airstrikes against "
        "ISIL in Iraq.",
    ]
