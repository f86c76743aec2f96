"""The counsellor's caseload overview: one row per participant with the signals that matter."""

from datetime import date, datetime
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, ContactMoment, Goal, GoalStep, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, GoalStatus, Role, StepStatus
from jouw_omgeving.services.access import Category, active_caseload_condition, require_role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.messages_read import unread_count_expr
from jouw_omgeving.services.viewer import Viewer


class CaseloadRow(TypedDict):
    """One participant on the caseload, as the overview shows it."""

    public_id: str
    name: str
    unread: int
    days_since_contact: int  # -1 when there never was a contact
    days_since_active: int  # -1 when never active online
    overdue_steps: int


def _days_since(moment: datetime | None, now: datetime) -> int:
    if moment is None:
        return -1
    if moment.tzinfo is None:  # SQLite aggregate results come back as plain values
        moment = datetime.fromisoformat(str(moment)).replace(tzinfo=now.tzinfo)
    return max(0, (now - moment).days)


def caseload_overview(
    session: Session, viewer: Viewer, *, today: date | None = None
) -> list[CaseloadRow]:
    """The counsellor's active caseload with signals, most unread messages first.

    One query; every signal is a correlated subquery on indexed columns.
    """
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.CASELOAD_OVERVIEW)
    now = utcnow()
    today = today or now.date()
    last_contact = (
        select(sa.func.max(ContactMoment.occurred_at))
        .where(ContactMoment.participant_id == User.id)
        .scalar_subquery()
    )
    overdue = (
        select(sa.func.count(GoalStep.id))
        .join(Goal, Goal.id == GoalStep.goal_id)
        .where(Goal.participant_id == User.id, Goal.status == GoalStatus.ACTIVE)
        .where(GoalStep.status == StepStatus.OPEN, GoalStep.due_date < today)
        .scalar_subquery()
    )
    unread = unread_count_expr(viewer.user_id, User.id)
    rows = session.exec(
        select(
            User.public_id,
            User.display_name,
            User.last_active_at,
            unread.label("unread"),
            last_contact.label("last_contact"),
            overdue.label("overdue"),
        )
        .join(CaseloadAssignment, CaseloadAssignment.participant_id == User.id)
        .where(active_caseload_condition(viewer.user_id))
        .order_by(sa.desc("unread"), User.display_name)
    ).all()
    audit_record(
        session,
        viewer=viewer,
        participant_id=None,
        action="read",
        category=Category.CASELOAD_OVERVIEW,
        outcome=AuditOutcome.ALLOWED,
        detail=f"{len(rows)} participants",
    )
    return [
        CaseloadRow(
            public_id=str(r.public_id),
            name=r.display_name,
            unread=int(r.unread or 0),
            days_since_contact=_days_since(r.last_contact, now),
            days_since_active=_days_since(r.last_active_at, now),
            overdue_steps=int(r.overdue or 0),
        )
        for r in rows
    ]
