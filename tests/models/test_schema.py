"""Conventions every table follows, checked by walking the model metadata (and the database).

A new table or column that breaks one of them fails here, with the offending names listed.
"""

import sqlalchemy as sa
from sqlmodel import SQLModel

import jouw_omgeving.models  # noqa: F401  (registers every table)
from jouw_omgeving.models.base import UTCDateTime

TABLES = SQLModel.metadata.sorted_tables

# Columns the product filters or sorts on by these names; each needs an index.
FILTER_NAMES = ("status", "kind", "role")
# ...except these, which are only displayed (appointments are found by participant/date).
UNFILTERED_NAMED_COLUMNS = {"appointment.kind"}

# Timestamps that signals, inboxes, sessions, charts and the audit log filter or sort on.
FILTERED_TIMESTAMPS = {
    "app_user.last_active_at",  # signal: no activity for N days
    "appointment.starts_at",  # upcoming appointments
    "assessment.taken_at",  # progress over time
    "assignment.assigned_at",
    "audit_entry.occurred_at",  # "who looked at my data", retention clean-up
    "caseload_assignment.ends_at",  # current caseload = ends_at is null
    "check_in.created_at",
    "consent.ends_at",  # signal: consent ending; expiry
    "consent_record.recorded_at",
    "contact_moment.occurred_at",  # signal: no contact for N days; contact mix
    "goal_share.revoked_at",
    "goal_status_change.changed_at",
    "goal_step.done_at",
    "login_attempt.attempted_at",  # throttling window
    "login_session.expires_at",  # clean-up of expired sessions
    "message.created_at",  # inbox order, unread counts
    "message_thread.last_message_at",  # inbox order
    "network_membership.ended_at",  # current network = ended_at is null
    "oidc_login_request.expires_at",  # clean-up of abandoned logins
    "submission.submitted_at",
}
# Timestamps only shown, or read on a row already found through another index. Moving one to
# FILTERED_TIMESTAMPS means adding an index (and a migration).
UNFILTERED_TIMESTAMPS = {
    "erasure_request.requested_at",  # sorts the few requests found by participant or status
    "erasure_request.handled_at",
    "activation_code.created_at",
    "activation_code.expires_at",  # checked on the row found by code_hash
    "activation_code.used_at",
    "app_user.created_at",
    "app_user.deactivated_at",
    "app_user.enrolled_at",  # evaluator aggregates scan per team; index if filtered by period
    "appointment.created_at",
    "attachment.created_at",
    "caseload_assignment.starts_at",
    "consent.starts_at",
    "consent.updated_at",
    "consent_record.ends_at",
    "consent_record.starts_at",
    "contact_moment.created_at",
    "content_item.created_at",
    "content_version.created_at",
    "content_version.published_at",
    "feedback.created_at",
    "goal.completed_at",  # evaluator aggregates scan per team; index if filtered by period
    "goal.created_at",
    "goal.updated_at",
    "goal_share.shared_at",
    "goal_step.created_at",
    "instrument.created_at",
    "login_session.created_at",
    "login_session.last_seen_at",  # checked on the row found by token_hash
    "login_session.revoked_at",
    "message_thread.created_at",
    "network_membership.accepted_at",
    "network_membership.invite_expires_at",
    "network_membership.invited_at",
    "oidc_login_request.created_at",
    "organisation.created_at",
    "submission.saved_at",
    "team.created_at",
    "thread_read_marker.read_at",
}


def _name(column: sa.Column) -> str:
    return f"{column.table.name}.{column.name}"


def _index_prefixes(table: sa.Table) -> list[tuple[str, ...]]:
    """Column-name tuples of every index, unique constraint and primary key of ``table``."""
    groups = [tuple(c.name for c in index.columns) for index in table.indexes]
    groups += [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, sa.UniqueConstraint | sa.PrimaryKeyConstraint)
    ]
    return groups


def _is_indexed(table: sa.Table, columns: tuple[str, ...]) -> bool:
    """True when ``columns`` lead some index, so lookups on them need no table scan."""
    return any(group[: len(columns)] == columns for group in _index_prefixes(table))


def _is_datetime(column: sa.Column) -> bool:
    column_type = column.type
    if isinstance(column_type, sa.types.TypeDecorator):
        column_type = column_type.impl_instance
    return isinstance(column_type, sa.DateTime)


def test_every_foreign_key_is_indexed():
    unindexed = [
        f"{table.name}({', '.join(fk.column_keys)})"
        for table in TABLES
        for fk in table.foreign_key_constraints
        if not _is_indexed(table, tuple(fk.column_keys))
    ]
    assert not unindexed, f"foreign keys without an index: {unindexed}"


def test_status_kind_and_role_columns_are_indexed():
    unindexed = {
        _name(column)
        for table in TABLES
        for column in table.columns
        if column.name in FILTER_NAMES and not _is_indexed(table, (column.name,))
    }
    assert unindexed == UNFILTERED_NAMED_COLUMNS


def test_every_timestamp_is_classified_as_filtered_or_not():
    timestamps = {_name(c) for t in TABLES for c in t.columns if c.name.endswith("_at")}
    assert not FILTERED_TIMESTAMPS & UNFILTERED_TIMESTAMPS
    assert timestamps - FILTERED_TIMESTAMPS - UNFILTERED_TIMESTAMPS == set(), "new timestamps"
    assert (FILTERED_TIMESTAMPS | UNFILTERED_TIMESTAMPS) - timestamps == set(), "stale names"


def test_filtered_timestamps_are_indexed():
    unindexed = {
        _name(column)
        for table in TABLES
        for column in table.columns
        if _name(column) in FILTERED_TIMESTAMPS and not _is_indexed(table, (column.name,))
    }
    assert not unindexed, f"filtered timestamps without an index: {sorted(unindexed)}"


def test_every_public_id_is_unique_required_and_generated():
    tables = [table for table in TABLES if "public_id" in table.columns]
    assert len(tables) > 10
    for table in tables:
        column = table.columns["public_id"]
        unique = column.unique or any(
            index.unique and [c.name for c in index.columns] == ["public_id"]
            for index in table.indexes
        )
        assert unique, f"{table.name}.public_id is not unique"
        assert not column.nullable, f"{table.name}.public_id may be empty"
        assert isinstance(column.type, sa.Uuid), f"{table.name}.public_id is not a UUID"


def test_every_datetime_column_is_utc_aware():
    columns = [c for t in TABLES for c in t.columns if _is_datetime(c)]
    assert len(columns) > 40
    wrong = [_name(c) for c in columns if not isinstance(c.type, UTCDateTime)]
    assert not wrong, f"datetime columns not using UTCDateTime: {wrong}"
    # Every *_at column is a datetime (dates are called *_date).
    not_datetimes = [
        _name(c)
        for t in TABLES
        for c in t.columns
        if c.name.endswith("_at") and not _is_datetime(c)
    ]
    assert not not_datetimes


def test_migrated_database_has_the_indexes_and_timezone_aware_columns(engine: sa.Engine):
    inspector = sa.inspect(engine)
    for table in TABLES:
        indexed = [tuple(i["column_names"]) for i in inspector.get_indexes(table.name)]
        indexed += [tuple(u["column_names"]) for u in inspector.get_unique_constraints(table.name)]
        indexed.append(tuple(inspector.get_pk_constraint(table.name)["constrained_columns"]))
        for fk in inspector.get_foreign_keys(table.name):
            columns = tuple(fk["constrained_columns"])
            assert any(group[: len(columns)] == columns for group in indexed), (table.name, fk)
        if engine.dialect.name == "postgresql":
            for column in inspector.get_columns(table.name):
                if isinstance(column["type"], sa.DateTime):
                    assert column["type"].timezone, f"{table.name}.{column['name']} lacks a zone"
