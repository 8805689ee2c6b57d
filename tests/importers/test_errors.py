"""Paths that cannot be imported: one clear line each, naming the path as the user gave it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from factcheck_gui.importers import DEFAULT_MAX_BYTES, ImportFailed, load_bytes, load_path, load_source

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def _message(spec: str, **kwargs: object) -> str:
    with pytest.raises(ImportFailed) as err:
        load_source(spec, **kwargs)  # type: ignore[arg-type]
    text = str(err.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert _message(str(path)) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert _message(str(tmp_path)) == f"{tmp_path}: is a directory (folder), not a file"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    assert _message(str(path)) == f"{path}: permission denied (the file cannot be read)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_file_whose_read_fails() -> None:
    # /proc/self/mem opens (even for root) but reading its first page fails with an I/O error
    assert _message("/proc/self/mem") == "/proc/self/mem: cannot read (Input/output error)"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400)
    assert _message(str(path), max_bytes=1000) == f"{path}: too large (1 KB; the limit is 1000 bytes)"
    with pytest.raises(ImportFailed, match=r"big\.txt: too large \(2\.0 MB; the limit is 1\.0 MB\)"):
        load_bytes(b"a" * (2 * 1024 * 1024), name="big.txt", max_bytes=1024 * 1024)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_default_limit_is_20_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: no 20 MB written to disk
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    assert _message(str(path)) == f"{path}: too large (20.0 MB; the limit is 20.0 MB)"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("story.doc", "old Word .doc files cannot be read — save it as .docx"),
        ("story.rtf", "RTF files cannot be read — save it as .docx or .txt"),
        ("photo.jpg", "an image, not a text document — run OCR first"),
    ],
)
def test_unsupported_formats_say_what_to_do(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"{\\rtf1 something}")
    assert _message(str(path)) == f"{path}: {message}"


def test_load_path_accepts_path_objects_and_names_the_file() -> None:
    item = load_path(DATA / "story.txt")
    assert item.name == "story.txt" and Path(item.source.location).is_absolute()
