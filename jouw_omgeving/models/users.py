"""Users, their login sessions and one-time activation codes."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from jouw_omgeving.models.base import UTCDateTime, utcnow


class User(SQLModel, table=True):
    """Anyone who logs in. ``role`` decides the pages; relations decide the data."""

    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL
    __table_args__ = (
        sa.UniqueConstraint("organisation_id", "oidc_subject", name="uq_user_org_subject"),
    )

    id: int | None = Field(default=None, primary_key=True)
    public_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True, index=True)
    role: str = Field(max_length=20, index=True)
    display_name: str = Field(max_length=120)
    # Login name; participants choose one at activation, so it may be empty before.
    username: str | None = Field(default=None, max_length=60, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=255)
    totp_secret: str | None = Field(default=None, max_length=64)
    # Set for a staff account an admin created (one-time initial password): until the user
    # chose their own password, every page refuses their session (state.session.authenticate).
    must_change_password: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa.false()}
    )
    oidc_subject: str | None = Field(default=None, max_length=255)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    is_team_lead: bool = Field(default=False)
    is_content_editor: bool = Field(default=False)
    # Stable random code that evaluators' aggregates are keyed on, never the name.
    pseudonym: str = Field(default_factory=lambda: uuid.uuid4().hex[:12], unique=True)
    language: str = Field(default="nl", max_length=8)
    large_text: bool = Field(default=False)
    active: bool = Field(default=True, index=True)
    enrolled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_active_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    deactivated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginSession(SQLModel, table=True):
    """A server-side session. The browser holds only the random token; we store its hash."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    idle_timeout_seconds: int
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    client_address: str | None = Field(default=None, max_length=64)


class ActivationCode(SQLModel, table=True):
    """A one-time code a counsellor hands a participant to set up (or reset) a login."""

    __tablename__ = "activation_code"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginAttempt(SQLModel, table=True):
    """Failed and successful logins, for throttling per account and per client address."""

    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, index=True)
    client_address: str = Field(max_length=64, index=True)
    succeeded: bool
    attempted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
