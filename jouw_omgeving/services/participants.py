"""One participant as staff see them: resolved from a public id that came from a browser."""

from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category, refuse, require_participant_access
from jouw_omgeving.services.goals import GoalCard, goal_board
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer


class ParticipantSummary(TypedDict):
    """What the participant detail page shows: name and goal board."""

    public_id: str
    name: str
    goals: list[GoalCard]


def participant_by_public_id(
    session: Session,
    viewer: Viewer,
    public_id: object,
    *,
    category: Category,
    action: Action = Action.READ,
) -> User:
    """The participant behind ``public_id`` once ``viewer`` may reach that category.

    Unknown, malformed and forbidden ids are refused alike (same error, same message), so
    the answer never tells whether someone exists; every refusal is audited.
    """
    parsed = parse_public_id(public_id)
    participant = (
        session.exec(
            select(User).where(User.public_id == parsed, User.role == Role.PARTICIPANT)
        ).first()
        if parsed is not None
        else None
    )
    if participant is None:
        shown = repr(public_id)[:60]
        refuse(
            session,
            viewer,
            participant_id=None,
            category=category,
            action=action,
            detail=f"unknown or malformed participant id {shown}",
        )
    require_participant_access(
        session, viewer, participant_id=participant.id, category=category, action=action
    )
    return participant


def participant_summary(
    session: Session, viewer: Viewer, participant_public_id: object
) -> ParticipantSummary:
    """Name and goal board of one participant, for whoever the guard lets through.

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message for all three).
    """
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.PROFILE
    )
    return ParticipantSummary(
        public_id=str(participant.public_id),
        name=participant.display_name,
        goals=goal_board(session, viewer, participant_id=participant.id),
    )
