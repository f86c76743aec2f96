"""The data a load run needs: a demo data set, logged-in sessions, one heavy participant.

Most simulated people get a session made directly in the database (``session_start``, what a
finished login leaves behind), so the run does not spend minutes on argon2. The slow-action
clients log in for real.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from bench.common import load_scale
from bench.load.actions import CounsellorPlan, ParticipantPlan
from jouw_omgeving.auth.cookies import session_cookie_name
from jouw_omgeving.auth.sessions import session_start
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.models import (
    CaseloadAssignment,
    Goal,
    GoalStep,
    Message,
    MessageThread,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import active_caseload_condition


@dataclass
class Cast:
    """Everyone a run can play: plans with cookies, logins for the slow clients."""

    participants: list[ParticipantPlan]
    counsellors: list[CounsellorPlan]
    logins: list[tuple[str, str]]
    heavy: list[ParticipantPlan]


def scale_for(clients: int) -> DemoScale:
    """A data set with about one participant per simulated participant (up to 400)."""
    participants = max(40, min(400, clients))
    counsellors = max(6, participants // 14)
    return DemoScale(participants=participants, counsellors=counsellors, teams=2)


def _cookie(session: Session, user: User) -> str:
    token = session_start(session, user=user, client_address="127.0.0.1")
    return f"{session_cookie_name()}={token}"


def _participant_plan(session: Session, user: User) -> ParticipantPlan | None:
    thread = session.exec(
        select(MessageThread).where(
            MessageThread.participant_id == user.id, MessageThread.kind == "counsellor"
        )
    ).first()
    if thread is None:
        return None
    goals = []
    for goal in session.exec(
        select(Goal).where(Goal.participant_id == user.id, Goal.status == "active")
    ):
        steps = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).all()
        goals.append((str(goal.public_id), [(str(s.public_id), s.status == "done") for s in steps]))
    return ParticipantPlan(
        cookie=_cookie(session, user), thread_id=str(thread.public_id), goals=goals
    )


def _counsellor_plan(session: Session, user: User) -> CounsellorPlan:
    participant_ids = session.exec(
        select(CaseloadAssignment.participant_id).where(active_caseload_condition(user.id))
    ).all()
    threads = session.exec(
        select(MessageThread.public_id).where(
            MessageThread.participant_id.in_(participant_ids), MessageThread.kind == "counsellor"
        )
    ).all()
    return CounsellorPlan(cookie=_cookie(session, user), threads=[str(t) for t in threads])


def make_heavy(session: Session, plan: ParticipantPlan, messages: int) -> None:
    """Give the participant behind ``plan`` a long history: ``messages`` more messages."""
    thread = session.exec(
        select(MessageThread).where(MessageThread.public_id == uuid.UUID(plan.thread_id))
    ).one()
    start = utcnow() - timedelta(days=300)
    rows = [
        {
            "public_id": uuid.uuid4(),
            "thread_id": thread.id,
            "sender_id": thread.participant_id,
            "body": f"Bericht {i}: een wat langere tekst over de huur, de brief en de afspraak.",
            "idempotency_key": uuid.uuid4().hex,
            "created_at": start + timedelta(minutes=i),
        }
        for i in range(messages)
    ]
    for chunk in range(0, len(rows), 5_000):
        session.execute(sa.insert(Message), rows[chunk : chunk + 5_000])


def prepare(db_url: str, clients: int, *, heavy_messages: int = 20_000) -> Cast:
    """Migrate and fill ``db_url``; sessions for everyone; two heavy participants."""
    engine, _seconds = load_scale(db_url, scale_for(clients))
    with Session(engine, expire_on_commit=False) as session:
        users = session.exec(select(User).where(User.active.is_(True)).order_by(User.id)).all()
        participants, counsellors, logins = [], [], []
        for user in users:
            if user.role == Role.PARTICIPANT:
                plan = _participant_plan(session, user)
                if plan is not None:
                    participants.append(plan)
                    logins.append((user.username, DEMO_PARTICIPANT_PIN))
            elif user.role == Role.COUNSELLOR:
                counsellors.append(_counsellor_plan(session, user))
        heavy = participants[-2:]
        for plan in heavy:
            make_heavy(session, plan, heavy_messages)
        session.commit()
    engine.dispose()
    # Heavy and login users are kept out of the others' round, so "others" stay comparable.
    return Cast(participants[:-2], counsellors, logins[:-2][-8:], heavy)
