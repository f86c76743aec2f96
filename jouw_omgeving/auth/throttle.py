"""Throttling of guesses: growing delays, then a temporary lock, per account and per address.

Every check of a secret (password or PIN, TOTP code, activation code) starts with
:func:`throttle_begin`. It refuses while the account or the client address has to wait and
otherwise stores the attempt as *failed* and commits, before the (slow) check runs: guesses
sent in parallel count as well. After the check the caller marks the attempt with
:func:`throttle_succeeded`, or removes it with :func:`throttle_forget` when it was neither a
failure nor a complete login (a right password that still needs its second factor).

Rules, within a sliding window of 15 minutes:

- account: after 3 failures (counted since the last complete login) every next attempt waits
  ``2 ** (failures - 3)`` seconds after the last failure; 5 failures lock the account;
- client address: the same from 10 failures on (``2 ** (failures - 10)`` s, at most 30 s,
  so that the lock stays reachable within the window); 20 lock it.

The lock lasts until enough failures are older than the window (at most a quarter of an hour).
Attempts refused by the throttle are not checked and not stored.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models import LoginAttempt
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.errors import ServiceError

THROTTLE_WINDOW = timedelta(minutes=15)
ACCOUNT_FREE_FAILURES = 3
MAX_FAILURES_PER_ACCOUNT = 5
ADDRESS_FREE_FAILURES = 10
MAX_DELAY_SECONDS = 30
MAX_FAILURES_PER_ADDRESS = 20
# Key for activation-code guesses: no account is known, so only the address counts.
# Usernames never contain "~", so this key cannot collide with an account.
ACTIVATION_KEY = "~activation"
_KEY_LENGTH = 60
_ADDRESS_LENGTH = 64


WAIT_MESSAGE = N_(
    "Je hebt een paar keer iets verkeerd ingevuld. Wacht {seconds} seconden en probeer het "
    "dan opnieuw."
)
LOCKED_MESSAGE = N_("Te vaak geprobeerd. Probeer het over een kwartier opnieuw.")


@dataclass(frozen=True)
class Throttle:
    """Whether an attempt may be checked now: else how long to wait, or locked."""

    wait_seconds: int = 0
    locked: bool = False

    @property
    def allowed(self) -> bool:
        """True when the attempt may be checked."""
        return not self.locked and self.wait_seconds == 0


def _failures(session: Session, condition, since: datetime) -> tuple[int, datetime | None]:
    """How many failures match ``condition`` after ``since``, and when the last one was."""
    where = sa.and_(condition, LoginAttempt.succeeded.is_(False), LoginAttempt.attempted_at > since)
    count = session.exec(select(sa.func.count()).select_from(LoginAttempt).where(where)).one()
    if not count:
        return 0, None
    last = session.exec(
        select(LoginAttempt.attempted_at)
        .where(where)
        .order_by(LoginAttempt.attempted_at.desc())
        .limit(1)
    ).first()
    return int(count), last


def _verdict(
    count: int, last: datetime | None, now: datetime, *, free: int, maximum: int
) -> Throttle:
    if count >= maximum:
        return Throttle(locked=True)
    if count < free or last is None:
        return Throttle()
    ready_at = last + timedelta(seconds=min(2 ** (count - free), MAX_DELAY_SECONDS))
    return Throttle(wait_seconds=max(0, math.ceil((ready_at - now).total_seconds())))


def throttle_status(
    session: Session,
    *,
    key: str | None,
    client_address: str,
    now: datetime | None = None,
) -> Throttle:
    """May an attempt on account ``key`` from ``client_address`` be checked now?

    ``key`` is the (lower-case) username; ``None`` counts the address only.
    """
    now = now or utcnow()
    since = now - THROTTLE_WINDOW
    by_address = LoginAttempt.client_address == client_address[:_ADDRESS_LENGTH]
    address = _failures(session, by_address, since)
    verdicts = [
        _verdict(*address, now, free=ADDRESS_FREE_FAILURES, maximum=MAX_FAILURES_PER_ADDRESS)
    ]
    if key is not None:
        key = key[:_KEY_LENGTH]
        last_success = session.exec(
            select(sa.func.count(), sa.func.max(LoginAttempt.id)).where(
                LoginAttempt.username == key,
                LoginAttempt.succeeded.is_(True),
                LoginAttempt.attempted_at > since,
            )
        ).one()
        condition = LoginAttempt.username == key
        if last_success[0]:
            # Failures before the last complete login no longer count for the account.
            condition = sa.and_(condition, LoginAttempt.id > last_success[1])
        account = _failures(session, condition, since)
        verdicts.append(
            _verdict(*account, now, free=ACCOUNT_FREE_FAILURES, maximum=MAX_FAILURES_PER_ACCOUNT)
        )
    return Throttle(
        wait_seconds=max(v.wait_seconds for v in verdicts),
        locked=any(v.locked for v in verdicts),
    )


def throttle_begin(
    session: Session,
    *,
    key: str | None,
    client_address: str,
    now: datetime | None = None,
) -> tuple[Throttle, LoginAttempt | None]:
    """Refuse a throttled attempt, or store it as failed (committed) and return its row.

    Call this first in a unit of work: it commits the session.
    """
    now = now or utcnow()
    verdict = throttle_status(session, key=key, client_address=client_address, now=now)
    if not verdict.allowed:
        return verdict, None
    attempt = LoginAttempt(
        username=(key if key is not None else ACTIVATION_KEY)[:_KEY_LENGTH],
        client_address=client_address[:_ADDRESS_LENGTH],
        succeeded=False,
        attempted_at=now,
    )
    session.add(attempt)
    session.commit()
    return verdict, attempt


def throttle_succeeded(session: Session, attempt: LoginAttempt) -> None:
    """Mark a begun attempt as successful (it resets the account's failures)."""
    attempt.succeeded = True
    session.add(attempt)


def throttle_forget(session: Session, attempt: LoginAttempt) -> None:
    """Remove a begun attempt that was no failure (a right password before the 2nd factor)."""
    session.delete(attempt)


def throttle_message(verdict: Throttle, lang: str) -> str:
    """The message for a refused attempt, in ``lang``; it never says what was wrong."""
    if verdict.locked:
        return gettext(LOCKED_MESSAGE, lang)
    return gettext(WAIT_MESSAGE, lang).format(seconds=verdict.wait_seconds)


class TooManyAttempts(ServiceError):
    """The throttle refused to check: wait a little, or the lock is on."""

    message_id = LOCKED_MESSAGE

    def __init__(self, verdict: Throttle) -> None:
        """Keep the verdict; the state shows :func:`throttle_message`."""
        super().__init__(f"throttled: {verdict}")
        self.verdict = verdict
