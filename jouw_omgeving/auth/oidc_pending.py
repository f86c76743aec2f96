"""Pending OpenID Connect logins in the database, so any backend worker can finish one.

Starting a login stores ``state``, ``nonce`` and the PKCE ``code_verifier``; the callback
takes the row back by the hash of ``state`` exactly once. The row is also bound to the
browser that started the login (hash of a random id in an HttpOnly cookie): a callback URL
carried to another browser (login CSRF, a leaked link) finds nothing.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import OidcLoginRequest
from jouw_omgeving.models.base import utcnow

LOGIN_REQUEST_LIFETIME = timedelta(minutes=10)
MAX_SECRET_LENGTH = 200
_SAFE_RETURN = re.compile(r"^/[A-Za-z0-9_-][A-Za-z0-9/_-]{0,198}$")


def _hash(kind: str, secret: str) -> str:
    return hashlib.sha256(f"oidc-{kind}:{secret}".encode()).hexdigest()


def new_browser_id() -> str:
    """A random id for the browser-binding cookie."""
    return secrets.token_urlsafe(32)


def safe_return_path(value: str | None) -> str | None:
    """A local page path to return to after login, or ``None`` (never another host)."""
    if not value or not _SAFE_RETURN.match(value) or value.startswith("/auth/"):
        return None
    return value


@dataclass(frozen=True)
class PendingLogin:
    """What the callback needs to finish a login."""

    provider_slug: str
    state: str
    nonce: str
    code_verifier: str
    return_to: str | None


def pending_login_start(
    session: Session,
    *,
    provider_slug: str,
    browser_id: str,
    return_to: str | None = None,
    now: datetime | None = None,
) -> PendingLogin:
    """Store a new pending login (dropping expired ones) and return its fresh secrets."""
    now = now or utcnow()
    session.exec(sa.delete(OidcLoginRequest).where(OidcLoginRequest.expires_at <= now))
    pending = PendingLogin(
        provider_slug=provider_slug,
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        # RFC 7636: 43 to 128 characters from the unreserved set; 86 here.
        code_verifier=secrets.token_urlsafe(64),
        return_to=safe_return_path(return_to),
    )
    session.add(
        OidcLoginRequest(
            state_hash=_hash("state", pending.state),
            browser_hash=_hash("browser", browser_id),
            provider_slug=provider_slug,
            nonce=pending.nonce,
            code_verifier=pending.code_verifier,
            return_to=pending.return_to,
            created_at=now,
            expires_at=now + LOGIN_REQUEST_LIFETIME,
        )
    )
    session.flush()
    return pending


def pending_login_take(
    session: Session, *, state: str, browser_id: str | None, now: datetime | None = None
) -> PendingLogin | None:
    """Use up the pending login for ``state``; ``None`` if unknown, used, expired or foreign.

    The row is deleted whatever the outcome, and only the request whose delete removed it
    may continue, so two callbacks racing with the same ``state`` cannot both succeed.
    """
    if not state or len(state) > MAX_SECRET_LENGTH:
        return None
    now = now or utcnow()
    row = session.exec(
        select(OidcLoginRequest).where(OidcLoginRequest.state_hash == _hash("state", state))
    ).first()
    if row is None:
        return None
    deleted = session.exec(sa.delete(OidcLoginRequest).where(OidcLoginRequest.id == row.id))
    if deleted.rowcount != 1 or row.expires_at <= now:
        return None
    if not browser_id or len(browser_id) > MAX_SECRET_LENGTH:
        return None
    if not hmac.compare_digest(row.browser_hash, _hash("browser", browser_id)):
        return None
    return PendingLogin(
        provider_slug=row.provider_slug,
        state=state,
        nonce=row.nonce,
        code_verifier=row.code_verifier,
        return_to=row.return_to,
    )
