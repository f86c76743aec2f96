"""Staff login via an organisation's OpenID provider, end to end through the HTTP routes.

A real provider (npm oidc-provider, ``tests/oidc_provider``) runs on 127.0.0.2; the app's
Starlette routes run in-process (httpx ``ASGITransport``) on the app's own test database.
Nothing is mocked: every redirect, form post, token request and key fetch really happens.
"""

import base64
import hashlib
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from jouw_omgeving.auth import oidc_client
from jouw_omgeving.auth.cookies import session_cookie_name
from jouw_omgeving.auth.oidc import callback_url
from jouw_omgeving.auth.oidc_pending import _hash as pending_hash
from jouw_omgeving.auth.routes import auth_routes
from jouw_omgeving.auth.sessions import session_resolve
from jouw_omgeving.db import db_session
from jouw_omgeving.models import LoginSession, OidcLoginRequest, Organisation, User
from jouw_omgeving.settings import get_settings
from tests.e2e.server import free_port
from tests.factories import make_counsellor, make_organisation, make_participant, make_partner
from tests.factories import unique as unique_name
from tests.oidc_provider.fixture import (  # noqa: F401  (oidc_provider is a fixture)
    APP_CLIENT_ID,
    RunningProvider,
    oidc_provider,
)
from tests.oidc_provider.flow import log_in_at_provider, provider_client

pytestmark = pytest.mark.anyio

APP_BASE = callback_url().removesuffix("/auth/oidc/callback")


@pytest.fixture
def organisation(app_db: str) -> Organisation:
    """A fresh organisation in the app's database (committed: the routes open sessions)."""
    with db_session() as session:
        return make_organisation(session, name=unique_name("Organisatie"))


@dataclass(frozen=True)
class Setup:
    """The configured provider's slug and the organisation it serves."""

    slug: str
    organisation: Organisation


@pytest.fixture
def configured(
    oidc_provider: RunningProvider,  # noqa: F811
    organisation: Organisation,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Setup]:
    """JO_OIDC_PROVIDERS names the test provider for ``organisation``."""
    slug = unique_name("org").lower()
    entry = oidc_provider.settings(str(organisation.public_id), "Testorganisatie", slug=slug)
    monkeypatch.setenv("JO_OIDC_PROVIDERS", json.dumps([entry]))
    get_settings.cache_clear()
    oidc_client.clear_caches()
    yield Setup(slug, organisation)
    get_settings.cache_clear()
    oidc_client.clear_caches()


@pytest.fixture
async def browser() -> AsyncIterator[httpx.AsyncClient]:
    """The app's routes as one browser sees them (its own cookie jar)."""
    async with _app_client() as client:
        yield client


def _app_client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=auth_routes(), client=("127.0.0.1", 50000))
    return httpx.AsyncClient(transport=transport, base_url=APP_BASE)


def linked(setup: Setup, make=make_counsellor, **fields) -> User:
    """A user of the provider's organisation linked to a fresh ``sub`` (committed)."""
    with db_session() as session:
        return make(
            session,
            organisation=setup.organisation,
            oidc_subject=unique_name("sub"),
            **fields,
        )


def session_count() -> int:
    """All server-side sessions in the app database."""
    with db_session() as session:
        return session.exec(select(sa.func.count()).select_from(LoginSession)).one()


def pending_count() -> int:
    """All pending OIDC logins in the app database."""
    with db_session() as session:
        return session.exec(select(sa.func.count()).select_from(OidcLoginRequest)).one()


def pending_row(state: str) -> OidcLoginRequest | None:
    """The stored pending login for ``state``."""
    with db_session() as session:
        return session.exec(
            select(OidcLoginRequest).where(
                OidcLoginRequest.state_hash == pending_hash("state", state)
            )
        ).first()


async def start(browser: httpx.AsyncClient, slug: str) -> str:
    """Press "Inloggen via ..." and return the provider URL the app sends the browser to."""
    response = await browser.get(f"/auth/oidc/{slug}/login")
    assert response.status_code == 303, response.text
    return response.headers["location"]


async def back_from_provider(authorize_url: str, sub: str, **kwargs) -> str:
    """The callback URL (path + query) after logging in at the provider as ``sub``."""
    async with provider_client() as client:
        url = await log_in_at_provider(client, authorize_url, sub, **kwargs)
    assert url.startswith(f"{APP_BASE}/auth/oidc/callback?")
    return url.removeprefix(APP_BASE)


async def log_in(browser: httpx.AsyncClient, slug: str, sub: str) -> httpx.Response:
    """The whole flow; returns the app's answer to the provider's redirect."""
    return await browser.get(await back_from_provider(await start(browser, slug), sub))


def refusal(response: httpx.Response) -> str | None:
    """The ``fout`` code of a redirect to the login page (None when not refused)."""
    assert response.status_code == 303, response.text
    target = urlsplit(response.headers["location"])
    if target.path != "/inloggen":
        return None
    return parse_qs(target.query)["fout"][0]


def session_cookie(response: httpx.Response) -> str | None:
    """The Set-Cookie header that sets the session cookie, if any."""
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{session_cookie_name()}="):
            return header
    return None


def query_of(url: str) -> dict[str, str]:
    """The single-valued query parameters of ``url``."""
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


# --- success --------------------------------------------------------------------------------


async def test_known_counsellor_gets_a_session_and_lands_on_the_caseload(browser, configured):
    user = linked(configured)
    authorize_url = await start(browser, configured.slug)
    query = query_of(authorize_url)
    assert query["response_type"] == "code" and query["scope"] == "openid"
    assert query["redirect_uri"] == callback_url()
    assert query["client_id"] == APP_CLIENT_ID and "client_secret" not in authorize_url
    assert query["code_challenge_method"] == "S256"
    # The challenge is the S256 hash of the verifier kept server-side for this state.
    row = pending_row(query["state"])
    digest = hashlib.sha256(row.code_verifier.encode()).digest()
    assert query["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert row.nonce == query["nonce"] and query["state"] not in (row.state_hash, row.nonce)

    response = await browser.get(await back_from_provider(authorize_url, user.oidc_subject))

    assert response.status_code == 303 and response.headers["location"] == "/begeleider"
    header = session_cookie(response)
    assert header is not None
    attributes = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "samesite=lax", "path=/"} <= attributes
    token = header.split(";")[0].split("=", 1)[1]
    with db_session() as session:
        assert session_resolve(session, token=token).id == user.id
    assert pending_row(query["state"]) is None  # used up


async def test_partner_worker_lands_on_the_partner_page(browser, configured):
    user = linked(configured, make=make_partner)
    response = await log_in(browser, configured.slug, user.oidc_subject)
    assert response.headers["location"] == "/ketenpartner" and session_cookie(response)


# --- refusals -------------------------------------------------------------------------------


async def test_unknown_subject_is_refused_without_a_session(browser, configured):
    before = session_count()
    response = await log_in(browser, configured.slug, unique_name("nobody"))
    assert refusal(response) == "onbekend"
    assert session_cookie(response) is None and session_count() == before


async def test_participant_with_that_subject_is_refused(browser, configured):
    participant = linked(configured, make=make_participant, with_counsellor=False)
    before = session_count()
    response = await log_in(browser, configured.slug, participant.oidc_subject)
    assert refusal(response) == "geen-medewerker"
    assert session_cookie(response) is None and session_count() == before


async def test_inactive_staff_member_is_refused(browser, configured):
    user = linked(configured, active=False)
    response = await log_in(browser, configured.slug, user.oidc_subject)
    assert refusal(response) == "inactief" and session_cookie(response) is None


async def test_same_subject_in_another_organisation_is_not_mapped(browser, configured):
    with db_session() as session:
        other = make_counsellor(session, oidc_subject=unique_name("sub"))
    response = await log_in(browser, configured.slug, other.oidc_subject)
    assert refusal(response) == "onbekend"


async def test_tampered_state_is_refused(browser, configured):
    user = linked(configured)
    callback = await back_from_provider(await start(browser, configured.slug), user.oidc_subject)
    query = query_of(callback)
    tampered = dict(query, state=query["state"][:-2] + "xx")
    before = session_count()
    response = await browser.get(f"/auth/oidc/callback?{urlencode(tampered)}")
    assert refusal(response) == "verlopen" and session_count() == before


async def test_replayed_callback_is_refused(browser, configured):
    user = linked(configured)
    callback = await back_from_provider(await start(browser, configured.slug), user.oidc_subject)
    assert refusal(await browser.get(callback)) is None
    before = session_count()
    again = await browser.get(callback)
    assert refusal(again) == "verlopen" and session_cookie(again) is None
    assert session_count() == before


async def test_callback_in_another_browser_is_refused(browser, configured):
    """Login CSRF: a callback URL carried to another browser lacks the binding cookie."""
    user = linked(configured)
    callback = await back_from_provider(await start(browser, configured.slug), user.oidc_subject)
    async with _app_client() as victim:
        response = await victim.get(callback)
    assert refusal(response) == "verlopen" and session_cookie(response) is None
    # The attempt burnt the pending login: the original browser cannot use it either.
    assert refusal(await browser.get(callback)) == "verlopen"


async def test_wrong_pkce_verifier_is_refused_by_the_provider(browser, configured):
    user = linked(configured)
    authorize_url = await start(browser, configured.slug)
    with db_session() as session:
        row = session.get(OidcLoginRequest, pending_row(query_of(authorize_url)["state"]).id)
        row.code_verifier = "x" * 60
        session.add(row)
    response = await browser.get(await back_from_provider(authorize_url, user.oidc_subject))
    assert refusal(response) == "ongeldig" and session_cookie(response) is None


async def test_expired_pending_login_is_refused(browser, configured):
    user = linked(configured)
    authorize_url = await start(browser, configured.slug)
    callback = await back_from_provider(authorize_url, user.oidc_subject)
    with db_session() as session:
        row = session.get(OidcLoginRequest, pending_row(query_of(authorize_url)["state"]).id)
        row.expires_at = row.created_at
        session.add(row)
    assert refusal(await browser.get(callback)) == "verlopen"


async def test_cancelling_at_the_provider_is_explained(browser, configured):
    callback = await back_from_provider(await start(browser, configured.slug), "", cancel=True)
    assert query_of(callback)["error"] == "access_denied"
    assert refusal(await browser.get(callback)) == "geweigerd"


async def test_response_naming_another_issuer_is_refused(browser, configured):
    user = linked(configured)
    callback = await back_from_provider(await start(browser, configured.slug), user.oidc_subject)
    mixed_up = dict(query_of(callback), iss="https://evil.example")
    response = await browser.get(f"/auth/oidc/callback?{urlencode(mixed_up)}")
    assert refusal(response) == "ongeldig"


async def test_unknown_provider_slug(browser, configured):
    response = await browser.get("/auth/oidc/bestaat-niet/login")
    assert refusal(response) == "organisatie-onbekend"


async def test_unreachable_provider_gives_a_message_not_a_stack_trace(
    browser, organisation, monkeypatch
):
    closed = free_port()
    entry = {
        "organisation": organisation.name,
        "label": "Kapot",
        "issuer": f"http://127.0.0.1:{closed}",
        "client_id": "x",
        "client_secret": "y",
    }
    monkeypatch.setenv("JO_OIDC_PROVIDERS", json.dumps([entry]))
    monkeypatch.setenv("JO_OIDC_HTTP_TIMEOUT_SECONDS", "2")
    get_settings.cache_clear()
    before = pending_count()
    try:
        response = await browser.get("/auth/oidc/kapot/login")
    finally:
        get_settings.cache_clear()
    assert refusal(response) == "provider"
    assert pending_count() == before  # nothing stored for a provider we could not reach
