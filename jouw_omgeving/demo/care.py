"""Contact moments, appointments and consents for partner organisations.

The contact mix shifts over the pilot from mostly visits towards phone and platform contact,
which is the change the evaluator's charts should show for blended guidance.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from jouw_omgeving.demo.context import DemoContext, ParticipantPlan, random_uuid, spread
from jouw_omgeving.demo.texts import APPOINTMENT_LOCATIONS, CONTACT_NOTES
from jouw_omgeving.models import Appointment, ContactMoment
from jouw_omgeving.models.enums import AppointmentStatus, ContactKind

KINDS = [ContactKind.VISIT, ContactKind.PHONE, ContactKind.VIDEO, ContactKind.PLATFORM]
DURATIONS = {
    ContactKind.VISIT: (45, 90),
    ContactKind.PHONE: (5, 30),
    ContactKind.VIDEO: (20, 45),
    ContactKind.PLATFORM: (5, 15),
}


def _kind_weights(progress: float) -> list[float]:
    """Contact mix at ``progress`` (0 = pilot start, 1 = today)."""
    return [0.55 - 0.25 * progress, 0.28, 0.04 + 0.06 * progress, 0.13 + 0.19 * progress]


def add_contacts(ctx: DemoContext) -> None:
    """Registered contacts and appointments for every participant."""
    pilot_days = ctx.scale.days
    mean_tenure = pilot_days / 2
    for plan in ctx.participants:
        rng = ctx.rng("contacts", plan.number)
        tenure = (ctx.now - plan.enrolled_at).days
        wanted = round(
            ctx.scale.contacts_per_participant * tenure / mean_tenure * rng.uniform(0.7, 1.3)
        )
        end = ctx.now - timedelta(days=rng.randint(21, 40) if rng.random() < 0.15 else 0)
        if plan.number == 1:
            end = ctx.now
        for moment in spread(rng, plan.enrolled_at, max(end, plan.enrolled_at), max(1, wanted)):
            progress = (moment - ctx.pilot_start).days / pilot_days
            kind = rng.choices(KINDS, _kind_weights(progress))[0]
            ctx.add(
                ContactMoment,
                {
                    "public_id": random_uuid(rng),
                    "participant_id": plan.id,
                    "counsellor_id": plan.counsellor_at(moment),
                    "kind": kind.value,
                    "occurred_at": moment,
                    "duration_minutes": rng.randint(*DURATIONS[kind]),
                    "note": rng.choice(CONTACT_NOTES[kind.value]),
                    "created_at": min(
                        moment + timedelta(minutes=rng.randint(30, 600)),
                        ctx.now - timedelta(minutes=1),
                    ),
                },
            )
        _add_appointments(ctx, rng, plan)


def _add_appointments(ctx: DemoContext, rng: random.Random, plan: ParticipantPlan) -> None:
    """A past appointment or two and, for half of them, a planned one soon."""
    plans: list[tuple[datetime, AppointmentStatus]] = []
    if rng.random() < 0.6:
        plans.append(
            (
                _office_hours(rng, ctx.now - timedelta(days=rng.randint(3, 40))),
                AppointmentStatus.DONE,
            )
        )
    if rng.random() < 0.15:
        plans.append(
            (
                _office_hours(rng, ctx.now - timedelta(days=rng.randint(3, 40))),
                AppointmentStatus.CANCELLED,
            )
        )
    if plan.number == 1 or rng.random() < 0.5:
        plans.append(
            (
                _office_hours(rng, ctx.now + timedelta(days=rng.randint(1, 14))),
                AppointmentStatus.PLANNED,
            )
        )
    for starts_at, status in plans:
        if starts_at < plan.enrolled_at:
            continue
        kind = rng.choices(KINDS[:3], [0.6, 0.3, 0.1])[0]
        ctx.add(
            Appointment,
            {
                "public_id": random_uuid(rng),
                "participant_id": plan.id,
                "counsellor_id": plan.counsellor_at(starts_at),
                "kind": kind.value,
                "starts_at": starts_at,
                "duration_minutes": 60 if kind == ContactKind.VISIT else 30,
                "location": rng.choice(APPOINTMENT_LOCATIONS[kind.value]),
                "note": None,
                "status": status.value,
                "created_at": min(starts_at, ctx.now) - timedelta(days=rng.randint(2, 10)),
            },
        )


def _office_hours(rng: random.Random, day: datetime) -> datetime:
    """``day`` at a round time between 08:00 and 15:30 UTC."""
    return datetime.combine(day.date(), time(rng.randint(8, 15), rng.choice([0, 30])), day.tzinfo)
