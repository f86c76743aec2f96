"""The admin's caseload overview: counts per counsellor and team, no participant names."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from jouw_omgeving.services.admin_caseloads import caseload_counts
from jouw_omgeving.services.errors import AccessDenied
from tests.factories import (
    make_admin,
    make_caseload_assignment,
    make_counsellor,
    make_participant,
    make_team,
    now,
)
from tests.services.admin_helpers import non_admins, refused_entries, viewer


def test_counts_per_counsellor_and_team(session: Session):
    team = make_team(session, name="Team Telling")
    lead = make_counsellor(session, team=team, display_name="Anna Lead", is_team_lead=True)
    other = make_counsellor(session, team=team, display_name="Bert Begeleider")
    make_counsellor(session, team=team, display_name="Gone", active=False)
    for _ in range(3):
        make_participant(session, counsellor=lead, display_name="Geheime Naam")
    ended = make_participant(session, with_counsellor=False, team=team)
    make_caseload_assignment(
        session,
        counsellor=other,
        participant=ended,
        starts_at=now() - timedelta(days=30),
        ends_at=now() - timedelta(days=1),
    )
    admin = make_admin(session)
    [row] = [r for r in caseload_counts(session, viewer(admin)) if r["team"] == "Team Telling"]
    assert row["counsellors"] == [
        {"name": "Anna Lead", "is_team_lead": True, "participants": 3},
        {"name": "Bert Begeleider", "is_team_lead": False, "participants": 0},
    ]
    assert (row["guided"], row["unassigned"]) == (3, 1)
    assert "Geheime Naam" not in repr(row)


def test_every_other_role_is_refused_and_audited(session: Session):
    for user in non_admins(session):
        with pytest.raises(AccessDenied):
            caseload_counts(session, viewer(user))
        assert len(refused_entries(session, user)) == 1
