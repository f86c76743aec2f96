"""Participant accounts a counsellor manages: create one, hand out a (new) activation code.

Participants have no e-mail or phone: the counsellor creates the account with only a display
name, and gives the participant a one-time activation code in person. A new code ("PIN
vergeten", "telefoon kwijt") ends the old codes, the old PIN or password and every session.
"""

from datetime import datetime

from sqlmodel import Session, select

from jouw_omgeving.auth.activation import activation_code_create
from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import CaseloadAssignment, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.access import refuse, require_participant_access
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer

DISPLAY_NAME_MIN = 2
DISPLAY_NAME_MAX = 120
DISPLAY_NAME_RULES = N_("Vul een naam in van 2 tot 120 tekens.")
ACCOUNT_CATEGORY = "account"


def clean_display_name(display_name: str) -> str:
    """The display name with spaces tidied; raises ``InvalidInput`` when unusable."""
    name = " ".join(display_name.split())
    if not DISPLAY_NAME_MIN <= len(name) <= DISPLAY_NAME_MAX or not name.isprintable():
        raise InvalidInput(DISPLAY_NAME_RULES)
    return name


def _refuse_unless_counsellor(
    session: Session, viewer: Viewer, participant_id: int | None, action: str
) -> None:
    """Only counsellors manage participant logins; others are refused and audited."""
    if viewer.role != Role.COUNSELLOR:
        refuse(
            session,
            viewer,
            participant_id=participant_id,
            category=ACCOUNT_CATEGORY,
            action=action,
            detail=f"role {viewer.role} may not {action} participant logins",
        )


def participant_create(
    session: Session, viewer: Viewer, display_name: str, *, now: datetime | None = None
) -> tuple[User, str]:
    """A counsellor creates a participant on their own caseload; returns it and its code.

    The participant joins the counsellor's organisation and team.
    """
    _refuse_unless_counsellor(session, viewer, None, "create")
    name = clean_display_name(display_name)
    now = now or utcnow()
    participant = User(
        role=Role.PARTICIPANT,
        display_name=name,
        organisation_id=viewer.organisation_id,
        team_id=viewer.team_id,
        enrolled_at=now,
        created_at=now,
    )
    session.add(participant)
    session.flush()
    session.add(
        CaseloadAssignment(
            counsellor_id=viewer.user_id,
            participant_id=participant.id,
            starts_at=now,
            created_by_id=viewer.user_id,
        )
    )
    audit_record(
        session,
        viewer=viewer,
        participant_id=participant.id,
        action="create",
        category=ACCOUNT_CATEGORY,
        outcome=AuditOutcome.ALLOWED,
    )
    code = activation_code_create(
        session, user_id=participant.id, created_by_id=viewer.user_id, now=now
    )
    return participant, code


def participant_by_public_id(session: Session, participant_public_id: object) -> User:
    """The participant with this public id; ``NotFound`` for anything else."""
    public_id = parse_public_id(participant_public_id)
    if public_id is None:
        raise NotFound("not a public id")
    participant = session.exec(
        select(User).where(User.public_id == public_id, User.role == Role.PARTICIPANT)
    ).first()
    if participant is None:
        raise NotFound("no such participant")
    return participant


def require_account_access(
    session: Session, viewer: Viewer, participant_public_id: str, *, action: str
) -> User:
    """The participant whose account ``viewer`` (their counsellor) may ``action``; audited."""
    participant = participant_by_public_id(session, participant_public_id)
    _refuse_unless_counsellor(session, viewer, participant.id, action)
    require_participant_access(
        session, viewer, participant_id=participant.id, category=ACCOUNT_CATEGORY, action=action
    )
    return participant


def activation_code_issue(
    session: Session,
    viewer: Viewer,
    participant_public_id: str,
    *,
    now: datetime | None = None,
) -> str:
    """A new activation code for a participant on the counsellor's caseload.

    Older unused codes stop working, the old PIN or password too, and every session of the
    participant ends: whoever has the lost phone is logged out.
    """
    participant = require_account_access(session, viewer, participant_public_id, action="update")
    if not participant.active:
        raise NotFound("participant account is not active")
    now = now or utcnow()
    code = activation_code_create(
        session, user_id=participant.id, created_by_id=viewer.user_id, now=now
    )
    participant.password_hash = None
    session.add(participant)
    session_revoke_all(session, user_id=participant.id, now=now)
    return code
