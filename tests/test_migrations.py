"""The migration scripts build exactly the schema the models describe, up and down again."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import jouw_omgeving.models  # noqa: F401  (registers every table)
from jouw_omgeving.db import make_engine

REPO_ROOT = Path(__file__).resolve().parent.parent
MODEL_TABLES = set(SQLModel.metadata.tables)


@pytest.fixture(scope="module")
def head(alembic_cfg: Config) -> str:
    """The single head revision of the migration scripts."""
    heads = ScriptDirectory.from_config(alembic_cfg).get_heads()
    assert len(heads) == 1, f"the migrations have several heads, merge them: {heads}"
    return heads[0]


def _state(url: str) -> tuple[set[str], str | None]:
    """The tables in the database at ``url`` and its current Alembic revision."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names())
            revision = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
    return tables, revision


def _differences(connection: sa.Connection, metadata: sa.MetaData) -> list:
    """What autogenerate would change to make the database match ``metadata`` (types too)."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, metadata)


def test_upgrade_from_an_empty_database_creates_every_table(empty_db_url: str, migrate, head: str):
    assert _state(empty_db_url) == (set(), None)

    engine = make_engine(empty_db_url)
    with engine.begin() as connection:
        migrate(connection)
    engine.dispose()

    tables, revision = _state(empty_db_url)
    assert revision == head
    assert tables == MODEL_TABLES | {"alembic_version"}


def test_downgrade_to_base_and_upgrade_again(empty_db_url: str, migrate, head: str):
    engine = make_engine(empty_db_url)
    try:
        with engine.begin() as connection:
            migrate(connection)
        with engine.begin() as connection:
            migrate(connection, to="base", direction="downgrade")
        tables, revision = _state(empty_db_url)
        assert revision is None
        assert tables <= {"alembic_version"}

        with engine.begin() as connection:
            migrate(connection)
        with engine.connect() as connection:
            assert _differences(connection, SQLModel.metadata) == []
    finally:
        engine.dispose()
    assert _state(empty_db_url) == (MODEL_TABLES | {"alembic_version"}, head)


def test_reflex_db_migrate_runs_the_same_scripts(empty_db_url: str, monkeypatch, head: str):
    """`reflex db migrate` upgrades through reflex.model._alembic_upgrade from the repo root."""
    from reflex.model import _alembic_upgrade

    monkeypatch.chdir(REPO_ROOT)  # Reflex finds alembic.ini relative to the working directory
    engine = make_engine(empty_db_url)
    try:
        with engine.connect() as connection:
            _alembic_upgrade(connection)
            connection.commit()
        with engine.connect() as connection:
            assert _differences(connection, SQLModel.metadata) == []
    finally:
        engine.dispose()
    assert _state(empty_db_url) == (MODEL_TABLES | {"alembic_version"}, head)


def test_models_and_migrations_do_not_drift(engine: sa.Engine):
    """Changing a model without a migration fails here: run `reflex db makemigrations`."""
    with engine.connect() as connection:
        differences = _differences(connection, SQLModel.metadata)
    assert differences == [], (
        "models differ from the migrations: add one with `reflex db makemigrations` and review"
        " it (Reflex autogenerates with compare_type=False: write type changes by hand)"
    )


def test_the_drift_check_notices_a_model_change_without_migration(engine: sa.Engine):
    changed = sa.MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["goal"].append_column(sa.Column("throwaway", sa.String(20), nullable=True))
    sa.Index("ix_message_body_throwaway", changed.tables["message"].c.body)

    with engine.connect() as connection:
        differences = _differences(connection, changed)

    kinds = {(diff[0], diff[-1].name) for diff in differences if isinstance(diff, tuple)}
    assert ("add_column", "throwaway") in kinds
    assert ("add_index", "ix_message_body_throwaway") in kinds
    # The original metadata is untouched by the experiment.
    assert "throwaway" not in SQLModel.metadata.tables["goal"].columns
