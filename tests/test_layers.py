"""The layering is enforced, not hoped for: the engine runs without Qt or SQLAlchemy."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the dev extra"
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_engine_compares_with_qt_and_sqlalchemy_unimportable() -> None:
    code = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "sqlalchemy", "alembic"):
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        from factcheck_gui.engine import compare_texts
        from factcheck_gui.resources import sample_pair
        a, b = (p.read_text(encoding="utf-8") for p in sample_pair())
        cmp = compare_texts(a, b)
        print(len(cmp.changes))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 5


def test_no_layer_below_the_ui_imports_qt_widgets() -> None:
    import ast

    offenders = []
    for folder in ("engine", "store", "importers", "exporters", "cli"):
        for path in (ROOT / "factcheck_gui" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                if any(n.startswith("PySide6.QtWidgets") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
