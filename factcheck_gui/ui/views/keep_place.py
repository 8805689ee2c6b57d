"""Keep the reader's place in a text view across a change of font or size.

Qt keeps the first visible block of a plain text view when its font or width changes, not the
line being read: the selected change slides off screen (or the view jumps). Here the place is
taken before the change (the selected change where it sits on screen, else the line at the
top) and given back after it, at the same share of the view's height. The story panes and the
inline view answer the same few questions (:class:`Placeable`), so zoom and resize use one
function for all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QWidget


class Placeable(Protocol):
    """A text view in which a Qt position can be found on screen and scrolled to."""

    def viewport(self) -> QWidget: ...

    def document(self) -> QTextDocument: ...

    def visible_range(self) -> tuple[int, int]: ...

    def position_rect(self, qpos: int) -> QRect: ...

    def scroll_to_y(self, qpos: int, y: float) -> None: ...


@dataclass(frozen=True, slots=True)
class Place:
    """A Qt position and where it sat, as a share of the view's height (0 top, 1 bottom)."""

    qpos: int
    share: float


def place_of(view: Placeable, qpos: int | None) -> Place | None:
    """Where ``view`` is: at ``qpos`` (the selected change's start) when that is on screen,
    else at the line at the top. None for a view with no height (hidden)."""
    height = view.viewport().height()
    if height <= 0:
        return None
    lo, hi = view.visible_range()
    if qpos is None or not lo <= qpos <= hi:
        qpos = lo
    return Place(qpos, view.position_rect(qpos).top() / height)


def go_to_place(view: Placeable, place: Place | None) -> None:
    """Scroll ``view`` so that ``place`` sits where it was (at its share of the new height)."""
    if place is None:
        return
    height = view.viewport().height()
    # The scroll range counts the lines of each block as last laid out: after a font change the
    # counts are stale (fewer lines at a smaller size), so the range may end before the place
    # can be reached, and the first paint, laying out the blocks shown, would move the view
    # again (and the other pane with it). The screenful around the place is laid out now.
    doc = view.document()
    layout = doc.documentLayout()
    if isinstance(layout, QPlainTextDocumentLayout):
        here = doc.findBlock(place.qpos)
        for step, room in (
            (1, height * (1.0 - place.share) + height / 2),
            (-1, height * place.share + height / 2),
        ):
            block, seen = here if step > 0 else here.previous(), 0.0
            while block.isValid() and seen < room:
                layout.ensureBlockLayout(block)
                seen += layout.blockBoundingRect(block).height()
                block = block.next() if step > 0 else block.previous()
    view.scroll_to_y(place.qpos, place.share * height)


def settle_layouts(views: Sequence[QWidget]) -> None:
    """Let the views take their new sizes now: a font change asks for a layout later, and a
    scroll bar shown or hidden by a new scroll range (a queued call to the view) narrows or
    widens it later; either would wrap the text again after the place was given back."""
    for _ in range(2):  # a layout may ask its parent's for another
        for view in views:
            QCoreApplication.sendPostedEvents(view, QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


@contextmanager
def keeping_place(views: Sequence[tuple[Placeable, int | None]]) -> Iterator[None]:
    """``with keeping_place([(pane, start_of_selected_change), …]): pane.setFont(…)``."""
    places = [(view, place_of(view, qpos)) for view, qpos in views]
    yield
    # Twice: giving the place back may show a scroll bar that was hidden, which narrows the
    # view (once its layout runs) and wraps the text again.
    for _ in range(2):
        settle_layouts([view for view, _place in places if isinstance(view, QWidget)])
        for view, place in places:
            go_to_place(view, place)
