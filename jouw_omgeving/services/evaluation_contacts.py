"""The blended contact mix: contacts per participant per month by kind, and counsellor time.

Kinds are the registered contact moments (visit, phone, video, platform) plus the messages
written in the participant's thread with their counsellors ("message"). "Per participant"
divides by the participants *in care* that month: enrolled before the month's end.
Counsellor time adds the durations registered with contacts; contacts without a duration
are counted apart, so the chart can say how complete the minutes are.
"""

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import ContactMoment, Message, MessageThread, User
from jouw_omgeving.models.enums import ContactKind, ThreadKind
from jouw_omgeving.services.evaluation_scope import (
    EvaluationFilter,
    Scope,
    evaluation_scope,
    month_keys,
    month_starts,
    ratio,
    suppress,
)
from jouw_omgeving.services.evaluation_sql import month_index, month_key
from jouw_omgeving.services.viewer import Viewer

MESSAGE_KIND = "message"
KINDS = (*(k.value for k in ContactKind), MESSAGE_KIND)
MIX_COLUMNS = [
    "month",
    "kind",
    "contacts",
    "participants_with_kind",
    "participants_in_care",
    "per_participant",
    "suppressed",
]
MINUTES_COLUMNS = [
    "month",
    "minutes",
    "contacts_timed",
    "contacts_untimed",
    "participants_timed",
    "participants_in_care",
    "minutes_per_participant",
    "suppressed",
]


def _in_care(session: Session, scope: Scope) -> dict[str, int]:
    """Participants enrolled by the end of each month of the period."""
    population = scope.population()
    running = session.exec(
        select(sa.func.count()).where(population, User.enrolled_at < scope.start)
    ).one()
    new = dict(
        session.exec(
            select(month_key(User.enrolled_at), sa.func.count())
            .where(population, scope.in_period(User.enrolled_at))
            .group_by(month_key(User.enrolled_at))
        ).all()
    )
    totals = {}
    for month in month_keys(scope):
        running += new.get(month, 0)
        totals[month] = running
    return totals


def _contact_counts(session: Session, scope: Scope) -> dict[tuple[str, str], tuple[int, int]]:
    keys, starts = month_keys(scope), month_starts(scope)
    month = month_index(ContactMoment.occurred_at, starts).label("month")
    # Per participant, month and kind first (hashed), then per month and kind: plain counts
    # instead of a COUNT(DISTINCT) that sorts.
    per_participant = (
        select(month, ContactMoment.kind, sa.func.count().label("n"))
        .join(User, User.id == ContactMoment.participant_id)
        .where(scope.population(), scope.in_period(ContactMoment.occurred_at))
        .group_by(month, ContactMoment.kind, ContactMoment.participant_id)
        .subquery("contacts")
    )
    rows = session.exec(
        select(
            per_participant.c.month,
            per_participant.c.kind,
            sa.func.sum(per_participant.c.n),
            sa.func.count(),
        ).group_by(per_participant.c.month, per_participant.c.kind)
    ).all()
    counts = {(keys[m], kind): (int(n), int(p)) for m, kind, n, p in rows}
    # Per participant and month first (hashed), then per month: no COUNT(DISTINCT) sort.
    month = month_index(Message.created_at, starts).label("month")
    # Count per thread and month on the bare message table first (one hashed pass over the
    # big table), then join the few thousand groups to threads and participants.
    per_thread = (
        select(month, Message.thread_id, sa.func.count().label("n"))
        .where(scope.in_period(Message.created_at))
        .group_by(month, Message.thread_id)
        .subquery("per_thread")
    )
    per_participant = (
        select(
            per_thread.c.month,
            MessageThread.participant_id,
            sa.func.sum(per_thread.c.n).label("n"),
        )
        .join(MessageThread, MessageThread.id == per_thread.c.thread_id)
        .join(User, User.id == MessageThread.participant_id)
        .where(scope.population(), MessageThread.kind == ThreadKind.COUNSELLOR)
        .group_by(per_thread.c.month, MessageThread.participant_id)
        .subquery("per_participant")
    )
    messages = session.exec(
        select(per_participant.c.month, sa.func.sum(per_participant.c.n), sa.func.count()).group_by(
            per_participant.c.month
        )
    ).all()
    counts.update({(keys[m], MESSAGE_KIND): (int(n), int(p)) for m, n, p in messages})
    return counts


def contact_mix(session: Session, viewer: Viewer, query: EvaluationFilter) -> pd.DataFrame:
    """Per month and kind: contacts, and contacts per participant in care; small suppressed."""
    scope = evaluation_scope(session, viewer, query)
    in_care = _in_care(session, scope)
    counts = _contact_counts(session, scope)
    rows = []
    for month, care in in_care.items():
        for kind in KINDS:
            contacts, participants = counts.get((month, kind), (0, 0))
            rows.append([month, kind, contacts, participants, care])
    frame = pd.DataFrame(rows, columns=MIX_COLUMNS[:5])
    frame["per_participant"] = ratio(frame["contacts"], frame["participants_in_care"])
    counts_used = ["participants_with_kind", "participants_in_care"]
    values = ["contacts", "per_participant"]
    return suppress(frame, counts=counts_used, values=values, threshold=scope.threshold)[
        MIX_COLUMNS
    ]


def counsellor_minutes(session: Session, viewer: Viewer, query: EvaluationFilter) -> pd.DataFrame:
    """Per month: registered counsellor minutes per participant in care; small suppressed."""
    scope = evaluation_scope(session, viewer, query)
    in_care = _in_care(session, scope)
    keys = month_keys(scope)
    month = month_index(ContactMoment.occurred_at, month_starts(scope))
    timed = ContactMoment.duration_minutes.is_not(None)
    rows = session.exec(
        select(
            month,
            sa.func.coalesce(sa.func.sum(ContactMoment.duration_minutes), 0),
            sa.func.count(ContactMoment.duration_minutes),
            sa.func.sum(sa.case((timed, 0), else_=1)),
            sa.func.count(sa.distinct(sa.case((timed, ContactMoment.participant_id)))),
        )
        .join(User, User.id == ContactMoment.participant_id)
        .where(scope.population(), scope.in_period(ContactMoment.occurred_at))
        .group_by(month)
    ).all()
    by_month = {keys[m]: (int(a), int(b), int(c), int(d)) for m, a, b, c, d in rows}
    frame = pd.DataFrame(
        [[m, *by_month.get(m, (0, 0, 0, 0)), care] for m, care in in_care.items()],
        columns=MINUTES_COLUMNS[:6],
    )
    frame["minutes_per_participant"] = ratio(frame["minutes"], frame["participants_in_care"])
    return suppress(
        frame,
        counts=["participants_timed", "participants_in_care"],
        values=["minutes", "contacts_timed", "contacts_untimed", "minutes_per_participant"],
        threshold=scope.threshold,
    )[MINUTES_COLUMNS]
