"""Importer speed and round-trip fidelity.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_importers.py

1. Round trip: the same story as txt, md, html, docx, pdf, eml (and re-encoded/re-wrapped txt)
   compared with story.txt by the engine; prints the change kinds and every residual difference
   between the imported text and the .txt (what a fact-checker would see as "not unchanged").
   The corpus holds no rewrite of the story, so this compares imports with the original only.
2. Speed: the median wall time of several runs per corpus file and for large inputs (5 MB
   wrapped text, 99-page PDF, 1 MB page, a .docx with 2,000 footnotes and styled hidden text).
   No assertions (timing goals live here, not in tests). Piping into ``head`` ends it quietly.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import statistics
import sys
import tempfile
import textwrap
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck_gui.engine import ChangeKind, compare_texts  # noqa: E402
from factcheck_gui.importers import load_bytes, load_path  # noqa: E402

DATA = ROOT / "tests" / "data" / "importers"


def big_docx(paragraphs: list[str], copies: int) -> bytes:
    """A .docx of ``copies`` times the story, each paragraph with a footnote and a hidden styled run."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body, notes = [], []
    for i, text in enumerate(paragraphs * copies, start=1):
        body.append(
            f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:footnoteReference w:id="{i}"/>'
            '</w:r><w:r><w:rPr><w:rStyle w:val="Hidden"/></w:rPr><w:t>editor note</w:t></w:r></w:p>'
        )
        notes.append(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
            f"<w:r><w:t> Source {i}.</w:t></w:r></w:p></w:footnote>"
        )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{''.join(body)}</w:body></w:document>")
        z.writestr("word/footnotes.xml", f"<w:footnotes {w}>{''.join(notes)}</w:footnotes>")
        z.writestr(
            "word/styles.xml",
            f'<w:styles {w}><w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr>'
            "</w:style></w:styles>",
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}styles" Target="styles.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}footnotes" Target="footnotes.xml"/></Relationships>',
        )
    return buf.getvalue()


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def row(label: str, size: int, ms: float) -> None:
    print(f"{label:34} {size:>10,d} {ms:>8.1f} ms")


ROUND_TRIP = (
    "story.md",
    "story.html",
    "story.docx",
    "story.pdf",
    "story.eml",
    "story-wrapped-crlf.txt",
    "story-utf16.txt",
    "story-cp1252.txt",
    "story-utf8-bom.txt",
)


def _residuals(a: str, b: str) -> list[str]:
    """Differences between two texts, paragraph by paragraph: layout first, then wording."""
    out = []
    pa = [p for p in a.split("\n") if p.strip()]
    pb = [p for p in b.split("\n") if p.strip()]
    if a != b and a.split() == b.split():
        out.append("layout only: same words, different whitespace/paragraph separators")
        if "\n\n" in b.strip() and "\n\n" not in a.strip():
            out.append("  paragraphs separated by a blank line (the .txt uses one newline)")
        if a.endswith("\n") != b.endswith("\n"):
            ends = "ends" if b.endswith("\n") else "does not end"
            out.append(f"  the import {ends} with a newline, unlike the .txt")
        return out
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        for para in pa[i1:i2]:
            out.append(f"  - {para[:90]!r}")
        for para in pb[j1:j2]:
            out.append(f"  + {para[:90]!r}")
    return out


def round_trip() -> None:
    story = (DATA / "story.txt").read_text(encoding="utf-8")
    print("Round trip: each format of the same story against story.txt")
    print(f"{'input':24} {'claims':>6}  changes by kind")
    details = []
    for name in ROUND_TRIP:
        text = load_path(DATA / name).text
        cmp = compare_texts(story, text)
        kinds = Counter(c.kind.value for c in cmp.changes)
        flags = sum(len(c.flags) for c in cmp.changes)
        summary = ", ".join(f"{k.value} {kinds[k.value]}" for k in ChangeKind if kinds[k.value])
        print(f"{name:24} {len(cmp.rewrite.claims):>6}  {summary}; {flags} fact flags")
        diffs = _residuals(story, text)
        for ch in cmp.changes:
            if ch.kind is not ChangeKind.UNCHANGED:
                side = "rewrite" if ch.rewrite else "original"
                details.append(f"{name}: {ch.kind.value} claim {cmp.text_of(ch, side)[:80]!r}")
        if diffs:
            details.append(f"{name}: " + diffs[0])
            details.extend(f"{name}: {d}" for d in diffs[1:])
        else:
            details.append(f"{name}: identical text")
    print("Residual differences:")
    for line in details:
        print("  " + line)
    print()


def main() -> None:
    round_trip()
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

    paragraphs = [p.replace("&", "&amp;").replace("<", "&lt;") for p in story.split("\n") if p]
    docx = big_docx(paragraphs, 2000 // len(paragraphs) + 1)
    row(".docx, 2,000 footnotes, styles", len(docx), median_ms(lambda: load_bytes(docx, name="big.docx"), 3))

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
    try:
        main()
    except BrokenPipeError:  # the output was piped into head, which has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(1)
