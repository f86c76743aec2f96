"""Staff's second factor: TOTP codes, enrolment, and the two-step login state."""

import time
from datetime import timedelta

import pyotp
import pytest

from jouw_omgeving.auth.local_login import login_check, second_factor_check
from jouw_omgeving.auth.totp import (
    normalise_totp_code,
    totp_code_ok,
    totp_new_secret,
    totp_uri,
)
from jouw_omgeving.db import db_session
from jouw_omgeving.demo.accounts import DEMO_TOTP_SECRET
from jouw_omgeving.demo.cli import main, totp_code
from jouw_omgeving.models import User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.state.session import PENDING_SECONDS, SessionState
from tests.factories import (
    make_admin,
    make_counsellor,
    make_evaluator,
    make_network_member,
    make_participant,
    make_partner,
    unique,
)
from tests.state.helpers import run_handler, state_for

PASSWORD = "Een-lang-wachtwoord"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _code(secret, moment):
    return pyotp.TOTP(secret).at(moment.timestamp())


def test_code_is_valid_one_step_either_side():
    now = utcnow()
    assert totp_code_ok(SECRET, _code(SECRET, now), now)
    assert totp_code_ok(SECRET, _code(SECRET, now - timedelta(seconds=30)), now)
    assert totp_code_ok(SECRET, _code(SECRET, now + timedelta(seconds=30)), now)
    assert not totp_code_ok(SECRET, _code(SECRET, now - timedelta(seconds=90)), now)
    assert not totp_code_ok(SECRET, _code(SECRET, now + timedelta(seconds=90)), now)
    assert not totp_code_ok(None, _code(SECRET, now), now)
    assert not totp_code_ok(totp_new_secret(), _code(SECRET, now), now)


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456", "١٢٣٤٥٦", "12 34 5"])
def test_malformed_codes_are_refused(typed):
    assert normalise_totp_code(typed) is None
    assert not totp_code_ok(SECRET, typed)


def test_spaces_in_a_code_are_fine():
    now = utcnow()
    code = _code(SECRET, now)
    assert totp_code_ok(SECRET, f"{code[:3]} {code[3:]}", now)


def test_uri_names_the_issuer_and_account():
    uri = totp_uri(SECRET, "begeleider1")
    assert uri.startswith("otpauth://totp/Jouw%20Omgeving:begeleider1?")
    assert f"secret={SECRET}" in uri and "issuer=Jouw%20Omgeving" in uri


@pytest.mark.parametrize("maker", [make_counsellor, make_partner, make_evaluator, make_admin])
def test_staff_need_the_code_after_the_password(session, maker):
    staff = maker(session, password=PASSWORD, totp_secret=SECRET)
    step1 = login_check(session, username=staff.username, secret=PASSWORD, client_address="t1")
    assert step1.user is None and step1.pending_user_id == staff.id
    assert not step1.needs_enrolment
    wrong = second_factor_check(session, user_id=staff.id, code="000000", client_address="t1")
    assert wrong.user is None
    now = utcnow()
    right = second_factor_check(
        session, user_id=staff.id, code=_code(SECRET, now), client_address="t1", now=now
    )
    assert right.user is not None and right.user.id == staff.id


@pytest.mark.parametrize("maker", [make_participant, make_network_member])
def test_participants_and_network_members_use_no_second_factor(session, maker):
    person = maker(session, password="97531", totp_secret=SECRET)
    outcome = login_check(session, username=person.username, secret="97531", client_address="t2")
    assert outcome.user is not None and outcome.pending_user_id is None
    # And the second step cannot be used for them.
    now = utcnow()
    assert (
        second_factor_check(
            session, user_id=person.id, code=_code(SECRET, now), client_address="t2", now=now
        ).user
        is None
    )


def test_enrolment_stores_the_secret_once(session):
    staff = make_counsellor(session, password=PASSWORD)
    step1 = login_check(session, username=staff.username, secret=PASSWORD, client_address="t3")
    assert step1.pending_user_id == staff.id and step1.needs_enrolment
    new = totp_new_secret()
    now = utcnow()
    wrong = second_factor_check(
        session, user_id=staff.id, code="123456", client_address="t3", new_secret=new, now=now
    )
    assert wrong.user is None and session.get(User, staff.id).totp_secret is None
    ok = second_factor_check(
        session,
        user_id=staff.id,
        code=_code(new, now),
        client_address="t3",
        new_secret=new,
        now=now,
    )
    assert ok.user is not None and session.get(User, staff.id).totp_secret == new
    # A second enrolment (another tab) never replaces the secret.
    other = totp_new_secret()
    later = now + timedelta(minutes=2)
    again = second_factor_check(
        session,
        user_id=staff.id,
        code=_code(other, later),
        client_address="t3",
        new_secret=other,
        now=later,
    )
    assert again.user is None and session.get(User, staff.id).totp_secret == new


def test_deactivated_staff_cannot_finish(session):
    staff = make_counsellor(session, password=PASSWORD, totp_secret=SECRET)
    staff.active = False
    session.add(staff)
    now = utcnow()
    outcome = second_factor_check(
        session, user_id=staff.id, code=_code(SECRET, now), client_address="t4", now=now
    )
    assert outcome.user is None


def test_demo_cli_prints_the_current_code(capsys):
    assert main(["totp"]) == 0
    printed = capsys.readouterr().out.strip()
    assert len(printed) == 6 and printed.isdigit()
    assert totp_code(1_000_000_000.0) == pyotp.TOTP(DEMO_TOTP_SECRET).at(1_000_000_000)


# --- the login state, called as a browser would ------------------------------------------


@pytest.fixture
def staff_in_app_db(app_db):
    """A counsellor with a password and TOTP, committed to the app's database."""
    with db_session() as session:
        staff = make_counsellor(
            session, username=unique("totp"), password=PASSWORD, totp_secret=SECRET
        )
    return staff


def _exchange_code(events):
    for event in events:
        text = repr(event)
        if "/auth/exchange?code=" in text:
            return text
    return None


@pytest.mark.anyio
async def test_login_state_keeps_the_pending_user_on_the_server(staff_in_app_db):
    state = await state_for(SessionState, client_address="127.0.1.1")
    events = await run_handler(
        state.login, {"username": staff_in_app_db.username, "secret": PASSWORD}
    )
    assert _exchange_code(events) is None
    assert state.needs_second_factor and not state.needs_enrolment
    assert state._pending_user_id == staff_in_app_db.id
    # The pending user is a backend var: never part of what the browser receives.
    assert "_pending_user_id" not in state.get_delta().get(state.get_full_name(), {})
    events = await run_handler(state.second_factor, {"code": "000000"})
    assert _exchange_code(events) is None and state.login_error
    events = await run_handler(state.second_factor, {"code": pyotp.TOTP(SECRET).now()})
    assert _exchange_code(events) is not None
    assert state._pending_user_id is None and not state.needs_second_factor


@pytest.mark.anyio
async def test_second_step_expires(staff_in_app_db):
    state = await state_for(SessionState, client_address="127.0.1.2")
    await run_handler(state.login, {"username": staff_in_app_db.username, "secret": PASSWORD})
    state._pending_until = time.time() - 1
    events = await run_handler(state.second_factor, {"code": pyotp.TOTP(SECRET).now()})
    assert _exchange_code(events) is None
    assert not state.needs_second_factor and state._pending_user_id is None
    assert "te lang" in state.login_error
    assert PENDING_SECONDS <= 300


@pytest.mark.anyio
@pytest.mark.parametrize(
    "form", [None, "x", {"code": 123456}, {"code": ["1"]}, {"code": "1" * 500}, {}]
)
async def test_second_step_validates_its_argument(form):
    state = await state_for(SessionState, client_address="127.0.1.3")
    state._pending_user_id = 1
    state._pending_until = time.time() + 60
    events = await run_handler(state.second_factor, form)
    assert _exchange_code(events) is None and state.login_error


@pytest.mark.anyio
async def test_second_step_without_a_password_step_does_nothing(app_db):
    state = await state_for(SessionState, client_address="127.0.1.4")
    events = await run_handler(state.second_factor, {"code": pyotp.TOTP(SECRET).now()})
    assert _exchange_code(events) is None and state.login_error


@pytest.mark.anyio
async def test_enrolment_state_shows_a_qr_code_and_keeps_the_secret_on_the_server(app_db):
    with db_session() as session:
        staff = make_evaluator(session, username=unique("nieuw"), password=PASSWORD)
    state = await state_for(SessionState, client_address="127.0.1.5")
    await run_handler(state.login, {"username": staff.username, "secret": PASSWORD})
    assert state.needs_enrolment and state.enrol_qr.startswith("data:image/svg+xml;base64,")
    secret = state._enrol_secret
    assert state.enrol_key.replace(" ", "") == secret
    events = await run_handler(state.second_factor, {"code": pyotp.TOTP(secret).now()})
    assert _exchange_code(events) is not None
    with db_session() as session:
        assert session.get(User, staff.id).totp_secret == secret
    assert state._enrol_secret == "" and state.enrol_qr == ""
