"""A user's open login sessions, as an admin sees and ends them.

Session rows have no public id; the admin's page keeps their ids on the server and the
browser only names a row by its place in the list it was shown. A participant's sessions
are account data of that participant: reaching them goes through the guard (audited).
"""

from datetime import datetime
from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.models import LoginSession, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category, require_participant_access
from jouw_omgeving.services.admin_common import admin_audit, admin_only, user_by_public_id
from jouw_omgeving.services.errors import NotFound
from jouw_omgeving.services.viewer import Viewer

MAX_SESSIONS_SHOWN = 50


class SessionRow(TypedDict):
    """One open session: when it started, when it was last used, from which address."""

    session_id: int
    created_at: str
    last_seen_at: str
    client_address: str


def _target(session: Session, viewer: Viewer, user_public_id: object, action: str) -> User:
    admin_only(session, viewer, action)
    user = user_by_public_id(session, user_public_id)
    if user.role == Role.PARTICIPANT:
        require_participant_access(
            session, viewer, participant_id=user.id, category=Category.ACCOUNT, action=action
        )
    return user


def _open(user_id: int, now: datetime):
    return select(LoginSession).where(
        LoginSession.user_id == user_id,
        LoginSession.revoked_at.is_(None),
        LoginSession.expires_at > now,
    )


def user_sessions(session: Session, viewer: Viewer, *, user_public_id: object) -> list[SessionRow]:
    """The user's open sessions, newest first (at most :data:`MAX_SESSIONS_SHOWN`)."""
    user = _target(session, viewer, user_public_id, Action.READ)
    rows = session.exec(
        _open(user.id, utcnow())
        .order_by(LoginSession.created_at.desc(), LoginSession.id.desc())
        .limit(MAX_SESSIONS_SHOWN)
    ).all()
    return [
        SessionRow(
            session_id=row.id,
            created_at=row.created_at.isoformat(),
            last_seen_at=row.last_seen_at.isoformat(),
            client_address=row.client_address or "",
        )
        for row in rows
    ]


def user_session_end(
    session: Session, viewer: Viewer, *, user_public_id: object, session_id: int
) -> None:
    """End one open session of this user."""
    user = _target(session, viewer, user_public_id, Action.UPDATE)
    now = utcnow()
    row = session.exec(_open(user.id, now).where(LoginSession.id == session_id)).first()
    if row is None:
        raise NotFound("no such open session of this user")
    row.revoked_at = now
    session.add(row)
    participant_id = user.id if user.role == Role.PARTICIPANT else None
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"user {user.public_id}: one session ended",
        participant_id=participant_id,
        category=Category.ACCOUNT,
    )


def user_sessions_end_all(session: Session, viewer: Viewer, *, user_public_id: object) -> int:
    """End every open session of this user; returns how many."""
    user = _target(session, viewer, user_public_id, Action.UPDATE)
    ended = session_revoke_all(session, user_id=user.id)
    participant_id = user.id if user.role == Role.PARTICIPANT else None
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"user {user.public_id}: {ended} sessions ended",
        participant_id=participant_id,
        category=Category.ACCOUNT,
    )
    return ended
