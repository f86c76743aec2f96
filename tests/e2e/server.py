"""Run the real production build (`reflex run --env prod --single-port`) for browser tests."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    """A free loopback port (bind to port 0 and let the kernel choose)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningApp:
    """A started app: its base URL, database URL and process."""

    base_url: str
    db_url: str
    process: subprocess.Popen
    log_path: Path

    def stop(self) -> None:
        """Stop the server and everything it started."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def app_env(db_url: str, port: int, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for every command of the app under test (offline-safe).

    ``extra_env`` adds settings the app needs at start (e.g. ``JO_OIDC_PROVIDERS``).
    """
    env = dict(os.environ, **(extra_env or {}))
    base = f"http://127.0.0.1:{port}"
    env.update(
        REFLEX_DB_URL=db_url,
        REFLEX_API_URL=base,
        REFLEX_DEPLOY_URL=base,
        REFLEX_CORS_ALLOWED_ORIGINS=base,
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        REFLEX_HTTP_CLIENT_BIND_ADDRESS="0.0.0.0",
        JO_QUICK_EXIT_URL=f"{base}/inloggen",
        PYTHONUNBUFFERED="1",
    )
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def run(cmd: list[str], env: dict[str, str]) -> None:
    """Run a set-up command in the repo; fail loudly with its output."""
    result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def start_app(
    tmp_dir: Path,
    timeout: float = 240,
    *,
    port: int | None = None,
    extra_env: dict[str, str] | None = None,
) -> RunningApp:
    """Migrate a fresh SQLite database, load the demo data and serve the production build.

    ``port`` may be chosen beforehand (a provider must know the callback URL before the app
    starts); ``extra_env`` goes into the app's environment.
    """
    port = port or free_port()
    db_url = f"sqlite:///{tmp_dir / 'e2e.db'}"
    env = app_env(db_url, port, extra_env)
    run([str(VENV_BIN / "reflex"), "db", "migrate"], env)
    run([str(VENV_BIN / "python"), "-m", "jouw_omgeving.demo", "load", "--if-empty"], env)
    return serve(REPO, env, port, tmp_dir / "server.log", timeout)


def serve(
    app_dir: Path, env: dict[str, str], port: int, log_path: Path, timeout: float = 240
) -> RunningApp:
    """Serve the production build of the app in ``app_dir`` on ``port``; wait until it answers."""
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            *(str(VENV_BIN / "reflex"), "run", "--env", "prod", "--single-port"),
            *("--frontend-port", str(port)),
        ],
        cwd=app_dir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    app = RunningApp(f"http://127.0.0.1:{port}", env["REFLEX_DB_URL"], process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited early:\n{log_path.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{app.base_url}/ping", timeout=2) as response:
                if response.status == 200:
                    with urllib.request.urlopen(f"{app.base_url}/inloggen", timeout=5):
                        return app
        except OSError:
            pass
        time.sleep(0.5)
    app.stop()
    raise RuntimeError(f"app did not start in {timeout}s:\n{log_path.read_text()[-4000:]}")


_APP_FILES = ("rxconfig.py", "requirements.txt", "alembic.ini")
_APP_DIRS = ("jouw_omgeving", "alembic", "assets", "reflex.lock")


def copy_app(target: Path) -> Path:
    """The app's files and frontend project in ``target``; node_modules is linked, not copied.

    A production start rebuilds ``.web``; a copy keeps that away from the shared app server.
    """
    for name in _APP_FILES:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in _APP_DIRS:
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    web = REPO / ".web"
    shutil.copytree(web, target / ".web", ignore=shutil.ignore_patterns("node_modules", "build"))
    (target / ".web" / "node_modules").symlink_to(web / "node_modules")
    return target
