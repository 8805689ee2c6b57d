"""Several sources in the review window (real widgets offscreen, real SQLite file, real texts):
the switcher and share strip, the left pane showing the source that supports the selected
claim, the attribution column, adding sources by File → Add source… and by dropping files on
the left pane (verdicts carried over), and a several-source review reopened from the start page.

Texts: benchmarks/pairs/multi/powell-resignation (a Wikinews story and the two State
Department texts it cites) and, as an unrelated third source, the NASA text of
benchmarks/pairs/multi/asteroid-2004mn4-ruled-out (each folder's source.md gives origin and
licence).
"""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.ui.models.change_model import Column
from tests.ui.driver import Driver

MULTI = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs" / "multi"
POWELL = MULTI / "powell-resignation"
STORY = POWELL / "derived-wikinews.txt"
BRIEFING = POWELL / "source1-state-dept-powell-briefing.txt"
LETTER = POWELL / "source2-state-dept-powell-letter.txt"
NASA = MULTI / "asteroid-2004mn4-ruled-out" / "source1-nasa-neo-news148.txt"


def several(win):  # type: ignore[no-untyped-def]
    cmp = sourced(win.session.index.comparison)
    assert cmp is not None
    return cmp


def test_switcher_strip_and_left_pane_follow_the_selected_claim(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    d = Driver(qtbot, window)
    d.open_several(STORY, [BRIEFING, LETTER])
    cmp = several(window)
    strip = d.sources_strip
    assert len(strip) == 3
    assert strip[0].startswith(f"s1 · {BRIEFING.name} — ") and " %" in strip[0]
    assert strip[1].startswith(f"s2 · {LETTER.name} — ")
    assert strip[2].startswith("▨ no source — ")
    shares = {c.source: c for c in cmp.multi.coverage()}
    assert f"{round(shares[0].share * 100)} %" in strip[0]
    assert f"{round(shares[None].share * 100)} %" in strip[2]
    # The change list says where each claim came from.
    froms = d.list_column("From")
    assert froms and f"from: {BRIEFING.name}" in froms and "from no source" in froms

    # A change from the letter: the switcher shows the letter, the left pane shows its claim.
    letter_change = next(
        ch for ch in cmp.changes if ch.is_change and cmp.sources_of(ch) == (1,) and ch.rewrite
    )
    d.select_change(letter_change.id)
    qtbot.waitUntil(lambda: d.source_shown == 2, timeout=3000)
    assert "✓ supports the selected claim" in d.sources_strip[1]
    assert "✓" not in d.sources_strip[0]
    assert f"showing s2 · {LETTER.name}" in d.left_title
    claim = cmp.original.claim(letter_change.original[0])
    qtbot.waitUntil(lambda: d.left_shows(claim.start), timeout=3000)

    # The reader switches to the briefing: its heading comes into view on the left.
    d.choose_source(1)
    assert d.source_shown == 1 and f"showing s1 · {BRIEFING.name}" in d.left_title
    qtbot.waitUntil(lambda: d.left_shows(cmp.source_span(0)[0] + 1), timeout=3000)


def test_a_pair_review_shows_no_switcher_and_its_usual_columns(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    d = Driver(qtbot, opened)
    assert d.sources_strip == []
    model = opened.review.changes.table.model()
    assert model.columnCount() == Column.VERDICT + 1  # no "From" column for a pair
    assert d.list_column("From") == []
    assert opened.sources.action.isEnabled()  # a pair review can be given a source


def test_add_source_to_a_pair_review_carries_its_verdicts(qtbot, window, store_for, db_url) -> None:  # type: ignore[no-untyped-def]
    d = Driver(qtbot, window)
    d.open_pair(BRIEFING, STORY)
    first = d.review_id
    assert first is not None
    pair = window.session.index.comparison
    decided = [ch.id for ch in pair.changes if ch.is_change]
    for cid in decided:
        d.select_change(cid)
        d.press_verdict("1")
    store = store_for(db_url)
    qtbot.waitUntil(lambda: len(store.load_review(first).verdicts) == len(decided), timeout=5000)

    d.add_source(LETTER)
    assert d.review_id != first
    cmp = several(window)
    assert cmp.source_names == (BRIEFING.name, LETTER.name)
    assert len(d.sources_strip) == 3
    new = store.load_review(d.review_id)
    assert new.verdicts, "the verdicts that still apply were carried over"
    for cid, v in new.verdicts.items():
        assert cmp.sources_of(cmp.change(cid)) in ((), (0,))  # none from the new source
        assert v.carried_from is not None and v.carried_from.startswith(f"review {first} ")
    assert f"carried over from review #{first}" in d.message
    assert d.message.startswith(f"{len(new.verdicts)} verdict")
    # The pair review is still there, unchanged.
    assert len(store.load_review(first).verdicts) == len(decided)
    assert store.load_review(first).summary.source_names == ()


def test_dropping_a_file_on_the_left_pane_adds_a_source(qtbot, window, store_for, db_url) -> None:  # type: ignore[no-untyped-def]
    d = Driver(qtbot, window)
    d.open_several(STORY, [BRIEFING, LETTER])
    first = d.review_id
    cmp = several(window)
    target = next(ch.id for ch in cmp.changes if ch.is_change and cmp.sources_of(ch) == (0,))
    d.select_change(target)
    d.press_verdict("2")
    store = store_for(db_url)
    qtbot.waitUntil(lambda: target in store.load_review(first).verdicts, timeout=5000)

    with qtbot.waitSignal(window.reviewShown, timeout=60000):
        d.drop_on_left([NASA])
    now = several(window)
    assert now.source_names == (BRIEFING.name, LETTER.name, NASA.name)
    assert len(d.sources_strip) == 4
    carried = store.load_review(d.review_id).verdicts
    assert any(v.carried_from == f"review {first} change {target}" for v in carried.values()), (
        "the verdict on the briefing's change followed it"
    )


def test_a_stored_several_source_review_opens_from_the_start_page(qtbot, window, store_for, db_url) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.engine.sources import compare_sources
    from factcheck_gui.engine.sources.projection import project

    read = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    multi = compare_sources(
        read(STORY), [("briefing", read(BRIEFING)), ("letter", read(LETTER))], derived_name="story"
    )
    store = store_for(db_url)
    rid = store.create_review(project(multi), title="", reviewer="cli")  # as `factcheck review new --source`
    d = Driver(qtbot, window)
    with qtbot.waitSignal(window.reviewsListed, timeout=10000):
        window.nav.show_start_page()
    d.open_review(rid)
    assert d.review_id == rid
    assert [t.split(" — ")[0] for t in d.sources_strip[:2]] == ["s1 · briefing", "s2 · letter"]
    assert "from: briefing" in d.list_column("From")


def test_factcheck_gui_opens_a_story_against_its_sources(tmp_path: Path) -> None:
    """`factcheck-gui STORY --source A --source B`: a new several-source review on screen
    (exported through the window's own export path to prove what it showed)."""
    import json
    import os
    import subprocess
    import sys

    db, out = tmp_path / "r.sqlite3", tmp_path / "review.json"
    root = Path(__file__).resolve().parents[2]
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "factcheck_gui.app", *a, "--db", str(db), "--quit-after", "0"],
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    done = run(str(STORY), "--source", str(BRIEFING), "--source", str(LETTER), "--export-to", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["comparison"]["sources"]] == [BRIEFING.name, LETTER.name]
    bad = run(str(STORY), str(LETTER), "--source", str(BRIEFING))
    assert bad.returncode == 2 and "derived story alone" in bad.stderr


def test_compare_again_with_a_new_derived_text_keeps_the_sources(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.review.docindex import Side

    d = Driver(qtbot, window)
    d.open_several(STORY, [BRIEFING, LETTER])
    first = d.review_id
    edited = tmp_path / "wikinews-v2.txt"
    edited.write_text(
        STORY.read_text(encoding="utf-8") + "\nPowell will stay until a successor is confirmed.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.reviewShown, timeout=60000):
        window.compare_again_with(Side.REWRITE, edited, carry=True)
    assert d.review_id != first
    cmp = several(window)
    assert cmp.source_names == (BRIEFING.name, LETTER.name) and cmp.rewrite.name == edited.name
    assert len(d.sources_strip) == 3
