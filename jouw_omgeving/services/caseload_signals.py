"""The SQL of the caseload overview: one column per signal, each subquery computed once.

Every signal is a correlated subquery on indexed columns, computed in a materialized CTE;
the outer select combines them (the later contact, the "needs attention" count).
"""

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from jouw_omgeving.models import (
    Appointment,
    Assessment,
    AssessmentScore,
    Assignment,
    CaseloadAssignment,
    Consent,
    ContactMoment,
    Goal,
    GoalStep,
    Message,
    MessageThread,
    User,
)
from jouw_omgeving.models.enums import (
    AppointmentStatus,
    AssessorRole,
    AssignmentStatus,
    ConsentStatus,
    GoalStatus,
    Role,
    StepStatus,
    ThreadKind,
)
from jouw_omgeving.services.messages_read import unread_count_expr
from jouw_omgeving.services.relations import active_caseload_condition

NO_CONTACT_DAYS = 14  # "needs attention" after this many days without any contact
ENDING_SOON_DAYS = 14  # a consent or caseload assignment ending within this many days
SCORE_DROP_MIN = 0.5  # average self-assessment score fell by at least this much


def _self_assessment_average(position: int):
    """The average score of the participant's ``position``-th latest self-assessment."""
    nth = (
        select(Assessment.id)
        .where(
            Assessment.participant_id == User.id,
            Assessment.assessor_role == AssessorRole.PARTICIPANT,
        )
        .order_by(Assessment.taken_at.desc(), Assessment.id.desc())
        .limit(1)
        .offset(position)
        .correlate(User)
        .scalar_subquery()
    )
    return (
        select(sa.func.avg(AssessmentScore.score))
        .where(AssessmentScore.assessment_id == nth)
        .correlate(User)
        .scalar_subquery()
    )


def _later(first, second) -> sa.ColumnElement:
    """The later of two nullable timestamps, portably (SQLite has no GREATEST)."""
    return sa.case(
        (first.is_(None), second),
        (second.is_(None), first),
        (first > second, first),
        else_=second,
    )


def _flag(condition) -> sa.ColumnElement[int]:
    return sa.case((condition, 1), else_=0)


def _raw_signals(counsellor_id: int, now: datetime, today: date) -> sa.CTE:
    """Each correlated subquery once per participant (a materialized CTE, so the outer
    expressions that combine them never make the database compute one twice)."""
    soon = now + timedelta(days=ENDING_SOON_DAYS)
    registered = (
        select(sa.func.max(ContactMoment.occurred_at))
        .where(ContactMoment.participant_id == User.id)
        .scalar_subquery()
    )
    # A message from staff in the participant's counsellor thread is platform contact too;
    # walking (thread_id, created_at) backwards stops at the first one.
    messaged = (
        select(Message.created_at)
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .where(
            MessageThread.participant_id == User.id,
            MessageThread.kind == ThreadKind.COUNSELLOR,
            Message.sender_id != User.id,
        )
        .order_by(Message.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    overdue = (
        select(sa.func.count(GoalStep.id))
        .join(Goal, Goal.id == GoalStep.goal_id)
        .where(Goal.participant_id == User.id, Goal.status == GoalStatus.ACTIVE)
        .where(GoalStep.status == StepStatus.OPEN, GoalStep.due_date < today)
        .scalar_subquery()
    )
    awaiting = (
        select(sa.func.count(Assignment.id))
        .where(
            Assignment.participant_id == User.id,
            Assignment.status == AssignmentStatus.SUBMITTED,
        )
        .scalar_subquery()
    )
    consent_ending = (
        select(Consent.id)
        .where(
            Consent.participant_id == User.id,
            Consent.status == ConsentStatus.GRANTED,
            Consent.ends_at > now,
            Consent.ends_at <= soon,
        )
        .exists()
    )
    caseload_ending = sa.and_(
        CaseloadAssignment.ends_at.is_not(None), CaseloadAssignment.ends_at <= soon
    )
    next_appointment = (
        select(sa.func.min(Appointment.starts_at))
        .where(
            Appointment.participant_id == User.id,
            Appointment.status == AppointmentStatus.PLANNED,
            Appointment.starts_at >= now,
        )
        .scalar_subquery()
    )
    drop = sa.func.coalesce(_self_assessment_average(1) - _self_assessment_average(0), 0)
    return (
        select(
            User.public_id,
            User.display_name.label("name"),
            User.last_active_at,
            unread_count_expr(counsellor_id, User.id).label("unread"),
            registered.label("registered"),
            messaged.label("messaged"),
            overdue.label("overdue"),
            drop.label("score_drop"),
            awaiting.label("awaiting"),
            _flag(sa.or_(consent_ending, caseload_ending)).label("ending"),
            next_appointment.label("next_appointment"),
        )
        .join(CaseloadAssignment, CaseloadAssignment.participant_id == User.id)
        .where(active_caseload_condition(counsellor_id), User.role == Role.PARTICIPANT)
        .cte("raw_signals")
        .prefix_with("MATERIALIZED")
    )


def caseload_signals(counsellor_id: int, now: datetime, today: date) -> sa.Subquery:
    """Every participant on the counsellor's active caseload, one column per signal.

    Only an SQL expression: the caller (:func:`~.caseload.caseload_overview`) checks the
    role and audits before running it.
    """
    raw = _raw_signals(counsellor_id, now, today).c
    last_contact = _later(raw.registered, raw.messaged)
    no_contact = sa.or_(
        last_contact.is_(None), last_contact < now - timedelta(days=NO_CONTACT_DAYS)
    )
    attention = (
        _flag(raw.unread > 0)
        + _flag(no_contact)
        + _flag(raw.overdue > 0)
        + _flag(raw.score_drop >= SCORE_DROP_MIN)
        + _flag(raw.awaiting > 0)
        + raw.ending
    )
    return select(
        raw.public_id,
        raw.name,
        raw.last_active_at,
        raw.unread,
        last_contact.label("last_contact"),
        raw.overdue,
        raw.score_drop,
        raw.awaiting,
        raw.ending,
        raw.next_appointment,
        attention.label("attention"),
    ).subquery("caseload")
