"""A target the user made read-only is never replaced: the export is refused, nothing is left behind.

The refusal reads the file's permission bits, so it holds for root too (for whom chmod alone
protects nothing: the rename would go through).
"""

from __future__ import annotations

import argparse
import io
import os
import stat
from pathlib import Path
from typing import IO

import pytest

from factcheck_gui.cli import export as export_cli
from factcheck_gui.cli.common import CliError
from factcheck_gui.exporters import OutputPathError, export_review
from factcheck_gui.exporters.common import is_read_only, read_only_mode, write_atomic
from factcheck_gui.store.records import Review

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def protected(path: Path, text: str = "the checked version") -> Path:
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o444)  # chmod a-w: what "protect this file" means to a user
    return path


def refusal(path: Path) -> str:
    return f"{path} is read-only; it was left unchanged. Choose another name."


def test_the_check_reads_the_owner_write_bit() -> None:
    reg = stat.S_IFREG
    assert read_only_mode(reg | 0o444)
    assert read_only_mode(reg | 0o400)
    assert read_only_mode(reg | 0o464)  # u-w: the owner protected it, whatever the group may do
    assert not read_only_mode(reg | 0o644)
    assert not read_only_mode(reg | 0o600)
    assert not read_only_mode(reg | 0o200)


def test_the_check_on_real_files(tmp_path: Path) -> None:
    assert not is_read_only(tmp_path / "missing.csv")  # nothing there to protect
    writable = tmp_path / "open.csv"
    writable.write_text("x", encoding="utf-8")
    assert not is_read_only(writable)
    assert is_read_only(protected(tmp_path / "locked.csv"))


@pytest.mark.parametrize("fmt", ["csv", "json", "html"])
def test_a_read_only_target_is_refused_and_left_unchanged(hand: Review, tmp_path: Path, fmt: str) -> None:
    target = protected(tmp_path / f"review.{fmt}")
    with pytest.raises(OutputPathError) as err:
        export_review(hand, fmt, target)
    assert str(err.value) == refusal(target)
    assert target.read_text(encoding="utf-8") == "the checked version"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temp file left behind"


@pytest.mark.skipif(AS_ROOT, reason="root may write a read-only file: os.access says yes")
def test_without_root_the_os_agrees_the_file_is_read_only(tmp_path: Path) -> None:
    target = protected(tmp_path / "review.csv")
    assert not os.access(target, os.W_OK)
    with pytest.raises(OutputPathError, match="is read-only"):
        write_atomic(target, lambda stream: stream.write(b"new"))
    assert target.read_text(encoding="utf-8") == "the checked version"


def test_a_file_protected_while_the_export_was_written_is_not_replaced(tmp_path: Path) -> None:
    """The user protects the file during a long export: checked again before the rename."""
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")

    def produce(stream: IO[bytes]) -> None:
        stream.write(b"<p>new</p>")
        os.chmod(target, 0o444)

    with pytest.raises(OutputPathError) as err:
        write_atomic(target, produce)
    assert str(err.value) == refusal(target)
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"], "the temp file was removed"


def test_a_writable_file_is_still_replaced_keeping_its_mode(hand: Review, tmp_path: Path) -> None:
    target = tmp_path / "review.csv"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    export_review(hand, "csv", target)
    assert target.read_text(encoding="utf-8-sig") != "old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_cli_export_refuses_a_read_only_file_the_same_way(make_store_review, tmp_path: Path) -> None:
    review = make_store_review("reference")
    url = f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
    target = protected(tmp_path / "out.csv")
    parser = argparse.ArgumentParser(prog="factcheck")
    export_cli.register(parser.add_subparsers())
    args = parser.parse_args(["export", str(review.id), "--format", "csv", "-o", str(target), "--db", url])
    with pytest.raises(CliError) as err:
        export_cli.run_export(args, stdout=io.BytesIO())
    assert str(err.value) == refusal(target) and err.value.status == 2  # bad usage, like a folder
    assert target.read_text(encoding="utf-8") == "the checked version"
    assert not list(tmp_path.glob(".*.part"))
