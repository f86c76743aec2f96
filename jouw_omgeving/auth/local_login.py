"""Username + password/PIN login, with throttling per account and per client address."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.auth.passwords import verify_secret
from jouw_omgeving.models import LoginAttempt, User
from jouw_omgeving.models.base import utcnow

THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20


@dataclass(frozen=True)
class LoginOutcome:
    """The result of a login attempt. ``user`` is set only on success."""

    user: User | None
    locked: bool = False


def _recent_failures(session: Session, column, value: str, since: datetime) -> int:
    return session.exec(
        select(sa.func.count())
        .select_from(LoginAttempt)
        .where(column == value, LoginAttempt.succeeded.is_(False))
        .where(LoginAttempt.attempted_at > since)
    ).one()


def login_check(
    session: Session,
    *,
    username: str,
    secret: str,
    client_address: str,
    now: datetime | None = None,
) -> LoginOutcome:
    """Verify a username with its password or PIN. Slow (argon2): run it in a thread.

    The caller shows one message for every failure, so nobody learns which part was wrong.
    """
    now = now or utcnow()
    username = username.strip().lower()
    since = now - THROTTLE_WINDOW
    if (
        _recent_failures(session, LoginAttempt.username, username, since)
        >= MAX_FAILURES_PER_ACCOUNT
        or _recent_failures(session, LoginAttempt.client_address, client_address, since)
        >= MAX_FAILURES_PER_ADDRESS
    ):
        return LoginOutcome(user=None, locked=True)
    user = session.exec(select(User).where(User.username == username)).first()
    ok = verify_secret(user.password_hash if user else None, secret)
    ok = ok and user is not None and user.active
    session.add(
        LoginAttempt(
            username=username, client_address=client_address, succeeded=ok, attempted_at=now
        )
    )
    return LoginOutcome(user=user if ok else None)
