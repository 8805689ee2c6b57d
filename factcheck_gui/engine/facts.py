"""Fact-sensitive differences inside a linked change: numbers, dates, names, hedges, negation,
attribution. Each flag carries both sides' wording and a one-line message.

Extraction is rule based and fast; a flag is raised when the *normalised* facts of the two
sides differ ("3" and "three" are the same number, "may" and "might" the same hedge).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz.distance import OSA

from factcheck_gui.engine.lexicon import (
    ATTRIBUTION_CLASS,
    ATTRIBUTION_PHRASES,
    HEDGE_CLASS,
    MONTHS,
    NEGATION_CLASS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    WEEKDAYS,
)
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, DiffOp, DiffOpKind, Flag, FlagType, Span


@dataclass(frozen=True, slots=True)
class Fact:
    key: str  # normalised value used for comparison
    text: str  # wording as written
    span: Span  # absolute offsets


_NUMBER_WORDS = {
    k: v
    for k, v in NUMBER_WORDS.items()
    if k
    not in {
        "one",
        "first",
        "second",
        "half",
        "double",
        "triple",
        "quarter",
        "twice",
        "third",
        "fourth",
        "fifth",
        "tenth",
    }
}
_NUM_RE = re.compile(
    r"(?P<cur>[$€£¥₩₽]\s?)?(?P<num>\d+(?:[.,]\d+)*)(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
_TITLES = frozenset(
    "president prime minister mr mrs ms dr prof sen senator rep gov governor gen general col "
    "chancellor king queen prince princess secretary foreign defence defense leader chairman "
    "ceo spokesman spokeswoman spokesperson ambassador pope saint st sir lord lady "
    "lt sgt capt cmdr adm maj".split()
)
# What a person is, written before the name ("Russian President Vladimir Putin"): a changed
# title is a changed fact about the person. (Not "Mr", "Mrs", "Ms": a paper's style.)
_ROLES = frozenset(
    "president minister dr prof professor doctor sen senator rep gov governor gen general col "
    "colonel lt lieutenant sgt sergeant capt captain cmdr commander adm admiral maj marshal "
    "brigadier chancellor king queen prince princess emperor sultan emir sheikh secretary leader "
    "chairman chairwoman ceo executive spokesman spokeswoman spokesperson ambassador envoy pope "
    "cardinal bishop archbishop rabbi imam rev reverend judge attorney mayor premier speaker "
    "director commissioner prosecutor inspector detective sir dame lord officer "
    "brig sec pres supt insp det atty amb cdr".split()
)
# Roles that are titles even in lower case right before a name ("spokesman Dmitry Peskov");
# not "general", "major", "doctor" …, which are ordinary words there too.
_LOWER_ROLES = _ROLES - frozenset(
    "dr prof doctor sen rep gov gen general col lt sgt capt cmdr adm maj marshal rev "
    "sir dame lord attorney speaker executive brig sec pres supt insp det atty amb cdr".split()
)
# Words that qualify a title before it: "former", "Foreign", "then-", "deputy" …
_ROLE_MODIFIERS = frozenset(
    "former acting deputy vice interim then ex outgoing incoming retired foreign defence defense "
    "prime finance financial operating interior opposition chief senior first state".split()
)
# Abbreviated titles whose dot does not end a sentence: "Dr. Smith".
_DOTTED_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj rev supt insp det cpl pvt fr "
    "brig sec pres atty amb cdr".split()
)


def _dotted_title(t: Token) -> bool:
    """Is ``t``, written before a dot, an abbreviated title ("Dr.", "Brig.")? Not a word ending
    a sentence ("the SEC.", "a brig.")."""
    return t.key in _DOTTED_TITLES and t.text[0].isupper() and not (len(t.text) >= 3 and t.text.isupper())


_DEMONYM_END = ("an", "ese", "ish", "i", "ch")
_HYPHENATED_ROLE = re.compile(
    r"(?:-(?<=\w-)(?:" + "|".join(sorted(_ROLES)) + r")|-(?:elect|designate))\b", re.IGNORECASE
)
# A title's status after a hyphen: "President-elect" is not yet the president.
_STATUS_SUFFIX = re.compile(r"-(?:elect|designate)$")
# Country adjectives that do not start like the country ("Spanish" / "Spain's"); the others
# ("Russian", "German", "Korean" …) share a long enough start with it (see _same_word).
_COUNTRY_OF = {
    d: c
    for c, ds in {
        "spain": "spanish",
        "france": "french",
        "china": "chinese",
        "italy": "italian",
        "netherlands": "dutch holland",
        "switzerland": "swiss",
        "sweden": "swedish",
        "denmark": "danish",
        "finland": "finnish",
        "norway": "norwegian",
        "poland": "polish",
        "turkey": "turkish türkiye",
        "greece": "greek",
        "ireland": "irish",
        "scotland": "scottish",
        "wales": "welsh",
        "england": "english",
        "belgium": "belgian",
        "ukraine": "ukrainian",
        "iraq": "iraqi",
        "iran": "iranian",
        "lebanon": "lebanese",
        "morocco": "moroccan",
        "palestine": "palestinian",
        "thailand": "thai",
        "philippines": "filipino philippine",
        "myanmar": "burmese burma",
        "peru": "peruvian",
        "cuba": "cuban",
        "oman": "omani",
        "malta": "maltese",
        "cyprus": "cypriot",
    }.items()
    for d in (c, *ds.split())
}
_ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "un": "united nations",
    "u.n.": "united nations",
    "dprk": "north korea",
    "eu": "european union",
}
_RELATIVE_RE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|next|this)\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|a\s+day\s+(?:earlier|later|after|before)|\d+\s+(?:days|weeks|months|years)\s+(?:ago|earlier|later))\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
_KEY = itemgetter(3)  # Token.key, for map()
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


# A footnote or endnote mark ("[1]", "[E2]", as the importers write them): a reference, not a
# figure — a note added early in a rewrite renumbers every later mark.
_NOTE_MARK = re.compile(r"\[E?\d{1,3}\]")


def _numbers(text: str, offset: int) -> list[Fact]:
    out: list[Fact] = []
    if not _DIGIT.search(text):
        return out  # every number has a digit; most sentences have none
    marks = [m.span() for m in _NOTE_MARK.finditer(text)] if "[" in text else []
    for m in _NUM_RE.finditer(text):
        if marks and any(a <= m.start() and m.end() <= b for a, b in marks):
            continue
        raw = m.group("num")
        if _YEAR_RE.match(raw) and not m.group("cur") and not m.group("pct"):
            continue  # a year is a date
        if _THOUSANDS.fullmatch(raw):
            raw = raw.replace(",", "")  # thousands separators
        elif "," in raw and "." not in raw:
            raw = raw.replace(",", ".")  # decimal comma
        try:
            value = float(raw)
        except ValueError:
            continue
        scale = (m.group("scale") or "").lower()
        value *= SCALE_WORDS.get(scale, 1)
        key = f"{m.group('cur') or ''}{value:g}{'%' if m.group('pct') else ''}".replace(" ", "")
        out.append(Fact(key, m.group().strip(), (offset + m.start(), offset + m.end())))
    return out


def _number_words(tokens: Sequence[Token]) -> list[Fact]:
    out: list[Fact] = []
    if _NUMBER_WORDS.keys().isdisjoint(map(_KEY, tokens)):
        return out  # (most claims: no number word, nothing to walk)
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.key in _NUMBER_WORDS:
            value = _NUMBER_WORDS[t.key]
            end = k
            # "twenty five", "three million", "two hundred"
            while end + 1 < len(tokens) and (
                tokens[end + 1].key in _NUMBER_WORDS or tokens[end + 1].key in SCALE_WORDS
            ):
                nxt = tokens[end + 1].key
                if nxt in SCALE_WORDS or nxt == "hundred":
                    value *= SCALE_WORDS.get(nxt, 100)
                else:
                    value += _NUMBER_WORDS[nxt]
                end += 1
            out.append(
                Fact(f"{value:g}", " ".join(x.text for x in tokens[k : end + 1]), (t.start, tokens[end].end))
            )
            k = end + 1
        else:
            k += 1
    return out


# Word keys a month or weekday can have (the key of a word token never ends with a dot unless
# it is a dotted acronym, which is neither), and what any year token's text contains.
_DATE_KEYS = frozenset(MONTHS).union(WEEKDAYS)
_YEAR_ANYWHERE = re.compile(r"1[89]\d\d|20\d\d")


def _dates(text: str, offset: int, tokens: Sequence[Token]) -> list[Fact]:
    out = []
    if _DATE_KEYS.isdisjoint(map(_KEY, tokens)) and not _YEAR_ANYWHERE.search(text):
        tokens = ()  # (most claims: no month, weekday or year to look for)
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue  # (a single mark: no month, weekday or year)
        low = t.key.rstrip(".")
        if low in MONTHS and t.text[0].isupper():
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            prv = tokens[i - 1].text if i else ""
            if low == "may" and not (
                nxt[:1].isdigit() or prv[:1].isdigit() or prv.lower() in ("in", "of", "since")
            ):
                continue  # the modal verb at a sentence start
            out.append(Fact(f"month:{MONTHS[low]}", t.text, (t.start, t.end)))
        elif low in WEEKDAYS:
            out.append(Fact(f"day:{low}", t.text, (t.start, t.end)))
        elif len(t.text) == 4 and _YEAR_RE.match(t.text):
            out.append(Fact(f"year:{t.text}", t.text, (t.start, t.end)))
    lowered = text.lower()  # every relative date has one of these (İ lower-cases to two chars)
    if not any(w in lowered for w in ("day", "week", "month", "year", "ght", "morrow")):
        return out
    for m in _RELATIVE_RE.finditer(text):
        out.append(
            Fact(" ".join(m.group().lower().split()), m.group(), (offset + m.start(), offset + m.end()))
        )
    return out


class _Mention(NamedTuple):
    """A name with the title written before it (``title`` empty when there is none)."""

    person: str  # the name's key, for matching ("vladimir putin")
    name: str  # the name as written ("Vladimir Putin")
    title: tuple[str, ...]  # the title's words, normalised ("russian", "president")
    title_text: str  # the title as written ("Russian President")
    span: Span  # title and name
    title_tokens: frozenset[int]  # indices of the title's tokens


def _role_key(t: Token) -> str:
    """A title word's key: "President's" → "president", "Ex-President" → "president"."""
    key = t.key
    if key in _ROLES or key.isalpha():
        return key
    key = _STATUS_SUFFIX.sub("", _POSSESSIVE.sub("", key.rstrip(".")))  # "President-elect"
    return key.rsplit("-", 1)[-1]


_ABBREVIATED_ROLES = {
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "col": "colonel",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "maj": "major",
    "prof": "professor",
    "dr": "doctor",
    "rev": "reverend",
    "pres": "president",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "cpl": "corporal",
    "pvt": "private",
    "fr": "father",
    "brig": "brigadier",
    "sec": "secretary",
    "atty": "attorney",
    "amb": "ambassador",
    "cdr": "commander",
}


def _title_words(toks: Sequence[Token]) -> tuple[str, ...]:
    """A title's words for comparing: "U.S. Gen." and "US General" are the same title."""
    out: list[str] = []
    for t in toks:
        if t.is_word and (t.key not in STOPWORDS or not t.text.islower()):  # (but "US")
            key = _POSSESSIVE.sub("", t.key)
            key = _ALIASES.get(key, key).rstrip(".")
            caps = len(t.text) >= 3 and t.text.isupper()  # "SEC", not "Sec."
            for w in key.replace("-", " ").split():
                out.extend(_ALIASES.get(w, w if caps else _ABBREVIATED_ROLES.get(w, w)).split())
    return tuple(out)


def _written(toks: Sequence[Token]) -> str:
    """Tokens as written, one space where the text had any."""
    out = toks[0].text
    for prev, t in pairwise(toks):
        out += t.text if t.start == prev.end else " " + t.text
    return out


def _title_before(tokens: Sequence[Token], k: int, named: set[int], have_role: bool) -> list[int]:
    """Indices of the title words right before token ``k`` (in reading order)."""
    out: list[int] = []
    k -= 1
    while k >= 0:
        t = tokens[k]
        if t.text == "." and k and tokens[k - 1].end == t.start and tokens[k - 1].key in _DOTTED_TITLES:
            if tokens[k - 1].key not in _ROLES:
                break  # "Mr. Smith": no title of a role
            out[:0] = [k - 1, k]
            have_role = True
            k -= 2
            continue
        if not t.is_word:
            break
        rk = _role_key(t)
        if rk in _ROLES and (
            have_role
            or rk in _LOWER_ROLES
            or t.text[0].isupper()
            or (rk == "executive" and k and tokens[k - 1].key == "chief")  # "chief executive"
        ):
            have_role = True
        elif not have_role:
            break
        elif rk in _ROLE_MODIFIERS or k in named:
            pass  # "former President", "Kremlin spokesman"
        elif t.key == "of" and k - 1 in named:
            pass  # "Bank of France governor"
        elif t.key == "and" and k and _role_key(tokens[k - 1]) in _ROLES:
            pass  # "chairman and chief executive"
        elif (
            t.text[0].isupper()
            and _opens_sentence(tokens, k)
            and t.key not in STOPWORDS
            and (t.text.isupper() or (len(t.key) >= 4 and t.key.endswith(_DEMONYM_END)))
        ):
            out.insert(0, k)  # "Russian President …", "U.N. Secretary-General …" opening a sentence
            break
        else:
            break
        out.insert(0, k)
        k -= 1
    return out


def _initial(tokens: Sequence[Token], prev: Token, dot: Token) -> bool:
    """Is ``dot`` that of a middle initial ("R." in "Michael R. Bloomberg")?"""
    if not prev.text.isupper():
        return False
    k = tokens.index(dot)
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.text[0].isupper() and nxt.key not in STOPWORDS


class _NameScan(NamedTuple):
    facts: list[Fact]
    runs: list[list[Token]]  # the tokens of each name run


def _names(tokens: Sequence[Token], proper: frozenset[str], keep_runs: bool = False) -> _NameScan:
    """Runs of capitalised words that are names (not just sentence starts or titles); their
    tokens too with ``keep_runs`` (for titles)."""
    out: list[Fact] = []
    runs: list[list[Token]] = []
    run: list[Token] = []
    dotted = False  # has the run a middle initial?

    def flush() -> None:
        nonlocal dotted
        if dotted:
            words: list[Token] = []
            for n, t in enumerate(run):
                if not t.is_word:  # the dot of a middle initial, kept with it
                    if words and words[-1].end == t.start:
                        words.append(t)
                elif (t.key not in _TITLES and t.key not in STOPWORDS) or (
                    len(t.text) == 1 and n + 1 < len(run) and run[n + 1].text == "."  # the "A." initial
                ):
                    words.append(t)
            dotted = False
            if words:
                key = " ".join(_POSSESSIVE.sub("", x.key) for x in words if x.is_word)
                out.append(Fact(_ALIASES.get(key, key), _written(words), (words[0].start, words[-1].end)))
                if keep_runs:
                    runs.append(run.copy())
        else:
            words = [x for x in run if x.key not in _TITLES and x.key not in STOPWORDS]
            if words:
                key = " ".join(_POSSESSIVE.sub("", x.key) for x in words)
                text = " ".join(x.text for x in words)
                out.append(Fact(_ALIASES.get(key, key), text, (words[0].start, words[-1].end)))
                if keep_runs:
                    runs.append(run.copy())
        run.clear()

    sentence_start = True
    prev = None  # the word before a dot
    for t in tokens:
        if not t.is_word:
            if t.text == "." and prev is not None and prev.end == t.start:
                if run and len(prev.text) == 1 and run[-1] is prev and _initial(tokens, prev, t):
                    run.append(t)  # a middle initial: "Michael R. Bloomberg"
                    dotted = True
                    continue
                if _dotted_title(prev):
                    if run and run[-1] is prev:
                        run.pop()  # "Brig." is a title, not a name
                    if run:
                        flush()
                    sentence_start = False  # "Dr. Smith"
                    continue
            if run:
                flush()
            sentence_start = t.text in '.!?“"‘:' or (sentence_start and t.text in "“\"‘'(")
            prev = None
            continue
        prev = t
        is_name = False
        if t.text[0].isupper() and t.text != "I":
            low = t.key.rstrip(".")
            is_name = low not in MONTHS and low not in WEEKDAYS and (not sentence_start or t.key in proper)
        if is_name and (not t.text.isupper() or len(t.text) <= 5 or t.key in proper):
            run.append(t)
        elif run:
            flush()
        sentence_start = False
    if run:
        flush()
    return _NameScan(out, runs)


def _opens_sentence(tokens: Sequence[Token], k: int) -> bool:
    """Does token ``k`` open a sentence (as :func:`_names` reads it)?"""
    j = k - 1
    while j >= 0 and tokens[j].text not in '.!?“"‘:' and tokens[j].text in "'(":
        j -= 1
    return j < 0 or tokens[j].text in '.!?“"‘:'


def _may_have_titles(tokens: Sequence[Token], claims: Sequence[Claim]) -> bool:
    """Has a side a title word at all? (Most changes have none: no mentions to build.)"""
    if not _ROLES.isdisjoint(map(_KEY, tokens)):
        return True
    # "Secretary-General", "then-President"
    return any("-" in c.text and _HYPHENATED_ROLE.search(c.text) for c in claims)


_NO_TOKENS: frozenset[int] = frozenset()


def _mentions(tokens: Sequence[Token], scan: _NameScan) -> list[_Mention]:
    """The names of ``scan`` with the titles written before them."""
    mentions: list[_Mention] = []
    index = {t.start: i for i, t in enumerate(tokens)}
    named = {index[t.start] for run in scan.runs for t in run}
    for run in scan.runs:
        idx = [index[t.start] for t in run]
        last_role = -1
        for n, t in enumerate(run):
            if _role_key(t) in _ROLES:
                last_role = n
        person = [i for i in idx[last_role + 1 :] if tokens[i].key not in _TITLES]
        if not person or not tokens[person[0]].is_word:
            continue  # "the Russian President said": a title, no name
        ptoks = [tokens[i] for i in person]
        key = " ".join(_POSSESSIVE.sub("", t.key) for t in ptoks if t.is_word)
        name = _POSSESSIVE.sub("", _written(ptoks))
        title = [i for i in idx[: last_role + 1] if tokens[i].key not in STOPWORDS]
        first = title[0] if title else person[0]
        prev = tokens[first - 1] if first else None
        if not title and (prev is None or (prev.text != "." and _role_key(prev) not in _ROLES)):
            # (most names: no title in the run, none right before it)
            mentions.append(_Mention(key, name, (), "", (ptoks[0].start, ptoks[-1].end), _NO_TOKENS))
            continue
        title = _title_before(tokens, first, named, bool(title)) + title
        ttoks = [tokens[i] for i in title]
        mentions.append(
            _Mention(
                key,
                name,
                _title_words(ttoks),
                _written(ttoks) if ttoks else "",
                ((ttoks or ptoks)[0].start, ptoks[-1].end),
                frozenset(title),
            )
        )
    return mentions


def proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Words seen capitalised in mid-sentence: names even when they open a sentence."""
    seen: set[str] = set()
    for text in texts:
        prev = "."
        for t in tokenize(text):
            if t.is_word and t.text[0].isupper() and prev not in '.!?“"‘:(' and not t.text.isupper():
                seen.add(t.key)
            prev = t.text
    return frozenset(seen)


def _name_match(a: str, b: str) -> bool:
    if a == b:
        return True
    for x in a.split():
        for y in b.split():
            if x == y:
                return True
            n = min(len(x), len(y))
            common = 0
            while common < n and x[common] == y[common]:
                common += 1
            if common >= 5 and common >= 0.75 * n:  # Russia/Russian, Korea/Korean
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Mark:
    cls: str  # the marker's class ("possible", "said", "not" …)
    first: int  # index of its first token
    last: int  # index of its last token (a reporting phrase has several)


# Reporting phrases by their first word: (the words after it, class); "*" is one optional word.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _c in sorted(ATTRIBUTION_PHRASES.items(), key=lambda pc: -len(pc[0].split())):
    _first, *_rest = _p.split()
    _PHRASES_BY_FIRST.setdefault(_first, []).append((tuple(_rest), _c))


def _phrase_end(tokens: Sequence[Token], i: int, rest: tuple[str, ...]) -> int:
    """Index of the last token of the phrase ``tokens[i]`` + ``rest``, or -1 if it does not match."""
    if not rest:
        return i
    if i + 1 >= len(tokens) or not tokens[i + 1].is_word:
        return -1
    if rest[0] == "*":
        end = _phrase_end(tokens, i, rest[1:])  # without the optional word
        return end if end >= 0 else _phrase_end(tokens, i + 1, rest[1:])
    return _phrase_end(tokens, i + 1, rest[1:]) if tokens[i + 1].key == rest[0] else -1


_MARKER_KEYS = (
    frozenset(HEDGE_CLASS)
    | frozenset(NEGATION_CLASS)
    | frozenset(ATTRIBUTION_CLASS)
    | frozenset(_PHRASES_BY_FIRST)
)


def _marker_positions(tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens any marker class (or reporting phrase) can start at."""
    return [i for i, t in enumerate(tokens) if t.key in _MARKER_KEYS or t.key.endswith("n't")]


def _marks(
    tokens: Sequence[Token], positions: Sequence[int], classes: dict[str, str], kind: FlagType
) -> list[_Mark]:
    out: list[_Mark] = []
    covered = -1  # the last token of a reporting phrase already taken
    for i in positions:
        if i <= covered:
            continue
        t = tokens[i]
        if kind is FlagType.ATTRIBUTION and t.key in _PHRASES_BY_FIRST:
            found = next(
                (
                    (end, c)
                    for rest, c in _PHRASES_BY_FIRST[t.key]
                    if (end := _phrase_end(tokens, i, rest)) >= 0
                ),
                None,
            )
            if found is not None:
                out.append(_Mark(found[1], i, found[0]))
                covered = found[0]
                continue
        cls = classes.get(t.key)
        if cls is None and t.key.endswith("n't"):
            cls = classes.get("n't")
        if cls is None or (kind is FlagType.HEDGE and t.text == "May"):
            continue
        out.append(_Mark(cls, i, i))
    return out


def _adjacent(marks: Sequence[_Mark], i: int, j: int) -> bool:
    """Are marks ``i`` < ``j`` one phrase ("may consider", "may well consider")?"""
    return marks[i].last + 2 >= marks[j].first


def _same_words(ta: Sequence[Token], ma: _Mark, tb: Sequence[Token], mb: _Mark) -> bool:
    return [t.key for t in ta[ma.first : ma.last + 1]] == [t.key for t in tb[mb.first : mb.last + 1]]


def _segments(tokens: Sequence[Token], marks: Sequence[_Mark], idx: Sequence[int]) -> list[tuple[int, int]]:
    """Token index ranges of the marks ``idx`` (sorted), neighbouring ones joined."""
    out: list[tuple[int, int]] = []
    prev = -2
    for i in idx:
        if out and prev == i - 1 and _adjacent(marks, prev, i):
            out[-1] = (out[-1][0], marks[i].last)
        else:
            out.append((marks[i].first, marks[i].last))
        prev = i
    return out


def _marker_flag(
    kind: FlagType,
    a: Sequence[Token],
    b: Sequence[Token],
    pos_a: Sequence[int],
    pos_b: Sequence[int],
    classes: dict[str, str],
    orig: Sequence[Claim],
    rew: Sequence[Claim],
) -> Flag | None:
    ma = _marks(a, pos_a, classes, kind)
    mb = _marks(b, pos_b, classes, kind)
    # Classes as sets: "would … would" against one "would" says nothing new.
    ca, cb = {m.cls for m in ma}, {m.cls for m in mb}
    if ca == cb:
        return None
    # (Only now the texts to quote from: most changes flag no marker.)
    text_a, base_a = _joined(orig)
    text_b, base_b = _joined(rew)
    # Only what changed: the marks aligned in reading order, unchanged ones left out.
    ops = SequenceMatcher(None, [m.cls for m in ma], [m.cls for m in mb], autojunk=False).get_opcodes()
    twin_a: dict[int, int] = {}  # unchanged marks: index on one side → index on the other
    twin_b: dict[int, int] = {}
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal":
            for k in range(i2 - i1):
                twin_a[i1 + k] = j1 + k
                twin_b[j1 + k] = i1 + k
    items: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in ops:
        ia, ib = list(range(i1, i2)), list(range(j1, j2))
        if tag == "equal":
            continue
        # A marker dropped (or added) whose class the other side still has says nothing new.
        if not ib and all(ma[i].cls in cb for i in ia):
            continue
        if not ia and all(mb[j].cls in ca for j in ib):
            continue
        if not ia or not ib:
            # A marker of the same phrase in other words is shown with it: "might → may consider"
            # (but "will reportedly → will" is only "reportedly" dropped).
            own, marks, twin, other = (ib, mb, twin_b, ia) if not ia else (ia, ma, twin_a, ib)
            toks, other_toks, other_marks = (b, a, ma) if not ia else (a, b, mb)
            for k in (own[0] - 1, own[-1] + 1):
                lo, hi = (k, own[0]) if k < own[0] else (own[-1], k)
                if (
                    k in twin
                    and _adjacent(marks, lo, hi)
                    and not _same_words(toks, marks[k], other_toks, other_marks[twin[k]])
                ):
                    at = 0 if k < own[0] else len(own)
                    own.insert(at, k)
                    other.insert(at, twin[k])
        items.append((ia, ib))
    if not items:  # (cannot happen: a class one side lacks is in some changed run)
        items = [(list(range(len(ma))), list(range(len(mb))))]

    def words(tokens: Sequence[Token], marks: Sequence[_Mark], idx: list[int], text: str, base: int) -> str:
        segs = _segments(tokens, marks, idx)
        return " … ".join(
            dict.fromkeys(
                " ".join(text[tokens[s].start - base : tokens[e].end - base].split()) for s, e in segs
            )
        )

    def shown(
        tokens: Sequence[Token], marks: Sequence[_Mark], sides: list[list[int]], text: str, base: int
    ) -> tuple[str, Span | None]:
        """The changed markers with the marker words after them and one more word."""
        spans: list[Span] = []
        for s, e in sorted(seg for idx in sides for seg in _segments(tokens, marks, idx)):
            while e + 1 < len(tokens) and tokens[e + 1].key in classes:
                e += 1
            if e + 1 < len(tokens) and tokens[e + 1].is_word:
                e += 1
            span = (tokens[s].start, tokens[e].end)
            if spans and span[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(span[1], spans[-1][1]))
            else:
                spans.append(span)
        return " … ".join(text[s - base : e - base] for s, e in spans), (spans[0] if spans else None)

    sa, span_a = shown(a, ma, [ia for ia, _ in items], text_a, base_a)
    sb, span_b = shown(b, mb, [ib for _, ib in items], text_b, base_b)

    def said_a(idx: list[int]) -> str:
        return words(a, ma, idx, text_a, base_a)

    def said_b(idx: list[int]) -> str:
        return words(b, mb, idx, text_b, base_b)

    swaps = [f"{said_a(ia)} → {said_b(ib)}" for ia, ib in items if ia and ib]
    dropped = ", ".join(said_a(ia) for ia, ib in items if not ib)
    added = ", ".join(said_b(ib) for ia, ib in items if not ia)
    if kind is FlagType.NEGATION and not swaps and not added:
        msg = f"negation lost: “{dropped}” is not in the rewrite"
    elif kind is FlagType.NEGATION and not swaps and not dropped:
        msg = f"negation added: “{added}” is not in the original"
    else:
        label = {FlagType.HEDGE: "modality", FlagType.NEGATION: "negation"}.get(kind, "reporting verb")
        parts = swaps + [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
        if swaps:  # "modality changed: might → may consider; would → could"
            msg = f"{label}{':' if kind is FlagType.ATTRIBUTION else ' changed:'} " + "; ".join(parts)
        else:  # "modality dropped: expected … would"
            msg = f"{label} " + "; ".join(parts)
    return Flag(kind, sa, sb, msg, span_a, span_b)


def _diff_flag(kind: FlagType, what: str, fa: list[Fact], fb: list[Fact]) -> Flag | None:
    ka, kb = Counter(f.key for f in fa), Counter(f.key for f in fb)
    if ka == kb:
        return None
    lost = [f for f in fa if f.key not in kb]
    gained = [f for f in fb if f.key not in ka]
    if not lost and not gained:  # only multiplicity differs ("3 … 3" vs "3")
        lost = fa
        gained = fb
    ta = ", ".join(dict.fromkeys(f.text for f in lost))
    tb = ", ".join(dict.fromkeys(f.text for f in gained))
    if lost and gained:
        msg = f"{what} changed: {ta} → {tb}"
    elif lost:
        msg = f"{what} dropped: {ta}"
    else:
        msg = f"{what} added: {tb}"
    msg = " ".join(msg.split())  # one line, even for a date written over a line break
    return Flag(kind, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None)


def _overlaps(span: Span, other: Span | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


_CLAUSE_MARKS = frozenset(",;:.!?()[]—–")
_CONTEXT_WORDS = 3


def _number_contexts(facts: list[Fact], tokens: Sequence[Token]) -> list[frozenset[str]]:
    """What each number counts or qualifies: the content words after it up to the next number
    or clause mark ("12 people were arrested", "65% in 2020"), else those before it ("won 52
    to 48"); years count, stopwords and other numbers do not."""
    starts = [t.start for t in tokens]
    number: set[int] = set()  # indices of the tokens of any number
    for f in facts:
        number.update(range(bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1])))
    out: list[frozenset[str]] = []
    for f in facts:
        words: list[str] = []
        first, after = bisect_left(starts, f.span[0]), bisect_left(starts, f.span[1])
        for run in (range(after, len(tokens)), range(first - 1, -1, -1)):
            for k in run:
                t = tokens[k]
                if k in number or t.text in _CLAUSE_MARKS:
                    break
                if t.is_word and t.key not in STOPWORDS:
                    words.append(t.key)
                    if len(words) == _CONTEXT_WORDS:
                        break
            if words:
                break
        out.append(frozenset(words))
    return out


def _in_place(
    k: int, facts: list[Fact], ctx: list[frozenset[str]], others: list[Fact], octx: list[frozenset[str]]
) -> bool:
    """Is number ``k`` on the other side with what it counts ("12 people were arrested" /
    "12 were arrested"): is the number whose context is most like its own the same number?"""
    mine = ctx[k]
    if not mine:
        return False
    best = 0.0
    keys: set[str] = set()
    for g, theirs in zip(others, octx, strict=True):
        shared = len(mine & theirs)
        if not shared:
            continue
        score = shared / len(mine | theirs)
        if score > best:
            best, keys = score, {g.key}
        elif score == best:
            keys.add(g.key)
    return keys == {facts[k].key}


def _swapped_numbers_flag(
    fa: list[Fact],
    fb: list[Fact],
    diff: Sequence[DiffOp],
    orig: Sequence[Claim],
    rew: Sequence[Claim],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
) -> Flag | None:
    """The same numbers in other places: "between 5 to 6" → "between 6 to 5".

    Only where the word diff replaces a number by a different one; the same numbers moved with
    their words ("5 died, 6 hurt" → "6 hurt, 5 died", "12 people were arrested and 3 were
    charged" → "3 people were charged after 12 were arrested") are no change of fact.
    """
    pairs: list[tuple[int, int]] = []
    for op in diff:
        if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
            continue
        la = [i for i, f in enumerate(fa) if _overlaps(f.span, op.original)]
        lb = [j for j, f in enumerate(fb) if _overlaps(f.span, op.rewrite)]
        if len(la) == 1 and len(lb) == 1 and fa[la[0]].key != fb[lb[0]].key:
            pairs.append((la[0], lb[0]))
    if not pairs:
        return None
    ca, cb = _number_contexts(fa, toks_a), _number_contexts(fb, toks_b)
    pairs = [(i, j) for i, j in pairs if not (_in_place(i, fa, ca, fb, cb) and _in_place(j, fb, cb, fa, ca))]
    if not pairs:
        return None
    lost = [fa[i] for i, _ in pairs]
    gained = [fb[j] for _, j in pairs]

    def shown(facts: list[Fact], claims: Sequence[Claim]) -> str:
        text, base = _joined(claims)
        whole = " ".join(text[facts[0].span[0] - base : facts[-1].span[1] - base].split())
        return whole if len(whole) <= 40 else ", ".join(f.text for f in facts)

    ta, tb = shown(lost, orig), shown(gained, rew)
    span_a = (lost[0].span[0], lost[-1].span[1])
    span_b = (gained[0].span[0], gained[-1].span[1])
    label = "numbers swapped" if len(lost) > 1 else "number changed"
    return Flag(FlagType.NUMBER, ta, tb, f"{label}: {ta} → {tb}", span_a, span_b)


def _names_flag(fa: list[Fact], fb: list[Fact], diff: Sequence[DiffOp] = ()) -> Flag | None:
    """Names dropped and names added; a swap only where the word diff replaces one by the other."""
    lost = [f for f in fa if not any(_name_match(f.key, g.key) for g in fb)]
    gained = [f for f in fb if not any(_name_match(f.key, g.key) for g in fa)]
    if not lost and not gained:
        return None
    swaps: list[tuple[Fact, Fact]] = []
    if lost and gained:
        for op in diff:
            if op.op is not DiffOpKind.REPLACE or op.original is None or op.rewrite is None:
                continue
            la = list({f.key: f for f in lost if _overlaps(f.span, op.original)}.values())
            lb = list({f.key: f for f in gained if _overlaps(f.span, op.rewrite)}.values())
            if len(la) == 1 and len(lb) == 1 and not any(la[0] is x or lb[0] is y for x, y in swaps):
                swaps.append((la[0], lb[0]))
    ta = ", ".join(dict.fromkeys(f.text for f in lost))
    tb = ", ".join(dict.fromkeys(f.text for f in gained))
    swapped_a = {x.key for x, _ in swaps}
    swapped_b = {y.key for _, y in swaps}
    dropped = ", ".join(dict.fromkeys(f.text for f in lost if f.key not in swapped_a))
    added = ", ".join(dict.fromkeys(f.text for f in gained if f.key not in swapped_b))
    parts = [f"{x.text} → {y.text}" for x, y in swaps]
    parts += [f"{what}: {w}" for what, w in (("dropped", dropped), ("added", added)) if w]
    several = len(dict.fromkeys(f.key for f in lost)) + len(dict.fromkeys(f.key for f in gained)) > (
        2 if swaps else 1
    )
    label = "names" if several else "name"
    msg = f"{label} changed: " + "; ".join(parts) if swaps else f"{label} " + "; ".join(parts)
    return Flag(
        FlagType.NAME, ta, tb, msg, lost[0].span if lost else None, gained[0].span if gained else None
    )


def _same_word(x: str, y: str) -> bool:
    """One word, a country and its people ("russia" / "russian", as in _name_match; "spain" /
    "spanish"), or one spelling of it and another ("defense" / "defence")."""
    if x == y:
        return True
    n = min(len(x), len(y))
    common = 0
    while common < n and x[common] == y[common]:
        common += 1
    if common >= 5 and common >= 0.75 * n:
        return True
    if x in _COUNTRY_OF or y in _COUNTRY_OF:
        return _COUNTRY_OF.get(x, x) == _COUNTRY_OF.get(y, y)
    # US and UK spellings, a typo: one letter of a long word ("centre" / "center" too)
    return n >= 6 and common >= 1 and x.isalpha() and y.isalpha() and OSA.distance(x, y, score_cutoff=1) <= 1


# Title words that are words, not initialisms ("king" is not "Kim is not going").
_NOT_INITIALISMS = (_ROLES | _ROLE_MODIFIERS) - {"ceo"}


def _abbreviates(abbr: str, words: Sequence[str], j: int) -> int:
    """How many of ``words`` from ``j`` the initialism ``abbr`` stands for ("rnc" for "republican
    national committee"; "ceo" for "chief executive" as well as "chief executive officer"), or 0."""
    if not 2 <= len(abbr) <= 5 or j >= len(words) or words[j][:1] != abbr[0] or abbr in _NOT_INITIALISMS:
        return 0
    n = len(abbr)
    if "".join(w[:1] for w in words[j : j + n]) == abbr:
        return n
    if n == 3 and abbr[0] == "c" and abbr[2] == "o" and "".join(w[:1] for w in words[j : j + 2]) == abbr[:2]:
        return 2  # "chief executive" for "CEO" (the officer left out)
    return 0


def _same_title(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Word by word, an initialism standing for words ("RNC Chairman" / "Republican National
    Committee Chairman")."""
    i = j = 0
    while i < len(a) and j < len(b):
        if _same_word(a[i], b[j]):
            i, j = i + 1, j + 1
        elif n := _abbreviates(a[i], b, j):
            i, j = i + 1, j + n
        elif n := _abbreviates(b[j], a, i):
            i, j = i + n, j + 1
        else:
            return False
    return i == len(a) and j == len(b)


def _said(title: tuple[str, ...], words: Sequence[str]) -> bool:
    """Are all the words of ``title`` in ``words`` (in any order), an initialism standing for
    some of them or spelled out there ("CEO" / "chief executive")?"""
    told = set(words)
    k = 0
    while k < len(title):
        w = title[k]
        if (
            w in told
            or any(_same_word(w, x) for x in told)
            or any(_abbreviates(w, words, j) for j in range(len(words)))
        ):
            k += 1
        elif n := max((_abbreviates(x, title, k) for x in told), default=0):
            k += n  # "Chief Executive Officer" told as "CEO"
        else:
            return False
    return True


def _title_flags(
    ma: list[_Mention], mb: list[_Mention], toks_a: Sequence[Token], toks_b: Sequence[Token]
) -> list[Flag]:
    """A title dropped, added or changed before a name both sides have."""
    if not any(m.title for m in ma) and not any(m.title for m in mb):
        return []  # (most changes)

    words_of: dict[int, list[tuple[int, str]]] = {}  # per side: (token index, title word)

    def missing(m: _Mention, others: list[_Mention], other_toks: Sequence[Token]) -> list[_Mention]:
        """The other side's mentions of the person when ``m``'s title is not on that side."""
        same = [o for o in others if _name_match(m.person, o.person)]
        if not same or any(_same_title(m.title, o.title) for o in same):
            return []  # the name is gone (a name flag says so), or the title is kept
        # "President Putin" → "Putin, the president": the title's words said elsewhere (but
        # not as another person's title) are no change.
        if id(other_toks) not in words_of:
            words_of[id(other_toks)] = [
                (i, w)
                for i, t in enumerate(other_toks)
                if t.is_word
                for w in (
                    (_ABBREVIATED_ROLES.get(t.key, t.key),)
                    if t.key.isalpha() and t.key not in _ALIASES
                    else _title_words((t,))
                )
            ]
        theirs = {i for o in others if not _name_match(m.person, o.person) for i in o.title_tokens}
        if _said(m.title, [w for i, w in words_of[id(other_toks)] if i not in theirs]):
            return []
        return same

    flags: list[Flag] = []
    seen: set[str] = set()
    paired: set[int] = set()  # ids of rewrite mentions already shown as a change
    for m in ma:
        if not m.title or not (same := missing(m, mb, toks_b)):
            continue
        titled = [o for o in same if o.title]
        o = titled[0] if titled else same[0]
        if titled:
            msg = f"title of {m.name} changed: {m.title_text} → {o.title_text}"
            paired.update(id(x) for x in titled)
        else:
            msg = f"title of {m.name} dropped: {m.title_text}"
        if msg not in seen:
            seen.add(msg)
            flags.append(Flag(FlagType.NAME, _shown(toks_a, m), _shown(toks_b, o), msg, m.span, o.span))
    for m in mb:
        if not m.title or id(m) in paired or not (same := missing(m, ma, toks_a)):
            continue
        titled = [o for o in same if o.title]
        o = titled[0] if titled else same[0]
        if titled:
            msg = f"title of {o.name} changed: {o.title_text} → {m.title_text}"
        else:
            msg = f"title of {m.name} added: {m.title_text}"
        if msg not in seen:
            seen.add(msg)
            flags.append(Flag(FlagType.NAME, _shown(toks_a, o), _shown(toks_b, m), msg, o.span, m.span))
    return flags


def _shown(tokens: Sequence[Token], m: _Mention) -> str:
    """A mention with its title, as written."""
    return _written([t for t in tokens if m.span[0] <= t.start and t.end <= m.span[1]])


def fact_flags(
    orig: Sequence[Claim], rew: Sequence[Claim], proper: frozenset[str], diff: Sequence[DiffOp] = ()
) -> list[Flag]:
    """All fact flags between two sides of a change (``diff``: their word diff, if known)."""
    flags: list[Flag] = []
    ta, tb = _tokens(orig), _tokens(rew)
    na = [f for c in orig for f in _numbers(c.text, c.start)] + _number_words(ta)
    nb = [f for c in rew for f in _numbers(c.text, c.start)] + _number_words(tb)
    da = [f for c in orig for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    db = [f for c in rew for f in _dates(c.text, c.start, tokenize(c.text, c.start))]
    number = _diff_flag(FlagType.NUMBER, "number", na, nb)
    if number is None and diff and na and nb:  # the same numbers: in the same places?
        number = _swapped_numbers_flag(na, nb, diff, orig, rew, ta, tb)
    for flag in (
        number,
        _diff_flag(FlagType.DATE, "date", da, db),
    ):
        if flag:
            flags.append(flag)
    titles = _may_have_titles(ta, orig) or _may_have_titles(tb, rew)
    scan_a, scan_b = _names(ta, proper, titles), _names(tb, proper, titles)
    flag = _names_flag(scan_a.facts, scan_b.facts, diff)
    if flag:
        flags.append(flag)
    if titles:
        flags.extend(_title_flags(_mentions(ta, scan_a), _mentions(tb, scan_b), ta, tb))
    pos_a, pos_b = _marker_positions(ta), _marker_positions(tb)
    for kind, classes in (
        (FlagType.HEDGE, HEDGE_CLASS),
        (FlagType.NEGATION, NEGATION_CLASS),
        (FlagType.ATTRIBUTION, ATTRIBUTION_CLASS),
    ):
        flag = _marker_flag(kind, ta, tb, pos_a, pos_b, classes, orig, rew)
        if flag:
            flags.append(flag)
    return flags


def _tokens(claims: Sequence[Claim]) -> list[Token]:
    out: list[Token] = []
    for c in claims:
        out.extend(tokenize(c.text, c.start))
    return out


def _joined(claims: Sequence[Claim]) -> tuple[str, int]:
    """A string that slices like the document between the first and last claim of a side.

    Gaps between non-adjacent claims are padded with spaces so absolute offsets still work.
    """
    if not claims:
        return "", 0
    if len(claims) == 1:
        return claims[0].text, claims[0].start
    base = claims[0].start
    parts: list[str] = []
    pos = base
    for c in sorted(claims, key=lambda c: c.start):
        if c.start > pos:
            parts.append(" " * (c.start - pos))
        parts.append(c.text[max(0, pos - c.start) :])
        pos = max(pos, c.end)
    return "".join(parts), base
