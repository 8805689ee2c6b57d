"""One version story: the app's version and the engine's, each labelled, everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck_gui import ENGINE_VERSION, __version__

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_version_names_the_app_and_the_engine() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"factcheck {__version__} (comparison engine {ENGINE_VERSION})"


def test_compare_header_labels_the_engine_version() -> None:
    out = run("compare", str(SAMPLES / "original.txt"), str(SAMPLES / "rewrite.txt"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith(f"Factcheck Compare {__version__} (engine {ENGINE_VERSION}): ")


def test_the_result_records_the_engine_version() -> None:
    from factcheck_gui.engine import compare_texts

    assert compare_texts("A claim.", "A claim.").engine == ENGINE_VERSION
