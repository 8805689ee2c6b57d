"""Imported content is inert, checked from outside the importers, without patching anything.

- Python's audit hooks (PEP 578) see every file open, name lookup, connection and process start
  the interpreter makes; a fresh interpreter records them while the corpus is imported.
- Below Python (libxml2 has its own file and HTTP readers), named pipes serve as traps: a
  reference to a pipe in a page or a .docx blocks whoever opens it, so a reader that followed
  the reference would hang the import instead of finishing.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportedText, ImportFailed, from_clipboard, load_bytes, load_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "importers"
CORPUS = ("story.html", "article.html", "story.docx", "tracked.docx", "xxe.docx", "story.pdf", "story.md")
CORPUS += ("story.eml", "story.txt", "story-cp1252.txt", "mixed.pdf")

AUDIT_SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from factcheck_gui.importers import from_clipboard, load_path, load_url

    corpus, page = sys.argv[1:-1], open(sys.argv[-1], "rb").read()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/story"

    def run_all():
        for path in corpus:
            load_path(path)
        from_clipboard(html=page)
        load_url(url)

    run_all()  # warm up: lazy imports and one-time data files are read here, not counted
    main = threading.get_ident()
    seen = []
    WATCH = ("open", "socket.", "urllib.Request", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
             "os.startfile", "ctypes.dlopen", "os.listdir", "os.scandir")

    def hook(event, args):
        if threading.get_ident() == main and event.startswith(WATCH):
            seen.append([event, [a if isinstance(a, (str, int, float)) else repr(a) for a in args]])

    sys.addaudithook(hook)
    run_all()
    sys.addaudithook(lambda e, a: None)  # hooks cannot be removed; stop recording instead
    events, seen = list(seen), None
    print(json.dumps({"url": url, "events": events}))
    """
)


def test_importing_opens_only_the_input_and_connects_only_to_the_one_url(tmp_path: Path) -> None:
    paths = [str(DATA / name) for name in CORPUS]
    page = DATA / "story.html"  # full of remote stylesheets, fonts, scripts and images
    out = subprocess.run(
        [sys.executable, "-c", AUDIT_SCRIPT, *paths, str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    events: list[tuple[str, list[object]]] = [(e, a) for e, a in report["events"]]
    # (an open of an int is os.fdopen wrapping a descriptor just opened by path)
    opened = [a[0] for e, a in events if e == "open" and isinstance(a[0], str)]
    # each input exactly once (the recorded run), nothing else: no config, DTD, font or sibling file
    assert sorted(opened) == sorted(paths)
    network = [(e, a) for e, a in events if e.startswith(("socket.", "urllib."))]
    url = report["url"]
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    requests = [a for e, a in network if e == "urllib.Request"]
    assert [r[0] for r in requests] == [url], "exactly one HTTP request: the page itself"
    connects = [a for e, a in network if e == "socket.connect"]
    assert len(connects) == 1 and f"('127.0.0.1', {port})" in str(connects[0][1])
    lookups = [a for e, a in network if e in ("socket.getaddrinfo", "socket.gethostbyname")]
    assert all(a[0] == "127.0.0.1" for a in lookups), f"a name lookup besides the URL's host: {lookups}"
    others = [e for e, _ in events if e.startswith(("subprocess.", "os.system", "os.exec", "os.posix_spawn"))]
    assert others == [], "no program is ever started"
    assert not [e for e, _ in events if e in ("os.listdir", "os.scandir")], "no folder is ever listed"


# --- named-pipe traps ------------------------------------------------------------------------


def _never_opened(trap: Path, run: Callable[[], object], seconds: float = 15) -> None:
    """Run the import; if anything opened ``trap`` (a named pipe) it would still be waiting."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            run()
        except BaseException as exc:  # an ImportFailed is fine: only reading the trap is not
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        fd = os.open(trap, os.O_WRONLY | os.O_NONBLOCK)  # the reader is there: release it
        os.close(fd)
        thread.join(5)
        pytest.fail(f"the importer opened {trap.name}, a file the input only refers to")
    try:  # a reader still holding the pipe open (non-blocking) would make this succeed
        fd = os.open(trap, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        pass
    else:
        os.close(fd)
        pytest.fail(f"{trap.name} is held open by the importer")
    assert not [e for e in errors if not isinstance(e, ImportFailed)], errors


@pytest.fixture
def trap(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    path = tmp_path / "trap.css"
    os.mkfifo(path)
    return path


def _page(trap: Path) -> str:
    uri = trap.as_uri()
    return (
        f'<!DOCTYPE html SYSTEM "{uri}"><html><head><base href="{uri}">'
        f'<link rel="stylesheet" href="{uri}"><link rel="preload" as="font" href="{trap}">'
        f'<script src="{uri}"></script><style>@import url("{uri}"); @font-face {{src: url({uri})}}</style>'
        f'<meta http-equiv="refresh" content="0; url={uri}"></head><body><article><h1>Trap page</h1>'
        f"<p>The first paragraph of the story is long enough to be the article's main text.</p>"
        f'<img src="{uri}" srcset="{uri} 2x"><iframe src="{uri}"></iframe><object data="{uri}"></object>'
        f'<svg><image href="{uri}"/></svg><embed src="{trap}"><video poster="{uri}"></video>'
        f'<p style="background:url({uri})">The second paragraph closes the story here.</p>'
        "</article></body></html>"
    )


def test_html_references_to_local_files_are_never_followed(trap: Path, tmp_path: Path) -> None:
    page = _page(trap)
    saved = tmp_path / "page.html"
    saved.write_text(page, encoding="utf-8")
    results: list[ImportedText] = []
    _never_opened(trap, lambda: results.append(load_path(saved)))
    _never_opened(trap, lambda: results.append(from_clipboard(html=page)))
    _never_opened(trap, lambda: results.append(from_clipboard(html="<b>sel</b>" + page.split("<body>")[1])))
    md = f"A story.\n\n![pic]({trap.as_uri()})\n\n{page.split('<body>')[1]}\n"
    _never_opened(trap, lambda: results.append(load_bytes(md.encode(), name="trap.md")))
    assert all("second paragraph" in r.text for r in results)


def _docx(document_xml: str, extra: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", document_xml)
        for name, body in (extra or {}).items():
            z.writestr(name, body)
    return buf.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_docx_entities_dtds_and_includes_are_never_loaded(trap: Path, tmp_path: Path) -> None:
    uri = trap.as_uri()
    variants = {
        "dtd": f'<!DOCTYPE w:document SYSTEM "{uri}">',
        "entity": f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{uri}">]>',
        "parameter": f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{uri}"> %p;]>',
    }
    body = (
        f'<w:document xmlns:w="{W}" xmlns:xi="http://www.w3.org/2001/XInclude"><w:body>'
        f'<w:p><w:r><w:t>Story text &amp; more.</w:t></w:r></w:p><xi:include href="{uri}" parse="text"/>'
        "<w:p><w:r><w:t>{ref}</w:t></w:r></w:p></w:body></w:document>"
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/attachedTemplate" Target="{uri}" TargetMode="External"/></Relationships>'
    )
    for label, prolog in variants.items():
        ref = "&x;" if label == "entity" else "end"
        xml = f'<?xml version="1.0"?>{prolog}' + body.replace("{ref}", ref)
        path = tmp_path / f"{label}.docx"
        path.write_bytes(_docx(xml, {"word/_rels/document.xml.rels": rels}))
        _never_opened(trap, lambda path=path: load_path(path))  # type: ignore[misc]


def test_eml_with_an_html_body_referring_to_files(trap: Path, tmp_path: Path) -> None:
    page = _page(trap)
    eml = (
        "From: desk@example.invalid\r\nSubject: Trap\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n" + page
    )
    path = tmp_path / "trap.eml"
    path.write_text(eml, encoding="utf-8")
    _never_opened(trap, lambda: load_path(path))
