"""One place that finds the app's bundled files (samples, icons, styles).

The files live in the top-level ``resources/`` folder of the source tree. Installed wheels and
the PyInstaller bundle carry the same folder as the package ``factcheck_gui.data`` (see
``pyproject.toml`` and ``packaging/factcheck.spec``); a source checkout falls back to the folder
itself, so nothing assumes where ``__file__`` is beyond these two places.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _root() -> Path:
    try:
        ref = resources.files("factcheck_gui.data")
        path = Path(str(ref))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def data_path(*parts: str) -> Path:
    """Filesystem path of a bundled data file, e.g. ``data_path("samples", "original.txt")``."""
    return _root().joinpath(*parts)


def sample_pair() -> tuple[Path, Path]:
    """The built-in demo pair (Putin / North Korea, original and rewrite)."""
    return data_path("samples", "original.txt"), data_path("samples", "rewrite.txt")
