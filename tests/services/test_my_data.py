"""The participant's export: every table with their data, only their rows, never secrets."""

import json

import pytest
from sqlmodel import SQLModel, select

import jouw_omgeving.models  # noqa: F401  (every table on the metadata)
from jouw_omgeving.models import AuditEntry
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.goals import goal_board
from jouw_omgeving.services.my_data import EXPORT, NOT_PERSONAL, SECRET_COLUMNS, participant_export
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_appointment,
    make_assessment,
    make_assignment,
    make_check_in,
    make_consent,
    make_contact_moment,
    make_counsellor,
    make_goal,
    make_goal_step,
    make_message,
    make_participant,
    make_partner,
    make_submission,
    make_thread,
)

EXPORTED = {model.__tablename__ for model in EXPORT}


def test_every_table_is_exported_or_explained():
    """A new table fails here until it is exported or said to hold no participant data."""
    tables = set(SQLModel.metadata.tables)
    assert EXPORTED.isdisjoint(NOT_PERSONAL)
    assert tables == EXPORTED | set(NOT_PERSONAL), tables ^ (EXPORTED | set(NOT_PERSONAL))


def test_every_table_that_points_at_a_user_is_exported():
    authored_by_staff = {"content_item", "content_version"}  # created_by: staff authorship
    for name, table in SQLModel.metadata.tables.items():
        points_at_user = any(
            fk.column.table.name == "app_user"
            for column in table.columns
            for fk in column.foreign_keys
        )
        if points_at_user and name not in authored_by_staff:
            assert name in EXPORTED, name


def _full_participant(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor, password_hash="secret-hash")
    goal = make_goal(session, participant=participant, title="Een eigen huis")
    make_goal_step(session, goal=goal, title="Woningnet bellen")
    thread = make_thread(session, participant=participant)
    make_message(session, thread=thread, sender=counsellor, body="Hoe gaat het?")
    make_assessment(session, participant=participant)
    make_check_in(session, participant=participant)
    submission_for = make_assignment(session, participant=participant)
    make_submission(session, assignment=submission_for)
    make_consent(session, participant=participant)
    make_contact_moment(session, participant=participant, counsellor=counsellor)
    make_appointment(session, participant=participant, counsellor=counsellor)
    goal_board(session, Viewer.of(counsellor), participant_id=participant.id)  # an access
    return participant


def test_the_export_holds_the_participants_rows_and_only_theirs(session):
    participant = _full_participant(session)
    other = _full_participant(session)
    export = participant_export(session, Viewer.of(participant))
    json.dumps(export)  # machine-readable as it is
    assert export["format"] == "jouw-omgeving-export" and export["version"] == 1
    tables = export["tables"]
    assert set(tables) == EXPORTED
    assert [u["id"] for u in tables["app_user"]] == [participant.id]
    assert [g["title"] for g in tables["goal"]] == ["Een eigen huis"]
    assert "Woningnet bellen" in [s["title"] for s in tables["goal_step"]]
    assert [m["body"] for m in tables["message"]] == ["Hoe gaat het?"]
    for name in ("assessment", "assessment_score", "check_in", "assignment", "submission"):
        assert tables[name], name
    for name in ("consent", "consent_record", "contact_moment", "appointment", "audit_entry"):
        assert tables[name], name
    for rows in tables.values():
        for row in rows:
            assert SECRET_COLUMNS.isdisjoint(row)
            for key in ("participant_id", "subject_participant_id"):
                assert row.get(key, participant.id) == participant.id
            assert other.id not in (row.get("participant_id"), row.get("user_id"))


@pytest.mark.parametrize("make", [make_counsellor, make_partner, make_admin])
def test_nobody_exports_someone_else(session, make):
    user = make(session)
    with pytest.raises(AccessDenied):
        participant_export(session, Viewer.of(user))
    outcomes = session.exec(select(AuditEntry.outcome).where(AuditEntry.actor_id == user.id)).all()
    assert outcomes == ["refused"]


def test_the_export_names_the_people_and_things_its_rows_point_at(session):
    participant = _full_participant(session)
    export = participant_export(session, Viewer.of(participant))
    references = export["references"]
    [message] = export["tables"]["message"]
    assert references["users"][str(message["sender_id"])]["role"] == "counsellor"
    [assignment] = export["tables"]["assignment"]
    assert references["content"][str(assignment["content_id"])]["nl"] == "Je budget op een rij"
    [consent] = export["tables"]["consent"]
    assert str(consent["organisation_id"]) in references["organisations"]
    json.dumps(export)
