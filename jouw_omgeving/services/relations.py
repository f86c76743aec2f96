"""Relations between a viewer and a participant, each one SQL question asked right now.

Nothing is cached: a caseload that ended, a share revoked or a consent withdrawn a moment
ago counts at the very next request.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import (
    CaseloadAssignment,
    Consent,
    Goal,
    GoalShare,
    MessageThread,
    NetworkMembership,
    Team,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentStatus, ThreadKind
from jouw_omgeving.services.policy import Category, Relation
from jouw_omgeving.services.viewer import Viewer


@dataclass(frozen=True)
class Subject:
    """Whose data, which category, and the one goal when the access is to a single goal."""

    participant_id: int
    category: Category
    goal_id: int | None = None
    thread_id: int | None = None


def active_caseload_condition(counsellor_id: int) -> sa.ColumnElement[bool]:
    """SQL condition: the caseload assignment row is this counsellor's and open now."""
    now = utcnow()
    return sa.and_(
        CaseloadAssignment.counsellor_id == counsellor_id,
        CaseloadAssignment.starts_at <= now,
        sa.or_(CaseloadAssignment.ends_at.is_(None), CaseloadAssignment.ends_at > now),
    )


def _on_caseload(session: Session, viewer: Viewer, subject: Subject) -> bool:
    return (
        session.exec(
            select(CaseloadAssignment.id)
            .where(active_caseload_condition(viewer.user_id))
            .where(CaseloadAssignment.participant_id == subject.participant_id)
        ).first()
        is not None
    )


def _participant_team_id(session: Session, participant_id: int) -> int | None:
    participant = session.get(User, participant_id)
    return participant.team_id if participant is not None else None


def _leads_team(session: Session, viewer: Viewer, subject: Subject) -> bool:
    if not viewer.is_team_lead or viewer.team_id is None:
        return False
    return _participant_team_id(session, subject.participant_id) == viewer.team_id


def _team_reads_messages(session: Session, viewer: Viewer, subject: Subject) -> bool:
    if viewer.team_id is None:
        return False
    if _participant_team_id(session, subject.participant_id) != viewer.team_id:
        return False
    team = session.get(Team, viewer.team_id)
    return team is not None and team.team_reads_messages


def _goal_shared(session: Session, viewer: Viewer, subject: Subject) -> bool:
    if subject.goal_id is None:  # network members never see a whole board, only shared goals
        return False
    now = utcnow()
    row = session.exec(
        select(GoalShare.id)
        .join(Goal, Goal.id == GoalShare.goal_id)
        .join(
            NetworkMembership,
            sa.and_(
                NetworkMembership.participant_id == Goal.participant_id,
                NetworkMembership.member_id == GoalShare.network_member_id,
            ),
        )
        .where(
            GoalShare.goal_id == subject.goal_id,
            GoalShare.network_member_id == viewer.user_id,
            Goal.participant_id == subject.participant_id,
            sa.or_(GoalShare.revoked_at.is_(None), GoalShare.revoked_at > now),
            membership_running_condition(now),
        )
    ).first()
    return row is not None


def membership_running_condition(now: datetime | None = None) -> sa.ColumnElement[bool]:
    """SQL condition: a network membership that was accepted and has not ended (now)."""
    now = now or utcnow()
    return sa.and_(
        NetworkMembership.accepted_at.is_not(None),
        sa.or_(NetworkMembership.ended_at.is_(None), NetworkMembership.ended_at > now),
    )


def active_membership_condition(participant_id, member_id) -> sa.ColumnElement[bool]:
    """SQL condition: the network membership row links these two, accepted and not ended."""
    return sa.and_(
        NetworkMembership.participant_id == participant_id,
        NetworkMembership.member_id == member_id,
        membership_running_condition(),
    )


def _network_thread(session: Session, viewer: Viewer, subject: Subject) -> bool:
    if subject.thread_id is None:  # a network member never reaches all of someone's messages
        return False
    row = session.exec(
        select(MessageThread.id)
        .where(
            MessageThread.id == subject.thread_id,
            MessageThread.participant_id == subject.participant_id,
            MessageThread.kind == ThreadKind.NETWORK.value,
            MessageThread.network_member_id == viewer.user_id,
        )
        .where(
            sa.exists().where(active_membership_condition(subject.participant_id, viewer.user_id))
        )
    ).first()
    return row is not None


def consent_current_condition(
    organisation_id: int, now: datetime | None = None
) -> sa.ColumnElement[bool]:
    """SQL condition: a granted consent of this organisation that runs now."""
    now = now or utcnow()
    return sa.and_(
        Consent.organisation_id == organisation_id,
        Consent.status == ConsentStatus.GRANTED,
        Consent.starts_at.is_not(None),
        Consent.starts_at <= now,
        sa.or_(Consent.ends_at.is_(None), Consent.ends_at > now),
    )


def _consented(session: Session, viewer: Viewer, subject: Subject) -> bool:
    if viewer.organisation_id is None:
        return False
    query = (
        select(Consent.id)
        .where(consent_current_condition(viewer.organisation_id))
        .where(Consent.participant_id == subject.participant_id)
    )
    if subject.category != Category.PROFILE:  # the name comes with any current consent
        query = query.where(Consent.category == subject.category.value)
    return session.exec(query).first() is not None


def _anyone(session: Session, viewer: Viewer, subject: Subject) -> bool:
    return True


RELATION_CHECKS: Mapping[Relation, Callable[[Session, Viewer, Subject], bool]] = {
    Relation.CASELOAD: _on_caseload,
    Relation.TEAM: _leads_team,
    Relation.TEAM_READS_MESSAGES: _team_reads_messages,
    Relation.SHARED_GOAL: _goal_shared,
    Relation.NETWORK_THREAD: _network_thread,
    Relation.CONSENT: _consented,
    Relation.PLATFORM_ADMIN: _anyone,
}
