"""Quotation flags: each quotation of a rewrite claim against the original claims linked to
it and those most like it in words."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck_gui.engine import compare_texts
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
