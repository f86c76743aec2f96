"""Within an open page a tab reuses its last session check for a few seconds, no longer.

The check used to read the session from the database on every event. Now a tab trusts a
successful check for ``SESSION_CHECK_SECONDS`` for the events of an open (hydrated) page;
a session revoked elsewhere ("log out everywhere" on another device, an account an admin
blocked) is refused once that time is up, at once when a page is opened or reloaded, and
another cookie is always checked anew.
"""

import pytest

from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.db import db_session
from jouw_omgeving.models import User
from jouw_omgeving.routes import LOGIN
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state import session as session_module
from jouw_omgeving.state.goals import GoalState
from jouw_omgeving.state.session import SESSION_CHECK_SECONDS, authenticate
from tests.factories import make_participant
from tests.state.helpers import login_cookie, redirect_target, set_router, state_for

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


async def page_state(cookie: str) -> GoalState:
    """The goal board's state in a tab whose page has finished loading (taps, polls)."""
    state = await state_for(GoalState, cookie=cookie)
    _root(state).is_hydrated = True
    return state


async def signed_in_on_a_page() -> tuple[User, GoalState]:
    """Sanne, on an open page whose first check of her session succeeded."""
    with db_session() as session:
        participant = make_participant(session, display_name="Sanne")
    state = await page_state(login_cookie(participant))
    assert isinstance(await authenticate(state), Viewer)
    return participant, state


def page_opened(state: GoalState) -> None:
    """What Reflex does when the tab opens or reloads a page: on_load runs unhydrated."""
    _root(state).is_hydrated = False


def _root(state):
    while state.parent_state is not None:
        state = state.parent_state
    return state


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(session_module, "clock", fake)
    return fake


async def test_a_revoked_session_is_refused_once_the_short_reuse_ends(app_db, clock):
    participant, state = await signed_in_on_a_page()

    with db_session() as session:  # "log out everywhere" on her other phone
        session_revoke_all(session, user_id=participant.id)
    clock.now += SESSION_CHECK_SECONDS + 0.5

    assert redirect_target([await authenticate(state)]) == LOGIN


async def test_a_blocked_account_is_refused_once_the_short_reuse_ends(app_db, clock):
    participant, state = await signed_in_on_a_page()

    with db_session() as session:
        session.get(User, participant.id).active = False
    clock.now += SESSION_CHECK_SECONDS + 0.5

    assert redirect_target([await authenticate(state)]) == LOGIN


async def test_another_cookie_is_checked_at_once(app_db, clock):
    with db_session() as session:
        first = make_participant(session, display_name="Sanne")
        second = make_participant(session, display_name="Youssef")
    state = await page_state(login_cookie(first))
    assert (await authenticate(state)).user_id == first.id

    set_router(state, cookie=login_cookie(second))
    assert (await authenticate(state)).user_id == second.id

    set_router(state, cookie="")  # logged out: the cookie is gone
    assert redirect_target([await authenticate(state)]) == LOGIN


async def test_within_a_page_a_revoked_session_is_still_trusted_for_the_short_reuse(app_db, clock):
    participant, state = await signed_in_on_a_page()

    with db_session() as session:
        session_revoke_all(session, user_id=participant.id)
    clock.now += SESSION_CHECK_SECONDS - 1

    # The trade-off, written down: a tap on the open page is not re-checked yet ...
    assert isinstance(await authenticate(state), Viewer)
    # ... but opening or reloading any page is.
    page_opened(state)
    assert redirect_target([await authenticate(state)]) == LOGIN


async def test_opening_a_page_checks_a_blocked_account_at_once(app_db, clock):
    participant, state = await signed_in_on_a_page()

    with db_session() as session:
        session.get(User, participant.id).active = False
    page_opened(state)

    assert redirect_target([await authenticate(state)]) == LOGIN
