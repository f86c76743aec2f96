"""Event handlers called directly, as a hostile browser would: refused, audited, no data."""

import uuid
from dataclasses import dataclass

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, User
from jouw_omgeving.routes import LOGIN, PARTICIPANT_HOME
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.state.access_log import AccessLogState
from jouw_omgeving.state.audit import AuditSearchState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, ParticipantDetailState
from tests.factories import make_admin, make_counsellor, make_goal, make_participant
from tests.state.helpers import (
    CLIENT_ADDRESS,
    login_cookie,
    redirect_target,
    run_handler,
    set_router,
    state_for,
)

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."


@dataclass
class World:
    """Two counsellors, each with a participant who has goals; an admin."""

    counsellor: User
    mine: User
    other_counsellor: User
    theirs: User
    admin: User


@pytest.fixture
def world(app_db) -> World:
    """Committed to the app's database, where the handlers look."""
    with db_session() as session:
        counsellor = make_counsellor(session)
        mine = make_participant(session, counsellor=counsellor, display_name="Mijn Deelnemer")
        make_goal(session, participant=mine, title="Een eigen huis")
        other_counsellor = make_counsellor(session)
        theirs = make_participant(session, counsellor=other_counsellor, display_name="Niet Van Mij")
        make_goal(session, participant=theirs, title="Geheim doel")
        admin = make_admin(session)
    return World(counsellor, mine, other_counsellor, theirs, admin)


def _entries(actor: User) -> list[AuditEntry]:
    with db_session() as session:
        return list(
            session.exec(
                select(AuditEntry).where(AuditEntry.actor_id == actor.id).order_by(AuditEntry.id)
            )
        )


async def _detail(viewer: User | None, public_id: object) -> tuple[ParticipantDetailState, list]:
    state = await state_for(
        ParticipantDetailState,
        cookie=login_cookie(viewer) if viewer else None,
        path="/begeleider/deelnemer/[participant_public_id]",
        query={ROUTE_PARAMETER: public_id},
    )
    return state, await run_handler(state.load)


def _assert_nothing_shown(state: ParticipantDetailState) -> None:
    assert state.public_id == ""
    assert state.name == ""
    assert state.goals == []
    assert state.error == REFUSAL
    assert state.loaded


async def test_counsellor_sees_own_participant_and_it_is_audited(world):
    state, events = await _detail(world.counsellor, str(world.mine.public_id))
    assert events == []
    assert state.error == ""
    assert state.name == "Mijn Deelnemer"
    assert [g["title"] for g in state.goals] == ["Een eigen huis"]
    entries = _entries(world.counsellor)
    assert [(e.category, e.outcome) for e in entries] == [
        ("profile", "allowed"),
        ("goals", "allowed"),
    ]
    assert {e.subject_participant_id for e in entries} == {world.mine.id}
    assert {e.client_address for e in entries} == {CLIENT_ADDRESS}


async def test_another_counsellors_participant_is_refused_and_audited(world):
    state, _events = await _detail(world.counsellor, str(world.theirs.public_id))
    _assert_nothing_shown(state)
    [entry] = _entries(world.counsellor)
    assert (entry.subject_participant_id, entry.outcome) == (world.theirs.id, "refused")
    assert entry.actor_role == "counsellor"


@pytest.mark.parametrize(
    "garbage",
    [
        "not-a-uuid",
        "",
        "../../etc/passwd",
        "1 OR 1=1",
        "0" * 10_000,
        123,
        12.5,
        True,
        None,
        ["a", "b"],
        {"$ne": None},
    ],
    ids=repr,
)
async def test_garbage_ids_of_any_type_are_refused_and_audited(world, garbage):
    state, _events = await _detail(world.counsellor, garbage)
    _assert_nothing_shown(state)
    [entry] = _entries(world.counsellor)
    assert entry.outcome == "refused"
    assert entry.subject_participant_id is None
    assert "malformed" in entry.detail


async def test_unknown_id_gets_the_same_answer_as_a_forbidden_one(world):
    unknown, _ = await _detail(world.counsellor, str(uuid.uuid4()))
    forbidden, _ = await _detail(world.counsellor, str(world.theirs.public_id))
    assert unknown.error == forbidden.error == REFUSAL
    assert [e.outcome for e in _entries(world.counsellor)] == ["refused", "refused"]


async def test_a_refusal_after_an_allowed_view_leaves_no_old_data(world):
    state, _ = await _detail(world.counsellor, str(world.mine.public_id))
    assert state.name == "Mijn Deelnemer"
    # The same browser tab asks for someone else's participant next.
    set_router(
        state,
        cookie=login_cookie(world.counsellor),
        query={ROUTE_PARAMETER: str(world.theirs.public_id)},
    )
    await run_handler(state.load)
    _assert_nothing_shown(state)


async def test_participant_cannot_open_another_participant(world):
    state, _ = await _detail(world.mine, str(world.theirs.public_id))
    _assert_nothing_shown(state)
    [entry] = _entries(world.mine)
    assert (entry.subject_participant_id, entry.outcome) == (world.theirs.id, "refused")


async def test_admin_reads_no_care_data(world):
    state, _ = await _detail(world.admin, str(world.mine.public_id))
    _assert_nothing_shown(state)
    assert [e.outcome for e in _entries(world.admin)] == ["refused"]


async def test_without_a_session_the_handler_sends_to_login(world):
    state, events = await _detail(None, str(world.mine.public_id))
    assert redirect_target(events) == LOGIN
    assert (state.name, state.goals) == ("", [])


async def test_a_forged_cookie_is_no_session(world):
    state = await state_for(
        ParticipantDetailState,
        cookie="jo_session=forged-token",
        query={ROUTE_PARAMETER: str(world.mine.public_id)},
    )
    assert redirect_target(await run_handler(state.load)) == LOGIN
    assert state.name == ""


async def test_frontend_vars_have_no_setters_a_browser_could_call(world):
    state = await state_for(ParticipantDetailState, cookie=login_cookie(world.counsellor))
    for var in ("name", "goals", "error", "loaded"):
        assert not hasattr(type(state), f"set_{var}")


async def test_audit_search_is_for_admins_only(world):
    state = await state_for(AuditSearchState, cookie=login_cookie(world.counsellor))
    events = await run_handler(state.search, {"participant_username": world.mine.username})
    assert redirect_target(events) is not None
    assert state.lines == []


@pytest.mark.parametrize(
    "form_data",
    [
        "not a dict",
        ["list"],
        {"category": "no-such-category"},
        {"outcome": 1},
        {"since": "yesterday"},
        {"actor_username": "x" * 500},
    ],
    ids=repr,
)
async def test_audit_search_refuses_malformed_filters(world, form_data):
    state = await state_for(AuditSearchState, cookie=login_cookie(world.admin))
    await run_handler(state.search, form_data)
    assert state.error != ""
    assert state.lines == []


async def test_audit_search_finds_the_refusal_of_a_hostile_view(world):
    await _detail(world.counsellor, str(world.theirs.public_id))
    state = await state_for(AuditSearchState, cookie=login_cookie(world.admin))
    await run_handler(
        state.search,
        {"actor_username": world.counsellor.username, "outcome": "refused"},
    )
    assert state.error == ""
    [line] = state.lines
    assert line["refused"] is True
    assert line["participant"] == f"Niet Van Mij ({world.theirs.username})"


async def test_access_log_is_the_participants_own(world):
    await _detail(world.counsellor, str(world.mine.public_id))
    await _detail(world.counsellor, str(world.theirs.public_id))  # refused: not in any log
    state = await state_for(AccessLogState, cookie=login_cookie(world.mine))
    await run_handler(state.load)
    sentences = [line["sentence"] for line in state.lines]
    name = world.counsellor.display_name
    assert len(sentences) == 2
    assert sentences[0].startswith(f"{name} (begeleider, ")
    assert " bekeek je doelen op " in sentences[0]
    assert " bekeek je gegevens op " in sentences[1]
    theirs = await state_for(AccessLogState, cookie=login_cookie(world.theirs))
    await run_handler(theirs.load)
    assert theirs.lines == []


async def test_access_log_refuses_staff(world):
    state = await state_for(AccessLogState, cookie=login_cookie(world.counsellor))
    assert redirect_target(await run_handler(state.load)) is not None
    assert state.lines == []


def test_refusal_message_is_the_catalogue_one():
    assert AccessDenied.message_id == REFUSAL
    assert PARTICIPANT_HOME  # the role homes the redirects above lead to exist
