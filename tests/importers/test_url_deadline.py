"""One overall deadline for a URL fetch: connect, headers and body together (issue 16, item 3).

A real server on 127.0.0.1 in a thread, one test per stage: a listener whose accept queue is
full (the connect itself waits), a server that sends its status line and then trickles the
headers, and one whose headers come slowly and whose body then stalls. Each fetch must fail
with "timed out" in about the deadline, whatever the stages add up to.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from factcheck_gui.importers import ImportFailed, load_url

DEADLINE = 2.0
SLACK = 0.8  # scheduling and the error path; far below what any one stage could add
MAX_SERVE = 20.0  # every trickle ends by itself


class Server:
    """A listening socket on loopback and a thread that serves each connection with ``serve``."""

    def __init__(
        self,
        serve: Callable[[socket.socket, threading.Event], None],
        *,
        accept_after: float = 0.0,
        backlog: int = 8,
    ) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(backlog)
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self._serve = serve
        self._accept_after = accept_after
        self._threads: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def url(self, path: str = "/story") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _run(self) -> None:
        if self.stop.wait(self._accept_after):
            return
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _handle(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):  # OSError: the client gave up, the point of it
            self._serve(conn, self.stop)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self._thread.join(5)
        for t in self._threads:
            t.join(5)


def trickle(conn: socket.socket, stop: threading.Event, data: bytes, every: float) -> None:
    """Send ``data`` one byte every ``every`` seconds (until it is all sent, or the test ends)."""
    start = time.monotonic()
    for i in range(len(data)):
        if stop.wait(every) or time.monotonic() - start > MAX_SERVE:
            return
        conn.sendall(data[i : i + 1])


def endless_headers(conn: socket.socket, stop: threading.Event, every: float = 1.0) -> None:
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    trickle(conn, stop, b"X-Slow: " + b"a" * 1000, every)


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def start(handler: Callable[[socket.socket, threading.Event], None], **kw: float) -> Server:
        servers.append(Server(handler, **kw))  # type: ignore[arg-type]
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def timed_fetch(url: str, deadline: float = DEADLINE) -> tuple[float, str]:
    start = time.monotonic()
    with pytest.raises(ImportFailed) as err:
        load_url(url, timeout=deadline)
    return time.monotonic() - start, str(err.value)


def test_a_connect_that_waits_counts_against_the_deadline(serve: Callable[..., Server]) -> None:
    """The accept queue is full for a while (the client's SYN is dropped and retried: the
    connect completes after about 2 s), then the server trickles headers: the connect's wait
    and the headers' share one deadline."""
    deadline = 3.0
    server = serve(endless_headers, accept_after=1.2, backlog=0)
    fillers = []
    for _ in range(4):  # fill the accept queue; the kernel then drops new connection attempts
        f = socket.socket()
        f.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            f.connect(("127.0.0.1", server.port))
        fillers.append(f)
    time.sleep(0.1)
    try:
        elapsed, message = timed_fetch(server.url(), deadline)
    finally:
        for f in fillers:
            f.close()
    assert "timed out" in message, message
    assert elapsed < deadline + SLACK, elapsed


def test_headers_sent_one_byte_a_second_fail_at_the_deadline(serve: Callable[..., Server]) -> None:
    server = serve(endless_headers)
    elapsed, message = timed_fetch(server.url())
    assert "timed out" in message and message.startswith(server.url()), message
    assert "\n" not in message
    assert elapsed < DEADLINE + SLACK, elapsed


def test_slow_headers_then_a_stalled_body_fail_at_the_deadline(serve: Callable[..., Server]) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"

    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.recv(65536)
        conn.sendall(head[:-12])
        trickle(conn, stop, head[-12:], (DEADLINE * 0.7) / 12)  # the headers end at 70 % of it
        conn.sendall(b"The council met")  # then the body stalls
        stop.wait(MAX_SERVE)

    server = serve(handler)
    elapsed, message = timed_fetch(server.url())
    assert "timed out" in message, message
    assert elapsed < DEADLINE + SLACK, elapsed


def test_a_body_that_trickles_fails_at_the_deadline(serve: Callable[..., Server]) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n")
        trickle(conn, stop, b"x" * 5000, 0.2)

    server = serve(handler)
    elapsed, message = timed_fetch(server.url())
    assert "took longer than 2 s (timed out)" in message, message
    assert elapsed < DEADLINE + SLACK, elapsed


def test_a_prompt_server_is_still_read_whole(serve: Callable[..., Server]) -> None:
    body = b"The council met on Tuesday. Five people left the hall."

    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.recv(65536)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
        )

    server = serve(handler)
    start = time.monotonic()
    item = load_url(server.url("/story.txt"), timeout=DEADLINE)
    assert item.text == body.decode()
    # The deadline's watchdog does not hold the fetch up once it is done.
    assert time.monotonic() - start < 1.0
    assert threading.active_count() < 20


def test_a_tls_handshake_that_never_comes_fails_at_the_deadline(serve: Callable[..., Server]) -> None:
    """https:// to a server that accepts and never answers the ClientHello."""

    def silent(conn: socket.socket, stop: threading.Event) -> None:
        stop.wait(MAX_SERVE)

    server = serve(silent)
    elapsed, message = timed_fetch(f"https://127.0.0.1:{server.port}/story")
    assert "timed out" in message, message
    assert elapsed < DEADLINE + SLACK, elapsed


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            key,
            "-out",
            cert,
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_https_goes_through_the_deadline_connection(
    serve: Callable[..., Server], certificate: tuple[str, str]
) -> None:
    """A real TLS server with a certificate nobody trusts: the handshake runs and is refused in one
    line (so the deadline's HTTPS connection does the handshake as http.client's own would)."""
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)

    def tls(conn: socket.socket, stop: threading.Event) -> None:
        try:
            with context.wrap_socket(conn, server_side=True) as s:
                s.recv(65536)
        except (ssl.SSLError, OSError):
            pass

    server = serve(tls)
    start = time.monotonic()
    with pytest.raises(ImportFailed, match="secure connection failed") as err:
        load_url(f"https://127.0.0.1:{server.port}/story", timeout=DEADLINE)
    assert "\n" not in str(err.value) and time.monotonic() - start < DEADLINE
