"""Benchmark: the counsellor's caseload overview with all signals, at pilot-wide scale.

Prints p50/p95 over many counsellors for the real one-query overview beside a naive baseline
(one query per participant per signal, as an ORM loop would do), in the same run, on SQLite
and (with --postgres-url) PostgreSQL.

    .venv/bin/python -m bench.caseload_overview                      # large scale, SQLite
    .venv/bin/python -m bench.caseload_overview --scale small --postgres-url postgresql+psycopg://postgres@127.0.0.1/test
"""

import argparse
import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from bench.common import load_scale, percentile, print_table, scratch_database, time_calls
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.models import (
    Appointment,
    Assessment,
    AssessmentScore,
    Assignment,
    CaseloadAssignment,
    Consent,
    ContactMoment,
    Goal,
    GoalStep,
    Message,
    MessageThread,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, Role, StepStatus
from jouw_omgeving.services.access import active_caseload_condition
from jouw_omgeving.services.caseload import CaseloadQuery, caseload_overview
from jouw_omgeving.services.viewer import Viewer

# The whole caseload on one page, as the naive baseline lists it.
WHOLE = CaseloadQuery(page_size=100)

SCALES = {
    "small": DemoScale(participants=1_000, counsellors=30, teams=3, messages_per_participant=100),
    "large": DemoScale.large(),
}


def naive_overview(session: Session, counsellor_id: int, today: date) -> list[tuple]:
    """The baseline: list the caseload, then query every signal per participant."""
    ids = session.exec(
        select(CaseloadAssignment.participant_id).where(active_caseload_condition(counsellor_id))
    ).all()
    rows = []
    for pid in ids:
        user = session.get(User, pid)
        thread_ids = session.exec(
            select(MessageThread.id).where(MessageThread.participant_id == pid)
        ).all()
        unread = 0
        for tid in thread_ids:
            marker = session.exec(
                select(ThreadReadMarker.last_read_message_id).where(
                    ThreadReadMarker.thread_id == tid, ThreadReadMarker.user_id == counsellor_id
                )
            ).first()
            unread += session.exec(
                select(sa.func.count(Message.id)).where(
                    Message.thread_id == tid,
                    Message.sender_id != counsellor_id,
                    Message.id > (marker or 0),
                )
            ).one()
        last_contact = session.exec(
            select(sa.func.max(ContactMoment.occurred_at)).where(
                ContactMoment.participant_id == pid
            )
        ).one()
        overdue = session.exec(
            select(sa.func.count(GoalStep.id))
            .join(Goal, Goal.id == GoalStep.goal_id)
            .where(Goal.participant_id == pid, Goal.status == GoalStatus.ACTIVE)
            .where(GoalStep.status == StepStatus.OPEN, GoalStep.due_date < today)
        ).one()
        more = _naive_other_signals(session, pid)
        rows.append((user.display_name, unread, last_contact, user.last_active_at, overdue, *more))
    return rows


def _naive_other_signals(session: Session, pid: int) -> tuple:
    """The signals added with the interactive overview, one query each, as an ORM loop would."""
    now = utcnow()
    last_message = session.exec(
        select(sa.func.max(Message.created_at))
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .where(MessageThread.participant_id == pid, Message.sender_id != pid)
    ).one()
    assessments = session.exec(
        select(Assessment.id)
        .where(Assessment.participant_id == pid, Assessment.assessor_role == "participant")
        .order_by(Assessment.taken_at.desc())
        .limit(2)
    ).all()
    averages = [
        session.exec(
            select(sa.func.avg(AssessmentScore.score)).where(AssessmentScore.assessment_id == a)
        ).one()
        for a in assessments
    ]
    awaiting = session.exec(
        select(sa.func.count(Assignment.id)).where(
            Assignment.participant_id == pid, Assignment.status == "submitted"
        )
    ).one()
    ending = session.exec(
        select(Consent.id).where(
            Consent.participant_id == pid,
            Consent.ends_at > now,
            Consent.ends_at <= now + timedelta(days=14),
        )
    ).first()
    appointment = session.exec(
        select(sa.func.min(Appointment.starts_at)).where(
            Appointment.participant_id == pid,
            Appointment.status == "planned",
            Appointment.starts_at >= now,
        )
    ).one()
    return last_message, averages, awaiting, ending, appointment


def bench_database(kind: str, url: str, scale: DemoScale, sample: int, repeat: int) -> list:
    """Load the data, then time both implementations for a sample of counsellors."""
    engine, load_seconds = load_scale(url, scale)
    print(f"[{kind}] demo data at scale loaded in {load_seconds:.0f} s")
    with Session(engine) as session:
        counsellors = session.exec(select(User).where(User.role == Role.COUNSELLOR)).all()
    picked = random.Random(1).sample(counsellors, min(sample, len(counsellors)))
    today = date.today()
    fast, naive = [], []
    for counsellor in picked:
        viewer = Viewer.of(counsellor, client_address="127.0.0.1")
        with Session(engine) as session:
            caseload_overview(session, viewer, WHOLE)  # warm the cache for this counsellor
            fast += time_calls(lambda s=session, v=viewer: caseload_overview(s, v, WHOLE), repeat)
            session.rollback()  # drop the audit rows the benchmark wrote
            naive += time_calls(lambda s=session, c=counsellor: naive_overview(s, c.id, today), 1)
    engine.dispose()
    return [
        [kind, "overview (1 query)", len(fast), percentile(fast, 50), percentile(fast, 95)],
        [kind, "naive per participant", len(naive), percentile(naive, 50), percentile(naive, 95)],
        [
            kind,
            "ratio naive/overview",
            "",
            percentile(naive, 50) / percentile(fast, 50),
            percentile(naive, 95) / percentile(fast, 95),
        ],
    ]


def main() -> None:
    """Parse arguments, run on each database, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("--postgres-url", help="also run on this PostgreSQL server")
    parser.add_argument("--sample", type=int, default=60, help="counsellors to time")
    parser.add_argument("--repeat", type=int, default=5, help="timed calls per counsellor")
    args = parser.parse_args()
    scale = SCALES[args.scale]
    kinds = ["sqlite"] + (["postgresql"] if args.postgres_url else [])
    rows = []
    for kind in kinds:
        with scratch_database(kind, args.postgres_url) as url:
            rows += bench_database(kind, url, scale, args.sample, args.repeat)
    print(
        f"\nCaseload overview, scale {args.scale}: {scale.participants} participants, "
        f"{scale.counsellors} counsellors"
    )
    print_table(["database", "implementation", "calls", "p50 ms", "p95 ms"], rows)


if __name__ == "__main__":
    main()
