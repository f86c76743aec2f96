"""Organisations (our own and partners in the care chain) and their teams."""

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class Organisation(SQLModel, table=True):
    """A care organisation: the Leger des Heils itself or a partner (GGZ, debt help, ...)."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20, index=True)
    # For partners: ggz, schuldhulp, reclassering, wonen, ... (free vocabulary).
    partner_type: str | None = Field(default=None, max_length=40)
    # Help numbers, retention periods, session timeouts, suppression threshold.
    settings: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Team(SQLModel, table=True):
    """A team of counsellors within an organisation."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    # Whether team colleagues may read along in participants' counsellor threads.
    team_reads_messages: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
