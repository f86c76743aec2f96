"""Sharing one goal with one network member, and what a network member sees.

Only the participant shares, and only with their own active network members. A share ends
by setting ``revoked_at`` (never by deleting), and counts at the very next request: the
guard asks the database each time (:func:`~.relations._goal_shared`).
"""

from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Goal, GoalShare, NetworkMembership, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, Role
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_goal_access,
    require_role,
)
from jouw_omgeving.services.goal_changes import goal_by_public_id
from jouw_omgeving.services.goals import GoalCard, goal_card_of, steps_by_goal
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.relations import membership_running_condition
from jouw_omgeving.services.viewer import Viewer


class ShareChoice(TypedDict):
    """A network member the goal can be shared with, and whether it is now."""

    member_public_id: str
    name: str
    relation: str
    shared: bool


class SharedGoal(TypedDict):
    """A goal shared with the network member, and whose it is."""

    owner_name: str
    goal: GoalCard


def _active_share_condition() -> sa.ColumnElement[bool]:
    now = utcnow()
    return sa.or_(GoalShare.revoked_at.is_(None), GoalShare.revoked_at > now)


def _own_goal(session: Session, viewer: Viewer, goal_public_id: object) -> Goal:
    """Sharing is the participant's own decision: nobody else may share their goals."""
    require_role(
        viewer, Role.PARTICIPANT, session=session, category=Category.GOALS, action="update"
    )
    return goal_by_public_id(session, viewer, goal_public_id, action=Action.UPDATE)


def share_choices(session: Session, viewer: Viewer, *, goal_public_id: object) -> list[ShareChoice]:
    """The participant's active network members, each marked shared or not for this goal."""
    goal = _own_goal(session, viewer, goal_public_id)
    shared_ids = set(
        session.exec(
            select(GoalShare.network_member_id).where(
                GoalShare.goal_id == goal.id, _active_share_condition()
            )
        )
    )
    rows = session.exec(
        select(User, NetworkMembership.relation)
        .join(NetworkMembership, NetworkMembership.member_id == User.id)
        .where(NetworkMembership.participant_id == goal.participant_id)
        .where(membership_running_condition(), User.active.is_(True))
        .order_by(User.display_name, User.id)
    ).all()
    return [
        ShareChoice(
            member_public_id=str(member.public_id),
            name=member.display_name,
            relation=relation,
            shared=member.id in shared_ids,
        )
        for member, relation in rows
    ]


def _member_of(session: Session, viewer: Viewer, goal: Goal, member_public_id: object) -> User:
    parsed = parse_public_id(member_public_id)
    member = (
        session.exec(
            select(User)
            .join(NetworkMembership, NetworkMembership.member_id == User.id)
            .where(User.public_id == parsed, User.role == Role.NETWORK_MEMBER)
            .where(NetworkMembership.participant_id == goal.participant_id)
            .where(membership_running_condition())
        ).first()
        if parsed is not None
        else None
    )
    if member is None:
        refuse(
            session,
            viewer,
            participant_id=goal.participant_id,
            category=Category.NETWORK,
            action=Action.UPDATE,
            detail=f"not an active network member {repr(member_public_id)[:60]}",
        )
    return member


def goal_share(
    session: Session, viewer: Viewer, *, goal_public_id: object, member_public_id: object
) -> None:
    """Share the participant's goal with one of their own active network members."""
    goal = _own_goal(session, viewer, goal_public_id)
    member = _member_of(session, viewer, goal, member_public_id)
    already = session.exec(
        select(GoalShare.id).where(
            GoalShare.goal_id == goal.id,
            GoalShare.network_member_id == member.id,
            _active_share_condition(),
        )
    ).first()
    if already is None:
        session.add(GoalShare(goal_id=goal.id, network_member_id=member.id))
        session.flush()


def goal_unshare(
    session: Session, viewer: Viewer, *, goal_public_id: object, member_public_id: object
) -> None:
    """Stop sharing the goal with this member at once; the share row stays, revoked."""
    goal = _own_goal(session, viewer, goal_public_id)
    parsed = parse_public_id(member_public_id)
    member_id = (
        session.exec(select(User.id).where(User.public_id == parsed)).first() if parsed else None
    )
    if member_id is None:
        return
    now = utcnow()
    for share in session.exec(
        select(GoalShare).where(
            GoalShare.goal_id == goal.id,
            GoalShare.network_member_id == member_id,
            _active_share_condition(),
        )
    ):
        share.revoked_at = now
        session.add(share)
    session.flush()


def shared_goals(session: Session, viewer: Viewer) -> list[SharedGoal]:
    """Goals shared with the logged-in network member right now; each read is audited."""
    require_role(viewer, Role.NETWORK_MEMBER, session=session, category=Category.GOALS)
    candidates = session.exec(
        select(Goal, User.display_name)
        .join(GoalShare, GoalShare.goal_id == Goal.id)
        .join(User, User.id == Goal.participant_id)
        .join(
            NetworkMembership,
            sa.and_(
                NetworkMembership.participant_id == Goal.participant_id,
                NetworkMembership.member_id == viewer.user_id,
            ),
        )
        .where(GoalShare.network_member_id == viewer.user_id, _active_share_condition())
        .where(membership_running_condition())
        .where(Goal.status != GoalStatus.STOPPED)
        .order_by(User.display_name, Goal.created_at.desc())
        .distinct()
    ).all()
    for goal, _owner_name in candidates:
        # The guard checks the membership too, and writes the audit entry.
        require_goal_access(session, viewer, goal_id=goal.id)
    steps = steps_by_goal(session, [goal.id for goal, _ in candidates])
    return [
        SharedGoal(owner_name=owner_name, goal=goal_card_of(goal, steps[goal.id]))
        for goal, owner_name in candidates
    ]
