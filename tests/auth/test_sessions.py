"""Server-side sessions: exchange codes, expiry, idle timeout, revocation, throttling."""

from datetime import timedelta

from sqlmodel import select

from jouw_omgeving.auth.local_login import MAX_FAILURES_PER_ACCOUNT, login_check
from jouw_omgeving.auth.sessions import (
    session_exchange,
    session_resolve,
    session_revoke,
    session_revoke_all,
    session_start_pending,
)
from jouw_omgeving.models import LoginSession, Organisation
from jouw_omgeving.models.base import utcnow
from tests.factories import make_counsellor, make_participant


def _logged_in(session, user, now=None):
    code = session_start_pending(session, user=user, client_address="127.0.0.1", now=now)
    return session_exchange(session, code=code, now=now)


def test_exchange_code_gives_a_token_once(session):
    user = make_participant(session)
    code = session_start_pending(session, user=user, client_address="127.0.0.1")
    token = session_exchange(session, code=code)
    assert token and token != code
    assert session_resolve(session, token=token).id == user.id
    # The code is single use, and it is never itself a session token.
    assert session_exchange(session, code=code) is None
    assert session_resolve(session, token=code) is None


def test_only_hashes_are_stored(session):
    user = make_participant(session)
    token = _logged_in(session, user)
    stored = session.exec(select(LoginSession.token_hash)).all()
    assert token not in stored


def test_exchange_code_expires_after_a_minute(session):
    user = make_participant(session)
    start = utcnow()
    code = session_start_pending(session, user=user, client_address=None, now=start)
    assert session_exchange(session, code=code, now=start + timedelta(seconds=61)) is None


def test_idle_timeout_and_absolute_lifetime(session):
    start = utcnow()
    staff = make_counsellor(session)
    token = _logged_in(session, staff, now=start)
    # Staff: 15 minutes idle.
    assert session_resolve(session, token=token, now=start + timedelta(minutes=14)) is not None
    assert session_resolve(session, token=token, now=start + timedelta(minutes=30)) is None
    participant = make_participant(session)
    token = _logged_in(session, participant, now=start)
    # Participants: 30 minutes idle; 12 hours at most even when active all the time.
    moment = start
    while moment + timedelta(minutes=20) < start + timedelta(hours=12):
        moment += timedelta(minutes=20)
        assert session_resolve(session, token=token, now=moment) is not None
    assert session_resolve(session, token=token, now=start + timedelta(hours=12, minutes=1)) is None


def test_an_organisations_own_session_times_apply_to_new_sessions(session):
    start = utcnow()
    participant = make_participant(session)
    organisation = session.get(Organisation, participant.organisation_id)
    minutes = {"participant_idle": 10, "participant_absolute": 60}
    organisation.settings = {**(organisation.settings or {}), "session_minutes": minutes}
    session.add(organisation)
    session.flush()
    token = _logged_in(session, participant, now=start)
    # 10 minutes idle instead of the deployment's 30.
    assert session_resolve(session, token=token, now=start + timedelta(minutes=9)) is not None
    assert session_resolve(session, token=token, now=start + timedelta(minutes=20)) is None
    token = _logged_in(session, participant, now=start)
    moment = start
    while moment + timedelta(minutes=8) < start + timedelta(minutes=60):
        moment += timedelta(minutes=8)
        assert session_resolve(session, token=token, now=moment) is not None
    # One hour at most, however active.
    assert session_resolve(session, token=token, now=start + timedelta(minutes=61)) is None


def test_session_times_outside_the_allowed_ranges_are_ignored(session):
    start = utcnow()
    staff = make_counsellor(session)
    organisation = session.get(Organisation, staff.organisation_id)
    endless = {"staff_idle": 100_000, "staff_absolute": "forever"}
    organisation.settings = {**(organisation.settings or {}), "session_minutes": endless}
    session.add(organisation)
    session.flush()
    token = _logged_in(session, staff, now=start)
    # The deployment's 15 minutes still hold.
    assert session_resolve(session, token=token, now=start + timedelta(minutes=30)) is None


def test_logout_and_logout_everywhere(session):
    user = make_participant(session)
    first, second, third = (_logged_in(session, user) for _ in range(3))
    session_revoke(session, token=first)
    assert session_resolve(session, token=first) is None
    assert session_resolve(session, token=second) is not None
    assert session_revoke_all(session, user_id=user.id) == 2
    assert session_resolve(session, token=second) is None
    assert session_resolve(session, token=third) is None


def test_deactivated_user_has_no_session(session):
    user = make_participant(session)
    token = _logged_in(session, user)
    user.active = False
    session.add(user)
    session.flush()
    assert session_resolve(session, token=token) is None


def test_login_needs_username_and_secret_together(session):
    user = make_participant(session, username="pieter", password="54321")
    assert login_check(session, username="pieter", secret="54321", client_address="a").user.id == (
        user.id
    )
    assert login_check(session, username="Pieter ", secret="54321", client_address="a").user
    assert login_check(session, username="pieter", secret="12345", client_address="a").user is None
    assert login_check(session, username="nobody", secret="54321", client_address="a").user is None


def test_repeated_failures_lock_the_account(session):
    make_participant(session, username="kees", password="11111")
    start = utcnow()
    for minute in range(MAX_FAILURES_PER_ACCOUNT):
        # A minute apart: longer than the growing delay (tests/auth/test_throttle.py).
        outcome = login_check(
            session,
            username="kees",
            secret="00000",
            client_address="b",
            now=start + timedelta(minutes=minute),
        )
        assert outcome.user is None and not outcome.locked
    # Now even the right PIN is refused for a while.
    now = start + timedelta(minutes=MAX_FAILURES_PER_ACCOUNT)
    outcome = login_check(session, username="kees", secret="11111", client_address="c", now=now)
    assert outcome.user is None and outcome.locked
    later = start + timedelta(minutes=20)
    outcome = login_check(session, username="kees", secret="11111", client_address="c", now=later)
    assert outcome.user is not None
