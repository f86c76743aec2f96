"""Throttling: growing delays, a temporary lock, per account and per client address."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.auth.local_login import login_check, second_factor_check
from jouw_omgeving.auth.throttle import (
    ACCOUNT_FREE_FAILURES,
    ACTIVATION_KEY,
    ADDRESS_FREE_FAILURES,
    MAX_DELAY_SECONDS,
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_ADDRESS,
    Throttle,
    throttle_begin,
    throttle_forget,
    throttle_message,
    throttle_status,
)
from jouw_omgeving.auth.totp import totp_new_secret
from jouw_omgeving.models import LoginAttempt
from jouw_omgeving.models.base import utcnow
from tests.factories import make_counsellor, make_participant, unique

PIN = "24680"


def _attempts(session, username):
    return session.exec(select(LoginAttempt).where(LoginAttempt.username == username)).all()


def _fail(session, username, address, now):
    return login_check(session, username=username, secret="00000", client_address=address, now=now)


def test_delays_grow_after_three_failures(session):
    user = make_participant(session, username=unique("anna"), password=PIN)
    start = utcnow()
    for n in range(ACCOUNT_FREE_FAILURES):
        outcome = _fail(session, user.username, "10.1.0.1", start + timedelta(seconds=n))
        assert (outcome.user, outcome.wait_seconds, outcome.locked) == (None, 0, False)
    last = start + timedelta(seconds=ACCOUNT_FREE_FAILURES - 1)
    # Right after the third failure even the right PIN is not checked: wait 2**0 = 1 s.
    early = login_check(
        session, username=user.username, secret=PIN, client_address="10.1.0.1", now=last
    )
    assert early.user is None and early.wait_seconds == 1 and not early.locked
    assert len(_attempts(session, user.username)) == ACCOUNT_FREE_FAILURES  # not stored
    # After the wait it is checked; one more failure doubles the wait to 2 s.
    fourth = last + timedelta(seconds=1)
    assert _fail(session, user.username, "10.1.0.1", fourth).wait_seconds == 0
    status = throttle_status(
        session, key=user.username, client_address="10.1.0.1", now=fourth + timedelta(seconds=1)
    )
    assert status == Throttle(wait_seconds=1)  # 2 s after the 4th failure, 1 s has passed
    ok = login_check(
        session,
        username=user.username,
        secret=PIN,
        client_address="10.1.0.1",
        now=fourth + timedelta(seconds=2),
    )
    assert ok.user is not None and ok.user.id == user.id


def test_five_failures_lock_the_account_for_a_quarter_of_an_hour(session):
    user = make_participant(session, username=unique("bart"), password=PIN)
    start = utcnow()
    for n in range(MAX_FAILURES_PER_ACCOUNT):
        _fail(session, user.username, f"10.2.0.{n}", start + timedelta(seconds=10 * n))
    locked_at = start + timedelta(minutes=1)
    outcome = login_check(
        session, username=user.username, secret=PIN, client_address="10.2.9.9", now=locked_at
    )
    assert outcome.locked and outcome.user is None
    still = start + timedelta(minutes=14)
    assert throttle_status(session, key=user.username, client_address="x", now=still).locked
    after = start + timedelta(minutes=16)
    outcome = login_check(
        session, username=user.username, secret=PIN, client_address="10.2.9.9", now=after
    )
    assert outcome.user is not None


def test_unknown_usernames_are_throttled_the_same_way(session):
    name = unique("niemand")
    start = utcnow()
    for n in range(MAX_FAILURES_PER_ACCOUNT):
        _fail(session, name, "10.3.0.1", start + timedelta(seconds=10 * n))
    assert _fail(session, name, "10.3.0.2", start + timedelta(minutes=1)).locked


def test_a_complete_login_resets_the_account_but_not_the_address(session):
    user = make_participant(session, username=unique("cor"), password=PIN)
    start = utcnow()
    for n in range(ACCOUNT_FREE_FAILURES):
        _fail(session, user.username, "10.4.0.1", start + timedelta(seconds=n))
    at = start + timedelta(seconds=30)
    assert login_check(
        session, username=user.username, secret=PIN, client_address="10.4.0.1", now=at
    ).user
    assert (
        throttle_status(session, key=user.username, client_address="10.4.0.1", now=at) == Throttle()
    )
    attempts = _attempts(session, user.username)
    assert [a.succeeded for a in attempts].count(False) == ACCOUNT_FREE_FAILURES


def test_twenty_failures_lock_the_client_address_for_every_account(session):
    address = f"10.5.{utcnow().microsecond % 250}.7"
    start = utcnow()
    moment = start
    for n in range(MAX_FAILURES_PER_ADDRESS):
        # Other usernames each time, so only the address counts; delays grow from 10 on.
        verdict = throttle_status(session, key=None, client_address=address, now=moment)
        if n < ADDRESS_FREE_FAILURES:
            assert verdict == Throttle()
        else:
            assert 0 < verdict.wait_seconds <= MAX_DELAY_SECONDS
            moment += timedelta(seconds=verdict.wait_seconds)
        outcome = _fail(session, unique("wie"), address, moment)
        assert outcome.wait_seconds == 0 and not outcome.locked
    assert moment - start < timedelta(minutes=15)
    user = make_participant(session, username=unique("dirk"), password=PIN)
    refused = login_check(
        session, username=user.username, secret=PIN, client_address=address, now=moment
    )
    assert refused.locked and refused.user is None
    # Another address is not affected.
    elsewhere = login_check(
        session, username=user.username, secret=PIN, client_address="10.6.0.1", now=moment
    )
    assert elsewhere.user is not None


def test_wrong_totp_codes_count_against_the_account(session):
    staff = make_counsellor(session, username=unique("eva"), password="Lang-wachtwoord-1")
    staff.totp_secret = totp_new_secret()
    session.add(staff)
    start = utcnow()
    for n in range(MAX_FAILURES_PER_ACCOUNT):
        outcome = second_factor_check(
            session,
            user_id=staff.id,
            code="000000",
            client_address="10.7.0.1",
            now=start + timedelta(seconds=10 * n),
        )
        assert outcome.user is None
    # The password step is now locked too.
    outcome = login_check(
        session,
        username=staff.username,
        secret="Lang-wachtwoord-1",
        client_address="10.7.0.2",
        now=start + timedelta(minutes=1),
    )
    assert outcome.locked and outcome.pending_user_id is None


def test_an_attempt_is_stored_as_failed_before_it_is_checked(session):
    name = unique("fenna")
    verdict, attempt = throttle_begin(session, key=name, client_address="10.8.0.1")
    assert verdict.allowed and attempt is not None
    # Committed before the check: parallel guesses see it.
    assert [a.succeeded for a in _attempts(session, name)] == [False]
    throttle_forget(session, attempt)
    session.flush()
    assert _attempts(session, name) == []


def test_activation_guesses_count_per_address_only(session):
    _verdict, attempt = throttle_begin(session, key=None, client_address="10.9.0.1")
    assert attempt is not None and attempt.username == ACTIVATION_KEY


@pytest.mark.parametrize(
    ("verdict", "lang", "expected"),
    [
        (Throttle(locked=True), "nl", "Probeer het over een kwartier opnieuw."),
        (Throttle(wait_seconds=4), "nl", "Wacht 4 seconden"),
        (Throttle(locked=True), "en", "15 minutes"),
        (Throttle(wait_seconds=8), "en", "8 seconds"),
    ],
)
def test_throttle_messages_never_say_what_was_wrong(verdict, lang, expected):
    message = throttle_message(verdict, lang)
    assert expected in message
    for word in ("gebruikersnaam", "pincode", "wachtwoord", "username", "password"):
        assert word not in message.lower()
