"""The access guard: own data, active caseload, team lead; refusals raise and are audited."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import require_participant_access
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_caseload_assignment,
    make_counsellor,
    make_evaluator,
    make_participant,
    make_partner,
)


def _audit(session, participant):
    return session.exec(
        select(AuditEntry).where(AuditEntry.subject_participant_id == participant.id)
    ).all()


def test_participant_reaches_own_data_without_audit(session):
    participant = make_participant(session)
    require_participant_access(
        session, Viewer.of(participant), participant_id=participant.id, category="goals"
    )
    assert _audit(session, participant) == []


def test_participant_is_refused_another_participant(session):
    me, other = make_participant(session), make_participant(session)
    with pytest.raises(AccessDenied):
        require_participant_access(
            session, Viewer.of(me), participant_id=other.id, category="goals"
        )
    [entry] = _audit(session, other)
    assert (entry.actor_id, entry.outcome, entry.category) == (me.id, "refused", "goals")


def test_counsellor_reaches_active_caseload_and_it_is_audited(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    viewer = Viewer.of(counsellor, client_address="10.0.0.9")
    require_participant_access(session, viewer, participant_id=participant.id, category="goals")
    [entry] = _audit(session, participant)
    assert entry.outcome == "allowed"
    assert entry.actor_role == Role.COUNSELLOR
    assert entry.client_address == "10.0.0.9"


def test_counsellor_is_refused_after_the_caseload_ended(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, with_counsellor=False)
    make_caseload_assignment(
        session,
        counsellor=counsellor,
        participant=participant,
        starts_at=utcnow() - timedelta(days=60),
        ends_at=utcnow() - timedelta(days=1),
    )
    with pytest.raises(AccessDenied):
        require_participant_access(
            session, Viewer.of(counsellor), participant_id=participant.id, category="goals"
        )
    assert [e.outcome for e in _audit(session, participant)] == ["refused"]


def test_team_lead_reaches_the_team_but_not_other_teams(session):
    lead = make_counsellor(session, is_team_lead=True)
    colleague = make_counsellor(session)  # in another team
    in_team = make_participant(
        session, counsellor=make_counsellor(session, team=_team_of(session, lead))
    )
    require_participant_access(
        session, Viewer.of(lead), participant_id=in_team.id, category="progress"
    )
    elsewhere = make_participant(session, counsellor=colleague)
    with pytest.raises(AccessDenied):
        require_participant_access(
            session, Viewer.of(lead), participant_id=elsewhere.id, category="progress"
        )


def _team_of(session, user):
    from jouw_omgeving.models import Team

    return session.get(Team, user.team_id)


@pytest.mark.parametrize("make_staff", [make_admin, make_evaluator, make_partner])
def test_other_roles_are_refused_care_data_for_now(session, make_staff):
    participant = make_participant(session)
    staff = make_staff(session)
    with pytest.raises(AccessDenied):
        require_participant_access(
            session, Viewer.of(staff), participant_id=participant.id, category="goals"
        )
    assert [e.outcome for e in _audit(session, participant)] == ["refused"]
