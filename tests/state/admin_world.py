"""The world the admin handler tests share, and how they call a handler."""

from dataclasses import dataclass

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.models import Organisation, Team, User
from tests.factories import (
    make_admin,
    make_counsellor,
    make_organisation,
    make_participant,
    make_team,
)
from tests.state.helpers import login_cookie, run_handler, state_for


@dataclass
class World:
    """An own organisation with a team, a counsellor, a participant and an admin."""

    organisation: Organisation
    team: Team
    counsellor: User
    participant: User
    admin: User


@pytest.fixture(name="world")
def admin_world(app_db) -> World:
    """Committed to the app's database, where the handlers look."""
    with db_session() as session:
        organisation = make_organisation(
            session,
            settings={"help_numbers": [{"label": "Team Noord", "number": "020 555 1234"}]},
        )
        team = make_team(session, organisation=organisation)
        counsellor = make_counsellor(session, team=team)
        participant = make_participant(session, counsellor=counsellor)
        admin = make_admin(session, organisation=organisation)
    return World(organisation, team, counsellor, participant, admin)


# (state, handler, arguments, route parameters) for every public handler.


async def call_handler(user: User | None, state_cls, name: str, args, query=None):
    state = await state_for(
        state_cls, cookie=login_cookie(user) if user else None, query=query or {}
    )
    events = await run_handler(getattr(state, name), *args)
    return state, events
