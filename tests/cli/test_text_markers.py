"""`factcheck compare`'s text output marks words with [-deleted-] and {+inserted+}; a story that
itself holds such brackets ("[-ish-]", "{+1}") must not read as a deletion or an insertion.
Story look-alikes are shown with a backslash and said so once; the line still reads back to
the story's own text. Real files through the real command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ORIGINAL = "The minister said [sic] the cost was {about} 5 million [-ish-] in all.\n"
REWRITE = "The minister said the cost was {+about+} 7 million [-ish-] in all, a {+1} rise.\n"


def _compare(tmp_path: Path, original: str, rewrite: str) -> list[str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(original, encoding="utf-8")
    b.write_text(rewrite, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", "compare", str(a), str(b)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


def _read_back(line: str, open_: str, close: str) -> str:
    """The story text of a marked line: the tool's markers out, the backslashes undone."""
    o, c = re.escape(open_), re.escape(close)
    text = re.sub(rf"{o}|(?<!\\){c}", "", line)
    return re.sub(r"\\([-+])", r"\1", text)


def test_story_brackets_never_read_as_the_tools_markers(tmp_path: Path) -> None:
    lines = _compare(tmp_path, ORIGINAL, REWRITE)
    assert any("shows story text that looks like a marker" in ln for ln in lines[:4])
    minus = next(ln[4:] for ln in lines if ln.startswith("  - "))
    plus = next(ln[4:] for ln in lines if ln.startswith("  + "))
    assert "[\\-ish\\-]" in minus and "[\\-ish\\-]" in plus  # the story's own, shown escaped
    assert "{\\+1}" in plus
    # every marker left is the tool's, and they pair up
    assert minus.count("[-") == len(re.findall(r"(?<!\\)-\]", minus)) > 0
    assert plus.count("{+") == len(re.findall(r"(?<!\\)\+\}", plus)) > 0
    assert _read_back(minus, "[-", "-]") == " ".join(ORIGINAL.split())
    assert _read_back(plus, "{+", "+}") == " ".join(REWRITE.split())


def test_plain_stories_have_no_note_and_no_backslashes(tmp_path: Path) -> None:
    lines = _compare(tmp_path, "Costs rose 5 % to 10-12 million.\n", "Costs rose 7 % to 10-12 million.\n")
    assert not any("looks like a marker" in ln for ln in lines)
    assert not any("\\" in ln for ln in lines)
