"""Quotation flags: each quotation of a rewrite claim against the original claims linked to
it and those most like it in words."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck_gui.engine import compare_texts, quotes
from factcheck_gui.engine.align import CandidateIndex
from factcheck_gui.engine.flags import QuoteContext, quote_flags
from factcheck_gui.engine.quotes import Source
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.similarity import Vocabulary, terms_and_norms
from factcheck_gui.engine.types import Claim, FlagType

ORIGINAL = (
    "The minister spoke to reporters on Monday. "
    "She said the budget would be a mirror response to the cuts. "
    "“We will not raise taxes,” she said.\n"
)


@dataclass
class _Context:
    original: str
    rewrite: str
    index: CandidateIndex
    source: Source


def context(original: str, rewrite: str) -> tuple[QuoteContext, tuple[Claim, ...]]:
    """What compare_texts gives the quotation flags, and the rewrite's claims."""
    o, r = split_claims(original, "o"), split_claims(rewrite, "r")
    _, sets, _ = terms_and_norms([c.text for c in o] + [c.text for c in r])
    index = CandidateIndex(sets[: len(o)], Vocabulary(sets))
    return _Context(original, rewrite, index, Source.of(original, o)), r


def test_a_source_quotation_is_fine_and_newly_quoted_words_are_not() -> None:
    rewrite = "“We will not raise taxes,” she said. She called the budget a “mirror response” to the cuts.\n"
    ctx, claims = context(ORIGINAL, rewrite)
    assert quote_flags(claims[:1], [], ctx) == []
    (flag,) = quote_flags(claims[1:], [], ctx)
    assert flag.type is FlagType.QUOTE_UNSOURCED
    assert flag.rewrite == "mirror response"
    assert flag.message.startswith("“mirror response” newly put in quotation marks; the original has them")


def test_altered_and_invented_quotations_as_compare_texts_flags_them() -> None:
    rewrite = "“We will never raise taxes,” she said. “We will cut every tax there is,” she added.\n"
    ctx, claims = context(ORIGINAL, rewrite)
    got = quote_flags(claims, [], ctx)
    assert [(f.type, f.original, f.rewrite) for f in got] == [
        (FlagType.QUOTE_ALTERED, "We will not raise taxes", "We will never raise taxes,"),
        (FlagType.QUOTE_UNSOURCED, "", "We will cut every tax there is,"),
    ]
    assert got[0].message == (
        "quotation “We will never raise taxes,” differs from the source's; the original quotes: "
        "“We will not raise taxes”"
    )
    changes = compare_texts(ORIGINAL, rewrite).changes
    assert [f for c in changes for f in c.flags if f.type.value.startswith("quote")] == got


def _flags(original: str, rewrite: str) -> list[tuple[str, str, str, str]]:
    ctx, claims = context(original, rewrite)
    return [(f.type.value, f.change.value, f.severity.value, f.message) for f in quote_flags(claims, [], ctx)]


TRANSCRIPT = (
    "QUESTION: Is Mr. Snowden a whistleblower or a traitor?\n"
    "SECRETARY KERRY: I believe that he has betrayed his country, because he took an oath. "
    "And it may well be that lives will be lost in the United States.\n"
)


def test_quoting_a_transcript_word_for_word_is_right() -> None:
    assert _flags(TRANSCRIPT, "Kerry said Snowden “betrayed his country” and broke his oath.\n") == []
    assert (
        _flags(TRANSCRIPT, "Kerry said: “[It] may well be that lives will be lost in the United States.”\n")
        == []
    )
    assert (
        _flags(
            TRANSCRIPT,
            "Kerry said: “I believe that he has betrayed his country … it may well be that lives will be lost.”\n",
        )
        == []
    )


def test_a_quotation_that_differs_from_the_speakers_own_words_is_altered() -> None:
    (got,) = _flags(TRANSCRIPT, "Kerry said: “[It] may well be that lives are lost in the United States.”\n")
    assert got[:3] == ("quote_altered", "changed", "high")
    assert got[3].startswith(
        "quotation “[It] may well be that lives are lost in the United States.” differs from the speaker's words"
    )


STATEMENT = (
    "Good morning. We're working with the government of Libya to secure our diplomats. "
    "I've also directed my administration to increase our security. Our thoughts are with the families.\n"
)


def test_contractions_written_out_are_the_same_words_but_a_word_put_in_is_not() -> None:
    same = "Obama said: “We are working with the government of Libya to secure our diplomats. I have also directed my administration to increase our security.”\n"
    assert _flags(STATEMENT, same) == []
    joined = same.replace("diplomats. I have", "diplomats, and I have")
    (got,) = _flags(STATEMENT, joined)
    assert got[0] == "quote_altered"


def test_a_report_is_not_the_speakers_own_words() -> None:
    # the original reports what the minister said: her words in quotation marks are new
    (got,) = _flags(ORIGINAL, "She called the budget a “mirror response” to the cuts.\n")
    assert got[:3] == ("quote_unsourced", "changed", "medium")
    assert "newly put in quotation marks" in got[3]


LONG_QUOTE = (
    "The mayor said the old bridge was “unsafe for heavy trucks and buses and must close before "
    "the winter storms arrive in the valley this year” and asked for patience.\n"
)


def _quote_kinds(original: str, rewrite: str) -> list[FlagType]:
    ctx, r = context(original, rewrite)
    return [f.type for f in quote_flags(r, [], ctx)]


def test_a_long_quotation_of_a_third_party_with_a_word_inserted_is_altered() -> None:
    # one word in twenty is no punctuation: "completely", "not" change what was said
    for changed in (
        LONG_QUOTE.replace("“unsafe", "“completely unsafe"),
        LONG_QUOTE.replace("must close", "must not close"),
        LONG_QUOTE.replace("trucks and buses and", "trucks and"),  # words of the quotation left out
    ):
        assert _quote_kinds(LONG_QUOTE, changed) == [FlagType.QUOTE_ALTERED], changed
    # punctuation and a marked cut are no change
    assert _quote_kinds(LONG_QUOTE, LONG_QUOTE.replace("this year”", "this year,”")) == []
    assert _quote_kinds(LONG_QUOTE, LONG_QUOTE.replace("buses and", "buses … and")) == []


def test_two_source_quotations_joined_without_the_narration_are_the_speakers_words() -> None:
    original = "“The bridge is unsafe for heavy trucks,” the mayor said. “It must close before the winter.”\n"
    rewrite = "The mayor said: “The bridge is unsafe for heavy trucks. It must close before the winter.”\n"
    assert _quote_kinds(original, rewrite) == []
    # but not when a word is put in
    assert _quote_kinds(original, rewrite.replace("must close", "must soon close")) == [
        FlagType.QUOTE_ALTERED
    ]


def test_quoted_words_are_whole_words_of_a_source_quotation() -> None:
    original = "“Really, this plan is an insult to working parents,” the speaker said.\n"
    # "His plan" is no part of "this plan": the quotation is altered
    assert _quote_kinds(original, "“His plan is an insult to working parents.”\n") == [FlagType.QUOTE_ALTERED]
    assert _quote_kinds(original, "“This plan is an insult to working parents.”\n") == []


def test_a_source_with_many_quotations_answers_as_a_short_one() -> None:
    # past SEARCHED_WHOLE characters of quotations the lookup goes by word, with the same answers
    filler = "".join(
        f"“Statement number {n} was read out to the crowd at noon,” he said. " for n in range(2000)
    )
    original = filler + "“Really, this plan is an insult to working parents,” the speaker said.\n"
    src = Source.of(original, split_claims(original, "o"))
    assert len(src.all_keys) > quotes.SEARCHED_WHOLE
    assert src.quoted("plan is an insult") and src.quoted("statement number 1999 was")
    assert not src.quoted("his plan is") and not src.quoted("number 2000 was")
    assert not src.quoted("lan is an insult")  # (no part of a word)


RELEASE = (
    "Today, the United States announced more than $575 million in aid. "
    "With this new funding, the United States is providing emergency food and shelter to millions of people.\n"
)


def test_quoting_a_releases_own_sentence_word_for_word_is_right() -> None:
    # the release states it itself (nobody's reported speech): the rewrite quotes the source
    rewrite = (
        "“With this new funding, the United States is providing emergency food and shelter to "
        "millions of people,” the agency said.\n"
    )
    assert _flags(RELEASE, rewrite) == []
    assert _flags(RELEASE, "The agency said millions are in need of “emergency food and shelter.”\n") == []
    # words the release reports someone saying are still new as a direct quotation
    reported = RELEASE.replace(
        "With this new funding, the United States", "The minister said the United States"
    )
    (got,) = _flags(
        reported, "“The United States is providing emergency food and shelter to millions of people.”\n"
    )
    assert got[:3] == ("quote_unsourced", "changed", "medium")


def test_a_news_storys_own_sentence_quoted_as_a_persons_words_is_new() -> None:
    # the story says it; the rewrite puts it in the mayor's mouth
    story = (
        "The bridge will close on Monday for repairs that will take six weeks. "
        "Mayor Jane Smith announced the plan at a news conference on Friday.\n"
    )
    (got,) = _flags(
        story,
        "“The bridge will close on Monday for repairs that will take six weeks,” Mayor Jane Smith said.\n",
    )
    assert got[:3] == ("quote_unsourced", "changed", "medium")
    # and a claim of what someone believes is their view, not the document's statement
    (got,) = _flags(
        "Police are investigating. Police believe the fire started in the kitchen of the house.\n",
        "Police said “the fire started in the kitchen of the house,” the department said.\n",
    )
    assert got[0] == "quote_unsourced"
