"""Consents for partner organisations: the current row plus its append-only history.

Fixed cases for demos: deelnemer01 lets GGZ Oost follow goals (until a date) and progress (no
end date); deelnemer02 lets the debt help follow goals, ending within a week (a signal on the
dashboard); deelnemer03 granted and then withdrew progress for GGZ Oost. Others get a random mix.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from jouw_omgeving.demo.context import (
    DemoContext,
    ParticipantPlan,
    daytime_between,
    in_daytime,
    random_uuid,
)
from jouw_omgeving.models import Consent, ConsentRecord
from jouw_omgeving.models.enums import ConsentAction, ConsentCategory, ConsentStatus

CATEGORIES = list(ConsentCategory)
# Final status -> the actions that led to it.
HISTORIES = {
    ConsentStatus.REQUESTED: [ConsentAction.REQUEST],
    ConsentStatus.GRANTED: [ConsentAction.REQUEST, ConsentAction.GRANT],
    ConsentStatus.DECLINED: [ConsentAction.REQUEST, ConsentAction.DECLINE],
    ConsentStatus.WITHDRAWN: [ConsentAction.REQUEST, ConsentAction.GRANT, ConsentAction.WITHDRAW],
}


@dataclass(frozen=True)
class ConsentCase:
    """One consent to generate: whose, for which organisation and category, how it ended."""

    partner_index: int
    category: ConsentCategory
    status: ConsentStatus
    ends_in_days: int | None = None


FIXED_CASES: dict[int, list[ConsentCase]] = {
    1: [
        ConsentCase(0, ConsentCategory.GOALS, ConsentStatus.GRANTED, 90),
        ConsentCase(0, ConsentCategory.PROGRESS, ConsentStatus.GRANTED),
    ],
    2: [ConsentCase(1, ConsentCategory.GOALS, ConsentStatus.GRANTED, 5)],
    3: [ConsentCase(0, ConsentCategory.PROGRESS, ConsentStatus.WITHDRAWN)],
}


def add_consents(ctx: DemoContext) -> None:
    """Consents and their history for the fixed cases and about a third of the others."""
    for plan in ctx.participants:
        rng = ctx.rng("consents", plan.number)
        cases = FIXED_CASES.get(plan.number) or _random_cases(ctx, rng)
        for case in cases:
            _add_consent(ctx, rng, plan, case)


def _random_cases(ctx: DemoContext, rng: random.Random) -> list[ConsentCase]:
    if rng.random() >= 0.3:
        return []
    partner = rng.randrange(len(ctx.partner_organisation_ids))
    statuses = list(HISTORIES)
    cases = []
    for category in rng.sample(CATEGORIES, rng.randint(1, len(CATEGORIES))):
        status = rng.choices(statuses, [10, 65, 10, 15])[0]
        ends = (
            rng.randint(10, 180) if status == ConsentStatus.GRANTED and rng.random() < 0.4 else None
        )
        cases.append(ConsentCase(partner, category, status, ends))
    return cases


def _add_consent(
    ctx: DemoContext, rng: random.Random, plan: ParticipantPlan, case: ConsentCase
) -> None:
    """The current consent row and one history record per action."""
    organisation_id = ctx.partner_organisation_ids[
        min(case.partner_index, len(ctx.partner_organisation_ids) - 1)
    ]
    latest = max(plan.enrolled_at, plan.last_active_at - timedelta(days=3))
    moment = daytime_between(rng, plan.enrolled_at, latest)
    granted_until = ctx.now + timedelta(days=case.ends_in_days) if case.ends_in_days else None
    actions = HISTORIES[case.status]
    moments: list[datetime] = [moment]
    for _ in actions[1:]:
        step = timedelta(hours=rng.randint(1, 72))
        next_moment = in_daytime(rng, moments[-1] + step)
        moments.append(max(moments[-1], min(next_moment, plan.last_active_at)))
    granted_at = moments[1] if len(actions) > 1 and actions[1] == ConsentAction.GRANT else None
    withdrawn = case.status == ConsentStatus.WITHDRAWN
    consent_id = ctx.add(
        Consent,
        {
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "organisation_id": organisation_id,
            "category": case.category.value,
            "status": case.status.value,
            "starts_at": granted_at,
            "ends_at": moments[-1] if withdrawn else granted_until,
            "updated_at": moments[-1],
        },
    )
    for action, at in zip(actions, moments, strict=True):
        by_counsellor = action == ConsentAction.REQUEST or (
            action == ConsentAction.GRANT and rng.random() < 0.3
        )
        ctx.add(
            ConsentRecord,
            {
                "consent_id": consent_id,
                "participant_id": plan.id,
                "organisation_id": organisation_id,
                "category": case.category.value,
                "action": action.value,
                "starts_at": at if action == ConsentAction.GRANT else None,
                "ends_at": granted_until if action == ConsentAction.GRANT else None,
                "recorded_by_id": plan.counsellor_at(at) if by_counsellor else plan.id,
                "on_participants_request": by_counsellor and action == ConsentAction.GRANT,
                "note": "Besproken tijdens huisbezoek." if by_counsellor else None,
                "recorded_at": at,
            },
        )
