"""Browser-test fixtures: one production server per test run, a fresh browser context per test."""

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.e2e.oidc_fixture import E2EProvider, e2e_oidc_provider  # noqa: F401  (fixture)
from tests.e2e.server import RunningApp, start_app

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str:
    path = os.environ.get("JO_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("chromium is not installed: `make test` installs it (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def app_server(
    tmp_path_factory,
    e2e_oidc_provider: E2EProvider,  # noqa: F811
) -> Iterator[RunningApp]:
    """The real app in production mode on a free loopback port, with demo data.

    It offers staff login via the test OpenID provider (started first, for its port).
    """
    app = start_app(
        tmp_path_factory.mktemp("e2e"),
        port=e2e_oidc_provider.app_port,
        extra_env=e2e_oidc_provider.app_env,
    )
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_server):
    """A fresh browser context (own cookies) per test, with a phone-sized viewport."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def other_page(browser, app_server):
    """A second person's (or a second device's) browser: its own context, so its own cookies."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()
