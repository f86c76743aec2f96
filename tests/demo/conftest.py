"""Fixtures of the demo-data tests: one default demo database shared by the read-only tests."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from jouw_omgeving.demo import DemoSummary
from tests.demo.demo_db import fresh_engine, load_demo, sqlite_url


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[sa.Engine, DemoSummary]:
    """A SQLite database with the default demo loaded once (seed 7, fixed today)."""
    engine = fresh_engine(sqlite_url(tmp_path_factory.mktemp("demo"), "demo.db"))
    return engine, load_demo(engine)


@pytest.fixture
def demo_engine(demo_db: tuple[sa.Engine, DemoSummary]) -> sa.Engine:
    """The engine of the shared demo database (do not write to it)."""
    return demo_db[0]
