"""A throwaway PostgreSQL 15 server in a temporary folder, for the tests and the benchmark.

initdb refuses to run as root, so as root the folder is handed to the ``postgres`` user and
the server commands run through ``runuser``. The server listens on 127.0.0.1 on a free port
and on a unix socket inside the folder; it trusts local logins and never touches the
machine's own clusters.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("FACTCHECK_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PgUnavailable(RuntimeError):
    """The PostgreSQL binaries are not installed here."""


def binaries_present() -> bool:
    return all((PG_BIN / name).is_file() for name in ("initdb", "pg_ctl", "postgres"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running server; :meth:`url` gives SQLAlchemy URLs for databases on it."""

    folder: Path
    port: int
    _as_user: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.encode())

    def stop(self) -> None:
        subprocess.run(
            [*self._as_user, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server(*, fsync: bool = True) -> PgServer:
    """initdb + pg_ctl start; raises PgUnavailable without binaries, RuntimeError on failure."""
    if not binaries_present():
        raise PgUnavailable(f"no PostgreSQL binaries in {PG_BIN}")
    # Directly under /tmp: pytest's own temp folders are private to root (0700), and the
    # postgres user must be able to reach its data folder.
    folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    try:
        _run(
            [
                *as_user,
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        for _attempt in range(3):
            port = _free_port()
            options = (
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=60 "
                f"-c fsync={'on' if fsync else 'off'} -c shared_buffers=32MB"
            )
            done = subprocess.run(
                [
                    *as_user,
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(folder / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=90,
            )
            if done.returncode == 0:
                server = PgServer(folder, port, as_user)
                _wait_ready(server)
                return server
            time.sleep(0.2)  # most likely someone took the port in between: try another
        log = (folder / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()}\n{log}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.strip() or done.stdout.strip()}")


def _wait_ready(server: PgServer) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres"):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
