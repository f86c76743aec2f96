"""Goals per life domain: goals set and achieved, and steps done, in the period.

A goal is *set* when it was created in the period, *achieved* when it was completed (status
done) in the period, a step *done* when it was ticked off in the period. Goals without a
life domain are counted under "other". The participants behind a domain are those with a
goal set, achieved or a step done there in the period.
"""

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Goal, GoalStep, LifeDomain, User
from jouw_omgeving.models.enums import GoalStatus, StepStatus
from jouw_omgeving.services.evaluation_scope import EvaluationFilter, evaluation_scope, suppress
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

OTHER_DOMAIN = "other"
GOAL_COLUMNS = [
    "domain_key",
    "domain_name",
    "participants",
    "goals_set",
    "goals_achieved",
    "steps_done",
    "suppressed",
]


def goals_by_domain(
    session: Session, viewer: Viewer, query: EvaluationFilter, *, lang: str = "nl"
) -> pd.DataFrame:
    """Per life domain: goals set, achieved, steps done and participants; small suppressed.

    ``domain_name`` is in ``lang``; goals without a domain have key :data:`OTHER_DOMAIN`
    and an empty name (the caller words it).
    """
    scope = evaluation_scope(session, viewer, query)
    created, done = scope.in_period(Goal.created_at), scope.in_period(Goal.completed_at)
    achieved = sa.and_(Goal.status == GoalStatus.DONE, done)
    goals = (
        select(
            Goal.life_domain_id.label("domain"),
            Goal.participant_id.label("pid"),
            sa.case((created, 1), else_=0).label("goal_set"),
            sa.case((achieved, 1), else_=0).label("achieved"),
            sa.literal_column("0").label("steps"),
        )
        .join(User, User.id == Goal.participant_id)
        .where(scope.population(), sa.or_(created, achieved))
    )
    steps = (
        select(
            Goal.life_domain_id,
            Goal.participant_id,
            sa.literal_column("0"),
            sa.literal_column("0"),
            sa.literal_column("1"),
        )
        .select_from(GoalStep)
        .join(Goal, Goal.id == GoalStep.goal_id)
        .join(User, User.id == Goal.participant_id)
        .where(
            scope.population(),
            GoalStep.status == StepStatus.DONE,
            scope.in_period(GoalStep.done_at),
        )
    )
    events = sa.union_all(goals, steps).subquery()
    rows = session.exec(
        select(
            events.c.domain,
            sa.func.count(sa.distinct(events.c.pid)),
            sa.func.sum(events.c.goal_set),
            sa.func.sum(events.c.achieved),
            sa.func.sum(events.c.steps),
        ).group_by(events.c.domain)
    ).all()
    domains = {d.id: d for d in session.exec(select(LifeDomain)).all()}
    ordered = sorted(
        rows, key=lambda r: (r[0] is None, domains[r[0]].position if r[0] in domains else 0)
    )
    frame = pd.DataFrame(
        [
            [
                domains[d].key if d in domains else OTHER_DOMAIN,
                translated(domains[d].name, lang) if d in domains else "",
                int(p),
                int(s),
                int(a),
                int(n),
            ]
            for d, p, s, a, n in ordered
        ],
        columns=GOAL_COLUMNS[:6],
    )
    return suppress(
        frame,
        counts=["participants"],
        values=["goals_set", "goals_achieved", "steps_done"],
        threshold=scope.threshold,
    )[GOAL_COLUMNS]
