"""Fresh databases for the demo tests (independent of any shared conftest)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, func, select

import jouw_omgeving.models  # noqa: F401 - registers every table
from jouw_omgeving.db import make_engine
from jouw_omgeving.demo import DemoScale, DemoSummary, generate_demo
from jouw_omgeving.models import Goal, Message, User

TODAY = date(2026, 3, 1)


def sqlite_url(directory: Path, name: str) -> str:
    """URL of a new SQLite file in ``directory``."""
    return f"sqlite:///{directory / name}"


def fresh_engine(url: str) -> sa.Engine:
    """An engine (SQLite foreign keys on) with every table created."""
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    return engine


def load_demo(engine: sa.Engine, *, seed: int = 7, scale: DemoScale | None = None) -> DemoSummary:
    """Generate demo data for :data:`TODAY` and commit it."""
    with Session(engine) as session:
        summary = generate_demo(session, seed=seed, today=TODAY, scale=scale or DemoScale())
        session.commit()
    return summary


def key_facts(engine: sa.Engine) -> dict:
    """What must not change between two runs with the same seed and day."""
    with Session(engine) as session:
        users = session.exec(
            select(User.username, User.public_id, User.pseudonym, User.enrolled_at).order_by(
                User.id
            )
        ).all()
        goals = session.exec(
            select(Goal.title, Goal.status, Goal.public_id).order_by(Goal.id)
        ).all()
        messages = session.exec(select(Message.body, Message.created_at).order_by(Message.id)).all()
        counts = {
            table.name: session.execute(sa.select(func.count()).select_from(table)).scalar()
            for table in SQLModel.metadata.sorted_tables
        }
    return {"users": users, "goals": goals, "messages": messages, "counts": counts}
