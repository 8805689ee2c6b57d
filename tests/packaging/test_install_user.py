"""The tarball's install-user.sh, run for real on a stand-in of the unpacked tarball.

The unpacked folder (and the home) sit in paths with a space, and worse: the menu entry it
writes must still start the program in that folder with the files a desktop passes for %F.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.factcheck.Compare"

pytestmark = pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")


def _unescape_string(value: str) -> str:
    """The .desktop string escapes (\\s \\n \\t \\r \\\\), applied before Exec's quoting rules."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append(
                {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(value[i + 1], "\\" + value[i + 1])
            )
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def exec_argv(exec_value: str, files: list[str]) -> list[str]:
    """Split an Exec value the way the Desktop Entry spec says a launcher does, %F expanded."""
    value = _unescape_string(exec_value)
    args: list[str] = []
    current: list[str] = []
    in_arg = quoted = False
    i = 0
    while i < len(value):
        ch = value[i]
        if quoted:
            if ch == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
                current.append(value[i + 1])
                i += 1
            elif ch == '"':
                quoted = False
            else:
                current.append(ch)
        elif ch == '"':
            quoted = in_arg = True
        elif ch == " ":
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
        else:
            current.append(ch)
            in_arg = True
        i += 1
    assert not quoted, f"unterminated quote in Exec={exec_value}"
    if in_arg:
        args.append("".join(current))
    expanded: list[str] = []
    for arg in args:
        if arg == "%F":
            expanded += files
        elif arg in {"%f", "%u", "%U"}:
            expanded += files[:1]
        else:
            expanded.append(arg.replace("%%", "%"))
    return expanded


def _desktop_value(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(key + "="):
            return line[len(key) + 1 :]
    raise AssertionError(f"no {key}= in {path}")


def _fake_tarball(folder: Path) -> Path:
    """install-user.sh beside stand-ins of the two programs and the share/ folder it installs."""
    folder.mkdir(parents=True)
    shutil.copy(LINUX / "install-user.sh", folder / "install-user.sh")
    gui = folder / "factcheck-gui"
    gui.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/started-with.txt"\n', encoding="utf-8")
    gui.chmod(gui.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (folder / "factcheck").symlink_to("factcheck-gui")
    share = folder / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    shutil.copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icon_dir = share / "icons" / "hicolor" / "48x48" / "apps"
    icon_dir.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "icons" / "png" / "48.png", icon_dir / f"{APP_ID}.png")
    return folder


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    return subprocess.run(
        ["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=30, check=False
    )


@pytest.mark.parametrize(
    "folder_name",
    ["My Programs/factcheck-compare-1.0", 'odd $HOME `x` "q" 100% back\\slash/factcheck-compare'],
)
def test_the_menu_entry_starts_the_program_in_a_folder_with_spaces(tmp_path: Path, folder_name: str) -> None:
    app = _fake_tarball(tmp_path / folder_name)
    home = tmp_path / "home of a user"
    home.mkdir()
    done = _run(app / "install-user.sh", home)
    assert done.returncode == 0, done.stderr

    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    exec_value = _desktop_value(desktop, "Exec")
    story = tmp_path / "a story.txt"
    argv = exec_argv(exec_value, [str(story)])
    assert argv == [str(app / "factcheck-gui"), str(story)]
    assert _unescape_string(_desktop_value(desktop, "TryExec")) == str(app / "factcheck-gui")
    # Start it the way the launcher would: the stand-in records what it was given.
    subprocess.run(argv, check=True, timeout=30)
    assert (app / "started-with.txt").read_text(encoding="utf-8").splitlines() == [str(story)]

    if shutil.which("desktop-file-validate"):
        valid = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert valid.returncode == 0, valid.stdout + valid.stderr
    for link in ("factcheck", "factcheck-gui"):
        assert (home / ".local" / "bin" / link).resolve() == (app / "factcheck-gui").resolve()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()

    removed = _run(app / "install-user.sh", home, "--remove")
    assert removed.returncode == 0, removed.stderr
    assert not desktop.exists() and not (home / ".local" / "bin" / "factcheck").exists()
    assert not list((home / ".local" / "share" / "icons").rglob(f"{APP_ID}.*"))


def test_exec_splitting_follows_the_spec() -> None:
    assert exec_argv("factcheck-gui %F", ["a", "b"]) == ["factcheck-gui", "a", "b"]
    assert exec_argv('"/opt/My Apps/x" %F', ["f"]) == ["/opt/My Apps/x", "f"]
    assert exec_argv('"/a\\\\\\\\b/\\\\$x" %%', []) == ["/a\\b/$x", "%"]
