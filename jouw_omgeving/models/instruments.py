"""Life-domain instruments as data, assessments on them, and weekly check-ins."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class Instrument(SQLModel, table=True):
    """A versioned life-domain instrument. Ours is open; licensed ones can be loaded."""

    __table_args__ = (sa.UniqueConstraint("key", "version", name="uq_instrument_key_version"),)

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    key: str = Field(max_length=60, index=True)
    version: int = Field(default=1)
    # Translated texts: {"nl": ..., "en": ...}; Dutch is required.
    name: dict[str, str] = Field(sa_type=sa.JSON)
    licence: str = Field(max_length=200)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    scale_min: int = Field(default=1)
    scale_max: int = Field(default=5)
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class LifeDomain(SQLModel, table=True):
    """One domain of an instrument (housing, money, health, ...)."""

    __tablename__ = "life_domain"
    __table_args__ = (sa.UniqueConstraint("instrument_id", "key", name="uq_domain_instrument_key"),)

    id: int | None = Field(default=None, primary_key=True)
    instrument_id: int = Field(foreign_key="instrument.id", index=True)
    key: str = Field(max_length=60)
    position: int = Field(default=0)
    name: dict[str, str] = Field(sa_type=sa.JSON)
    question: dict[str, str] = Field(sa_type=sa.JSON)
    pictogram: str = Field(default="circle", max_length=60)


class ScaleLevel(SQLModel, table=True):
    """A point on an instrument's scale with a face pictogram and a one-line label."""

    __tablename__ = "scale_level"
    __table_args__ = (sa.UniqueConstraint("instrument_id", "value", name="uq_scale_value"),)

    id: int | None = Field(default=None, primary_key=True)
    instrument_id: int = Field(foreign_key="instrument.id", index=True)
    value: int
    label: dict[str, str] = Field(sa_type=sa.JSON)
    pictogram: str = Field(default="meh", max_length=60)


class Assessment(SQLModel, table=True):
    """A filled-in instrument, by the participant or by their counsellor."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    assessor_id: int = Field(foreign_key="app_user.id", index=True)
    assessor_role: str = Field(max_length=20, index=True)
    instrument_id: int = Field(foreign_key="instrument.id", index=True)
    taken_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    note: str | None = Field(default=None, max_length=2000)


class AssessmentScore(SQLModel, table=True):
    """The score on one domain within one assessment."""

    __tablename__ = "assessment_score"
    __table_args__ = (
        sa.UniqueConstraint("assessment_id", "life_domain_id", name="uq_score_domain"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True)
    life_domain_id: int = Field(foreign_key="life_domain.id", index=True)
    score: int


class CheckIn(SQLModel, table=True):
    """A weekly 'how are you doing' from the participant."""

    __tablename__ = "check_in"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    mood: int  # 1 (bad) .. 5 (good)
    note: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
