"""Bigger sets, and PostgreSQL (when ``JO_TEST_POSTGRES_URL`` is set)."""

from __future__ import annotations

import os
import secrets
from collections import Counter
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql
from sqlmodel import Session, func, select

from jouw_omgeving.demo import DemoScale
from jouw_omgeving.models import CaseloadAssignment, Message, MessageThread, User
from jouw_omgeving.models.enums import Role
from tests.demo.demo_db import fresh_engine, key_facts, load_demo, sqlite_url

POSTGRES_URL = os.environ.get("JO_TEST_POSTGRES_URL")


def test_a_thousand_participants_and_a_hundred_thousand_messages(tmp_path) -> None:
    engine = fresh_engine(sqlite_url(tmp_path, "medium.db"))
    scale = DemoScale(participants=1_000, counsellors=40, teams=4, messages_per_participant=100)
    summary = load_demo(engine, scale=scale)
    assert 80_000 <= summary.counts["message"] <= 120_000
    assert summary.counts["message_thread"] == 1_001  # one each, plus deelnemer01's network
    with Session(engine) as session:
        caseloads = Counter(
            session.exec(
                select(CaseloadAssignment.counsellor_id).where(CaseloadAssignment.ends_at.is_(None))
            ).all()
        )
        participants = session.exec(
            select(func.count()).select_from(User).where(User.role == Role.PARTICIPANT)
        ).one()
    assert participants == 1_000
    assert sum(caseloads.values()) == 1_000
    assert min(caseloads.values()) == 25
    assert max(caseloads.values()) == 25


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("JO_TEST_POSTGRES_URL is not set")
    server = sa.make_url(POSTGRES_URL)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"demo_{secrets.token_hex(6)}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def test_postgresql_gets_the_same_data_and_usable_id_sequences(postgres_url, demo_engine) -> None:
    engine = fresh_engine(postgres_url)
    try:
        load_demo(engine)
        assert key_facts(engine) == key_facts(demo_engine)
        with Session(engine) as session:
            thread = session.exec(select(MessageThread).order_by(MessageThread.id)).first()
            user = User(role=Role.ADMIN.value, display_name="Nieuw", username="nieuw")
            session.add(user)
            session.flush()
            message = Message(
                thread_id=thread.id, sender_id=user.id, body="Hallo", idempotency_key="k1"
            )
            session.add(message)
            session.flush()
            new_id = message.id
            session.commit()
            highest = session.exec(select(func.max(Message.id))).one()
        assert new_id == highest
    finally:
        engine.dispose()
