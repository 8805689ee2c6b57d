"""The fact ledger: every number, date, name, title and quotation of both versions of a story,
each marked kept, changed, dropped or new, with the change that holds it.

The facts are read by the engine's own rules (:mod:`factcheck_gui.engine.flags`), so the
ledger and the flags never disagree on what a figure or a name is. They are matched in three
steps, most trusted first:

1. inside a change, the same value on both sides is *kept*;
2. inside a change, two values a flag of the engine links (its spans or its wording) are one
   fact *changed* (the flag's message says how);
3. what is left is looked for in the whole other version: found, it is *kept* (stated in
   another change, named in ``other_change``); not found, an original fact is *dropped* and a
   rewrite fact is *new* — so a figure that only an added paragraph states is listed as new.

Pure and Qt-free; on a 20,000-claim pair it takes seconds, so the UI builds it in a worker
(:func:`build_ledger` takes a ``cancelled`` callback like :func:`compare_texts`).
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import Any

from factcheck_gui.engine.compare import Cancelled, _proper_nouns
from factcheck_gui.engine.flags._common import POSSESSIVE, headline_spans, title_case
from factcheck_gui.engine.flags.dates import _dates
from factcheck_gui.engine.flags.names import scan_names
from factcheck_gui.engine.flags.numbers import Num, numbers_of
from factcheck_gui.engine.flags.titles import may_have_titles, mentions
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import MONTHS, WEEKDAYS
from factcheck_gui.engine.normalize import normalize_text, tokenize
from factcheck_gui.engine.quotes import find_quotes
from factcheck_gui.engine.types import (
    Change,
    Claim,
    Comparison,
    Document,
    Flag,
    FlagChange,
    FlagType,
    Side,
    Span,
)

__all__ = [
    "FactKind",
    "FactStatus",
    "Ledger",
    "LedgerEntry",
    "SideFact",
    "build_ledger",
    "side_facts",
]


class FactKind(str, Enum):
    """What a fact is. The order is the ledger's order of groups."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    TITLE = "title"
    QUOTATION = "quotation"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The group's heading in words: "Numbers", "Quotations"."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    FactKind.NUMBER: "Numbers",
    FactKind.DATE: "Dates and times",
    FactKind.NAME: "Names",
    FactKind.TITLE: "Titles",
    FactKind.QUOTATION: "Quotations",
}


class FactStatus(str, Enum):
    """What the rewrite did to a fact of the story."""

    KEPT = "kept"  # both versions state it
    CHANGED = "changed"  # the rewrite states another value of it
    DROPPED = "dropped"  # only the original states it
    NEW = "new"  # only the rewrite states it

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class SideFact:
    """A fact as one version writes it."""

    kind: FactKind
    key: str  # normalised value: equal keys are the same fact
    text: str  # as written
    span: Span  # offsets into that version's text
    claim: str  # id of the claim that holds it


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One fact of the story and what became of it.

    ``change`` is the change that holds the fact (the original's side for a kept, changed or
    dropped fact, the rewrite's for a new one); ``other_change`` the change where the other
    version states it, when that is another one. Spans are offsets into the two texts.
    """

    kind: FactKind
    status: FactStatus
    original: str
    rewrite: str
    original_span: Span | None
    rewrite_span: Span | None
    change: str
    other_change: str = ""
    note: str = ""  # why: the engine's flag message, or where the other version states it

    @property
    def changes(self) -> tuple[str, ...]:
        """The ids of the changes that hold the fact, its own first."""
        return (self.change, self.other_change) if self.other_change else (self.change,)

    @property
    def text(self) -> str:
        """The fact's wording, the rewrite's when both have one ("3 → 30" for a changed one)."""
        if self.status is FactStatus.CHANGED:
            return f"{self.original} → {self.rewrite}"
        return self.rewrite or self.original


@dataclass(frozen=True)
class Ledger:
    """All entries, grouped by kind in :class:`FactKind` order, each group in reading order.

    The lookups a view filters by (entries by kind and status, by change, their wording case
    folded) are built with the ledger, in the worker that builds it, so that filtering on the
    GUI thread only joins lists of positions.
    """

    entries: tuple[LedgerEntry, ...]
    _by_change: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _by_group: dict[tuple[FactKind, FactStatus], list[int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _folded: list[str] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        for i, e in enumerate(self.entries):
            for cid in e.changes:
                self._by_change.setdefault(cid, []).append(i)
            self._by_group.setdefault((e.kind, e.status), []).append(i)
            self._folded.append(f"{e.original}\x00{e.rewrite}".casefold())

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> Counter[tuple[FactKind, FactStatus]]:
        """How many entries of each kind have each status."""
        return Counter({k: len(v) for k, v in self._by_group.items()})

    def status_counts(self) -> Counter[FactStatus]:
        out: Counter[FactStatus] = Counter()
        for (_, status), v in self._by_group.items():
            out[status] += len(v)
        return out

    def positions(self, kind: FactKind, statuses: Iterable[FactStatus], words: str = "") -> list[int]:
        """Where in :attr:`entries` the entries of ``kind`` with one of ``statuses`` are, in
        order; only those whose wording holds ``words`` (case folded) when given."""
        lists = [self._by_group[kind, s] for s in statuses if (kind, s) in self._by_group]
        if not lists:
            return []
        out = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        if words:
            folded, needle = self._folded, words.casefold()
            return [i for i in out if needle in folded[i]]
        return list(out)

    def select(self, kind: FactKind | None = None, status: FactStatus | None = None) -> list[LedgerEntry]:
        """The entries of one kind and/or status (None: any)."""
        return [
            e
            for e in self.entries
            if (kind is None or e.kind is kind) and (status is None or e.status is status)
        ]

    def changes_positions(self, change_id: str) -> list[int]:
        """Where the entries a change holds are in :attr:`entries`."""
        return self._by_change.get(change_id, [])

    def for_change(self, change_id: str) -> list[LedgerEntry]:
        """The entries a change holds (its own and those stated there by the other version)."""
        return [self.entries[i] for i in self._by_change.get(change_id, ())]

    def find(self, text: str, status: FactStatus | None = None) -> list[LedgerEntry]:
        """Entries whose wording on either side contains ``text`` (case folded)."""
        needle = text.casefold()
        return [
            e
            for i, e in enumerate(self.entries)
            if needle in self._folded[i] and (status is None or e.status is status)
        ]


# --- reading the facts of one version -------------------------------------------------------


def side_facts(
    doc: Document, proper: Container[str], whole: Whole, cancelled: Callable[[], bool] | None = None
) -> dict[str, list[SideFact]]:
    """The facts of each claim of ``doc`` (claim id → facts in reading order). ``proper`` and
    ``whole``: as the engine's flags use them (names at a sentence start, headline words)."""
    out: dict[str, list[SideFact]] = {}
    for n, claim in enumerate(doc.claims):
        if cancelled is not None and n % 256 == 0 and cancelled():
            raise Cancelled
        out[claim.id] = _claim_facts(claim, proper, whole)
    for q in find_quotes(doc.text):
        claim_id = _claim_at(doc, q.start)
        key = _quote_key(q.text)
        if claim_id and key:
            out[claim_id].append(SideFact(FactKind.QUOTATION, key, q.text, (q.start, q.end), claim_id))
    return out


def _claim_facts(claim: Claim, proper: Container[str], whole: Whole) -> list[SideFact]:
    tokens = tokenize(claim.text, claim.start)
    cid = claim.id
    facts = [_number(n, claim) for n in numbers_of(tokens, [claim])]
    facts += [
        SideFact(FactKind.DATE, d.key, d.text, d.span, cid) for d in _dates(claim.text, claim.start, tokens)
    ]
    titles = may_have_titles(tokens, [claim])
    heads = headline_spans([claim]) if "\n" in claim.text or title_case(claim.text) else ()
    scan = scan_names(tokens, proper, titles, heads, whole.running_proper)
    facts += [
        SideFact(FactKind.NAME, f.key, _at(claim, f.span), f.span, cid)
        for f in scan.facts
        if POSSESSIVE.sub("", f.key) not in _CALENDAR  # ("Saturday's": a date, read as one)
    ]
    if titles:
        for m in mentions(tokens, scan):
            if m.title:
                key = f"{m.person}|{' '.join(m.title)}"
                facts.append(SideFact(FactKind.TITLE, key, _at(claim, m.span), m.span, cid))
    return facts


def _at(claim: Claim, span: Span) -> str:
    """The words of ``span`` as the claim writes them, on one line."""
    return " ".join(claim.text[span[0] - claim.start : span[1] - claim.start].split())


def _number(n: Num, claim: Claim) -> SideFact:
    """A figure with the words it counts ("4,000 people") when the text has them just so."""
    start, end = n.span
    text = n.text
    if n.shown and n.shown != n.text:
        at = start - claim.start
        if claim.text.startswith(n.shown, at):
            text, end = n.shown, start + len(n.shown)
    return SideFact(FactKind.NUMBER, f"{n.key}|{n.unit}", text, (start, end), claim.id)


def _claim_at(doc: Document, pos: int) -> str:
    lo, hi = 0, len(doc.claims)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.claims[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(doc.claims) and doc.claims[lo].start <= pos:
        return doc.claims[lo].id
    return ""


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_EDGES = re.compile(r"^\W+|\W+$")
_CUTS = re.compile(r"…|\.\s?\.\s?\.|\[[^\]]{0,80}\]")


def _quote_key(text: str) -> str:
    return _EDGES.sub("", normalize_text(text))


def _segments(key: str) -> list[str]:
    """The stretches of a quotation between its cuts ("…", "[…]")."""
    return [s for s in (_EDGES.sub("", p) for p in _CUTS.split(key)) if s]


# --- matching -------------------------------------------------------------------------------

_FLAG_TYPES: dict[FactKind, frozenset[FlagType]] = {
    FactKind.NUMBER: frozenset({FlagType.NUMBER}),
    FactKind.DATE: frozenset({FlagType.DATE}),
    FactKind.NAME: frozenset({FlagType.NAME}),
    FactKind.TITLE: frozenset({FlagType.NAME}),
    FactKind.QUOTATION: frozenset({FlagType.QUOTE_ALTERED, FlagType.QUOTE_UNSOURCED}),
}


def _word_match(x: str, y: str) -> bool:
    """One word of a name for another (the rule of ``names.name_match``: Korea/Korean)."""
    if x == y:
        return True
    n = min(len(x), len(y))
    common = 0
    while common < n and x[common] == y[common]:
        common += 1
    return common >= 5 and common >= 0.75 * n


def _name_same(a: str, b: str) -> bool:
    """The same name: the words of the shorter all in the longer ("Putin", "Vladimir Putin";
    not "North Korea", "South Korea")."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return all(any(_word_match(x, y) for y in wb) for x in wa)


def _title_same(a: str, b: str) -> bool:
    pa, _, ta = a.partition("|")
    pb, _, tb = b.partition("|")
    return ta == tb and _name_same(pa, pb)


def _title_within(a: str, b: str) -> bool:
    """Are the words of title ``a`` all in title ``b``?"""
    wb = b.partition("|")[2].split()
    return all(any(_word_match(x, y) for y in wb) for x in a.partition("|")[2].split())


def _same_person(a: str, b: str) -> bool:
    return _name_same(a.partition("|")[0], b.partition("|")[0])


def _number_same(a: str, b: str) -> bool:
    """The same figure: one value, and one unit unless a side says none ("3 people", "3")."""
    va, _, ua = a.partition("|")
    vb, _, ub = b.partition("|")
    return va == vb and (ua == ub or ua in _ANY_COUNT or ub in _ANY_COUNT)


_ANY_COUNT = frozenset({"", "people", "person", "others"})  # counts of anyone: "two people", "two survivors"


def _same(kind: FactKind, a: str, b: str) -> bool:
    if kind is FactKind.NUMBER:
        return a.partition("|")[0] == b.partition("|")[0]  # (in one change: "6.4 magnitude", "6.4 struck")
    if kind is FactKind.NAME:
        return _name_same(a, b)
    if kind is FactKind.TITLE:
        return _title_same(a, b)
    if kind is FactKind.QUOTATION:
        return a == b or _quote_within(a, b) or _quote_within(b, a)
    return a == b


def _quote_within(part: str, whole: str) -> bool:
    segs = _segments(part)
    return bool(segs) and all(s in whole for s in segs)


def _overlaps(span: Span, other: Span | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


class _Lookup:
    """Where each fact of one version is, found by value: exact keys, name words."""

    def __init__(self, facts: Iterable[SideFact], doc: Document) -> None:
        self.by_key: dict[tuple[FactKind, str], list[SideFact]] = defaultdict(list)
        self.by_word: dict[tuple[FactKind, str], list[SideFact]] = defaultdict(list)
        self.titles_of: dict[str, list[SideFact]] = defaultdict(list)
        self.by_value: dict[str, list[SideFact]] = defaultdict(list)
        for f in facts:
            self.by_key[f.kind, f.key].append(f)
            if f.kind is FactKind.NUMBER:
                self.by_value[f.key.partition("|")[0]].append(f)
            elif f.kind is FactKind.NAME:
                for w in set(f.key.split()):
                    self.by_word[f.kind, w[:5]].append(f)
            elif f.kind is FactKind.TITLE:
                for w in set(f.key.partition("|")[0].split()):
                    self.titles_of[w[:5]].append(f)
        self._doc = doc

    def tables(self) -> tuple[dict[Any, list[SideFact]], ...]:
        return (self.by_key, self.by_word, self.titles_of, self.by_value)

    @cached_property
    def text(self) -> str:
        """The whole text normalised, claim by claim (short calls: the GIL is let go between)."""
        return " ".join(normalize_text(c.text) for c in self._doc.claims)

    def find(self, f: SideFact) -> SideFact | None:
        """A fact of this version with the value of ``f`` (None: it states it nowhere)."""
        exact = self.by_key.get((f.kind, f.key))
        if exact:
            return exact[0]
        if f.kind is FactKind.NUMBER:
            for g in self.by_value.get(f.key.partition("|")[0], ()):
                if _number_same(f.key, g.key):
                    return g
        elif f.kind is FactKind.NAME:
            for w in f.key.split():
                for g in self.by_word.get((f.kind, w[:5]), ()):
                    if _name_same(f.key, g.key):
                        return g
        elif f.kind is FactKind.TITLE:
            for w in f.key.partition("|")[0].split():
                for g in self.titles_of.get(w[:5], ()):
                    if _title_same(f.key, g.key):
                        return g
        return None

    def quoted(self, f: SideFact) -> bool:
        """Are the words of quotation ``f`` written in this version (quoted or not)?"""
        return _quote_within(f.key, self.text)


@dataclass
class _Builder:
    comparison: Comparison
    o_facts: dict[str, list[SideFact]]
    r_facts: dict[str, list[SideFact]]
    entries: list[tuple[int, LedgerEntry]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.change_of_o: dict[str, str] = {}
        self.change_of_r: dict[str, str] = {}
        self.order = {c.id: i for i, c in enumerate(self.comparison.changes)}
        for c in self.comparison.changes:
            for cid in c.original:
                self.change_of_o.setdefault(cid, c.id)
            for cid in c.rewrite:
                self.change_of_r.setdefault(cid, c.id)
        self.o_look = _Lookup((f for fs in self.o_facts.values() for f in fs), self.comparison.original)
        self.r_look = _Lookup((f for fs in self.r_facts.values() for f in fs), self.comparison.rewrite)
        # Facts no change paired yet, by identity, with the change that should show them (a
        # claim the engine lists in two changes, as a headline and as a sentence, is paired
        # in either; unpaired, it belongs to the change most like it).
        self.left_o: dict[_Id, tuple[Change, SideFact]] = {}
        self.left_r: dict[_Id, tuple[Change, SideFact]] = {}
        self.paired_o: set[_Id] = set()
        self.paired_r: set[_Id] = set()

    def let_go(self) -> None:
        """Free the working sets a few objects at a time. Dropped at once, their hundreds of
        thousands of objects would be freed in one C call that holds the GIL for up to a second
        (the GUI thread's events wait meanwhile)."""
        for d in (
            self.o_facts,
            self.r_facts,
            self.left_o,
            self.left_r,
            *self.o_look.tables(),
            *self.r_look.tables(),
        ):
            while d:
                d.popitem()  # type: ignore[attr-defined]
        for s in (self.paired_o, self.paired_r):
            while s:
                s.pop()
        while self.entries:
            self.entries.pop()

    def pair(self, f: SideFact, g: SideFact) -> None:
        self.paired_o.add(_id(f))
        self.paired_r.add(_id(g))

    def add(self, change: Change, entry: LedgerEntry, at: int) -> None:
        # One int per entry (kind, change, place): sorting ints is quick C work, where tuples
        # of three would hold the GIL for a noticeable while on a long story.
        key = (_KIND_RANK[entry.kind] << 48) | (self.order[change.id] << 24) | max(at, 0)
        self.entries.append((key, entry))

    def run(self, cancelled: Callable[[], bool] | None) -> Ledger:
        for n, change in enumerate(self.comparison.changes):
            if cancelled is not None and n % 256 == 0 and cancelled():
                raise Cancelled
            self._change(change)
        self._leftovers()
        self.entries.sort(key=_first)
        return Ledger(tuple(e for _, e in self.entries))

    def _change(self, change: Change) -> None:
        o_side = [
            f for cid in change.original for f in self.o_facts.get(cid, ()) if _id(f) not in self.paired_o
        ]
        r_side = [
            f for cid in change.rewrite for f in self.r_facts.get(cid, ()) if _id(f) not in self.paired_r
        ]
        flags = (*change.flags, *change.omitted)
        for kind in FactKind:
            ok = [f for f in o_side if f.kind is kind]
            rk = [f for f in r_side if f.kind is kind]
            if not ok and not rk:
                continue
            ok, rk = self._kept(change, kind, ok, rk)
            ok, rk = self._changed(change, kind, ok, rk, flags)
            self._left(self.left_o, change, ok)
            self._left(self.left_r, change, rk)

    @staticmethod
    def _left(left: dict[_Id, tuple[Change, SideFact]], change: Change, facts: list[SideFact]) -> None:
        for f in facts:
            k = _id(f)
            was = left.get(k)
            if was is None or change.similarity > was[0].similarity:
                left[k] = (change, f)

    def _kept(
        self, change: Change, kind: FactKind, ok: list[SideFact], rk: list[SideFact]
    ) -> tuple[list[SideFact], list[SideFact]]:
        if not ok or not rk:
            return ok, rk
        rest = list(rk)
        left: list[SideFact] = []
        for f in ok:
            # (the same key first, then the same value in other words)
            j = next((j for j, g in enumerate(rest) if g.key == f.key), -1)
            if j < 0:
                j = next((j for j, g in enumerate(rest) if _same(kind, f.key, g.key)), -1)
            if j < 0:
                left.append(f)
                continue
            g = rest.pop(j)
            self.pair(f, g)
            self.add(change, _entry(kind, FactStatus.KEPT, f, g, change.id), f.span[0])
        return left, rest

    def _changed(
        self,
        change: Change,
        kind: FactKind,
        ok: list[SideFact],
        rk: list[SideFact],
        flags: Sequence[Flag],
    ) -> tuple[list[SideFact], list[SideFact]]:
        types = _FLAG_TYPES[kind]
        for flag in flags:
            if flag.type not in types:
                continue
            if kind is FactKind.QUOTATION:
                rk = self._quote_flag(change, flag, rk)
                continue
            if flag.change is not FlagChange.CHANGED or not ok or not rk:
                continue
            f = _linked(ok, flag.original_span, flag.original)
            g = _linked(rk, flag.rewrite_span, flag.rewrite)
            if f is None or g is None:
                continue
            if kind is FactKind.TITLE and not _same_person(f.key, g.key):
                continue
            ok.remove(f)
            rk.remove(g)
            self.pair(f, g)
            self.add(change, _entry(kind, FactStatus.CHANGED, f, g, change.id, flag.message), f.span[0])
        if kind is FactKind.TITLE and ok and rk:
            # The same person with another title, though no flag says so: a title only
            # shortened or lengthened ("President" / "Russian President") is kept, one in
            # other words changed.
            for f in list(ok):
                g = next((g for g in rk if _same_person(f.key, g.key)), None)
                if g is None:
                    continue
                ok.remove(f)
                rk.remove(g)
                self.pair(f, g)
                if _title_within(f.key, g.key) or _title_within(g.key, f.key):
                    note = "The title is shortened or lengthened."
                    self.add(change, _entry(kind, FactStatus.KEPT, f, g, change.id, note), f.span[0])
                else:
                    self.add(change, _entry(kind, FactStatus.CHANGED, f, g, change.id), f.span[0])
        return ok, rk

    def _quote_flag(self, change: Change, flag: Flag, rk: list[SideFact]) -> list[SideFact]:
        """A quotation the engine found altered or unsourced: changed (the original has its
        words, not as a quotation or in other words) or new (the original has nothing like it)."""
        g = _linked(rk, flag.rewrite_span, "")
        if g is None:
            return rk
        rk = [x for x in rk if x is not g]
        self.paired_r.add(_id(g))
        status = FactStatus.NEW if flag.change is FlagChange.ADDED else FactStatus.CHANGED
        original = flag.original if status is FactStatus.CHANGED else ""
        span = flag.original_span if status is FactStatus.CHANGED else None
        other = self.change_of_o.get(_claim_at(self.comparison.original, span[0]), "") if span else ""
        entry = LedgerEntry(
            FactKind.QUOTATION,
            status,
            original,
            g.text,
            span,
            g.span,
            change.id,
            other if other != change.id else "",
            flag.message,
        )
        self.add(change, entry, g.span[0])
        return rk

    def _leftovers(self) -> None:
        """Facts no change accounts for: kept elsewhere, else dropped or new."""
        claimed: set[_Id] = set()  # rewrite facts a leftover original fact found
        for k, (change, f) in self.left_o.items():
            if k in self.paired_o:
                continue
            g = self._find_in_rewrite(f)
            if g is None:
                self.add(change, _entry(f.kind, FactStatus.DROPPED, f, None, change.id), f.span[0])
                continue
            other = self.change_of_r.get(g.claim, "") if g.claim else ""
            claimed.add(_id(g))
            note = f"The rewrite states it in {other}." if other and other != change.id else ""
            entry = _entry(f.kind, FactStatus.KEPT, f, g, change.id, note, other)
            self.add(change, entry, f.span[0])
        for k, (change, g) in self.left_r.items():
            if k in claimed or k in self.paired_r:
                continue
            found = self._find_in_original(g)
            if found is None:
                self.add(change, _entry(g.kind, FactStatus.NEW, None, g, change.id), g.span[0])
                continue
            other = self.change_of_o.get(found.claim, "") if found.claim else ""
            note = f"The original states it in {other}." if other and other != change.id else ""
            self.add(change, _entry(g.kind, FactStatus.KEPT, found, g, change.id, note, other), g.span[0])

    def _find_in_rewrite(self, f: SideFact) -> SideFact | None:
        g = self.r_look.find(f)
        if g is None and f.kind is FactKind.QUOTATION and self.r_look.quoted(f):
            return _unquoted(f, self.comparison.rewrite)
        return g

    def _find_in_original(self, g: SideFact) -> SideFact | None:
        f = self.o_look.find(g)
        if f is None and g.kind is FactKind.QUOTATION and self.o_look.quoted(g):
            return _unquoted(g, self.comparison.original)
        return f


def _unquoted(f: SideFact, doc: Document) -> SideFact:
    """The words of quotation ``f`` as ``doc`` writes them unquoted (no span: found by value)."""
    return SideFact(f.kind, f.key, f.text, (-1, -1), "")


_KIND_RANK = {k: i for i, k in enumerate(FactKind)}
_first = itemgetter(0)

_Id = tuple[FactKind, str, int]  # a fact's identity: its kind, claim and start


def _id(f: SideFact) -> _Id:
    return (f.kind, f.claim, f.span[0])


def _linked(facts: Sequence[SideFact], span: Span | None, wording: str) -> SideFact | None:
    """The fact a flag's span covers, else the first whose wording the flag quotes."""
    if span is not None:
        for f in facts:
            if _overlaps(f.span, span):
                return f
    if wording:
        for f in facts:
            if f.text in wording:
                return f
    return None


def _entry(
    kind: FactKind,
    status: FactStatus,
    o: SideFact | None,
    r: SideFact | None,
    change: str,
    note: str = "",
    other: str = "",
) -> LedgerEntry:
    def span(f: SideFact | None) -> Span | None:
        return f.span if f is not None and f.span[0] >= 0 else None

    return LedgerEntry(
        kind,
        status,
        o.text if o is not None else "",
        r.text if r is not None else "",
        span(o),
        span(r),
        change,
        other if other != change else "",
        note,
    )


def build_ledger(comparison: Comparison, cancelled: Callable[[], bool] | None = None) -> Ledger:
    """The fact ledger of a comparison (raises :class:`Cancelled` when ``cancelled()`` turns
    true; the UI runs it in a worker)."""
    # As in compare_texts: the build makes some hundred thousand small objects and frees none
    # until it returns; a full collection meanwhile would walk them all, holding the GIL
    # the GUI thread needs for a second or more.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        original, rewrite = comparison.original, comparison.rewrite
        # (claim by claim, as the same words: one regex pass over a whole long story would hold
        # the GIL for a tenth of a second at a time)
        proper = _proper_nouns(*(c.text for c in original.claims), *(c.text for c in rewrite.claims))
        whole = Whole(original.text, rewrite.text)
        o_facts = side_facts(original, proper, whole, cancelled)
        r_facts = _rewrite_facts(comparison, o_facts, proper, whole, cancelled)
        builder = _Builder(comparison, o_facts, r_facts)
        try:
            return builder.run(cancelled)
        finally:
            builder.let_go()
    finally:
        if was_enabled:
            gc.enable()


def _rewrite_facts(
    comparison: Comparison,
    o_facts: dict[str, list[SideFact]],
    proper: Container[str],
    whole: Whole,
    cancelled: Callable[[], bool] | None,
) -> dict[str, list[SideFact]]:
    """The rewrite's facts; a claim written exactly as an original claim (most of a light edit)
    has that claim's facts, shifted, rather than being read again."""
    rewrite = comparison.rewrite
    same: dict[str, Claim] = {}
    for c in comparison.changes:
        if len(c.original) == 1 and len(c.rewrite) == 1 and c.similarity >= 1.0:
            o = comparison.original.claim(c.original[0])
            r = rewrite.claim(c.rewrite[0])
            if o.text == r.text:
                same[r.id] = o
    out: dict[str, list[SideFact]] = {}
    for n, claim in enumerate(rewrite.claims):
        if cancelled is not None and n % 256 == 0 and cancelled():
            raise Cancelled
        twin = same.get(claim.id)
        if twin is None:
            out[claim.id] = _claim_facts(claim, proper, whole)
            continue
        d = claim.start - twin.start
        out[claim.id] = [
            SideFact(f.kind, f.key, f.text, (f.span[0] + d, f.span[1] + d), claim.id)
            for f in o_facts[twin.id]
            if f.kind is not FactKind.QUOTATION
        ]
    for q in find_quotes(rewrite.text):
        claim_id = _claim_at(rewrite, q.start)
        key = _quote_key(q.text)
        if claim_id and key:
            out[claim_id].append(SideFact(FactKind.QUOTATION, key, q.text, (q.start, q.end), claim_id))
    return out


def side_of(entry: LedgerEntry) -> Side:
    """The version whose text holds the entry's own wording (the rewrite's for a new fact)."""
    return Side.REWRITE if entry.status is FactStatus.NEW else Side.ORIGINAL
