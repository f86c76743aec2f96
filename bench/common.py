"""Shared benchmark plumbing: throwaway databases at scale, timing, tables."""

import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlmodel import Session

import jouw_omgeving.models  # noqa: F401  (registers every table)
from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.generator import generate_demo
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.migrations import run_migrations

RESULTS = Path(__file__).resolve().parent / "results"


@contextmanager
def scratch_database(kind: str, postgres_url: str | None) -> Iterator[str]:
    """A new, empty database (SQLite file or PostgreSQL database), removed afterwards."""
    if kind == "sqlite":
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"bench-{uuid.uuid4().hex[:8]}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    if not postgres_url:
        msg = "PostgreSQL needs --postgres-url (e.g. postgresql+psycopg://postgres@127.0.0.1/test)"
        raise SystemExit(msg)
    name = f"jo_bench_{uuid.uuid4().hex[:8]}"
    server = sa.make_url(postgres_url)
    admin_dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def load_scale(url: str, scale: DemoScale, seed: int = 7) -> tuple[sa.Engine, float]:
    """Migrate ``url`` and fill it with demo data at ``scale``; return engine and seconds."""
    engine = make_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    started = time.perf_counter()
    with Session(engine) as session:
        generate_demo(session, seed=seed, scale=scale)
        session.commit()
    # Fresh planner statistics and (PostgreSQL) the visibility map, as a live system has
    # them from autovacuum: without it an index-only scan still visits every table page.
    command = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(command)
    return engine, time.perf_counter() - started


def time_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls of ``fn``."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0..100) of ``values``."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    """A plain-text table, right-aligned numbers."""
    cells = [[f"{c:.1f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
