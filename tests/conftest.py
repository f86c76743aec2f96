"""Shared fixtures: offline Reflex settings, migrated test databases, isolated sessions.

Database fixtures run every test that asks for them on SQLite and, when
``JO_TEST_POSTGRES_URL`` is set (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/test``),
on PostgreSQL too; test ids read ``test_x[sqlite]`` / ``test_x[postgresql]``.
PostgreSQL runs get a fresh, uniquely named database that is dropped afterwards, so
concurrent runs never collide and the server's own database stays clean.
"""

# The environment must be set before anything imports reflex or the app: Reflex reads and
# caches its config on first use.
import os
import shutil
import tempfile
from pathlib import Path

_RUN_DIR = Path(tempfile.mkdtemp(prefix="jo-tests-"))

# Forced, not defaulted: a developer's shell may point REFLEX_DB_URL at a real database, and
# no test may ever send telemetry or probe the internet.
os.environ["REFLEX_TELEMETRY_ENABLED"] = "false"
os.environ["REFLEX_CHECK_LATEST_VERSION"] = "false"
# The local address for Reflex's outgoing HTTP requests (not a listening socket): set, it
# stops Reflex probing a public IP address before its first request.
os.environ["REFLEX_HTTP_CLIENT_BIND_ADDRESS"] = "0.0.0.0"
os.environ["REFLEX_DB_URL"] = f"sqlite:///{_RUN_DIR / 'app.db'}"
# No state may grow by accident: Reflex raises instead of warning for a state that serializes
# larger than the limit (in KB), in the app servers the browser tests start too, and the
# handler tests check every state of the tab after each handler (tests/state/helpers.py).
os.environ["REFLEX_PERF_MODE"] = "raise"
# Reflex's default is 1000; the largest state in the tests is the evaluator's dashboard with
# its 8 figures (about 66 KB), the participants' and counsellors' pages stay under 25 KB.
os.environ.setdefault("REFLEX_STATE_SIZE_LIMIT", "256")
# Uploaded files of the app under test land in the run directory, not in ./data.
os.environ.setdefault("JO_DATA_DIR", str(_RUN_DIR / "data"))

import secrets  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from typing import Literal  # noqa: E402

import psycopg  # noqa: E402
import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from alembic.config import Config  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlmodel import Session  # noqa: E402

import jouw_omgeving.models  # noqa: E402, F401  (registers every table on SQLModel.metadata)
from jouw_omgeving.db import make_engine  # noqa: E402
from jouw_omgeving.migrations import alembic_config, run_migrations  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL_VARIABLE = "JO_TEST_POSTGRES_URL"

Backend = Literal["sqlite", "postgresql"]
Direction = Literal["upgrade", "downgrade"]
MigrateFn = Callable[..., None]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the browser tests last.

    Playwright's sync API keeps an event loop running in the main thread until the session
    ends; async tests collected after it could not start their own loop.
    """
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the per-run directory (the app's SQLite file, uploaded files)."""
    shutil.rmtree(_RUN_DIR, ignore_errors=True)


def _backends() -> list[Backend]:
    backends: list[Backend] = ["sqlite"]
    if os.environ.get(POSTGRES_URL_VARIABLE):
        backends.append("postgresql")
    return backends


# ---------------------------------------------------------------------------------------
# Migrations: the same scripts `reflex db migrate` runs, on a connection we own.
# ---------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------
# Databases
# ---------------------------------------------------------------------------------------


class DatabaseFactory:
    """Creates fresh, empty databases on one backend and removes them at the end of the run."""

    def __init__(self, backend: Backend, directory: Path) -> None:
        """Prepare a factory for ``backend``; SQLite files go into ``directory``."""
        self.backend = backend
        self._directory = directory
        self._created: list[str] = []
        self._server_url = (
            sa.make_url(os.environ[POSTGRES_URL_VARIABLE]) if backend == "postgresql" else None
        )

    def create(self) -> str:
        """Return the SQLAlchemy URL of a new, empty database."""
        name = f"jo_test_{os.getpid()}_{secrets.token_hex(4)}"
        if self._server_url is None:
            return f"sqlite:///{self._directory / f'{name}.db'}"
        with self._admin_connection() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._created.append(name)
        return self._server_url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        """Drop every PostgreSQL database this factory created (SQLite files go with tmp)."""
        if not self._created:
            return
        with self._admin_connection() as connection:
            for name in self._created:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
        self._created.clear()

    def _admin_connection(self) -> psycopg.Connection:
        assert self._server_url is not None
        conninfo = self._server_url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        return psycopg.connect(conninfo, autocommit=True)


@pytest.fixture(scope="session", params=_backends())
def db_backend(request: pytest.FixtureRequest) -> Backend:
    """The database engine under test: "sqlite", and "postgresql" when configured."""
    return request.param


@pytest.fixture(scope="session")
def database_factory(
    db_backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseFactory]:
    """Creates fresh empty databases on the current backend; drops them after the run."""
    factory = DatabaseFactory(db_backend, tmp_path_factory.mktemp(f"db-{db_backend}"))
    yield factory
    factory.drop_all()


@pytest.fixture(scope="session")
def db_url(database_factory: DatabaseFactory) -> str:
    """URL of this run's test database (one per backend, migrated by ``engine``)."""
    return database_factory.create()


@pytest.fixture(scope="session")
def engine(db_url: str) -> Iterator[sa.Engine]:
    """An engine on ``db_url`` whose schema was built by the real migrations (not create_all)."""
    engine = make_engine(db_url)  # SQLite: savepoints isolate (see db.make_engine)
    with engine.begin() as connection:
        run_migrations(connection)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: sa.Engine) -> Iterator[Session]:
    """A session whose work is rolled back after the test, commits included.

    ``session.commit()`` only releases a savepoint, and a failed flush can be recovered with
    ``session.rollback()`` (or ``with session.begin_nested():``) while the test goes on.
    """
    connection = engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield db
    finally:
        db.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def empty_db_url(database_factory: DatabaseFactory) -> str:
    """URL of a brand-new database without any tables, on the current backend."""
    return database_factory.create()


@pytest.fixture(scope="session")
def alembic_cfg() -> Config:
    """The repository's Alembic configuration (script location made absolute)."""
    return alembic_config()


@pytest.fixture
def migrate() -> MigrateFn:
    """``migrate(connection, to="head", direction="upgrade")`` runs the migration scripts."""
    return run_migrations


@pytest.fixture(scope="session")
def app_db() -> str:
    """The app's own database (``REFLEX_DB_URL``, a per-run SQLite file), migrated to head.

    For tests of code that opens its own sessions via ``jouw_omgeving.db.db_session``.
    Rows committed there persist for the whole run: use unique names.
    """
    url = os.environ["REFLEX_DB_URL"]
    engine = make_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """Async tests (``@pytest.mark.anyio``, anyio's bundled plugin) run on asyncio, as Reflex."""
    return "asyncio"
