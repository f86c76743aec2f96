"""The guard's relation table: network shares, partner consent, team reading, admin, evaluator."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, Consent, GoalShare, Organisation, Team
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentCategory, ConsentStatus, Role
from jouw_omgeving.services.access import require_goal_access, require_participant_access
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.policy import POLICY, Action, Category, Relation
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_consent,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_network_member,
    make_network_membership,
    make_participant,
    make_partner,
    make_team,
    make_user,
)


def _outcomes(session, actor) -> list[str]:
    return list(
        session.exec(
            select(AuditEntry.outcome)
            .where(AuditEntry.actor_id == actor.id)
            .order_by(AuditEntry.id)
        )
    )


def _allowed(session, user, participant, category, action="read") -> bool:
    try:
        require_participant_access(
            session,
            Viewer.of(user),
            participant_id=participant.id,
            category=category,
            action=action,
        )
    except AccessDenied:
        return False
    return True


# --- network members: one shared goal at a time --------------------------------------------


def test_network_member_reaches_a_shared_goal_and_it_is_audited(session):
    participant = make_participant(session)
    member = make_network_member(session, participant=participant)
    goal = make_goal(session, participant=participant, shared_with=[member])
    assert require_goal_access(session, Viewer.of(member), goal_id=goal.id).id == goal.id
    assert _outcomes(session, member) == ["allowed"]


def test_network_member_never_gets_the_whole_board_or_an_unshared_goal(session):
    participant = make_participant(session)
    member = make_network_member(session, participant=participant)
    make_goal(session, participant=participant, shared_with=[member])
    private = make_goal(session, participant=participant)
    assert not _allowed(session, member, participant, "goals")
    with pytest.raises(AccessDenied):
        require_goal_access(session, Viewer.of(member), goal_id=private.id)
    assert _outcomes(session, member) == ["refused", "refused"]


def test_a_revoked_share_or_an_ended_membership_ends_access(session):
    participant = make_participant(session)
    member = make_network_member(session, participant=participant)
    revoked = make_goal(session, participant=participant, shared_with=[member])
    share = session.exec(select(GoalShare).where(GoalShare.goal_id == revoked.id)).one()
    share.revoked_at = utcnow() - timedelta(minutes=1)
    session.add(share)
    with pytest.raises(AccessDenied):
        require_goal_access(session, Viewer.of(member), goal_id=revoked.id)

    other = make_participant(session)
    former = make_network_member(session)
    make_network_membership(
        session, participant=other, member=former, ended_at=utcnow() - timedelta(days=1)
    )
    goal = make_goal(session, participant=other, shared_with=[former])
    with pytest.raises(AccessDenied):
        require_goal_access(session, Viewer.of(former), goal_id=goal.id)


def test_network_member_reads_but_never_writes_and_never_messages(session):
    participant = make_participant(session)
    member = make_network_member(session, participant=participant)
    goal = make_goal(session, participant=participant, shared_with=[member])
    with pytest.raises(AccessDenied):
        require_goal_access(session, Viewer.of(member), goal_id=goal.id, action="update")
    assert not _allowed(session, member, participant, "messages")


# --- partners: consented categories of consenting participants, read-only, while it runs -----


def _partner_with_consent(session, **consent):
    participant = make_participant(session)
    partner = make_partner(session)
    organisation = session.get(Organisation, partner.organisation_id)
    make_consent(session, participant=participant, organisation=organisation, **consent)
    return partner, participant


def test_partner_reads_only_the_consented_category(session):
    partner, participant = _partner_with_consent(session, category=ConsentCategory.GOALS)
    assert _allowed(session, partner, participant, "goals")
    assert _allowed(session, partner, participant, "profile")  # the name comes with consent
    assert not _allowed(session, partner, participant, "progress")
    assert not _allowed(session, partner, participant, "messages")
    assert not _allowed(session, partner, participant, "goals", action="update")
    assert _outcomes(session, partner) == ["allowed", "allowed", "refused", "refused", "refused"]


@pytest.mark.parametrize(
    "consent",
    [
        {"status": ConsentStatus.WITHDRAWN},
        {"status": ConsentStatus.REQUESTED},
        {"status": ConsentStatus.DECLINED},
        {"ends_at": utcnow() - timedelta(seconds=1)},
        {"starts_at": utcnow() + timedelta(days=1)},
    ],
    ids=["withdrawn", "requested", "declined", "ended", "not-yet-started"],
)
def test_partner_is_refused_without_a_running_grant(session, consent):
    partner, participant = _partner_with_consent(session, category=ConsentCategory.GOALS, **consent)
    assert not _allowed(session, partner, participant, "goals")
    assert not _allowed(session, partner, participant, "profile")


def test_consent_is_per_organisation(session):
    partner, participant = _partner_with_consent(session, category=ConsentCategory.GOALS)
    colleague_elsewhere = make_partner(session)  # another partner organisation
    assert not _allowed(session, colleague_elsewhere, participant, "goals")
    assert _allowed(session, partner, participant, "goals")


def test_messages_are_never_for_partners_even_with_a_forged_consent_row(session):
    partner, participant = _partner_with_consent(session, category=ConsentCategory.GOALS)
    session.add(
        Consent(
            participant_id=participant.id,
            organisation_id=partner.organisation_id,
            category="messages",
            status=ConsentStatus.GRANTED,
            starts_at=utcnow() - timedelta(days=1),
        )
    )
    session.flush()
    assert not _allowed(session, partner, participant, "messages")


# --- counsellors' teams ------------------------------------------------------------------


@pytest.mark.parametrize("reads", [True, False])
def test_team_colleagues_read_messages_only_when_the_team_does(session, reads):
    team = make_team(session, team_reads_messages=reads)
    participant = make_participant(session, counsellor=make_counsellor(session, team=team))
    colleague = make_counsellor(session, team=team)
    assert _allowed(session, colleague, participant, "messages") is reads
    assert not _allowed(session, colleague, participant, "messages", action="create")
    assert not _allowed(session, colleague, participant, "goals")  # a colleague is no lead


def test_team_lead_reads_the_team_but_writes_only_the_caseload(session):
    lead = make_counsellor(session, is_team_lead=True)
    team = session.get(Team, lead.team_id)
    participant = make_participant(session, counsellor=make_counsellor(session, team=team))
    assert _allowed(session, lead, participant, "progress")
    assert not _allowed(session, lead, participant, "goals", action="update")
    assert _allowed(session, lead, participant, "caseload", action="update")


# --- admin and evaluator -------------------------------------------------------------------


def test_admin_manages_accounts_but_reads_no_care_data_or_messages(session):
    participant = make_participant(session)
    admin = make_admin(session)
    assert _allowed(session, admin, participant, "account", action="update")
    for category in ("profile", "goals", "progress", "assignments", "messages", "contacts"):
        assert not _allowed(session, admin, participant, category)
    assert _outcomes(session, admin) == ["allowed"] + ["refused"] * 6


def test_evaluator_reaches_no_participant_at_all(session):
    participant = make_participant(session)
    evaluator = make_evaluator(session)
    for category in Category:
        assert not _allowed(session, evaluator, participant, category)


# --- the table itself and odd input --------------------------------------------------------


def test_policy_keeps_the_product_rules():
    for grant in POLICY:
        assert grant.role not in (Role.EVALUATOR, Role.PARTICIPANT)
        if grant.role == Role.NETWORK_MEMBER and grant.relation == Relation.NETWORK_THREAD:
            # Their own chat with the participant only: read and write messages there.
            assert grant.categories == {Category.MESSAGES: {Action.READ, Action.CREATE}}
        elif grant.role in (Role.PARTNER, Role.NETWORK_MEMBER):
            assert all(actions == {Action.READ} for actions in grant.categories.values())
            assert Category.MESSAGES not in grant.categories
        if grant.role == Role.ADMIN:
            assert set(grant.categories) == {Category.ACCOUNT}
        if grant.role == Role.PARTNER:
            allowed = {Category(c.value) for c in ConsentCategory} | {Category.PROFILE}
            assert set(grant.categories) <= allowed


def test_unknown_category_is_a_programming_error(session):
    participant = make_participant(session)
    with pytest.raises(ValueError):
        require_participant_access(
            session, Viewer.of(participant), participant_id=participant.id, category="gossip"
        )


def test_unknown_action_is_refused(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    assert not _allowed(session, counsellor, participant, "goals", action="export-all")
    assert _outcomes(session, counsellor) == ["refused"]


def test_an_id_that_is_no_participant_is_refused_without_pointing_at_it(session):
    counsellor = make_counsellor(session)
    someone = make_user(session, role=Role.COUNSELLOR)
    for target in (someone.id, 987_654_321):
        with pytest.raises(AccessDenied):
            require_participant_access(
                session, Viewer.of(counsellor), participant_id=target, category="goals"
            )
    entries = session.exec(select(AuditEntry).where(AuditEntry.actor_id == counsellor.id)).all()
    assert [(e.outcome, e.subject_participant_id) for e in entries] == [("refused", None)] * 2
