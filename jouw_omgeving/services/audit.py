"""The append-only audit log: every access to a participant's data by someone else.

This module only ever *adds* entries. No service updates or deletes one (a test proves it);
reading is in :mod:`jouw_omgeving.services.audit_log`.
"""

from sqlmodel import Session

from jouw_omgeving.models import AuditEntry
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
