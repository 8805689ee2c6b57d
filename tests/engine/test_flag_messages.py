"""Flag messages a fact-checker can read at a glance, and flags that carry both sides in full."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import Comparison, Flag, FlagType, compare_texts
from factcheck_gui.engine.compare import ENGINE_VERSION
from factcheck_gui.engine.types import FlagChange, Severity
from tests.engine.flags.seen import Seen, flags, messages, omitted, review


@pytest.fixture(scope="module")
def demo(reference_pair: tuple[str, str]) -> Comparison:
    return compare_texts(*reference_pair, original_name="original.txt", rewrite_name="rewrite.txt")


def flags_of(cmp: Comparison, ftype: FlagType) -> list[Flag]:
    return [f for c in cmp.changes for f in c.flags if f.type is ftype]


def flags_on(cmp: Comparison, rewrite_start: str, ftype: FlagType) -> list[Flag]:
    """Flags of the given type on the change holding the rewrite claim that starts so."""
    (rid,) = [c.id for c in cmp.rewrite.claims if c.text.lstrip('“"').startswith(rewrite_start)]
    return [f for ch in cmp.changes_for_claim(rid) for f in ch.flags if f.type is ftype]


def one(flags: list[Flag]) -> Flag:
    assert len(flags) == 1, [f.message for f in flags]
    return flags[0]


# --- names: omitted and added are not a swap -------------------------------------------------


def test_demo_unrelated_omitted_and_added_names_are_not_shown_as_a_swap(
    reference_pair: tuple[str, str],
) -> None:
    # "I said, including in Pyongyang, …" vs "…,” Putin stated": Pyongyang did not become Putin,
    # and Putin, in the original elsewhere and the rewrite's speaker, is no name added.
    cmp, seen = review(*reference_pair)
    on = on_claim(cmp, seen, "We then reserve the right")
    assert [f.message for s in on for f in s.flags if f.type is FlagType.NAME] == []
    assert [f.message for s in on for f in s.omitted if f.type is FlagType.NAME] == [
        "name omitted: Pyongyang"
    ]
    on = on_claim(cmp, seen, "Western nations have expressed alarm")
    assert [
        f.message for s in on for f in s.flags if f.type is FlagType.NAME
    ] == []  # Russia is in the original
    (gone,) = [f for s in on for f in s.omitted if f.type is FlagType.NAME]
    assert gone.message == "names omitted: United Nations, Moscow, Pyongyang"
    assert (gone.original, gone.rewrite, gone.change) == (
        "United Nations, Moscow, Pyongyang",
        "",
        FlagChange.OMITTED,
    )


def on_claim(cmp: Comparison, seen: list[Seen], rewrite_start: str) -> list[Seen]:
    """What is seen of the changes holding the rewrite claim that starts so."""
    (rid,) = [c.id for c in cmp.rewrite.claims if c.text.lstrip('“"').startswith(rewrite_start)]
    return [s for s in seen if rid in s.change.rewrite]


def test_name_omitted_in_one_place_and_added_in_another_is_two_facts() -> None:
    original = "The minister met Anna Berg in Berlin on Monday to discuss the budget.\n"
    rewrite = "The minister met Anna Berg and Karl Vogt on Monday to discuss the budget.\n"
    _, seen = review(original, rewrite)
    assert flags(seen, FlagType.NAME) == []  # nothing the original says was changed ...
    added, gone = omitted(seen, FlagType.NAME)  # ... one name is added (a note), one left out
    assert (added.message, added.rewrite, added.change, added.severity) == (
        "name added: Karl Vogt",
        "Karl Vogt",
        FlagChange.ADDED,
        Severity.LOW,
    )
    assert (gone.message, gone.original, gone.severity) == ("name omitted: Berlin", "Berlin", Severity.LOW)


def test_a_name_the_rewrite_only_gives_speech_to_is_no_name_added() -> None:
    original = "The minister met Anna Berg on Monday to discuss the budget.\n"
    rewrite = "The minister met Anna Berg on Monday to discuss the budget, Karl Vogt said.\n"
    _, seen = review(original, rewrite)
    assert flags(seen) == []


def test_a_name_replaced_in_the_same_place_is_still_a_swap() -> None:
    original = "Mayor Anna Berg said the plan would not raise taxes in the city.\n"
    rewrite = "Mayor Karl Vogt said the plan would not raise taxes in the city.\n"
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.NAME))
    assert flag.message == "name changed: Anna Berg → Karl Vogt"
    assert (flag.change, flag.severity) == (FlagChange.CHANGED, Severity.HIGH)


def test_a_swap_and_an_unrelated_addition_are_told_apart() -> None:
    original = "Mayor Anna Berg opened the new bridge over the river on Monday morning.\n"
    rewrite = "Mayor Karl Vogt opened the new bridge over the river in Leipzig on Monday morning.\n"
    _, seen = review(original, rewrite)
    assert messages(flags(seen, FlagType.NAME)) == ["name changed: Anna Berg → Karl Vogt"]
    assert messages(omitted(seen, FlagType.NAME)) == ["name added: Leipzig"]


# --- attribution: reporting phrases and softer verbs -----------------------------------------


def test_demo_issued_a_warning_is_a_reporting_verb(demo: Comparison) -> None:
    flag = one(flags_on(demo, "Putin also issued a warning", FlagType.ATTRIBUTION))
    assert flag.message == "reporting verb: said → issued a warning"
    assert flag.rewrite.startswith("issued a warning")


def test_demo_said_to_indicated_is_flagged_as_softening(demo: Comparison) -> None:
    flag = one(flags_on(demo, "Russian President Vladimir Putin indicated", FlagType.ATTRIBUTION))
    assert flag.message == "reporting verb: said → indicated"
    assert flag.original.startswith("said") and flag.rewrite.startswith("indicated")


def test_demo_attribution_messages_name_only_the_changed_verbs(demo: Comparison) -> None:
    messages = [f.message for f in flags_of(demo, FlagType.ATTRIBUTION)]
    assert "reporting verb: said → dismissed" in messages  # "said … said" said once
    # "claims both Moscow and Pyongyang deny" is a noun, and "accusations from the U.S." still
    # attributes the claim: no "say → claims" (0.2: nouns are no reporting verbs)
    assert not [m for m in messages if "claims" in m or "—" in m or "none" in m]


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("issued a stark warning", "reporting verb: said → issued a stark warning"),
        ("expressed deep concern", "reporting verb: said → expressed deep concern"),
        ("indicated", "reporting verb: said → indicated"),
    ],
)
def test_reporting_phrases_are_recognised(phrase: str, message: str) -> None:
    original = "Mayor Anna Berg said that the new plan would not raise taxes next year.\n"
    rewrite = original.replace("said", phrase)
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.ATTRIBUTION))
    assert flag.message == message


def test_a_reporting_phrase_for_the_same_or_a_neutral_verb_is_not_a_change() -> None:
    original = "Mayor Anna Berg said that the new plan would not raise taxes next year.\n"
    for phrase in ("went on to say", "pointed out", "made it clear", "announced", "stressed"):
        cmp = compare_texts(original, original.replace("said", phrase))
        assert not flags_of(cmp, FlagType.ATTRIBUTION), phrase


def test_made_a_clear_choice_is_not_a_reporting_phrase() -> None:
    original = "The council made a choice on Monday to close the old library next year.\n"
    rewrite = "The council made a clear choice on Monday to close the old library next year.\n"
    assert not flags_of(compare_texts(original, rewrite), FlagType.ATTRIBUTION)


# --- hedges: only the ones that changed ------------------------------------------------------


def test_demo_hedge_message_lists_only_the_changed_hedges(demo: Comparison) -> None:
    flag = one(flags_on(demo, "Russian President Vladimir Putin indicated", FlagType.HEDGE))
    assert flag.message == "modality changed: might → may consider; would → could"
    assert "suggested" not in flag.message
    assert flag.original == "might supply … would be"
    assert flag.rewrite == "may consider supplying … could be"


def test_unchanged_hedges_are_left_out_of_the_message() -> None:
    original = "Officials reportedly said the library might close, and fees would rise next year.\n"
    rewrite = "Officials reportedly said the library will close, and fees would rise next year.\n"
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.HEDGE))
    assert flag.message == "modality changed: might → will"
    assert flag.original == "might close" and flag.rewrite == "will close"


def test_a_dropped_hedge_is_named() -> None:
    original = "The library will reportedly close next year because of the budget cuts.\n"
    rewrite = "The library will close next year because of the budget cuts.\n"
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.HEDGE))
    assert flag.message == "modality dropped: reportedly"


# --- quotations: full text in the flag, the words in the message -----------------------------


def test_demo_flags_carry_the_full_text_of_quotations(demo: Comparison) -> None:
    quote_flags = flags_of(demo, FlagType.QUOTE_UNSOURCED) + flags_of(demo, FlagType.QUOTE_ALTERED)
    assert quote_flags
    for f in quote_flags:
        assert f.rewrite_span is not None
        assert f.rewrite == demo.rewrite.text[slice(*f.rewrite_span)]
        if f.original_span is not None:
            assert f.original == demo.original.text[slice(*f.original_span)]
    (invented,) = flags_on(demo, "In particular, explosive", FlagType.QUOTE_UNSOURCED)
    assert invented.rewrite.startswith("In particular, explosive nuclear devices")
    assert invented.rewrite.endswith("such means of destruction could be used,")
    assert "…" not in invented.rewrite
    assert invented.message.startswith("quoted words not found in the original: “In particular,")


def test_demo_newly_quoted_words_are_named_in_the_message(demo: Comparison) -> None:
    flag = one(flags_on(demo, "He suggested that arming", FlagType.QUOTE_UNSOURCED))
    assert flag.message.startswith("“mirror response” newly put in quotation marks; the original has")
    assert "unquoted: “" in flag.message and "would be a mirror response to the Western" in flag.message


def test_a_long_invented_quotation_is_kept_whole_and_only_the_message_abbreviates() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    original = "The minister spoke to reporters in the capital on Monday about the budget.\n"
    rewrite = f"The minister spoke to reporters in the capital on Monday: “{words}.”\n"
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.QUOTE_UNSOURCED))
    assert flag.rewrite == f"{words}."
    assert "word0 word1" in flag.message and "…" in flag.message and len(flag.message) < 150


def test_newly_quoted_words_message_quotes_them_and_the_source() -> None:
    original = "He called the sanctions a mirror response to the blockade of the port.\n"
    rewrite = "He called the sanctions a “mirror response” to the blockade of the port.\n"
    flag = one(flags_of(compare_texts(original, rewrite), FlagType.QUOTE_UNSOURCED))
    assert flag.message == (
        "“mirror response” newly put in quotation marks; the original has them unquoted: "
        "“He called the sanctions a mirror response to the blockade of the port.”"
    )


# --- every message is one line ---------------------------------------------------------------


def test_messages_are_one_line_even_for_hard_wrapped_text() -> None:
    original = (
        "Mayor Anna Berg said on Monday that the\nlibrary might close next year, and that\n"
        "fees would rise by 5 percent.\n"
    )
    rewrite = (
        "Mayor Anna Berg issued a\nwarning on Tuesday that the library will\nclose next year: "
        "“fees would rise\nby 7 percent and the reading room\nwould shut for good.”\n"
    )
    cmp = compare_texts(original, rewrite)
    flags = [f for c in cmp.changes for f in c.flags]
    assert {FlagType.ATTRIBUTION, FlagType.HEDGE, FlagType.QUOTE_UNSOURCED} <= {f.type for f in flags}
    for f in flags:
        assert "\n" not in f.message, f.message
    (attribution,) = [f for f in flags if f.type is FlagType.ATTRIBUTION]
    assert attribution.message == "reporting verb: said → issued a warning"


def test_demo_messages_are_one_line(demo: Comparison) -> None:
    for f in (f for c in demo.changes for f in c.flags):
        assert "\n" not in f.message and f.message.strip() == f.message


def test_engine_version_is_in_the_result(demo: Comparison) -> None:
    assert demo.engine == ENGINE_VERSION == "0.2.5"
