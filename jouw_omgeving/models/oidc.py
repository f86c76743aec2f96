"""Pending OpenID Connect logins: what the callback needs to finish one, kept server-side."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class OidcLoginRequest(SQLModel, table=True):
    """One started login at an organisation's provider; single use, valid ~10 minutes.

    Found by the SHA-256 hash of ``state`` (which travels through the provider) and bound to
    the browser that started it by the hash of a random id in an HttpOnly cookie. ``nonce``
    and ``code_verifier`` are only useful together with the authorization code; the row is
    deleted when the callback uses it.
    """

    __tablename__ = "oidc_login_request"

    id: int | None = Field(default=None, primary_key=True)
    state_hash: str = Field(max_length=64, unique=True, index=True)
    browser_hash: str = Field(max_length=64)
    provider_slug: str = Field(max_length=60)
    nonce: str = Field(max_length=128)
    code_verifier: str = Field(max_length=128)
    # A page of the app to open after login (a checked local path), or none for the home.
    return_to: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
