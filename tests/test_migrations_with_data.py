"""Every migration, up and down, with data in the tables: nothing is lost.

The revisions are walked from the first to the head. At each revision the tables that are
still empty are filled: with a small demo data set (generated once, at head, on SQLite, and
copied over column by column as far as the revision's schema has them), and tables the
demo leaves empty get two generated rows. A fingerprint of every table (row count and a hash
of the rows) is taken, and then:

- upgrade to the next revision: the old columns of every old table are unchanged;
- downgrade back: the whole database is as it was;
- upgrade again: the old columns are still unchanged.

New migrations are covered without changes here. It runs on SQLite and, with
``JO_TEST_POSTGRES_URL`` set (CI sets it), on PostgreSQL: SQLite's batch migrations copy
whole tables, PostgreSQL alters them in place, so both can lose data in their own ways.
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.cli import load as load_demo
from jouw_omgeving.demo.scale import DemoScale
from jouw_omgeving.migrations import alembic_config, run_migrations

pytestmark = pytest.mark.slow

SMALL_DEMO = DemoScale(
    participants=4,
    counsellors=2,
    teams=1,
    partner_organisations=1,
    months=2,
    messages_per_participant=4,
    contacts_per_participant=3,
)
GENERATED_ROWS = 2
TODAY = date(2026, 3, 1)

# {table: [column names]}: the part of the database a fingerprint covers.
Shape = dict[str, list[str]]
Fingerprint = dict[str, tuple[int, str]]


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sa.Engine]:
    """A SQLite database at head holding the small demo data set."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo-source') / 'demo.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    load_demo(url, scale=SMALL_DEMO, seed=11, today=TODAY, echo=lambda _line: None)
    yield engine
    engine.dispose()


@pytest.fixture
def target(empty_db_url: str) -> Iterator[sa.Engine]:
    """A fresh, empty database on the backend under test."""
    engine = make_engine(empty_db_url)
    yield engine
    engine.dispose()


def _revisions() -> list[str]:
    """The revision ids from the first to the head (the chain is linear: see the drift test)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def _migrate(engine: sa.Engine, to: str, direction: str = "upgrade") -> None:
    with engine.begin() as connection:
        run_migrations(connection, to=to, direction=direction)


def _schema(connection: sa.Connection) -> sa.MetaData:
    metadata = sa.MetaData()
    metadata.reflect(connection)
    metadata.remove(metadata.tables["alembic_version"])
    return metadata


def _shape(engine: sa.Engine) -> Shape:
    with engine.connect() as connection:
        return {
            name: sorted(table.columns.keys()) for name, table in _schema(connection).tables.items()
        }


def _fingerprint(engine: sa.Engine, shape: Shape) -> Fingerprint:
    """Row count and a hash of the rows of each table in ``shape``, over its columns only."""
    result: Fingerprint = {}
    with engine.connect() as connection:
        schema = _schema(connection)
        for name, columns in shape.items():
            table = schema.tables.get(name)
            if table is None:
                result[name] = (-1, "table missing")
                continue
            rows = connection.execute(sa.select(*(table.c[c] for c in columns))).all()
            lines = sorted(repr(tuple(row)) for row in rows)
            result[name] = (len(rows), hashlib.sha256("\n".join(lines).encode()).hexdigest())
    return result


def _copy_demo_rows(source: sa.Engine, connection: sa.Connection, table: sa.Table) -> int:
    """Copy the demo rows of ``table`` into the target, as far as its columns go."""
    model_table = SQLModel.metadata.tables.get(table.name)
    if model_table is None:
        return 0
    columns = [column.name for column in table.columns if column.name in model_table.columns]
    with source.connect() as reader:
        rows = [
            dict(row._mapping)
            for row in reader.execute(sa.select(*(model_table.c[c] for c in columns)))
        ]
    if rows:
        # The model's column types, so values bind as the app binds them (SQLite reflects a
        # UUID column as CHAR(32)).
        writable = sa.table(table.name, *(sa.column(c, model_table.c[c].type) for c in columns))
        connection.execute(writable.insert(), rows)
    return len(rows)


_counter = itertools.count(1)


def _generated_value(column: sa.Column, connection: sa.Connection):
    """A plausible value for ``column`` of its type; foreign keys point at an existing row."""
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        if target.table.name == column.table.name:
            return None  # a self-reference: leave it empty
        return connection.execute(sa.select(target).limit(1)).scalar_one()
    n = next(_counter)
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = str
    if python_type is bool:
        return n % 2 == 0
    if python_type is int:
        return n
    if python_type is float:
        return n / 4
    if python_type is uuid.UUID:
        return uuid.uuid4()
    if python_type is datetime:
        return datetime(2026, 1, 1 + n % 27, 12, n % 60, tzinfo=UTC)
    if python_type is date:
        return date(2026, 1, 1 + n % 27)
    if python_type in (dict, list):
        return {"generated": n}
    text = f"g{n}-{uuid.uuid4().hex}"
    length = getattr(column.type, "length", None)
    return text[:length] if length else text


def _generate_rows(connection: sa.Connection, table: sa.Table) -> None:
    """Two rows of made-up values for a table the demo data leaves empty."""
    [key] = table.primary_key.columns  # every table has a single integer id
    highest = connection.execute(sa.select(sa.func.max(key))).scalar() or 0
    for offset in range(1, GENERATED_ROWS + 1):
        values = {
            column.name: _generated_value(column, connection)
            for column in table.columns
            if column is not key
        }
        connection.execute(table.insert().values({key.name: highest + offset, **values}))


def _fill_empty_tables(source: sa.Engine, engine: sa.Engine) -> None:
    """Fill each table that has no rows yet: demo rows, else generated ones."""
    with engine.begin() as connection:
        for table in _schema(connection).sorted_tables:
            if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                continue
            if not _copy_demo_rows(source, connection, table):
                _generate_rows(connection, table)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)


def _reset_sequences(connection: sa.Connection) -> None:
    """Rows were inserted with explicit ids: move each id sequence past them."""
    for table in _schema(connection).sorted_tables:
        [key] = table.primary_key.columns
        highest = sa.select(sa.func.coalesce(sa.func.max(key), 0)).scalar_subquery()
        sequence = sa.func.pg_get_serial_sequence(table.name, key.name)
        connection.execute(sa.select(sa.func.setval(sequence, highest + 1, False)))


def _changed(engine: sa.Engine, shape: Shape, before: Fingerprint) -> list[str]:
    """The tables of ``shape`` whose rows differ from ``before``."""
    now = _fingerprint(engine, shape)
    return sorted(name for name in shape if now[name] != before[name])


def test_every_revision_keeps_the_data_up_and_down(demo_source, target):
    revisions = _revisions()
    assert revisions, "no migrations found"
    previous: str | None = None
    shape: Shape = {}
    before: Fingerprint = {}
    for revision in revisions:
        _migrate(target, revision)
        if previous is not None:
            assert _changed(target, shape, before) == [], f"upgrade to {revision}"
            _migrate(target, previous, "downgrade")
            assert _shape(target) == shape, f"downgrade {revision} -> {previous}"
            assert _changed(target, shape, before) == [], f"downgrade {revision} -> {previous}"
            _migrate(target, revision)
            assert _changed(target, shape, before) == [], f"upgrade to {revision} again"
        _fill_empty_tables(demo_source, target)
        shape = _shape(target)
        before = _fingerprint(target, shape)
        empty = sorted(name for name, (count, _hash) in before.items() if count == 0)
        assert empty == [], f"tables left without data at {revision}"
        previous = revision
    assert set(shape) == set(SQLModel.metadata.tables) - {"alembic_version"}
    assert before["app_user"][0] > 5  # the demo people made it all the way
