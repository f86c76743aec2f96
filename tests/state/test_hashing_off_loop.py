"""Every argon2 hash and check runs in the small hashing pool, never inside a transaction.

One user's login (or new PIN, or new password) costs ~0.2 s of CPU. On the event loop it
would stop everyone on the worker; in the shared default pool a burst of logins would take
the threads the polls need; inside a transaction it would keep a connection (and on SQLite
the write lock) for that long.
"""

import threading

import pytest

from jouw_omgeving.auth import passwords
from jouw_omgeving.auth.activation import activation_code_create
from jouw_omgeving.db import db_session, get_engine
from jouw_omgeving.state.activation import ActivationState
from jouw_omgeving.state.admin_accounts import AdminAccountsState
from jouw_omgeving.state.own_password import ChoosePasswordState
from jouw_omgeving.state.session import SessionState
from tests.factories import make_counsellor, make_participant, unique
from tests.state.admin_world import admin_world  # noqa: F401  (fixture "world")
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = pytest.mark.anyio


class _Watching:
    """The real hasher, noting the thread and the connections in use at each call."""

    def __init__(self, real) -> None:
        self.real, self.calls = real, []

    def _note(self) -> None:
        self.calls.append((threading.current_thread().name, get_engine().pool.checkedout()))

    def hash(self, secret):
        self._note()
        return self.real.hash(secret)

    def verify(self, stored, secret):
        self._note()
        return self.real.verify(stored, secret)


@pytest.fixture
def hasher(app_db, monkeypatch):
    watching = _Watching(passwords._hasher)
    monkeypatch.setattr(passwords, "_hasher", watching)
    return watching


def _only_in_the_pool_and_outside_transactions(hasher) -> None:
    assert hasher.calls
    for thread, connections in hasher.calls:
        assert thread.startswith("jo-hash"), thread
        assert connections == 0  # no session holds a connection (or a transaction) meanwhile


async def test_a_pin_login_checks_the_pin_in_the_hashing_pool(hasher):
    username = unique("pin").lower()
    with db_session() as session:
        make_participant(session, username=username, password="48151")
    hasher.calls.clear()  # the factory's own hash
    state = await state_for(SessionState)
    events = await run_handler(state.login, {"username": username, "secret": "48151"})
    assert "/auth/exchange" in repr(events)
    await run_handler(state.login, {"username": "nobody-here", "secret": "48151"})
    assert state.login_error
    _only_in_the_pool_and_outside_transactions(hasher)


async def test_choosing_a_password_hashes_in_the_hashing_pool(hasher):
    with db_session() as session:
        counsellor = make_counsellor(session, password="Eerste-wachtwoord-1")
        counsellor.must_change_password = True
        session.add(counsellor)
    hasher.calls.clear()  # the factory's own hash
    state = await state_for(ChoosePasswordState, cookie=login_cookie(counsellor))
    form = {"password": "Een nieuw wachtwoord 7", "repeat": "Een nieuw wachtwoord 7"}
    await run_handler(state.save, form)
    assert state.error == ""
    _only_in_the_pool_and_outside_transactions(hasher)


async def test_a_new_staff_account_is_hashed_in_the_hashing_pool(hasher, world):
    form = {
        "display_name": "Nieuwe Collega",
        "username": unique("collega").lower(),
        "role": "counsellor",
        "organisation": str(world.organisation.public_id),
        "team": str(world.team.public_id),
    }
    state = await state_for(AdminAccountsState, cookie=login_cookie(world.admin))
    await run_handler(state.create, form)
    assert state.created_password
    _only_in_the_pool_and_outside_transactions(hasher)


async def test_activation_hashes_the_new_pin_in_the_hashing_pool(hasher):
    with db_session() as session:
        participant = make_participant(session, username=None)
        code = activation_code_create(session, user_id=participant.id, created_by_id=None)
    state = await state_for(ActivationState)
    await run_handler(state.check_code, {"code": code})
    await run_handler(state.choose_username, {"username": unique("nieuw").lower()})
    events = await run_handler(state.complete, {"secret": "27182", "repeat": "27182"})
    assert "/auth/exchange" in repr(events), state.error
    _only_in_the_pool_and_outside_transactions(hasher)
