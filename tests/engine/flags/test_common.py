"""What the flag families share: a side's text and tokens, the flag of two fact sets, what a
flag says the rewrite did, and the lookups in the whole texts."""

from __future__ import annotations

from factcheck_gui.engine.flags import split_omitted
from factcheck_gui.engine.flags._common import (
    ADDED,
    CHANGED,
    HIGH,
    LOW,
    MEDIUM,
    OMITTED,
    flag,
    fold_accents,
    joined,
    title_case,
    tokens_of,
    written,
)
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity


def test_joined_slices_like_the_document() -> None:
    text = "One two. Three four. Five six."
    claims = [Claim("o1", 0, 8, 0, text[0:8]), Claim("o3", 21, 30, 0, text[21:30])]
    got, base = joined(claims)
    assert base == 0 and got == "One two." + " " * 13 + "Five six."
    assert got[21:30] == text[21:30]
    assert joined([]) == ("", 0)
    assert [t.text for t in tokens_of(claims)] == ["One", "two", ".", "Five", "six", "."]


def test_written_keeps_the_text_spacing() -> None:
    assert written(tokenize("Michael R. Bloomberg’s")) == "Michael R. Bloomberg’s"


# --- omitted, changed, added; the whole texts ---------------------------------------------------


def test_a_flag_says_what_the_rewrite_did_and_how_much_it_matters_and_reads_back() -> None:
    f = flag(FlagType.NUMBER, CHANGED, HIGH, "36", "42", "number  changed:\n36 → 42", (0, 2), (0, 2))
    assert f.message == "number changed: 36 → 42"
    data = f.to_json()
    assert (data["change"], data["severity"]) == ("changed", "high")
    assert Flag.from_json(data) == f
    # JSON written before flags had them reads as a medium change
    old = {k: v for k, v in data.items() if k not in ("change", "severity")}
    back = Flag.from_json(old)
    assert (back.change, back.severity) == (FlagChange.CHANGED, Severity.MEDIUM)


def test_split_omitted_parts_omissions_and_low_notes_from_changes_of_fact() -> None:
    changed = flag(FlagType.NUMBER, CHANGED, HIGH, "36", "42", "number changed: 36 → 42")
    added = flag(FlagType.NAME, ADDED, MEDIUM, "", "Karl Vogt", "name added: Karl Vogt")
    omitted = flag(FlagType.NAME, OMITTED, LOW, "Berlin", "", "name omitted: Berlin")
    note = flag(FlagType.NUMBER, CHANGED, LOW, "248", "about 250", "number restated …")
    assert split_omitted([omitted, changed, note, added]) == ([changed, added], [omitted, note])


def test_title_case_lines_are_headlines_but_sentences_full_of_names_are_not() -> None:
    assert title_case("Forces Aid Hostage Rescue Mission In Northern Iraq")
    assert title_case("Death Toll Rising in South Asia Earthquake")
    assert not title_case("Prime Minister Anna Berg met President Karl Vogt in Bonn.")
    assert not title_case("Support to Pakistan includes financial assistance")
    assert not title_case("Gates Picks")  # too short to tell


def test_the_whole_original_is_searched_for_words_as_written() -> None:
    whole = Whole("Letitia Long spoke. It was a long day. SCOTT STEARNS: hello. José Pérez left.", "")
    assert whole.has_word("Long", capitalised=True) and whole.has_word("Stearns", capitalised=True)
    assert whole.has_word("Jose Perez", capitalised=True)  # accents folded
    assert not whole.has_word("Day", capitalised=True) and whole.has_word("day")
    assert fold_accents("José Pérez") == "Jose Perez" and fold_accents("plain") == "plain"


def test_speakers_are_the_names_the_rewrite_writes_before_a_reporting_verb() -> None:
    rewrite = "Cook said the raid worked. Gates also announced it. Kerry told VOA."
    whole = Whole("", rewrite)
    assert all(whole.speaks(w) for w in ("Cook", "gates", "Kerry"))
    assert not whole.speaks("VOA") and not whole.speaks("raid")


def test_a_name_with_accents_in_the_original_is_found_without_them() -> None:
    whole = Whole("Officials said José Pérez and Ana López spoke.", "")
    assert whole.has_word("Jose Perez", capitalised=True) and whole.has_word("Lopez", capitalised=True)
    assert list(whole.around("Perez", 5)) == ["Jose Perez and "]
    assert not whole.has_word("Jose Lopez", capitalised=True)


def test_whole_text_lookups_give_the_same_answers_from_their_indexes() -> None:
    text = (
        "U.S. special operations forces supported the raid. The chips have 512K bytes of cache.\n"
        "Officials said 322,000 pounds arrived on October 14.\n"
    )
    whole = Whole(text, "")
    assert whole.has_word("special") and whole.has_word("u.s.") and not whole.has_word("specia")
    assert whole.has_in_order(("special", "forces")) and not whole.has_in_order(("forces", "special"))
    assert whole.has_figure(("322,000",)) and whole.has_figure(("512",))  # ("512K": a figure's place)
    assert not whole.has_figure(("22,000",)) and not whole.has_figure(("32",))
    assert whole.has_day(10, 14) and not whole.has_day(10, 4)


def test_a_headline_word_is_looked_up_once_per_line_of_a_text_with_no_line_breaks() -> None:
    # a text of one long title-case line: whether a capitalised word stands in running text is
    # answered by reading the line once, not once per place the word stands in it
    line = " ".join(["Flood Hits Valley Town Again"] * 20_000)
    whole = Whole(line, "")
    assert not whole.in_running_text("valley")
    assert len(whole._headline_lines) == 1
    assert Whole("The flood hit the Valley town.\n" + line, "").in_running_text("valley")
