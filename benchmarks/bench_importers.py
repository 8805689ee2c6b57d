"""Importer speed: each corpus file, and large inputs (5 MB wrapped text, 99-page PDF, 1 MB page).

    python benchmarks/bench_importers.py

Prints the median wall time of several runs per input; no assertions (timing goals live here,
not in the test suite).
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck_gui.importers import load_bytes, load_path  # noqa: E402

DATA = ROOT / "tests" / "data" / "importers"


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def row(label: str, size: int, ms: float) -> None:
    print(f"{label:34} {size:>10,d} {ms:>8.1f} ms")


def main() -> None:
    story = (DATA / "story.txt").read_text(encoding="utf-8")
    print(f"{'input':34} {'size':>10} {'median':>10}")
    for name in (
        "story.txt",
        "story-wrapped-crlf.txt",
        "story-cp1252.txt",
        "story.md",
        "story.html",
        "article.html",
        "story.docx",
        "story.pdf",
        "story.eml",
        "bomb.docx",
    ):
        path = DATA / name

        def run(path: Path = path) -> None:
            with contextlib.suppress(Exception):  # the bomb is refused: that is what is timed
                load_path(path)

        row(name, path.stat().st_size, median_ms(run))

    big = "\n\n".join(textwrap.fill(p, 70) for p in story.split("\n") if p) * 1
    big_text = ((big + "\n\n") * (5_000_000 // len(big))).encode()
    row("5 MB hard-wrapped text", len(big_text), median_ms(lambda: load_bytes(big_text, name="big.txt"), 3))

    cp = (story * (1_000_000 // len(story))).encode("cp1252")
    row("1 MB windows-1252 text", len(cp), median_ms(lambda: load_bytes(cp, name="cp.txt"), 3))

    page = (DATA / "story.html").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in story.split("\n") if p) * 400
    html = page.replace("</article>", body + "</article>").encode()
    row("1 MB article page", len(html), median_ms(lambda: load_bytes(html, name="big.html"), 3))

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(33):
        writer.append(PdfReader(DATA / "story.pdf"))
    buf = io.BytesIO()
    writer.write(buf)
    pdf = buf.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.pdf"
        path.write_bytes(pdf)
        row("99-page PDF", len(pdf), median_ms(lambda: load_path(path), 3))


if __name__ == "__main__":
    main()
