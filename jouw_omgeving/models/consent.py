"""Consent: what a partner organisation may follow, with an append-only history."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class Consent(SQLModel, table=True):
    """The current state for one participant x organisation x category (one row each).

    Every change to it also appends a :class:`ConsentRecord`; the history is never edited.
    """

    __table_args__ = (
        sa.UniqueConstraint(
            "participant_id", "organisation_id", "category", name="uq_consent_current"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    category: str = Field(max_length=20, index=True)
    status: str = Field(max_length=20, index=True)
    starts_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ends_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ConsentRecord(SQLModel, table=True):
    """One change to a consent: who did what, for whom, from when until when."""

    __tablename__ = "consent_record"

    id: int | None = Field(default=None, primary_key=True)
    consent_id: int = Field(foreign_key="consent.id", index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    category: str = Field(max_length=20)
    action: str = Field(max_length=20)
    starts_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ends_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    recorded_by_id: int = Field(foreign_key="app_user.id", index=True)
    # True when a counsellor recorded it on the participant's explicit request.
    on_participants_request: bool = Field(default=False)
    note: str | None = Field(default=None, max_length=1000)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
