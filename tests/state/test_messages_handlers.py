"""Message handlers called as a (hostile) browser would: own thread fine, others refused."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, LoginSession, Message
from jouw_omgeving.routes import LOGIN, PARTICIPANT_HOME
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.state.messages import ROUTE_PARAMETER, THREAD_ROLES, ThreadState
from jouw_omgeving.state.messages_inbox import InboxState
from jouw_omgeving.state.messages_list import ParticipantThreadsState
from jouw_omgeving.state.messages_live import poll_as, still_allowed
from jouw_omgeving.state.thread_news import news_marks
from tests.factories import make_admin, make_counsellor, make_message, make_participant
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
GARBAGE = ["not-a-uuid", "", "../../etc", "0" * 10_000, 123, None, ["a"], {"$ne": None}, True]


@pytest.fixture
def world(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Kees")
        mine = make_participant(session, counsellor=counsellor, display_name="Mustafa")
        thread = ensure_counsellor_thread(session, mine.id)
        make_message(session, thread=thread, sender=mine, body="<b>Hoi</b> Kees")
        theirs = make_participant(session, display_name="Niet Van Mij")
        other_thread = ensure_counsellor_thread(session, theirs.id)
        make_message(session, thread=other_thread, sender=theirs, body="Geheim")
        admin = make_admin(session)
    return SimpleNamespace(
        counsellor=counsellor,
        mine=mine,
        thread=thread,
        theirs=theirs,
        other_thread=other_thread,
        admin=admin,
    )


async def _thread_state(user, public_id, handler="load_for_participant"):
    state = await state_for(
        ThreadState,
        cookie=login_cookie(user) if user else None,
        path="/deelnemer/berichten/[thread_public_id]",
        query={ROUTE_PARAMETER: public_id},
    )
    events = await run_handler(getattr(state, handler))
    return state, events


async def test_participant_opens_own_thread_and_text_stays_text(world):
    state, events = await _thread_state(world.mine, str(world.thread.public_id))
    assert state.error == ""
    assert [m["body"] for m in state.messages] == ["<b>Hoi</b> Kees"]
    assert state.messages[0]["mine"] is True
    assert "Kees" in state.readers and "jij" in state.readers
    assert state.can_write
    [chained] = events
    assert len(chained) == 2  # restore the draft, start watching


@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
async def test_garbage_thread_ids_are_refused(world, garbage):
    state, _ = await _thread_state(world.mine, garbage)
    assert state.error == REFUSAL
    assert state.messages == []


async def test_another_participants_thread_is_refused_and_audited(world):
    state, _ = await _thread_state(world.mine, str(world.other_thread.public_id))
    assert state.error == REFUSAL
    assert state.messages == []
    with db_session() as session:
        [entry] = session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == world.mine.id, AuditEntry.outcome == "refused"
            )
        ).all()
    assert entry.subject_participant_id == world.theirs.id


async def test_counsellor_off_caseload_and_admin_are_refused(world):
    state, _ = await _thread_state(
        world.counsellor, str(world.other_thread.public_id), "load_for_counsellor"
    )
    assert (state.error, state.messages) == (REFUSAL, [])
    state, events = await _thread_state(
        world.admin, str(world.thread.public_id), "load_for_counsellor"
    )
    assert state.messages == []
    assert redirect_target(events) not in (None, "/begeleider/berichten")


async def test_not_logged_in_goes_to_login(world):
    state, events = await _thread_state(None, str(world.thread.public_id))
    assert redirect_target(events) == LOGIN
    assert state.messages == []


async def test_counsellor_on_the_participant_route_goes_home_and_back(world):
    _, events = await _thread_state(world.counsellor, str(world.thread.public_id))
    assert redirect_target(events) == "/begeleider"
    _, events = await _thread_state(world.mine, str(world.thread.public_id), "load_for_counsellor")
    assert redirect_target(events) == PARTICIPANT_HOME


def _count(thread) -> int:
    with db_session() as session:
        return len(session.exec(select(Message).where(Message.thread_id == thread.id)).all())


@pytest.mark.parametrize(
    "draft",
    [
        None,
        "text",
        42,
        [],
        {},
        {"text": "Hoi"},
        {"text": "Hoi", "key": None},
        {"text": "Hoi", "key": "x"},
        {"text": "   ", "key": "a" * 32},
        {"text": "a" * 1_000_000, "key": "b" * 32},
        {"text": {"$gt": ""}, "key": "c" * 32},
        {"text": ["Hoi"], "key": "d" * 32},
    ],
    ids=repr,
)
async def test_garbage_drafts_are_refused_and_nothing_stored(world, draft):
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    before = _count(world.thread)
    await run_handler(state.send, draft)
    assert state.send_error != ""
    assert _count(world.thread) == before
    assert len(state.messages) == 1


async def test_send_shows_the_message_once_stored_and_a_resend_is_not_a_duplicate(world):
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    before = _count(world.thread)
    draft = {"text": "Kun je me bellen? 📞", "key": "e" * 32}
    events = await run_handler(state.send, draft)
    assert state.send_error == ""
    assert [m["body"] for m in state.messages][-1] == "Kun je me bellen? 📞"
    assert events  # the script that empties the box and forgets the draft
    await run_handler(state.send, draft)
    assert _count(world.thread) == before + 1
    assert len(state.messages) == 2


async def test_send_into_a_thread_swapped_in_state_is_still_guarded(world):
    """The public id lives in state; a refusal comes from the service, not from trust."""
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    state.public_id = str(world.other_thread.public_id)
    await run_handler(state.send, {"text": "Hoi", "key": "f" * 32})
    assert state.send_error == REFUSAL
    assert _count(world.other_thread) == 1


async def test_poll_does_not_keep_the_session_alive(world):
    cookie = login_cookie(world.counsellor)
    with db_session() as session:
        row = session.exec(
            select(LoginSession)
            .where(LoginSession.user_id == world.counsellor.id)
            .order_by(LoginSession.id.desc())
        ).first()
        row.last_seen_at = row.last_seen_at - timedelta(minutes=5)
        session.add(row)
        seen = row.last_seen_at
    result = poll_as(cookie, CLIENT_ADDRESS, world.thread.id, 0, THREAD_ROLES)
    assert [m.body for m in result.messages] == ["<b>Hoi</b> Kees"]
    with db_session() as session:
        assert session.get(LoginSession, row.id).last_seen_at == seen


async def test_poll_of_someone_elses_thread_gives_nothing(world):
    cookie = login_cookie(world.mine)
    assert poll_as(cookie, CLIENT_ADDRESS, world.other_thread.id, 0, THREAD_ROLES) is None
    assert poll_as("garbage", CLIENT_ADDRESS, world.thread.id, 0, THREAD_ROLES) is None


async def test_the_cheap_poll_question_changes_only_with_news_or_a_receipt(world):
    def mark(thread_id: int) -> tuple[int, int]:
        return news_marks([thread_id])[thread_id]  # read-only: a write in it would raise

    quiet = mark(world.thread.id)
    assert mark(world.thread.id) == quiet
    with db_session() as session:
        make_message(session, thread=world.thread, sender=world.counsellor, body="Antwoord")
    answered = mark(world.thread.id)
    assert answered != quiet
    # The participant's page reads it: her read marker moves, the sender's receipt must too.
    poll_as(login_cookie(world.mine), CLIENT_ADDRESS, world.thread.id, 0, THREAD_ROLES)
    assert mark(world.thread.id) not in (quiet, answered)
    assert mark(world.other_thread.id) != mark(world.thread.id)
    # Many threads in one question, each with its own answer; unknown threads left out.
    both = news_marks([world.thread.id, world.other_thread.id, -1])
    assert both == {
        world.thread.id: mark(world.thread.id),
        world.other_thread.id: mark(world.other_thread.id),
    }
    assert news_marks([]) == {}


async def test_the_periodic_check_ends_with_the_session(world):
    cookie = login_cookie(world.mine)
    assert still_allowed(cookie, CLIENT_ADDRESS, THREAD_ROLES)
    with db_session() as session:
        for row in session.exec(select(LoginSession).where(LoginSession.user_id == world.mine.id)):
            row.revoked_at = row.created_at
            session.add(row)
    assert not still_allowed(cookie, CLIENT_ADDRESS, THREAD_ROLES)
    assert not still_allowed("garbage", CLIENT_ADDRESS, THREAD_ROLES)


async def test_thread_list_is_for_participants_only(world):
    state = await state_for(ParticipantThreadsState, cookie=login_cookie(world.mine))
    await run_handler(state.load)
    assert [t["with_name"] for t in state.threads] == ["Kees"]
    state = await state_for(ParticipantThreadsState, cookie=login_cookie(world.admin))
    events = await run_handler(state.load)
    assert state.threads == []
    assert redirect_target(events) == "/beheer"


@pytest.mark.parametrize(
    ("handler", "args"),
    [
        ("search_messages", (None,)),
        ("search_messages", ({"q": ["x"]},)),
        ("search_messages", ({"q": "%" * 10_000},)),
        ("set_unread_first", ("yes",)),
        ("set_unread_first", ({"a": 1},)),
        ("next_page", ()),
        ("previous_page", ()),
    ],
)
async def test_inbox_handlers_take_garbage_calmly(world, handler, args):
    state = await state_for(InboxState, cookie=login_cookie(world.counsellor))
    await run_handler(state.load)
    await run_handler(getattr(state, handler), *args)
    assert state.error == ""
    assert all(row["name"] != "Niet Van Mij" for row in state.rows)
    assert len(state.search) <= 100


async def test_inbox_shows_only_the_own_caseload_and_refuses_others(world):
    state = await state_for(InboxState, cookie=login_cookie(world.counsellor))
    await run_handler(state.load)
    assert [row["name"] for row in state.rows] == ["Mustafa"]
    assert state.rows[0]["preview"] == "<b>Hoi</b> Kees"
    for user, home in ((world.mine, PARTICIPANT_HOME), (world.admin, "/beheer")):
        state = await state_for(InboxState, cookie=login_cookie(user))
        events = await run_handler(state.load)
        assert (state.rows, redirect_target(events)) == ([], home)


async def test_stop_watching_ends_the_loop_generation(world):
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    generation = state._generation
    set_router(state, cookie=login_cookie(world.mine))
    await run_handler(state.stop_watching)
    assert state._generation == generation + 1


class _FakeUpload:
    """What Reflex hands an upload handler: a name and an async read()."""

    def __init__(self, name, data):
        self.name, self._data = name, data

    async def read(self, size=-1):
        return self._data if size < 0 else self._data[:size]


@pytest.mark.parametrize(
    "files",
    [None, "x", [], [1], [_FakeUpload("a.exe", b"MZ\x90")], [_FakeUpload("b.jpg", b"")]],
    ids=repr,
)
async def test_garbage_uploads_store_nothing(world, files):
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    before = _count(world.thread)
    try:
        await run_handler(state.send_file, files)
    except (AttributeError, TypeError):
        pytest.fail("the handler must not crash on garbage")
    assert _count(world.thread) == before


async def test_an_upload_into_someone_elses_thread_is_refused(world):
    state, _ = await _thread_state(world.mine, str(world.thread.public_id))
    state.public_id = str(world.other_thread.public_id)
    await run_handler(state.send_file, [_FakeUpload("brief.pdf", b"%PDF-1.7 x")])
    assert state.send_error == REFUSAL
    assert _count(world.other_thread) == 1
