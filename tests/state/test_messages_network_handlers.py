"""Network chat handlers called as a (hostile) browser would: the two people only."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, Message, NetworkMembership
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.routes import NETWORK_HOME, PARTICIPANT_HOME, participant_thread
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.messages_network import network_thread_start
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.messages import ROUTE_PARAMETER, THREAD_ROLES, ThreadState
from jouw_omgeving.state.messages_list import ParticipantThreadsState
from jouw_omgeving.state.messages_live import poll_as
from jouw_omgeving.state.messages_network import NetworkThreadsState
from jouw_omgeving.state.messages_unread import still_on_home, unread_as
from tests.factories import (
    make_counsellor,
    make_message,
    make_network_member,
    make_participant,
)
from tests.state.helpers import (
    CLIENT_ADDRESS,
    login_cookie,
    redirect_target,
    run_handler,
    state_for,
)

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
GARBAGE = ["not-a-uuid", "", "../../etc", "0" * 10_000, 123, None, ["a"], {"$ne": None}, True]


@pytest.fixture
def world(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Kees")
        mine = make_participant(session, counsellor=counsellor, display_name="Mustafa")
        sister = make_network_member(session, participant=mine, display_name="Zus Amal")
        buddy = make_network_member(session, participant=mine, display_name="Buddy Bo")
        chat = network_thread_start(
            session, Viewer.of(mine), member_public_id=str(sister.public_id)
        )
        make_message(session, thread=chat, sender=mine, body="Hoi zus")
        counsellor_thread = ensure_counsellor_thread(session, mine.id)
        theirs = make_participant(session, display_name="Niet Van Mij")
        their_member = make_network_member(session, participant=theirs, display_name="Iemand")
        their_chat = network_thread_start(
            session, Viewer.of(theirs), member_public_id=str(their_member.public_id)
        )
    return SimpleNamespace(
        counsellor=counsellor,
        mine=mine,
        sister=sister,
        buddy=buddy,
        chat=chat,
        counsellor_thread=counsellor_thread,
        theirs=theirs,
        their_member=their_member,
        their_chat=their_chat,
    )


async def _thread_state(user, public_id, handler="load_for_network_member"):
    state = await state_for(
        ThreadState,
        cookie=login_cookie(user) if user else None,
        path="/netwerk/berichten/[thread_public_id]",
        query={ROUTE_PARAMETER: public_id},
    )
    events = await run_handler(getattr(state, handler))
    return state, events


def _count(thread) -> int:
    with db_session() as session:
        return len(session.exec(select(Message).where(Message.thread_id == thread.id)).all())


async def test_member_opens_and_writes_in_their_chat(world):
    state, events = await _thread_state(world.sister, str(world.chat.public_id))
    assert state.error == ""
    assert state.title == "Mustafa"
    assert "Mustafa" in state.readers and "Kees" not in state.readers
    assert [(m["body"], m["mine"]) for m in state.messages] == [("Hoi zus", False)]
    assert state.can_write
    [chained] = events
    assert len(chained) == 2  # restore the draft, start watching
    await run_handler(state.send, {"text": "Hoi Mustafa!", "key": "n" * 32})
    assert state.send_error == ""
    assert state.messages[-1]["body"] == "Hoi Mustafa!" and state.messages[-1]["mine"]
    assert _count(world.chat) == 2


async def test_participant_sees_the_member_as_the_title(world):
    state, _ = await _thread_state(world.mine, str(world.chat.public_id), "load_for_participant")
    assert state.title == "Zus Amal"
    assert "Zus Amal" in state.readers


@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
async def test_garbage_thread_ids_are_refused(world, garbage):
    state, _ = await _thread_state(world.sister, garbage)
    assert (state.error, state.messages) == (REFUSAL, [])


@pytest.mark.parametrize("which", ["counsellor_thread", "their_chat"])
async def test_member_is_refused_other_threads_and_it_is_audited(world, which):
    state, _ = await _thread_state(world.sister, str(getattr(world, which).public_id))
    assert (state.error, state.messages, state.can_write) == (REFUSAL, [], False)
    with db_session() as session:
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == world.sister.id, AuditEntry.outcome == "refused"
            )
        ).all()
    assert len(refused) == 1


async def test_other_member_and_counsellor_are_refused_the_chat(world):
    state, _ = await _thread_state(world.buddy, str(world.chat.public_id))
    assert (state.error, state.messages) == (REFUSAL, [])
    state, _ = await _thread_state(
        world.counsellor, str(world.chat.public_id), "load_for_counsellor"
    )
    assert (state.error, state.messages) == (REFUSAL, [])


async def test_swapping_the_thread_in_state_is_still_guarded(world):
    state, _ = await _thread_state(world.sister, str(world.chat.public_id))
    state.public_id = str(world.counsellor_thread.public_id)
    await run_handler(state.send, {"text": "Hoi begeleider", "key": "s" * 32})
    assert state.send_error == REFUSAL
    assert _count(world.counsellor_thread) == 0


async def test_wrong_role_on_the_member_route_goes_home(world):
    _, events = await _thread_state(world.mine, str(world.chat.public_id))
    assert redirect_target(events) == PARTICIPANT_HOME
    _, events = await _thread_state(world.sister, str(world.chat.public_id), "load_for_participant")
    assert redirect_target(events) == NETWORK_HOME


async def test_ending_the_membership_stops_the_member_polling(world):
    cookie = login_cookie(world.sister)
    result = poll_as(cookie, CLIENT_ADDRESS, world.chat.id, 0, THREAD_ROLES)
    assert [m.body for m in result.messages] == ["Hoi zus"]
    with db_session() as session:
        row = session.exec(
            select(NetworkMembership).where(NetworkMembership.member_id == world.sister.id)
        ).one()
        row.ended_at = utcnow() - timedelta(seconds=1)
        session.add(row)
    assert poll_as(cookie, CLIENT_ADDRESS, world.chat.id, 0, THREAD_ROLES) is None
    state, _ = await _thread_state(world.sister, str(world.chat.public_id))
    assert (state.error, state.messages) == (REFUSAL, [])


async def test_member_list_shows_their_chats_only(world):
    state = await state_for(NetworkThreadsState, cookie=login_cookie(world.sister))
    await run_handler(state.load)
    assert [(t["with_name"], t["unread"]) for t in state.threads] == [("Mustafa", 1)]
    assert state.unread == 1
    state = await state_for(NetworkThreadsState, cookie=login_cookie(world.buddy))
    await run_handler(state.load)
    assert (state.threads, state.unread) == ([], 0)


async def test_member_list_is_for_network_members_only(world):
    state = await state_for(NetworkThreadsState, cookie=login_cookie(world.mine))
    events = await run_handler(state.load)
    assert redirect_target(events) == PARTICIPANT_HOME
    assert state.threads == []


async def test_participant_starts_a_chat_with_an_own_member(world):
    state = await state_for(ParticipantThreadsState, cookie=login_cookie(world.mine))
    await run_handler(state.load)
    assert [c["name"] for c in state.choices] == ["Buddy Bo", "Zus Amal"]
    buddy_id = next(c["member_public_id"] for c in state.choices if c["name"] == "Buddy Bo")
    events = await run_handler(state.start_with, buddy_id)
    target = redirect_target(events)
    assert target and target.startswith(participant_thread(""))
    events = await run_handler(state.start_with, buddy_id)
    assert redirect_target(events) == target  # the same chat again, not a second one
    assert state.error == ""


@pytest.mark.parametrize("garbage", [*GARBAGE, "their_member"], ids=repr)
async def test_starting_a_chat_with_garbage_or_a_stranger_is_refused(world, garbage):
    if garbage == "their_member":
        garbage = str(world.their_member.public_id)
    state = await state_for(ParticipantThreadsState, cookie=login_cookie(world.mine))
    events = await run_handler(state.start_with, garbage)
    assert redirect_target(events) is None
    assert state.error == REFUSAL


async def test_only_participants_start_chats(world):
    state = await state_for(ParticipantThreadsState, cookie=login_cookie(world.sister))
    events = await run_handler(state.start_with, str(world.buddy.public_id))
    assert redirect_target(events) == NETWORK_HOME


# --- the home tile's live count -----------------------------------------------------------


async def test_home_count_is_the_participants_own_and_only_theirs(world):
    assert unread_as(login_cookie(world.mine), CLIENT_ADDRESS) == 0
    with db_session() as session:
        make_message(session, thread=world.chat, sender=world.sister, body="Nieuw!")
    assert unread_as(login_cookie(world.mine), CLIENT_ADDRESS) == 1
    for cookie in (login_cookie(world.sister), login_cookie(world.counsellor), "", "x=garbage"):
        assert unread_as(cookie, CLIENT_ADDRESS) is None  # the loop stops


@pytest.mark.parametrize(
    ("path", "stays"),
    [("/deelnemer", True), ("/deelnemer/", True), ("/deelnemer/berichten", False), ("/", False)],
)
def test_home_loop_stops_once_the_participant_went_on(path, stays):
    assert still_on_home(path) is stays
