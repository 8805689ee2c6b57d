"""`factcheck --version` and `factcheck compare` load only what they need: no SQLAlchemy,
Alembic, exporters or document parsers (start-up time is most of a short command's time)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
HEAVY = (
    "sqlalchemy",
    "alembic",
    "trafilatura",
    "lxml",
    "pypdf",
    "PySide6",
    "factcheck_gui.store",
    "factcheck_gui.exporters",
)


def loaded_after(args: list[str]) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    code = textwrap.dedent(
        f"""
        import sys
        from factcheck_gui.cli import main
        status = main({args!r})
        print("MODULES", ",".join(sorted(sys.modules)), file=sys.stderr)
        raise SystemExit(status)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    line = next(ln for ln in out.stderr.splitlines() if ln.startswith("MODULES "))
    return out, set(line.split(" ", 1)[1].split(","))


@pytest.mark.parametrize(
    "args",
    [["--version"], ["compare", str(SAMPLES / "original.txt"), str(SAMPLES / "rewrite.txt")]],
    ids=["version", "compare"],
)
def test_short_commands_import_no_database_exporter_or_parser(args: list[str]) -> None:
    out, modules = loaded_after(args)
    assert out.returncode == 0, out.stderr
    heavy = sorted(m for m in modules for h in HEAVY if m == h or m.startswith(h + "."))
    assert not heavy, heavy


def test_version_imports_not_even_the_engine() -> None:
    out, modules = loaded_after(["--version"])
    assert out.returncode == 0, out.stderr
    ours = sorted(m for m in modules if m.startswith("factcheck_gui."))
    assert ours and not [m for m in ours if not m.startswith("factcheck_gui.cli")], ours
    assert "factcheck_gui.cli.render" not in ours  # (it imports the engine's types)


def test_review_commands_still_get_the_store(tmp_path: Path) -> None:
    out, modules = loaded_after(["review", "list", "--db", f"sqlite:///{tmp_path / 'r.sqlite3'}"])
    assert out.returncode == 0, out.stderr
    assert "sqlalchemy" in modules


def test_help_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0
    for command in ("compare", "review", "export", "import-review"):
        assert command in out.stdout
