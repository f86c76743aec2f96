"""The participant detail page's progress, messages and network tabs, as services."""

import uuid

import pytest
from sqlmodel import select

from jouw_omgeving.models import Assessment, AuditEntry, MessageThread, Organisation, Team
from jouw_omgeving.models.enums import ThreadKind
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.messages import open_thread
from jouw_omgeving.services.messages_participant import participant_thread_public_id
from jouw_omgeving.services.network_staff import participant_network_for_staff
from jouw_omgeving.services.progress_counsellor import (
    counsellor_assessment_record,
    participant_progress_for_staff,
)
from jouw_omgeving.services.self_reports import self_assessment_record
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_instrument,
    make_message,
    make_network_member,
    make_network_membership,
    make_participant,
    make_thread,
)

DOMAINS = (("housing", "Wonen", "Housing"), ("money", "Geld", "Money"))


@pytest.fixture
def world(session):
    """A counsellor with a participant (and their instrument), a team lead, a stranger."""
    counsellor = make_counsellor(session, display_name="Bea Begeleider")
    participant = make_participant(session, counsellor=counsellor, display_name="Henk B.")
    lead = make_counsellor(session, team=session.get(Team, counsellor.team_id), is_team_lead=True)
    stranger = make_counsellor(session)
    organisation = session.get(Organisation, participant.organisation_id)
    instrument = make_instrument(session, organisation=organisation, domains=DOMAINS)
    return counsellor, participant, lead, stranger, instrument


def _counsellor_scores(session, counsellor, participant, instrument, housing=4, money=2):
    return counsellor_assessment_record(
        session,
        Viewer.of(counsellor),
        str(participant.public_id),
        instrument_public_id=str(instrument.public_id),
        scores={"housing": housing, "money": money},
        note="Na het huisbezoek",
    )


def test_counsellor_assessment_stands_beside_the_self_assessment(session, world):
    counsellor, participant, lead, _, instrument = world
    self_assessment_record(
        session,
        Viewer.of(participant),
        participant_id=participant.id,
        instrument_public_id=str(instrument.public_id),
        scores={"housing": 2, "money": 3},
    )
    public_id = _counsellor_scores(session, counsellor, participant, instrument)
    stored = session.exec(
        select(Assessment).where(Assessment.public_id == uuid.UUID(public_id))
    ).one()
    assert (stored.assessor_role, stored.assessor_id, stored.note) == (
        "counsellor",
        counsellor.id,
        "Na het huisbezoek",
    )
    for viewer in (counsellor, lead):  # the team lead reads too
        progress = participant_progress_for_staff(
            session, Viewer.of(viewer), str(participant.public_id)
        )
        assert [(p["domain_key"], p["score"]) for p in progress["own_over_time"]] == [
            ("housing", 2),
            ("money", 3),
        ]
        assert [(p["domain_key"], p["score"]) for p in progress["counsellor_over_time"]] == [
            ("housing", 4),
            ("money", 2),
        ]
        assert [(r["own"], r["counsellor"]) for r in progress["side_by_side"]] == [(2, 4), (3, 2)]
        assert [d["key"] for d in progress["instrument"]["domains"]] == ["housing", "money"]
    reads = session.exec(
        select(AuditEntry).where(
            AuditEntry.subject_participant_id == participant.id,
            AuditEntry.category == "progress",
            AuditEntry.outcome == "allowed",
        )
    ).all()
    assert {(e.actor_id, e.action) for e in reads} >= {
        (counsellor.id, "create"),
        (counsellor.id, "read"),
        (lead.id, "read"),
    }


def test_only_the_caseload_counsellor_records_an_assessment(session, world):
    counsellor, participant, lead, stranger, instrument = world
    for user in (lead, stranger, participant):
        with pytest.raises(AccessDenied):
            _counsellor_scores(session, user, participant, instrument)
    with pytest.raises(AccessDenied):
        participant_progress_for_staff(session, Viewer.of(stranger), str(participant.public_id))
    with pytest.raises(AccessDenied):
        participant_progress_for_staff(session, Viewer.of(counsellor), "not-a-uuid")
    refused = session.exec(select(AuditEntry.actor_id).where(AuditEntry.outcome == "refused")).all()
    assert {lead.id, stranger.id, participant.id, counsellor.id} <= set(refused)
    assert session.exec(select(Assessment)).all() == []


@pytest.mark.parametrize(
    ("scores", "note"),
    [
        ({"housing": 4}, None),  # a domain missing
        ({"housing": 4, "money": 9}, None),  # off the scale
        ({"housing": 4, "money": True}, None),  # not a score
        ({"housing": 4, "money": "2"}, None),
        ({"housing": 4, "money": 2, "extra": 1}, None),
        ({"housing": 4, "money": 2}, "x" * 2001),
        ({"housing": 4, "money": 2}, ["lijst"]),
    ],
)
def test_a_bad_counsellor_assessment_is_refused(session, world, scores, note):
    counsellor, participant, _, _, instrument = world
    with pytest.raises(InvalidInput):
        counsellor_assessment_record(
            session,
            Viewer.of(counsellor),
            str(participant.public_id),
            instrument_public_id=str(instrument.public_id),
            scores=scores,
            note=note,
        )
    assert session.exec(select(Assessment)).all() == []


def test_an_old_instrument_is_refused(session, world):
    counsellor, participant, *_ = world
    with pytest.raises(InvalidInput):
        counsellor_assessment_record(
            session,
            Viewer.of(counsellor),
            str(participant.public_id),
            instrument_public_id="00000000-0000-4000-8000-000000000000",
            scores={"housing": 4, "money": 2},
        )


def test_the_detail_page_finds_and_answers_the_participants_thread(session, world):
    counsellor, participant, _, stranger, _ = world
    first = participant_thread_public_id(session, Viewer.of(counsellor), str(participant.public_id))
    again = participant_thread_public_id(session, Viewer.of(counsellor), str(participant.public_id))
    assert first == again  # created once, found after
    thread = session.exec(
        select(MessageThread).where(MessageThread.participant_id == participant.id)
    ).one()
    assert (str(thread.public_id), thread.kind) == (first, ThreadKind.COUNSELLOR)
    make_message(session, thread=thread, sender=participant, body="Kun je me bellen?")
    page = open_thread(session, Viewer.of(counsellor), thread_public_id=first)
    assert [m.body for m in page.messages] == ["Kun je me bellen?"]
    with pytest.raises(AccessDenied):
        participant_thread_public_id(session, Viewer.of(stranger), str(participant.public_id))


def test_the_existing_thread_is_the_one_found(session, world):
    counsellor, participant, *_ = world
    thread = make_thread(session, participant=participant)
    found = participant_thread_public_id(session, Viewer.of(counsellor), str(participant.public_id))
    assert found == str(thread.public_id)


def test_counsellor_sees_the_network_read_only_and_audited(session, world):
    counsellor, participant, lead, stranger, _ = world
    make_network_member(session, participant=participant, display_name="Zus Anna")
    make_network_membership(
        session, participant=participant, member=make_network_member(session), accepted=False
    )
    for viewer in (counsellor, lead):
        rows = participant_network_for_staff(session, Viewer.of(viewer), str(participant.public_id))
        assert sorted(r["status"] for r in rows) == ["active", "invited"]
        assert "Zus Anna" in {r["name"] for r in rows}
    with pytest.raises(AccessDenied):
        participant_network_for_staff(session, Viewer.of(stranger), str(participant.public_id))
    audit = session.exec(
        select(AuditEntry.actor_id, AuditEntry.outcome).where(AuditEntry.category == "network")
    ).all()
    assert {(counsellor.id, "allowed"), (lead.id, "allowed"), (stranger.id, "refused")} <= set(
        audit
    )
