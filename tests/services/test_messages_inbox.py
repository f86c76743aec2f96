"""The counsellor's inbox: caseload threads only, newest first, unread first, search, pages."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.messages_inbox import counsellor_inbox
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_counsellor,
    make_message,
    make_participant,
    make_read_marker,
)


@pytest.fixture
def caseload(session):
    """Three participants with a message each, an hour apart; Cor's one is read."""
    counsellor = make_counsellor(session)
    start = utcnow() - timedelta(hours=5)
    people = {}
    for hours, name, body in [
        (1, "Ahmed", "Mijn uitkering is gestopt"),
        (2, "Bea", "De huur is betaald"),
        (3, "Cor", "Tot dinsdag 100% zeker"),
    ]:
        participant = make_participant(session, counsellor=counsellor, display_name=name)
        thread = ensure_counsellor_thread(session, participant.id)
        message = make_message(
            session,
            thread=thread,
            sender=participant,
            body=body,
            created_at=start + timedelta(hours=hours),
        )
        people[name] = (participant, thread, message)
    _, thread, message = people["Cor"]
    make_read_marker(session, thread=thread, user=counsellor, last_read_message=message)
    make_participant(session, display_name="Niet Van Mij")  # someone else's caseload
    return counsellor, people


def _names(page):
    return [row.participant_name for row in page.rows]


def test_newest_first_and_only_the_own_caseload(session, caseload):
    counsellor, _ = caseload
    page = counsellor_inbox(session, Viewer.of(counsellor))
    assert _names(page) == ["Cor", "Bea", "Ahmed"]
    assert [row.unread for row in page.rows] == [0, 1, 1]
    assert page.rows[1].preview == "De huur is betaald"


def test_unread_first(session, caseload):
    counsellor, _ = caseload
    page = counsellor_inbox(session, Viewer.of(counsellor), unread_first=True)
    assert _names(page) == ["Bea", "Ahmed", "Cor"]


def test_search_in_messages_and_names_with_like_characters_escaped(session, caseload):
    counsellor, _ = caseload
    viewer = Viewer.of(counsellor)
    assert _names(counsellor_inbox(session, viewer, search="UITKERING")) == ["Ahmed"]
    assert _names(counsellor_inbox(session, viewer, search="bea")) == ["Bea"]
    assert _names(counsellor_inbox(session, viewer, search="100%")) == ["Cor"]
    assert _names(counsellor_inbox(session, viewer, search="%")) == ["Cor"]
    assert _names(counsellor_inbox(session, viewer, search="_")) == []
    assert _names(counsellor_inbox(session, viewer, search="Niet Van Mij")) == []


def test_pages_do_not_overlap(session, caseload):
    counsellor, _ = caseload
    viewer = Viewer.of(counsellor)
    first = counsellor_inbox(session, viewer, page_size=2)
    second = counsellor_inbox(session, viewer, page=1, page_size=2)
    assert (_names(first), first.has_next) == (["Cor", "Bea"], True)
    assert (_names(second), second.has_next) == (["Ahmed"], False)


def test_each_participant_shown_is_audited(session, caseload):
    counsellor, people = caseload
    counsellor_inbox(session, Viewer.of(counsellor))
    subjects = session.exec(
        select(AuditEntry.subject_participant_id).where(
            AuditEntry.actor_id == counsellor.id, AuditEntry.category == "messages"
        )
    ).all()
    assert sorted(subjects) == sorted(p.id for p, _, _ in people.values())


def test_a_participant_without_messages_still_has_a_thread(session):
    counsellor = make_counsellor(session)
    make_participant(session, counsellor=counsellor, display_name="Nieuw")
    page = counsellor_inbox(session, Viewer.of(counsellor))
    assert _names(page) == ["Nieuw"]
    assert page.rows[0].preview == ""


def test_admin_has_no_inbox(session):
    admin = make_admin(session)
    with pytest.raises(AccessDenied):
        counsellor_inbox(session, Viewer.of(admin))
