"""Chats between a participant and their own network members: who may start, read, write."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, Message, NetworkMembership
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ThreadKind
from jouw_omgeving.services.access import require_participant_access
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.messages import open_thread, participant_threads, poll_thread
from jouw_omgeving.services.messages_access import authorize_thread
from jouw_omgeving.services.messages_inbox import counsellor_inbox
from jouw_omgeving.services.messages_network import (
    network_chat_choices,
    network_member_threads,
    network_thread_start,
)
from jouw_omgeving.services.messages_read import unread_for_participant
from jouw_omgeving.services.messages_send import send_message
from jouw_omgeving.services.notifications import set_notifier
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_counsellor,
    make_network_member,
    make_network_membership,
    make_participant,
    make_team,
    make_thread,
)

_keys = iter(range(10**6))


def _send(session, user, thread, body="Hoi"):
    return send_message(
        session,
        Viewer.of(user),
        thread_public_id=str(thread.public_id),
        body=body,
        idempotency_key=f"network-key-{next(_keys)}",
    )


def _entries(session, user, outcome):
    return session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == user.id, AuditEntry.outcome == outcome)
    ).all()


@pytest.fixture
def world(session):
    team = make_team(session, team_reads_messages=True)
    counsellor = make_counsellor(session, team=team, display_name="Anja")
    colleague = make_counsellor(session, team=team, display_name="Collega")
    participant = make_participant(session, counsellor=counsellor, display_name="Jan", team=team)
    sister = make_network_member(session, participant=participant, display_name="Zus Fatima")
    buddy = make_network_member(
        session, participant=participant, relation="buddy", display_name="Buddy Kim"
    )
    thread = network_thread_start(
        session, Viewer.of(participant), member_public_id=str(sister.public_id)
    )
    return type(
        "World",
        (),
        dict(
            counsellor=counsellor,
            colleague=colleague,
            participant=participant,
            sister=sister,
            buddy=buddy,
            thread=thread,
        ),
    )


def _end_membership(session, participant, member):
    row = session.exec(
        select(NetworkMembership).where(
            NetworkMembership.participant_id == participant.id,
            NetworkMembership.member_id == member.id,
        )
    ).one()
    row.ended_at = utcnow() - timedelta(seconds=1)
    session.add(row)
    session.flush()


# --- starting a chat ---------------------------------------------------------------------


def test_participant_chooses_among_active_members_only(session, world):
    make_network_membership(session, participant=world.participant, accepted=False)
    ended = make_network_member(session, display_name="Oud-buurman")
    make_network_membership(session, participant=world.participant, member=ended, ended_at=utcnow())
    choices = network_chat_choices(session, Viewer.of(world.participant))
    assert [(c.name, c.relation) for c in choices] == [
        ("Buddy Kim", "buddy"),
        ("Zus Fatima", "zus"),
    ]


def test_starting_again_returns_the_same_chat(session, world):
    again = network_thread_start(
        session, Viewer.of(world.participant), member_public_id=str(world.sister.public_id)
    )
    assert again.id == world.thread.id
    assert world.thread.kind == ThreadKind.NETWORK
    assert world.thread.network_member_id == world.sister.id


def test_a_chat_with_someone_elses_member_or_an_ended_one_is_refused(session, world):
    stranger = make_participant(session)
    strangers_member = make_network_member(session, participant=stranger)
    ended = make_network_member(session)
    make_network_membership(session, participant=world.participant, member=ended, ended_at=utcnow())
    viewer = Viewer.of(world.participant)
    for member_id in (str(strangers_member.public_id), str(ended.public_id), "nope", None, 7):
        with pytest.raises(AccessDenied):
            network_thread_start(session, viewer, member_public_id=member_id)
    assert len(_entries(session, world.participant, "refused")) == 5


@pytest.mark.parametrize("who", ["sister", "counsellor"])
def test_only_participants_start_chats(session, world, who):
    user = getattr(world, who)
    with pytest.raises(AccessDenied):
        network_thread_start(session, Viewer.of(user), member_public_id=str(world.buddy.public_id))
    with pytest.raises(AccessDenied):
        network_chat_choices(session, Viewer.of(user))
    assert len(_entries(session, user, "refused")) == 2


# --- the network member's side -----------------------------------------------------------


def test_member_lists_reads_and_writes_their_chat_audited(session, world):
    _send(session, world.participant, world.thread, "Kom je zondag eten?")
    member = Viewer.of(world.sister)
    [tile] = network_member_threads(session, member)
    assert (tile["with_name"], tile["unread"]) == ("Jan", 1)
    page = open_thread(session, member, thread_public_id=str(world.thread.public_id))
    assert [m.body for m in page.messages] == ["Kom je zondag eten?"]
    assert page.can_write
    assert page.messages[0].mine is False
    reply = _send(session, world.sister, world.thread, "Ja, gezellig!")
    assert reply.mine and not reply.from_participant
    assert network_member_threads(session, member)[0]["unread"] == 0
    allowed = _entries(session, world.sister, "allowed")
    assert allowed and {e.subject_participant_id for e in allowed} == {world.participant.id}
    assert {e.category for e in allowed} == {"messages"}


def test_receipts_and_unread_work_both_ways(session, world):
    sent = _send(session, world.participant, world.thread, "Hoi zus")
    assert unread_for_participant(session, participant_id=world.participant.id) == 0
    page = open_thread(
        session, Viewer.of(world.sister), thread_public_id=str(world.thread.public_id)
    )
    assert page.staff_read_upto >= sent.id  # "gelezen" for the participant
    _send(session, world.sister, world.thread, "Hoi!")
    assert unread_for_participant(session, participant_id=world.participant.id) == 1
    [network_tile] = [
        t
        for t in participant_threads(session, Viewer.of(world.participant))
        if t["kind"] == "network"
    ]
    assert (network_tile["with_name"], network_tile["unread"]) == ("Zus Fatima", 1)


def test_member_polls_live(session, world):
    member = Viewer.of(world.sister)
    _send(session, world.participant, world.thread, "Eén")
    result = poll_thread(session, member, thread_id=world.thread.id, after_id=0)
    assert [m.body for m in result.messages] == ["Eén"]


def test_notifications_go_to_the_other_person_only(session, world):
    calls = []
    recorder = type("R", (), {"message_arrived": lambda self, **kw: calls.append(kw)})()
    previous = set_notifier(recorder)
    try:
        _send(session, world.participant, world.thread, "Geheim voor jou")
        _send(session, world.sister, world.thread, "Oké")
    finally:
        set_notifier(previous)
    assert [c["recipient_id"] for c in calls] == [world.sister.id, world.participant.id]


def test_ending_the_membership_shuts_the_member_out_at_once(session, world):
    _send(session, world.participant, world.thread, "Voor het einde")
    member = Viewer.of(world.sister)
    open_thread(session, member, thread_public_id=str(world.thread.public_id))
    _end_membership(session, world.participant, world.sister)
    with pytest.raises(AccessDenied):
        open_thread(session, member, thread_public_id=str(world.thread.public_id))
    with pytest.raises(AccessDenied):
        _send(session, world.sister, world.thread, "Nog één ding")
    with pytest.raises(AccessDenied):
        poll_thread(session, member, thread_id=world.thread.id, after_id=0)
    assert network_member_threads(session, member) == []
    assert len(_entries(session, world.sister, "refused")) == 3
    # The participant keeps their own history but no longer writes to an ex-member.
    own = open_thread(
        session, Viewer.of(world.participant), thread_public_id=str(world.thread.public_id)
    )
    assert [m.body for m in own.messages] == ["Voor het einde"] and not own.can_write
    with pytest.raises(AccessDenied):
        _send(session, world.participant, world.thread, "Ben je er nog?")
    kinds = [t["kind"] for t in participant_threads(session, Viewer.of(world.participant))]
    assert kinds == ["counsellor"]


def test_another_member_of_the_same_network_is_refused(session, world):
    _send(session, world.participant, world.thread, "Alleen voor mijn zus")
    buddy = Viewer.of(world.buddy)
    with pytest.raises(AccessDenied):
        open_thread(session, buddy, thread_public_id=str(world.thread.public_id))
    with pytest.raises(AccessDenied):
        _send(session, world.buddy, world.thread, "Ik lees mee")
    assert network_member_threads(session, buddy) == []
    assert len(_entries(session, world.buddy, "refused")) == 2
    assert not _entries(session, world.buddy, "allowed")


def test_a_member_never_reaches_the_counsellor_thread(session, world):
    [counsellor_tile] = [
        t
        for t in participant_threads(session, Viewer.of(world.participant))
        if t["kind"] == "counsellor"
    ]
    with pytest.raises(AccessDenied):
        open_thread(session, Viewer.of(world.sister), thread_public_id=counsellor_tile["public_id"])
    # Nor a network thread of the right participant that is not theirs (opened by a factory).
    other = make_thread(
        session, participant=world.participant, kind=ThreadKind.NETWORK, network_member=world.buddy
    )
    with pytest.raises(AccessDenied):
        authorize_thread(session, Viewer.of(world.sister), other)
    assert len(_entries(session, world.sister, "refused")) == 2


@pytest.mark.parametrize("who", ["counsellor", "colleague"])
def test_counsellors_never_read_network_chats(session, world, who):
    """Not their caseload's counsellor, not a colleague of a team that reads along."""
    _send(session, world.participant, world.thread, "Privé")
    staff = getattr(world, who)
    viewer = Viewer.of(staff)
    with pytest.raises(AccessDenied):
        open_thread(session, viewer, thread_public_id=str(world.thread.public_id))
    with pytest.raises(AccessDenied):
        poll_thread(session, viewer, thread_id=world.thread.id, after_id=0)
    with pytest.raises(AccessDenied):
        _send(session, staff, world.thread, "Meelezen")
    with pytest.raises(AccessDenied):
        network_member_threads(session, viewer)
    assert len(_entries(session, staff, "refused")) == 4
    assert not _entries(session, staff, "allowed")
    assert session.exec(select(Message.body).where(Message.thread_id == world.thread.id)).all() == [
        "Privé"
    ]
    if who == "counsellor":
        rows = counsellor_inbox(session, viewer).rows
        assert all("Privé" not in r.preview for r in rows)


def test_admins_are_refused_network_chats(session, world):
    admin = make_admin(session)
    with pytest.raises(AccessDenied):
        open_thread(session, Viewer.of(admin), thread_public_id=str(world.thread.public_id))
    assert len(_entries(session, admin, "refused")) == 1


def test_a_member_never_reaches_the_participants_messages_as_a_whole(session, world):
    """The relation is about one thread: without it, messages stay shut (and audited)."""
    with pytest.raises(AccessDenied):
        require_participant_access(
            session,
            Viewer.of(world.sister),
            participant_id=world.participant.id,
            category="messages",
        )
    assert len(_entries(session, world.sister, "refused")) == 1
