"""Message threads with Dutch conversations both ways, and read markers.

A quarter of the participants (always deelnemer01) end their thread with messages their
counsellor has not read yet, so the caseload dashboard shows unread signals.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from jouw_omgeving.demo.context import (
    DemoContext,
    ParticipantPlan,
    daytime_between,
    random_hex,
    random_uuid,
)
from jouw_omgeving.demo.texts import (
    COUNSELLOR_OPENERS,
    NETWORK_CONVERSATION,
    PARTICIPANT_OPENERS,
    UNREAD_PARTICIPANT_MESSAGES,
)
from jouw_omgeving.models import Message, MessageThread, ThreadReadMarker
from jouw_omgeving.models.enums import ThreadKind

# (moment, sender id, body)
Draft = tuple[datetime, int, str]
OUTREACH = "Ik heb je al even niet gesproken. Alles goed? Je mag me altijd bellen."
THANKS = ["Dank je!", "Oké, top.", "Fijn, tot dan.", "👍"]


def add_messages(ctx: DemoContext) -> None:
    """One counsellor thread per participant, plus the network thread of deelnemer01."""
    mean_tenure = ctx.scale.days / 2
    for plan in ctx.participants:
        rng = ctx.rng("messages", plan.number)
        tenure = (plan.last_active_at - plan.enrolled_at).days + 1
        wanted = ctx.scale.messages_per_participant * tenure / mean_tenure
        wanted *= rng.uniform(0.6, 1.4) * (0.55 + 0.7 * plan.engagement)
        drafts = _conversations(rng, plan, max(2, round(wanted)), ctx.now)
        unread: list[Draft] = []
        if plan.unread_for_counsellor:
            unread = _unread_tail(rng, plan)
            drafts = [draft for draft in drafts if draft[0] < unread[0][0]]
        _write_thread(ctx, rng, plan, drafts, unread)
    if ctx.network_member_ids:
        _add_network_thread(ctx, ctx.participants[0], ctx.network_member_ids[0])


def _conversations(
    rng: random.Random, plan: ParticipantPlan, wanted: int, now: datetime
) -> list[Draft]:
    """About ``wanted`` messages in short exchanges, sorted by time."""
    drafts: list[Draft] = []
    while len(drafts) < wanted:
        start = daytime_between(rng, plan.enrolled_at + timedelta(hours=2), plan.last_active_at)
        counsellor = plan.counsellor_at(start)
        reply_at = start + timedelta(minutes=rng.randint(5, 300))
        if rng.random() < 0.55:
            opener, reply = rng.choice(PARTICIPANT_OPENERS)
            drafts.append((start, plan.id, opener))
            if reply_at < now:
                drafts.append((reply_at, counsellor, reply))
                if rng.random() < 0.3 and reply_at + timedelta(minutes=20) <= plan.last_active_at:
                    drafts.append((reply_at + timedelta(minutes=20), plan.id, rng.choice(THANKS)))
        else:
            opener, reply = rng.choice(COUNSELLOR_OPENERS)
            drafts.append((start, counsellor, opener))
            if reply_at <= plan.last_active_at:
                drafts.append((reply_at, plan.id, reply))
    if plan.last_active_at < now - timedelta(days=14):
        moment = daytime_between(rng, plan.last_active_at + timedelta(days=7), now)
        drafts.append((moment, plan.counsellor_id, OUTREACH))
    drafts.sort(key=lambda draft: draft[0])
    return drafts


def _unread_tail(rng: random.Random, plan: ParticipantPlan) -> list[Draft]:
    """One or two last messages from the participant that the counsellor has not read."""
    count = 2 if plan.number == 1 else rng.randint(1, 2)
    bodies = rng.sample(UNREAD_PARTICIPANT_MESSAGES, count)
    end = plan.last_active_at
    return [
        (end - timedelta(minutes=9 * (count - index)), plan.id, body)
        for index, body in enumerate(bodies)
    ]


def _write_thread(
    ctx: DemoContext,
    rng: random.Random,
    plan: ParticipantPlan,
    drafts: list[Draft],
    unread: list[Draft],
) -> None:
    """The thread row, its messages in time order, and both read markers."""
    everything = drafts + unread
    thread_id = ctx.add(
        MessageThread,
        {
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "kind": ThreadKind.COUNSELLOR.value,
            "network_member_id": None,
            "created_at": plan.enrolled_at,
            "last_message_at": everything[-1][0] if everything else None,
        },
    )
    ids = [_add_message(ctx, rng, thread_id, draft) for draft in everything]
    read_by_counsellor = ids[len(drafts) - 1] if drafts else 0
    counsellor_read_at = drafts[-1][0] + timedelta(minutes=5) if drafts else plan.enrolled_at
    _add_marker(ctx, thread_id, plan.counsellor_id, read_by_counsellor, counsellor_read_at)
    seen = [index for index, draft in enumerate(everything) if draft[0] <= plan.last_active_at]
    last_seen = seen[-1] if seen else -1
    if last_seen > 0 and everything[last_seen][1] != plan.id and rng.random() < 0.3:
        last_seen -= 1  # the counsellor's last message is still unread by the participant
    read_by_participant = ids[last_seen] if last_seen >= 0 else 0
    _add_marker(ctx, thread_id, plan.id, read_by_participant, plan.last_active_at)


def _add_message(ctx: DemoContext, rng: random.Random, thread_id: int, draft: Draft) -> int:
    moment, sender, body = draft
    return ctx.add(
        Message,
        {
            "public_id": random_uuid(rng),
            "thread_id": thread_id,
            "sender_id": sender,
            "body": body,
            "idempotency_key": random_hex(rng, 32),
            "created_at": moment,
        },
    )


def _add_marker(
    ctx: DemoContext, thread_id: int, user_id: int, last_read: int, read_at: datetime
) -> None:
    ctx.add(
        ThreadReadMarker,
        {
            "thread_id": thread_id,
            "user_id": user_id,
            "last_read_message_id": last_read,
            "read_at": min(read_at, ctx.now - timedelta(minutes=1)),
        },
    )


def _add_network_thread(ctx: DemoContext, plan: ParticipantPlan, member_id: int) -> None:
    """A short chat between deelnemer01 and their network member, fully read."""
    rng = ctx.rng("network-thread")
    start = plan.last_active_at - timedelta(days=3)
    drafts = [
        (start + timedelta(hours=index), plan.id if who == "participant" else member_id, body)
        for index, (who, body) in enumerate(NETWORK_CONVERSATION)
    ]
    thread_id = ctx.add(
        MessageThread,
        {
            "public_id": random_uuid(rng),
            "participant_id": plan.id,
            "kind": ThreadKind.NETWORK.value,
            "network_member_id": member_id,
            "created_at": start - timedelta(days=1),
            "last_message_at": drafts[-1][0],
        },
    )
    ids = [_add_message(ctx, rng, thread_id, draft) for draft in drafts]
    read_at = drafts[-1][0] + timedelta(hours=1)
    _add_marker(ctx, thread_id, plan.id, ids[-1], read_at)
    _add_marker(ctx, thread_id, member_id, ids[-1], read_at)
