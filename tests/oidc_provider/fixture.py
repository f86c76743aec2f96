"""Start the real OpenID provider of the tests (``provider.mjs``, npm oidc-provider) on loopback.

``start_provider([redirect_uri, ...])`` runs it with Node on 127.0.0.2 (so its cookies stay
apart from the app's on 127.0.0.1), waits for its ``READY <issuer>`` line (bounded) and
returns a handle that stops it. The ``oidc_provider`` fixture does that once per test run
for the route-level tests, whose callback is the app's default public URL.
"""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
NODE_MODULES = REPO / ".tools" / "node_modules"
PROVIDER_HOST = "127.0.0.2"

# The clients provider.mjs registers (id -> secret).
APP_CLIENT_ID = "jouw-omgeving"
APP_CLIENT_SECRET = "geheim-van-jouw-omgeving"
OTHER_CLIENT_ID = "andere-client"
OTHER_CLIENT_SECRET = "geheim-van-andere-client"


def _node() -> str:
    node = "/usr/bin/node" if Path("/usr/bin/node").exists() else shutil.which("node")
    if not node or not (NODE_MODULES / "oidc-provider").is_dir():
        pytest.fail("the OIDC test provider needs node and .tools/node_modules (make setup)")
    return node


@dataclass
class RunningProvider:
    """A started provider: its issuer URL, process and log."""

    issuer: str
    process: subprocess.Popen
    log_path: Path
    redirect_uris: list[str] = field(default_factory=list)

    def settings(self, organisation: str, label: str, **extra: str) -> dict[str, str]:
        """One ``JO_OIDC_PROVIDERS`` entry for the app's client at this provider."""
        return {
            "organisation": organisation,
            "label": label,
            "issuer": self.issuer,
            "client_id": APP_CLIENT_ID,
            "client_secret": APP_CLIENT_SECRET,
            **extra,
        }

    def settings_json(self, organisation: str, label: str, **extra: str) -> str:
        """``JO_OIDC_PROVIDERS`` with just this provider."""
        return json.dumps([self.settings(organisation, label, **extra)])

    def stop(self) -> None:
        """Stop the Node process (and only it)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def start_provider(redirect_uris: list[str], timeout: float = 20) -> RunningProvider:
    """Run provider.mjs for ``redirect_uris`` and wait until it listens."""
    log_path = Path(tempfile.mkstemp(prefix="jo-oidc-provider-", suffix=".log")[1])
    env = dict(os.environ, JO_NODE_MODULES=str(NODE_MODULES), NODE_PATH=str(NODE_MODULES))
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [_node(), str(SCRIPT), PROVIDER_HOST, ",".join(redirect_uris)],
            cwd=REPO / ".tools",
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log_path.read_text().splitlines():
            if line.startswith("READY "):
                return RunningProvider(
                    line.split(" ", 1)[1].strip(), process, log_path, redirect_uris
                )
        if process.poll() is not None:
            break
        time.sleep(0.05)
    RunningProvider("", process, log_path).stop()
    raise RuntimeError(f"OIDC test provider did not start:\n{log_path.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[RunningProvider]:
    """The test provider for route-level tests; callback at the app's default public URL."""
    from jouw_omgeving.auth.oidc import callback_url

    provider = start_provider([callback_url()])
    yield provider
    provider.stop()
    provider.log_path.unlink(missing_ok=True)
