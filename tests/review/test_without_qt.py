"""The review rules run with PySide6 unimportable: the CLI and tests need no display."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_open_review_press_and_draft_without_qt(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] == "PySide6":
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        from factcheck_gui.importers import load_path
        from factcheck_gui.resources import sample_pair
        from factcheck_gui.review.drafts import NoteDrafts, Saved
        from factcheck_gui.review.opening import NoProgress, ReviewService
        from factcheck_gui.review.session import Press, VerdictSession
        service = ReviewService({f"sqlite:///{tmp_path / 'r.sqlite3'}"!r})
        a, b = (load_path(p) for p in sample_pair())
        opened = service.compare_and_create(a, b, reviewer="Ann", ctx=NoProgress())
        session = VerdictSession(service, opened, "Ann")
        cid = opened.index.review_changes[0].id
        assert session.press(cid, opened.scale[0]) is Press.SAVED
        drafts = NoteDrafts(session)
        drafts.show(cid)
        assert drafts.save("checked") is Saved.SAVED
        print(service.store().load_review(opened.review_id).verdicts[cid].note)
        service.close()
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "checked"
