"""UI responsiveness as a reader feels it, from pressing Compare to reading the result.

Usage (from the repository root, offscreen by default)::

    python benchmarks/bench_ui.py [N ...] [--against CHECKOUT] [--repeat R]

For each size N (default 5000 20000) a pair of N claims a side is built with
``shared/tools/bigpair.py`` (``shared/`` is found from the repository root, see
``sharedpath.py``) and opened in a real main window. Every figure comes from a fresh process;
``--against`` measures another checkout (say, a worktree of main) in the same run, interleaved
with this one, so that the ratio stays meaningful on a loaded machine.

Measured, in one window per size:

* on screen: from Compare (``open_paths``) to the review shown and the window painted (a
  synchronous repaint once ``reviewShown`` fired), split into compared (progress 0.9: the
  engine is done), stored (the result reaches the GUI thread) and display (from there on);
* the longest event-loop stall while comparing, and while the result is displayed: from the
  result's arrival until 3 s after it is on screen (the probe keeps running after the engine
  reports 1.0: the display is where the stall used to be);
* whether the visible lines of both panes carry their highlighting once painted;
* filter switches (kind, flag, verdict, unreviewed only, each there and back to "All"), the
  longest stall each;
* scrolling: page steps, jumps to the middle and the end of both panes, jumps of the change
  table, and selecting changes far apart (the panes scroll to them), the longest stall;
* the overview maps: a click far down each map (the change there is selected), the GUI
  thread's share of showing them (taking the worker's marks, summarising, painting), and a
  window resize (the panes wrap anew and keep the selected change in view), the longest stall;
* the fact ledger (View → Fact ledger): from showing the dock to the ledger on screen (built
  in a worker: its time, and the longest stall from the dock shown until 1.5 s after the
  ledger is in), a status-filter switch, a search typed letter by letter and cleared, and a
  click on a fact far down (the window selects its change), the longest stall each;
* opening the stored review from the start page: time to shown and painted, longest stall.

A stall is the longest gap between ticks of a 5 ms timer; "its CPU" is the GUI thread's CPU
time within that gap (on a loaded machine the wall-clock gap also holds the wait for a core).
Goals: no stall over 50 ms; the 20k pair on screen within 2.5 s of Compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_STALL_MS = 50.0


# -- the measuring child (runs with PYTHONPATH at the checkout being measured) -------------------
def _main_window_class() -> Any:
    import importlib

    for name in ("factcheck_gui.ui.main_window", "factcheck_gui.ui.shell.main_window"):
        try:
            return importlib.import_module(name).MainWindow
        except ModuleNotFoundError:
            continue
    raise SystemExit("MainWindow not found in this checkout")


class Probe:
    """Gaps between ticks of a 5 ms timer, with the time each gap ended."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.cpu: list[float] = []  # the GUI thread's CPU time at each tick
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def start(self) -> None:
        self.tick()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.tick()

    def max_cpu_gap_ms(self, lo: float = 0.0, hi: float = float("inf")) -> float:
        """The GUI thread's CPU time in its longest busy gap ending in ``(lo, hi]``: the stall
        without the waiting for a core that a loaded machine adds (the wall-clock gap has both)."""
        best = 0.0
        for i in range(1, len(self.ticks)):
            if lo < self.ticks[i] <= hi:
                best = max(best, self.cpu[i] - self.cpu[i - 1])
        return best * 1000

    def top_gaps(self, origin: float, k: int = 3) -> list[tuple[float, float]]:
        """The ``k`` longest gaps as (seconds from ``origin`` to the gap's start, gap in ms)."""
        gaps = sorted(zip(self.ticks, self.ticks[1:], strict=False), key=lambda g: g[0] - g[1])[:k]
        return [(round(a - origin, 3), round((b - a) * 1000, 1)) for a, b in gaps]

    def max_gap_ms(self, lo: float = 0.0, hi: float = float("inf")) -> float:
        """The longest gap that ended in ``(lo, hi]`` (seconds on the perf_counter clock)."""
        best = 0.0
        for a, b in zip(self.ticks, self.ticks[1:], strict=False):
            if lo < b <= hi:
                best = max(best, b - a)
        return best * 1000


class StallTracer:
    """``--trace``: a 4 ms interval timer (SIGALRM) whose handler, run on the GUI thread between
    two bytecodes, notes the stack whenever the probe has not ticked for ``threshold`` seconds,
    so a stall can be told where it is spent (a long C call shows as its Python caller)."""

    def __init__(self, probe: Probe, threshold: float = 0.03, interval: float = 0.004) -> None:
        import signal

        self.probe = probe
        self.threshold = threshold
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        signal.signal(signal.SIGALRM, self._sample)
        signal.setitimer(signal.ITIMER_REAL, interval, interval)

    def _sample(self, _signum: int, frame: Any) -> None:
        import traceback

        ticks = self.probe.ticks
        if frame is None or not ticks or time.perf_counter() - ticks[-1] <= self.threshold:
            return
        stack = tuple(
            f"{f.f_code.co_filename.rsplit('factcheck_gui/', 1)[-1]}:{line} {f.f_code.co_name}"
            for f, line in traceback.walk_stack(frame)
        )
        self.samples.append((ticks[-1], stack))

    def report(self, origin: float, top: int = 8) -> list[dict[str, Any]]:
        """The stalls with the most samples: when (s from ``origin``), how many samples, and the
        frames seen most often in them (innermost first)."""
        import signal
        from collections import Counter, defaultdict

        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        by_gap: dict[float, list[tuple[str, ...]]] = defaultdict(list)
        for t0, stack in self.samples:
            by_gap[t0].append(stack)
        out = []
        for t0, stacks in sorted(by_gap.items(), key=lambda kv: -len(kv[1]))[:top]:
            frames: Counter[str] = Counter()
            for stack in stacks:
                frames.update(set(stack[:30]))
            out.append(
                {
                    "at": round(t0 - origin, 3),
                    "samples": len(stacks),
                    "frames": [f"{n}× {f}" for f, n in frames.most_common(14)],
                }
            )
        return out


def _wait(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _run_until(signal: Any, timeout_s: float = 300.0) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_a: (fired.append(True), loop.quit()))
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if not fired:
        loop.exec()
    return bool(fired)


def _visible_highlighted(pane: Any) -> tuple[int, int]:
    """(visible blocks with character formats, visible blocks with a tinted or marked claim)."""
    from PySide6.QtCore import QPointF

    side = pane.side_index
    block = pane.firstVisibleBlock()
    offset = QPointF(pane.contentOffset())
    height = pane.viewport().height()
    styled = expected = 0
    while block.isValid() and side is not None:
        if pane.blockBoundingGeometry(block).translated(offset).top() > height:
            break
        lo, hi = block.position(), block.position() + block.length() - 1
        if any(True for _ in side.tints.between(lo, hi)) or any(True for _ in side.marks.between(lo, hi)):
            expected += 1
            if block.layout().formats():
                styled += 1
        block = block.next()
    return styled, expected


def _switch_stalls(
    probe: Probe, steps: list[tuple[str, Any]], pause: float = 0.35
) -> tuple[dict[str, float], dict[str, float]]:
    """Run each step from the event loop, ``pause`` apart; the longest stall each caused (wall
    clock, and the GUI thread's CPU time in its longest gap)."""
    out: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, fn in steps:
        t0 = time.perf_counter()
        c0 = time.thread_time()
        fn()
        c1 = time.thread_time()
        _wait(pause)
        t1 = time.perf_counter()
        out[name] = max(out.get(name, 0.0), probe.max_gap_ms(t0, t1))
        # The step itself ran before the probe could tick: count its CPU time too.
        cpu[name] = max(probe.max_cpu_gap_ms(t0, t1), (c1 - c0) * 1000)
    return out, cpu


def _keys_stalls(probe: Probe, presses: list[tuple[Any, Any]], pause: float) -> tuple[float, float]:
    """Press each (widget, key) from the event loop, ``pause`` apart (a held key repeats about
    every 30–60 ms); the longest stall of them all and the GUI thread's CPU in it."""
    from PySide6.QtTest import QTest

    t0 = time.perf_counter()
    worst_cpu = 0.0
    for widget, key in presses:
        c0 = time.thread_time()
        QTest.keyClick(widget, key)
        worst_cpu = max(worst_cpu, (time.thread_time() - c0) * 1000)
        _wait(pause)
    _wait(0.3)
    t1 = time.perf_counter()
    return probe.max_gap_ms(t0, t1), max(worst_cpu, probe.max_cpu_gap_ms(t0, t1))


def _selection_phase(probe: Probe, win: Any) -> dict[str, Any]:
    """Moving through the list as a reader does: 50 presses of J (next change), then 20 rounds
    of a verdict key and J (each verdict is stored the moment it is given)."""
    from PySide6.QtCore import Qt

    out: dict[str, Any] = {}
    changes = win.review.changes
    if changes.proxy.rowCount() < 2:
        return out
    win.activateWindow()
    changes.select_row(0)
    changes.table.setFocus()
    _wait(0.3)
    table = changes.table
    seen: set[str] = set()
    win.review.currentChangeChanged.connect(seen.add)
    out["select_ms"], out["select_cpu_ms"] = _keys_stalls(probe, [(table, Qt.Key.Key_J)] * 50, 0.06)
    out["select_moved"] = len(seen)
    before = len(win.session.values()) if win.session else 0
    rounds: list[tuple[Any, Any]] = [(table, Qt.Key.Key_1), (table, Qt.Key.Key_J)] * 20
    out["verdict_ms"], out["verdict_cpu_ms"] = _keys_stalls(probe, rounds, 0.06)
    out["verdicts_given"] = (len(win.session.values()) if win.session else 0) - before
    return out


def _ledger_phase(probe: Probe, win: Any) -> dict[str, Any]:
    """The fact ledger dock (View → Fact ledger): shown for the review (the ledger is built in a
    worker, then put on screen), its status filter switched, a search typed letter by letter
    and cleared, and a click on a fact far down (the window selects its change); the longest
    stall each, and the GUI thread's CPU in it. The dock is hidden again afterwards."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    panel = getattr(win, "ledger", None)
    if panel is None or not hasattr(panel, "view"):
        return {}
    out: dict[str, Any] = {}
    view = panel.view
    t0 = time.perf_counter()
    panel.action.trigger()
    deadline = t0 + 300.0
    while view.model.ledger() is None and time.perf_counter() < deadline:
        _wait(0.02)
    out["ledger_built_s"] = time.perf_counter() - t0
    t_built = time.perf_counter()
    _wait(1.5)
    t1 = time.perf_counter()
    out["ledger_facts"] = len(view.model.ledger() or ())
    out["ledger_show_ms"] = probe.max_gap_ms(t0, t1)
    out["ledger_show_cpu_ms"] = probe.max_cpu_gap_ms(t0, t1)
    out["ledger_arrive_ms"] = probe.max_gap_ms(t_built - 0.03, t1)  # once the worker is done
    out["ledger_arrive_cpu_ms"] = probe.max_cpu_gap_ms(t_built - 0.03, t1)
    filters, filters_cpu = _switch_stalls(
        probe,
        [
            ("all facts", lambda: view.set_status_filter("")),
            ("kept", lambda: view.set_status_filter("kept")),
            ("changed", lambda: view.set_status_filter("changed")),
            ("not kept", lambda: view.set_status_filter("not kept")),
        ],
    )
    out["ledger_filter_ms"], out["ledger_filter_cpu_ms"] = max(filters.values()), max(filters_cpu.values())
    view.set_status_filter("")
    _wait(0.3)
    typed: list[tuple[Any, Any]] = [(view.search, ch) for ch in "mil"]
    typed += [(view.search, Qt.Key.Key_Backspace)] * 3
    out["ledger_search_ms"], out["ledger_search_cpu_ms"] = _keys_stalls(probe, typed, 0.12)
    view.set_status_filter("not kept")  # (a fact of a change in the list)
    table = view.table
    sb = table.verticalScrollBar()
    sb.setValue(round(0.8 * sb.maximum()))
    _wait(0.3)

    def click_fact() -> None:
        y = table.viewport().height() // 2
        no = Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, no, QPoint(60, y))

    seen: list[str] = []
    view.changeRequested.connect(seen.append)
    clicks, clicks_cpu = _switch_stalls(probe, [("fact click", click_fact)], pause=0.5)
    out["ledger_click_ms"], out["ledger_click_cpu_ms"] = clicks["fact click"], clicks_cpu["fact click"]
    out["ledger_click_selected"] = bool(seen) and win.review.current_change_id() == seen[-1]
    panel.dock.hide()
    _wait(0.3)
    return out


def child(pair_dir: Path, tmp: Path, trace: bool = False) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    try:
        from factcheck_gui.ui.shell.settings import Settings
    except ModuleNotFoundError:  # a checkout from before the ui/ folders
        from factcheck_gui.ui.settings import Settings  # type: ignore[no-redef]

    main_window = _main_window_class()
    settings = Settings(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    win = main_window(settings, f"sqlite:///{tmp / 'bench.db'}")
    win.resize(1400, 900)
    win.show()
    _wait(0.5)
    original = sorted(pair_dir.glob("original*"))[0]
    rewrite = sorted(pair_dir.glob("rewrite*"))[0]
    res: dict[str, Any] = {}
    probe = Probe()
    probe.start()
    tracer = StallTracer(probe) if trace else None
    marks: dict[str, float] = {}

    from PySide6.QtCore import QObject, Qt, Signal

    start = time.perf_counter()
    handle = win.open_paths(original, rewrite)

    def on_progress(f: float) -> None:
        # The engine's part ends at 0.9; progress is sent in 1 % steps, so 0.89 is its last.
        if f >= 0.89 and "compared" not in marks:
            marks["compared"] = time.perf_counter()

    # Direct: marked in the worker when the engine is done, not when the GUI thread gets to it.
    handle.signals.progress.connect(on_progress, Qt.ConnectionType.DirectConnection)
    # Connected after the window's own slot: this runs once the window has taken the result.
    handle.signals.finished.connect(lambda *_a: marks.setdefault("arrived", time.perf_counter()))

    # The result reaches the GUI thread before the window's slot runs: a queued call from the
    # worker's signal, posted before the window's, marks the moment of arrival.
    class _Arrival(QObject):
        hit = Signal()

    arrival = _Arrival()
    arrival.hit.connect(
        lambda: marks.setdefault("result", time.perf_counter()), Qt.ConnectionType.QueuedConnection
    )
    handle.signals.progress.connect(
        lambda f: arrival.hit.emit() if f >= 1.0 else None, Qt.ConnectionType.DirectConnection
    )
    ok = _run_until(win.reviewShown)
    win.repaint()
    painted = time.perf_counter()
    res["shown_ok"] = ok and win.session is not None
    result_at = marks.get("result", marks.get("arrived", painted))
    res["compared_s"] = marks.get("compared", float("nan")) - start
    res["stored_s"] = result_at - start
    res["on_screen_s"] = painted - start
    res["display_s"] = painted - result_at
    res["claims"] = len(win.session.index.comparison.original.claims) if win.session else 0
    res["changes"] = win.review.changes.model.rowCount()
    left, right = win.review.comparison.left, win.review.comparison.right
    res["highlighted_at_paint"] = [_visible_highlighted(left), _visible_highlighted(right)]
    _wait(3.0)
    res["stall_comparing_ms"] = probe.max_gap_ms(start, result_at)
    res["stall_display_ms"] = probe.max_gap_ms(result_at, time.perf_counter())
    res["stall_display_cpu_ms"] = probe.max_cpu_gap_ms(result_at, time.perf_counter())
    res["display_gaps"] = probe.top_gaps(result_at)
    res["shown_at"] = round(painted - result_at, 3)
    res["highlighted_after_3s"] = [_visible_highlighted(left), _visible_highlighted(right)]

    changes = win.review.changes
    phases = res["phases_at"] = {"result": round(result_at - start, 3)}
    phases["filters"] = round(time.perf_counter() - start, 3)

    def combo_step(combo: Any, data: Any) -> Any:
        return lambda: combo.setCurrentIndex(combo.findData(data))

    res["filters_ms"], res["filters_cpu_ms"] = _switch_stalls(
        probe,
        [
            ("kind reworded", combo_step(changes.kind_filter, "reworded")),
            ("kind back to all", lambda: changes.kind_filter.setCurrentIndex(0)),
            ("flagged", combo_step(changes.flag_filter, "*")),
            ("flag back to all", lambda: changes.flag_filter.setCurrentIndex(0)),
            ("verdict none yet", lambda: changes.verdict_filter.setCurrentIndex(1)),
            ("verdict back to all", lambda: changes.verdict_filter.setCurrentIndex(0)),
            ("unreviewed only", lambda: changes.unreviewed_only.setChecked(True)),
            ("unreviewed only off", lambda: changes.unreviewed_only.setChecked(False)),
        ],
    )
    res["shown_rows_after_filters"] = changes.proxy.rowCount()

    def page(pane: Any, k: int) -> Any:
        sb = pane.verticalScrollBar()
        return lambda: sb.setValue(sb.value() + k * sb.pageStep())

    def jump(sb: Any, frac: float) -> Any:
        return lambda: sb.setValue(round(sb.minimum() + frac * (sb.maximum() - sb.minimum())))

    ids = [changes.model.change_at(r).id for r in range(changes.model.rowCount())]
    far = [ids[len(ids) * k // 5] for k in (4, 1, 3)] if ids else []
    steps: list[tuple[str, Any]] = [(f"page down {i}", page(left, 1)) for i in range(8)]
    steps += [
        ("left to middle", jump(left.verticalScrollBar(), 0.5)),
        ("right to end", jump(right.verticalScrollBar(), 1.0)),
        ("left to 30 %", jump(left.verticalScrollBar(), 0.3)),
        ("table to middle", jump(changes.table.verticalScrollBar(), 0.5)),
        ("table to end", jump(changes.table.verticalScrollBar(), 1.0)),
    ]
    steps += [
        (f"select far change {i}", lambda cid=cid: win.review.select_change(cid)) for i, cid in enumerate(far)
    ]
    phases["scroll"] = round(time.perf_counter() - start, 3)
    # The overview maps: a click far down each (it selects the change there, both panes
    # follow), and a window resize (the maps summarise anew, the panes keep their place).
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    def map_click(pane: Any, frac: float) -> Any:
        omap = getattr(pane, "map", None)
        if omap is None or not omap.isVisible():
            return lambda: None
        at = QPoint(5, round(frac * (omap.height() - 1)))
        return lambda: QTest.mouseClick(omap, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)

    scroll, scroll_cpu = _switch_stalls(probe, steps, pause=0.2)
    nav_steps: list[tuple[str, Any]] = [
        ("map click left 80 %", map_click(left, 0.8)),
        ("map click right 20 %", map_click(right, 0.2)),
        ("window narrower", lambda: win.resize(1100, 800)),
        ("window wider", lambda: win.resize(1400, 900)),
    ]
    moved, moved_cpu = _switch_stalls(probe, nav_steps, pause=0.3)
    res["scroll_ms"] = max(scroll.values()) if scroll else 0.0
    res["scroll_cpu_ms"] = max(scroll_cpu.values()) if scroll_cpu else 0.0
    res["scroll_worst"] = max(scroll, key=lambda k: scroll[k]) if scroll else ""
    res["highlighted_after_scroll"] = [_visible_highlighted(left), _visible_highlighted(right)]
    res["map_click_ms"] = max(moved["map click left 80 %"], moved["map click right 20 %"])
    res["map_click_cpu_ms"] = max(moved_cpu["map click left 80 %"], moved_cpu["map click right 20 %"])
    res["resize_ms"] = max(moved["window narrower"], moved["window wider"])
    res["resize_cpu_ms"] = max(moved_cpu["window narrower"], moved_cpu["window wider"])
    maps = [p.map for p in (left, right) if getattr(p, "map", None) is not None]
    if maps:
        # What the GUI thread does with the marks the worker made: take them, summarise them
        # per pixel row and paint (both panes; a long story's summary is an event of its own).
        res["map_marks"] = [len(m.marks()) for m in maps]
        t0, c0 = time.perf_counter(), time.thread_time()
        for m in maps:
            m.set_data(m.data())
            if hasattr(m, "render_now"):
                m.render_now()
            m.repaint()
        res["map_show_ms"] = (time.perf_counter() - t0) * 1000
        res["map_show_cpu_ms"] = (time.thread_time() - c0) * 1000

    phases["select"] = round(time.perf_counter() - start, 3)
    res.update(_selection_phase(probe, win))
    phases["ledger"] = round(time.perf_counter() - start, 3)
    res.update(_ledger_phase(probe, win))

    review_id = win.session.review_id if win.session else None
    if review_id is not None:
        (win.nav if hasattr(win, "nav") else win).show_start_page()
        _run_until(win.reviewsListed, 60)
        _wait(0.5)
        t0 = time.perf_counter()
        phases["stored_open"] = round(t0 - start, 3)
        (win.nav if hasattr(win, "nav") else win).open_review(review_id)
        _run_until(win.reviewShown)
        win.repaint()
        res["stored_open_s"] = time.perf_counter() - t0
        _wait(2.0)
        res["stored_open_stall_ms"] = probe.max_gap_ms(t0, time.perf_counter())
        res["stored_open_stall_cpu_ms"] = probe.max_cpu_gap_ms(t0, time.perf_counter())
    probe.stop()
    if tracer is not None:
        res["trace"] = tracer.report(start)
    if hasattr(win, "quit_without_notes"):
        win.quit_without_notes = True
    else:
        win._discard_note = True
    win.close()
    del app
    return res


# -- the parent: pairs, interleaved children, the table ----------------------------------------
def _bigpair(n: int, out: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from sharedpath import shared_dir

    tool = shared_dir() / "tools" / "bigpair.py"
    if not tool.is_file():
        raise SystemExit(f"{tool} not found: the pairs cannot be built")
    pair = out / f"pair{n}"
    if not pair.is_dir():
        subprocess.run([sys.executable, str(tool), str(n), str(pair)], check=True, capture_output=True)
    return pair


def _run_child(checkout: Path, pair: Path, tmp: Path, trace: bool = False) -> dict[str, Any]:
    env = dict(
        os.environ, PYTHONPATH=str(checkout), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")
    )
    tmp.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(pair), "--tmp", str(tmp)]
        + (["--trace"] if trace else []),
        env=env,
        capture_output=True,
        text=True,
        cwd=str(checkout),
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    sys.stderr.write(proc.stderr[-3000:])
    return {"error": f"child failed ({proc.returncode})"}


def _fmt(label: str, runs: list[dict[str, Any]]) -> dict[str, float]:
    def med(key: str) -> float:
        vals = [float(r[key]) for r in runs if key in r]
        return statistics.median(vals) if vals else float("nan")

    def med_max(key: str) -> float:
        vals = [max(r[key].values()) for r in runs if r.get(key)]
        return statistics.median(vals) if vals else float("nan")

    return {
        "on screen s": med("on_screen_s"),
        "compared s": med("compared_s"),
        "stored s": med("stored_s"),
        "display s": med("display_s"),
        "stall comparing ms": med("stall_comparing_ms"),
        "stall display ms": med("stall_display_ms"),
        "  its CPU ms": med("stall_display_cpu_ms"),
        "filter switch ms": med_max("filters_ms"),
        "  its CPU ms ": med_max("filters_cpu_ms"),
        "scroll ms": med("scroll_ms"),
        "  its CPU ms  ": med("scroll_cpu_ms"),
        "select (50 J) ms": med("select_ms"),
        "  its CPU ms    ": med("select_cpu_ms"),
        "verdict + J ms": med("verdict_ms"),
        "  its CPU ms     ": med("verdict_cpu_ms"),
        "map click ms": med("map_click_ms"),
        "  its CPU ms       ": med("map_click_cpu_ms"),
        "map set+paint ms": med("map_show_ms"),
        "  its CPU ms        ": med("map_show_cpu_ms"),
        "window resize ms": med("resize_ms"),
        "  its CPU ms         ": med("resize_cpu_ms"),
        "ledger worker s": med("ledger_built_s"),
        "ledger shown stall ms": med("ledger_show_ms"),
        "  its CPU ms          ": med("ledger_show_cpu_ms"),
        "ledger filter ms": med("ledger_filter_ms"),
        "  its CPU ms           ": med("ledger_filter_cpu_ms"),
        "ledger search ms": med("ledger_search_ms"),
        "  its CPU ms            ": med("ledger_search_cpu_ms"),
        "ledger fact click ms": med("ledger_click_ms"),
        "  its CPU ms             ": med("ledger_click_cpu_ms"),
        "stored open s": med("stored_open_s"),
        "stored open stall ms": med("stored_open_stall_ms"),
        "  its CPU ms   ": med("stored_open_stall_cpu_ms"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[5000, 20000])
    ap.add_argument("--against", type=Path, help="another checkout measured in the same run")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="also write every run's figures here")
    ap.add_argument(
        "--trace", action="store_true", help="sample the GUI thread's stack in every stall over 30 ms"
    )
    args = ap.parse_args(argv)
    if args.child is not None:
        print("RESULT " + json.dumps(child(args.child, args.tmp, args.trace)), flush=True)
        return 0
    checkouts = [("this", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    every: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        for n in args.sizes:
            pair = _bigpair(n, tmp)
            runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in checkouts}
            for r in range(args.repeat):
                order = checkouts if r % 2 == 0 else checkouts[::-1]
                for name, path in order:
                    res = _run_child(path, pair, tmp / f"{name}-{n}-{r}", args.trace)
                    trace = res.pop("trace", None)
                    runs[name].append(res)
                    print(f"  [{n} {name} run {r + 1}] {json.dumps(res)}", flush=True)
                    for stall in trace or ():
                        print(f"    stall at {stall['at']} s ({stall['samples']} samples):")
                        for frame in stall["frames"]:
                            print(f"      {frame}")
            every[str(n)] = runs
            table = {name: _fmt(name, rs) for name, rs in runs.items()}
            print(f"\n{n} claims a side (median of {args.repeat}):")
            names = list(table)
            print(
                f"  {'':24}"
                + "".join(f"{nm:>12}" for nm in names)
                + ("       ratio" if len(names) == 2 else "")
            )
            for key in table[names[0]]:
                vals = [table[nm][key] for nm in names]
                ratio = f"{vals[0] / vals[1]:12.2f}" if len(vals) == 2 and vals[1] else ""
                print(f"  {key:24}" + "".join(f"{v:12.2f}" for v in vals) + ratio)
            print(flush=True)
    if args.json:
        args.json.write_text(json.dumps(every, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
