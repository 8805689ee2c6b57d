"""Find in the story: literal, case-insensitive matches in both texts of a comparison.

Qt-free, so it is tested without a display. A search never lists every match: counting and
stepping are C string scans (``str.count``, ``str.find``, ``str.rfind``) over a lower-cased
copy of each text, so a 20,000-claim comparison answers in milliseconds even for a word that
occurs 100,000 times. Lower-casing a long story takes a tenth of a second or more: it is done
once, a slice at a time, by :meth:`StorySearch.prepare` in a thread of its own (the GIL is let
go between slices, so the window never waits on it). Positions in and out are Qt's (UTF-16),
as everywhere in the panes.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from typing import NamedTuple

from factcheck_gui.review.docindex import ComparisonIndex, Side, qt_unmapper, utf16_mapper

SIDES = (Side.ORIGINAL, Side.REWRITE)  # the order Next goes through the matches


class Hit(NamedTuple):
    """One match, in Qt positions of its pane."""

    side: Side
    start: int
    end: int


SEARCH_SLICE = 1 << 16  # characters lower-cased at a time
PREPARE_AT_ONCE = 200_000  # a comparison with no more characters is prepared at once, in place


def search_text(text: str) -> str | None:
    """``text`` lower-cased a slice at a time; None when lower case would change its length
    ("İ" becomes two characters), as offsets would then no longer match the text's."""
    low = "".join(text[i : i + SEARCH_SLICE].lower() for i in range(0, len(text), SEARCH_SLICE))
    return low if len(low) == len(text) else None


class _Text:
    """One text as searched (a side of the story, or the inline column): lower-cased once, with
    Python ↔ Qt offset maps."""

    def __init__(self, text: str, to_qt: Callable[[int], int], from_qt: Callable[[int], int]) -> None:
        self.text = text
        self.to_qt = to_qt
        self.from_qt = from_qt
        # None until prepared; stays None when a character lower-cases to two ("İ"): offsets
        # would shift, so that text is searched by a regular expression instead (rare).
        self.lower: str | None = None
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def prepare(self) -> None:
        self.lower = search_text(self.text)

    def spans(self, needle: str) -> list[tuple[int, int]]:
        """Every match (the slow path, only for a text whose lower case changes its length)."""
        found = self._spans.get(needle)
        if found is None:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            found = self._spans[needle] = [m.span() for m in pattern.finditer(self.text)]
        return found

    def count(self, needle: str, end: int | None = None) -> int:
        """Matches that start before Python offset ``end`` (all of them when None)."""
        if self.lower is not None:
            stop = len(self.lower) if end is None else end + len(needle) - 1
            return self.lower.count(needle.lower(), 0, max(0, stop))
        spans = self.spans(needle)
        return len(spans) if end is None else bisect.bisect_left(spans, (end, -1))

    def after(self, needle: str, pos: int) -> int:
        """Python offset of the first match starting at or after ``pos`` (-1: none)."""
        if self.lower is not None:
            return self.lower.find(needle.lower(), pos)
        spans = self.spans(needle)
        i = bisect.bisect_left(spans, (pos, -1))
        return spans[i][0] if i < len(spans) else -1

    def before(self, needle: str, pos: int) -> int:
        """Python offset of the last match ending at or before ``pos`` (-1: none)."""
        if self.lower is not None:
            return self.lower.rfind(needle.lower(), 0, pos)
        spans = self.spans(needle)
        i = bisect.bisect_right([e for _, e in spans], pos) - 1
        return spans[i][0] if i >= 0 else -1


class StorySearch:
    """Searches one comparison's two texts (made once per comparison shown)."""

    def __init__(self, index: ComparisonIndex) -> None:
        self.index = index
        self._texts = {
            side: _Text(index.sides[side].doc.text, index.sides[side].to_qt, index.sides[side].from_qt)
            for side in SIDES
        }
        self._counts: dict[str, tuple[int, int]] = {}
        self._ready = threading.Event()
        self._started = False

    def _wait(self) -> None:
        """A caller that did not wait for :attr:`ready` (a script, a test) waits here."""
        if not self._ready.is_set():
            self.start()
            self._ready.wait()

    @property
    def ready(self) -> bool:
        """The texts are lower-cased: counts and steps answer at once."""
        return self._ready.is_set()

    def prepare(self) -> None:
        """Lower-case both texts (any thread; the search is used only once it is :attr:`ready`)."""
        for text in self._texts.values():
            text.prepare()
        self._ready.set()

    def start(self) -> None:
        """Prepare: at once for a short comparison, else in a thread of its own (once)."""
        if self._started:
            return
        self._started = True
        if sum(len(t.text) for t in self._texts.values()) <= PREPARE_AT_ONCE:
            self.prepare()
        else:
            threading.Thread(target=self.prepare, name="find-prepare", daemon=True).start()

    def counts(self, needle: str) -> tuple[int, int]:
        """How many matches in the original and in the rewrite."""
        self._wait()
        got = self._counts.get(needle)
        if got is None:
            o, r = (self._texts[side].count(needle) if needle else 0 for side in SIDES)
            got = self._counts[needle] = (o, r)
        return got

    def total(self, needle: str) -> int:
        return sum(self.counts(needle))

    def ordinal(self, needle: str, hit: Hit) -> int:
        """1-based place of ``hit`` among all matches, the original's first."""
        self._wait()
        text = self._texts[hit.side]
        before = text.count(needle, text.from_qt(hit.start))
        return before + 1 + (self.counts(needle)[0] if hit.side is Side.REWRITE else 0)

    def _hit(self, side: Side, start: int, needle: str) -> Hit:
        text = self._texts[side]
        end = start + len(needle)
        if text.lower is None:  # the matched stretch may differ in length from the needle
            end = next(e for s, e in text.spans(needle) if s == start)
        return Hit(side, text.to_qt(start), text.to_qt(end))

    def step(self, needle: str, side: Side, qpos: int, *, backward: bool = False) -> Hit | None:
        """The next match from Qt position ``qpos`` of ``side`` (backward: the previous one,
        ending at or before it). Past the last match of a side the search goes on into the other
        side from its edge, then round: the matches, the original's first, form one ring.
        None when nothing matches."""
        if not needle or not self.total(needle):
            return None
        other = Side.REWRITE if side is Side.ORIGINAL else Side.ORIGINAL
        pos = self._texts[side].from_qt(qpos)
        for s, p in ((side, pos), (other, None), (side, None)):
            text = self._texts[s]
            if backward:
                found = text.before(needle, len(text.text) if p is None else p)
            else:
                found = text.after(needle, 0 if p is None else p)
            if found >= 0:
                return self._hit(s, found, needle)
        return None


class ColumnSearch:
    """Find in one column of text: the inline view's, as its document reads (paragraph breaks as
    one character each, as Qt counts them). The same literal, case-insensitive matches as
    :class:`StorySearch`, in one ring. Made and lower-cased where the column's document is built
    (a worker), so the window only counts and steps."""

    def __init__(self, text: str) -> None:
        to_qt = utf16_mapper(text)
        self._text = _Text(text, to_qt, qt_unmapper(text, to_qt))
        self._text.prepare()
        self._counts: dict[str, int] = {}

    def total(self, needle: str) -> int:
        got = self._counts.get(needle)
        if got is None:
            got = self._counts[needle] = self._text.count(needle) if needle else 0
        return got

    def ordinal(self, needle: str, start: int) -> int:
        """1-based place of the match starting at Qt position ``start``."""
        return self._text.count(needle, self._text.from_qt(start)) + 1

    def step(self, needle: str, qpos: int, *, backward: bool = False) -> tuple[int, int] | None:
        """The next match (Qt start and end) from Qt position ``qpos`` (backward: the previous
        one, ending at or before it), round past the end; None when nothing matches."""
        if not needle or not self.total(needle):
            return None
        text = self._text
        pos = text.from_qt(qpos)
        if backward:
            found = text.before(needle, pos)
            if found < 0:
                found = text.before(needle, len(text.text))
        else:
            found = text.after(needle, pos)
            if found < 0:
                found = text.after(needle, 0)
        if found < 0:
            return None
        end = found + len(needle)
        if text.lower is None:  # the matched stretch may differ in length from the needle
            end = next(e for s, e in text.spans(needle) if s == found)
        return text.to_qt(found), text.to_qt(end)
