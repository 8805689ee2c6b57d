"""Name flags: which capitalised words are names and of what kind, which names are the same,
and what the flag says when they change, are omitted or are added."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.engine import compare
from factcheck_gui.engine.flags import names
from factcheck_gui.engine.flags._common import Fact
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.normalize import tokenize
from factcheck_gui.engine.types import DiffOp, DiffOpKind, Flag, FlagType

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


def _scan(*facts: Fact, kinds: tuple[str, ...] = ()) -> names.NameScan:
    return names.NameScan(list(facts), [], (), kinds or (names.UNKNOWN,) * len(facts))


def said(found: list[Flag]) -> list[tuple[str, str, str]]:
    return [(f.change.value, f.severity.value, f.message) for f in found]


def test_a_swap_only_where_the_diff_replaces_one_name_by_the_other() -> None:
    berg, vogt, leipzig = _fact("anna berg", 6), _fact("karl vogt", 6), _fact("leipzig", 40)
    replaced = (DiffOp(DiffOpKind.REPLACE, (6, 15), (6, 15)),)
    got = names.name_flags(_scan(berg), _scan(vogt, leipzig), diff=replaced)
    assert said(got) == [
        ("changed", "high", "name changed: Anna Berg → Karl Vogt"),
        ("added", "medium", "name added: Leipzig"),
    ]
    assert all(f.type is FlagType.NAME for f in got)
    assert (got[0].original, got[0].rewrite) == ("Anna Berg", "Karl Vogt")
    assert said(names.name_flags(_scan(berg), _scan(vogt))) == [
        ("added", "medium", "name added: Karl Vogt"),
        ("omitted", "low", "name omitted: Anna Berg"),
    ]
    assert names.name_flags(_scan(berg), _scan(_fact("berg", 0))) == []


def test_names_of_different_kinds_are_never_one_name_changed() -> None:
    ziarat, agency = _fact("ziarat", 6), _fact("yonhap news", 6)
    replaced = (DiffOp(DiffOpKind.REPLACE, (6, 17), (6, 17)),)
    got = names.name_flags(
        _scan(ziarat, kinds=(names.PLACE,)), _scan(agency, kinds=(names.ORG,)), diff=replaced
    )
    assert said(got) == [
        ("added", "medium", "name added: Yonhap News"),
        ("omitted", "low", "name omitted: Ziarat"),
    ]


def kinds(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    scan = names.scan_names(toks, compare._proper_nouns(text))
    return [(f.text, names.kind_of(scan, k, toks)) for k, f in enumerate(scan.facts)]


def test_names_are_typed_by_simple_cues() -> None:
    assert kinds(
        "Officials said Gen. Sultan flew from the Geospatial Intelligence Agency to a camp in Ziarat."
    ) == [
        ("Sultan", names.PERSON),
        ("Geospatial Intelligence Agency", names.ORG),
        ("Ziarat", names.PLACE),
    ]
    assert kinds("Officials in Pakistan said Pakistani troops reached Fort Belvoir, Va. by noon.") == [
        ("Pakistan", names.PLACE),
        ("Pakistani", names.PEOPLE),
        ("Fort Belvoir", names.PLACE),
        ("Va", names.LOCATOR),
    ]


def test_headline_words_are_names_only_where_running_text_has_them() -> None:
    head = "Rescue Effort Intensifies in Pakistan as Quake Toll Mounts"
    toks = tokenize(head)
    scan = names.scan_names(toks, frozenset(), headlines=[(0, len(head))], running=frozenset({"pakistan"}))
    assert [f.text for f in scan.facts] == ["Pakistan"]


def test_accents_are_no_name_change() -> None:
    a = names.scan_names(tokenize("Officials said José Pérez won."), frozenset())
    b = names.scan_names(tokenize("Officials said Jose Perez won."), frozenset())
    assert a.facts[0].key == b.facts[0].key == "jose perez"


def test_an_added_name_the_original_has_elsewhere_or_that_speaks_is_no_flag() -> None:
    whole = Whole(
        "Secretary of Defense Robert Gates spoke. The U.S. special operations forces left.", "Cook said so."
    )
    for fact, kind in (
        (_fact("robert m gates", 0), names.PERSON),  # the same person, by the surname
        (_fact("cook", 0), names.UNKNOWN),  # a speaker the rewrite quotes
        (Fact("special forces", "Special Forces", (0, 14)), names.ORG),  # the original's words
        (Fact("united states", "United States", (0, 13)), names.PLACE),  # "U.S."
        (Fact("va.", "Va.", (0, 3)), names.LOCATOR),  # where a place named before lies
    ):
        assert names._known(fact, kind, whole), fact
    assert not names._known(Fact("barack obama", "Barack Obama", (0, 12)), names.PERSON, whole)


def test_an_initialism_spelled_out_is_the_same_name() -> None:
    a = "Officials said ISIL fighters attacked."
    b = "Officials said fighters of the Islamic State of Iraq and the Levant attacked."
    ta, tb = tokenize(a), tokenize(b)
    sa, sb = names.scan_names(ta, frozenset()), names.scan_names(tb, frozenset())
    assert names.name_flags(sa, sb, ta, tb) == []


def test_a_name_given_speech_in_its_own_sentence_is_a_speaker() -> None:
    for text, who in (
        ("The raid worked, said Defense Secretary Robert M. Gates.", "Robert M. Gates"),
        ("The raid worked, Cook, the Pentagon spokesman, said.", "Cook"),
        ("The raid worked, according to Smith.", "Smith"),
    ):
        toks = tokenize(text)
        (name,) = [f for f in names.scan_names(toks, frozenset()).facts if f.text == who]
        assert names._speaks_here(toks, name.span), text
    toks = tokenize("The raid worked, Kerry told VOA.")
    scan = names.scan_names(toks, frozenset())
    assert not names._speaks_here(toks, scan.facts[-1].span)


def test_names_joined_by_of_or_for_are_one_name() -> None:
    text = "The bill went from the House of Representatives to the Agency for International Development."
    assert [f.text for f in names.scan_names(tokenize(text), frozenset()).facts] == [
        "House of Representatives",
        "Agency for International Development",
    ]
    a, b = "The bill was passed by the House of Representatives.", "The bill was passed by the Senate."
    ta, tb = tokenize(a), tokenize(b)
    diff = (DiffOp(DiffOpKind.REPLACE, (26, 50), (26, 32)),)
    got = names.name_flags(names.scan_names(ta, frozenset()), names.scan_names(tb, frozenset()), ta, tb, diff)
    assert said(got) == [("changed", "high", "name changed: House of Representatives → Senate")]


_NAME_WORDS = st.sampled_from(
    "russia russian korea korean kim jong un putin vladimir pakistan pakistani islamabad sultan "
    "gates robert united states nations agency development peshmerga hawija".split()
)


@given(
    st.lists(st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join), max_size=12),
    st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join),
)
@settings(max_examples=200, deadline=None)
def test_the_name_index_finds_what_matching_every_pair_finds(keys: list[str], key: str) -> None:
    index = names.NameIndex(keys)
    assert index.matching(key) == [j for j, k in enumerate(keys) if names.name_match(key, k)]
