"""Contact registration and appointments: what is stored, what is listed, what is refused."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import Appointment, AuditEntry, ContactMoment
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.appointments import (
    appointment_cancel,
    appointment_plan,
    appointments_list,
    my_upcoming_appointments,
)
from jouw_omgeving.services.contacts import contact_register, contacts_list, local_today
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_contact_moment,
    make_counsellor,
    make_evaluator,
    make_network_member,
    make_participant,
    make_partner,
)


@pytest.fixture
def pair(session):
    """A counsellor and a participant on their caseload."""
    counsellor = make_counsellor(session, display_name="Sanne B.")
    participant = make_participant(session, counsellor=counsellor)
    return counsellor, participant


def _register(session, viewer_user, participant, **changes):
    fields = {"kind": "phone", "day": local_today(), "duration_minutes": 15, "note": "Gebeld"}
    fields.update(changes)
    return contact_register(session, Viewer.of(viewer_user), str(participant.public_id), **fields)


def test_register_a_phone_call_and_list_it_newest_first(session, pair):
    counsellor, participant = pair
    make_contact_moment(
        session,
        participant=participant,
        counsellor=counsellor,
        occurred_at=utcnow() - timedelta(days=3),
    )
    row = _register(session, counsellor, participant, note="  Gebeld over de huur  ")
    stored = session.exec(select(ContactMoment).where(ContactMoment.note.is_not(None))).all()
    assert [(c.kind, c.duration_minutes, c.note) for c in stored] == [
        ("phone", 15, "Gebeld over de huur")
    ]
    listed = contacts_list(session, Viewer.of(counsellor), str(participant.public_id))
    assert listed["total"] == 2
    assert listed["rows"][0]["public_id"] == row["public_id"]
    assert listed["rows"][0]["counsellor"] == "Sanne B."
    audit = session.exec(
        select(AuditEntry).where(
            AuditEntry.actor_id == counsellor.id, AuditEntry.action == "create"
        )
    ).one()
    assert (audit.category, audit.outcome) == ("contacts", "allowed")


def test_contacts_list_pages(session, pair):
    counsellor, participant = pair
    for days in range(12):
        make_contact_moment(
            session,
            participant=participant,
            counsellor=counsellor,
            occurred_at=utcnow() - timedelta(days=days),
        )
    viewer = Viewer.of(counsellor)
    first = contacts_list(session, viewer, str(participant.public_id), page_size=5)
    last = contacts_list(session, viewer, str(participant.public_id), page=2, page_size=5)
    assert (first["total"], first["pages"], len(last["rows"])) == (12, 3, 2)
    assert first["rows"][0]["occurred_at"] > first["rows"][-1]["occurred_at"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "telepathy"}, "Kies hoe het contact was"),
        ({"duration_minutes": 0}, "tussen 1 en 600"),
        ({"duration_minutes": 601}, "tussen 1 en 600"),
        ({"duration_minutes": "15"}, "tussen 1 en 600"),
        ({"duration_minutes": True}, "tussen 1 en 600"),
        ({"note": "x" * 2001}, "2000 tekens"),
        ({"day": local_today() + timedelta(days=30)}, "toekomst"),
        ({"day": local_today() - timedelta(days=400)}, "te lang geleden"),
        ({"day": "2026-01-01"}, "toekomst"),
    ],
)
def test_register_refuses_bad_input_in_dutch(session, pair, changes, message):
    counsellor, participant = pair
    with pytest.raises(InvalidInput) as refused:
        _register(session, counsellor, participant, **changes)
    assert message in refused.value.message_id


@pytest.mark.parametrize(
    "maker",
    [make_counsellor, make_participant, make_partner, make_evaluator, make_admin],
)
def test_register_is_refused_to_anyone_but_the_caseload_and_audited(session, pair, maker):
    _, participant = pair
    other = maker(session)
    with pytest.raises(AccessDenied):
        _register(session, other, participant)
    with pytest.raises(AccessDenied):
        contacts_list(session, Viewer.of(other), str(participant.public_id))
    outcomes = session.exec(select(AuditEntry.outcome).where(AuditEntry.actor_id == other.id)).all()
    assert outcomes == ["refused", "refused"]
    assert session.exec(select(ContactMoment)).all() == []


def test_the_participant_cannot_register_their_own_contact(session, pair):
    _, participant = pair
    with pytest.raises(AccessDenied):
        _register(session, participant, participant)


# --- appointments ------------------------------------------------------------------------


def _plan(session, counsellor, participant, **changes):
    fields = {
        "kind": "visit",
        "starts_at": utcnow() + timedelta(days=2),
        "duration_minutes": 60,
        "location": "Thuis, Dorpsstraat 1",
        "note": "Post meenemen",
    }
    fields.update(changes)
    return appointment_plan(session, Viewer.of(counsellor), str(participant.public_id), **fields)


def test_plan_and_cancel_an_appointment_which_is_kept(session, pair):
    counsellor, participant = pair
    planned = _plan(session, counsellor, participant)
    mine = my_upcoming_appointments(session, Viewer.of(participant))
    assert [(a["kind"], a["location"], a["counsellor"]) for a in mine] == [
        ("visit", "Thuis, Dorpsstraat 1", "Sanne B.")
    ]
    assert mine[0]["note"] == ""  # the counsellor's note stays on the staff side
    cancelled = appointment_cancel(session, Viewer.of(counsellor), planned["public_id"])
    assert cancelled["status"] == "cancelled"
    assert my_upcoming_appointments(session, Viewer.of(participant)) == []
    stored = session.exec(select(Appointment)).one()
    assert stored.status == "cancelled"  # kept, not deleted
    listed = appointments_list(session, Viewer.of(counsellor), str(participant.public_id))
    assert [r["status"] for r in listed["rows"]] == ["cancelled"]
    with pytest.raises(InvalidInput):
        appointment_cancel(session, Viewer.of(counsellor), planned["public_id"])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "platform"}, "Kies een bezoek"),
        ({"starts_at": utcnow() - timedelta(days=1)}, "in de toekomst"),
        ({"starts_at": utcnow() + timedelta(days=400)}, "in de toekomst"),
        ({"starts_at": "morgen"}, "in de toekomst"),
        ({"duration_minutes": 0}, "tussen 1 en 600"),
        ({"location": "x" * 201}, "200 tekens"),
        ({"note": "x" * 1001}, "1000 tekens"),
    ],
)
def test_plan_refuses_bad_input(session, pair, changes, message):
    counsellor, participant = pair
    with pytest.raises(InvalidInput) as refused:
        _plan(session, counsellor, participant, **changes)
    assert message in refused.value.message_id


def test_appointments_are_refused_outside_the_caseload_and_audited(session, pair):
    counsellor, participant = pair
    planned = _plan(session, counsellor, participant)
    colleague = make_counsellor(session)
    for call in (
        lambda: _plan(session, colleague, participant),
        lambda: appointment_cancel(session, Viewer.of(colleague), planned["public_id"]),
        lambda: appointment_cancel(session, Viewer.of(colleague), "not-a-uuid"),
        lambda: appointments_list(session, Viewer.of(colleague), str(participant.public_id)),
    ):
        with pytest.raises(AccessDenied):
            call()
    outcomes = session.exec(
        select(AuditEntry.outcome).where(AuditEntry.actor_id == colleague.id)
    ).all()
    assert outcomes == ["refused"] * 4
    for maker in (make_counsellor, make_partner, make_evaluator, make_admin, make_network_member):
        with pytest.raises(AccessDenied):
            my_upcoming_appointments(session, Viewer.of(maker(session)))


def test_participant_sees_only_their_own_appointments(session, pair):
    counsellor, participant = pair
    other = make_participant(session, counsellor=counsellor)
    _plan(session, counsellor, other, location="Elders")
    _plan(session, counsellor, participant, location="Kantoor")
    assert [a["location"] for a in my_upcoming_appointments(session, Viewer.of(participant))] == [
        "Kantoor"
    ]
