"""The admin's and the help page's handlers, called as a hostile browser would (part 1).

Every public handler: without a session it sends to the login page, for another role to
that role's start page, and with garbage arguments it refuses in words and changes nothing.
"""

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import Organisation, Team
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, PARTICIPANT_HOME
from jouw_omgeving.state.admin_account import AdminAccountState
from jouw_omgeving.state.admin_accounts import AdminAccountsState
from jouw_omgeving.state.admin_caseloads import AdminCaseloadsState
from jouw_omgeving.state.admin_organisations import AdminOrganisationsState
from jouw_omgeving.state.admin_participants import AdminParticipantsState
from jouw_omgeving.state.admin_settings import AdminSettingsState
from tests.factories import unique
from tests.state.admin_world import admin_world, call_handler  # noqa: F401  (fixture)
from tests.state.helpers import redirect_target

pytestmark = pytest.mark.anyio


HANDLERS = [
    (AdminOrganisationsState, "load", (), {}),
    (
        AdminOrganisationsState,
        "create_partner",
        ({"partner_name": "X Y", "partner_type": "ggz"},),
        {},
    ),
    (AdminOrganisationsState, "create_team", ({"team_name": "T", "team_organisation": "x"},), {}),
    (AdminOrganisationsState, "set_team_reads_messages", ("x", True), {}),
    (AdminAccountsState, "load", (), {}),
    (AdminAccountsState, "filter", ({"role": "", "search": ""},), {}),
    (AdminAccountsState, "next_page", (), {}),
    (AdminAccountsState, "previous_page", (), {}),
    (AdminAccountsState, "create", ({"display_name": "A B", "username": "ab-1"},), {}),
    (AdminAccountsState, "dismiss_password", (), {}),
    (AdminAccountState, "load", (), {"user_public_id": "x"}),
    (AdminAccountState, "set_active", (False,), {}),
    (AdminAccountState, "set_team_lead", (True,), {}),
    (AdminAccountState, "link_oidc", ({"oidc_subject": "s"},), {}),
    (AdminAccountState, "end_session", (0,), {}),
    (AdminAccountState, "end_all_sessions", (), {}),
    (AdminParticipantsState, "load", (), {}),
    (AdminParticipantsState, "search", ({"search": ""},), {}),
    (AdminParticipantsState, "next_page", (), {}),
    (AdminParticipantsState, "previous_page", (), {}),
    (AdminParticipantsState, "end_sessions", ("x",), {}),
    (AdminSettingsState, "load", (), {"organisation_public_id": "x"}),
    (AdminSettingsState, "save", ({},), {}),
    (AdminCaseloadsState, "load", (), {}),
]


@pytest.mark.parametrize(
    ("state_cls", "name", "args", "query"),
    HANDLERS,
    ids=[f"{c.__name__}.{n}" for c, n, _a, _q in HANDLERS],
)
async def test_without_session_or_as_another_role_nothing_happens(
    world, state_cls, name, args, query
):
    _state, events = await call_handler(None, state_cls, name, args, query)
    assert redirect_target(events) == LOGIN
    for user, home in ((world.counsellor, COUNSELLOR_HOME), (world.participant, PARTICIPANT_HOME)):
        state, events = await call_handler(user, state_cls, name, args, query)
        assert redirect_target(events) == home
        assert getattr(state, "error", "") == ""


@pytest.mark.parametrize(
    "form",
    [
        "not a dict",
        None,
        {"partner_name": 5},
        {"partner_name": "x" * 300},
        {"partner_type": ["ggz"]},
    ],
    ids=repr,
)
async def test_garbage_partner_forms_are_refused(world, form):
    with db_session() as session:
        before = len(session.exec(select(Organisation)).all())
    state, _ = await call_handler(world.admin, AdminOrganisationsState, "create_partner", (form,))
    assert state.error
    with db_session() as session:
        assert len(session.exec(select(Organisation)).all()) == before


@pytest.mark.parametrize(
    "args", [(123, True), ("x" * 100, True), ("not-a-uuid", True), (None, "yes")]
)
async def test_garbage_team_switches_are_refused(world, args):
    state, _ = await call_handler(
        world.admin, AdminOrganisationsState, "set_team_reads_messages", args
    )
    assert state.error
    with db_session() as session:
        assert not session.get(Team, world.team.id).team_reads_messages


async def test_admin_creates_a_team_and_a_counsellor_through_the_handlers(world):
    state, _ = await call_handler(
        world.admin,
        AdminOrganisationsState,
        "create_team",
        ({"team_name": "Team Handler", "team_organisation": str(world.organisation.public_id)},),
    )
    assert state.error == "" and "Team Handler" in [t["name"] for t in state.teams]
    username = unique("handler")
    accounts, _ = await call_handler(
        world.admin,
        AdminAccountsState,
        "create",
        (
            {
                "display_name": "Handler Begeleider",
                "username": username,
                "role": "counsellor",
                "organisation": str(world.organisation.public_id),
                "team": str(world.team.public_id),
            },
        ),
    )
    assert accounts.error == ""
    assert accounts.created_username == username and len(accounts.created_password) == 17
    taken, _ = await call_handler(
        world.admin,
        AdminAccountsState,
        "create",
        (
            {
                "display_name": "Nog Een",
                "username": username,
                "role": "counsellor",
                "organisation": str(world.organisation.public_id),
                "team": str(world.team.public_id),
            },
        ),
    )
    assert taken.error == "Deze gebruikersnaam is al bezet. Kies een andere."
    assert taken.created_password == ""


@pytest.mark.parametrize(
    "form",
    [
        "nope",
        {"display_name": "A B", "username": "ab-1", "role": "participant", "organisation": ""},
        {"display_name": "A B", "username": "ab-1", "role": ["admin"]},
        {"display_name": "A B", "username": "ab-1", "role": "admin", "organisation": "x" * 99},
    ],
    ids=repr,
)
async def test_garbage_account_forms_are_refused(world, form):
    state, _ = await call_handler(world.admin, AdminAccountsState, "create", (form,))
    assert state.error and state.created_password == ""


@pytest.mark.parametrize(
    "form", [{"role": "superuser"}, {"search": 5}, {"search": "x" * 61}, []], ids=repr
)
async def test_garbage_filters_are_refused(world, form):
    state, _ = await call_handler(world.admin, AdminAccountsState, "filter", (form,))
    assert state.error
