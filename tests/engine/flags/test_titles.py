"""Title flags: the title before a name, read, normalised and compared."""

from __future__ import annotations

from factcheck_gui.engine import compare
from factcheck_gui.engine.flags import names, titles
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import ABBREVIATED_ROLES, LOWERCASE_ROLES, ROLES
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims
from factcheck_gui.engine.types import Flag


def mentioned(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    toks = tokenize(text)
    scan = names.scan_names(toks, compare._proper_nouns(text), keep_runs=True)
    return [(m.name, m.title, m.title_text) for m in titles.mentions(toks, scan) if m.title]


def messages(original: str, rewrite: str, whole: str | None = None) -> list[str]:
    return [f.message for f in title_flags(original, rewrite, whole)]


def title_flags(original: str, rewrite: str, whole: str | None = None) -> list[Flag]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    ta, tb = tokens_of(a), tokens_of(b)
    proper = compare._proper_nouns(original, rewrite)
    sa, sb = names.scan_names(ta, proper, True), names.scan_names(tb, proper, True)
    lookups = Whole(whole, rewrite) if whole is not None else None
    return titles.title_flags(titles.mentions(ta, sa), titles.mentions(tb, sb), ta, tb, lookups)


def test_role_lists() -> None:
    assert LOWERCASE_ROLES < ROLES
    assert not LOWERCASE_ROLES & set(ABBREVIATED_ROLES)  # "gen" before a name is no title
    assert {"gen", "brig", "dr"} < ROLES and not {"cpl", "pvt", "fr", "mr"} & ROLES


def test_titles_are_read_before_names() -> None:
    assert mentioned("Russian President Vladimir Putin said so.") == [
        ("Vladimir Putin", ("russian", "president"), "Russian President")
    ]
    assert mentioned("Former U.S. Gen. John Allen spoke.") == [
        ("John Allen", ("former", "united", "states", "general"), "Former U.S. Gen.")
    ]
    assert mentioned("The chairman and chief executive Tim Cook said.") == [
        ("Tim Cook", ("chairman", "chief", "executive"), "chairman and chief executive")
    ]


def test_the_same_title_in_other_words() -> None:
    assert titles._same_title(("us", "general"), ("united", "states", "general"))
    assert titles._same_title(("rnc", "chairman"), ("republican", "national", "committee", "chairman"))
    assert not titles._same_title(("president",), ("prime", "minister"))


def test_a_side_with_a_hyphenated_title_may_have_titles() -> None:
    assert titles.may_have_titles([], split_claims("The Secretary-General spoke.", "o"))
    assert not titles.may_have_titles(tokenize("He spoke."), split_claims("He spoke.", "o"))


def test_title_flags() -> None:
    assert messages(
        "Russian President Vladimir Putin said the talks had failed.",
        "Vladimir Putin said the talks had failed.",
    ) == ["title of Vladimir Putin omitted: Russian President"]
    assert messages("Vladimir Putin said so.", "President Vladimir Putin said so.") == [
        "title of Vladimir Putin added: President"
    ]
    assert messages("Gen. John Allen said so.", "General John Allen said so.") == []
    assert messages("President Putin said so.", "Putin, the president, said so.") == []


def said(original: str, rewrite: str, whole: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.change.value, f.severity.value, f.message) for f in title_flags(original, rewrite, whole)]


def test_a_title_omitted_changed_shortened_or_lengthened() -> None:
    assert said("Dr. Smith said so.", "Smith said so.") == [("omitted", "low", "title of Smith omitted: Dr.")]
    assert said("Prime Minister Keir Starmer said so.", "President Keir Starmer said so.") == [
        ("changed", "high", "title of Keir Starmer changed: Prime Minister → President")
    ]
    assert said(
        "Officials said Vice Admiral Robert Murrett left.",
        "Officials said Navy Vice Adm. Robert Murrett left.",
    ) == [("added", "low", "title of Robert Murrett lengthened: Vice Admiral → Navy Vice Adm.")]
    assert said(
        "Officials said HBO chairman and chief executive Chris Albrecht left.",
        "Officials said HBO Chairman Chris Albrecht left.",
    ) == [
        (
            "omitted",
            "low",
            "title of Chris Albrecht shortened: HBO chairman and chief executive → HBO Chairman",
        )
    ]
    # but a title that gains or loses its standing says who the person is
    assert said("Officials said former President Trump left.", "Officials said President Trump left.") == [
        ("changed", "high", "title of Trump changed: former President → President")
    ]
    assert said("President Donald Trump said so.", "President-elect Donald Trump said so.") == [
        ("changed", "high", "title of Donald Trump changed: President → President-elect")
    ]


def test_a_title_added_counts_only_when_the_original_never_gives_it() -> None:
    whole = "Navy Adm. Mike Mullen spoke first.\nMullen said the talks failed."
    assert said("Mullen said the talks failed.", "Adm. Mike Mullen said the talks failed.", whole) == []
    assert said("Mullen said the talks failed.", "Navy Adm. Mike Mullen said the talks failed.", whole) == []
    assert said("Mullen said the talks failed.", "Gen. Mike Mullen said the talks failed.", whole) == [
        ("added", "medium", "title of Mike Mullen added: Gen.")
    ]
