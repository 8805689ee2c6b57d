"""Fetching a story from an http(s) URL: a deadline, size cap, a clear user agent, redirect limit.

Only the one address (and the redirects it answers with) is requested; the page's images,
scripts and stylesheets never are, because extraction works on the HTML text alone.

``timeout`` is one deadline for the whole fetch: connecting (each redirect's too), the TLS
handshake, the status line and headers, and the body. A socket timeout alone would not do: it
bounds each read, so a server sending one header byte a second would never time out. Each
connection starts with what is left of the deadline as its socket timeout, and a watchdog shuts
every socket of the fetch down when the deadline passes, which ends any read at once.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from factcheck_gui import __version__
from factcheck_gui.importers.base import ImportFailed, human_size, utc_now_iso

USER_AGENT = f"FactcheckCompare/{__version__}"
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1"


@dataclass(frozen=True)
class Fetched:
    data: bytes
    final_url: str
    content_type: str  # lower case, without parameters ("" when the server sent none)
    charset: str | None
    fetched_at: str


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same address twice is a loop

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise ImportFailed(redacted(req.full_url), f"redirected to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# "scheme://user:PASSWORD@": the password part, found even in a URL too malformed to parse.
_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^/?#:@]*):[^/?#]*@")


def redacted(url: str) -> str:
    """``url`` as messages show it: a password in it (``user:secret@``) becomes ``***``."""
    return _PASSWORD.sub(r"\1:***@", url)


def check_url(url: str) -> None:
    """Refuse anything but a well-formed http(s) address with a host (file:, ftp:, data: … never)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number or out of range
    except ValueError as exc:
        detail = str(exc).split(" as ", 1)[0] or "it cannot be read"
        raise ImportFailed(
            redacted(url), f"not a valid web address ({detail[:1].lower()}{detail[1:]})"
        ) from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise ImportFailed(redacted(url), "only http:// and https:// addresses can be fetched")


class _Deadline:
    """One deadline for a whole fetch, over every connection it opens (redirects included).

    :meth:`remaining` is each new connection's socket timeout; :meth:`watch` registers its
    socket, which a watchdog thread shuts down when the deadline passes, so a read blocked on a
    server that trickles (or says nothing) returns at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise TimeoutError("the fetch deadline passed")
        return left

    def passed(self) -> bool:
        return self.expired or time.monotonic() >= self.end

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed (the fetch ended) or never connected
        sock.shutdown(socket.SHUT_RDWR)


def _handlers(deadline: _Deadline) -> list[urllib.request.BaseHandler]:
    """HTTP and HTTPS handlers whose connections obey ``deadline``."""

    class Connection(http.client.HTTPConnection):
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.watch(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            # HTTPSConnection.connect, with the handshake after the socket is watched (a server
            # trickling its handshake is cut off at the deadline like any other).
            self.timeout = deadline.remaining()
            http.client.HTTPConnection.connect(self)
            deadline.watch(self.sock)
            hostname = getattr(self, "_tunnel_host", None) or self.host
            context: ssl.SSLContext = self._context  # type: ignore[attr-defined]
            sock = context.wrap_socket(self.sock, server_hostname=hostname, do_handshake_on_connect=False)
            self.sock = sock
            deadline.watch(sock)
            sock.do_handshake()

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Connection, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(SecureConnection, req, context=self._context)  # type: ignore[attr-defined]

    return [Handler(), SecureHandler()]


def _reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s (timed out)"
    if isinstance(exc, socket.gaierror):
        return "cannot find that host (check the address and the network connection)"
    if isinstance(exc, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(exc, ssl.SSLError):
        return f"secure connection failed ({exc.reason or exc})"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot fetch the page ({exc.reason})"
    return f"cannot fetch the page ({exc})"


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url``; raises :class:`ImportFailed` with one line for every way it can go wrong.

    ``timeout`` bounds the whole fetch, from the first connect to the last byte of the body.
    """
    check_url(url)
    shown = redacted(url)
    request = urllib.request.Request(  # noqa: S310 - check_url allowed http(s) only
        url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    deadline = _Deadline(timeout)
    try:
        return _fetch(request, shown, deadline, max_bytes)
    finally:
        deadline.cancel()


def _fetch(request: urllib.request.Request, url: str, deadline: _Deadline, max_bytes: int) -> Fetched:
    timeout = deadline.seconds
    opener = urllib.request.build_opener(_Redirects(), *_handlers(deadline))
    fetched_at = utc_now_iso()
    try:
        response: Any = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        target = (exc.headers.get("Location", "") if exc.headers else "") or ""
        if 300 <= exc.code < 400 and urlsplit(target).scheme.lower() not in ("", "http", "https"):
            raise ImportFailed(url, f"redirected to {target}, which is not a web address") from None
        if 300 <= exc.code < 400:
            raise ImportFailed(url, f"too many redirects (more than {MAX_REDIRECTS}, or a loop)") from None
        raise ImportFailed(url, f"the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.passed():
            raise ImportFailed(url, f"no answer within {timeout:g} s (timed out)") from None
        raise ImportFailed(url, _reason(exc, timeout)) from None
    slow = f"the download took longer than {timeout:g} s (timed out)"
    with response:
        final_url = response.geturl()
        ctype = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
        charset = response.headers.get_content_charset()
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            limit = human_size(max_bytes)
            raise ImportFailed(url, f"too large ({human_size(int(declared))}; the limit is {limit})")
        chunks: list[bytes] = []
        total = 0
        try:
            while True:
                # read1 returns what has arrived; the watchdog ends a read the deadline overtakes
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise ImportFailed(url, f"too large (more than {human_size(max_bytes)})")
                chunks.append(chunk)
                if deadline.passed():
                    raise ImportFailed(url, slow)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if deadline.passed():
                raise ImportFailed(url, slow) from None
            raise ImportFailed(url, _reason(exc, timeout)) from None
        if deadline.expired:  # the watchdog shut the socket: what arrived is not the whole page
            raise ImportFailed(url, slow)
    return Fetched(b"".join(chunks), final_url, ctype, charset, fetched_at)
