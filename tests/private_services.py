"""Private PostgreSQL and Redis servers for tests that stop, restart or kill them.

The machine's shared services are never touched: each helper starts its own server on a free
loopback port with its data in a temporary folder, and removes it afterwards. PostgreSQL
comes from the machine's binaries (``/usr/lib/postgresql/*/bin``); as root, ``initdb`` and
``postgres`` run as the ``postgres`` user (they refuse to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jouw_omgeving.db
from tests.e2e.server import free_port


def postgres_bin() -> Path | None:
    """The folder with ``initdb`` and ``postgres``, or None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _wait_for_port(port: int, timeout: float, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout}s")


def _wait_until_closed(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                time.sleep(0.1)
        except OSError:
            return
    raise RuntimeError(f"port {port} still open after {timeout}s")


@dataclass
class PrivatePostgres:
    """A PostgreSQL server of our own: ``url`` of its database ``app``; stop and start it."""

    directory: Path
    port: int
    bin: Path
    process: subprocess.Popen | None = None
    database: str = "app"

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the test database (trust authentication on loopback)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{self.database}"

    def start(self) -> None:
        """Start the server (again) on the same port and data folder."""
        log = (self.directory / "postgres.log").open("a")
        self.process = subprocess.Popen(
            _as_postgres_user(
                [
                    str(self.bin / "postgres"),
                    *("-D", str(self.directory / "data"), "-p", str(self.port)),
                    *("-k", str(self.directory), "-c", "listen_addresses=127.0.0.1"),
                    *("-c", "fsync=off", "-c", "max_connections=60"),
                ]
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_for_port(self.port, 30, self.process, "postgres")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                capture_output=True,
            )
            if ready.returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("postgres did not become ready")

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as when the server restarts."""
        if self.process is None or self.process.poll() is not None:
            return
        # To the whole group: as root, the child of runuser is the postmaster.
        os.killpg(self.process.pid, signal.SIGINT)  # "fast" shutdown mode
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        _wait_until_closed(self.port, 30)


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A running private PostgreSQL with an empty database ``app``; removed afterwards."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found under /usr/lib/postgresql")
    directory = Path(tempfile.mkdtemp(prefix="jo-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    server = PrivatePostgres(directory, free_port(), bin_dir)
    try:
        subprocess.run(
            _as_postgres_user(
                [
                    str(bin_dir / "initdb"),
                    *("-D", str(directory / "data"), "-U", "postgres"),
                    *("--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"),
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        server.start()
        subprocess.run(
            [
                str(bin_dir / "createdb"),
                *("-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres", server.database),
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class PrivateRedis:
    """A Redis server of our own, without persistence; restart it to lose all its state."""

    port: int
    process: subprocess.Popen | None = None
    password: str = field(default_factory=lambda: os.urandom(8).hex())

    @property
    def url(self) -> str:
        """``redis://`` URL with the password (the app supports it, as production needs)."""
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start (again) on the same port; the data of a previous run is gone."""
        self.process = subprocess.Popen(
            [
                "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--requirepass", self.password),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        _wait_for_port(self.port, 15, self.process, "redis-server")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """A running private redis-server on a free loopback port; stopped afterwards."""
    if shutil.which("redis-server") is None:
        raise RuntimeError("redis-server is not installed")
    server = PrivateRedis(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def app_database(url: str) -> Iterator[None]:
    """Point the app's ``db_session()`` (and every handler) at ``url`` meanwhile."""
    original = jouw_omgeving.db.database_url
    jouw_omgeving.db.get_engine.cache_clear()
    jouw_omgeving.db.database_url = lambda: url
    try:
        yield
    finally:
        jouw_omgeving.db.database_url = original
        jouw_omgeving.db.get_engine.cache_clear()
