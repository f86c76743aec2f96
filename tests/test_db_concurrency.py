"""Concurrent writers on the embedded SQLite database wait for each other instead of failing.

Each writer reads a counter and then writes it back (the pattern of most handlers: check,
then change). With a deferred ``BEGIN`` the second writer's lock upgrade fails at once with
"database is locked"; ``db_session()`` starts with ``BEGIN IMMEDIATE``, so writers queue on
the busy timeout and no increment is lost.
"""

import threading

import pytest
import sqlalchemy as sa

from jouw_omgeving.db import ReadOnlyWrite, db_session, get_engine

WRITERS = 8
ROUNDS = 25


@pytest.fixture
def counter_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'writers.db'}"
    with db_session(url) as session:
        session.execute(sa.text("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)"))
        session.execute(sa.text("INSERT INTO counter (id, n) VALUES (1, 0)"))
    yield url
    get_engine(url).dispose()


def _count(url: str) -> int:
    with db_session(url, write=False) as session:
        return session.execute(sa.text("SELECT n FROM counter WHERE id = 1")).scalar_one()


def test_concurrent_read_then_write_transactions_all_succeed(counter_url):
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer() -> None:
        start.wait()
        for _ in range(ROUNDS):
            try:
                with db_session(counter_url) as session:
                    n = session.execute(sa.text("SELECT n FROM counter WHERE id = 1")).scalar_one()
                    session.execute(sa.text("UPDATE counter SET n = :n WHERE id = 1"), {"n": n + 1})
            except BaseException as error:  # collected and asserted below
                errors.append(error)

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(counter_url) == WRITERS * ROUNDS


def test_readers_do_not_wait_for_an_open_write_transaction(counter_url):
    with db_session(counter_url) as writing:
        writing.execute(sa.text("UPDATE counter SET n = 5 WHERE id = 1"))
        seen = []
        reader = threading.Thread(target=lambda: seen.append(_count(counter_url)))
        reader.start()
        reader.join()
        assert seen == [0]  # the last committed value, at once
    assert _count(counter_url) == 5


def test_a_write_in_a_read_only_session_is_refused(counter_url):
    with pytest.raises(ReadOnlyWrite), db_session(counter_url, write=False) as session:
        session.execute(sa.text("UPDATE counter SET n = 1 WHERE id = 1"))
    assert _count(counter_url) == 0
