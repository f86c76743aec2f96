"""Participants' account status as an admin sees it: never any care data.

An admin may see whether a participant's account is active, whether it was activated (a
login chosen) and when it was last used; never goals, messages or anything else. Each
participant shown is reached through the guard (category ``account``), so it is audited.
"""

from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.models import Organisation, User
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category, require_participant_access
from jouw_omgeving.services.admin_accounts import PAGE_SIZE, clean_search
from jouw_omgeving.services.admin_common import admin_only, users_page
from jouw_omgeving.services.viewer import Viewer


class ParticipantStatusRow(TypedDict):
    """Account status of one participant."""

    public_id: str
    display_name: str
    username: str
    organisation: str
    active: bool
    activated: bool
    last_active_at: str


class ParticipantStatusPage(TypedDict):
    """One page of participant statuses."""

    rows: list[ParticipantStatusRow]
    page: int
    has_next: bool


def participant_statuses(
    session: Session,
    viewer: Viewer,
    *,
    search: object = None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> ParticipantStatusPage:
    """Participants by name with their account status, paginated in SQL; each one audited."""
    admin_only(session, viewer)
    text = clean_search(search)
    page = max(1, int(page))
    query = (
        select(User, Organisation.name)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .where(User.role == Role.PARTICIPANT)
    )
    found, has_next = users_page(session, query, search=text, page=page, page_size=page_size)
    rows = []
    for user, organisation in found:
        require_participant_access(
            session, viewer, participant_id=user.id, category=Category.ACCOUNT, action=Action.READ
        )
        rows.append(
            ParticipantStatusRow(
                public_id=str(user.public_id),
                display_name=user.display_name,
                username=user.username or "",
                organisation=organisation or "",
                active=user.active,
                activated=user.password_hash is not None,
                last_active_at=user.last_active_at.isoformat() if user.last_active_at else "",
            )
        )
    return ParticipantStatusPage(rows=rows, page=page, has_next=has_next)
