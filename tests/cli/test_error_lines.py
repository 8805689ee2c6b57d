"""Error messages stay one inert line (issue 16, items 7 and 8, and bidi controls).

A file name may hold a newline, ESC or BEL; a URL may be malformed and carry a password; a
story may carry Unicode bidi controls. None of it reaches the terminal raw: the line shows
them as visible escapes, as the success path does, and a password is never echoed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck_gui.cli.text import inert, inert_line
from tests.cli.test_cli_files import ORIGINAL, REWRITE, assert_usage_error, factcheck

HOSTILE = "a\nb\x1b[31m\x07c"


def assert_escaped(stderr: str) -> None:
    assert "\x1b" not in stderr and "\x07" not in stderr, repr(stderr)
    assert stderr.count("\n") == 1 and stderr.endswith("\n"), repr(stderr)
    assert "a\\x0ab\\x1b[31m\\x07c" in stderr, repr(stderr)


def test_a_missing_file_with_control_characters_is_named_visibly(tmp_path: Path) -> None:
    out = factcheck("compare", HOSTILE + ".txt", REWRITE, cwd=tmp_path)
    assert_usage_error(out, "no such file")
    assert_escaped(out.stderr)


def test_an_empty_file_with_control_characters_is_named_visibly(tmp_path: Path) -> None:
    (tmp_path / (HOSTILE + ".txt")).write_bytes(b"")
    out = factcheck("compare", HOSTILE + ".txt", REWRITE, cwd=tmp_path)
    assert_usage_error(out, "empty")
    assert_escaped(out.stderr)


def test_an_output_folder_with_control_characters_is_named_visibly(tmp_path: Path) -> None:
    out = factcheck("compare", ORIGINAL, REWRITE, "-o", f"{HOSTILE}/out.txt", cwd=tmp_path)
    assert_usage_error(out, "does not exist")
    assert_escaped(out.stderr)


def test_an_output_onto_an_input_with_control_characters_is_named_visibly(tmp_path: Path) -> None:
    story = tmp_path / (HOSTILE + ".txt")
    shutil.copy(ORIGINAL, story)
    out = factcheck("compare", story.name, REWRITE, "-o", story.name, cwd=tmp_path)
    assert_usage_error(out, "ORIGINAL")
    assert_escaped(out.stderr)


def test_a_bad_argument_with_control_characters_is_shown_visibly(tmp_path: Path) -> None:
    out = factcheck("compare", ORIGINAL, REWRITE, "--format", HOSTILE, cwd=tmp_path)
    assert out.returncode == 2
    assert "\x1b" not in out.stderr and "\x07" not in out.stderr and out.stderr.count("\n") == 1, out.stderr


@pytest.mark.parametrize("command", ["compare", "review new"])
def test_a_malformed_url_is_one_line_without_the_password(tmp_path: Path, command: str) -> None:
    url = "http://user:pw@[::1:bad/x"
    db = ["--db", str(tmp_path / "r.sqlite3")] if command != "compare" else []
    out = factcheck(*command.split(), url, REWRITE, *db, cwd=tmp_path)
    assert_usage_error(out, "not a valid web address")
    assert ":pw" not in out.stderr and "pw@" not in out.stderr and "unexpected" not in out.stderr
    assert not (tmp_path / "r.sqlite3").exists()


def test_inert_line_escapes_line_breaks_and_bidi_controls() -> None:
    assert inert_line("a\nb\r\tc") == "a\\x0ab\\x0d\\x09c"
    assert inert_line("x\u202eevil\u2066y\u200fz\u061c") == "x\\u202eevil\\u2066y\\u200fz\\u061c"
    # The multi-line form keeps line breaks and tabs, and shows bidi controls too.
    assert inert("a\n\tb\u202ec\x1b") == "a\n\tb\\u202ec\\x1b"
