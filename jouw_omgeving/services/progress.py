"""Selectors for the progress charts: scores over time, own vs counsellor, steps per month.

Every selector is guarded with category ``progress`` (the participant's own data needs no
grant; anyone else is audited). :func:`progress_overview` guards once for the whole page.
Done steps count as progress: they are shown only as counts per month, never titles.
"""

from datetime import UTC, datetime
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Assessment, AssessmentScore, Goal, GoalStep, LifeDomain
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AssessorRole, StepStatus
from jouw_omgeving.services.access import Category, require_participant_access
from jouw_omgeving.services.instruments import (
    InstrumentView,
    active_instrument_row,
    instrument_view,
    translated,
)
from jouw_omgeving.services.viewer import Viewer

# Enough history for a readable line per domain on a phone.
MAX_ASSESSMENTS_IN_CHART = 24
DEFAULT_MONTHS = 12


class ScorePoint(TypedDict):
    """One score of one domain in one assessment."""

    domain_key: str
    domain_name: str
    taken_at: str  # ISO datetime, UTC
    score: int


class SideBySideRow(TypedDict):
    """The latest own score and the latest counsellor score of one domain (0 = none)."""

    domain_key: str
    domain_name: str
    own: int
    counsellor: int


class MonthCount(TypedDict):
    """Steps done in one calendar month (UTC)."""

    month: str  # "YYYY-MM"
    steps_done: int


class ProgressOverview(TypedDict):
    """Everything the progress page shows, read under one access check."""

    instrument: InstrumentView | None
    over_time: list[ScorePoint]
    side_by_side: list[SideBySideRow]
    steps_per_month: list[MonthCount]
    own_latest_at: str  # ISO datetime of the latest self-assessment, or ""
    counsellor_latest_at: str


def _guard(session: Session, viewer: Viewer, participant_id: int) -> None:
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.PROGRESS
    )


def scores_over_time(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    assessor_role: str = AssessorRole.PARTICIPANT,
    lang: str = "nl",
) -> list[ScorePoint]:
    """Scores per domain of the newest assessments by ``assessor_role``, oldest first."""
    _guard(session, viewer, participant_id)
    return _scores_over_time(session, participant_id, AssessorRole(assessor_role), lang)


def latest_side_by_side(
    session: Session, viewer: Viewer, *, participant_id: int, lang: str = "nl"
) -> list[SideBySideRow]:
    """Per domain of the active instrument: my latest score beside my counsellor's latest."""
    _guard(session, viewer, participant_id)
    return _side_by_side(session, participant_id, lang)[0]


def steps_done_per_month(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    months: int = DEFAULT_MONTHS,
    now: datetime | None = None,
) -> list[MonthCount]:
    """Steps done in each of the last ``months`` calendar months (UTC), zeros included."""
    _guard(session, viewer, participant_id)
    return _steps_per_month(session, participant_id, months, now or utcnow())


def progress_overview(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    lang: str = "nl",
    now: datetime | None = None,
) -> ProgressOverview:
    """The progress page's data: one access check (one audit entry for others)."""
    _guard(session, viewer, participant_id)
    instrument = active_instrument_row(session, participant_id=participant_id)
    side, own_at, counsellor_at = _side_by_side(session, participant_id, lang)
    return ProgressOverview(
        instrument=instrument_view(session, instrument, lang) if instrument else None,
        over_time=_scores_over_time(session, participant_id, AssessorRole.PARTICIPANT, lang),
        side_by_side=side,
        steps_per_month=_steps_per_month(session, participant_id, DEFAULT_MONTHS, now or utcnow()),
        own_latest_at=own_at,
        counsellor_latest_at=counsellor_at,
    )


def _scores_over_time(
    session: Session, participant_id: int, role: AssessorRole, lang: str
) -> list[ScorePoint]:
    newest = (
        select(Assessment.id)
        .where(Assessment.participant_id == participant_id, Assessment.assessor_role == role)
        .order_by(Assessment.taken_at.desc(), Assessment.id.desc())
        .limit(MAX_ASSESSMENTS_IN_CHART)
        .subquery()
    )
    rows = session.exec(
        select(Assessment.taken_at, LifeDomain.key, LifeDomain.name, AssessmentScore.score)
        .join(AssessmentScore, AssessmentScore.assessment_id == Assessment.id)
        .join(LifeDomain, LifeDomain.id == AssessmentScore.life_domain_id)
        .where(Assessment.id.in_(select(newest.c.id)))
        .order_by(Assessment.taken_at, Assessment.id, LifeDomain.position)
    ).all()
    return [
        ScorePoint(
            domain_key=key,
            domain_name=translated(name, lang),
            taken_at=taken_at.isoformat(),
            score=score,
        )
        for taken_at, key, name, score in rows
    ]


def _latest_assessment(
    session: Session, participant_id: int, role: AssessorRole
) -> tuple[int, datetime] | None:
    row = session.exec(
        select(Assessment.id, Assessment.taken_at)
        .where(Assessment.participant_id == participant_id, Assessment.assessor_role == role)
        .order_by(Assessment.taken_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def _scores_by_key(session: Session, assessment_id: int) -> dict[str, int]:
    rows = session.exec(
        select(LifeDomain.key, AssessmentScore.score)
        .join(LifeDomain, LifeDomain.id == AssessmentScore.life_domain_id)
        .where(AssessmentScore.assessment_id == assessment_id)
    ).all()
    return dict(rows)


def _side_by_side(
    session: Session, participant_id: int, lang: str
) -> tuple[list[SideBySideRow], str, str]:
    instrument = active_instrument_row(session, participant_id=participant_id)
    if instrument is None:
        return [], "", ""
    own = _latest_assessment(session, participant_id, AssessorRole.PARTICIPANT)
    theirs = _latest_assessment(session, participant_id, AssessorRole.COUNSELLOR)
    own_scores = _scores_by_key(session, own[0]) if own else {}
    their_scores = _scores_by_key(session, theirs[0]) if theirs else {}
    domains = session.exec(
        select(LifeDomain.key, LifeDomain.name)
        .where(LifeDomain.instrument_id == instrument.id)
        .order_by(LifeDomain.position, LifeDomain.id)
    ).all()
    rows = [
        SideBySideRow(
            domain_key=key,
            domain_name=translated(name, lang),
            own=own_scores.get(key, 0),
            counsellor=their_scores.get(key, 0),
        )
        for key, name in domains
    ]
    return (
        rows,
        own[1].isoformat() if own else "",
        theirs[1].isoformat() if theirs else "",
    )


def _month_key(session: Session) -> sa.ColumnElement[str]:
    # Stored in UTC on both backends (SQLite as naive UTC text).
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(sa.func.timezone("UTC", GoalStep.done_at), "YYYY-MM")
    return sa.func.strftime("%Y-%m", GoalStep.done_at)


def _month_starts(now: datetime, months: int) -> list[datetime]:
    year, month = now.year, now.month
    starts = []
    for _ in range(max(1, months)):
        starts.append(datetime(year, month, 1, tzinfo=UTC))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _steps_per_month(
    session: Session, participant_id: int, months: int, now: datetime
) -> list[MonthCount]:
    starts = _month_starts(now.astimezone(UTC), months)
    month = _month_key(session).label("month")
    counted = dict(
        session.exec(
            select(month, sa.func.count(GoalStep.id))
            .join(Goal, Goal.id == GoalStep.goal_id)
            .where(
                Goal.participant_id == participant_id,
                GoalStep.status == StepStatus.DONE,
                GoalStep.done_at >= starts[0],
                GoalStep.done_at <= now,
            )
            .group_by(month)
        ).all()
    )
    return [
        MonthCount(
            month=start.strftime("%Y-%m"), steps_done=int(counted.get(start.strftime("%Y-%m"), 0))
        )
        for start in starts
    ]


def scores_over_time_unguarded(
    session: Session, participant_id: int, role: AssessorRole, lang: str
) -> list[ScorePoint]:
    """:func:`scores_over_time` for a caller that has guarded the participant already."""
    return _scores_over_time(session, participant_id, role, lang)


def side_by_side_unguarded(
    session: Session, participant_id: int, lang: str
) -> tuple[list[SideBySideRow], str, str]:
    """Latest own vs counsellor scores, and both dates, for an already guarded caller."""
    return _side_by_side(session, participant_id, lang)
