"""The admin's account, participant and settings pages and the help page, called as a
hostile browser would (part 2): garbage arguments are refused and change nothing.
"""

import pytest
from sqlmodel import select

from jouw_omgeving.auth.sessions import session_resolve
from jouw_omgeving.db import db_session
from jouw_omgeving.models import LoginSession, Organisation, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.state.admin_account import AdminAccountState
from jouw_omgeving.state.admin_accounts import AdminAccountsState
from jouw_omgeving.state.admin_caseloads import AdminCaseloadsState
from jouw_omgeving.state.admin_participants import AdminParticipantsState
from jouw_omgeving.state.admin_settings import AdminSettingsState
from jouw_omgeving.state.help import HelpState
from tests.state.admin_world import admin_world, call_handler  # noqa: F401  (fixture)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    "route_id", ["not-a-uuid", 123, None, ["a"], {"$ne": None}, "0" * 10_000], ids=repr
)
async def test_account_page_with_garbage_ids_shows_nothing(world, route_id):
    state, _ = await call_handler(
        world.admin, AdminAccountState, "load", (), {"user_public_id": route_id}
    )
    assert state.error and state.account["public_id"] == ""


async def test_account_page_of_a_participant_shows_nothing(world):
    query = {"user_public_id": str(world.participant.public_id)}
    state, _ = await call_handler(world.admin, AdminAccountState, "load", (), query)
    assert state.error and state.account["public_id"] == ""


async def _account_page(world, user: User) -> AdminAccountState:
    state, _ = await call_handler(
        world.admin, AdminAccountState, "load", (), {"user_public_id": str(user.public_id)}
    )
    assert state.account["public_id"] == str(user.public_id)
    return state


@pytest.mark.parametrize("index", [-1, 5, "0", True, None, 0.0], ids=repr)
async def test_garbage_session_indexes_are_refused(world, index):
    cookie = login_cookie(world.counsellor)
    state = await _account_page(world, world.counsellor)
    await run_handler(state.end_session, index)
    assert state.error
    token = cookie.split("=", 1)[1]
    with db_session() as session:
        assert session_resolve(session, token=token) is not None


@pytest.mark.parametrize("value", ["false", 0, None, [False]], ids=repr)
async def test_garbage_switches_change_nothing(world, value):
    state = await _account_page(world, world.counsellor)
    await run_handler(state.set_active, value)
    assert state.error
    await run_handler(state.set_team_lead, value)
    assert state.error
    with db_session() as session:
        user = session.get(User, world.counsellor.id)
        assert user.active and not user.is_team_lead


async def test_deactivation_through_the_page_ends_the_users_next_request(world):
    cookie = login_cookie(world.counsellor)
    state = await _account_page(world, world.counsellor)
    assert len(state.sessions) >= 1
    await run_handler(state.set_active, False)
    assert state.error == "" and state.account["active"] is False and state.sessions == []
    # The counsellor's next request, with the cookie they still hold, goes to the login page.
    later = await state_for(AdminAccountsState, cookie=cookie)
    assert redirect_target(await run_handler(later.load)) == LOGIN


async def test_an_admin_cannot_deactivate_themself_through_the_page(world):
    state = await _account_page(world, world.admin)
    assert state.is_self
    await run_handler(state.set_active, False)
    assert state.error == "Je kunt je eigen account niet uitzetten."
    with db_session() as session:
        assert session.get(User, world.admin.id).active


async def test_ending_one_session_by_its_place_in_the_list(world):
    login_cookie(world.counsellor)
    state = await _account_page(world, world.counsellor)
    shown = len(state.sessions)
    await run_handler(state.end_session, 0)
    assert state.error == "" and len(state.sessions) == shown - 1
    with db_session() as session:
        ended = session.exec(
            select(LoginSession).where(
                LoginSession.user_id == world.counsellor.id, LoginSession.revoked_at.is_not(None)
            )
        ).all()
    assert len(ended) == 1


@pytest.mark.parametrize("public_id", [123, "x" * 100, "not-a-uuid", None], ids=repr)
async def test_garbage_participant_ids_to_end_sessions_are_refused(world, public_id):
    state, _ = await call_handler(world.admin, AdminParticipantsState, "end_sessions", (public_id,))
    assert state.error


async def test_ending_sessions_of_a_staff_user_from_the_participant_list_is_refused(world):
    cookie = login_cookie(world.counsellor)
    state, _ = await call_handler(
        world.admin, AdminParticipantsState, "end_sessions", (str(world.counsellor.public_id),)
    )
    assert state.error
    with db_session() as session:
        assert session_resolve(session, token=cookie.split("=", 1)[1]) is not None


def _settings_form(**changes) -> dict:
    form = {
        "label_0": "Team Oost",
        "phone_0": "020 123 4567",
        "note_0": "",
        "staff_idle": "15",
        "staff_absolute": "480",
        "participant_idle": "30",
        "participant_absolute": "720",
        "suppression_threshold": "5",
        "retention_months": "24",
    }
    form.update(changes)
    return form


@pytest.mark.parametrize(
    "form",
    [
        "nope",
        _settings_form(phone_0="<script>"),
        _settings_form(staff_idle="ten"),
        _settings_form(staff_idle="-5"),
        _settings_form(retention_months="9999999"),
        _settings_form(suppression_threshold=5),
        _settings_form(label_0="x" * 500),
    ],
    ids=repr,
)
async def test_garbage_settings_are_refused_and_nothing_changes(world, form):
    query = {"organisation_public_id": str(world.organisation.public_id)}
    state, _ = await call_handler(world.admin, AdminSettingsState, "load", (), query)
    assert state.organisation == world.organisation.name
    await run_handler(state.save, form)
    assert state.error
    with db_session() as session:
        stored = session.get(Organisation, world.organisation.id).settings
    assert stored["help_numbers"] == [{"label": "Team Noord", "number": "020 555 1234"}]


async def test_settings_saved_through_the_page_reach_the_help_page(world):
    query = {"organisation_public_id": str(world.organisation.public_id)}
    state, _ = await call_handler(world.admin, AdminSettingsState, "load", (), query)
    await run_handler(state.save, _settings_form())
    assert state.error == "" and state.help_rows[0]["label"] == "Team Oost"
    help_state, _ = await call_handler(world.participant, HelpState, "load", ())
    assert [(n["label"], n["tel"]) for n in help_state.numbers] == [("Team Oost", "0201234567")]


@pytest.mark.parametrize("route_id", ["nope", 5, None], ids=repr)
async def test_settings_page_with_garbage_ids_shows_nothing(world, route_id):
    state, _ = await call_handler(
        world.admin, AdminSettingsState, "load", (), {"organisation_public_id": route_id}
    )
    assert state.error and state.organisation == ""


async def test_help_page_shows_the_participants_organisation_numbers(world):
    state, _ = await call_handler(world.participant, HelpState, "load", ())
    assert [(n["label"], n["tel"], n["is_default"]) for n in state.numbers] == [
        ("Team Noord", "0205551234", False)
    ]
    for user, home in (
        (None, LOGIN),
        (world.admin, "/beheer"),
        (world.counsellor, COUNSELLOR_HOME),
    ):
        other, events = await call_handler(user, HelpState, "load", ())
        assert redirect_target(events) == home and other.numbers == []


async def test_caseload_overview_counts_the_worlds_counsellor(world):
    state, _ = await call_handler(world.admin, AdminCaseloadsState, "load", ())
    [row] = [
        r
        for r in state.teams
        if r["counsellors"] and r["counsellors"][0]["name"] == world.counsellor.display_name
    ]
    assert row["guided"] == 1
