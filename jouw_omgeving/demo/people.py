"""Participants, their caseload assignments (with handovers) and their network."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from jouw_omgeving.demo import accounts
from jouw_omgeving.demo.context import (
    DemoContext,
    ParticipantPlan,
    Period,
    daytime_between,
    random_hex,
)
from jouw_omgeving.demo.staff import user_row
from jouw_omgeving.demo.texts import HANDOVER_NOTES, MOVED_NOTE
from jouw_omgeving.models import CaseloadAssignment, NetworkMembership, User
from jouw_omgeving.models.enums import Role


def _plan_participant(ctx: DemoContext, number: int) -> ParticipantPlan:
    """Decide enrolment, activity, counsellor history and trend of participant ``number``."""
    rng = ctx.rng("participant", number)
    showcase = number == 1
    tenure = int(ctx.scale.days * 0.9) if showcase else rng.randint(7, ctx.scale.days)
    enrolled = ctx.now - timedelta(days=tenure, hours=rng.randint(0, 10))
    enrolled = enrolled.replace(hour=rng.randint(8, 15), minute=rng.choice([0, 15, 30, 45]))
    inactive = not showcase and rng.random() < 0.2 and tenure > 30
    if inactive:
        last_active = ctx.now - timedelta(days=rng.randint(14, min(45, tenure - 7)))
    else:
        last_active = ctx.now - timedelta(days=1 if showcase else rng.randint(1, 4))
    last_active = last_active.replace(hour=rng.randint(9, 20), minute=rng.randint(0, 59))
    last_active = max(last_active, enrolled + timedelta(days=1))
    counsellor = ctx.counsellors[(number - 1) % len(ctx.counsellors)]
    periods = [Period(counsellor.id, enrolled, None)]
    if not showcase and tenure > 90 and len(ctx.counsellors) > 1 and rng.random() < 0.12:
        previous = rng.choice([c for c in ctx.counsellors if c.id != counsellor.id])
        switch = daytime_between(rng, enrolled + timedelta(days=30), ctx.now - timedelta(days=30))
        periods = [Period(previous.id, enrolled, switch), Period(counsellor.id, switch, None)]
    trend = (
        "improving"
        if showcase
        else rng.choices(["improving", "flat", "declining"], [65, 25, 10])[0]
    )
    return ParticipantPlan(
        id=ctx.writer.next_id(User),
        number=number,
        enrolled_at=enrolled,
        last_active_at=last_active,
        periods=periods,
        engagement=0.95 if showcase else rng.uniform(0.25, 1.0),
        trend=trend,
        unread_for_counsellor=showcase or rng.random() < 0.25,
        team_id=counsellor.team_id,
    )


def add_participants(ctx: DemoContext) -> None:
    """Participants with their open (and a few ended) caseload assignments."""
    team_of = {counsellor.id: counsellor.team_id for counsellor in ctx.counsellors}
    for number in range(1, ctx.scale.participants + 1):
        plan = _plan_participant(ctx, number)
        rng = ctx.rng("participant-row", number)
        ctx.add(
            User,
            user_row(
                ctx,
                rng,
                id=plan.id,
                role=Role.PARTICIPANT.value,
                display_name=accounts.participant_display_name(number),
                username=accounts.participant_username(number),
                password_hash=ctx.participant_hash,
                team_id=plan.team_id,
                language="en" if rng.random() < 0.05 else "nl",
                large_text=rng.random() < 0.15,
                enrolled_at=plan.enrolled_at,
                last_active_at=plan.last_active_at,
                created_at=plan.enrolled_at - timedelta(days=rng.randint(1, 7)),
            ),
        )
        for index, period in enumerate(plan.periods):
            team_id = team_of[period.counsellor_id]
            ctx.add(
                CaseloadAssignment,
                {
                    "counsellor_id": period.counsellor_id,
                    "participant_id": plan.id,
                    "starts_at": period.starts_at,
                    "ends_at": period.ends_at,
                    "created_by_id": ctx.team_lead_ids.get(team_id, ctx.admin_id),
                    "handover_note": _handover_note(rng, plan, index, team_of),
                },
            )
        ctx.participants.append(plan)


def _handover_note(rng, plan: ParticipantPlan, index: int, team_of: dict[int, int]) -> str | None:
    """Why the participant got a new counsellor (none for the first assignment)."""
    if index == 0:
        return None
    before, after = plan.periods[index - 1].counsellor_id, plan.periods[index].counsellor_id
    return MOVED_NOTE if team_of[before] != team_of[after] else rng.choice(HANDOVER_NOTES)


def add_network(ctx: DemoContext) -> None:
    """Two network members for participants 1 and 2, and an open invitation for number 3."""
    rng = ctx.rng("network")
    for index, username in enumerate(accounts.NETWORK_USERNAMES):
        plan = ctx.participants[index]
        latest = min(plan.enrolled_at + timedelta(days=20), ctx.now - timedelta(days=2))
        invited = daytime_between(rng, plan.enrolled_at, latest)
        last_active = ctx.now - timedelta(days=rng.randint(1, 6), hours=3)
        member_id = ctx.add(
            User,
            user_row(
                ctx,
                rng,
                role=Role.NETWORK_MEMBER.value,
                display_name=accounts.NETWORK_DISPLAY_NAMES[index],
                username=username,
                organisation_id=None,
                created_at=invited + timedelta(hours=3),
                last_active_at=max(last_active, invited + timedelta(hours=4)),
            ),
        )
        ctx.network_member_ids.append(member_id)
        ctx.add(
            NetworkMembership,
            _membership(plan.id, member_id, accounts.NETWORK_RELATIONS[index], invited, None),
        )
    plan = ctx.participants[2]
    invited = ctx.now - timedelta(days=2, hours=5)
    ctx.add(NetworkMembership, _membership(plan.id, None, "neef", invited, random_hex(rng, 64)))


def _membership(
    participant_id: int, member_id: int | None, relation: str, invited: datetime, code: str | None
) -> dict[str, Any]:
    """A network membership row; pending when ``code`` (an invitation hash) is given."""
    return {
        "participant_id": participant_id,
        "member_id": member_id,
        "relation": relation,
        "invite_code_hash": code,
        "invite_expires_at": invited + timedelta(days=7),
        "invited_at": invited,
        "accepted_at": None if code else invited + timedelta(hours=3),
        "ended_at": None,
    }
