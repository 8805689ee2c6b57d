"""The story at a glance: a slim strip above the panes with the changes counted by kind, the
flags by type and how many changes are reviewed and still to review. Every count is a button
that filters the change list to what it counts; a second click on the active one shows all.

Each count is written in words with its kind's mark ("≈ 5 reworded"), so colour (the kind's
swatch) is never the only cue. While View → Hide punctuation-only changes is on, the strip counts
what the change list shows and says how many it leaves out ("3 punctuation-only hidden").
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QWidget

from factcheck_gui.engine.types import ChangeKind, Comparison, FlagType
from factcheck_gui.review.punctuation import punctuation_only_ids, punctuation_only_of
from factcheck_gui.ui.shell.theme import FLAG_COLOUR, KIND_STYLES

if TYPE_CHECKING:
    from factcheck_gui.review.docindex import ComparisonIndex

# In the strip's order; "kept" is the engine's unchanged.
KIND_ORDER = (
    ChangeKind.UNCHANGED,
    ChangeKind.REWORDED,
    ChangeKind.MOVED,
    ChangeKind.SPLIT,
    ChangeKind.MERGED,
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
)
KIND_WORDS = {
    ChangeKind.UNCHANGED: "kept",
    ChangeKind.REWORDED: "reworded",
    ChangeKind.MOVED: "moved",
    ChangeKind.SPLIT: "split",
    ChangeKind.MERGED: "merged",
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
}
KIND_MARKS = {**{k: s.mark for k, s in KIND_STYLES.items()}, ChangeKind.UNCHANGED: "="}

# What a reader calls each flag (singular, plural): no internal labels on screen.
FLAG_WORDS: dict[FlagType, tuple[str, str]] = {
    FlagType.NUMBER: ("number", "numbers"),
    FlagType.DATE: ("date", "dates"),
    FlagType.NAME: ("name", "names"),
    FlagType.QUOTE_ALTERED: ("altered quotation", "altered quotations"),
    FlagType.QUOTE_UNSOURCED: ("unsourced quotation", "unsourced quotations"),
    FlagType.HEDGE: ("hedge", "hedges"),
    FlagType.NEGATION: ("negation", "negations"),
    FlagType.ATTRIBUTION: ("attribution", "attributions"),
    FlagType.SUBSTITUTION: ("word swap", "word swaps"),
}

REVIEWED = "reviewed"
TO_REVIEW = "unreviewed"


@dataclass(frozen=True)
class StoryCounts:
    """What the strip counts of a comparison. Plain Python: a worker can count a long story
    (:func:`story_counts`) and the GUI thread only show the figures."""

    kinds: Mapping[ChangeKind, int]
    flags: Mapping[FlagType, int]  # changes carrying each flag type
    flagged: int  # changes carrying any flag
    review_ids: frozenset[str]  # the changes a reviewer has to look at
    hidden: int = 0  # punctuation-only changes left out of the counts (see :func:`story_counts`)

    @classmethod
    def empty(cls) -> StoryCounts:
        return cls({}, {}, 0, frozenset())


def story_counts(comparison: Comparison | None, hidden: frozenset[str] = frozenset()) -> StoryCounts:
    """Count the changes of ``comparison`` by kind and flag type (one pass), leaving out those
    in ``hidden`` (the punctuation-only changes the list hides)."""
    if comparison is None:
        return StoryCounts.empty()
    kinds: Counter[ChangeKind] = Counter()
    flags: Counter[FlagType] = Counter()
    flagged = 0
    review: list[str] = []
    unchanged = ChangeKind.UNCHANGED
    left_out = 0
    for c in comparison.changes:
        if hidden and c.id in hidden:
            left_out += 1
            continue
        kinds[c.kind] += 1
        if c.flags:
            flagged += 1
            flags.update({f.type for f in c.flags})
            review.append(c.id)
        elif c.kind is not unchanged:
            review.append(c.id)
    return StoryCounts(kinds, flags, flagged, frozenset(review), left_out)


# Counts made in a worker for a comparison about to be shown (see :func:`prepare_counts`), by
# the comparison's id: of every change, and with the punctuation-only ones hidden; the index
# held weakly checks it is still the same comparison.
_PREPARED: dict[int, tuple[weakref.ref[ComparisonIndex], StoryCounts, StoryCounts]] = {}


def prepare_counts(index: ComparisonIndex) -> StoryCounts:
    """*worker*: count ``index``'s comparison now, both ways (every change, and with the
    punctuation-only changes hidden), so showing it (:meth:`SummaryStrip.set_comparison`) or
    switching View → Hide punctuation-only changes only sets the figures (a 20k story took the
    GUI thread about 27 ms to count). Returns the counts of every change."""
    counts = story_counts(index.comparison)
    hiding = story_counts(index.comparison, punctuation_only_of(index))
    key = id(index.comparison)
    _PREPARED[key] = (weakref.ref(index, lambda _ref: _PREPARED.pop(key, None)), counts, hiding)
    return counts


def _counts_for(comparison: Comparison | None, hide_punctuation: bool = False) -> StoryCounts:
    """The counts prepared for ``comparison`` when there are, else counted here."""
    if comparison is not None:
        prepared = _PREPARED.get(id(comparison))
        index = prepared[0]() if prepared is not None else None
        if prepared is not None and index is not None and index.comparison is comparison:
            return prepared[2] if hide_punctuation else prepared[1]
        if hide_punctuation:
            return story_counts(comparison, punctuation_only_ids(comparison))
    return story_counts(comparison)


def flag_words(flag: FlagType, count: int) -> str:
    """ "1 number", "3 unsourced quotations"."""
    one, many = FLAG_WORDS[flag]
    return f"{count} {one if count == 1 else many}"


def _swatch(colour: str, size: int = 10) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


class SummaryStrip(QFrame):
    """Counts of one comparison, each a filter button.

    Signals (each carries "" when the reader clicks the active count again, to show all):

    - ``kindClicked(str)``: a :class:`ChangeKind` value ("reworded", "unchanged" for kept);
    - ``flagClicked(str)``: a :class:`FlagType` value ("number"), "*" for "all flagged";
    - ``reviewClicked(str)``: :data:`REVIEWED` or :data:`TO_REVIEW`.
    """

    kindClicked = Signal(str)
    flagClicked = Signal(str)
    reviewClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(6, 0, 6, 0)
        self._row.setSpacing(2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # (exclusive groups cannot be cleared by a second click)
        self.kind_buttons: dict[ChangeKind, QToolButton] = {}
        self.flag_buttons: dict[str, QToolButton] = {}
        self.review_buttons: dict[str, QToolButton] = {}
        self._review_ids: frozenset[str] = frozenset()
        self._verdicts: dict[str, str] = {}  # of the changes counted
        self._given: dict[str, str] = {}  # every verdict of the review
        self._comparison: Comparison | None = None
        self._hide_punctuation = False
        # Each count's text in words and short ("≈ 5 reworded", "≈ 5"): the short ones are shown
        # when the words do not fit the width the strip is given (:meth:`fit_to`).
        self._texts: dict[QToolButton, tuple[str, str, int]] = {}
        self._width: int | None = None
        self.compact = 0  # 0: every count in words; 1: the kinds short; 2: the review counts too

        self._caption("Changes:")
        for kind in KIND_ORDER:
            b = self._button(f"kind:{kind.value}", _swatch(KIND_STYLES[kind].colour))
            b.clicked.connect(lambda on, k=kind.value: self._clicked(self.kindClicked, f"kind:{k}", k, on))
            self.kind_buttons[kind] = b
        self._flags_caption = self._caption("Flags:")
        self._flags_at = self._row.count()
        self._no_flags = QLabel("none", self)
        self._no_flags.setObjectName("summaryNone")
        self._row.addWidget(self._no_flags)
        self._caption("Review:")
        for key in (REVIEWED, TO_REVIEW):
            b = self._button(f"review:{key}")
            b.clicked.connect(lambda on, k=key: self._clicked(self.reviewClicked, f"review:{k}", k, on))
            self.review_buttons[key] = b
        self.hidden_label = QLabel(self)
        self.hidden_label.setObjectName("summaryHidden")
        self.hidden_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hidden_label.setContentsMargins(8, 0, 0, 0)
        self.hidden_label.setToolTip(
            "View → Hide punctuation-only changes is on: these are not in the list nor counted here."
        )
        self.hidden_label.hide()
        self._row.addWidget(self.hidden_label)
        self._row.addStretch(1)
        self.set_comparison(None)

    # -- building ------------------------------------------------------------------------------
    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("summaryCaption")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(8 if self._row.count() else 0, 0, 2, 0)
        self._row.addWidget(label)
        return label

    def _button(self, key: str, icon: QIcon | None = None) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName("summaryCount")
        b.setProperty("filterKey", key)
        b.setCheckable(True)
        b.setAutoRaise(True)
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if icon is not None:
            b.setIcon(icon)
            b.setIconSize(QSize(10, 10))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        else:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._group.addButton(b)
        self._row.addWidget(b)
        return b

    def _clicked(self, signal: SignalInstance, key: str, value: str, on: bool) -> None:
        self._check_only(key if on else "")
        signal.emit(value if on else "")

    def _check_only(self, key: str) -> None:
        for b in self._group.buttons():
            b.setChecked(bool(key) and b.property("filterKey") == key)

    # -- data ----------------------------------------------------------------------------------
    def set_comparison(
        self,
        comparison: Comparison | None,
        verdicts: Mapping[str, str] | None = None,
        *,
        hide_punctuation: bool | None = None,
    ) -> None:
        """Count the changes of ``comparison`` (None: empty); ``verdicts`` maps change id → verdict;
        ``hide_punctuation`` (None: as before) leaves the punctuation-only changes out.

        Counts a worker made beforehand (:func:`prepare_counts`) are used as they are."""
        self._comparison = comparison
        if hide_punctuation is not None:
            self._hide_punctuation = hide_punctuation
        self.set_counts(_counts_for(comparison, self._hide_punctuation), verdicts)

    def set_hide_punctuation(self, on: bool) -> None:
        """View → Hide punctuation-only changes: count what the change list shows (and say how
        many it hides), or every change again. The count checked stays checked."""
        if on == self._hide_punctuation:
            return
        self._hide_punctuation = on
        checked = next((str(b.property("filterKey")) for b in self._group.buttons() if b.isChecked()), "")
        self.set_counts(_counts_for(self._comparison, on), dict(self._given))
        if checked and any(b.property("filterKey") == checked for b in self._group.buttons()):
            self._check_only(checked)

    @property
    def hides_punctuation(self) -> bool:
        return self._hide_punctuation

    def set_counts(self, counts: StoryCounts, verdicts: Mapping[str, str] | None = None) -> None:
        """Show counts made beforehand (by :func:`story_counts`, in a worker)."""
        self._review_ids = counts.review_ids
        for kind, b in self.kind_buttons.items():
            n = counts.kinds.get(kind, 0)
            word = KIND_WORDS[kind]
            self._say(b, f"{KIND_MARKS[kind]} {n} {word}", f"{KIND_MARKS[kind]} {n}", 1)
            what = "claims kept as they were" if kind is ChangeKind.UNCHANGED else f"{word} changes"
            b.setToolTip(f"{n} {what}. Click to show only these; click again to show all.")
            b.setAccessibleName(f"{n} {word}")
            b.setEnabled(n > 0)
        self._set_flags(counts.flags, counts.flagged)
        hidden = counts.hidden
        self.hidden_label.setText(f"{hidden} punctuation-only hidden")
        self.hidden_label.setAccessibleName(f"{hidden} punctuation-only changes hidden")
        self.hidden_label.setVisible(hidden > 0)
        self._verdicts = {}
        self.set_verdicts(verdicts or {})
        self._check_only("")
        self._refit()

    def _set_flags(self, flagged: Mapping[FlagType, int], any_flag: int) -> None:
        for b in self.flag_buttons.values():
            self._group.removeButton(b)
            self._texts.pop(b, None)
            b.deleteLater()
        self.flag_buttons = {}
        at = self._flags_at
        if any_flag:
            b = self._button("flag:*", _swatch(FLAG_COLOUR))
            self._row.insertWidget(at, b)
            b.setText(f"⚑ {any_flag} flagged")
            b.setToolTip(
                f"{any_flag} changes with a flag. Click to show only these; click again to show all."
            )
            b.setAccessibleName(f"{any_flag} flagged")
            b.clicked.connect(lambda on: self._clicked(self.flagClicked, "flag:*", "*", on))
            self.flag_buttons["*"] = b
            at += 1
        for flag in sorted(flagged, key=lambda f: (-flagged[f], list(FlagType).index(f))):
            n = flagged[flag]
            b = self._button(f"flag:{flag.value}")
            self._row.insertWidget(at, b)
            at += 1
            b.setText(flag_words(flag, n))
            b.setToolTip(
                f"{n} {'change' if n == 1 else 'changes'} with a flag on {FLAG_WORDS[flag][1]}. "
                "Click to show only these; click again to show all."
            )
            b.setAccessibleName(flag_words(flag, n))
            b.clicked.connect(lambda on, v=flag.value: self._clicked(self.flagClicked, f"flag:{v}", v, on))
            self.flag_buttons[flag.value] = b
        self._no_flags.setVisible(not any_flag)

    def set_verdicts(self, verdicts: Mapping[str, str]) -> None:
        """All verdicts of the review (change id → verdict; "" or missing: unreviewed)."""
        self._given = {k: v for k, v in verdicts.items() if v}
        self._verdicts = {k: v for k, v in verdicts.items() if v and k in self._review_ids}
        self._show_review()

    def set_verdict(self, change_id: str, value: str | None) -> None:
        """One verdict given or cleared (cheap: for every key press)."""
        if value:
            self._given[change_id] = value
        else:
            self._given.pop(change_id, None)
        if value and change_id in self._review_ids:
            self._verdicts[change_id] = value
        else:
            self._verdicts.pop(change_id, None)
        self._show_review()

    def _show_review(self) -> None:
        done = len(self._verdicts)
        left = len(self._review_ids) - done
        b = self.review_buttons[REVIEWED]
        self._say(b, f"✓ {done} reviewed", f"✓ {done}", 2)
        b.setToolTip(f"{done} changes have a verdict. Click to show only these; click again to show all.")
        b.setAccessibleName(f"{done} reviewed")
        b = self.review_buttons[TO_REVIEW]
        self._say(b, f"○ {left} to review", f"○ {left}", 2)
        b.setToolTip(
            f"{left} changes have no verdict yet. Click to show only these; click again to show all."
        )
        b.setAccessibleName(f"{left} to review")

    # -- fitting the width ---------------------------------------------------------------------
    def _say(self, b: QToolButton, words: str, short: str, level: int) -> None:
        """Give count ``b`` its text in words and short; it is shown short from compactness
        ``level`` on (the words stay in its tooltip and accessible name either way)."""
        if self._texts.get(b) == (words, short, level):
            return
        self._texts[b] = (words, short, level)
        b.setText(short if self.compact >= level else words)

    def fit_to(self, width: int) -> None:
        """The width the strip is shown in: counts in words when they fit ("≈ 5 reworded",
        "✓ 3 reviewed"), else the kinds by mark and figure ("≈ 5"), and then the review counts
        too ("✓ 3"), so a 1280-pixel window shows every count without scrolling."""
        if width != self._width:
            self._width = width
            self._refit()

    def _refit(self) -> None:
        if self._width is None:
            return
        for level in (0, 1, 2):
            self._show_compact(level)
            if self._needed() <= self._width:
                return

    def _needed(self) -> int:
        self._row.invalidate()
        return self._row.minimumSize().width()

    def _show_compact(self, level: int) -> None:
        self.compact = level
        for b, (words, short, at) in self._texts.items():
            b.setText(short if level >= at else words)

    # -- what the window shows -------------------------------------------------------------------
    def set_active(self, kind: str = "", flag: str = "", review: str = "") -> None:
        """Check the count of the filter the window applies (set from its filter menus); at
        most one is shown checked, the kind first."""
        if kind:
            self._check_only(f"kind:{kind}")
        elif flag:
            self._check_only(f"flag:{flag}")
        elif review:
            self._check_only(f"review:{review}")
        else:
            self._check_only("")

    def counts(self) -> dict[str, str]:
        """What each count says in words, by its filter key ("kind:reworded" → "≈ 5 reworded"),
        shown so or short (:meth:`fit_to`)."""
        out: dict[str, str] = {}
        for b in self._group.buttons():
            said = self._texts.get(b) if isinstance(b, QToolButton) else None
            out[str(b.property("filterKey"))] = said[0] if said else b.text()
        return out

    def button(self, key: str) -> QToolButton:
        """The count with filter key ``key`` ("kind:added", "flag:number", "review:reviewed")."""
        for b in self._group.buttons():
            if b.property("filterKey") == key:
                return b  # type: ignore[return-value]
        raise KeyError(key)


class StripArea(QScrollArea):
    """The strip's frame: it tells the strip the width it has (:meth:`SummaryStrip.fit_to`),
    and scrolls sideways only if even the short counts do not fit."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        strip = self.widget()
        if isinstance(strip, SummaryStrip):
            strip.fit_to(self.viewport().width())
