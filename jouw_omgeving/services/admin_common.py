"""What every admin service shares: the role check, lookups by public id, the audit line.

Admin changes are not about one participant's care data, so their audit entries have no
participant (``participant_id=None``) and the category ``administration`` (organisations,
teams, staff accounts) or ``account`` (a participant's login).
"""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation, Team, User
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer

NAME_RULES = N_("Vul een naam in van 2 tot 200 tekens.")


def admin_only(session: Session, viewer: Viewer, action: str = Action.READ) -> None:
    """Refuse (audited) anyone who is not an admin."""
    require_role(
        viewer, Role.ADMIN, session=session, category=Category.ADMINISTRATION, action=action
    )


def admin_audit(
    session: Session,
    viewer: Viewer,
    *,
    action: str,
    detail: str,
    participant_id: int | None = None,
    category: str = Category.ADMINISTRATION,
) -> None:
    """Write the audit line of an admin's change (allowed: the role check came first)."""
    audit_record(
        session,
        viewer=viewer,
        participant_id=participant_id,
        action=str(action),
        category=str(category),
        outcome=AuditOutcome.ALLOWED,
        detail=detail,
    )


def clean_name(value: object, *, maximum: int = 200) -> str:
    """A name with spaces tidied (2 to ``maximum`` printable characters) or ``InvalidInput``."""
    if not isinstance(value, str):
        raise InvalidInput(NAME_RULES, "name is not text")
    name = " ".join(value.split())
    if not 2 <= len(name) <= maximum or not name.isprintable():
        raise InvalidInput(NAME_RULES, f"name of {len(name)} characters")
    return name


def organisation_by_public_id(session: Session, public_id: object) -> Organisation:
    """The organisation with this public id, or ``NotFound`` (also for garbage ids)."""
    parsed = parse_public_id(public_id)
    row = (
        session.exec(select(Organisation).where(Organisation.public_id == parsed)).first()
        if parsed
        else None
    )
    if row is None:
        raise NotFound("no such organisation")
    return row


def team_by_public_id(session: Session, public_id: object) -> Team:
    """The team with this public id, or ``NotFound``."""
    parsed = parse_public_id(public_id)
    row = session.exec(select(Team).where(Team.public_id == parsed)).first() if parsed else None
    if row is None:
        raise NotFound("no such team")
    return row


def user_by_public_id(session: Session, public_id: object) -> User:
    """The user (any role) with this public id, or ``NotFound``."""
    parsed = parse_public_id(public_id)
    row = session.exec(select(User).where(User.public_id == parsed)).first() if parsed else None
    if row is None:
        raise NotFound("no such user")
    return row


def name_search(text: str) -> sa.ColumnElement[bool]:
    """Display name or username contains ``text`` (case-insensitive, wildcards escaped)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(
        sa.func.lower(User.display_name).like(pattern, escape="\\"),
        sa.func.lower(User.username).like(pattern, escape="\\"),
    )


def users_page(
    session: Session, query: Any, *, search: str, page: int, page_size: int
) -> tuple[list[Any], bool]:
    """One page of a user query, by name (searched when ``search``), and whether more follow.

    One row more than a page is fetched to know whether a next page exists: no count.
    """
    if search:
        query = query.where(name_search(search))
    found = session.exec(
        query.order_by(User.display_name, User.id)
        .offset((page - 1) * page_size)
        .limit(page_size + 1)
    ).all()
    return list(found[:page_size]), len(found) > page_size
