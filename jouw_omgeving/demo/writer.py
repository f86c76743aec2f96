"""Fast bulk inserts for generated rows, on SQLite and PostgreSQL alike.

Rows are plain dicts with ids we allocate ourselves (``max(id) + 1`` per table), so children can
point at parents without a round trip. Buffers are flushed in the metadata's dependency order,
which keeps foreign keys valid at every flush, and PostgreSQL's id sequences are moved past
the ids we used when we are done.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

CHUNK_SIZE = 5_000


class RowWriter:
    """Buffer rows per table, hand out ids, and insert in chunks in foreign-key order."""

    def __init__(self, session: Session, chunk_size: int = CHUNK_SIZE) -> None:
        """Write through ``session`` (its transaction); flush every ``chunk_size`` rows."""
        self.session = session
        self.chunk_size = chunk_size
        self._next_id: dict[str, int] = {}
        self._buffers: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._buffered = 0
        self.counts: dict[str, int] = defaultdict(int)
        self._order = [table.name for table in SQLModel.metadata.sorted_tables]

    def next_id(self, model: type[SQLModel]) -> int:
        """Allocate the next integer id of ``model``'s table."""
        table = model.__table__
        name = table.name
        if name not in self._next_id:
            current = self.session.execute(sa.select(sa.func.max(table.c.id))).scalar()
            self._next_id[name] = (current or 0) + 1
        value = self._next_id[name]
        self._next_id[name] = value + 1
        return value

    def add(self, model: type[SQLModel], row: dict[str, Any]) -> int:
        """Buffer ``row`` for ``model``; give it an id if it has none; return the id."""
        if row.get("id") is None:
            row["id"] = self.next_id(model)
        self._buffers[model.__table__.name].append(row)
        self._buffered += 1
        if self._buffered >= self.chunk_size:
            self.flush()
        return row["id"]

    def flush(self) -> None:
        """Insert every buffered row, parents before children."""
        for name in self._order:
            rows = self._buffers.pop(name, None)
            if not rows:
                continue
            table = SQLModel.metadata.tables[name]
            self.session.execute(sa.insert(table), rows)
            self.counts[name] += len(rows)
        self._buffered = 0

    def finish(self) -> None:
        """Flush what is left and, on PostgreSQL, move id sequences past our ids."""
        self.flush()
        if self.session.get_bind().dialect.name != "postgresql":
            return
        statement = sa.text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last_id)")
        for name, next_id in self._next_id.items():
            # Every table in _next_id got at least one id from us, so next_id - 1 >= 1.
            self.session.execute(statement, {"table": name, "last_id": next_id - 1})
