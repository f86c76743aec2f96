"""The dashboard's handlers called as a hostile browser would: other people's ids, garbage."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import (
    Appointment,
    AuditEntry,
    CaseloadAssignment,
    ContactMoment,
    LoginSession,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.routes import LOGIN, PARTICIPANT_HOME
from jouw_omgeving.state.appointments import (
    CounsellorAppointmentsState,
    ParticipantAppointmentsState,
)
from jouw_omgeving.state.caseload import CaseloadState, _still_signed_in
from jouw_omgeving.state.contacts import ContactsState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER
from jouw_omgeving.state.team import TeamState
from tests.factories import (
    make_admin,
    make_appointment,
    make_counsellor,
    make_message,
    make_participant,
    make_team,
    make_thread,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
GARBAGE = ["not-a-uuid", "", "1 OR 1=1", "0" * 10_000, 123, 12.5, True, None, ["a"], {"$ne": 1}]


def _short(value: object) -> str:
    return repr(value)[:20]


@dataclass
class World:
    """Two counsellors of one team (one leads it), each with a participant; an admin."""

    counsellor: User
    mine: User
    lead: User
    theirs: User
    admin: User
    their_appointment: str


@pytest.fixture
def world(app_db) -> World:
    """Committed to the app's database, where the handlers look."""
    with db_session() as session:
        team = make_team(session)
        counsellor = make_counsellor(session, team=team)
        mine = make_participant(session, counsellor=counsellor, display_name="Mijn Deelnemer")
        lead = make_counsellor(session, team=team, is_team_lead=True)
        theirs = make_participant(session, counsellor=lead, display_name="Niet Van Mij")
        thread = make_thread(session, participant=theirs)
        make_message(session, thread=thread, sender=theirs, body="Geheim")
        appointment = make_appointment(session, participant=theirs, counsellor=lead)
        admin = make_admin(session)
    return World(counsellor, mine, lead, theirs, admin, str(appointment.public_id))


async def _state(cls, user: User | None, participant: object = None):
    query = {ROUTE_PARAMETER: participant} if participant is not None else {}
    return await state_for(cls, cookie=login_cookie(user) if user else None, query=query)


def _count(model, **where) -> int:
    with db_session() as session:
        query = select(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return len(session.exec(query).all())


# --- caseload overview -------------------------------------------------------------------


async def test_caseload_handlers_show_only_the_own_caseload(world):
    state = await _state(CaseloadState, world.counsellor)
    await run_handler(state.load)
    assert [r["name"] for r in state.rows] == ["Mijn Deelnemer"]
    for handler, argument in [
        (state.set_search, "Niet"),
        (state.set_filter, "unread"),
        (state.set_sort, "unread"),
    ]:
        await run_handler(handler, argument)
        assert "Niet Van Mij" not in {r["name"] for r in state.rows}
        assert state.total == len(state.rows)


@pytest.mark.parametrize("garbage", [*GARBAGE, "x" * 5000, "name; drop table app_user"], ids=_short)
async def test_caseload_handlers_ignore_garbage(world, garbage):
    state = await _state(CaseloadState, world.counsellor)
    await run_handler(state.load)
    for handler in (state.set_sort, state.set_filter, state.set_no_contact_days):
        await run_handler(handler, garbage)
    await run_handler(state.set_search, garbage)
    assert state.sort in {"attention"} and state.filter == "all"
    assert len(state.search) <= 60
    assert 1 <= state.no_contact_days <= 365
    await run_handler(state.next_page)
    await run_handler(state.previous_page)
    assert state.page == 0
    assert {r["name"] for r in state.rows} <= {"Mijn Deelnemer"}


async def test_caseload_handlers_send_strangers_away(world):
    for user, target in [(None, LOGIN), (world.mine, PARTICIPANT_HOME)]:
        state = await _state(CaseloadState, user)
        for handler, args in [
            (state.load, ()),
            (state.set_sort, ("unread",)),
            (state.set_filter, ("all",)),
            (state.set_search, ("a",)),
            (state.set_no_contact_days, ("3",)),
            (state.next_page, ()),
            (state.previous_page, ()),
        ]:
            assert redirect_target(await run_handler(handler, *args)) == target
        assert state.rows == []


# --- contacts ----------------------------------------------------------------------------


async def test_registering_for_someone_elses_participant_is_refused(world):
    state = await _state(ContactsState, world.counsellor, str(world.theirs.public_id))
    await run_handler(state.load)
    assert state.contacts == []
    await run_handler(state.choose_kind, "phone")
    today = state.today
    await run_handler(state.save, {"day": today, "minutes": "15", "note": "x"})
    assert state.error == REFUSAL
    assert _count(ContactMoment, participant_id=world.theirs.id) == 0
    with db_session() as session:
        outcomes = session.exec(
            select(AuditEntry.outcome).where(
                AuditEntry.actor_id == world.counsellor.id,
                AuditEntry.subject_participant_id == world.theirs.id,
            )
        ).all()
    assert outcomes == ["refused", "refused"]  # the list, then the registration


async def test_registering_for_the_own_participant_works(world):
    state = await _state(ContactsState, world.counsellor, str(world.mine.public_id))
    await run_handler(state.load)
    await run_handler(state.choose_kind, "visit")
    await run_handler(state.pick_duration, 30)
    await run_handler(state.save, {"day": state.today, "minutes": "30", "note": "Thuis"})
    assert state.error == ""
    assert [(c["kind"], c["minutes"], c["note"]) for c in state.contacts] == [
        ("visit", 30, "Thuis")
    ]


@pytest.mark.parametrize("garbage", GARBAGE, ids=_short)
async def test_contact_handlers_refuse_garbage(world, garbage):
    state = await _state(ContactsState, world.counsellor, garbage)
    await run_handler(state.load)
    assert state.contacts == []
    await run_handler(state.choose_kind, garbage)
    assert state.kind == ""
    await run_handler(state.pick_duration, garbage)
    assert 1 <= state.duration <= 600
    await run_handler(state.choose_kind, "phone")
    await run_handler(state.save, garbage)
    assert state.error != ""
    await run_handler(state.save, {"day": garbage, "minutes": garbage, "note": garbage})
    assert state.error != ""
    await run_handler(state.next_page)
    await run_handler(state.previous_page)
    assert _count(ContactMoment, counsellor_id=world.counsellor.id) == 0


@pytest.mark.parametrize(
    "form",
    [
        {"day": "2999-01-01", "minutes": "15", "note": ""},
        {"day": "2026-02-30", "minutes": "15", "note": ""},
        {"day": "today", "minutes": "15", "note": ""},
        {"minutes": "0", "note": ""},
        {"minutes": "601", "note": ""},
        {"minutes": "-5", "note": ""},
        {"minutes": "15", "note": "x" * 2001},
    ],
    ids=_short,
)
async def test_contact_form_values_are_refused_in_dutch(world, form):
    state = await _state(ContactsState, world.counsellor, str(world.mine.public_id))
    await run_handler(state.choose_kind, "phone")
    form = {"day": state.today, **form}
    await run_handler(state.save, form)
    assert state.error
    assert _count(ContactMoment, participant_id=world.mine.id) == 0


async def test_contact_handlers_send_strangers_away(world):
    for user, target in [(None, LOGIN), (world.mine, PARTICIPANT_HOME), (world.admin, None)]:
        state = await _state(ContactsState, user, str(world.mine.public_id))
        events = await run_handler(state.load)
        assert redirect_target(events) == target if target else True
        await run_handler(state.choose_kind, "phone")
        await run_handler(state.save, {"day": state.today, "minutes": "15"})
        assert state.contacts == []
    assert _count(ContactMoment, participant_id=world.mine.id) == 0


# --- appointments ------------------------------------------------------------------------


def _plan_form(days: int = 2) -> dict:
    day = (utcnow() + timedelta(days=days)).date().isoformat()
    return {"day": day, "time": "10:00", "minutes": "60", "location": "Kantoor", "note": ""}


async def test_planning_and_cancelling_for_someone_else_is_refused(world):
    state = await _state(CounsellorAppointmentsState, world.counsellor, str(world.theirs.public_id))
    await run_handler(state.load)
    assert state.appointments == []
    await run_handler(state.plan, _plan_form())
    assert state.error == REFUSAL
    await run_handler(state.cancel, world.their_appointment)
    assert state.error == REFUSAL
    with db_session() as session:
        statuses = session.exec(
            select(Appointment.status).where(Appointment.participant_id == world.theirs.id)
        ).all()
    assert statuses == ["planned"]


async def test_planning_for_the_own_participant_works_and_shows_to_them(world):
    state = await _state(CounsellorAppointmentsState, world.counsellor, str(world.mine.public_id))
    await run_handler(state.choose_kind, "phone")
    await run_handler(state.plan, _plan_form())
    assert state.error == ""
    assert [a["kind"] for a in state.appointments] == ["phone"]
    own = await _state(ParticipantAppointmentsState, world.mine)
    await run_handler(own.load)
    assert [(a["location"], a["time"], a["note"]) for a in own.appointments] == [
        ("Kantoor", "10:00", "")
    ]
    await run_handler(state.cancel, state.appointments[0]["public_id"])
    await run_handler(own.load)
    assert own.appointments == []


@pytest.mark.parametrize("garbage", GARBAGE, ids=_short)
async def test_appointment_handlers_refuse_garbage(world, garbage):
    state = await _state(CounsellorAppointmentsState, world.counsellor, str(world.mine.public_id))
    await run_handler(state.choose_kind, garbage)
    assert state.kind == "visit"
    await run_handler(state.pick_duration, garbage)
    assert 1 <= state.duration <= 600
    await run_handler(state.plan, garbage)
    assert state.error
    await run_handler(state.plan, {k: garbage for k in _plan_form()})
    assert state.error
    await run_handler(state.cancel, garbage)
    assert state.error
    assert _count(Appointment, participant_id=world.mine.id) == 0


@pytest.mark.parametrize(
    "changes",
    [{"day": "2020-01-01"}, {"time": "25:00"}, {"minutes": "0"}, {"location": "x" * 201}],
    ids=_short,
)
async def test_appointment_form_values_are_refused(world, changes):
    state = await _state(CounsellorAppointmentsState, world.counsellor, str(world.mine.public_id))
    await run_handler(state.plan, {**_plan_form(), **changes})
    assert state.error
    assert _count(Appointment, participant_id=world.mine.id) == 0


async def test_participant_appointments_are_for_the_participant_only(world):
    for user, target in [(None, LOGIN), (world.counsellor, "/begeleider")]:
        state = await _state(ParticipantAppointmentsState, user)
        assert redirect_target(await run_handler(state.load)) == target
        assert state.appointments == []
    other = await _state(ParticipantAppointmentsState, world.mine)
    await run_handler(other.load)
    assert other.appointments == []  # not the other participant's appointment


# --- team ---------------------------------------------------------------------------------


async def test_team_view_is_refused_to_a_counsellor_who_does_not_lead(world):
    state = await _state(TeamState, world.counsellor)
    await run_handler(state.load)
    assert (state.caseloads, state.error) == ([], REFUSAL)
    await run_handler(
        state.reassign,
        {
            "participant": str(world.theirs.public_id),
            "counsellor": str(world.counsellor.public_id),
            "note": "Ik neem het over",
        },
    )
    assert state.error == REFUSAL
    assert _count(CaseloadAssignment, participant_id=world.theirs.id) == 1


@pytest.mark.parametrize("garbage", [*GARBAGE, str(uuid.uuid4())], ids=_short)
async def test_team_handlers_refuse_garbage(world, garbage):
    state = await _state(TeamState, world.lead)
    await run_handler(state.load)
    assert {c["name"] for c in state.caseloads} == {
        world.counsellor.display_name,
        world.lead.display_name,
    }
    await run_handler(state.reassign, garbage)
    assert state.error
    forms = [
        {"participant": garbage, "counsellor": str(world.counsellor.public_id), "note": "n"},
        {"participant": str(world.theirs.public_id), "counsellor": garbage, "note": "n"},
    ]
    if not isinstance(garbage, str) or not garbage.strip() or len(garbage) > 4000:
        forms.append(
            {
                "participant": str(world.theirs.public_id),
                "counsellor": str(world.counsellor.public_id),
                "note": garbage,
            }
        )
    for form in forms:
        await run_handler(state.reassign, form)
        assert state.error
    assert _count(CaseloadAssignment, participant_id=world.theirs.id) == 1


async def test_team_lead_reassigns_and_the_old_counsellor_is_refused_at_once(world):
    state = await _state(TeamState, world.lead)
    await run_handler(
        state.reassign,
        {
            "participant": str(world.theirs.public_id),
            "counsellor": str(world.counsellor.public_id),
            "note": "Overdracht",
        },
    )
    assert state.error == "" and state.message
    # The lead is the old counsellor here: their contact list for the participant now comes
    # through the team relation only (read), and the overview no longer lists them.
    overview = await _state(CaseloadState, world.lead)
    await run_handler(overview.load)
    assert overview.rows == []
    mine_now = await _state(CaseloadState, world.counsellor)
    await run_handler(mine_now.load)
    assert {r["name"] for r in mine_now.rows} == {"Mijn Deelnemer", "Niet Van Mij"}
    planner = await _state(CounsellorAppointmentsState, world.lead, str(world.theirs.public_id))
    await run_handler(planner.plan, _plan_form())
    assert planner.error == REFUSAL  # planning needs the caseload, which the lead lost


async def test_team_handlers_send_strangers_away(world):
    for user, target in [(None, LOGIN), (world.mine, PARTICIPANT_HOME)]:
        state = await _state(TeamState, user)
        assert redirect_target(await run_handler(state.load)) == target
        assert redirect_target(await run_handler(state.reassign, {})) == target
    admin = await _state(TeamState, world.admin)
    assert redirect_target(await run_handler(admin.load)) is not None


async def test_the_background_refresh_does_not_keep_an_idle_session_alive(world):
    cookie = login_cookie(world.counsellor)
    earlier = utcnow() - timedelta(minutes=5)
    with db_session() as session:
        row = session.exec(
            select(LoginSession).where(LoginSession.user_id == world.counsellor.id)
        ).one()
        row.last_seen_at = earlier
        session.add(row)
    viewer = _still_signed_in(cookie, "127.0.0.1")
    assert viewer is not None and viewer.user_id == world.counsellor.id
    with db_session() as session:
        row = session.exec(
            select(LoginSession).where(LoginSession.user_id == world.counsellor.id)
        ).one()
        assert abs((row.last_seen_at - earlier).total_seconds()) < 1  # not touched
    assert _still_signed_in(login_cookie(world.mine), "127.0.0.1") is None  # not staff
    assert _still_signed_in("jo_session=forged", "127.0.0.1") is None


async def test_opening_another_participant_forgets_the_previous_rows(world):
    contacts = await _state(ContactsState, world.counsellor, str(world.mine.public_id))
    await run_handler(contacts.choose_kind, "phone")
    await run_handler(contacts.save, {"day": contacts.today, "minutes": "15", "note": ""})
    assert contacts.contacts
    await run_handler(contacts.forget)
    assert (contacts.contacts, contacts.total, contacts.kind) == ([], 0, "")
    planner = await _state(CounsellorAppointmentsState, world.counsellor, str(world.mine.public_id))
    await run_handler(planner.plan, _plan_form())
    assert planner.appointments
    await run_handler(planner.forget)
    assert planner.appointments == []
