"""Paths that cannot be imported: one clear line each, naming the path as the user gave it."""

from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck_gui.importers import (
    DEFAULT_MAX_BYTES,
    MAX_SIZE_ENV,
    ImportFailed,
    from_clipboard,
    load_bytes,
    load_path,
    load_source,
    load_url,
    max_import_bytes,
)

from .conftest import LocalServer

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


def _as_nobody(fn: Callable[[], str]) -> str:
    """``fn()`` in a forked child that dropped root to the "nobody" user (returns its result).

    Root reads files whatever their mode; a process without root's privileges does not, so this
    exercises a real EACCES from the kernel when the tests run as root (as CI does).
    """
    fn()  # warm up: any lazy import happens here, while the files are still readable
    r, w = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "fork() of a multi-threaded process"
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(r)
        try:
            os.setgroups([])
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(NOBODY, NOBODY, NOBODY)
            out = fn()
        except BaseException as exc:  # report anything to the parent, never run pytest on
            out = f"child failed: {exc!r}"
        os.write(w, out.encode("utf-8"))
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        out = fh.read().decode("utf-8")
    os.waitpid(pid, 0)
    return out


NOBODY = 65534


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and POSIX permissions")
def test_file_without_read_permission() -> None:
    folder = Path(tempfile.mkdtemp(prefix="fc-perm-"))  # not under pytest's 0700 root folder
    try:
        folder.chmod(0o755)
        path = folder / "secret.txt"
        path.write_text("hidden story text")
        path.chmod(0)

        def attempt() -> str:
            if os.access(path, os.R_OK) and os.geteuid() != 0:
                return "readable"
            try:
                load_path(path)
            except ImportFailed as exc:
                return str(exc)
            return "loaded"

        if os.geteuid() == 0:
            # root itself can read it: this is the run that proves nothing leaks past the mode
            assert attempt() == "loaded"
            message = _as_nobody(attempt)
        else:
            message = attempt()
        assert message == f"{path}: permission denied (the file cannot be read)"
        # a folder on the way that cannot be entered
        path.chmod(0o644)
        folder.chmod(0)

        def blocked() -> str:
            try:
                load_path(path)
            except ImportFailed as exc:
                return str(exc)
            return "loaded"

        message = _as_nobody(blocked) if os.geteuid() == 0 else blocked()
        assert message == f"{path}: permission denied (a folder on the way cannot be opened)"
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)


def _unreadable_even_for_root() -> str | None:
    """A kernel file that refuses reading to everyone, root included (a write-only sysfs switch)."""
    for pattern in ("/sys/bus/*/rescan", "/sys/devices/*/*/rescan", "/sys/class/*/hot_remove"):
        for candidate in sorted(glob.glob(pattern)):
            try:
                with open(candidate, "rb") as fh:
                    fh.read(1)
            except PermissionError:
                return candidate
            except OSError:
                continue
    return None


@pytest.mark.skipif(_unreadable_even_for_root() is None, reason="no write-only sysfs file here")
def test_kernel_file_that_refuses_reading() -> None:
    path = _unreadable_even_for_root()
    assert _message(str(path)) == f"{path}: permission denied (the file cannot be read)"


def test_path_through_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("a story")
    path = tmp_path / "story.txt" / "inside.txt"  # ENOTDIR, for root too
    assert _message(str(path)) == f"{path}: cannot open (Not a directory)"


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symlinks")
def test_broken_and_looping_links(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted.txt")
    assert _message(str(dangling)) == f"{dangling}: a link to a file that does not exist (a broken link)"
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert _message(str(loop)) == f"{loop}: cannot open (Too many levels of symbolic links)"


def _within(seconds: float, fn: Callable[[], str], unblock: Callable[[], None]) -> str:
    """``fn()`` in a thread; fails the test (after ``unblock()``) if it is still waiting."""
    out: list[str] = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        unblock()
        thread.join(5)
        pytest.fail(f"still waiting after {seconds} s (a hang)")
    return out[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_without_a_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)

    def attempt() -> str:
        try:
            load_path(fifo)
        except ImportFailed as exc:
            return str(exc)
        return "loaded"

    def unblock() -> None:
        with open(fifo, "wb"):
            pass

    message = _within(5, attempt, unblock)
    assert message == f"{fifo}: nothing to read (a pipe with nothing writing to it)"


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
def test_pipe_with_a_writer_is_read_like_a_file() -> None:
    """As ``factcheck compare <(curl …) rewrite.txt`` passes it: /dev/fd/N, a pipe."""
    story = (DATA / "story.txt").read_bytes()
    r, w = os.pipe()
    try:
        writer = threading.Thread(target=lambda: (os.write(w, story), os.close(w)), daemon=True)
        writer.start()
        item = load_path(f"/dev/fd/{r}")
        writer.join(5)
    finally:
        os.close(r)
    assert item.text == story.decode("utf-8")


def test_socket_is_not_a_file(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("needs Unix sockets")
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        assert _message(str(path)) == f"{path}: is a socket, not a file"


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


def test_size_limit_is_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, http_server: LocalServer
) -> None:
    """By argument (the app's setting) or by FACTCHECK_MAX_IMPORT_MB (the CLI, a server)."""
    story = (DATA / "story.txt").read_bytes()  # 2,484 bytes
    path = tmp_path / "story.txt"
    path.write_bytes(story)
    http_server.routes["/story"] = (200, {"Content-Type": "text/plain"}, story, 0.0)
    assert max_import_bytes() == DEFAULT_MAX_BYTES
    monkeypatch.setenv(MAX_SIZE_ENV, "0.001")  # 1,048 bytes
    assert max_import_bytes() == 1048
    too_large = "too large (2 KB; the limit is 1 KB)"
    assert _message(str(path)) == f"{path}: {too_large}"
    with pytest.raises(ImportFailed, match=r"^standard input: too large \(more than 1 KB\)$"):
        load_source("-", stdin=io.BytesIO(story))
    with pytest.raises(ImportFailed, match=r"/story: too large"):
        load_url(http_server.url("/story"))
    with pytest.raises(ImportFailed, match=r"^clipboard: too large \(2 KB; the limit is 1 KB\)$"):
        from_clipboard(text=story.decode())
    with pytest.raises(ImportFailed, match=r"^clipboard: too large"):
        from_clipboard(html=b"<p>" + story + b"</p>")
    # an explicit argument wins over the environment
    assert load_path(path, max_bytes=10_000).text == story.decode()
    assert load_url(http_server.url("/story"), max_bytes=10_000).text == story.decode()
    monkeypatch.setenv(MAX_SIZE_ENV, "50")
    assert load_path(path).text == story.decode() and max_import_bytes() == 50 * 1024 * 1024
    for bad in ("lots", "0", "-3", "nan"):
        monkeypatch.setenv(MAX_SIZE_ENV, bad)
        assert _message(str(path)) == (
            f"FACTCHECK_MAX_IMPORT_MB must be a size in megabytes such as 50, not {bad!r}"
        )


def test_text_nested_too_deeply_is_said_so_not_called_empty(tmp_path: Path) -> None:
    """100,000-deep HTML or Markdown holds text the parsers never reach: say why."""
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>"
        + "<div>" * 100_000
        + "<p>The council approved 12 homes.</p>"
        + "</div>" * 100_000
        + "</body></html>",
        encoding="utf-8",
    )
    quoted = tmp_path / "deep.md"
    quoted.write_text(">" * 100_000 + " The council approved 12 homes.\n", encoding="utf-8")
    for path in (page, quoted):
        with pytest.raises(ImportFailed, match="nested too deeply"):
            load_path(path)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed, match="no readable text"):
        load_path(empty)
