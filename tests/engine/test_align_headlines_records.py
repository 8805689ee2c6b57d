"""Headlines, records' titles and look-alike fragments, on sentences of real story pairs
(benchmarks/pairs/tune: the NASA asteroid release and its coverage, the DoD briefing on the next
chief of naval operations and its AFPS story, the VOA Kashmir quake reports)."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts


def _links(original: str, rewrite: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {
        (c.original, c.rewrite) for c in compare_texts(original, rewrite).changes if c.original and c.rewrite
    }


def test_two_headlines_sharing_their_subject_are_each_others_counterpart() -> None:
    original = (
        "Possibility of an Earth Impact in 2029 Ruled Out for Asteroid 2004 MN4\n"
        "In the accompanying diagram, the most likely position of asteroid 2004 MN4 is shown at the end of "
        "the blue line near the Earth on 13 April 2029. However, since the asteroid's position in space is "
        "not perfectly known at that time, the white dots at right angles to the blue line are possible "
        "alternate positions of the asteroid. Neither the nominal position of the asteroid, nor any of its "
        "possible alternative positions, touches the Earth, indicating that an Earth impact in 2029 is "
        "ruled out.\n"
    )
    rewrite = (
        "MN4 2004 asteroid now considered safe\n"
        "A score of zero means that the possibility of a collision between the asteroid and Earth has been "
        "ruled out of consideration.\n"
        "2004 MN4 was once tentatively estimated as having the highest potential of any asteroid to hit the "
        "Earth. Its risk was first calculated as 2 out of 10 on the Torino scale.\n"
    )
    links = _links(original, rewrite)
    assert (("o1",), ("r1",)) in links
    assert (("o2",), ("r1",)) not in links  # the body sentence does not take the headline ...
    assert all(o == ("o1",) for o, r in links if "o1" in o)  # ... nor is the headline half of a merge


def test_a_briefings_title_is_no_headline_a_story_sums_up() -> None:
    original = (
        "DOD News Briefing with Secretary Gates and Adm. Mullen from the Pentagon\n"
        "I have recommended to the president that he nominate Admiral Jonathan Greenert to become the "
        "next chief of naval operations.\n"
    )
    rewrite = (
        "Gates Picks Greenert as Naval Operations Chief\n"
        "Defense Secretary Robert M. Gates announced today that he has recommended Navy Adm. Jonathan W. "
        "Greenert, vice chief of naval operations, to succeed the retiring Navy Adm. Gary Roughead as the "
        "next chief of naval operations.\n"
    )
    links = _links(original, rewrite)
    assert not any("o1" in o for o, _ in links)  # the record's title: who briefed, not what was said
    assert (("o2",), ("r2",)) in links


def test_a_look_alike_that_adds_nothing_to_a_linked_pair_is_not_merged_into_it() -> None:
    original = (
        "In an official statement, Maj. General Shaukat Sultan says the bulk of the deaths are in the "
        "Pakistani-controlled portion of Kashmir, where Saturday's 7.6 magnitude quake was centered.\n"
        "Hundreds of deaths also are being reported in other parts of Pakistan and in the Indian portion "
        "of Kashmir.\n"
    )
    rewrite = (
        "Most of the deaths from Saturday's disaster occurred in the Pakistani-controlled portion of "
        "Kashmir, the quake's epicenter.\n"
    )
    links = _links(original, rewrite)
    assert links == {(("o1",), ("r1",))}


def test_a_headline_is_not_linked_to_a_transcript_turn_by_its_speakers_label() -> None:
    # The State Department's transcript of a VOA interview and VOA's story (statement-kerry-voa-interview-snowden)
    original = (
        "Transcript of VOA Interview with Secretary of State John Kerry\n"
        "VOA STATE DEPARTMENT CORESPONDENT SCOTT STEARNS: Mr. Secretary thank you for being with us.\n"
        "SECRETARY OF STATE JOHN KERRY: Happy to be with you.\n"
        "QUESTION:  Is Mr. Snowden a whistleblower or a traitor?\n"
        "SECRETARY KERRY:  I believe that he has betrayed his country, because he took an oath.\n"
    )
    rewrite = (
        "John Kerry Tells VOA: Snowden Betrayed Country\n"
        "U.S. Secretary of State John Kerry says fugitive former National Security Agency contractor Edward "
        "Snowden “betrayed his country” and put the lives of Americans at risk by violating secrecy laws.\n"
        "In a one-on-one interview with VOA’s Scott Stearns, Secretary of State Kerry said Snowden took an "
        "oath to uphold secrecy laws and violated that trust.\n"
    )
    links = _links(original, rewrite)
    assert not any(
        r == ("r1",) and o in {("o1",), ("o3",)} for o, r in links
    )  # not the title, not "Happy to be with you"
    assert (("o1",), ("r2",)) not in links  # the record's title is not the lead's source
