"""Append-only audit log of access to participants' data (NEN 7513 style)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class AuditEntry(SQLModel, table=True):
    """Who did what with whose data, when, from where, and whether it was allowed."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    actor_role: str | None = Field(default=None, max_length=20)
    actor_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True
    )
    subject_participant_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    action: str = Field(max_length=60, index=True)  # read, create, update, delete, ...
    category: str = Field(max_length=40, index=True)  # goals, progress, messages, ...
    outcome: str = Field(max_length=20, index=True)
    client_address: str | None = Field(default=None, max_length=64)
    detail: str | None = Field(default=None, max_length=500)
