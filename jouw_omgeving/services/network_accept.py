"""The moment an invited network member activates their account: the invite is accepted.

Kept apart from :mod:`.network_invites` so the activation flow (``auth/activation.py``) can
call it without importing the invite service (which itself creates activation codes).
"""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from jouw_omgeving.models import NetworkMembership
from jouw_omgeving.models.base import utcnow


def network_invites_accept(session: Session, *, member_id: int, now: datetime | None = None) -> int:
    """Accept every open, unexpired invite of this (just activated) member; return how many.

    Called by the activation service after it has checked and used the one-time code.
    """
    now = now or utcnow()
    result = session.exec(
        sa.update(NetworkMembership)
        .where(
            NetworkMembership.member_id == member_id,
            NetworkMembership.accepted_at.is_(None),
            NetworkMembership.ended_at.is_(None),
            sa.or_(
                NetworkMembership.invite_expires_at.is_(None),
                NetworkMembership.invite_expires_at > now,
            ),
        )
        .values(accepted_at=now)
    )
    return result.rowcount
