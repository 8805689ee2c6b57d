"""Entry points: a path, standard input, bytes, a URL or the clipboard → :class:`ImportedText`.

The format comes from the file extension (or the server's content type), and from the first
bytes when neither says; every refusal is an :class:`ImportFailed` with one line for the user.
"""

from __future__ import annotations

import importlib
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from factcheck_gui.engine import reflow
from factcheck_gui.importers.base import (
    Extracted,
    ImportedText,
    ImportFailed,
    finish,
    human_size,
    max_import_bytes,
    normalize_newlines,
)
from factcheck_gui.importers.text import read_plain

# Each format's reader is imported only when a file of that format arrives: the parsers behind
# HTML (trafilatura, jusText, lxml), PDF (pypdf), DOCX (lxml) and Markdown (markdown-it) are
# heavy, and one of them broken or missing (a wheel that failed to build, an extra an old pip
# did not resolve) must never stop the app, the CLI or a plain-text comparison. Plain text
# needs only charset-normalizer and is imported eagerly.
_READER_MODULES: dict[str, tuple[str, str, str]] = {
    # kind: (module, function, what the user would reinstall)
    "markdown": ("factcheck_gui.importers.markdown", "read_markdown", "markdown-it-py"),
    "html": ("factcheck_gui.importers.html", "read_html", "trafilatura and lxml"),
    "docx": ("factcheck_gui.importers.docx", "read_docx", "lxml"),
    "pdf": ("factcheck_gui.importers.pdf", "read_pdf", "pypdf"),
    "eml": ("factcheck_gui.importers.eml", "read_eml", "trafilatura and lxml"),
}
READERS: tuple[str, ...] = ("text", *_READER_MODULES)


def _parser_missing(kind: str, name: str, exc: ImportError) -> ImportFailed:
    needs = _READER_MODULES[kind][2] if kind in _READER_MODULES else "its parser"
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ImportFailed(
        name,
        f"{kind.upper() if kind in ('html', 'pdf', 'docx') else kind} files cannot be read here: "
        f"{needs} failed to load ({detail}) — reinstall Factcheck Compare",
    )


def reader_for(kind: str, name: str) -> Callable[..., Extracted]:
    """The reader function of ``kind``, imported now; a parser that cannot load is one ImportFailed."""
    if kind == "text":
        return read_plain
    spec = _READER_MODULES.get(kind)
    if spec is None:
        raise ImportFailed(name, f"unknown format {kind!r}")
    module, func, _ = spec
    try:
        return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]
    except ImportError as exc:
        raise _parser_missing(kind, name, exc) from None


def _html_module(name: str) -> Any:
    try:
        return importlib.import_module("factcheck_gui.importers.html")
    except ImportError as exc:
        raise _parser_missing("html", name, exc) from None


EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".eml": "eml",
}
_OCR = "an image, not a text document — run OCR first"
_UNSUPPORTED = {
    ".doc": "old Word .doc files cannot be read — save it as .docx",
    ".rtf": "RTF files cannot be read — save it as .docx or .txt",
    ".odt": "OpenDocument files cannot be read — save it as .docx",
    ".pages": "Pages files cannot be read — export it as .docx or PDF",
    **{ext: _OCR for ext in (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic")},
}
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/pdf": "pdf",
    "message/rfc822": "eml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _is_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def sniff(data: bytes) -> str:
    """The format of ``data`` judged by its first bytes (``"text"`` when nothing else fits)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "docx"
    if _HTML_START.match(head):
        return "html"
    return "text"


def _kind_for(name: str, data: bytes) -> str:
    ext = os.path.splitext(name)[1].lower()
    if ext in _UNSUPPORTED:
        raise ImportFailed(name, _UNSUPPORTED[ext])
    return EXTENSIONS.get(ext) or sniff(data)


def _extract(data: bytes, name: str, kind: str | None) -> tuple[str, Extracted]:
    if not data:
        raise ImportFailed(name, "the file is empty")
    if _is_image(data):
        raise ImportFailed(name, _OCR)
    kind = kind or _kind_for(name, data)
    reader = reader_for(kind, name)
    try:
        extracted = _call_reader(kind, name, reader, data, name)
    except ImportFailed as exc:
        if kind in ("html", "markdown"):
            _refuse_too_deep(data, name, kind, exc)
        raise
    if kind in ("html", "markdown") and not extracted.text.strip():
        _refuse_too_deep(data, name, kind, ImportFailed(name, "empty"))
    return kind, extracted


_TAG = re.compile(rb"<[^<>]*>")
_OPEN_TAG = re.compile(rb"<[A-Za-z]")
_QUOTE_RUN = re.compile(rb"^[ \t]*((?:>[ \t]*){64,})", re.MULTILINE)
_TOO_DEEP = 256  # lxml (libxml2) keeps 255 levels; Markdown parsers stop far earlier


def _refuse_too_deep(data: bytes, name: str, kind: str, found: ImportFailed) -> None:
    """A page or Markdown file that holds text the parser never reached because it is nested
    too deeply gets that said, not "no readable text" (its text is there)."""
    if "readable text" not in str(found) and "empty" not in str(found):
        return
    if kind == "html":
        text = _TAG.sub(b" ", data[: 4 << 20])
        opened = len(_OPEN_TAG.findall(data[: 4 << 20]))
        deep = opened > _TOO_DEEP and len(re.findall(rb"[A-Za-z]{3,}", text)) >= 3
    else:
        run = _QUOTE_RUN.search(data)
        deep = run is not None and len(run.group(1).replace(b" ", b"").replace(b"\t", b"")) >= 64
    if deep:
        raise ImportFailed(
            name,
            f"nested too deeply to read (more than {_TOO_DEEP if kind == 'html' else 64} levels "
            "of elements or quotes) — save it as plain text or paste its text instead",
        ) from None


def _call_reader(
    kind: str, name: str, reader: Callable[..., Extracted], *args: Any, **kwargs: Any
) -> Extracted:
    # a parser can also fail to load lazily inside the reader (trafilatura imports jusText, which
    # imports lxml.html.clean, only on first use)
    try:
        return reader(*args, **kwargs)
    except ImportError as exc:
        raise _parser_missing(kind, name, exc) from None


def load_bytes(
    data: bytes, *, name: str, kind: str | None = None, max_bytes: int | None = None, location: str = ""
) -> ImportedText:
    """Import ``data`` as the format ``kind`` (one of :data:`READERS`; guessed from ``name`` if None).

    ``max_bytes`` (here and in every entry point): the size limit, by default the configured one
    (see :func:`~factcheck_gui.importers.base.max_import_bytes`).
    """
    limit = max_import_bytes(max_bytes)
    if len(data) > limit:
        raise ImportFailed(name, f"too large ({human_size(len(data))}; the limit is {human_size(limit)})")
    found, extracted = _extract(data, name, kind)
    return finish(extracted, data=data, name=os.path.basename(name) or name, kind=found, location=location)


def _read_capped(path: Path, limit: int, is_fifo: bool) -> bytes:
    """Up to ``limit + 1`` bytes of ``path`` (one more than allowed shows it is too large).

    A named pipe is opened without waiting for a writer (a plain open would block until one
    comes, possibly forever); once open it reads normally, so ``<(command)`` still works.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if is_fifo:
        flags |= getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    if is_fifo:
        os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as fh:
        return fh.read(limit + 1)  # a growing file or a pipe can still pass the limit


def load_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> ImportedText:
    """Import a file. Messages name the path as given; nothing ever waits on a pipe without writer."""
    limit = max_import_bytes(max_bytes)
    shown = os.fspath(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            raise ImportFailed(shown, "a link to a file that does not exist (a broken link)") from None
        raise ImportFailed(shown, "no such file") from None
    except PermissionError:
        raise ImportFailed(shown, "permission denied (a folder on the way cannot be opened)") from None
    except OSError as exc:
        raise ImportFailed(shown, f"cannot open ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ImportFailed(shown, "is a directory (folder), not a file")
    if stat.S_ISSOCK(st.st_mode):
        raise ImportFailed(shown, "is a socket, not a file")
    if st.st_size > limit and stat.S_ISREG(st.st_mode):
        raise ImportFailed(shown, f"too large ({human_size(st.st_size)}; the limit is {human_size(limit)})")
    is_fifo = stat.S_ISFIFO(st.st_mode)
    try:
        data = _read_capped(p, limit, is_fifo)
    except PermissionError:
        raise ImportFailed(shown, "permission denied (the file cannot be read)") from None
    except OSError as exc:
        raise ImportFailed(shown, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ImportFailed(shown, f"too large (more than {human_size(limit)})")
    if not data and is_fifo:
        raise ImportFailed(shown, "nothing to read (a pipe with nothing writing to it)")
    kind, extracted = _extract(data, shown, None)
    return finish(extracted, data=data, name=p.name, kind=kind, location=os.path.abspath(shown))


def load_url(url: str, *, timeout: float = 15.0, max_bytes: int | None = None) -> ImportedText:
    """Fetch ``url`` and import the page (or the PDF/text/.docx it serves)."""
    from factcheck_gui.importers.url import fetch  # http.client and ssl: only when a URL is asked for

    got = fetch(url, timeout=timeout, max_bytes=max_import_bytes(max_bytes))
    if not got.data:
        raise ImportFailed(url, "the server sent an empty page")
    if got.content_type and got.content_type not in CONTENT_TYPES:
        raise ImportFailed(url, f"the server sent {got.content_type}, not a web page or text document")
    kind = CONTENT_TYPES.get(got.content_type) or _kind_for(urlsplit(got.final_url).path, got.data)
    if _is_image(got.data):
        raise ImportFailed(url, _OCR)
    reader = reader_for(kind, url)
    args = (got.data, url, got.charset) if kind == "html" else (got.data, url)
    extracted = _call_reader(kind, url, reader, *args)
    parts = urlsplit(got.final_url)
    name = (parts.hostname or "") + parts.path.rstrip("/")
    return finish(
        extracted,
        data=got.data,
        name=name[:120],
        kind="url",
        location=url,
        final_url=got.final_url,
        imported_at=got.fetched_at,
    )


def load_source(
    spec: str,
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    timeout: float = 15.0,
) -> ImportedText:
    """Import from a path, ``"-"`` (standard input, or ``stdin`` when given) or an http(s) URL."""
    max_bytes = max_import_bytes(max_bytes)
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ImportFailed("standard input", f"too large (more than {human_size(max_bytes)})")
        if not data:
            raise ImportFailed("standard input", "nothing to read (it is empty)")
        _, extracted = _extract(data, "standard input", None)
        return finish(extracted, data=data, name="stdin", kind="stdin", location="-")
    if _SCHEME.match(spec):
        if spec.split(":", 1)[0].lower() not in ("http", "https"):
            raise ImportFailed(spec, "only http:// and https:// addresses can be fetched")
        return load_url(spec, timeout=timeout, max_bytes=max_bytes)
    return load_path(spec, max_bytes=max_bytes)


_CF_HTML_HEADER = re.compile(r"^\s*Version:\s*\d[^<]*?StartHTML:[^<]*", re.IGNORECASE | re.DOTALL)


def _clipboard_html(html: str | bytes) -> str:
    """Clipboard HTML as text: raw ``text/html`` bytes decoded (Firefox on X11 puts UTF-16 with a
    BOM there, Chrome UTF-8), and the Windows CF_HTML header ("Version:0.9 StartHTML:…") dropped."""
    if isinstance(html, bytes):
        decoded: str = _html_module("clipboard").decode_html(html, "clipboard")[0]
        html = decoded
    assert isinstance(html, str)
    return _CF_HTML_HEADER.sub("", html, count=1)


def from_clipboard(
    text: str | None = None, html: str | bytes | None = None, *, max_bytes: int | None = None
) -> ImportedText:
    """Pasted content: HTML from a browser copy when there is any, else the plain text.

    This is what the app calls with a paste's ``text/plain`` and ``text/html`` (either may be
    None): ``html`` may be ``QMimeData.html()`` or the raw bytes of the ``text/html`` format.
    A copied whole page (site navigation and all) goes through the article extractor; a
    selection keeps all its visible text, since the user chose it.
    """
    limit = max_import_bytes(max_bytes)
    raw_html = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else (html or b"")
    for size in (len(raw_html), len(text.encode("utf-8", "surrogatepass")) if text else 0):
        if size > limit:
            shown = f"{human_size(size)}; the limit is {human_size(limit)}"
            raise ImportFailed("clipboard", f"too large ({shown})")
    page = _clipboard_html(html) if html else ""
    if page.strip():
        mod = _html_module("clipboard")
        try:
            extracted = _call_reader(
                "html",
                "clipboard",
                mod.extract_html,
                page,
                "clipboard",
                main_text_only=mod.looks_like_page(page),
            )
        except ImportFailed:
            if not (text and text.strip()):
                raise
        else:
            return finish(extracted, data=raw_html, name="clipboard", kind="clipboard")
    if not (text and text.strip()):
        raise ImportFailed("clipboard", "the clipboard holds no text")
    plain = Extracted(text=reflow(normalize_newlines(text)))
    return finish(plain, data=text.encode("utf-8", "surrogatepass"), name="clipboard", kind="clipboard")
