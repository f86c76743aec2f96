"""Which counsellor guides which participant, and when (history kept)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class CaseloadAssignment(SQLModel, table=True):
    """A counsellor guides a participant from ``starts_at`` until ``ends_at`` (open = now)."""

    __tablename__ = "caseload_assignment"

    id: int | None = Field(default=None, primary_key=True)
    counsellor_id: int = Field(foreign_key="app_user.id", index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    starts_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    ends_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    handover_note: str | None = Field(default=None, max_length=4000)
