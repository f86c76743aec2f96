"""ID-token checks and provider metadata caching, with real tokens from the test provider."""

import json
import time
from collections.abc import Iterator

import pytest
from joserfc.jwk import RSAKey

from jouw_omgeving.auth import oidc_client
from jouw_omgeving.auth.oidc import callback_url
from jouw_omgeving.auth.oidc_errors import OidcError, OidcRefusal
from jouw_omgeving.settings import OidcProviderSettings, get_settings
from tests.oidc_provider.fixture import (  # noqa: F401  (oidc_provider is a fixture)
    APP_CLIENT_ID,
    APP_CLIENT_SECRET,
    OTHER_CLIENT_ID,
    OTHER_CLIENT_SECRET,
    RunningProvider,
    oidc_provider,
)
from tests.oidc_provider.flow import tokens_for_client

pytestmark = pytest.mark.anyio

NONCE = "de-nonce-van-deze-test"


@pytest.fixture
def provider(oidc_provider: RunningProvider) -> Iterator[OidcProviderSettings]:  # noqa: F811
    """The app's settings for the test provider, with empty caches."""
    oidc_client.clear_caches()
    yield OidcProviderSettings(**oidc_provider.settings("org", "Test"))
    oidc_client.clear_caches()


async def app_tokens(issuer: str, sub: str = "medewerker", nonce: str = NONCE) -> dict:
    """A real token response for the app's client."""
    return await tokens_for_client(
        issuer, APP_CLIENT_ID, APP_CLIENT_SECRET, callback_url(), sub, nonce
    )


async def refused(provider: OidcProviderSettings, tokens: dict, **kwargs) -> OidcRefusal:
    """The refusal code ``validate_id_token`` raises (fails the test when it accepts)."""
    metadata = await oidc_client.provider_metadata(provider)
    with pytest.raises(OidcError) as caught:
        await oidc_client.validate_id_token(provider, metadata, tokens, **kwargs)
    return caught.value.code


async def test_a_genuine_id_token_is_accepted(provider):
    tokens = await app_tokens(provider.issuer, sub="jansen")
    metadata = await oidc_client.provider_metadata(provider)
    claims = await oidc_client.validate_id_token(provider, metadata, tokens, nonce=NONCE)
    assert claims["sub"] == "jansen" and claims["aud"] == APP_CLIENT_ID
    assert claims["iss"] == provider.issuer and claims["nonce"] == NONCE


async def test_id_token_with_another_nonce_is_refused(provider):
    tokens = await app_tokens(provider.issuer)
    assert await refused(provider, tokens, nonce="een-andere-nonce") == "ongeldig"


async def test_id_token_issued_to_another_client_is_refused(provider):
    tokens = await tokens_for_client(
        provider.issuer,
        OTHER_CLIENT_ID,
        OTHER_CLIENT_SECRET,
        callback_url(),
        "medewerker",
        NONCE,
    )
    assert await refused(provider, tokens, nonce=NONCE) == "ongeldig"


async def test_id_token_with_a_broken_signature_is_refused(provider):
    tokens = await app_tokens(provider.issuer)
    header, payload, signature = tokens["id_token"].split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    tokens["id_token"] = f"{header}.{payload}.{flipped}"
    assert await refused(provider, tokens, nonce=NONCE) == "ongeldig"


async def test_expired_id_token_is_refused(provider):
    tokens = await app_tokens(provider.issuer)
    # An hour later than the provider's ten-minute lifetime allows (leeway is a minute).
    later = int(time.time()) + 3600
    assert await refused(provider, tokens, nonce=NONCE, now=later) == "ongeldig"


async def test_id_token_of_another_issuer_is_refused(provider):
    tokens = await app_tokens(provider.issuer)
    # Same keys and endpoints, but we expect another issuer in the token.
    metadata = dict(await oidc_client.provider_metadata(provider), issuer="https://other.example")
    impostor = provider.model_copy(update={"issuer": "https://other.example"})
    with pytest.raises(OidcError) as caught:
        await oidc_client.validate_id_token(impostor, metadata, tokens, nonce=NONCE)
    assert caught.value.code == "ongeldig"


async def test_rotated_keys_are_fetched_again_once(provider):
    tokens = await app_tokens(provider.issuer)
    metadata = await oidc_client.provider_metadata(provider)
    stale = RSAKey.generate_key(2048, parameters={"kid": "oude-sleutel", "use": "sig"})
    oidc_client._jwks_cache[provider.issuer] = oidc_client._Cached(
        {"keys": [stale.as_dict(private=False)]}, time.monotonic()
    )
    claims = await oidc_client.validate_id_token(provider, metadata, tokens, nonce=NONCE)
    assert claims["sub"] == "medewerker"
    kids = [key["kid"] for key in oidc_client._jwks_cache[provider.issuer].value["keys"]]
    assert "oude-sleutel" not in kids


async def test_discovery_is_cached_until_the_ttl_ends(provider, monkeypatch):
    first = await oidc_client.provider_metadata(provider)
    assert await oidc_client.provider_metadata(provider) is first
    monkeypatch.setenv("JO_OIDC_METADATA_TTL_SECONDS", "0")
    get_settings.cache_clear()
    try:
        again = await oidc_client.provider_metadata(provider)
    finally:
        get_settings.cache_clear()
    assert again is not first and again == first


async def test_discovery_for_another_issuer_is_refused(provider):
    # The configured issuer must be exactly the one the discovery document names.
    lookalike = provider.model_copy(update={"issuer": provider.issuer + "/"})
    with pytest.raises(OidcError) as caught:
        await oidc_client.provider_metadata(lookalike)
    assert caught.value.code == "provider"


def test_secret_never_shows_in_settings_output(provider):
    assert APP_CLIENT_SECRET not in repr(provider)
    assert APP_CLIENT_SECRET not in json.dumps(provider.model_dump(mode="json"))
