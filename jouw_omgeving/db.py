"""The one way to get a database session.

The URL is Reflex's ``db_url`` (rxconfig default, ``REFLEX_DB_URL`` overrides), so the app,
``reflex db migrate`` and the tests all talk to the same database.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session


def database_url() -> str:
    """Return the configured database URL."""
    from reflex.config import get_config

    url = get_config().db_url
    if not url:
        msg = "No database configured: set db_url in rxconfig or REFLEX_DB_URL"
        raise RuntimeError(msg)
    return url


def make_engine(url: str) -> sa.Engine:
    """Create an engine with the settings this app relies on for ``url``."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            # Let SQLAlchemy, not pysqlite, start transactions (see "begin" below), so
            # savepoints behave: otherwise releasing one commits for good.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(connection) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> sa.Engine:
    """Return the shared engine for ``url`` (default: the configured database)."""
    return make_engine(url or database_url())


@contextmanager
def db_session(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
