"""Server-side login sessions.

The browser only ever holds a random token in an HttpOnly cookie; the database keeps its
SHA-256 hash. A login made in a Reflex form first creates a *pending* session reachable by a
one-time exchange code (valid for a minute); the ``/auth/exchange`` route swaps that code for
the real token and sets the cookie. Domain-separated hashes keep the two kinds of secret apart.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from jouw_omgeving.models import LoginSession, Organisation, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.settings import get_settings

EXCHANGE_CODE_LIFETIME = timedelta(seconds=60)
# Writing last_seen_at on every event would be a write per click; a minute is precise enough.
_TOUCH_INTERVAL = timedelta(seconds=60)


def _hash(kind: str, secret: str) -> str:
    return hashlib.sha256(f"{kind}:{secret}".encode()).hexdigest()


@dataclass(frozen=True)
class SessionLifetime:
    """Idle timeout and absolute lifetime for one user's sessions."""

    idle_seconds: int
    absolute_seconds: int


# An organisation may set its own lifetimes (minutes) in ``Organisation.settings``; values
# outside these ranges are ignored, so a bad JSON edit can never make sessions endless.
ORGANISATION_SESSION_KEY = "session_minutes"
SESSION_MINUTE_RANGES: dict[str, tuple[int, int]] = {
    "staff_idle": (5, 240),
    "staff_absolute": (30, 1440),
    "participant_idle": (5, 240),
    "participant_absolute": (30, 1440),
}


def _organisation_minutes(session: Session, user: User) -> dict[str, object]:
    if user.organisation_id is None:
        return {}
    organisation = session.get(Organisation, user.organisation_id)
    minutes = (organisation.settings or {}).get(ORGANISATION_SESSION_KEY) if organisation else None
    return minutes if isinstance(minutes, dict) else {}


def _seconds(minutes: object, key: str, default_seconds: int) -> int:
    low, high = SESSION_MINUTE_RANGES[key]
    if isinstance(minutes, int) and not isinstance(minutes, bool) and low <= minutes <= high:
        return minutes * 60
    return default_seconds


def lifetime_for(session: Session, user: User) -> SessionLifetime:
    """The user's organisation's lifetimes where it set them, else the deployment's.

    Participants (and network members) get a longer idle timeout than staff by default.
    """
    settings = get_settings()
    if user.role in (Role.PARTICIPANT, Role.NETWORK_MEMBER):
        who, idle, absolute = (
            "participant",
            settings.participant_idle_seconds,
            settings.participant_absolute_seconds,
        )
    else:
        who, idle, absolute = "staff", settings.staff_idle_seconds, settings.staff_absolute_seconds
    minutes = _organisation_minutes(session, user)
    idle = _seconds(minutes.get(f"{who}_idle"), f"{who}_idle", idle)
    absolute = _seconds(minutes.get(f"{who}_absolute"), f"{who}_absolute", absolute)
    return SessionLifetime(min(idle, absolute), absolute)


def session_start_pending(
    session: Session, *, user: User, client_address: str | None, now: datetime | None = None
) -> str:
    """Create a pending session and return its one-time exchange code."""
    now = now or utcnow()
    code = secrets.token_urlsafe(32)
    lifetime = lifetime_for(session, user)
    session.add(
        LoginSession(
            token_hash=_hash("exchange", code),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            idle_timeout_seconds=lifetime.idle_seconds,
            expires_at=now + EXCHANGE_CODE_LIFETIME,
            client_address=client_address,
        )
    )
    session.flush()
    return code


def session_start(
    session: Session, *, user: User, client_address: str | None, now: datetime | None = None
) -> str:
    """Create a full session at once and return its token (for logins finished in a route).

    Used where the login ends in an HTTP response that can set the cookie itself (the
    OpenID Connect callback), so no exchange code is needed.
    """
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    lifetime = lifetime_for(session, user)
    session.add(
        LoginSession(
            token_hash=_hash("session", token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            idle_timeout_seconds=lifetime.idle_seconds,
            expires_at=now + timedelta(seconds=lifetime.absolute_seconds),
            client_address=client_address,
        )
    )
    session.flush()
    return token


def session_exchange(session: Session, *, code: str, now: datetime | None = None) -> str | None:
    """Swap a one-time exchange code for a session token; ``None`` if invalid or used."""
    now = now or utcnow()
    row = session.exec(
        select(LoginSession).where(LoginSession.token_hash == _hash("exchange", code))
    ).first()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    token = secrets.token_urlsafe(32)
    row.token_hash = _hash("session", token)
    row.last_seen_at = now
    row.expires_at = now + timedelta(seconds=lifetime_for(session, user).absolute_seconds)
    session.add(row)
    session.flush()
    return token


@dataclass(frozen=True)
class SessionCheck:
    """A valid session's user, and whether its activity is due to be recorded."""

    user: User
    session_id: int
    touch_due: bool


def session_check(
    session: Session, *, token: str | None, now: datetime | None = None
) -> SessionCheck | None:
    """The user of a session token valid now, without writing (``None`` when not valid).

    Runs in a read-only transaction; when ``touch_due``, record the activity with
    :func:`session_touch` in a (short) write transaction of its own.
    """
    if not token:
        return None
    now = now or utcnow()
    found = session.exec(
        select(LoginSession, User)
        .join(User, User.id == LoginSession.user_id)
        .where(LoginSession.token_hash == _hash("session", token))
    ).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or row.expires_at <= now:
        return None
    if now - row.last_seen_at > timedelta(seconds=row.idle_timeout_seconds):
        return None
    if not user.active:
        return None
    return SessionCheck(user, row.id, now - row.last_seen_at >= _TOUCH_INTERVAL)


def session_touch(
    session: Session, *, session_id: int, user_id: int, now: datetime | None = None
) -> None:
    """Record activity on a session (and its user), unless it was revoked meanwhile."""
    now = now or utcnow()
    row = session.get(LoginSession, session_id)
    if row is None or row.revoked_at is not None:
        return
    row.last_seen_at = max(row.last_seen_at, now)
    session.add(row)
    user = session.get(User, user_id)
    if user is not None:
        user.last_active_at = now
        session.add(user)


def session_resolve(
    session: Session, *, token: str | None, now: datetime | None = None
) -> User | None:
    """Return the active user for a session token, or ``None`` when it is not valid now.

    Records the activity (at most once a minute) in the same transaction.
    """
    now = now or utcnow()
    check = session_check(session, token=token, now=now)
    if check is None:
        return None
    if check.touch_due:
        session_touch(session, session_id=check.session_id, user_id=check.user.id, now=now)
    return check.user


def session_revoke(session: Session, *, token: str | None, now: datetime | None = None) -> None:
    """End one session (logout). Unknown tokens are ignored."""
    if not token:
        return
    row = session.exec(
        select(LoginSession).where(LoginSession.token_hash == _hash("session", token))
    ).first()
    if row is not None and row.revoked_at is None:
        row.revoked_at = now or utcnow()
        session.add(row)


def session_revoke_all(session: Session, *, user_id: int, now: datetime | None = None) -> int:
    """End every open session of a user ("log out everywhere"); return how many."""
    now = now or utcnow()
    rows = session.exec(
        select(LoginSession).where(
            LoginSession.user_id == user_id, LoginSession.revoked_at.is_(None)
        )
    ).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)
