"""A broken or missing HTML/PDF/DOCX parser never stops a plain-text comparison.

On a fresh machine an older pip once installed trafilatura without jusText's
``lxml_html_clean``, and ``factcheck compare a.txt b.txt`` died on import. Each test runs the
real CLI in a subprocess whose import system refuses the parsers, as a broken install would.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"

# Installed before anything of ours is imported: every import of these raises ImportError.
_BLOCKER = textwrap.dedent(
    """
    import sys
    BLOCKED = {blocked!r}
    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED or name in BLOCKED:
                raise ImportError(f"No module named {{name!r}} (blocked by the test)")
            return None
    sys.meta_path.insert(0, Blocker())
    """
)


def run_blocked(blocked: set[str], code: str) -> subprocess.CompletedProcess[str]:
    program = _BLOCKER.format(blocked=sorted(blocked)) + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


CLI = "from factcheck_gui.cli import main\nraise SystemExit(main({args!r}))\n"
PARSERS = {"trafilatura", "justext", "lxml", "lxml_html_clean", "pypdf", "markdown_it"}


def test_plain_text_compare_works_without_any_document_parser() -> None:
    args = ["compare", str(SAMPLES / "original.txt"), str(SAMPLES / "rewrite.txt")]
    out = run_blocked(PARSERS, CLI.format(args=args))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    # the comparison itself is all there: the demo pair's hedge change is reported
    assert "hedge" in out.stdout.lower()


def test_html_without_its_parser_is_one_clear_line(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>The council approved 12 new homes.</p></body></html>", "utf-8")
    args = ["compare", str(page), str(SAMPLES / "rewrite.txt")]
    out = run_blocked({"trafilatura"}, CLI.format(args=args))
    assert out.returncode == 2, out
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, out.stderr
    assert "page.html" in lines[0] and "reinstall" in lines[0] and "trafilatura" in lines[0]


def test_html_clean_missing_inside_trafilatura_is_one_clear_line(tmp_path: Path) -> None:
    """The real failure: trafilatura imports, jusText then needs lxml.html.clean on first use."""
    page = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {i} of the council story with enough words to keep.</p>" for i in range(8))
    page.write_text(f"<html><body><article>{body}</article></body></html>", "utf-8")
    args = ["compare", str(page), str(SAMPLES / "rewrite.txt")]
    out = run_blocked({"lxml_html_clean", "lxml.html.clean", "justext"}, CLI.format(args=args))
    # either the page still imports (a trafilatura that no longer needs jusText) or one line
    assert "Traceback" not in out.stderr, out.stderr
    if out.returncode:
        assert out.returncode == 2
        assert len([ln for ln in out.stderr.splitlines() if ln.strip()]) == 1, out.stderr


@pytest.mark.parametrize("module", ["factcheck_gui.cli", "factcheck_gui.ui.main_window", "factcheck_gui.app"])
def test_the_app_and_cli_import_without_the_parsers(module: str) -> None:
    out = run_blocked(PARSERS, f"import {module}\nprint('ok')\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_declared_html_clean_dependency_is_installed() -> None:
    """``lxml_html_clean`` is a direct dependency, so no pip's extra matching can drop it."""
    import importlib.metadata

    assert importlib.metadata.version("lxml_html_clean")
    requires = importlib.metadata.requires("factcheck-compare") or []
    assert any(r.lower().replace("-", "_").startswith("lxml_html_clean") for r in requires)
