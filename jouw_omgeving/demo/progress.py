"""Life-domain assessments (participant and counsellor side by side) and weekly check-ins.

Each participant has a hidden level per domain that moves with their trend: most improve, some
stay flat, a few fall in the last weeks (so the dashboard has falling-score signals). Scores are
that level plus noise; participants rate themselves a little higher than their counsellor does.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from jouw_omgeving.demo.context import DemoContext, ParticipantPlan, daytime_between, random_uuid
from jouw_omgeving.demo.texts import ASSESSMENT_NOTES, CHECK_IN_NOTES
from jouw_omgeving.models import Assessment, AssessmentScore, CheckIn
from jouw_omgeving.models.enums import AssessorRole

MONTH = timedelta(days=30)
Level = Callable[[str, datetime], float]


def _clamp(value: float) -> int:
    return max(1, min(5, round(value)))


def level_curve(ctx: DemoContext, rng: random.Random, plan: ParticipantPlan) -> Level:
    """The participant's hidden level per domain over time, as a function."""
    base = {key: rng.uniform(1.3, 3.3) for key in ctx.domain_ids}
    slope = {
        "improving": rng.uniform(0.12, 0.35),
        "flat": rng.uniform(-0.05, 0.05),
        "declining": rng.uniform(0.05, 0.2),
    }[plan.trend]
    slopes = {key: slope * rng.uniform(0.5, 1.5) for key in ctx.domain_ids}
    decline_from = ctx.now - timedelta(days=rng.randint(30, 60))

    def level(key: str, moment: datetime) -> float:
        months = (moment - plan.enrolled_at) / MONTH
        value = base[key] + slopes[key] * months
        if plan.trend == "declining" and moment > decline_from:
            value -= 0.8 * (moment - decline_from) / MONTH
        return min(5.0, max(1.0, value))

    return level


def add_progress(ctx: DemoContext) -> None:
    """Assessments with a score per domain, and check-ins, for every participant."""
    for plan in ctx.participants:
        rng = ctx.rng("progress", plan.number)
        level = level_curve(ctx, rng, plan)
        _add_assessments(ctx, rng, plan, level)
        _add_check_ins(ctx, rng, plan, level)


def _add_assessments(
    ctx: DemoContext, rng: random.Random, plan: ParticipantPlan, level: Level
) -> None:
    """Rounds every ``assessment_interval_days``: the participant and the counsellor."""
    interval = ctx.scale.assessment_interval_days
    moment = plan.enrolled_at + timedelta(days=rng.randint(1, 4))
    while moment < ctx.now:
        if moment <= plan.last_active_at and rng.random() < 0.6 + 0.4 * plan.engagement:
            taken = daytime_between(rng, moment, min(moment + timedelta(days=2), ctx.now))
            taken = min(taken, plan.last_active_at)
            _add_assessment(ctx, rng, plan, level, taken, AssessorRole.PARTICIPANT, 0.3)
        if rng.random() < 0.85:
            taken = daytime_between(rng, moment, min(moment + timedelta(days=6), ctx.now))
            _add_assessment(ctx, rng, plan, level, taken, AssessorRole.COUNSELLOR, 0.0)
        moment += timedelta(days=interval + rng.randint(-7, 7))


def _add_assessment(
    ctx: DemoContext,
    rng: random.Random,
    plan: ParticipantPlan,
    level: Level,
    taken: datetime,
    role: AssessorRole,
    optimism: float,
) -> None:
    """One filled-in instrument with a score on every domain."""
    assessor = plan.id if role == AssessorRole.PARTICIPANT else plan.counsellor_at(taken)
    assessment_id = ctx.add(
        Assessment,
        {
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "assessor_id": assessor,
            "assessor_role": role.value,
            "instrument_id": ctx.instrument_id,
            "taken_at": taken,
            "note": rng.choice(ASSESSMENT_NOTES),
        },
    )
    for key, domain_id in ctx.domain_ids.items():
        score = _clamp(level(key, taken) + rng.gauss(optimism, 0.45))
        ctx.add(
            AssessmentScore,
            {"assessment_id": assessment_id, "life_domain_id": domain_id, "score": score},
        )


def _add_check_ins(
    ctx: DemoContext, rng: random.Random, plan: ParticipantPlan, level: Level
) -> None:
    """Weekly-ish moods (1-5) while the participant was active."""
    keys = list(ctx.domain_ids)
    chance = ctx.scale.check_in_rate * (0.5 + 0.5 * plan.engagement)
    week = plan.enrolled_at + timedelta(days=rng.randint(2, 7))
    while week <= plan.last_active_at:
        if rng.random() < chance:
            moment = daytime_between(rng, week, min(week + timedelta(days=2), plan.last_active_at))
            mean = sum(level(key, moment) for key in keys) / len(keys)
            mood = _clamp(mean + rng.gauss(0.2, 0.8))
            note = rng.choice(CHECK_IN_NOTES[mood]) if rng.random() < 0.25 else None
            ctx.add(
                CheckIn,
                {"participant_id": plan.id, "mood": mood, "note": note, "created_at": moment},
            )
        week += timedelta(days=7)
