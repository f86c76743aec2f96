"""Alembic environment for the plain ``alembic`` command.

``reflex db migrate`` / ``makemigrations`` run the same scripts through Reflex's own runner;
this file makes ``alembic current``, ``alembic history`` and ``alembic upgrade`` work too,
on the database the app uses (``REFLEX_DB_URL`` or the rxconfig default).
"""

from sqlmodel import SQLModel

import jouw_omgeving.models  # noqa: F401  (registers every table)
from alembic import context
from jouw_omgeving.db import database_url, make_engine

target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    """Emit SQL for the configured database without connecting."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations against the configured database."""
    engine = make_engine(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
