"""The append-only audit log: every access to a participant's data by someone else.

This module only ever *adds* entries. No service updates or deletes one (a test proves it);
reading is in :mod:`jouw_omgeving.services.audit_log`.
"""

from datetime import datetime, timedelta

from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome
from jouw_omgeving.services.viewer import Viewer


def audit_record(
    session: Session,
    *,
    viewer: Viewer,
    participant_id: int | None,
    action: str,
    category: str,
    outcome: AuditOutcome,
    detail: str | None = None,
) -> None:
    """Append one audit entry (who, whose, what, when, where, outcome)."""
    session.add(
        AuditEntry(
            actor_id=viewer.user_id,
            actor_role=viewer.role,
            actor_organisation_id=viewer.organisation_id,
            subject_participant_id=participant_id,
            action=str(action),
            category=str(category),
            outcome=AuditOutcome(outcome).value,
            client_address=viewer.client_address,
            detail=detail[:500] if detail else None,
        )
    )


def audit_record_unless_repeated(
    session: Session,
    *,
    viewer: Viewer,
    category: str,
    detail: str,
    window: timedelta,
    now: datetime | None = None,
) -> None:
    """Append an allowed read without a participant, unless it repeats the viewer's last one.

    For pages that refresh themselves (the caseload overview every few seconds): the same
    view from the same address within ``window`` is the same look, so it is written once.
    """
    now = now or utcnow()
    last = session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.actor_id == viewer.user_id,
            AuditEntry.category == str(category),
            AuditEntry.occurred_at > now - window,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is not None and last.detail == detail and last.client_address == viewer.client_address:
        return
    audit_record(
        session,
        viewer=viewer,
        participant_id=None,
        action="read",
        category=category,
        outcome=AuditOutcome.ALLOWED,
        detail=detail,
    )


def audit_refused_without_session(
    session: Session,
    *,
    client_address: str | None,
    action: str,
    category: str,
    detail: str,
) -> None:
    """Append and commit a refusal of someone who is not logged in (no or an expired session).

    For plain HTTP routes that serve personal data: the attempt is on record even though
    there is nobody to name.
    """
    session.add(
        AuditEntry(
            actor_id=None,
            actor_role=None,
            subject_participant_id=None,
            action=str(action),
            category=str(category),
            outcome=AuditOutcome.REFUSED.value,
            client_address=client_address[:64] if client_address else None,
            detail=detail[:500],
        )
    )
    session.commit()
