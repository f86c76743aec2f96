"""The one guard every service uses: role x relation x category, and the audit log.

How a decision is made (the rule book is the table :data:`~.policy.POLICY`):

1. A participant's own data is theirs: the participant reaches it without an audit entry.
2. Anyone else needs a grant of their role whose categories allow the action, *and* the
   grant's relation must hold between them and the participant right now (asked of the
   database by :data:`~.relations.RELATION_CHECKS`). The first grant whose relation holds wins.
3. Every decision about someone else's data is audited, allowed or refused; a refusal raises
   :class:`AccessDenied` (never an empty result) and its audit entry is committed at once.

Evaluators have no grant: they get aggregates only, guarded by role. Admins reach account
data (not care data, never messages) and the audit log.
"""

from typing import NoReturn

from sqlmodel import Session

from jouw_omgeving.models import Goal, User
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.policy import POLICY, Action, Category, Relation
from jouw_omgeving.services.relations import (
    RELATION_CHECKS,
    Subject,
    active_caseload_condition,
    consent_current_condition,
)
from jouw_omgeving.services.viewer import Viewer

__all__ = [
    "Action",
    "Category",
    "Relation",
    "Subject",
    "active_caseload_condition",
    "consent_current_condition",
    "decide",
    "refuse",
    "require_goal_access",
    "require_participant_access",
    "require_role",
    "require_thread_access",
]


def decide(session: Session, viewer: Viewer, subject: Subject, action: Action) -> Relation | None:
    """The relation that allows ``viewer`` to ``action`` the subject's data, or ``None``."""
    for grant in POLICY:
        if grant.role != viewer.role or action not in grant.categories.get(subject.category, ()):
            continue
        if RELATION_CHECKS[grant.relation](session, viewer, subject):
            return grant.relation
    return None


def refuse(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int | None,
    category: str,
    action: str = Action.READ,
    detail: str,
) -> NoReturn:
    """Audit a refusal, commit it (the caller's work rolls back) and raise AccessDenied."""
    audit_record(
        session,
        viewer=viewer,
        participant_id=participant_id,
        action=str(action),
        category=str(category),
        outcome=AuditOutcome.REFUSED,
        detail=detail,
    )
    session.commit()
    raise AccessDenied(f"{viewer.role} {viewer.user_id}: {detail}")


def require_role(
    viewer: Viewer,
    *roles: Role,
    session: Session | None = None,
    category: str = Category.ADMINISTRATION,
    action: str = Action.READ,
) -> None:
    """Refuse unless the viewer has one of ``roles``; with ``session`` the refusal is audited."""
    if viewer.role in roles:
        return
    detail = f"role {viewer.role} not in {[r.value for r in roles]}"
    if session is None:
        raise AccessDenied(detail)
    refuse(session, viewer, participant_id=None, category=category, action=action, detail=detail)


def _authorize(session: Session, viewer: Viewer, subject: Subject, action: str) -> None:
    if viewer.role == Role.PARTICIPANT and viewer.user_id == subject.participant_id:
        return
    participant = session.get(User, subject.participant_id)
    if participant is None or participant.role != Role.PARTICIPANT:
        # Not a participant: nobody's care data, and no audit row may point at it.
        refuse(
            session,
            viewer,
            participant_id=None,
            category=subject.category,
            action=action,
            detail=f"no participant {subject.participant_id}",
        )
    try:
        checked = Action(action)
    except ValueError:
        checked = None
    relation = decide(session, viewer, subject, checked) if checked is not None else None
    if relation is None:
        refuse(
            session,
            viewer,
            participant_id=subject.participant_id,
            category=subject.category,
            action=action,
            detail=f"no relation grants {action} {subject.category}",
        )
    audit_record(
        session,
        viewer=viewer,
        participant_id=subject.participant_id,
        action=str(action),
        category=str(subject.category),
        outcome=AuditOutcome.ALLOWED,
        detail=f"via {relation}",
    )


def require_participant_access(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    category: str,
    action: str = Action.READ,
) -> None:
    """Refuse unless ``viewer`` may ``action`` the ``category`` data of this participant.

    Access by anyone but the participant is audited, allowed or refused.

    Raises:
        AccessDenied: no grant of the viewer's role has a relation that holds now.
        ValueError: ``category`` is not a :class:`Category` (a programming error).
    """
    _authorize(session, viewer, Subject(participant_id, Category(category)), action)


def require_goal_access(
    session: Session, viewer: Viewer, *, goal_id: int, action: str = Action.READ
) -> Goal:
    """Return the goal when ``viewer`` may ``action`` it; a network member needs a share.

    Raises:
        AccessDenied: the goal does not exist or the viewer may not reach it (one message).
    """
    goal = session.get(Goal, goal_id)
    if goal is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.GOALS,
            action=action,
            detail=f"no goal {goal_id}",
        )
    _authorize(session, viewer, Subject(goal.participant_id, Category.GOALS, goal.id), action)
    return goal


def require_thread_access(
    session: Session, viewer: Viewer, *, participant_id: int, thread_id: int, action: str
) -> None:
    """Refuse unless ``viewer`` may ``action`` this participant's messages in this thread.

    Like :func:`require_participant_access` for messages, with the thread named so that a
    relation about one thread (a network member's own chat) can be checked.

    Raises:
        AccessDenied: no grant of the viewer's role has a relation that holds now.
    """
    subject = Subject(participant_id, Category.MESSAGES, thread_id=thread_id)
    _authorize(session, viewer, subject, action)
