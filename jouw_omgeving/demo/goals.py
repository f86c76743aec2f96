"""Goals in the participants' own words, their small steps, status history and sharing."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from jouw_omgeving.demo.context import DemoContext, ParticipantPlan, daytime_between, random_uuid
from jouw_omgeving.demo.texts import GOAL_IDEAS, HELPERS, SHOWCASE_GOALS
from jouw_omgeving.models import Goal, GoalShare, GoalStatusChange, GoalStep
from jouw_omgeving.models.enums import GoalStatus, StepStatus

ALL_IDEAS: list[tuple[str, str, list[str]]] = [
    (domain, title, steps) for domain, ideas in GOAL_IDEAS.items() for title, steps in ideas
]


def goal_idea(domain: str, title: str) -> tuple[str, str, list[str]]:
    """The (domain, title, steps) idea with this title."""
    steps = dict(GOAL_IDEAS[domain])[title]
    return domain, title, steps


# deelnemer01's showcase: three active goals (steps done per goal) and one finished goal.
SHOWCASE_IDEAS = [
    *(goal_idea(domain, title) for domain, title in SHOWCASE_GOALS),
    goal_idea("gezondheid", "Naar de tandarts gaan"),
]
SHOWCASE_DONE_STEPS = [2, 1, 1]


def add_goals(ctx: DemoContext) -> dict[int, tuple[int, datetime]]:
    """Goals, steps and status history for every participant.

    Returns, per participant id, one active goal (id, created_at) to share with the network.
    """
    shareable: dict[int, tuple[int, datetime]] = {}
    active: set[int] = set()
    for plan in ctx.participants:
        rng = ctx.rng("goals", plan.number)
        if plan.number == 1:
            ideas = SHOWCASE_IDEAS
        else:
            count = rng.randint(2, max(2, ctx.scale.max_goals_per_participant))
            ideas = rng.sample(ALL_IDEAS, min(count, len(ALL_IDEAS)))
        for index, idea in enumerate(ideas):
            goal_id, status, created = _add_goal(ctx, rng, plan, index, idea)
            # Share the first active goal, or else the first goal.
            if plan.id not in shareable or (status == GoalStatus.ACTIVE and plan.id not in active):
                shareable[plan.id] = (goal_id, created)
            if status == GoalStatus.ACTIVE:
                active.add(plan.id)
        if plan.number > 1 and rng.random() < 0.1:
            _add_suggestion(ctx, rng, plan)
    return shareable


def _choose_status(rng: random.Random, plan: ParticipantPlan, index: int, age_days: int):
    """The goal's status now; deelnemer01's first three goals stay active."""
    if plan.number == 1:
        return GoalStatus.ACTIVE if index < len(SHOWCASE_GOALS) else GoalStatus.DONE
    factor = {"improving": 1.2, "flat": 0.9, "declining": 0.6}[plan.trend]
    p_done = min(0.55, age_days / 300) * factor
    draw = rng.random()
    if draw < p_done:
        return GoalStatus.DONE
    if draw < p_done + 0.07:
        return GoalStatus.PAUSED
    if draw < p_done + 0.13:
        return GoalStatus.STOPPED
    return GoalStatus.ACTIVE


def _add_goal(
    ctx: DemoContext,
    rng: random.Random,
    plan: ParticipantPlan,
    index: int,
    idea: tuple[str, str, list[str]],
) -> tuple[int, GoalStatus, datetime]:
    """One goal with its steps and history; returns its id, status and creation time."""
    domain, title, step_titles = idea
    end = plan.last_active_at
    created = daytime_between(
        rng, plan.enrolled_at, plan.enrolled_at + (end - plan.enrolled_at) * 0.6
    )
    by_counsellor = rng.random() < 0.3
    creator = plan.counsellor_at(created) if by_counsellor else plan.id
    status = _choose_status(rng, plan, index, (end - created).days)
    count = len(step_titles) if plan.number == 1 else rng.randint(2, len(step_titles))
    if status == GoalStatus.DONE:
        done_count = count
    elif plan.number == 1:
        done_count = SHOWCASE_DONE_STEPS[index]
    else:
        done_count = rng.randint(0, count - 1)
    moments = sorted(daytime_between(rng, created, end) for _ in range(done_count + 1))
    finished_at = moments[-1] if status != GoalStatus.ACTIVE else None
    goal_id = ctx.writer.next_id(Goal)
    helpers = rng.choice(HELPERS)
    if helpers == "mijn begeleider":
        helpers = f"{ctx.counsellor_names[plan.counsellor_id]} (begeleider)"
    ctx.add(
        Goal,
        {
            "id": goal_id,
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "created_by_id": creator,
            "title": title,
            "life_domain_id": ctx.domain_ids.get(domain),
            "status": status.value,
            "due_date": _goal_due_date(ctx, rng, status, created),
            "helpers": helpers,
            "suggested": False,
            "created_at": created,
            "updated_at": moments[-1] if done_count or finished_at else created,
            "completed_at": finished_at if status == GoalStatus.DONE else None,
        },
    )
    _change(ctx, goal_id, None, None, GoalStatus.ACTIVE, creator, created)
    overdue_left = 1 if plan.number == 1 and index == 0 else 0
    for position, step_title in enumerate(step_titles[:count]):
        done_at = moments[position] if position < done_count else None
        due = None
        if done_at is None and (overdue_left or rng.random() < 0.7):
            overdue = overdue_left > 0 or rng.random() < 0.35
            overdue_left = 0
            due = ctx.today + timedelta(days=-rng.randint(1, 20) if overdue else rng.randint(1, 30))
        step_id = ctx.add(
            GoalStep,
            {
                "public_id": random_uuid(rng),
                "goal_id": goal_id,
                "title": step_title,
                "position": position,
                "status": (StepStatus.DONE if done_at else StepStatus.OPEN).value,
                "due_date": due,
                "created_by_id": creator,
                "created_at": created,
                "done_at": done_at,
            },
        )
        if done_at is not None:
            changer = plan.id if rng.random() < 0.8 else plan.counsellor_at(done_at)
            _change(ctx, goal_id, step_id, StepStatus.OPEN, StepStatus.DONE, changer, done_at)
    if finished_at is not None:
        changer = plan.id if status != GoalStatus.STOPPED else plan.counsellor_at(finished_at)
        _change(ctx, goal_id, None, GoalStatus.ACTIVE, status, changer, finished_at)
    return goal_id, status, created


def _goal_due_date(ctx: DemoContext, rng: random.Random, status: GoalStatus, created: datetime):
    """Half the goals have a due date; some active ones are overdue."""
    if rng.random() < 0.5:
        return None
    if status == GoalStatus.ACTIVE:
        return ctx.today + timedelta(days=rng.randint(-10, 90))
    return created.date() + timedelta(days=rng.randint(30, 120))


def _add_suggestion(ctx: DemoContext, rng: random.Random, plan: ParticipantPlan) -> None:
    """A goal the counsellor suggested that waits for the participant to accept it."""
    domain, title, _steps = rng.choice(ALL_IDEAS)
    created = ctx.now - timedelta(days=rng.randint(1, 10), hours=rng.randint(1, 8))
    created = max(created, plan.enrolled_at)
    goal_id = ctx.add(
        Goal,
        {
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "created_by_id": plan.counsellor_id,
            "title": title,
            "life_domain_id": ctx.domain_ids.get(domain),
            "status": GoalStatus.ACTIVE.value,
            "due_date": None,
            "helpers": None,
            "suggested": True,
            "created_at": created,
            "updated_at": created,
            "completed_at": None,
        },
    )
    _change(ctx, goal_id, None, None, GoalStatus.ACTIVE, plan.counsellor_id, created)


def _change(
    ctx: DemoContext,
    goal_id: int,
    step_id: int | None,
    from_status: str | None,
    to_status: str,
    changed_by: int,
    changed_at: datetime,
) -> None:
    """Append one status-history row."""
    row: dict[str, Any] = {
        "goal_id": goal_id,
        "step_id": step_id,
        "from_status": None if from_status is None else str(from_status),
        "to_status": str(to_status),
        "changed_by_id": changed_by,
        "changed_at": changed_at,
    }
    ctx.add(GoalStatusChange, row)


def add_goal_shares(ctx: DemoContext, shareable: dict[int, tuple[int, datetime]]) -> None:
    """Participants 1 and 2 each share one active goal with their network member."""
    for plan, member_id in zip(ctx.participants, ctx.network_member_ids, strict=False):
        if plan.id not in shareable:
            continue
        goal_id, created = shareable[plan.id]
        shared_at = max(created, plan.enrolled_at + timedelta(days=21)) + timedelta(hours=1)
        ctx.add(
            GoalShare,
            {
                "goal_id": goal_id,
                "network_member_id": member_id,
                "shared_at": min(shared_at, ctx.now - timedelta(hours=1)),
                "revoked_at": None,
            },
        )
