"""Walk through the test provider's pages with httpx, as a browser would (no mocks)."""

import re
import secrets
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
from authlib.integrations.httpx_client import AsyncOAuth2Client

_FORM_ACTION = re.compile(r'action="([^"]+/(login|abort))"')


def provider_client() -> httpx.AsyncClient:
    """A client with its own cookie jar for the provider (never through a proxy)."""
    return httpx.AsyncClient(trust_env=False, timeout=10)


async def log_in_at_provider(
    client: httpx.AsyncClient, authorize_url: str, sub: str, *, cancel: bool = False
) -> str:
    """Follow the provider from its authorization URL to the redirect back to the client.

    Types ``sub`` into the login form (or presses "Annuleren" with ``cancel``); consent is
    automatic. Returns the redirect URL (``...callback?code=...&state=...&iss=...``).
    """
    url = authorize_url
    provider_origin = "{0.scheme}://{0.netloc}".format(urlsplit(authorize_url))
    for _ in range(12):
        if not url.startswith(provider_origin):
            return url
        response = await client.get(url)
        if response.status_code in (302, 303):
            url = urljoin(url, response.headers["location"])
            continue
        actions = dict((kind, action) for action, kind in _FORM_ACTION.findall(response.text))
        if response.status_code != 200 or "login" not in actions:
            raise AssertionError(
                f"unexpected provider page {response.status_code}: {response.text}"
            )
        if cancel:
            response = await client.post(urljoin(url, actions["abort"]))
        else:
            response = await client.post(urljoin(url, actions["login"]), data={"sub": sub})
        assert response.status_code == 303, response.text
        url = urljoin(url, response.headers["location"])
    raise AssertionError("the provider never sent the browser back")


async def tokens_for_client(
    issuer: str,
    client_id: str,
    client_secret: str,
    redirect_uri: str,
    sub: str,
    nonce: str,
) -> dict:
    """Run a whole code flow for any registered client and return its token response."""
    async with httpx.AsyncClient(trust_env=False, timeout=10) as plain:
        metadata = (await plain.get(f"{issuer}/.well-known/openid-configuration")).json()
    verifier = secrets.token_urlsafe(48)
    async with AsyncOAuth2Client(
        client_id=client_id,
        client_secret=client_secret,
        code_challenge_method="S256",
        scope="openid",
        redirect_uri=redirect_uri,
        trust_env=False,
        timeout=10,
    ) as oauth:
        url, state = oauth.create_authorization_url(
            metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
        async with provider_client() as browser:
            back = await log_in_at_provider(browser, url, sub)
        query = parse_qs(urlsplit(back).query)
        assert query["state"] == [state]
        return dict(
            await oauth.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=query["code"][0],
                code_verifier=verifier,
            )
        )
