"""The one guard every service uses: role x relation, with the audit log written here.

A participant reaches their own data; a counsellor the participants on their active caseload
(a team lead also those of their team); other roles get their own guards as features land.
Refusals raise :class:`AccessDenied` and are audited; they never look like "no data".
"""

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.viewer import Viewer


def require_role(viewer: Viewer, *roles: Role) -> None:
    """Refuse unless the viewer has one of ``roles``."""
    if viewer.role not in roles:
        raise AccessDenied(f"role {viewer.role} not in {[r.value for r in roles]}")


def active_caseload_condition(counsellor_id: int):
    """SQL condition: the caseload assignment row is this counsellor's and open now."""
    now = utcnow()
    return sa.and_(
        CaseloadAssignment.counsellor_id == counsellor_id,
        CaseloadAssignment.starts_at <= now,
        sa.or_(CaseloadAssignment.ends_at.is_(None), CaseloadAssignment.ends_at > now),
    )


def _counsellor_reaches(session: Session, viewer: Viewer, participant_id: int) -> bool:
    on_caseload = session.exec(
        select(CaseloadAssignment.id)
        .where(active_caseload_condition(viewer.user_id))
        .where(CaseloadAssignment.participant_id == participant_id)
    ).first()
    if on_caseload is not None:
        return True
    if viewer.is_team_lead and viewer.team_id is not None:
        participant = session.get(User, participant_id)
        return participant is not None and participant.team_id == viewer.team_id
    return False


def require_participant_access(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    category: str,
    action: str = "read",
) -> None:
    """Refuse unless ``viewer`` may ``action`` the ``category`` data of this participant.

    Access by anyone but the participant is audited, allowed or refused.
    """
    if viewer.role == Role.PARTICIPANT and viewer.user_id == participant_id:
        return
    allowed = viewer.role == Role.COUNSELLOR and _counsellor_reaches(
        session, viewer, participant_id
    )
    audit_record(
        session,
        viewer=viewer,
        participant_id=participant_id,
        action=action,
        category=category,
        outcome=AuditOutcome.ALLOWED if allowed else AuditOutcome.REFUSED,
    )
    if not allowed:
        # The refusal must be stored even though the caller's transaction rolls back.
        session.commit()
        raise AccessDenied(f"{viewer.role} {viewer.user_id} -> participant {participant_id}")
