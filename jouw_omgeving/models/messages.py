"""Secure message threads, messages, read markers and attachments."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class MessageThread(SQLModel, table=True):
    """A conversation of a participant with their counsellor(s) or a network member."""

    __tablename__ = "message_thread"

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    participant_id: int = Field(foreign_key="app_user.id", index=True)
    kind: str = Field(default="counsellor", max_length=20, index=True)
    network_member_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_message_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)


class Message(SQLModel, table=True):
    """One message. ``idempotency_key`` makes a resend after a dropped connection harmless."""

    __table_args__ = (
        sa.UniqueConstraint("sender_id", "idempotency_key", name="uq_message_idempotency"),
        sa.Index("ix_message_thread_created", "thread_id", "created_at"),
        # Who wrote when: the evaluation reads it from this index alone (no table scan).
        sa.Index("ix_message_sender_created", "sender_id", "created_at"),
        # A thread's newest message (live poll, inbox) and its unread ones: one index probe.
        sa.Index("ix_message_thread_id_id", "thread_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    thread_id: int = Field(foreign_key="message_thread.id")  # indexed with id (above)
    sender_id: int = Field(foreign_key="app_user.id")  # indexed with created_at (above)
    body: str = Field(max_length=5000)
    idempotency_key: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class ThreadReadMarker(SQLModel, table=True):
    """How far a user has read a thread: messages up to this id count as read (receipts)."""

    __tablename__ = "thread_read_marker"
    __table_args__ = (sa.UniqueConstraint("thread_id", "user_id", name="uq_read_marker"),)

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    last_read_message_id: int = Field(default=0)
    read_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Attachment(SQLModel, table=True):
    """A file sent with a message, stored outside the served assets under ``storage_key``."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    message_id: int = Field(foreign_key="message.id", index=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size_bytes: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=255, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
