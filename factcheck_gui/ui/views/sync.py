"""Synchronised scrolling: the pane the reader scrolls leads, the other follows so that aligned
claims stay level.

The mapping interpolates between anchor pairs (claims that keep their order on both sides, see
:meth:`ComparisonIndex._anchors`), as Meld does between diff chunks; added or removed claims
fall inside an interval, moved claims are not anchors.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, QPoint

from factcheck_gui.review.docindex import ComparisonIndex, Side
from factcheck_gui.ui.views.pane import StoryPane


class ScrollSync(QObject):
    """Keeps two panes level; ``enabled`` can be switched off from the View menu."""

    def __init__(self, left: StoryPane, right: StoryPane) -> None:
        super().__init__(left)
        self.panes = {Side.ORIGINAL: left, Side.REWRITE: right}
        self.enabled = True
        self._busy = False
        self._starts: dict[Side, list[int]] = {Side.ORIGINAL: [], Side.REWRITE: []}
        left.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(Side.ORIGINAL))
        right.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(Side.REWRITE))

    def set_index(self, index: ComparisonIndex | None) -> None:
        if index is None:
            self._starts = {Side.ORIGINAL: [], Side.REWRITE: []}
            return
        self._starts = {
            side: [index.sides[side].span(o if side is Side.ORIGINAL else r)[0] for o, r in index.anchors]
            for side in Side
        }

    def corresponding_y(self, src: Side, y: float) -> float:
        """Viewport y in the other pane that shows the text level with ``y`` in ``src``."""
        sp, dp = self.panes[src], self.panes[src.other]
        s_starts, d_starts = self._starts[src], self._starts[src.other]
        pos = sp.cursorForPosition(QPoint(0, int(y))).position()
        i = bisect.bisect_right(s_starts, pos) - 1
        s_end = max(0, sp.document().characterCount() - 1)
        d_end = max(0, dp.document().characterCount() - 1)
        s0, d0 = (s_starts[i], d_starts[i]) if i >= 0 else (0, 0)
        s1, d1 = (s_starts[i + 1], d_starts[i + 1]) if i + 1 < len(s_starts) else (s_end, d_end)
        ys0, ys1 = sp.position_rect(s0).top(), sp.position_rect(s1).bottom()
        yd0, yd1 = dp.position_rect(d0).top(), dp.position_rect(d1).bottom()
        f = (y - ys0) / (ys1 - ys0) if ys1 > ys0 else 0.0
        return yd0 + max(0.0, min(1.0, f)) * (yd1 - yd0)

    def follow(self, src: Side) -> None:
        """Bring the other pane level with ``src`` (called when ``src`` scrolls)."""
        if self._busy or not self.enabled or not self._has_text():
            return
        sp, dp = self.panes[src], self.panes[src.other]
        sb, db = sp.verticalScrollBar(), dp.verticalScrollBar()
        self._busy = True
        try:
            if sb.value() <= sb.minimum():
                db.setValue(db.minimum())
            elif sb.value() >= sb.maximum():
                db.setValue(db.maximum())
            else:
                mid = sp.viewport().height() / 2
                target = self.corresponding_y(src, mid)
                lines = round((target - mid) / dp.line_step())
                if lines:
                    db.setValue(db.value() + lines)
        finally:
            self._busy = False

    def _has_text(self) -> bool:
        return all(not p.is_empty() for p in self.panes.values())

    def hold(self) -> _Hold:
        """Context manager: scroll both panes programmatically without the other following."""
        return _Hold(self)


class _Hold:
    def __init__(self, sync: ScrollSync) -> None:
        self._sync = sync
        self._was = False

    def __enter__(self) -> None:
        self._was = self._sync._busy
        self._sync._busy = True

    def __exit__(self, *exc: object) -> None:
        self._sync._busy = self._was
