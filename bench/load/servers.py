"""The servers under test, each on a free loopback port: the app's backend and the echo.

The app runs as in production (``reflex run --env prod``, Granian) but ``--backend-only``:
the load test speaks only to the websocket, so the frontend build is not needed.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A started server: URL, process group, log."""

    name: str
    base_url: str
    process: subprocess.Popen
    log_path: Path

    def rss_bytes(self) -> int:
        """Resident memory of the server and every process under it."""
        try:
            root = psutil.Process(self.process.pid)
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += process.memory_info().rss
        return total

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and every process under it."""
        try:
            root = psutil.Process(self.process.pid)
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0.0
        total = 0.0
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                times = process.cpu_times()
                total += times.user + times.system
        return total

    def worker_pids(self) -> list[int]:
        """The processes that serve requests (the leaves of the process tree)."""
        root = psutil.Process(self.process.pid)
        return [p.pid for p in root.children(recursive=True) if not p.children()] or [root.pid]

    def tracebacks(self) -> int:
        """How many Python tracebacks the server logged so far (server-side errors)."""
        return self.log_path.read_text(errors="replace").count("Traceback (most recent call last)")

    def stop(self) -> None:
        """Stop the whole process group (only what this server started)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def _wait_ready(server: Server, path: str, timeout: float) -> Server:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited:\n{server.log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{server.base_url}{path}", timeout=2):  # noqa: S310 (http)
                return server
        except urllib.error.HTTPError:
            return server  # it answers: up
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"{server.name} did not start in {timeout}s")


def _spawn(name: str, cmd: list[str], env: dict[str, str], log_dir: Path, port: int) -> Server:
    log_path = log_dir / f"{name}-{port}.log"
    process = subprocess.Popen(
        cmd,
        cwd=REPO,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return Server(name, f"http://127.0.0.1:{port}", process, log_path)


def offline_env() -> dict[str, str]:
    """The environment with Reflex's own network calls switched off."""
    env = dict(os.environ)
    env.update(
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        REFLEX_HTTP_CLIENT_BIND_ADDRESS="0.0.0.0",  # noqa: S104 (a bind address for requests)
        PYTHONUNBUFFERED="1",
    )
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def start_app(
    db_url: str, log_dir: Path, *, workers: int = 1, redis_url: str | None = None
) -> Server:
    """The app's backend (production mode, Granian) on a free port; migrated beforehand."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = offline_env()
    env.update(
        REFLEX_DB_URL=db_url,
        REFLEX_CORS_ALLOWED_ORIGINS=base,
        REFLEX_API_URL=base,
        REFLEX_DEPLOY_URL=base,
        REFLEX_USE_GRANIAN="true",
        GRANIAN_WORKERS=str(workers),
    )
    env.pop("REFLEX_REDIS_URL", None)
    if redis_url:
        env["REFLEX_REDIS_URL"] = redis_url
    cmd = [str(BIN / "reflex"), "run", "--env", "prod", "--backend-only"]
    cmd += ["--backend-port", str(port), "--loglevel", "warning"]
    name = f"app-{workers}w"
    return _wait_ready(_spawn(name, cmd, env, log_dir, port), "/ping", 180)


def start_echo(log_dir: Path, *, workers: int = 1) -> Server:
    """The bare socket.io echo server under Granian, with as many workers as the app."""
    port = free_port()
    cmd = [str(BIN / "granian"), "--interface", "asgi", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    cmd += ["bench.load.echo:app"]
    env = offline_env()
    env["PYTHONPATH"] = str(REPO)
    server = _spawn(f"echo-{workers}w", cmd, env, log_dir, port)
    return _wait_ready(server, "/_event/?EIO=4&transport=polling", 60)


def start_redis(log_dir: Path, password: str) -> tuple[subprocess.Popen, str]:
    """A private, password-protected Redis on a free loopback port (no persistence)."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--requirepass",
            password,
        ],
        stdout=(log_dir / f"redis-{port}.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"redis://:{password}@127.0.0.1:{port}/0"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ping = subprocess.run(
            ["redis-cli", "-p", str(port), "-a", password, "--no-auth-warning", "ping"],
            capture_output=True,
            text=True,
            check=False,
        )
        if ping.stdout.strip() == "PONG":
            return process, url
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("redis-server did not start")
