"""SQL building blocks of the evaluation: time buckets that work on SQLite and PostgreSQL.

Buckets are computed in the database (so a GROUP BY can use them) from seconds since the
Unix epoch: PostgreSQL has ``EXTRACT(EPOCH FROM ...)``, SQLite has ``julianday``. Weeks and
months are counted in UTC; a contact at 00:30 Dutch time on a Monday lands in the week
before. For pilot-wide aggregates that hour does not matter.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

WEEK_SECONDS = 7 * 24 * 3600
# An average month (365.25 / 12 days): "months since enrolment" is elapsed time, not dates.
MONTH_SECONDS = 30.4375 * 24 * 3600


class _Epoch(FunctionElement):
    """Seconds since 1970-01-01 UTC of a timestamp column."""

    type = sa.Float()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(_Epoch)
def _epoch_default(element: _Epoch, compiler, **kw) -> str:
    # date_part gives a double; EXTRACT gives numeric since PostgreSQL 14 (much slower).
    return f"date_part('epoch', {compiler.process(element.clauses, **kw)})"


@compiles(_Epoch, "sqlite")
def _epoch_sqlite(element: _Epoch, compiler, **kw) -> str:
    # Stored as naive UTC text; julianday reads it, 2440587.5 is the Julian day of the epoch.
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"


class _Floor(FunctionElement):
    """The integer part of a non-negative number (CAST rounds on PostgreSQL, so FLOOR)."""

    type = sa.Integer()
    inherit_cache = True
    name = "floor_int"


@compiles(_Floor)
def _floor_default(element: _Floor, compiler, **kw) -> str:
    return f"CAST(FLOOR({compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(_Floor, "sqlite")
def _floor_sqlite(element: _Floor, compiler, **kw) -> str:
    # Truncation equals floor for the non-negative values the callers guarantee.
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


class _MonthKey(FunctionElement):
    """A timestamp's calendar month in UTC as text "YYYY-MM"."""

    type = sa.String()
    inherit_cache = True
    name = "month_key"


@compiles(_MonthKey)
def _month_default(element: _MonthKey, compiler, **kw) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"to_char(({column}) AT TIME ZONE 'UTC', 'YYYY-MM')"


@compiles(_MonthKey, "sqlite")
def _month_sqlite(element: _MonthKey, compiler, **kw) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


class _MonthIndex(FunctionElement):
    """0-based calendar month (UTC) of a timestamp, counted from the period's first month.

    Arguments: the column, the first month as ``year * 12 + month`` (SQLite) and every
    month start of the period (PostgreSQL: a binary search, ``width_bucket``, comparing the
    timestamps themselves instead of formatting or converting a date per row).
    """

    type = sa.Integer()
    inherit_cache = True
    name = "month_index"


@compiles(_MonthIndex)
def _month_index_default(element: _MonthIndex, compiler, **kw) -> str:
    column, _base, *starts = (compiler.process(c, **kw) for c in element.clauses)
    return f"(width_bucket({column}, ARRAY[{', '.join(starts)}]::timestamptz[]) - 1)"


@compiles(_MonthIndex, "sqlite")
def _month_index_sqlite(element: _MonthIndex, compiler, **kw) -> str:
    column, base, *_starts = (compiler.process(c, **kw) for c in element.clauses)
    year_month = (
        f"(CAST(strftime('%Y', {column}) AS INTEGER) * 12 + "
        f"CAST(strftime('%m', {column}) AS INTEGER))"
    )
    return f"({year_month} - {base})"


class _Unindexed(FunctionElement):
    """The column itself; on SQLite written ``+column`` so its index is not used for a range.

    SQLite guesses that a range on an indexed timestamp is selective and then reads a
    million rows one by one through the index; for a pilot-long period a table scan is far
    faster. PostgreSQL's planner knows the distribution and chooses itself.
    """

    inherit_cache = True
    name = "unindexed"


@compiles(_Unindexed)
def _unindexed_default(element: _Unindexed, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element: _Unindexed, compiler, **kw) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def unindexed(column: sa.ColumnElement) -> sa.ColumnElement:
    """``column`` for a long range filter (keeps its type, so values bind as usual)."""
    return sa.type_coerce(_Unindexed(column), column.type)


def _number(value: float) -> sa.ColumnElement[float]:
    # Written into the SQL text, not bound: PostgreSQL must see the same expression in
    # SELECT and GROUP BY, and two bound parameters are two different expressions to it.
    return sa.literal_column(repr(float(value)), type_=sa.Float())


def _moment(value: datetime) -> sa.ColumnElement[datetime]:
    # A UTC timestamp written into the SQL text (see _number), e.g. '2026-03-01 00:00:00+00'.
    return sa.literal_column(f"'{value.astimezone(UTC):%Y-%m-%d %H:%M:%S}+00'")


def epoch_seconds(column: sa.ColumnElement) -> sa.ColumnElement[float]:
    """Seconds since the Unix epoch of ``column`` (a UTC timestamp), in SQL."""
    return _Epoch(column)


def week_index(column: sa.ColumnElement, anchor: datetime) -> sa.ColumnElement[int]:
    """Whole weeks from ``anchor`` to ``column``; callers keep ``column >= anchor``."""
    offset = epoch_seconds(column) - _number(anchor.timestamp())
    return _Floor(offset / _number(WEEK_SECONDS))


def months_between(start: sa.ColumnElement, end: sa.ColumnElement) -> sa.ColumnElement[int]:
    """Whole (average) months from ``start`` to ``end``; callers keep ``end >= start``."""
    return _Floor((epoch_seconds(end) - epoch_seconds(start)) / _number(MONTH_SECONDS))


def month_key(column: sa.ColumnElement) -> sa.ColumnElement[str]:
    """The calendar month (UTC) of ``column`` as "YYYY-MM", in SQL."""
    return _MonthKey(column)


def month_index(column: sa.ColumnElement, month_starts: list[datetime]) -> sa.ColumnElement[int]:
    """Which of the period's months (0 = the first of ``month_starts``) ``column`` falls in.

    Callers keep ``column`` inside the period.
    """
    first = month_starts[0]
    base = sa.literal_column(str(first.year * 12 + first.month), type_=sa.Integer())
    return _MonthIndex(column, base, *(_moment(m) for m in month_starts))
