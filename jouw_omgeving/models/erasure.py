"""A participant's request to erase their data (AVG art. 17) and how an admin handled it."""

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class ErasureRequest(SQLModel, table=True):
    """Asked by the participant; carried out (or refused) by an admin.

    ``note`` explains in plain Dutch what was kept after the erasure, why and until when.
    """

    __tablename__ = "erasure_request"

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    requested_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    status: str = Field(default="requested", max_length=20, index=True)  # requested|done|refused
    handled_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    handled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    note: str | None = Field(default=None, max_length=4000)
