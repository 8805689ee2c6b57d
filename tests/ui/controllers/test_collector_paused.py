"""A big comparison is compared, stored and shown without the cyclic collector walking it: no
full collection (which held the GIL, so froze the window, for up to a quarter of a second)
runs in the worker while it works, and the review's objects are frozen out of its way afterwards."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

from tests.ui.conftest import REFERENCE


def _big_pair(folder: Path, copies: int = 40) -> tuple[Path, Path]:
    """The reference pair's paragraphs many times over, each copy with its own figures."""
    original, rewrite = (p.read_text(encoding="utf-8") for p in REFERENCE)
    a, b = folder / "big-original.txt", folder / "big-rewrite.txt"
    a.write_text("\n\n".join(f"Part {i}.\n\n{original}" for i in range(copies)), encoding="utf-8")
    b.write_text("\n\n".join(f"Part {i}.\n\n{rewrite}" for i in range(copies)), encoding="utf-8")
    return a, b


def test_no_full_collection_while_a_big_review_is_made_and_frozen_after(  # type: ignore[no-untyped-def]
    qtbot, window: Any, tmp_path: Path
) -> None:
    full: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        # In the worker: the GUI thread's own passes after it (the review frozen) are cheap.
        if phase == "start" and info["generation"] == 2 and threading.current_thread() is not gui:
            full.append(1)

    gui = threading.current_thread()

    gc.collect()
    frozen_before = gc.get_freeze_count()
    # Thresholds that would make a full pass certain for this much allocation, as the millions
    # of objects of a 20k comparison make it with the default ones.
    thresholds = gc.get_threshold()
    gc.set_threshold(100, 2, 2)
    gc.callbacks.append(seen)
    try:
        with qtbot.waitSignal(window.reviewShown, timeout=120000):
            window.nav.open_paths(*_big_pair(tmp_path))
        during = len(full)
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*thresholds)
    assert window.session is not None and len(window.session.index.review_changes) > 100
    assert during == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen_before  # the review is out of the collector's way
