"""Talking to an organisation's OpenID provider: discovery, signing keys, code, ID token.

Every request is asynchronous (httpx through Authlib's ``AsyncOAuth2Client``) with a
timeout, so a slow provider never blocks the event loop. Discovery documents and key sets
are cached per issuer for ``oidc_metadata_ttl_seconds``; an ID token signed with an unknown
key id makes us fetch the key set once more (the provider rotated its keys).
Every failure becomes an :class:`OidcError` with a short code the login page explains.
"""

import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from jouw_omgeving.auth.oidc_errors import OidcError, OidcRefusal
from jouw_omgeving.settings import OidcProviderSettings, get_settings

PROVIDER_FAILED = OidcRefusal.PROVIDER_FAILED
INVALID_RESPONSE = OidcRefusal.INVALID_RESPONSE

# Asymmetric signatures only: "none" and HMAC (keyed with the client secret) are refused.
ALLOWED_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}
    | {"EdDSA", "Ed25519"}
)
# Clock skew we tolerate between us and the provider (exp, iat).
CLOCK_LEEWAY_SECONDS = 60
_REQUIRED_METADATA = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")


@dataclass(frozen=True)
class _Cached:
    value: dict[str, Any]
    fetched_at: float


_metadata_cache: dict[str, _Cached] = {}
_jwks_cache: dict[str, _Cached] = {}


def clear_caches() -> None:
    """Forget every cached discovery document and key set."""
    _metadata_cache.clear()
    _jwks_cache.clear()


def _fresh(entry: _Cached | None) -> bool:
    ttl = get_settings().oidc_metadata_ttl_seconds
    return entry is not None and time.monotonic() - entry.fetched_at < ttl


def _timeout() -> httpx.Timeout:
    return httpx.Timeout(get_settings().oidc_http_timeout_seconds)


async def _get_json(url: str) -> dict[str, Any]:
    """GET a JSON object; any transport, status or format problem is a provider failure."""
    try:
        async with httpx.AsyncClient(timeout=_timeout(), follow_redirects=False) as client:
            response = await client.get(url, headers={"Accept": "application/json"})
            response.raise_for_status()
            data = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise OidcError(PROVIDER_FAILED, f"GET {url}: {error!r}") from error
    if not isinstance(data, dict):
        raise OidcError(PROVIDER_FAILED, f"GET {url}: not a JSON object")
    return data


def discovery_url(provider: OidcProviderSettings) -> str:
    """Where the provider publishes its configuration (OpenID Connect Discovery 1.0)."""
    return f"{provider.issuer.rstrip('/')}/.well-known/openid-configuration"


async def provider_metadata(provider: OidcProviderSettings) -> dict[str, Any]:
    """The provider's discovery document, checked to belong to the configured issuer."""
    cached = _metadata_cache.get(provider.issuer)
    if _fresh(cached):
        return cached.value
    metadata = await _get_json(discovery_url(provider))
    missing = [key for key in _REQUIRED_METADATA if not isinstance(metadata.get(key), str)]
    if missing:
        raise OidcError(PROVIDER_FAILED, f"discovery document lacks {missing}")
    if metadata["issuer"] != provider.issuer:
        raise OidcError(PROVIDER_FAILED, f"discovery issuer {metadata['issuer']!r} differs")
    _metadata_cache[provider.issuer] = _Cached(metadata, time.monotonic())
    return metadata


async def _key_set(metadata: dict[str, Any], *, force: bool = False) -> KeySet:
    issuer = metadata["issuer"]
    cached = _jwks_cache.get(issuer)
    if force or not _fresh(cached):
        cached = _Cached(await _get_json(metadata["jwks_uri"]), time.monotonic())
        _jwks_cache[issuer] = cached
    try:
        return KeySet.import_key_set(cached.value)
    except (JoseError, KeyError, TypeError, ValueError) as error:
        raise OidcError(PROVIDER_FAILED, f"unusable key set: {error!r}") from error


def _oauth_client(provider: OidcProviderSettings, metadata: dict[str, Any], **kwargs: Any):
    methods = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    method = "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
    return AsyncOAuth2Client(
        client_id=provider.client_id,
        token_endpoint_auth_method=method,
        code_challenge_method="S256",
        scope="openid",
        timeout=_timeout(),
        follow_redirects=False,
        **kwargs,
    )


async def authorization_url(
    provider: OidcProviderSettings,
    metadata: dict[str, Any],
    *,
    redirect_uri: str,
    state: str,
    nonce: str,
    code_verifier: str,
) -> str:
    """The provider's authorization URL: code flow, PKCE S256, state and nonce."""
    async with _oauth_client(provider, metadata, redirect_uri=redirect_uri) as client:
        url, _state = client.create_authorization_url(
            metadata["authorization_endpoint"],
            state=state,
            code_verifier=code_verifier,
            nonce=nonce,
        )
    return url


async def exchange_code(
    provider: OidcProviderSettings,
    metadata: dict[str, Any],
    *,
    code: str,
    redirect_uri: str,
    code_verifier: str,
) -> dict[str, Any]:
    """Swap the authorization code (with the PKCE verifier) for tokens at the provider."""
    secret = provider.client_secret.get_secret_value()
    try:
        async with _oauth_client(provider, metadata, client_secret=secret) as client:
            token = await client.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                redirect_uri=redirect_uri,
                code_verifier=code_verifier,
            )
    except OAuthError as error:  # the provider answered, and refused (bad code, verifier, ...)
        raise OidcError(INVALID_RESPONSE, f"token request refused: {error!r}") from error
    except (httpx.HTTPError, ValueError) as error:
        raise OidcError(PROVIDER_FAILED, f"token request failed: {error!r}") from error
    if not isinstance(token, dict) or not isinstance(token.get("id_token"), str):
        raise OidcError(INVALID_RESPONSE, "token response without id_token")
    return dict(token)


def _decode(id_token: str, keys: KeySet, algorithms: list[str]) -> jwt.Token:
    return jwt.decode(id_token, keys, algorithms=algorithms)


async def validate_id_token(
    provider: OidcProviderSettings,
    metadata: dict[str, Any],
    token: dict[str, Any],
    *,
    nonce: str,
    now: int | None = None,
) -> dict[str, Any]:
    """Check the ID token's signature and its iss, aud, azp, exp, iat, nonce and at_hash.

    Returns the claims; raises :class:`OidcError` when anything is off.
    """
    advertised = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    algorithms = [alg for alg in advertised if alg in ALLOWED_ALGORITHMS]
    id_token = token.get("id_token")
    if not algorithms or not isinstance(id_token, str):
        raise OidcError(INVALID_RESPONSE, "no usable id_token or signing algorithm")
    try:
        try:
            decoded = _decode(id_token, await _key_set(metadata), algorithms)
        except InvalidKeyIdError:
            # The provider may have rotated its keys since we cached them: fetch once more.
            decoded = _decode(id_token, await _key_set(metadata, force=True), algorithms)
        claims = CodeIDToken(
            decoded.claims,
            decoded.header,
            {
                "iss": {"essential": True, "value": provider.issuer},
                "aud": {"essential": True, "value": provider.client_id},
                "sub": {"essential": True},
                "exp": {"essential": True},
                "iat": {"essential": True},
                "nonce": {"essential": True, "value": nonce},
            },
            {
                "nonce": nonce,
                "client_id": provider.client_id,
                "access_token": token.get("access_token"),
            },
        )
        claims.validate(now=now, leeway=CLOCK_LEEWAY_SECONDS)
    except (JoseError, ValueError) as error:
        raise OidcError(INVALID_RESPONSE, f"id_token refused: {error!r}") from error
    return dict(claims)
