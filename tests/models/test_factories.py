"""The shared test factories build valid, connected rows on every database."""

from sqlmodel import Session, col, func, select

from jouw_omgeving.db import READ_ONLY
from jouw_omgeving.models import (
    AssessmentScore,
    CaseloadAssignment,
    ConsentRecord,
    GoalShare,
    GoalStep,
    NetworkMembership,
    Organisation,
    Team,
    User,
)
from jouw_omgeving.models.enums import OrganisationKind, Role
from tests import factories as f


def _count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_a_participant_comes_with_a_counsellor_team_and_organisation(session: Session):
    participant = f.make_participant(session)

    assignment = session.exec(
        select(CaseloadAssignment).where(CaseloadAssignment.participant_id == participant.id)
    ).one()
    counsellor = session.get(User, assignment.counsellor_id)
    assert counsellor is not None
    assert (participant.role, counsellor.role) == (Role.PARTICIPANT, Role.COUNSELLOR)
    assert participant.team_id == counsellor.team_id is not None
    team = session.get(Team, participant.team_id)
    assert team is not None
    assert participant.organisation_id == team.organisation_id
    assert assignment.ends_at is None
    assert participant.username != counsellor.username


def test_every_role_has_a_factory(session: Session):
    participant = f.make_participant(session, with_counsellor=False)
    users = [
        participant,
        f.make_counsellor(session, is_team_lead=True),
        f.make_network_member(session, participant=participant),
        f.make_partner(session),
        f.make_evaluator(session),
        f.make_admin(session),
    ]
    assert {user.role for user in users} == set(Role)
    assert all(user.id and user.username and user.active for user in users)
    assert _count(session, CaseloadAssignment) == 0
    assert _count(session, NetworkMembership, NetworkMembership.participant_id == participant.id)
    partner_organisation = session.get(Organisation, users[3].organisation_id)
    assert partner_organisation is not None
    assert partner_organisation.kind == OrganisationKind.PARTNER


def test_goals_messages_consent_assessments_and_content(session: Session):
    participant = f.make_participant(session)
    buddy = f.make_network_member(session, participant=participant)
    goal = f.make_goal(session, participant=participant, shared_with=[buddy])
    assert _count(session, GoalStep, GoalStep.goal_id == goal.id) == 2
    assert _count(session, GoalShare, GoalShare.network_member_id == buddy.id) == 1

    thread = f.make_thread(session, participant=participant)
    message = f.make_message(session, thread=thread, sender=participant)
    assert thread.last_message_at == message.created_at
    marker = f.make_read_marker(session, thread=thread, user=participant, last_read_message=message)
    assert marker.last_read_message_id == message.id

    consent = f.make_consent(session, participant=participant)
    record = session.exec(select(ConsentRecord).where(ConsentRecord.consent_id == consent.id)).one()
    assert (record.action, record.recorded_by_id) == ("grant", participant.id)

    assessment = f.make_assessment(session, participant=participant, scores={"housing": 1})
    assert _count(session, AssessmentScore, AssessmentScore.assessment_id == assessment.id) == 1
    full = f.make_assessment(session, participant=participant)
    assert _count(session, AssessmentScore, col(AssessmentScore.assessment_id) == full.id) == 5

    assignment = f.make_assignment(session, participant=participant)
    submission = f.make_submission(session, assignment=assignment)
    assert submission.submitted_at is not None

    counsellor_id = session.exec(
        select(CaseloadAssignment.counsellor_id).where(
            CaseloadAssignment.participant_id == participant.id
        )
    ).one()
    counsellor = session.get(User, counsellor_id)
    assert counsellor is not None
    f.make_contact_moment(session, participant=participant, counsellor=counsellor)
    f.make_appointment(session, participant=participant, counsellor=counsellor)
    f.make_check_in(session, participant=participant, mood=4)


def test_the_session_fixture_never_commits_for_real(session: Session, engine):
    name = f.unique("Zichtbaar")
    f.make_organisation(session, name=name)
    session.commit()  # only releases the test's savepoint
    assert _count(session, Organisation, Organisation.name == name) == 1

    # Another connection does not see the row: the outer transaction is still open and will
    # be rolled back after the test. (It only reads: on SQLite a writing transaction would wait
    # for the test's write lock.)
    with Session(engine.execution_options(**{READ_ONLY: True})) as elsewhere:
        assert _count(elsewhere, Organisation, Organisation.name == name) == 0
