"""export_review: every format to a real file, atomically; failures leave the old file alone."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import IO

import pytest

from factcheck_gui.exporters import FORMATS, ExportError, export_review, render_review
from factcheck_gui.exporters.common import write_atomic
from factcheck_gui.store.records import Review

from .conftest import ROOT, options_for


@pytest.mark.usefixtures("qapp")
def test_every_format_writes_the_rendered_bytes(hand: Review, tmp_path: Path) -> None:
    for fmt in FORMATS:
        path = export_review(hand, fmt, tmp_path / f"out.{fmt}", options_for(fmt))
        assert path == tmp_path / f"out.{fmt}"
        data = path.read_bytes()
        assert data, fmt
        if fmt != "pdf":  # the PDF embeds its creation time
            assert data == render_review(hand, fmt, options_for(fmt)), fmt
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


def test_a_target_that_cannot_be_created_fails_for_root_too(hand: Review, tmp_path: Path) -> None:
    """A folder on the way is a regular file: no permission bit matters, root gets ENOTDIR too."""
    blocker = tmp_path / "exports"
    blocker.write_text("a file where the user thought a folder was", encoding="utf-8")
    for target in (blocker / "out.csv", blocker / "sub" / "out.csv"):
        with pytest.raises(ExportError) as err:
            export_review(hand, "csv", target)
        assert str(err.value) == f"cannot write {target}: {target.parent} is not a folder"
    assert blocker.read_text(encoding="utf-8") == "a file where the user thought a folder was"
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_a_folder_where_no_file_can_be_created_fails_for_root_too(hand: Review) -> None:
    """/proc is a folder in which nobody, root included, can create a file: the temp file fails."""
    target = Path("/proc") / f"factcheck-export-{os.getpid()}.csv"
    with pytest.raises(ExportError) as err:
        export_review(hand, "csv", target)
    message = str(err.value)
    assert message.startswith(f"cannot write {target}: ") and "\n" not in message
    assert not target.exists()


DISK_FULL = textwrap.dedent(
    """
    import os, resource, signal, sys
    sys.path.insert(0, sys.argv[1])
    from tests.exporters.conftest import hand_review
    from factcheck_gui.exporters import ExportError, export_review, render_review

    fmt, target = sys.argv[2], sys.argv[3]
    review = hand_review()
    size = len(render_review(review, fmt))
    # The file size limit is what a full disk looks like to a writer: write() fails part-way
    # (EFBIG instead of ENOSPC). It binds root as well; SIGXFSZ would kill us instead of failing.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size // 3, hard))
    try:
        export_review(review, fmt, target)
    except ExportError as exc:
        print("refused:", exc)
    else:
        print("written")
    print(size)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
@pytest.mark.parametrize("fmt", ["html", "json", "csv"])
def test_a_full_disk_part_way_keeps_the_old_file(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"review.{fmt}"
    target.write_text("the previous export", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(ROOT), fmt, str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    verdict, size = out.stdout.strip().splitlines()
    assert int(size) > 3 * len("the previous export")
    assert verdict == f"refused: cannot write {target}: File too large"
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temp file left behind"


def test_the_old_file_is_intact_until_the_new_one_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    seen: list[str] = []

    def produce(stream: IO[bytes]) -> None:
        for n in range(3):
            stream.write(f"<p>part {n}</p>".encode())
            stream.flush()
            seen.append(target.read_text(encoding="utf-8"))
            temps = [p for p in tmp_path.iterdir() if p != target]
            assert len(temps) == 1 and temps[0].name.startswith(".report.html.")

    write_atomic(target, produce)
    assert seen == ["old report"] * 3
    assert target.read_text(encoding="utf-8") == "<p>part 0</p><p>part 1</p><p>part 2</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_interrupted_export_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "review.csv"
    target.write_text("old", encoding="utf-8")

    def produce(stream: IO[bytes]) -> None:
        stream.write(b"half a file")
        raise KeyboardInterrupt  # the user pressed Ctrl+C, or the app is closing

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, produce)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["review.csv"]
