"""Fetching a story from an http(s) URL: timeout, size cap, a clear user agent, redirect limit.

Only the one address (and the redirects it answers with) is requested; the page's images,
scripts and stylesheets never are, because extraction works on the HTML text alone.
"""

from __future__ import annotations

import http.client
import socket
import ssl
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
            raise ImportFailed(req.full_url, f"redirected to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> None:
    """Refuse anything but an http(s) address with a host (file:, ftp:, data: … never)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ImportFailed(url, "only http:// and https:// addresses can be fetched")


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
    """GET ``url``; raises :class:`ImportFailed` with one line for every way it can go wrong."""
    check_url(url)
    request = urllib.request.Request(  # noqa: S310 - check_url allowed http(s) only
        url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    opener = urllib.request.build_opener(_Redirects())
    deadline = time.monotonic() + timeout
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
        raise ImportFailed(url, _reason(exc, timeout)) from None
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
                # read1 returns what has arrived, so a server that trickles cannot outlast the deadline
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise ImportFailed(url, f"too large (more than {human_size(max_bytes)})")
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise ImportFailed(url, f"the download took longer than {timeout:g} s (timed out)")
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise ImportFailed(url, _reason(exc, timeout)) from None
    return Fetched(b"".join(chunks), final_url, ctype, charset, fetched_at)
