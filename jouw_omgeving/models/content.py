"""Information, assignments and lessons; versions; what a participant was given and did."""

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class ContentItem(SQLModel, table=True):
    """A piece of content. Its text lives in versions; the highest published one is shown."""

    __tablename__ = "content_item"

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    slug: str = Field(max_length=120, unique=True, index=True)
    kind: str = Field(max_length=20, index=True)
    # e.g. "digital_skills" for the lessons of the digital-skills track.
    track: str | None = Field(default=None, max_length=60, index=True)
    position: int = Field(default=0)
    life_domain_key: str | None = Field(default=None, max_length=60, index=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    status: str = Field(default="draft", max_length=20, index=True)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ContentVersion(SQLModel, table=True):
    """An immutable version: translated title and Markdown body, and questions if any."""

    __tablename__ = "content_version"
    __table_args__ = (sa.UniqueConstraint("content_id", "version", name="uq_content_version"),)

    id: int | None = Field(default=None, primary_key=True)
    content_id: int = Field(foreign_key="content_item.id", index=True)
    version: int
    title: dict[str, str] = Field(sa_type=sa.JSON)
    body: dict[str, str] = Field(sa_type=sa.JSON)
    # [{"key", "type": text|choice|checklist, "prompt": {nl,en}, "options": [{nl,en}], "answer"?}]
    questions: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Assignment(SQLModel, table=True):
    """Content given to a participant (by a counsellor, or chosen by themselves)."""

    __table_args__ = (sa.Index("ix_assignment_participant_status", "participant_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    content_id: int = Field(foreign_key="content_item.id", index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    # Empty when the participant picked it from the library themselves.
    assigned_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    status: str = Field(default="open", max_length=20, index=True)
    due_date: date | None = Field(default=None)
    assigned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class Submission(SQLModel, table=True):
    """A participant's answers; it keeps the content version it answered."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    content_version_id: int = Field(foreign_key="content_version.id", index=True)
    answers: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    status: str = Field(default="draft", max_length=20, index=True)
    saved_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)


class Feedback(SQLModel, table=True):
    """The counsellor's response to a submission."""

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    author_id: int = Field(foreign_key="app_user.id", index=True)
    body: str = Field(max_length=4000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
