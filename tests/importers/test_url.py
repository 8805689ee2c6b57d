"""URLs against a real local HTTP server: metadata, redirects, errors, limits, user agent."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from factcheck_gui import __version__
from factcheck_gui.importers import USER_AGENT, ImportFailed, load_source, load_url

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
HTML = "text/html; charset=utf-8"


def test_page_is_fetched_extracted_and_its_final_url_recorded(http_server) -> None:
    http_server.routes["/old"] = (301, {"Location": "/news/storm"}, b"", 0.0)
    http_server.routes["/news/storm"] = (
        200,
        {"Content-Type": HTML},
        (DATA / "article.html").read_bytes(),
        0.0,
    )
    item = load_source(http_server.url("/old"))
    assert item.text == (DATA / "article.expected.txt").read_text(encoding="utf-8")
    src = item.source
    assert (src.kind, src.location, src.final_url) == (
        "url",
        http_server.url("/old"),
        http_server.url("/news/storm"),
    )
    assert (src.title, src.author, src.published) == (
        "Storm floods coastal town",
        "Maria Lopez",
        "2024-03-14",
    )
    assert src.imported_at.endswith("Z")
    assert item.name == "127.0.0.1/news/storm"
    assert f"FactcheckCompare/{__version__}" == USER_AGENT
    assert [ua for _, ua in http_server.requests] == [USER_AGENT, USER_AGENT]


def test_redirect_loop_is_reported(http_server) -> None:
    http_server.routes["/a"] = (302, {"Location": "/b"}, b"", 0.0)
    http_server.routes["/b"] = (302, {"Location": "/a"}, b"", 0.0)
    with pytest.raises(ImportFailed, match=r"/a: too many redirects \(more than 5, or a loop\)$"):
        load_url(http_server.url("/a"))
    assert len(http_server.requests) <= 6


def test_redirect_to_a_local_file_is_refused(http_server) -> None:
    http_server.routes["/sneaky"] = (302, {"Location": "file:///etc/passwd"}, b"", 0.0)
    with pytest.raises(ImportFailed, match="which is not a web address"):
        load_url(http_server.url("/sneaky"))


def test_error_status_is_reported(http_server) -> None:
    with pytest.raises(ImportFailed, match=r"/missing: the server answered 404 Not Found$"):
        load_url(http_server.url("/missing"))


def test_slow_server_times_out(http_server) -> None:
    http_server.routes["/slow"] = (
        200,
        {"Content-Type": HTML, "Content-Length": "40"},
        b"<p>late</p>" * 4,
        3.0,
    )
    with pytest.raises(ImportFailed, match=r"timed out"):
        load_url(http_server.url("/slow"), timeout=0.5)


def test_non_text_content_type_is_refused(http_server) -> None:
    http_server.routes["/img"] = (200, {"Content-Type": "image/png"}, (DATA / "scan.png").read_bytes(), 0.0)
    with pytest.raises(
        ImportFailed, match=r"/img: the server sent image/png, not a web page or text document$"
    ):
        load_url(http_server.url("/img"))


def test_pdf_served_over_http_is_imported(http_server) -> None:
    http_server.routes["/story.pdf"] = (
        200,
        {"Content-Type": "application/pdf"},
        (DATA / "story.pdf").read_bytes(),
        0.0,
    )
    item = load_url(http_server.url("/story.pdf"))
    assert item.text == (DATA / "story.txt").read_text(encoding="utf-8").rstrip("\n")


def test_size_cap_applies_to_declared_and_streamed_sizes(http_server) -> None:
    body = b"<p>" + b"x" * 5000 + b"</p>"
    http_server.routes["/big"] = (200, {"Content-Type": HTML}, body, 0.0)
    with pytest.raises(ImportFailed, match=r"too large"):
        load_url(http_server.url("/big"), max_bytes=1000)
    # no Content-Length: the cap is enforced while reading
    http_server.routes["/stream"] = (200, {"Content-Type": HTML, "Content-Length": ""}, body, 0.0)
    with pytest.raises(ImportFailed, match=r"too large"):
        load_url(http_server.url("/stream"), max_bytes=1000)


def test_connection_refused_is_one_line() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(ImportFailed, match="refused the connection"):
        load_url(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize("spec", ["ftp://example.invalid/story.txt", "file:///etc/passwd", "data://x"])
def test_other_schemes_are_never_fetched(spec: str) -> None:
    with pytest.raises(ImportFailed, match="only http:// and https:// addresses can be fetched"):
        load_source(spec)
