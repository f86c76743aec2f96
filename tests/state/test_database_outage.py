"""PostgreSQL restarts while a participant is working: a calm message, nothing half-written,
and the same action works again afterwards without restarting the app.

The handlers run against a private PostgreSQL server (started here, on a free loopback port;
the machine's shared one is never stopped). The participant's real handler is called as the
browser would; Reflex hands an error a handler did not catch to the app's
``backend_exception_handler``, which is checked here to be the one in ``state/outage.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.db import db_session, make_engine
from jouw_omgeving.migrations import run_migrations
from jouw_omgeving.models import GoalStep, User
from jouw_omgeving.state.goals import ROUTE_PARAMETER, GoalState
from jouw_omgeving.state.outage import (
    TRY_AGAIN,
    backend_exception_handler,
    is_database_outage,
)
from tests.factories import make_goal, make_goal_step, make_participant
from tests.private_services import PrivatePostgres, app_database, postgres_bin, private_postgres
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.slow,
    pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL binaries are not installed"),
]


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    """A private PostgreSQL, migrated, that the app's db_session() uses meanwhile."""
    with private_postgres() as server:
        engine = make_engine(server.url)
        with engine.begin() as connection:
            run_migrations(connection)
        engine.dispose()
        with app_database(server.url):
            yield server


@pytest.fixture
def goal(postgres) -> tuple[User, str, list[str]]:
    """A participant with a goal of three open steps (public ids)."""
    with db_session() as session:
        participant = make_participant(session, display_name="Sanne")
        goal = make_goal(session, participant=participant, title="Elke dag wandelen")
        steps = [
            make_goal_step(session, goal=goal, title=f"Stap {n}", position=n) for n in range(3)
        ]
        return participant, str(goal.public_id), [str(step.public_id) for step in steps]


def _step_statuses(url: str, step_ids: list[str]) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with Session(engine) as session:
            rows = session.exec(select(GoalStep.public_id, GoalStep.status)).all()
    finally:
        engine.dispose()
    by_id = {str(public_id): status for public_id, status in rows}
    return [by_id[step] for step in step_ids]


async def _goal_page(participant: User, goal_public_id: str) -> GoalState:
    state = await state_for(
        GoalState,
        cookie=login_cookie(participant),
        path="/deelnemer/doelen/[goal_public_id]",
        query={ROUTE_PARAMETER: goal_public_id},
    )
    await run_handler(state.load)
    assert state.goal["title"] == "Elke dag wandelen"
    return state


def test_the_app_uses_the_central_handler():
    from jouw_omgeving.jouw_omgeving import app

    assert app.backend_exception_handler is backend_exception_handler


async def test_a_restart_mid_session_gives_a_calm_message_and_then_works_again(postgres, goal):
    participant, goal_id, steps = goal
    state = await _goal_page(participant, goal_id)
    await run_handler(state.mark_step, steps[0], True)
    assert _step_statuses(postgres.url, steps) == ["done", "open", "open"]

    postgres.stop()
    try:
        with pytest.raises(Exception) as raised:
            await run_handler(state.mark_step, steps[1], True)
    finally:
        postgres.start()
    assert is_database_outage(raised.value)
    message = backend_exception_handler(raised.value)
    assert TRY_AGAIN in repr(message)
    assert "probeer het zo opnieuw" in TRY_AGAIN.lower()
    assert _step_statuses(postgres.url, steps) == ["done", "open", "open"]  # nothing written

    # The same engine (no app restart): pool_pre_ping replaces the dead connections.
    await run_handler(state.mark_step, steps[1], True)
    assert state.error == ""
    assert _step_statuses(postgres.url, steps) == ["done", "done", "open"]


async def test_a_connection_lost_mid_transaction_writes_nothing(postgres, goal):
    admin = psycopg.connect(postgres.url.replace("+psycopg", ""), autocommit=True)
    try:
        with pytest.raises(sa.exc.OperationalError) as raised, db_session() as session:
            for step in session.exec(select(GoalStep).where(GoalStep.status == "open")):
                step.title = "half geschreven"
            session.flush()  # the first writes reach the server, inside the transaction
            pid = session.exec(sa.select(sa.func.pg_backend_pid())).one()[0]
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            session.exec(sa.text("SELECT 1"))
    finally:
        admin.close()
    assert is_database_outage(raised.value)
    with db_session() as session:
        titles = session.exec(select(GoalStep.title)).all()
    assert "half geschreven" not in titles


def test_other_errors_keep_the_default_handling():
    assert not is_database_outage(ValueError("bad input"))
    assert not is_database_outage(sqlite3.OperationalError("no such table: goal"))
    assert is_database_outage(sqlite3.OperationalError("database is locked"))
    assert TRY_AGAIN not in repr(backend_exception_handler(ValueError("bad input")))
