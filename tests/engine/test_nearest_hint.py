"""A claim the engine left added or removed, set against its closest counterpart: the figure
or date that differs is said ("If one claim with r2: number changed: 40 → 45"), so a changed
fact hidden by a missed link is not lost; a counterpart that agrees says nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.nearest import against_nearest, hint_line
from factcheck_gui.engine.types import ChangeKind

ORIGINAL = (
    "Heavy rain fell across the region on Sunday. A flood killed 40 people in the Swat valley, "
    "officials said. Schools will stay closed until Friday."
)
REWRITE = (
    "Heavy rain fell across the region on Sunday. Officials now put the death toll in Swat at 45 "
    "after the river burst its banks. Schools will stay closed until Friday."
)


def test_a_figure_changed_across_a_missed_link_is_named_on_both_sides() -> None:
    cmp = compare_texts(ORIGINAL, REWRITE)
    removed = next(c for c in cmp.changes if c.kind is ChangeKind.REMOVED)
    added = next(c for c in cmp.changes if c.kind is ChangeKind.ADDED)
    assert not removed.flags and not added.flags  # the engine itself flags nothing here
    assert hint_line(cmp, removed) == "If one claim with r2: number changed: 40 → 45"
    assert hint_line(cmp, added) == "If one claim with o2: number changed: 40 → 45"


def test_a_counterpart_that_agrees_on_the_facts_gives_no_hint() -> None:
    cmp = compare_texts(
        "Heavy rain fell on Sunday. A flood killed 40 people in the valley. Schools stay shut.",
        "Heavy rain fell on Sunday. The river burst its banks and 40 died there. Schools stay shut.",
    )
    one_sided = [c for c in cmp.changes if c.nearest is not None and not (c.original and c.rewrite)]
    assert one_sided
    assert all(not against_nearest(cmp, c) and hint_line(cmp, c) == "" for c in one_sided)


def test_a_linked_change_has_no_hint() -> None:
    cmp = compare_texts("Costs rose 5 % in May.", "Costs rose 7 % in May.")
    (change,) = [c for c in cmp.changes if c.is_change]
    assert change.kind is ChangeKind.REWORDED and hint_line(cmp, change) == ""


def test_the_command_lines_text_output_gives_the_hint(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", "compare", str(a), str(b)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "  ~ If one claim with r2: number changed: 40 → 45" in out


def test_the_reports_carry_the_hint_beside_the_closest_claim(tmp_path: Path) -> None:
    import html

    from factcheck_gui.exporters import render_review
    from factcheck_gui.store import ReviewStore

    url = f"sqlite:///{tmp_path / 'hint.sqlite3'}"
    with ReviewStore.open(url) as store:
        rid = store.create_review(compare_texts(ORIGINAL, REWRITE), title="Flood", reviewer="Ana")
        review = store.load_review(rid)
    page = html.unescape(render_review(review, "html").decode("utf-8"))
    assert "Closest in the rewrite: r2" in page
    assert "If one claim with r2: number changed: 40 → 45" in page
    markdown = render_review(review, "md").decode("utf-8")
    assert "If one claim with o2: number changed: 40 → 45" in markdown
