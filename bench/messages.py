"""Benchmark: opening a 10,000-message thread and the inbox of a 40-participant caseload
holding 100,000 messages, server side, beside naive baselines in the same run.

- thread: :func:`open_thread` (newest page by keyset, marks read) against loading the whole
  thread ordered (what a page without pagination would do);
- inbox: :func:`counsellor_inbox` (one query per page) against a per-thread loop (unread
  count and last message per thread), and the inbox search against the same loop filtering
  every message in Python;
- live poll: the worker's news board asking "anything newer?" for all 40 threads in one
  query (:func:`thread_news_marks`) against one query per open thread page (as before);
- the same poll and inbox once more with the index on ``message (thread_id)`` alone instead
  of ``(thread_id, id)`` (the schema before revision d5f9b3a7c2e4): on PostgreSQL a prepared
  statement's generic plan then walks the primary key backwards through newer messages.

    .venv/bin/python -m bench.messages
    .venv/bin/python -m bench.messages --postgres-url postgresql+psycopg://postgres@127.0.0.1/test
"""

import argparse
import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from bench.common import percentile, print_table, scratch_database, time_calls
from jouw_omgeving.db import make_engine
from jouw_omgeving.migrations import run_migrations
from jouw_omgeving.models import (
    CaseloadAssignment,
    Message,
    MessageThread,
    Organisation,
    Team,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import active_caseload_condition
from jouw_omgeving.services.messages import open_thread
from jouw_omgeving.services.messages_inbox import counsellor_inbox
from jouw_omgeving.services.messages_read import thread_news_marks
from jouw_omgeving.services.viewer import Viewer

PARTICIPANTS = 40
TOTAL_MESSAGES = 100_000
BIG_THREAD = 10_000
WORDS = ["huur", "brief", "afspraak", "gemeente", "schuld", "werk", "dokter", "uitkering"]


def _load(session: Session) -> tuple[User, MessageThread]:
    """A caseload of 40; the first thread holds 10,000 messages, the rest share 90,000."""
    organisation = Organisation(name="Bench", kind="own")
    session.add(organisation)
    session.flush()
    team = Team(organisation_id=organisation.id, name="Bench team")
    session.add(team)
    session.flush()
    counsellor = User(role=Role.COUNSELLOR, display_name="Begeleider", team_id=team.id)
    session.add(counsellor)
    session.flush()
    threads = []
    for n in range(PARTICIPANTS):
        participant = User(
            role=Role.PARTICIPANT, display_name=f"Deelnemer {n:02d}", team_id=team.id
        )
        session.add(participant)
        session.flush()
        session.add(CaseloadAssignment(counsellor_id=counsellor.id, participant_id=participant.id))
        thread = MessageThread(participant_id=participant.id)
        session.add(thread)
        session.flush()
        threads.append((thread, participant))
    start = utcnow() - timedelta(days=300)
    rest = (TOTAL_MESSAGES - BIG_THREAD) // (PARTICIPANTS - 1)
    for index, (thread, participant) in enumerate(threads):
        count = BIG_THREAD if index == 0 else rest
        rows = [
            {
                "public_id": uuid.uuid4(),
                "thread_id": thread.id,
                "sender_id": participant.id if i % 2 else counsellor.id,
                "body": f"Bericht {i} over de {WORDS[(i + index) % len(WORDS)]}",
                "idempotency_key": uuid.uuid4().hex,
                "created_at": start + timedelta(minutes=i * 5 + index),
            }
            for i in range(count)
        ]
        session.execute(sa.insert(Message), rows)
        thread.last_message_at = rows[-1]["created_at"]
        session.add(thread)
        last_read = session.exec(
            select(sa.func.max(Message.id)).where(Message.thread_id == thread.id)
        ).one()
        session.add(
            ThreadReadMarker(
                thread_id=thread.id, user_id=counsellor.id, last_read_message_id=last_read - 3
            )
        )
    session.commit()
    return counsellor, threads[0][0]


def naive_inbox(session: Session, counsellor_id: int, search: str = "") -> list[tuple]:
    """Baseline: every caseload thread, then its unread count and last message one by one."""
    participant_ids = session.exec(
        select(CaseloadAssignment.participant_id).where(active_caseload_condition(counsellor_id))
    ).all()
    rows = []
    for pid in participant_ids:
        for thread in session.exec(
            select(MessageThread).where(MessageThread.participant_id == pid)
        ):
            messages = session.exec(
                select(Message).where(Message.thread_id == thread.id).order_by(Message.id)
            ).all()
            if search:
                messages = [m for m in messages if search.lower() in m.body.lower()]
                if not messages:
                    continue
            marker = session.exec(
                select(ThreadReadMarker.last_read_message_id).where(
                    ThreadReadMarker.thread_id == thread.id,
                    ThreadReadMarker.user_id == counsellor_id,
                )
            ).first()
            unread = sum(
                1 for m in messages if m.sender_id != counsellor_id and m.id > (marker or 0)
            )
            rows.append((thread.last_message_at, unread, messages[-1].body if messages else ""))
    rows.sort(key=lambda row: row[0], reverse=True)
    return rows[:20]


THREAD_INDEX = ("ix_message_thread_id_id", "(thread_id, id)")
FORMER_THREAD_INDEX = ("ix_message_thread_id", "(thread_id)")  # before d5f9b3a7c2e4


def _swap_index(engine: sa.Engine, drop: tuple[str, str], create: tuple[str, str]) -> None:
    """Drop the index ``drop`` and create ``create`` (each a name and its columns)."""
    name, columns = create
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP INDEX {drop[0]}")
        connection.exec_driver_sql(f"CREATE INDEX {name} ON message {columns}")
        connection.exec_driver_sql("ANALYZE")


def bench_database(kind: str, url: str, repeat: int) -> list[list]:
    """Load, then time each implementation ``repeat`` times (work rolled back each time)."""
    engine = make_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    with Session(engine) as session:
        counsellor, big = _load(session)
        viewer = Viewer.of(counsellor, client_address="127.0.0.1")
        thread_public_id = str(big.public_id)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")

    def timed(fn) -> list[float]:
        with Session(engine) as session:
            fn(session)  # warm up
            session.rollback()
            timings = time_calls(lambda: fn(session), repeat)
            session.rollback()  # drops the audit rows and markers the calls wrote
        return timings

    inbox = ("inbox: first page", lambda s: counsellor_inbox(s, viewer))
    cases = [
        (
            "thread: newest page (30)",
            lambda s: open_thread(s, viewer, thread_public_id=thread_public_id),
        ),
        (
            "thread: whole thread (baseline)",
            lambda s: s.exec(
                select(Message).where(Message.thread_id == big.id).order_by(Message.id)
            ).all(),
        ),
        inbox,
        ("inbox: unread first", lambda s: counsellor_inbox(s, viewer, unread_first=True)),
        ("inbox: per-thread loop (baseline)", lambda s: naive_inbox(s, counsellor.id)),
        ("search: inbox", lambda s: counsellor_inbox(s, viewer, search="gemeente")),
        ("search: loop (baseline)", lambda s: naive_inbox(s, counsellor.id, "gemeente")),
    ]
    with Session(engine) as session:
        thread_ids = list(session.exec(select(MessageThread.id)).all())
    polls = [
        (
            f"live poll: {len(thread_ids)} threads in one question",
            lambda s: thread_news_marks(s, thread_ids=thread_ids),
        ),
        (
            "live poll: one question per thread (baseline)",
            lambda s: [thread_news_marks(s, thread_ids=[t]) for t in thread_ids],
        ),
    ]

    def row(label: str, fn) -> list:
        timings = timed(fn)
        return [kind, label, len(timings), percentile(timings, 50), percentile(timings, 95)]

    rows = [row(label, fn) for label, fn in cases + polls]
    # The poll and the inbox once more on the index the table had before.
    _swap_index(engine, drop=THREAD_INDEX, create=FORMER_THREAD_INDEX)
    rows += [row(f"{label}; old index (thread_id)", fn) for label, fn in [*polls, inbox]]
    _swap_index(engine, drop=FORMER_THREAD_INDEX, create=THREAD_INDEX)
    engine.dispose()
    return rows


def main() -> None:
    """Parse arguments, run on each database, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres-url", help="also run on this PostgreSQL server")
    parser.add_argument("--repeat", type=int, default=10, help="timed calls per case")
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if args.postgres_url else [])
    rows = []
    for kind in kinds:
        with scratch_database(kind, args.postgres_url) as url:
            rows += bench_database(kind, url, args.repeat)
    print(
        f"\nMessages: a thread of {BIG_THREAD:,} and an inbox over {PARTICIPANTS} participants "
        f"with {TOTAL_MESSAGES:,} messages"
    )
    print_table(["database", "case", "calls", "p50 ms", "p95 ms"], rows)


if __name__ == "__main__":
    main()
