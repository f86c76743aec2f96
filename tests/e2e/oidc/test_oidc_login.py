"""Staff log in through their organisation's OpenID provider (production build, Chromium)."""

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from jouw_omgeving.db import make_engine
from tests.e2e.oidc_fixture import PROVIDER_LABEL
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

SUBJECT = "lgh-medewerker-0001"


@pytest.fixture(scope="module")
def linked_counsellor(app_server: RunningApp) -> Iterator[str]:
    """Link the demo counsellor ``begeleider1`` to ``SUBJECT`` at the organisation's provider."""
    engine = make_engine(app_server.db_url)
    statement = sa.text("UPDATE app_user SET oidc_subject = :sub WHERE username = :username")
    with engine.begin() as connection:
        assert connection.execute(statement, {"sub": SUBJECT, "username": "begeleider1"}).rowcount
    yield SUBJECT
    with engine.begin() as connection:
        connection.execute(statement, {"sub": None, "username": "begeleider1"})
    engine.dispose()


def log_in_via_organisation(page: Page, subject: str) -> None:
    """Press "Inloggen via ..." and type ``subject`` into the provider's login form."""
    page.goto("/inloggen")
    page.get_by_role("link", name=f"Inloggen via {PROVIDER_LABEL}").click()
    expect(page.get_by_role("heading", name="Testprovider: inloggen")).to_be_visible()
    assert page.url.startswith("http://127.0.0.2:")
    page.get_by_label("Subject (sub)").fill(subject)
    page.get_by_role("button", name="Doorgaan").click()


def test_counsellor_logs_in_via_the_organisation(page: Page, linked_counsellor: str):
    log_in_via_organisation(page, linked_counsellor)
    expect(page).to_have_url(re.compile(r"^http://127\.0\.0\.1:\d+/begeleider/?$"))
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()
    expect(page.locator(".caseload-row").first).to_be_visible()
    cookies = {c["name"]: c for c in page.context.cookies() if c["domain"] == "127.0.0.1"}
    assert cookies["jo_session"]["httpOnly"] and cookies["jo_session"]["sameSite"] == "Lax"
    assert "jo_oidc" not in cookies  # the pending-login binding is gone


def test_unknown_identity_is_refused_in_dutch(page: Page, linked_counsellor: str):
    log_in_via_organisation(page, "iemand-die-niemand-kent")
    expect(page).to_have_url(re.compile(r"/inloggen/?\?fout=onbekend$"))
    expect(page.get_by_role("alert")).to_contain_text("niet gekoppeld aan Jouw Omgeving")
    page.goto("/begeleider")
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))
