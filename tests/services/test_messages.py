"""Secure messages: sending (bad input, idempotency), reading pages, receipts and refusals."""

from datetime import timedelta

import pytest
from sqlmodel import func, select

from jouw_omgeving.models import AuditEntry, Message
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ThreadKind
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.messages import (
    ensure_counsellor_thread,
    is_read_by_other_side,
    open_thread,
    participant_threads,
    poll_thread,
)
from jouw_omgeving.services.messages_read import unread_for_participant
from jouw_omgeving.services.messages_send import EMPTY, TOO_LONG, send_message
from jouw_omgeving.services.notifications import set_notifier
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_caseload_assignment,
    make_counsellor,
    make_evaluator,
    make_message,
    make_network_member,
    make_participant,
    make_partner,
    make_team,
    make_thread,
)


def _send(session, user, thread, body="Hoi", key=None):
    return send_message(
        session,
        Viewer.of(user),
        thread_public_id=str(thread.public_id),
        body=body,
        idempotency_key=key or f"key-{utcnow().timestamp()}-{id(body)}".replace(".", "-"),
    )


def _stored(session, thread):
    return session.exec(select(Message).where(Message.thread_id == thread.id)).all()


@pytest.fixture
def pair(session):
    counsellor = make_counsellor(session, display_name="Anja")
    participant = make_participant(session, counsellor=counsellor, display_name="Jan")
    return counsellor, participant, ensure_counsellor_thread(session, participant.id)


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "   ", "\n\t \n", "\x00\x07\x1b", 42, None, ["a"]])
def test_empty_or_whitespace_only_is_refused_and_nothing_stored(session, pair, body):
    _, participant, thread = pair
    with pytest.raises(InvalidInput) as refused:
        _send(session, participant, thread, body=body)
    assert refused.value.message_id == EMPTY
    assert _stored(session, thread) == []


def test_over_5000_characters_is_refused_but_5000_is_fine(session, pair):
    _, participant, thread = pair
    with pytest.raises(InvalidInput) as refused:
        _send(session, participant, thread, body="a" * 5001)
    assert refused.value.message_id == TOO_LONG
    with pytest.raises(InvalidInput):
        _send(session, participant, thread, body="a" * 100_000)
    assert _send(session, participant, thread, body="a" * 5000).body == "a" * 5000


def test_control_characters_are_stripped_but_newline_and_tab_kept(session, pair):
    _, participant, thread = pair
    sent = _send(session, participant, thread, body="  Hoi\x00\x08 daar\r\n\tja\x1b[31m\ud800 ")
    assert sent.body == "Hoi daar\n\tja[31m"


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "مرحبا، كيف حالك؟",
        "שלום 👋🏽 👨‍👩‍👧 ✅",
        "{{ state.secret }} ${x} `rm -rf`",
    ],
)
def test_html_rtl_and_emoji_are_stored_exactly_as_text(session, pair, body):
    counsellor, participant, thread = pair
    _send(session, participant, thread, body=body)
    page = open_thread(session, Viewer.of(counsellor), thread_public_id=str(thread.public_id))
    assert [m.body for m in page.messages] == [body]


@pytest.mark.parametrize("key", ["", "short", "x" * 65, "bad key!", None, 12345678, {"k": 1}])
def test_malformed_idempotency_key_is_refused(session, pair, key):
    _, participant, thread = pair
    with pytest.raises(InvalidInput):
        send_message(
            session,
            Viewer.of(participant),
            thread_public_id=str(thread.public_id),
            body="Hoi",
            idempotency_key=key,
        )
    assert _stored(session, thread) == []


# --- idempotency -----------------------------------------------------------------------


def test_resend_with_the_same_key_returns_the_stored_message(session, pair):
    _, participant, thread = pair
    first = _send(session, participant, thread, body="Kun je bellen?", key="a" * 32)
    again = _send(session, participant, thread, body="Kun je bellen?", key="a" * 32)
    assert again.public_id == first.public_id
    assert len(_stored(session, thread)) == 1


def test_same_key_in_another_thread_is_refused(session, pair):
    _, participant, thread = pair
    member = make_network_member(session, participant=participant)
    network = make_thread(
        session, participant=participant, kind=ThreadKind.NETWORK, network_member=member
    )
    _send(session, participant, thread, key="b" * 32)
    with pytest.raises(InvalidInput):
        _send(session, participant, network, key="b" * 32)
    assert _stored(session, network) == []


def test_a_race_on_the_same_key_stores_one_row(session, pair, monkeypatch):
    """The second insert hits the unique constraint and returns the winner's row."""
    import jouw_omgeving.services.messages_send as sending

    _, participant, thread = pair
    first = _send(session, participant, thread, key="c" * 32)
    monkeypatch.setattr(sending, "_by_key", _miss_once(sending._by_key))
    again = _send(session, participant, thread, key="c" * 32)
    assert again.public_id == first.public_id
    assert len(_stored(session, thread)) == 1


def _miss_once(real):
    calls = {"n": 0}

    def lookup(*args):
        calls["n"] += 1
        return None if calls["n"] == 1 else real(*args)

    return lookup


# --- pages, receipts, unread -------------------------------------------------------------


def test_thread_opens_on_the_newest_page_shown_oldest_to_newest(session, pair):
    counsellor, participant, thread = pair
    start = utcnow() - timedelta(hours=1)
    for n in range(7):
        make_message(
            session,
            thread=thread,
            sender=participant,
            body=f"m{n}",
            created_at=start + timedelta(minutes=n),
        )
    viewer = Viewer.of(counsellor)
    newest = open_thread(session, viewer, thread_public_id=str(thread.public_id), limit=3)
    assert [m.body for m in newest.messages] == ["m4", "m5", "m6"]
    assert newest.has_older
    older = open_thread(
        session,
        viewer,
        thread_public_id=str(thread.public_id),
        before=newest.messages[0].public_id,
        limit=3,
    )
    assert [m.body for m in older.messages] == ["m1", "m2", "m3"]
    oldest = open_thread(
        session,
        viewer,
        thread_public_id=str(thread.public_id),
        before=older.messages[0].public_id,
        limit=3,
    )
    assert [m.body for m in oldest.messages] == ["m0"]
    assert not oldest.has_older


def test_opening_marks_read_and_the_sender_sees_gelezen(session, pair):
    counsellor, participant, thread = pair
    _send(session, participant, thread, body="Ik heb een brief", key="d" * 32)
    assert unread_for_participant(session, participant_id=participant.id) == 0
    mine = open_thread(session, Viewer.of(participant), thread_public_id=str(thread.public_id))
    [item] = mine.messages
    assert item.mine
    assert not is_read_by_other_side(item, mine.participant_read_upto, mine.staff_read_upto)

    open_thread(session, Viewer.of(counsellor), thread_public_id=str(thread.public_id))
    _send(session, counsellor, thread, body="Stuur een foto", key="e" * 32)
    assert unread_for_participant(session, participant_id=participant.id) == 1
    assert participant_threads(session, Viewer.of(participant))[0]["unread"] == 1

    after = open_thread(session, Viewer.of(participant), thread_public_id=str(thread.public_id))
    assert [
        is_read_by_other_side(m, after.participant_read_upto, after.staff_read_upto)
        for m in after.messages
    ] == [True, True]  # opened by the participant: both read
    assert unread_for_participant(session, participant_id=participant.id) == 0
    staff = open_thread(session, Viewer.of(counsellor), thread_public_id=str(thread.public_id))
    assert is_read_by_other_side(staff.messages[1], staff.participant_read_upto, 0)


def test_poll_returns_only_newer_messages_and_moves_the_marker(session, pair):
    counsellor, participant, thread = pair
    first = _send(session, participant, thread, body="een", key="f" * 32)
    _send(session, participant, thread, body="twee", key="g" * 32)
    result = poll_thread(session, Viewer.of(counsellor), thread_id=thread.id, after_id=first.id)
    assert [m.body for m in result.messages] == ["twee"]
    assert result.staff_read_upto == result.messages[0].id


def test_counsellor_unread_ignores_the_participants_network_chats(session, pair):
    from jouw_omgeving.services.caseload import caseload_overview

    counsellor, participant, _thread = pair
    member = make_network_member(session, participant=participant)
    network = make_thread(
        session, participant=participant, kind=ThreadKind.NETWORK, network_member=member
    )
    make_message(session, thread=network, sender=participant, body="Privé")
    [row] = caseload_overview(session, Viewer.of(counsellor))["rows"]
    assert row["unread"] == 0


def test_readers_are_shown_including_a_team_that_reads_along(session):
    team = make_team(session, name="Team Noord", team_reads_messages=True)
    counsellor = make_counsellor(session, team=team, display_name="Anja")
    colleague = make_counsellor(session, team=team, display_name="Bas")
    participant = make_participant(session, counsellor=counsellor)
    thread = ensure_counsellor_thread(session, participant.id)
    make_message(session, thread=thread, sender=participant)
    mine = open_thread(session, Viewer.of(participant), thread_public_id=str(thread.public_id))
    assert mine.readers.counsellor_names == ("Anja",)
    assert mine.readers.team_name == "Team Noord"
    along = open_thread(session, Viewer.of(colleague), thread_public_id=str(thread.public_id))
    assert not along.can_write
    assert along.staff_read_upto == 0  # reading along leaves no receipt
    with pytest.raises(AccessDenied):
        _send(session, colleague, thread)


# --- refusals ----------------------------------------------------------------------------


def _refusals(session, actor):
    return session.exec(
        select(AuditEntry).where(
            AuditEntry.actor_id == actor.id,
            AuditEntry.outcome == "refused",
            AuditEntry.category == "messages",
        )
    ).all()


@pytest.mark.parametrize(
    "who", ["other_participant", "off_caseload", "ended_caseload", "admin", "partner", "evaluator"]
)
def test_outsiders_cannot_read_or_write_and_are_audited(session, pair, who):
    _, participant, thread = pair
    make_message(session, thread=thread, sender=participant, body="Geheim")
    if who == "ended_caseload":
        outsider = make_counsellor(session)
        make_caseload_assignment(
            session,
            counsellor=outsider,
            participant=participant,
            starts_at=utcnow() - timedelta(days=30),
            ends_at=utcnow() - timedelta(days=1),
        )
    else:
        outsider = {
            "other_participant": make_participant,
            "off_caseload": make_counsellor,
            "admin": make_admin,
            "partner": make_partner,
            "evaluator": make_evaluator,
        }[who](session)
    viewer = Viewer.of(outsider)
    with pytest.raises(AccessDenied):
        open_thread(session, viewer, thread_public_id=str(thread.public_id))
    with pytest.raises(AccessDenied):
        _send(session, outsider, thread, body="Ik ook")
    with pytest.raises(AccessDenied):
        poll_thread(session, viewer, thread_id=thread.id, after_id=0)
    refusals = _refusals(session, outsider)
    assert len(refusals) == 3
    assert {r.subject_participant_id for r in refusals} == {participant.id}
    assert session.exec(select(func.count(Message.id))).one() >= 1
    assert [m.body for m in _stored(session, thread)] == ["Geheim"]


def test_counsellors_never_read_a_network_thread(session, pair):
    counsellor, participant, _ = pair
    member = make_network_member(session, participant=participant)
    network = make_thread(
        session, participant=participant, kind=ThreadKind.NETWORK, network_member=member
    )
    with pytest.raises(AccessDenied):
        open_thread(session, Viewer.of(counsellor), thread_public_id=str(network.public_id))
    assert len(_refusals(session, counsellor)) == 1


@pytest.mark.parametrize("public_id", ["nope", "", None, 7, "0" * 500])
def test_unknown_thread_ids_are_refused(session, pair, public_id):
    counsellor, _, _ = pair
    with pytest.raises(AccessDenied):
        open_thread(session, Viewer.of(counsellor), thread_public_id=public_id)


def test_staff_reads_are_audited_per_open(session, pair):
    counsellor, participant, thread = pair
    open_thread(session, Viewer.of(counsellor), thread_public_id=str(thread.public_id))
    entries = session.exec(select(AuditEntry).where(AuditEntry.actor_id == counsellor.id)).all()
    assert [(e.category, e.outcome, e.subject_participant_id) for e in entries] == [
        ("messages", "allowed", participant.id)
    ]


# --- notifications -----------------------------------------------------------------------


class _Recorder:
    def __init__(self):
        self.calls = []

    def message_arrived(self, **kwargs):
        self.calls.append(kwargs)


def test_notifications_carry_no_text(session, pair):
    counsellor, participant, thread = pair
    recorder = _Recorder()
    previous = set_notifier(recorder)
    try:
        _send(session, participant, thread, body="Mijn schuld is 4000 euro", key="h" * 32)
        _send(session, counsellor, thread, body="Ik bel de schuldhulp", key="i" * 32)
    finally:
        set_notifier(previous)
    assert recorder.calls == [
        {"recipient_id": counsellor.id, "thread_public_id": str(thread.public_id)},
        {"recipient_id": participant.id, "thread_public_id": str(thread.public_id)},
    ]
    assert "schuld" not in repr(recorder.calls)
