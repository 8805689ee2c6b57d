"""Title flags: a title or role written before a name ("Russian President Vladimir Putin")
omitted, added or changed while the name stays. "Gen." is "General", "RNC" is "Republican
National Committee", and a title said elsewhere on the other side ("Putin, the president") is
no change. A title the rewrite only shortens or lengthens ("Vice Admiral" / "Navy Vice Adm.")
is a low note; one it adds counts only when the original never gives the person that title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz.distance import OSA

from factcheck_gui.engine.flags._common import (
    ADDED,
    CHANGED,
    HIGH,
    KEY,
    LOW,
    MEDIUM,
    OMITTED,
    POSSESSIVE,
    flag,
    written,
)
from factcheck_gui.engine.flags.names import NameIndex, NameScan, name_match, opens_sentence
from factcheck_gui.engine.flags.whole import Whole
from factcheck_gui.engine.lexicon import (
    ABBREVIATED_ROLES,
    ABBREVIATED_TITLES,
    COUNTRY_OF,
    DEMONYM_ENDINGS,
    LOWERCASE_ROLES,
    NAME_ALIASES,
    ROLE_MODIFIERS,
    ROLES,
    STOPWORDS,
    TITLE_STATUSES,
    TITLE_WORDS,
)
from factcheck_gui.engine.normalize import Token, tokenize
from factcheck_gui.engine.types import Claim, Flag, FlagChange, FlagType, Severity, Span

_HYPHENATED_ROLE = re.compile(
    r"(?:-(?<=\w-)(?:" + "|".join(sorted(ROLES)) + r")|-(?:" + "|".join(TITLE_STATUSES) + r"))\b",
    re.IGNORECASE,
)
# A title's status after a hyphen: "President-elect" is not yet the president.
_STATUS_SUFFIX = re.compile(r"-(?:" + "|".join(TITLE_STATUSES) + r")$")
# Title words that are words, not initialisms ("king" is not "Kim is not going").
_NOT_INITIALISMS = (ROLES | ROLE_MODIFIERS) - {"ceo"}
# Marks a title word written in capitals that would otherwise read as a role word ("SEC", not
# "Sec."): it may stand for words of the other title. (Title words never end in "." otherwise.)
_CAPS = "."
_NO_TOKENS: frozenset[int] = frozenset()
_STANDING = frozenset(
    "former acting deputy vice interim then ex outgoing incoming retired chief senior first".split()
)
# Words that change who the person is when a title gains or loses them ("former", "-elect").
_STATUS = frozenset(
    "former acting deputy vice interim then ex outgoing incoming retired elect designate".split()
)


class Mention(NamedTuple):
    """A name with the title written before it (``title`` empty when there is none)."""

    person: str  # the name's key, for matching ("vladimir putin")
    name: str  # the name as written ("Vladimir Putin")
    title: tuple[str, ...]  # the title's words, normalised ("russian", "president")
    title_text: str  # the title as written ("Russian President")
    span: Span  # title and name
    title_tokens: frozenset[int]  # indices of the title's tokens


def may_have_titles(tokens: Sequence[Token], claims: Sequence[Claim]) -> bool:
    """Has a side a title word at all? (Most changes have none: no mentions to build.)"""
    if not ROLES.isdisjoint(map(KEY, tokens)):
        return True
    # "Secretary-General", "then-President"
    return any("-" in c.text and _HYPHENATED_ROLE.search(c.text) for c in claims)


def mentions(tokens: Sequence[Token], scan: NameScan) -> list[Mention]:
    """The names of ``scan`` (made with ``keep_runs``) with the titles written before them."""
    index = {t.start: i for i, t in enumerate(tokens)}
    named = {index[t.start] for run in scan.runs for t in run}
    out: list[Mention] = []
    for run in scan.runs:
        m = _mention(tokens, [index[t.start] for t in run], named)
        if m is not None:
            out.append(m)
    return out


def _mention(tokens: Sequence[Token], idx: list[int], named: set[int]) -> Mention | None:
    """The mention of the name run of tokens ``idx``: None for a title with no name."""
    last_role = _last_role(tokens, idx)
    person = [i for i in idx[last_role + 1 :] if tokens[i].key not in TITLE_WORDS]
    if not person or not tokens[person[0]].is_word:
        return None  # "the Russian President said": a title, no name
    ptoks = [tokens[i] for i in person]
    key = " ".join(POSSESSIVE.sub("", t.key) for t in ptoks if t.is_word)
    name = POSSESSIVE.sub("", written(ptoks))
    title = [i for i in idx[: last_role + 1] if tokens[i].key not in STOPWORDS]
    first = title[0] if title else person[0]
    prev = tokens[first - 1] if first else None
    if not title and (prev is None or (prev.text != "." and _role_key(prev) not in ROLES)):
        # (most names: no title in the run, none right before it)
        return Mention(key, name, (), "", (ptoks[0].start, ptoks[-1].end), _NO_TOKENS)
    title = _title_before(tokens, first, named, bool(title)) + title
    ttoks = [tokens[i] for i in title]
    return Mention(
        key,
        name,
        _title_words(ttoks),
        written(ttoks) if ttoks else "",
        ((ttoks or ptoks)[0].start, ptoks[-1].end),
        frozenset(title),
    )


def _last_role(tokens: Sequence[Token], idx: list[int]) -> int:
    """Where in ``idx`` the run's last role word is (-1: none): the name comes after it."""
    last_role = -1
    for n, i in enumerate(idx):
        if _role_key(tokens[i]) in ROLES:
            last_role = n
    return last_role


def _role_key(t: Token) -> str:
    """A title word's key: "President's" → "president", "Ex-President" → "president"."""
    key = t.key
    if key in ROLES or key.isalpha():
        return key
    key = _STATUS_SUFFIX.sub("", POSSESSIVE.sub("", key.rstrip(".")))  # "President-elect"
    return key.rsplit("-", 1)[-1]


def _title_words(toks: Sequence[Token]) -> tuple[str, ...]:
    """A title's words for comparing: "U.S. Gen." and "US General" are the same title."""
    out: list[str] = []
    for t in toks:
        if t.is_word and (t.key not in STOPWORDS or not t.text.islower()):  # (but "US")
            key = POSSESSIVE.sub("", t.key)
            key = NAME_ALIASES.get(key, key).rstrip(".")
            caps = len(t.text) >= 3 and t.text.isupper()  # "SEC", not "Sec."
            for w in key.replace("-", " ").split():
                if caps and w in _NOT_INITIALISMS:
                    out.append(w + _CAPS)  # "SEC": an initialism, though "sec" is a role word
                    continue
                out.extend(NAME_ALIASES.get(w, w if caps else ABBREVIATED_ROLES.get(w, w)).split())
    return tuple(out)


def _title_before(tokens: Sequence[Token], k: int, named: set[int], have_role: bool) -> list[int]:
    """Indices of the title words right before token ``k`` (in reading order)."""
    out: list[int] = []
    k -= 1
    while k >= 0:
        t = tokens[k]
        if t.text == "." and k and tokens[k - 1].end == t.start and tokens[k - 1].key in ABBREVIATED_TITLES:
            if tokens[k - 1].key not in ROLES:
                break  # "Mr. Smith": no title of a role
            out[:0] = [k - 1, k]
            have_role = True
            k -= 2
            continue
        if not t.is_word:
            break
        rk = _role_key(t)
        if _is_role(tokens, k, rk, have_role):
            have_role = True
        elif not have_role:
            break
        elif _in_title(tokens, k, rk, named):
            pass  # "former President", "Kremlin spokesman", "chairman and chief executive"
        elif _opening_demonym(tokens, k):
            out.insert(0, k)  # "Russian President …", "U.N. Secretary-General …" opening a sentence
            break
        else:
            break
        out.insert(0, k)
        k -= 1
    return out


def _is_role(tokens: Sequence[Token], k: int, rk: str, have_role: bool) -> bool:
    """Is token ``k`` (role key ``rk``) a role word of the title?"""
    t = tokens[k]
    return rk in ROLES and (
        have_role
        or rk in LOWERCASE_ROLES
        or t.text[0].isupper()
        or (rk == "executive" and k > 0 and tokens[k - 1].key == "chief")  # "chief executive"
    )


def _in_title(tokens: Sequence[Token], k: int, rk: str, named: set[int]) -> bool:
    """Is token ``k``, before a role word, part of the title: a modifier ("former"), a name
    ("Kremlin spokesman"), "of" after one ("Bank of France governor"), "and" after a role
    ("chairman and chief executive") or inside a name ("Securities and Exchange Commission
    Chairman")?"""
    t = tokens[k]
    return (
        rk in ROLE_MODIFIERS
        or k in named
        or (t.key == "of" and k - 1 in named)
        or (t.key == "and" and k > 0 and _role_key(tokens[k - 1]) in ROLES)
        or (t.key == "and" and k > 0 and _capitalised(tokens[k - 1]) and k + 1 in named)
        or (_capitalised(t) and k + 1 < len(tokens) and tokens[k + 1].key == "and")
    )


def _capitalised(t: Token) -> bool:
    return t.is_word and t.text[:1].isupper()


def _opening_demonym(tokens: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a people's word or an initialism opening a sentence ("Russian", "U.N.")?"""
    t = tokens[k]
    return (
        t.text[0].isupper()
        and opens_sentence(tokens, k)
        and t.key not in STOPWORDS
        and (t.text.isupper() or (len(t.key) >= 4 and t.key.endswith(DEMONYM_ENDINGS)))
    )


def _same_word(x: str, y: str) -> bool:
    """One word, a country and its people ("russia" / "russian", as in name_match; "spain" /
    "spanish"), or one spelling of it and another ("defense" / "defence")."""
    if x == y:
        return True
    n = min(len(x), len(y))
    common = _shared_start(x, y)
    if common >= 5 and common >= 0.75 * n:
        return True
    if x in COUNTRY_OF or y in COUNTRY_OF:
        return COUNTRY_OF.get(x, x) == COUNTRY_OF.get(y, y)
    # US and UK spellings, a typo: one letter of a long word ("centre" / "center" too)
    return n >= 6 and common >= 1 and x.isalpha() and y.isalpha() and OSA.distance(x, y, score_cutoff=1) <= 1


def _shared_start(x: str, y: str) -> int:
    """How many characters ``x`` and ``y`` start with in common."""
    n = min(len(x), len(y))
    common = 0
    while common < n and x[common] == y[common]:
        common += 1
    return common


def _abbreviates(abbr: str, words: Sequence[str], j: int) -> int:
    """How many of ``words`` from ``j`` the initialism ``abbr`` stands for ("rnc" for "republican
    national committee"; "ceo" for "chief executive" as well as "chief executive officer"), or 0."""
    written_caps = abbr.endswith(_CAPS)
    abbr = abbr.rstrip(_CAPS)
    if not 2 <= len(abbr) <= 5 or j >= len(words) or words[j][:1] != abbr[0]:
        return 0
    if abbr in _NOT_INITIALISMS and not written_caps:
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


class _Side:
    """What the other side's mentions are looked up in, built on first use: every word of it
    as a title word with its token index, and its mentions indexed by name."""

    def __init__(self, mentions: list[Mention], tokens: Sequence[Token]) -> None:
        self.mentions = mentions
        self.tokens = tokens
        self._words: list[tuple[int, str]] | None = None
        self._index: NameIndex | None = None

    @property
    def words(self) -> list[tuple[int, str]]:
        if self._words is None:
            self._words = _as_title_words(self.tokens)
        return self._words

    def same_person(self, person: str) -> list[int]:
        """Indices of the mentions of ``person`` (as :func:`name_match` takes names, and with
        its family name when both give two names: :func:`_one_person`)."""
        if self._index is None:
            self._index = NameIndex([m.person for m in self.mentions])
        mentions = self.mentions
        return [j for j in self._index.matching(person) if _one_person(person, mentions[j].person)]


def _one_person(a: str, b: str) -> bool:
    """Can two names that :func:`name_match` takes for one be one person? Not when each gives
    a first and a family name and the family names differ: "Gen. Chuck Jacoby" and "Defense
    Secretary Chuck Hagel" share a first name only. ("Hagel" and "Chuck Hagel" are one.)"""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return True
    return name_match(wa[-1], wb[-1])


def title_flags(
    ma: list[Mention],
    mb: list[Mention],
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    whole: Whole | None = None,
) -> list[Flag]:
    """A title omitted, added or changed before a name both sides have (``whole``: where to
    look for an added title in the whole original)."""
    if not any(m.title for m in ma) and not any(m.title for m in mb):
        return []  # (most changes)
    side_a, side_b = _Side(ma, toks_a), _Side(mb, toks_b)
    seen: set[str] = set()  # messages already given
    paired: set[int] = set()  # ids of rewrite mentions already shown as a change
    flags = _changes(ma, side_b, toks_a, toks_b, seen, paired, True, whole)
    flags += _changes(mb, side_a, toks_a, toks_b, seen, paired, False, whole)
    return flags


def _change_of(old: Mention, new: Mention) -> tuple[str, FlagChange, Severity]:
    """How a title changed: in other words or in its standing ("former President" /
    "President"), high; only shortened or lengthened, low."""
    if _said(new.title, old.title) and not _STATUS.intersection(_extra(old.title, new.title)):
        return "shortened", OMITTED, LOW  # "Joint Chiefs of Staff Adm." → "Adm."
    if _said(old.title, new.title) and not _STATUS.intersection(_extra(new.title, old.title)):
        return "lengthened", ADDED, LOW  # "Vice Admiral" → "Navy Vice Adm."
    return "changed", CHANGED, HIGH


def _extra(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """The words of title ``a`` that title ``b`` does not have."""
    return [w for w in a if not any(_same_word(w, x) for x in b)]


def _changes(
    mine: list[Mention],
    other: _Side,
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    seen: set[str],
    paired: set[int],
    from_original: bool,
    whole: Whole | None,
) -> list[Flag]:
    """The titles of the original that the rewrite drops or changes (``from_original``:
    ``mine`` are the original's mentions), or those the rewrite adds or changes where no
    change was shown from the original (``whole``: where to look for an added title)."""
    flags: list[Flag] = []
    for m in mine:
        if not m.title or (not from_original and id(m) in paired) or not (same := _missing(m, other)):
            continue
        titled = [o for o in same if o.title]
        o = titled[0] if titled else same[0]
        old, new = (m, o) if from_original else (o, m)
        if titled:
            how, change, severity = _change_of(old, new)
            msg = f"title of {old.name} {how}: {old.title_text} → {new.title_text}"
            if from_original:
                paired.update(id(x) for x in titled)
        elif from_original:
            change, severity = OMITTED, LOW
            msg = f"title of {m.name} omitted: {m.title_text}"
        elif whole is not None and _titled_elsewhere(m, whole):
            continue  # the original gives the person this title elsewhere
        else:
            change, severity = ADDED, MEDIUM
            msg = f"title of {m.name} added: {m.title_text}"
        if msg not in seen:
            seen.add(msg)
            flags.append(
                flag(
                    FlagType.NAME,
                    change,
                    severity,
                    _shown(toks_a, old),
                    _shown(toks_b, new),
                    msg,
                    old.span,
                    new.span,
                )
            )
    return flags


def _titled_elsewhere(m: Mention, whole: Whole) -> bool:
    """Does the whole original give the person of ``m`` its title somewhere (before or after
    the name, within a few words)?"""
    surname = m.person.split()[-1] if m.person else ""
    if not surname.isalpha():
        return False
    # the role and its standing ("former", "deputy"), not whose it is ("Navy", "Kremlin")
    roles = tuple(w for w in m.title if w in ROLES or w in _STANDING)
    title = roles or m.title
    for n, window in enumerate(whole.around(surname, 90)):
        if n == 20:
            break
        if _said(title, [w for _, w in _as_title_words(tokenize(window))]):
            return True
    return False


def _missing(m: Mention, other: _Side) -> list[Mention]:
    """The other side's mentions of the person when ``m``'s title is not on that side."""
    found = other.same_person(m.person)
    same = [other.mentions[j] for j in found]
    if not same or any(_same_title(m.title, o.title) for o in same):
        return []  # the name is gone (a name flag says so), or the title is kept
    # "President Putin" → "Putin, the president": the title's words said elsewhere (but
    # not as another person's title) are no change.
    ours = set(found)
    theirs = {
        i for j, o in enumerate(other.mentions) if o.title_tokens and j not in ours for i in o.title_tokens
    }
    if _said(m.title, [w for i, w in other.words if i not in theirs]):
        return []
    return same


def _as_title_words(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """Every word of a side as a title word ("Gen." as "general"), with its token index."""
    return [
        (i, w)
        for i, t in enumerate(tokens)
        if t.is_word
        for w in (
            (ABBREVIATED_ROLES.get(t.key, t.key),)
            if t.key.isalpha() and t.key not in NAME_ALIASES
            else _title_words((t,))
        )
    ]


def _shown(tokens: Sequence[Token], m: Mention) -> str:
    """A mention with its title, as written."""
    return written([t for t in tokens if m.span[0] <= t.start and t.end <= m.span[1]])
