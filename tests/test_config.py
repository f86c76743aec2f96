"""Reflex configuration values the project relies on, read as a fresh process would.

Reflex silently ignores unknown config keys and lets ``REFLEX_<FIELD>`` variables override
any field, so the values are checked in subprocesses with a controlled environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

_PRINT_CONFIG = """
import json
from reflex.config import get_config

config = get_config()
print(json.dumps({
    "app_name": config.app_name,
    "db_url": config.db_url,
    "telemetry_enabled": config.telemetry_enabled,
    "state_manager_mode": str(config.state_manager_mode),
}))
"""

OFFLINE_VARIABLES = {
    "REFLEX_TELEMETRY_ENABLED": "false",
    "REFLEX_CHECK_LATEST_VERSION": "false",
    "REFLEX_HTTP_CLIENT_BIND_ADDRESS": "0.0.0.0",
}


def _clean_environment(**extra: str) -> dict[str, str]:
    """A minimal environment without any REFLEX_/JO_ variable of the test process."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        # Keep the subprocess off the network; neither variable is an rx.Config field.
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "REFLEX_HTTP_CLIENT_BIND_ADDRESS": OFFLINE_VARIABLES["REFLEX_HTTP_CLIENT_BIND_ADDRESS"],
    }
    environment.update(extra)
    return environment


def _config(**environment: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _PRINT_CONFIG],
        cwd=REPO_ROOT,
        env=_clean_environment(**environment),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_of_rxconfig():
    config = _config()
    assert config == {
        "app_name": "jouw_omgeving",
        # The embedded default: a fresh clone runs on SQLite without any setup.
        "db_url": "sqlite:///reflex.db",
        "telemetry_enabled": False,
        # Memory, not disk: disk mode writes client state unencrypted to .states/.
        "state_manager_mode": "memory",
    }


def test_reflex_db_url_overrides_the_database():
    url = "postgresql+psycopg://app@127.0.0.1:5432/jouw_omgeving"
    assert _config(REFLEX_DB_URL=url)["db_url"] == url


def test_the_makefile_exports_the_offline_variables(tmp_path: Path):
    """Every make target (run, test, migrate, ...) runs with Reflex's network calls off."""
    printer = tmp_path / "print-env.mk"
    printer.write_text("jo-print-env:\n\t@env\n")
    result = subprocess.run(
        ["make", "-s", "-f", "Makefile", "-f", str(printer), "jo-print-env"],
        cwd=REPO_ROOT,
        env=_clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    exported = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)

    for name, value in OFFLINE_VARIABLES.items():
        assert exported.get(name) == value, name
    bun = Path(exported["REFLEX_BUN_PATH"])
    assert bun.is_absolute()
    assert bun.is_relative_to(REPO_ROOT / ".tools")
    assert "NPM_CONFIG_REGISTRY" in exported

    npm = subprocess.run(
        ["npm", "config", "get", "registry"],
        env=_clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if npm.returncode != 0:
        pytest.skip("npm is not available to compare NPM_CONFIG_REGISTRY with")
    # Taken from the machine's npm configuration, never a hard-coded host.
    assert exported["NPM_CONFIG_REGISTRY"] == npm.stdout.strip() != ""
