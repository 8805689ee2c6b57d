"""The layering is enforced, not hoped for: the engine runs without Qt or SQLAlchemy, and the
packages (and the folders inside ui/) import only the layers below them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports_exe() -> str:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the dev extra"
    return exe


def test_import_linter_contracts_hold() -> None:
    out = subprocess.run([_lint_imports_exe()], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        # The review rules reaching up into a widget module (and so into Qt).
        ("review/session.py", "from factcheck_gui.ui.shell import theme", "The packages in layers"),
        ("review/drafts.py", "import PySide6.QtCore", "The review layer, store, importers and CLI"),
        # The store reaching sideways into the importers, its independent sibling.
        ("store/records.py", "import factcheck_gui.importers.text", "The packages in layers"),
        # A view reaching up into a controller, a model into a view.
        ("ui/views/pane.py", "import factcheck_gui.ui.controllers.navigator", "Inside the UI"),
        ("ui/models/change_model.py", "import factcheck_gui.ui.views.pane", "Inside the UI"),
        ("ui/shell/theme.py", "import factcheck_gui.ui.models.session", "Inside the UI"),
    ],
)
def test_an_import_against_the_layers_breaks_a_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    """The contracts are not vacuous: one import in the wrong direction fails the check."""
    shutil.copytree(
        ROOT / "factcheck_gui", tmp_path / "factcheck_gui", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "factcheck_gui" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([_lint_imports_exe()], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.returncode != 0, out.stdout
    broken = out.stdout.partition("Broken contracts")[2]
    assert contract in " ".join(broken.split()), out.stdout


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
    for folder in ("engine", "store", "importers", "exporters", "review", "cli"):
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
