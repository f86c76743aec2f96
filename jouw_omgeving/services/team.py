"""The team lead's view: the team's caseloads, and handing a participant over to a colleague.

A handover ends the old caseload assignment and starts a new one with the note (history is
kept, nothing is deleted); the old counsellor loses access at the very next request, because
the guard asks the database for an open assignment every time.
"""

from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import CaseloadAssignment, Team, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_role,
)
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer

MAX_HANDOVER_LENGTH = 4000

NOTE_REFUSED = N_("Schrijf een overdrachtsnotitie (hoogstens 4000 tekens).")
COUNSELLOR_REFUSED = N_("Kies een begeleider uit je team.")
SAME_COUNSELLOR = N_("Deze deelnemer staat al bij deze begeleider.")


class TeamParticipant(TypedDict):
    """A participant on a team member's caseload."""

    public_id: str
    name: str


class TeamCaseload(TypedDict):
    """One counsellor of the team with their active caseload.

    ``active`` is false for a counsellor whose account was switched off while participants
    are still assigned to them: those participants stay visible, so the lead can hand them over.
    """

    public_id: str
    name: str
    active: bool
    participants: list[TeamParticipant]


class TeamView(TypedDict):
    """The team lead's team: its name and every counsellor's caseload."""

    team: str
    caseloads: list[TeamCaseload]


def _require_team_lead(session: Session, viewer: Viewer, action: str = Action.READ) -> None:
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.CASELOAD)
    if not viewer.is_team_lead or viewer.team_id is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.CASELOAD,
            action=action,
            detail="not a team lead",
        )


def _team_counsellors(
    session: Session, team_id: int, *, include_inactive: bool = False
) -> list[User]:
    query = select(User).where(User.team_id == team_id, User.role == Role.COUNSELLOR)
    if not include_inactive:
        query = query.where(User.active.is_(True))
    return list(session.exec(query.order_by(User.display_name, User.id)).all())


def team_caseloads(session: Session, viewer: Viewer) -> TeamView:
    """Every counsellor of the lead's team with the participants they guide now (audited).

    A switched-off counsellor is listed (marked inactive) while participants of the team are
    still assigned to them, so nobody of the team drops out of the lead's sight.
    """
    _require_team_lead(session, viewer)
    team = session.get(Team, viewer.team_id)
    counsellors = _team_counsellors(session, viewer.team_id, include_inactive=True)
    now = utcnow()
    rows = session.exec(
        select(CaseloadAssignment.counsellor_id, User.public_id, User.display_name)
        .join(User, User.id == CaseloadAssignment.participant_id)
        .where(
            CaseloadAssignment.counsellor_id.in_([c.id for c in counsellors]),
            CaseloadAssignment.starts_at <= now,
            (CaseloadAssignment.ends_at.is_(None)) | (CaseloadAssignment.ends_at > now),
            User.role == Role.PARTICIPANT,
            User.team_id == viewer.team_id,
        )
        .order_by(User.display_name, User.id)
    ).all()
    by_counsellor: dict[int, list[TeamParticipant]] = {c.id: [] for c in counsellors}
    for counsellor_id, public_id, name in rows:
        by_counsellor[counsellor_id].append(TeamParticipant(public_id=str(public_id), name=name))
    audit_record(
        session,
        viewer=viewer,
        participant_id=None,
        action=Action.READ,
        category=Category.CASELOAD,
        outcome=AuditOutcome.ALLOWED,
        detail=f"team {viewer.team_id}: {len(rows)} participants",
    )
    return TeamView(
        team=team.name if team else "",
        caseloads=[
            TeamCaseload(
                public_id=str(c.public_id),
                name=c.display_name,
                active=c.active,
                participants=by_counsellor[c.id],
            )
            for c in counsellors
            if c.active or by_counsellor[c.id]
        ],
    )


def participant_reassign(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    counsellor_public_id: object,
    handover_note: object,
) -> CaseloadAssignment:
    """Hand a participant of the lead's team over to another counsellor of the team.

    Ends every open caseload assignment of the participant now and starts a new one with
    the handover note. Audited by the guard (caseload, update).

    Raises:
        AccessDenied: not a team lead, or the participant is not in the lead's team.
        InvalidInput: no note, a note too long, or a counsellor outside the team.
    """
    _require_team_lead(session, viewer, Action.UPDATE)
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.CASELOAD, action=Action.UPDATE
    )
    if (
        not isinstance(handover_note, str)
        or not handover_note.strip()
        or len(handover_note) > MAX_HANDOVER_LENGTH
    ):
        raise InvalidInput(NOTE_REFUSED, "handover note refused")
    parsed = parse_public_id(counsellor_public_id)
    target = next(
        (c for c in _team_counsellors(session, viewer.team_id) if c.public_id == parsed), None
    )
    if target is None:
        raise InvalidInput(COUNSELLOR_REFUSED, f"counsellor {counsellor_public_id!r}"[:80])
    now = utcnow()
    current = session.exec(
        select(CaseloadAssignment).where(
            CaseloadAssignment.participant_id == participant.id,
            CaseloadAssignment.starts_at <= now,
            (CaseloadAssignment.ends_at.is_(None)) | (CaseloadAssignment.ends_at > now),
        )
    ).all()
    if any(a.counsellor_id == target.id for a in current):
        raise InvalidInput(SAME_COUNSELLOR, "already on this caseload")
    for assignment in current:
        assignment.ends_at = now
        session.add(assignment)
    new = CaseloadAssignment(
        counsellor_id=target.id,
        participant_id=participant.id,
        starts_at=now,
        created_by_id=viewer.user_id,
        handover_note=handover_note.strip(),
    )
    session.add(new)
    session.flush()
    return new
