"""Reach and use: participants enrolled and active per week, and retention per cohort.

**Active** in a week: logged in (a login session started), sent a message, or did something
(a goal step done, an assignment or lesson handed in). Counted in the database per week
(``GROUP BY``), each participant once per week and kind.
"""

from collections.abc import Callable
from datetime import datetime

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Assignment, Goal, GoalStep, LoginSession, Message, Submission, User
from jouw_omgeving.models.enums import StepStatus, SubmissionStatus
from jouw_omgeving.services.evaluation_scope import (
    EvaluationFilter,
    Scope,
    evaluation_scope,
    ratio,
    suppress,
    week_starts,
)
from jouw_omgeving.services.evaluation_sql import (
    MONTH_SECONDS,
    month_key,
    months_between,
    week_index,
)
from jouw_omgeving.services.viewer import Viewer

# The measures of the weekly chart, in the order of its legend.
MEASURES = ("enrolled", "active", "logged_in", "messaged", "did_work")
WEEKLY_COLUMNS = ["week", "measure", "participants", "suppressed"]
COHORT_COLUMNS = ["cohort", "months_since", "cohort_size", "active", "retention", "suppressed"]

Bucket = Callable[[sa.ColumnElement], sa.ColumnElement]
When = Callable[[sa.ColumnElement], sa.ColumnElement[bool]]


KINDS = ("logged_in", "messaged", "did_work")


def _events(scope: Scope, bucket: Bucket, when: When) -> sa.Subquery:
    """Every activity of the population as (pid, bucket, one 0/1 flag per kind of
    :data:`KINDS`), one row per event (``UNION ALL``, nothing made distinct yet)."""
    population = scope.population()
    sources = [
        ("logged_in", LoginSession.user_id, LoginSession.created_at, [], []),
        ("messaged", Message.sender_id, Message.created_at, [], []),
        (
            "did_work",
            Goal.participant_id,
            GoalStep.done_at,
            [(Goal, Goal.id == GoalStep.goal_id)],
            [GoalStep.status == StepStatus.DONE],
        ),
        (
            "did_work",
            Assignment.participant_id,
            Submission.submitted_at,
            [(Assignment, Assignment.id == Submission.assignment_id)],
            [Submission.status == SubmissionStatus.SUBMITTED],
        ),
    ]
    selects = []
    for name, who, at, joins, conditions in sources:
        # Flags as literals in the SQL text: PostgreSQL cannot type a bound one in a UNION.
        flags = [sa.literal_column("1" if k == name else "0").label(k) for k in KINDS]
        query = select(who.label("pid"), bucket(at).label("bucket"), *flags)
        query = query.select_from(at.class_)
        for model, on in joins:
            query = query.join(model, on)
        query = query.join(User, User.id == who).where(population, when(at), *conditions)
        selects.append(query)
    return sa.union_all(*selects).subquery("events")


def _weekly_counts(session: Session, scope: Scope) -> pd.DataFrame:
    anchor = scope.week_anchor
    events = _events(scope, lambda at: week_index(at, anchor), scope.in_period)
    # One group per participant and week (hashed) with a flag per kind: each participant
    # counts once per week and kind, and once as "active" (the group itself).
    per_participant = (
        select(
            events.c.bucket,
            *(sa.func.max(events.c[k]).label(k) for k in KINDS),
        )
        .group_by(events.c.pid, events.c.bucket)
        .subquery("per_participant")
    )
    rows = session.exec(
        select(
            per_participant.c.bucket,
            *(sa.func.sum(per_participant.c[k]) for k in KINDS),
            sa.func.count(),
        ).group_by(per_participant.c.bucket)
    ).all()
    return pd.DataFrame(
        [
            (measure, bucket, n)
            for bucket, *flags, active in rows
            for measure, n in zip((*KINDS, "active"), (*flags, active), strict=True)
        ],
        columns=["measure", "bucket", "participants"],
    )


def _weekly_enrolled(session: Session, scope: Scope, weeks: int) -> list[int]:
    anchor, population = scope.week_anchor, scope.population()
    before = session.exec(
        select(sa.func.count()).where(population, User.enrolled_at < anchor)
    ).one()
    new = dict(
        session.exec(
            select(week_index(User.enrolled_at, anchor), sa.func.count())
            .where(population, User.enrolled_at >= anchor, User.enrolled_at < scope.end)
            .group_by(week_index(User.enrolled_at, anchor))
        ).all()
    )
    running, totals = before, []
    for week in range(weeks):
        running += new.get(week, 0)
        totals.append(running)
    return totals


def reach_weekly(session: Session, viewer: Viewer, query: EvaluationFilter) -> pd.DataFrame:
    """Per week (Monday) and measure: how many participants; small groups suppressed.

    Columns ``week`` (date), ``measure`` (one of :data:`MEASURES`), ``participants``
    and ``suppressed``.
    """
    scope = evaluation_scope(session, viewer, query)
    weeks = week_starts(scope)
    counts = _weekly_counts(session, scope)
    lookup = {(m, int(b)): int(n) for m, b, n in counts.itertuples(index=False)}
    enrolled = _weekly_enrolled(session, scope, len(weeks))
    rows = [
        {
            "week": monday,
            "measure": measure,
            "participants": enrolled[n] if measure == "enrolled" else lookup.get((measure, n), 0),
        }
        for n, monday in enumerate(weeks)
        for measure in MEASURES
    ]
    frame = pd.DataFrame(rows, columns=["week", "measure", "participants"])
    return suppress(frame, counts=["participants"], values=[], threshold=scope.threshold)[
        WEEKLY_COLUMNS
    ]


def _months_observed(cohort: str, end: datetime) -> int:
    year, month = (int(part) for part in cohort.split("-"))
    started = datetime(year, month, 1, tzinfo=end.tzinfo)
    return max(0, int((end - started).total_seconds() // MONTH_SECONDS))


def retention_cohorts(session: Session, viewer: Viewer, query: EvaluationFilter) -> pd.DataFrame:
    """Per enrolment month (cohort) and month since enrolment: share of the cohort active.

    Cohorts are the participants enrolled in the period; their activity counts up to the
    period's end. A cell is suppressed when its cohort or its active count is small.
    """
    scope = evaluation_scope(session, viewer, query)
    population = scope.population()
    sizes = dict(
        session.exec(
            select(month_key(User.enrolled_at), sa.func.count())
            .where(population, scope.in_period(User.enrolled_at))
            .group_by(month_key(User.enrolled_at))
        ).all()
    )
    events = _events(
        scope,
        lambda at: months_between(User.enrolled_at, at),
        lambda at: sa.and_(
            scope.in_period(User.enrolled_at), at >= User.enrolled_at, at < scope.end
        ),
    )
    cohort_of = select(User.id.label("pid"), month_key(User.enrolled_at).label("cohort")).where(
        population
    )
    cohort_of = cohort_of.subquery()
    # One DISTINCT (hashed) on (participant, month since enrolment), whatever the kind.
    active_months = select(events.c.pid, events.c.bucket).distinct().subquery("months")
    rows = session.exec(
        select(cohort_of.c.cohort, active_months.c.bucket, sa.func.count())
        .join(cohort_of, cohort_of.c.pid == active_months.c.pid)
        .group_by(cohort_of.c.cohort, active_months.c.bucket)
    ).all()
    active = {(c, int(m)): int(n) for c, m, n in rows}
    cells = [
        {
            "cohort": cohort,
            "months_since": m,
            "cohort_size": size,
            "active": active.get((cohort, m), 0),
        }
        for cohort, size in sorted(sizes.items())
        for m in range(_months_observed(cohort, scope.end) + 1)
    ]
    frame = pd.DataFrame(cells, columns=COHORT_COLUMNS[:4])
    frame["retention"] = ratio(frame["active"], frame["cohort_size"])
    frame = suppress(
        frame, counts=["cohort_size", "active"], values=["retention"], threshold=scope.threshold
    )
    return frame[COHORT_COLUMNS]
