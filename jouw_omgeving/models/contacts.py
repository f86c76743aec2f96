"""Registered contact moments and planned appointments."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class ContactMoment(SQLModel, table=True):
    """A visit, call, video call or platform contact between counsellor and participant."""

    __tablename__ = "contact_moment"
    __table_args__ = (sa.Index("ix_contact_participant_occurred", "participant_id", "occurred_at"),)

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    counsellor_id: int = Field(foreign_key="app_user.id", index=True)
    kind: str = Field(max_length=20, index=True)
    occurred_at: datetime = Field(sa_type=UTCDateTime, index=True)
    duration_minutes: int | None = Field(default=None)
    note: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Appointment(SQLModel, table=True):
    """A planned visit or call; the participant sees it on their page."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    counsellor_id: int = Field(foreign_key="app_user.id", index=True)
    kind: str = Field(max_length=20)
    starts_at: datetime = Field(sa_type=UTCDateTime, index=True)
    duration_minutes: int = Field(default=60)
    location: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=1000)
    status: str = Field(default="planned", max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
