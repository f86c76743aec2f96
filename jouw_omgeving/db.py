"""The one way to get a database session.

The URL is Reflex's ``db_url`` (rxconfig default, ``REFLEX_DB_URL`` overrides), so the app,
``reflex db migrate`` and the tests all talk to the same database.

On SQLite a transaction that may write starts with ``BEGIN IMMEDIATE``: it takes the write
lock first, so concurrent writers queue on the busy timeout. A plain (deferred) ``BEGIN``
that has read and then writes cannot wait: when another connection committed meanwhile its
snapshot is stale and SQLite answers "database is locked" at once. Read-only work passes
``write=False`` (a deferred transaction that never blocks, thanks to WAL); a write in such a
transaction raises :class:`ReadOnlyWrite` on SQLite, so tests catch a wrong mark.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session

READ_ONLY = "jo_read_only"
_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class ReadOnlyWrite(RuntimeError):
    """A statement that writes ran in a session opened with ``write=False``."""


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
            read_only = connection.get_execution_options().get(READ_ONLY, False)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _sqlite_read_only(connection, _cursor, statement, _params, _context, _many) -> None:
            read_only = connection.get_execution_options().get(READ_ONLY, False)
            if read_only and statement.lstrip()[:7].upper().startswith(_WRITE_WORDS):
                msg = f"write in a read-only session: {statement[:60]}"
                raise ReadOnlyWrite(msg)

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> sa.Engine:
    """Return the shared engine for ``url`` (default: the configured database)."""
    return make_engine(url or database_url())


@lru_cache(maxsize=8)
def _read_engine_of(engine: sa.Engine) -> sa.Engine:
    return engine.execution_options(**{READ_ONLY: True})


def get_read_engine(url: str | None = None) -> sa.Engine:
    """The shared engine (same pool) whose transactions only read."""
    return _read_engine_of(get_engine(url))


@contextmanager
def db_session(url: str | None = None, *, write: bool = True) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises.

    ``write=False`` for work that only reads (see the module docstring): on SQLite it does
    not take the write lock, so it never waits for writers.
    """
    engine = get_engine(url) if write else get_read_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
