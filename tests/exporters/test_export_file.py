"""export_review: every format to a real file, atomically; failures leave the old file alone."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from factcheck_gui.exporters import FORMATS, ExportError, export_review, render_review
from factcheck_gui.store.records import Review


@pytest.mark.usefixtures("qapp")
def test_every_format_writes_the_rendered_bytes(hand: Review, tmp_path: Path) -> None:
    for fmt in FORMATS:
        path = export_review(hand, fmt, tmp_path / f"out.{fmt}")
        assert path == tmp_path / f"out.{fmt}"
        data = path.read_bytes()
        assert data, fmt
        if fmt != "pdf":  # the PDF embeds its creation time
            assert data == render_review(hand, fmt), fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"out.{f}" for f in FORMATS)


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temp_file(hand: Review, tmp_path: Path) -> None:
    target = tmp_path / "review.json"
    target.write_text("the previous export", encoding="utf-8")
    os.chmod(target, 0o640)
    broken = dataclasses.replace(
        hand,
        comparison=dataclasses.replace(
            hand.comparison,
            changes=(dataclasses.replace(hand.comparison.changes[0], similarity=float("nan")),),
        ),
    )
    with pytest.raises(ExportError) as err:
        export_review(broken, "json", target)
    assert "\n" not in str(err.value)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["review.json"]
    # A good export then replaces it, keeping the permissions the user gave the file.
    export_review(hand, "json", target)
    assert target.read_bytes() == render_review(hand, "json")
    assert target.stat().st_mode & 0o777 == 0o640


def test_unusable_targets_give_one_line_errors(hand: Review, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_review(hand, "csv", tmp_path / "missing" / "out.csv")
    with pytest.raises(ExportError, match="is a folder"):
        export_review(hand, "csv", tmp_path)
    with pytest.raises(ExportError, match="unknown export format 'xls'"):
        export_review(hand, "xls", tmp_path / "out.xls")
    assert list(tmp_path.iterdir()) == []
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        with pytest.raises(ExportError, match="cannot write"):
            export_review(hand, "csv", ro / "out.csv")
    finally:
        ro.chmod(0o700)
