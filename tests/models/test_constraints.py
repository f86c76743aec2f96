"""Database constraints the app relies on, checked on every configured database.

Each refusal is paired with the neighbouring case the database must accept, so a test
cannot pass because of some other constraint.
"""

import re
from typing import Literal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from jouw_omgeving.models import (
    AssessmentScore,
    Consent,
    ContentVersion,
    Message,
    Organisation,
    Team,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.enums import ConsentCategory, ConsentStatus, Role
from tests import factories as f

_VIOLATION = {
    # SQLite wording | PostgreSQL wording
    "unique": r"UNIQUE constraint failed|duplicate key value violates unique constraint",
    "foreign_key": r"FOREIGN KEY constraint failed|violates foreign key constraint",
}


def assert_refused(
    session: Session, *rows: SQLModel, violation: Literal["unique", "foreign_key"]
) -> None:
    """Adding ``rows`` fails on ``violation``; the session stays usable afterwards."""
    with pytest.raises(IntegrityError) as refusal, session.begin_nested():
        session.add_all(rows)
        session.flush()
    assert re.search(_VIOLATION[violation], str(refusal.value.orig)), refusal.value.orig


def accepted(session: Session, *rows: SQLModel) -> None:
    """Adding ``rows`` succeeds."""
    session.add_all(rows)
    session.flush()


def test_one_current_consent_per_participant_organisation_and_category(session: Session):
    participant = f.make_participant(session)
    partner = f.make_partner_organisation(session)
    f.make_consent(session, participant=participant, organisation=partner)

    # Another category, or another organisation, is a separate consent.
    accepted(
        session,
        Consent(
            participant_id=participant.id,
            organisation_id=partner.id,
            category=ConsentCategory.PROGRESS,
            status=ConsentStatus.GRANTED,
        ),
        Consent(
            participant_id=participant.id,
            organisation_id=f.make_partner_organisation(session).id,
            category=ConsentCategory.GOALS,
            status=ConsentStatus.GRANTED,
        ),
    )
    assert_refused(
        session,
        Consent(
            participant_id=participant.id,
            organisation_id=partner.id,
            category=ConsentCategory.GOALS,
            status=ConsentStatus.WITHDRAWN,
        ),
        violation="unique",
    )


def test_message_idempotency_key_is_unique_per_sender(session: Session):
    participant = f.make_participant(session)
    counsellor = f.make_counsellor(session)
    thread = f.make_thread(session, participant=participant)
    f.make_message(session, thread=thread, sender=participant, idempotency_key="resend-1")

    # The same key from someone else is a different message.
    accepted(
        session,
        Message(thread_id=thread.id, sender_id=counsellor.id, body="b", idempotency_key="resend-1"),
    )
    assert_refused(
        session,
        Message(
            thread_id=thread.id, sender_id=participant.id, body="again", idempotency_key="resend-1"
        ),
        violation="unique",
    )


def test_username_is_unique_but_may_be_empty_for_many(session: Session):
    f.make_user(session, role=Role.COUNSELLOR, username="anja")

    # Participants choose a username at activation: many may have none yet.
    accepted(
        session,
        User(role=Role.PARTICIPANT, display_name="Piet", username=None),
        User(role=Role.PARTICIPANT, display_name="Kees", username=None),
    )
    assert_refused(
        session,
        User(role=Role.PARTICIPANT, display_name="Anja", username="anja"),
        violation="unique",
    )


def test_assessment_has_one_score_per_domain(session: Session):
    participant = f.make_participant(session)
    instrument = f.make_instrument(session)
    housing, money = f.life_domains(session, instrument)[:2]
    assessment = f.make_assessment(
        session, participant=participant, instrument=instrument, scores={"housing": 2}
    )
    later = f.make_assessment(
        session, participant=participant, instrument=instrument, scores={"housing": 3}
    )
    assert later.id != assessment.id

    accepted(
        session, AssessmentScore(assessment_id=assessment.id, life_domain_id=money.id, score=4)
    )
    assert_refused(
        session,
        AssessmentScore(assessment_id=assessment.id, life_domain_id=housing.id, score=5),
        violation="unique",
    )


def test_one_read_marker_per_thread_and_user(session: Session):
    participant = f.make_participant(session)
    thread = f.make_thread(session, participant=participant)
    other_thread = f.make_thread(session, participant=participant)
    f.make_read_marker(session, thread=thread, user=participant)

    accepted(session, ThreadReadMarker(thread_id=other_thread.id, user_id=participant.id))
    assert_refused(
        session, ThreadReadMarker(thread_id=thread.id, user_id=participant.id), violation="unique"
    )


def test_content_version_numbers_are_unique_per_item(session: Session):
    item = f.make_content_item(session)  # has version 1
    other = f.make_content_item(session)
    assert f.make_content_version(session, content=item).version == 2

    accepted(session, ContentVersion(content_id=other.id, version=2, title={}, body={}))
    assert_refused(
        session,
        ContentVersion(content_id=item.id, version=2, title={"nl": "x"}, body={"nl": "x"}),
        violation="unique",
    )


def test_foreign_keys_are_enforced_on_insert(session: Session):
    if session.get_bind().dialect.name == "sqlite":
        pragma = session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar()
        assert pragma == 1

    participant = f.make_participant(session)
    thread = f.make_thread(session, participant=participant)

    accepted(
        session,
        Message(thread_id=thread.id, sender_id=participant.id, body="ok", idempotency_key="k1"),
    )
    assert_refused(
        session,
        Message(
            thread_id=thread.id + 1000, sender_id=participant.id, body="x", idempotency_key="k2"
        ),
        violation="foreign_key",
    )
    assert_refused(session, Team(organisation_id=987654, name="Nergens"), violation="foreign_key")


def test_a_referenced_row_cannot_be_deleted(session: Session):
    team = f.make_team(session)
    organisation = session.get(Organisation, team.organisation_id)
    assert organisation is not None

    with pytest.raises(IntegrityError) as refusal, session.begin_nested():
        session.delete(organisation)
        session.flush()
    assert re.search(_VIOLATION["foreign_key"], str(refusal.value.orig))
    assert session.get(Team, team.id) is not None
