"""The participant's own network: relatives, friends, buddies they invited."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class NetworkMembership(SQLModel, table=True):
    """A participant invited someone with a one-time code; either side may end it."""

    __tablename__ = "network_membership"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    # Empty until the invitation is accepted and the member has an account.
    member_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    relation: str = Field(max_length=80)  # "zus", "buddy", ... in the participant's words
    invite_code_hash: str | None = Field(default=None, max_length=64, unique=True)
    invite_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    invited_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
