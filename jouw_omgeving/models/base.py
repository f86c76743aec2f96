"""Shared column types and helpers for every table.

Conventions (hold for every table):
- ``id`` is an integer primary key used only inside the database and the server.
- Rows a browser may refer to carry a random ``public_id`` (UUID); URLs and event
  arguments use that, never ``id``.
- Every datetime is timezone-aware UTC, on SQLite as well as PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

# Named constraints, so later migrations (SQLite batch mode included) can drop or alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp that refuses naive datetimes and always returns aware UTC ones.

    SQLite has no timezone type: values are stored as UTC and re-tagged on read,
    so code never meets a naive datetime whichever database runs.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect):
        """Convert to UTC before storing; refuse naive values."""
        if value is None:
            return None
        if value.tzinfo is None:
            msg = "naive datetime refused: use an aware UTC datetime"
            raise ValueError(msg)
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect):
        """Return aware UTC datetimes."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
