"""Username + password/PIN login, then (staff only) a TOTP code; both throttled.

1. :func:`login_check` verifies username and password or PIN. A participant or network member
   is then logged in; a staff user is *pending*: the caller keeps the user id on the server
   and asks for the second factor.
2. :func:`second_factor_check` verifies the 6-digit code (or, when the user has no secret yet,
   confirms a new secret and stores it: enrolment).

Wrong passwords and wrong codes count against the same account and address
(:mod:`jouw_omgeving.auth.throttle`). The caller shows one message for every failure, so
nobody learns which part was wrong.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from jouw_omgeving.auth.passwords import verify_secret
from jouw_omgeving.auth.throttle import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_ADDRESS,
    THROTTLE_WINDOW,
    Throttle,
    throttle_begin,
    throttle_forget,
    throttle_succeeded,
)
from jouw_omgeving.auth.totp import needs_second_factor, totp_code_ok
from jouw_omgeving.models import User
from jouw_omgeving.models.base import utcnow

__all__ = [
    "MAX_FAILURES_PER_ACCOUNT",
    "MAX_FAILURES_PER_ADDRESS",
    "THROTTLE_WINDOW",
    "LoginOutcome",
    "login_check",
    "second_factor_check",
]


@dataclass(frozen=True)
class LoginOutcome:
    """The result of one login step.

    ``user`` is set only when the login is complete. ``pending_user_id`` is set when the
    password was right but a second factor must follow (``needs_enrolment``: the user has
    no TOTP secret yet). ``locked`` / ``wait_seconds``: the throttle refused to check.
    """

    user: User | None = None
    pending_user_id: int | None = None
    pending_username: str = ""
    needs_enrolment: bool = False
    locked: bool = False
    wait_seconds: int = 0

    @classmethod
    def throttled(cls, verdict: Throttle) -> "LoginOutcome":
        """The outcome when the throttle refused to check at all."""
        return cls(locked=verdict.locked, wait_seconds=verdict.wait_seconds)


def login_check(
    session: Session,
    *,
    username: str,
    secret: str,
    client_address: str,
    now: datetime | None = None,
) -> LoginOutcome:
    """Verify a username with its password or PIN. Slow (argon2): run it in a thread."""
    now = now or utcnow()
    username = username.strip().lower()
    verdict, attempt = throttle_begin(session, key=username, client_address=client_address, now=now)
    if attempt is None:
        return LoginOutcome.throttled(verdict)
    user = session.exec(select(User).where(User.username == username)).first()
    stored_hash = user.password_hash if user else None
    # End the read before the slow hash: on SQLite, a transaction that read and then writes
    # after another connection committed fails at once ("database is locked").
    session.commit()
    ok = verify_secret(stored_hash, secret)
    if not ok or user is None or not user.active:
        return LoginOutcome()
    if needs_second_factor(user):
        # Right password, but no login yet: neither a failure nor a success.
        throttle_forget(session, attempt)
        return LoginOutcome(
            pending_user_id=user.id,
            pending_username=user.username or "",
            needs_enrolment=not user.totp_secret,
        )
    throttle_succeeded(session, attempt)
    return LoginOutcome(user=user)


def second_factor_check(
    session: Session,
    *,
    user_id: int,
    code: str,
    client_address: str,
    new_secret: str | None = None,
    now: datetime | None = None,
) -> LoginOutcome:
    """Verify the TOTP code of a pending staff user; with ``new_secret``, enrol it.

    Enrolment only happens while the user has no secret: a second enrolment (another tab,
    another device) never replaces a secret that is already set.
    """
    now = now or utcnow()
    user = session.get(User, user_id)
    if user is None or not user.active or not needs_second_factor(user):
        return LoginOutcome()
    key = (user.username or f"~user-{user.id}").lower()
    verdict, attempt = throttle_begin(session, key=key, client_address=client_address, now=now)
    if attempt is None:
        return LoginOutcome.throttled(verdict)
    session.refresh(user)
    if new_secret is not None:
        ok = not user.totp_secret and totp_code_ok(new_secret, code, now)
        if ok:
            user.totp_secret = new_secret
            session.add(user)
    else:
        ok = totp_code_ok(user.totp_secret, code, now)
    if not ok:
        return LoginOutcome()
    throttle_succeeded(session, attempt)
    return LoginOutcome(user=user)
