"""Outcomes: self-reliance (life-domain scores), the digital-skills track, and check-ins.

**Self-reliance**: per participant and assessor (participant or counsellor) the first and the
latest assessment *in the period*; participants with only one are left out (no change to
measure). Per domain the mean first score, mean latest score and mean change, and how many
participants are behind them.
"""

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import (
    Assessment,
    AssessmentScore,
    Assignment,
    CheckIn,
    ContentItem,
    LifeDomain,
    Submission,
    User,
)
from jouw_omgeving.models.enums import ContentKind, ContentStatus, SubmissionStatus
from jouw_omgeving.seed.content_format import DIGITAL_SKILLS_TRACK
from jouw_omgeving.services.content import latest_published_versions
from jouw_omgeving.services.evaluation_scope import (
    EvaluationFilter,
    evaluation_scope,
    ratio,
    suppress,
    week_starts,
)
from jouw_omgeving.services.evaluation_sql import week_index
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

SELF_RELIANCE_COLUMNS = [
    "assessor_role",
    "domain_key",
    "domain_name",
    "participants",
    "mean_first",
    "mean_latest",
    "mean_change",
    "suppressed",
]
TRACK_COLUMNS = ["position", "lesson", "participants_done", "population", "share", "suppressed"]
CHECK_IN_COLUMNS = ["week", "check_ins", "participants", "mean_mood", "suppressed"]


def self_reliance_change(
    session: Session, viewer: Viewer, query: EvaluationFilter, *, lang: str = "nl"
) -> pd.DataFrame:
    """Per assessor role and domain: mean first, latest and change of scores; N behind it."""
    scope = evaluation_scope(session, viewer, query)
    # Rank each participant's assessments per assessor (window functions over one sort:
    # the first is number 1, the latest number n; the planner can hash-join the scores
    # instead of looking them up one by one).
    window = {"partition_by": (Assessment.participant_id, Assessment.assessor_role)}
    ranked = (
        select(
            Assessment.id,
            Assessment.participant_id.label("pid"),
            Assessment.assessor_role.label("role"),
            sa.func.row_number().over(**window, order_by=Assessment.taken_at).label("up"),
            sa.func.count().over(**window).label("n"),
        )
        .join(User, User.id == Assessment.participant_id)
        .where(scope.population(), scope.in_period(Assessment.taken_at))
        .subquery("ranked")
    )
    # Each participant's first and latest score per domain in one pass (no self-join).
    score = AssessmentScore.score
    ends = (
        select(
            ranked.c.role,
            AssessmentScore.life_domain_id.label("domain"),
            sa.func.max(sa.case((ranked.c.up == 1, score))).label("first"),
            sa.func.max(sa.case((ranked.c.up == ranked.c.n, score))).label("last"),
        )
        .join(AssessmentScore, AssessmentScore.assessment_id == ranked.c.id)
        .where(ranked.c.n >= 2, sa.or_(ranked.c.up == 1, ranked.c.up == ranked.c.n))
        .group_by(ranked.c.pid, ranked.c.role, AssessmentScore.life_domain_id)
        .subquery("ends")
    )
    rows = session.exec(
        select(
            ends.c.role,
            ends.c.domain,
            sa.func.count(),
            sa.func.avg(ends.c.first),
            sa.func.avg(ends.c.last),
        )
        .where(ends.c.first.is_not(None), ends.c.last.is_not(None))
        .group_by(ends.c.role, ends.c.domain)
    ).all()
    domains = {d.id: d for d in session.exec(select(LifeDomain)).all()}
    rows = sorted(rows, key=lambda r: (r[0] != "participant", domains[r[1]].position))
    frame = pd.DataFrame(
        [
            [role, domains[d].key, translated(domains[d].name, lang), int(n), float(a), float(b)]
            for role, d, n, a, b in rows
        ],
        columns=SELF_RELIANCE_COLUMNS[:6],
    )
    frame["mean_change"] = (frame["mean_latest"] - frame["mean_first"]).astype("Float64")
    return suppress(
        frame,
        counts=["participants"],
        values=["mean_first", "mean_latest", "mean_change"],
        threshold=scope.threshold,
    )[SELF_RELIANCE_COLUMNS]


def digital_skills_progress(
    session: Session, viewer: Viewer, query: EvaluationFilter, *, lang: str = "nl"
) -> pd.DataFrame:
    """Per lesson of the digital-skills track: participants who finished it by the period's end.

    ``population`` is everyone in scope, so ``share`` reads "x% of the participants".
    """
    scope = evaluation_scope(session, viewer, query)
    lessons = session.exec(
        select(ContentItem)
        .where(
            ContentItem.kind == ContentKind.LESSON,
            ContentItem.track == DIGITAL_SKILLS_TRACK,
            ContentItem.status == ContentStatus.PUBLISHED,
            sa.or_(
                ContentItem.organisation_id.is_(None),
                ContentItem.organisation_id == scope.organisation_id,
            ),
        )
        .order_by(ContentItem.position, ContentItem.id)
    ).all()
    versions = latest_published_versions(session, [lesson.id for lesson in lessons])
    lessons = [lesson for lesson in lessons if lesson.id in versions]
    # Each participant once per lesson (a hashed DISTINCT), then plain counts.
    finished = (
        select(Assignment.content_id, Assignment.participant_id)
        .join(Submission, Submission.assignment_id == Assignment.id)
        .join(User, User.id == Assignment.participant_id)
        .where(
            scope.population(),
            Assignment.content_id.in_([lesson.id for lesson in lessons] or [-1]),
            Submission.status == SubmissionStatus.SUBMITTED,
            Submission.submitted_at < scope.end,
        )
        .distinct()
        .subquery("finished")
    )
    done = dict(
        session.exec(
            select(finished.c.content_id, sa.func.count()).group_by(finished.c.content_id)
        ).all()
    )
    population = session.exec(
        select(sa.func.count()).where(scope.population(), User.enrolled_at < scope.end)
    ).one()
    frame = pd.DataFrame(
        [
            [n, translated(versions[lesson.id].title, lang), done.get(lesson.id, 0), population]
            for n, lesson in enumerate(lessons, start=1)
        ],
        columns=TRACK_COLUMNS[:4],
    )
    frame["share"] = ratio(frame["participants_done"], frame["population"])
    return suppress(
        frame,
        counts=["participants_done", "population"],
        values=["share"],
        threshold=scope.threshold,
    )[TRACK_COLUMNS]


def check_ins_weekly(session: Session, viewer: Viewer, query: EvaluationFilter) -> pd.DataFrame:
    """Per week (Monday): check-ins, participants who checked in and their mean mood (1–5)."""
    scope = evaluation_scope(session, viewer, query)
    week = week_index(CheckIn.created_at, scope.week_anchor)
    rows = session.exec(
        select(
            week,
            sa.func.count(),
            sa.func.count(sa.distinct(CheckIn.participant_id)),
            sa.func.avg(CheckIn.mood),
        )
        .join(User, User.id == CheckIn.participant_id)
        .where(scope.population(), scope.in_period(CheckIn.created_at))
        .group_by(week)
    ).all()
    by_week = {int(w): (int(n), int(p), float(m)) for w, n, p, m in rows}
    frame = pd.DataFrame(
        [[monday, *by_week.get(n, (0, 0, None))] for n, monday in enumerate(week_starts(scope))],
        columns=CHECK_IN_COLUMNS[:4],
    )
    return suppress(
        frame,
        counts=["participants"],
        values=["check_ins", "mean_mood"],
        threshold=scope.threshold,
    )[CHECK_IN_COLUMNS]
