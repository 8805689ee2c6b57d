"""The importer layer runs where Qt is not installed (the CLI on a server)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importers_work_with_qt_unimportable() -> None:
    code = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "sqlalchemy"):
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        from factcheck_gui.importers import load_path
        for name in ("story.html", "story.docx", "story.pdf", "story.md", "story.eml"):
            print(len(load_path("tests/data/importers/" + name).text.split()))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    story_words = len((ROOT / "tests/data/importers/story.txt").read_text(encoding="utf-8").split())
    counts = [int(n) for n in out.stdout.split()]
    assert counts[1:] == [story_words] * 4 and counts[0] > story_words
