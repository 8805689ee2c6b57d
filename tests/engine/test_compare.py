"""Alignment, word diffs and fact flags on small texts written for the purpose."""

from __future__ import annotations

from factcheck_gui.engine import ChangeKind, Comparison, DiffOpKind, FlagType, compare_texts

STORY = (
    "The city council approved a budget of 12 million dollars on Monday.\n"
    "Mayor Anna Berg said the plan would not raise taxes.\n"
    "Critics warned that the library might close next year.\n"
    "The vote passed by seven votes to two.\n"
    "Construction of the new bridge over the Elster river will start in March.\n"
)


def kinds(cmp: Comparison) -> list[str]:
    return [c.kind.value for c in cmp.changes]


def flags_of(cmp: Comparison, ftype: FlagType) -> list:  # type: ignore[type-arg]
    return [f for c in cmp.changes for f in c.flags if f.type is ftype]


def test_identical_texts_give_only_unchanged() -> None:
    cmp = compare_texts(STORY, STORY)
    assert kinds(cmp) == ["unchanged"] * 5
    assert not any(c.flags for c in cmp.changes)


def test_whitespace_quote_style_and_case_are_not_changes() -> None:
    other = STORY.replace("said the plan", "SAID  the plan").replace("\n", "\n\n")
    cmp = compare_texts(STORY, other)
    assert set(kinds(cmp)) == {"unchanged"}


def test_reordered_paragraphs_are_moved_not_added_and_removed() -> None:
    lines = STORY.strip().split("\n")
    reordered = "\n".join([lines[3], lines[0], lines[1], lines[2], lines[4]]) + "\n"
    cmp = compare_texts(STORY, reordered)
    moved = [c for c in cmp.changes if c.kind is ChangeKind.MOVED]
    assert len(moved) == 1
    assert cmp.text_of(moved[0], "rewrite").startswith("The vote passed")
    assert kinds(cmp).count("unchanged") == 4


def test_number_edit_is_flagged_but_number_words_equal_to_digits_are_not() -> None:
    edited = STORY.replace("12 million", "15 million").replace("seven votes to two", "7 votes to 2")
    cmp = compare_texts(STORY, edited)
    numbers = flags_of(cmp, FlagType.NUMBER)
    assert len(numbers) == 1
    assert numbers[0].original == "12 million" and numbers[0].rewrite == "15 million"
    vote = next(c for c in cmp.changes if "vote passed" in cmp.text_of(c, "original"))
    assert vote.kind is ChangeKind.REWORDED and not vote.flags


def test_negation_loss_and_hedge_strengthening_are_flagged() -> None:
    edited = STORY.replace("would not raise taxes", "would raise taxes").replace(
        "the library might close", "the library will close"
    )
    cmp = compare_texts(STORY, edited)
    neg = flags_of(cmp, FlagType.NEGATION)
    assert len(neg) == 1 and "not" in neg[0].original and "lost" in neg[0].message
    hedge = flags_of(cmp, FlagType.HEDGE)
    assert len(hedge) == 1 and "might" in hedge[0].original and "will" in hedge[0].rewrite


def test_date_and_name_swaps_are_flagged() -> None:
    edited = STORY.replace("on Monday", "on Tuesday").replace("Anna Berg", "Karl Vogt")
    cmp = compare_texts(STORY, edited)
    dates = flags_of(cmp, FlagType.DATE)
    assert dates and dates[0].original == "Monday" and dates[0].rewrite == "Tuesday"
    names = flags_of(cmp, FlagType.NAME)
    assert names and "Anna Berg" in names[0].original and "Karl Vogt" in names[0].rewrite


def test_attribution_verb_change_is_flagged() -> None:
    edited = STORY.replace("Mayor Anna Berg said", "Mayor Anna Berg admitted")
    flags = flags_of(compare_texts(STORY, edited), FlagType.ATTRIBUTION)
    assert flags and "admitted" in flags[0].rewrite


def test_split_and_merge() -> None:
    original = "The minister resigned on Friday after a row over the budget, and her deputy took over the ministry.\n"
    rewrite = (
        "The minister resigned on Friday after a row over the budget. Her deputy took over the ministry.\n"
    )
    split = compare_texts(original, rewrite)
    assert kinds(split) == ["split"]
    assert split.changes[0].rewrite == ("r1", "r2")
    merged = compare_texts(rewrite, original)
    assert kinds(merged) == ["merged"]
    assert merged.changes[0].original == ("o1", "o2")


def test_unrelated_claims_sharing_common_words_are_not_linked() -> None:
    original = "The government said on Monday that the new rules would take effect in the spring.\n"
    rewrite = "The football club said on Monday that the new stadium would open in the autumn.\n"
    assert sorted(kinds(compare_texts(original, rewrite))) == ["added", "removed"]


def test_word_diff_replaces_whole_words_with_offsets_into_both_texts() -> None:
    original = "Officials said 40 people were injured in the blast.\n"
    rewrite = "Officials said 400 people were killed in the blast.\n"
    cmp = compare_texts(original, rewrite)
    (ch,) = cmp.changes
    changed = [d for d in ch.diff if d.op is not DiffOpKind.EQUAL]
    pairs = [(original[d.original[0] : d.original[1]], rewrite[d.rewrite[0] : d.rewrite[1]]) for d in changed]
    assert pairs == [("40", "400"), ("injured", "killed")]
    assert {f.type for f in ch.flags} >= {FlagType.NUMBER}


def test_punctuation_only_differences_are_marked_trivial() -> None:
    cmp = compare_texts("He left, and she stayed.\n", "He left and she stayed!\n")
    ops = [d for d in cmp.changes[0].diff if d.op is not DiffOpKind.EQUAL]
    assert ops and all(d.trivial for d in ops)


def test_altered_quotation_reports_the_source_wording() -> None:
    original = "“We will never negotiate with them under any circumstances,” the minister said.\n"
    rewrite = "The minister said: “We will not negotiate with them under these circumstances.”\n"
    cmp = compare_texts(original, rewrite)
    altered = flags_of(cmp, FlagType.QUOTE_ALTERED)
    assert altered, [f.message for c in cmp.changes for f in c.flags]
    assert "never negotiate" in altered[0].original


def test_json_round_trip_keeps_everything(reference_pair: tuple[str, str]) -> None:
    cmp = compare_texts(*reference_pair)
    assert Comparison.from_json(cmp.to_json()) == cmp


def test_a_claim_reused_in_two_places_appears_in_both_changes() -> None:
    original = (
        "The company reported record profits of 5 billion dollars. The chief executive, Maria Lopez, "
        "announced her resignation on Friday and said the board would appoint a successor within three months.\n"
    )
    rewrite = (
        "Maria Lopez, the chief executive, announced her resignation on Friday. The company reported record "
        "profits of 5 billion dollars, and the board would appoint a successor within three months.\n"
    )
    cmp = compare_texts(original, rewrite)
    assert len(cmp.changes_for_claim("o2")) == 2  # restated in r1, its last clause reused in r2
    assert len(cmp.changes_for_claim("r2")) == 2  # restates o1 and reuses part of o2
    reuse = next(c for c in cmp.changes if c.original == ("o2",) and c.rewrite == ("r2",))
    assert not [f for f in reuse.flags if f.type is FlagType.NUMBER]


def test_a_hard_wrapped_copy_compares_as_unchanged(reference_pair: tuple[str, str]) -> None:
    import textwrap

    original = reference_pair[0]
    wrapped = "\n\n".join(textwrap.fill(p, 66) for p in original.split("\n")) + "\n"
    cmp = compare_texts(original, wrapped)
    assert {c.kind for c in cmp.changes} == {ChangeKind.UNCHANGED}
    assert len(cmp.changes) == len(cmp.original.claims) == len(cmp.rewrite.claims)


def test_added_and_removed_claims_name_their_nearest_counterpart() -> None:
    from factcheck_gui.engine.types import Comparison

    original = (
        "The council approved the budget on Monday after a long debate.\n\n"
        "Officials said the new library would open in the spring of next year.\n"
    )
    rewrite = (
        "The council approved the budget on Monday after a long debate.\n\n"
        "A new sports hall is planned for the north of the town next year.\n"
    )
    cmp = compare_texts(original, rewrite)
    one_sided = [c for c in cmp.changes if c.kind.value in ("added", "removed")]
    assert one_sided and all(c.nearest is not None for c in one_sided)
    added = next(c for c in one_sided if c.kind.value == "added")
    assert added.nearest is not None and added.nearest[0].startswith("o")
    assert cmp.nearest_line(added).startswith("Closest in the original: ")
    # the JSON names it, and reading the JSON back keeps it
    data = cmp.to_json()
    j = next(c for c in data["changes"] if c["id"] == added.id)
    assert j["nearest"]["claim"] == added.nearest[0]
    back = Comparison.from_json(data)
    assert back.change(added.id).nearest == (added.nearest[0], round(added.nearest[1], 4))
    assert all(c["nearest"] is None for c in data["changes"] if c["kind"] == "unchanged")


def test_a_summary_that_only_omits_is_not_flagged_like_one_that_falsifies() -> None:
    from factcheck_gui.engine.types import Comparison

    original = "The storm killed 12 people in Manila on Tuesday, officials said.\n"
    shorter = "The storm killed 12 people, officials said.\n"
    falsified = "The storm killed 21 people in Manila on Tuesday, officials said.\n"
    omits = compare_texts(original, shorter)
    assert not [f for c in omits.changes for f in c.flags]
    left_out = [f.message for c in omits.changes for f in c.omitted]
    assert any("Manila" in m for m in left_out) and any("Tuesday" in m for m in left_out)
    changes = compare_texts(original, falsified)
    assert [f for c in changes.changes for f in c.flags if "12" in f.message and "21" in f.message]
    # the omissions travel with the JSON and come back
    back = Comparison.from_json(omits.to_json())
    assert [f.message for c in back.changes for f in c.omitted] == left_out
