"""Imported content is inert: nothing but the one URL fetch opens a connection.

socket.socket.connect (which every client connection goes through) is wrapped to record every connection (and refuse any but the local test
server's); the importers themselves run for real on pages and files full of remote references.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from factcheck_gui.importers import from_clipboard, load_path, load_url

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        seen.append(address)
        if not (isinstance(address, tuple) and address[0] == "127.0.0.1"):
            raise AssertionError(f"unexpected network access to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def test_files_with_remote_references_open_no_connection(connections: list[object]) -> None:
    for name in (
        "story.html",
        "article.html",
        "story.docx",
        "tracked.docx",
        "xxe.docx",
        "story.pdf",
        "story.md",
        "story.eml",
    ):
        load_path(DATA / name)
    from_clipboard(html=(DATA / "story.html").read_text(encoding="utf-8"))
    assert connections == []


def test_url_import_makes_exactly_one_connection(connections: list[object], http_server) -> None:
    http_server.routes["/story"] = (
        200,
        {"Content-Type": "text/html"},
        (DATA / "story.html").read_bytes(),
        0.0,
    )
    item = load_url(http_server.url("/story"))
    assert "Pyongyang" in item.text
    assert len(connections) == 1
    assert [path for path, _ in http_server.requests] == ["/story"]


def test_references_to_a_live_server_are_never_requested(http_server, tmp_path: Path) -> None:
    """Catches fetches below Python's socket module too (libxml2 has its own HTTP client)."""
    import io
    import zipfile

    base = http_server.url("")
    page = (
        f'<!DOCTYPE html SYSTEM "{base}/page.dtd"><html><head><link rel="stylesheet" href="{base}/s.css">'
        f'<script src="{base}/s.js"></script><style>@import url("{base}/i.css");</style></head><body>'
        f"<article><h1>Title here</h1><p>Body text of the story, long enough to count as an article.</p>"
        f'<img src="{base}/i.png"><iframe src="{base}/frame"></iframe>'
        f'<p style="background:url({base}/bg.png)">Second paragraph of the story.</p></article></body></html>'
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "{base}/doc.dtd" '
        f'[<!ENTITY remote SYSTEM "{base}/entity">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Text &remote; end.</w:t></w:r></w:p></w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", doc)
    (tmp_path / "remote.docx").write_bytes(buf.getvalue())
    assert "Second paragraph" in load_path(tmp_path / "page.html").text
    assert from_clipboard(html=page).text
    assert load_path(tmp_path / "remote.docx").text == "Text  end."
    assert http_server.requests == []
