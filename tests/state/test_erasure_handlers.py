"""Erasure handlers as a hostile browser calls them: own request only, only admins carry out."""

import uuid

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import ErasureRequest, User
from jouw_omgeving.routes import ADMIN_HOME, COUNSELLOR_HOME, LOGIN
from jouw_omgeving.state.erasure import AdminErasureState, ErasureRequestState
from tests.factories import make_admin, make_counsellor, make_goal, make_participant
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio


@pytest.fixture
def people(app_db):
    with db_session() as session:
        participant = make_participant(session, display_name="Wis Mij")
        make_goal(session, participant=participant, title="Weg ermee")
        return participant, make_admin(session), make_counsellor(session)


async def _ask(participant) -> ErasureRequestState:
    state = await state_for(ErasureRequestState, cookie=login_cookie(participant))
    await run_handler(state.load)
    assert state.status == ""
    await run_handler(state.ask)
    assert state.confirming
    await run_handler(state.confirm)
    return state


async def test_participant_asks_and_admin_carries_out(people):
    participant, admin, _counsellor = people
    cookie = login_cookie(participant)
    asked = await _ask(participant)
    assert asked.status == "requested" and asked.requested_on
    await run_handler(asked.confirm)  # twice: still one request
    with db_session() as session:
        [request] = session.exec(
            select(ErasureRequest).where(ErasureRequest.participant_id == participant.id)
        ).all()
    admin_state = await state_for(AdminErasureState, cookie=login_cookie(admin))
    await run_handler(admin_state.load)
    public_id = str(request.public_id)
    assert public_id in [line["public_id"] for line in admin_state.lines]
    await run_handler(admin_state.execute)  # nothing confirmed: nothing happens
    await run_handler(admin_state.ask_execute, public_id)
    assert admin_state.confirming == public_id
    await run_handler(admin_state.execute)
    assert admin_state.notice and not admin_state.error
    [line] = [line for line in admin_state.lines if line["public_id"] == public_id]
    assert line["status"] == "done" and "Bewaard tot" in line["note"]
    with db_session() as session:
        assert session.get(User, participant.id).display_name == "Verwijderde deelnemer"
    # The participant's old session is gone: they are sent to the login page.
    again = await state_for(ErasureRequestState, cookie=cookie)
    assert redirect_target(await run_handler(again.load)) == LOGIN


@pytest.mark.parametrize("garbage", [None, 5, "", "x" * 500, str(uuid.uuid4()), ["a"], {"a": 1}])
async def test_admin_handlers_refuse_garbage(people, garbage):
    _participant, admin, _counsellor = people
    state = await state_for(AdminErasureState, cookie=login_cookie(admin))
    await run_handler(state.load)
    await run_handler(state.ask_execute, garbage)
    assert state.error and state.confirming == ""


async def test_other_roles_cannot_reach_the_handlers(people):
    participant, _admin, counsellor = people
    asked = await _ask(participant)
    with db_session() as session:
        request = session.exec(
            select(ErasureRequest).where(ErasureRequest.participant_id == participant.id)
        ).one()
    for user, home in ((counsellor, COUNSELLOR_HOME), (participant, None)):
        state = await state_for(AdminErasureState, cookie=login_cookie(user))
        for handler, args in (
            (state.load, ()),
            (state.ask_execute, (str(request.public_id),)),
            (state.execute, ()),
        ):
            target = redirect_target(await run_handler(handler, *args))
            assert target and target != ADMIN_HOME and (home is None or target == home)
        assert state.lines == [] and state.confirming == ""
    staff = await state_for(ErasureRequestState, cookie=login_cookie(counsellor))
    assert redirect_target(await run_handler(staff.confirm)) == COUNSELLOR_HOME
    with db_session() as session:
        assert session.get(ErasureRequest, request.id).status == "requested"
        assert (
            session.exec(
                select(ErasureRequest).where(ErasureRequest.participant_id == counsellor.id)
            ).all()
            == []
        )
    assert asked.status == "requested"
