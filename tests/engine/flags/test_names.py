"""Name flags: which capitalised words are names, which names are the same, and what the flag
says when they change."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine import compare
from factcheck_gui.engine.flags import names
from factcheck_gui.engine.flags._common import Fact
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.types import DiffOp, DiffOpKind, FlagType

# compare.py's scan for a name after an abbreviated title, as first written (before its titles
# came from the lexicon).
_AFTER_TITLE_AS_WRITTEN = re.compile(
    r"\.(?:(?<=\b(?:Mr|Ms|Dr|Lt|Fr)\.)|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Adm|Maj|Rev|Det|Cpl|Pvt)\.)"
    r"|(?<=\b(?:Prof|Capt|Cmdr|Supt|Insp)\.)) ([A-Z][\w’'\-]*)"
)
_PIECES = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Capt", "Brig", "Sec", "Pres", "Amb", "Cdr", "Insp",
    "MR", "dr", "XDr", "Smith", "O’Neil", "x", ".", ". ", " ", "-", "9",
]  # fmt: skip


def scanned(text: str) -> list[tuple[str, str]]:
    scan = names.scan_names(tokenize(text), compare._proper_nouns(text))
    return [(f.key, f.text) for f in scan.facts]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_proper_noun_titles_are_the_ones_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert compare._AFTER_TITLE.findall(text) == _AFTER_TITLE_AS_WRITTEN.findall(text)


def test_names_titles_initials_and_aliases() -> None:
    assert scanned("Officials in Moscow met Dr. Anna Berg and Michael R. Bloomberg.") == [
        ("moscow", "Moscow"),
        ("anna berg", "Anna Berg"),
        ("michael r bloomberg", "Michael R. Bloomberg"),
    ]
    assert scanned("Putin said the U.S. would reply.") == [("united states", "U.S.")]


def test_a_sentence_start_is_a_name_only_where_the_text_shows_one() -> None:
    assert scanned("Berlin is big. They said so.") == []
    assert scanned("Berlin is big. In Berlin they said so.") == [("berlin", "Berlin"), ("berlin", "Berlin")]


def test_the_same_name() -> None:
    assert names.name_match("russia", "russian")
    assert names.name_match("anna berg", "karl berg")  # one word in common
    assert not names.name_match("korea", "kenya")


def _fact(key: str, start: int) -> Fact:
    return Fact(key, key.title(), (start, start + len(key)))


def test_a_swap_only_where_the_diff_replaces_one_name_by_the_other() -> None:
    berg, vogt, leipzig = _fact("anna berg", 6), _fact("karl vogt", 6), _fact("leipzig", 40)
    replaced = (DiffOp(DiffOpKind.REPLACE, (6, 15), (6, 15)),)
    flag = names.names_flag([berg], [vogt, leipzig], replaced)
    assert flag is not None and flag.type is FlagType.NAME
    assert flag.message == "names changed: Anna Berg → Karl Vogt; added: Leipzig"
    assert (flag.original, flag.rewrite) == ("Anna Berg", "Karl Vogt, Leipzig")
    flag = names.names_flag([berg], [vogt])
    assert flag is not None and flag.message == "names dropped: Anna Berg; added: Karl Vogt"
    assert names.names_flag([berg], [_fact("berg", 0)]) is None
