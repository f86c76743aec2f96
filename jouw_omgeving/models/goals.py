"""Goals in the participant's own words, small steps, their history and sharing."""

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class Goal(SQLModel, table=True):
    """Something a participant wants to reach."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    created_by_id: int = Field(foreign_key="app_user.id", index=True)
    title: str = Field(max_length=300)
    life_domain_id: int | None = Field(default=None, foreign_key="life_domain.id", index=True)
    status: str = Field(default="active", max_length=20, index=True)
    due_date: date | None = Field(default=None, index=True)
    # Who helps, in the participant's words ("mijn zus", "Anja van de schuldhulp").
    helpers: str | None = Field(default=None, max_length=300)
    # A counsellor's suggestion waits for the participant to accept it.
    suggested: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class GoalStep(SQLModel, table=True):
    """A small step towards a goal."""

    __tablename__ = "goal_step"

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    title: str = Field(max_length=300)
    position: int = Field(default=0)
    status: str = Field(default="open", max_length=20, index=True)
    due_date: date | None = Field(default=None, index=True)
    created_by_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    # A counsellor's suggested step waits for the participant to accept it (or decline it).
    suggested: bool = Field(default=False)


class GoalStatusChange(SQLModel, table=True):
    """Append-only history of goal and step status changes."""

    __tablename__ = "goal_status_change"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    step_id: int | None = Field(default=None, foreign_key="goal_step.id", index=True)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    changed_by_id: int = Field(foreign_key="app_user.id", index=True)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class GoalShare(SQLModel, table=True):
    """A goal shared with one network member, until revoked."""

    __tablename__ = "goal_share"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    network_member_id: int = Field(foreign_key="app_user.id", index=True)
    shared_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
