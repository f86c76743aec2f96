"""The "Mijn netwerk" handlers called as a hostile browser would: own network only."""

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import NetworkMembership, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, NETWORK_HOME, PARTICIPANT_NETWORK
from jouw_omgeving.state.network import NetworkHomeState
from jouw_omgeving.state.network_manage import NetworkManageState
from tests.factories import make_counsellor, make_network_member, make_participant
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio


async def _state(user: User | None) -> NetworkManageState:
    return await state_for(
        NetworkManageState,
        cookie=login_cookie(user) if user else None,
        path=PARTICIPANT_NETWORK,
    )


def _memberships(participant: User) -> list[NetworkMembership]:
    with db_session() as session:
        return list(
            session.exec(
                select(NetworkMembership).where(NetworkMembership.participant_id == participant.id)
            )
        )


@pytest.fixture
def people(app_db):
    with db_session() as session:
        owner = make_participant(session, display_name="Eigen Deelnemer")
        mine = make_network_member(session, participant=owner, display_name="Mijn Zus")
        stranger = make_participant(session)
        theirs = make_network_member(session, participant=stranger, display_name="Andermans Buddy")
        counsellor = make_counsellor(session)
    return owner, mine, stranger, theirs, counsellor


@pytest.mark.parametrize(
    ("who", "target"), [(None, LOGIN), ("counsellor", COUNSELLOR_HOME), ("member", NETWORK_HOME)]
)
async def test_only_a_logged_in_participant_gets_the_page(people, who, target):
    owner, mine, _stranger, _theirs, counsellor = people
    user = {"counsellor": counsellor, "member": mine, None: None}[who]
    state = await _state(user)
    for handler, args in (
        (state.load, ()),
        (state.invite, ({"name": "X", "relation": "familie"},)),
        (state.start_invite, ()),
        (state.ask_end, (str(mine.public_id),)),
        (state.back_to_list, ()),
        (state.confirm_end, ()),
    ):
        assert redirect_target(await run_handler(handler, *args)) == target
    assert state.members == []
    assert len(_memberships(owner)) == 1


async def test_the_list_shows_only_my_own_network(people):
    owner, _mine, _stranger, _theirs, _counsellor = people
    state = await _state(owner)
    await run_handler(state.load)
    assert [m["name"] for m in state.members] == ["Mijn Zus"]
    assert state.members[0]["relation"] == "zus"  # free words from older data stay as they are


@pytest.mark.parametrize(
    "form",
    [
        None,
        "name=X",
        {"name": 12, "relation": "familie"},
        {"name": "", "relation": "familie"},
        {"name": "X" * 500, "relation": "familie"},
        {"name": "Anna", "relation": "baas"},
        {"name": "Anna", "relation": ["familie"]},
        {"name": "Anna"},
    ],
)
async def test_garbage_invites_make_nothing(people, form):
    owner = people[0]
    state = await _state(owner)
    await run_handler(state.load)
    await run_handler(state.invite, form)
    assert state.error
    assert state.code == "" and state.screen == "list"
    assert len(_memberships(owner)) == 1


async def test_an_invite_shows_its_code_once(people):
    owner = people[0]
    state = await _state(owner)
    await run_handler(state.load)
    await run_handler(state.start_invite)
    await run_handler(state.invite, {"name": "Anna", "relation": "familie"})
    assert state.screen == "code" and len(state.code) == 11
    assert state.qr.startswith("data:image/svg+xml;base64,")
    assert "Anna" in state.code_text
    assert [m["status"] for m in state.members] == ["active", "invited"]
    await run_handler(state.back_to_list)
    assert (state.screen, state.code, state.qr) == ("list", "", "")


@pytest.mark.parametrize("garbage", [None, 5, {"a": 1}, "not-a-uuid", "x" * 10_000])
async def test_stopping_garbage_or_someone_elses_member_changes_nothing(people, garbage):
    owner, _mine, stranger, theirs, _counsellor = people
    state = await _state(owner)
    await run_handler(state.load)
    for target in (garbage, str(theirs.public_id)):
        await run_handler(state.ask_end, target)
        assert state.screen == "list" and state.chosen_id == ""
        await run_handler(state.confirm_end)
    assert all(m.ended_at is None for m in _memberships(stranger))
    assert all(m.ended_at is None for m in _memberships(owner))


async def test_stopping_my_own_member_ends_it_and_logs_them_out(people):
    owner, mine, *_ = people
    member_cookie = login_cookie(mine)
    home = await state_for(NetworkHomeState, cookie=member_cookie, path=NETWORK_HOME)
    assert redirect_target(await run_handler(home.load)) is None
    state = await _state(owner)
    await run_handler(state.load)
    await run_handler(state.ask_end, str(mine.public_id))
    assert (state.screen, state.chosen_name) == ("end", "Mijn Zus")
    await run_handler(state.confirm_end)
    assert state.members == [] and "Mijn Zus" in state.notice
    [membership] = _memberships(owner)
    assert membership.ended_at is not None
    home = await state_for(NetworkHomeState, cookie=member_cookie, path=NETWORK_HOME)
    assert redirect_target(await run_handler(home.load)) == LOGIN
    assert home.shared == []
