"""Title flags: the title before a name, read, normalised and compared."""

from __future__ import annotations

from factcheck_gui.engine import compare
from factcheck_gui.engine.flags import names, titles
from factcheck_gui.engine.flags._common import tokens_of
from factcheck_gui.engine.lexicon import ABBREVIATED_ROLES, LOWERCASE_ROLES, ROLES
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.segment import split_claims


def mentioned(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    toks = tokenize(text)
    scan = names.scan_names(toks, compare._proper_nouns(text), keep_runs=True)
    return [(m.name, m.title, m.title_text) for m in titles.mentions(toks, scan) if m.title]


def messages(original: str, rewrite: str) -> list[str]:
    a, b = split_claims(original, "o"), split_claims(rewrite, "r")
    ta, tb = tokens_of(a), tokens_of(b)
    proper = compare._proper_nouns(original, rewrite)
    sa, sb = names.scan_names(ta, proper, True), names.scan_names(tb, proper, True)
    flags = titles.title_flags(titles.mentions(ta, sa), titles.mentions(tb, sb), ta, tb)
    return [f.message for f in flags]


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
    ) == ["title of Vladimir Putin dropped: Russian President"]
    assert messages("Vladimir Putin said so.", "President Vladimir Putin said so.") == [
        "title of Vladimir Putin added: President"
    ]
    assert messages("Gen. John Allen said so.", "General John Allen said so.") == []
    assert messages("President Putin said so.", "Putin, the president, said so.") == []
