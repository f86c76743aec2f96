"""Reading the audit log: the admin's search, and the participant's "wie keek mee".

Both are paginated in the database (newest first, one row more than a page tells whether a
next page exists, so no count over the whole table) and filter on indexed columns only.
"""

from datetime import datetime
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import AuditEntry, Organisation, User
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.viewer import Viewer

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 200
MAX_USERNAME_LENGTH = 60


class AuditRow(TypedDict):
    """One audit entry as the admin's search shows it (strings only, small)."""

    occurred_at: str  # ISO 8601, UTC
    actor_name: str
    actor_username: str
    actor_role: str
    actor_organisation: str
    participant_name: str
    participant_username: str
    action: str
    category: str
    outcome: str
    client_address: str
    detail: str


class AuditPage(TypedDict):
    """One page of audit rows; ``has_next`` when an older page exists."""

    rows: list[AuditRow]
    page: int
    page_size: int
    has_next: bool


class AccessLogRow(TypedDict):
    """Someone else's allowed access to the participant's data."""

    occurred_at: str  # ISO 8601, UTC
    actor_name: str
    actor_role: str
    actor_organisation: str
    action: str
    category: str


class AccessLogPage(TypedDict):
    """One page of the participant's access log."""

    rows: list[AccessLogRow]
    page: int
    has_next: bool


def _check_paging(page: object, page_size: object) -> tuple[int, int]:
    if (
        not isinstance(page, int)
        or isinstance(page, bool)
        or not 1 <= page <= MAX_PAGE
        or not isinstance(page_size, int)
        or isinstance(page_size, bool)
        or not 1 <= page_size <= MAX_PAGE_SIZE
    ):
        raise InvalidInput(N_("Deze pagina bestaat niet."), f"page {page!r} size {page_size!r}")
    return page, page_size


def _check_username(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_USERNAME_LENGTH:
        raise InvalidInput(N_("Deze gebruikersnaam kan niet bestaan."), repr(value)[:80])
    return value.strip()


def _check_choice(value: object, choices: type) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in {c.value for c in choices}:
        raise InvalidInput(N_("Kies een waarde uit de lijst."), repr(value)[:80])
    return value


def _check_moment(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidInput(N_("Vul een geldige datum in."), repr(value)[:80])
    return value


def _user_id(session: Session, username: str) -> int | None:
    return session.exec(select(User.id).where(User.username == username)).first()


def audit_search(
    session: Session,
    viewer: Viewer,
    *,
    actor_username: str | None = None,
    participant_username: str | None = None,
    category: str | None = None,
    outcome: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    page: int = 1,
    page_size: int = 50,
) -> AuditPage:
    """Search the audit log, newest first (admins only; the search is itself audited).

    Raises:
        AccessDenied: the viewer is not an admin (audited).
        InvalidInput: a filter has the wrong type or value.
    """
    require_role(viewer, Role.ADMIN, session=session, category=Category.AUDIT)
    page, page_size = _check_paging(page, page_size)
    actor_name = _check_username(actor_username)
    subject_name = _check_username(participant_username)
    category = _check_choice(category, Category)
    outcome = _check_choice(outcome, AuditOutcome)
    since, until = _check_moment(since), _check_moment(until)

    conditions = []
    actor_id = subject_id = None
    if actor_name is not None:
        actor_id = _user_id(session, actor_name)
        conditions.append(AuditEntry.actor_id == actor_id)
    if subject_name is not None:
        subject_id = _user_id(session, subject_name)
        conditions.append(AuditEntry.subject_participant_id == subject_id)
    if category is not None:
        conditions.append(AuditEntry.category == category)
    if outcome is not None:
        conditions.append(AuditEntry.outcome == outcome)
    if since is not None:
        conditions.append(AuditEntry.occurred_at >= since)
    if until is not None:
        conditions.append(AuditEntry.occurred_at < until)

    # Searching for a participant reads their audit trail: it shows in their own log.
    audit_record(
        session,
        viewer=viewer,
        participant_id=subject_id if _is_participant(session, subject_id) else None,
        action=Action.READ,
        category=Category.AUDIT,
        outcome=AuditOutcome.ALLOWED,
        detail=_describe_filters(
            actor=actor_name, participant=subject_name, category=category, outcome=outcome
        ),
    )
    if (actor_name is not None and actor_id is None) or (
        subject_name is not None and subject_id is None
    ):
        return AuditPage(rows=[], page=page, page_size=page_size, has_next=False)

    actor = sa.orm.aliased(User)
    subject = sa.orm.aliased(User)
    result = session.exec(
        select(
            AuditEntry,
            actor.display_name,
            actor.username,
            Organisation.name,
            subject.display_name,
            subject.username,
        )
        .outerjoin(actor, actor.id == AuditEntry.actor_id)
        .outerjoin(Organisation, Organisation.id == AuditEntry.actor_organisation_id)
        .outerjoin(subject, subject.id == AuditEntry.subject_participant_id)
        .where(*conditions)
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size + 1)
    ).all()
    rows = [
        AuditRow(
            occurred_at=entry.occurred_at.isoformat(),
            actor_name=a_name or "",
            actor_username=a_user or "",
            actor_role=entry.actor_role or "",
            actor_organisation=org or "",
            participant_name=s_name or "",
            participant_username=s_user or "",
            action=entry.action,
            category=entry.category,
            outcome=entry.outcome,
            client_address=entry.client_address or "",
            detail=entry.detail or "",
        )
        for entry, a_name, a_user, org, s_name, s_user in result[:page_size]
    ]
    return AuditPage(rows=rows, page=page, page_size=page_size, has_next=len(result) > page_size)


def _is_participant(session: Session, user_id: int | None) -> bool:
    user = session.get(User, user_id) if user_id is not None else None
    return user is not None and user.role == Role.PARTICIPANT


def _describe_filters(**filters: str | None) -> str:
    used = [f"{name}={value}" for name, value in filters.items() if value is not None]
    return "search " + (", ".join(used) if used else "(no filters)")


def access_log(
    session: Session, viewer: Viewer, *, page: int = 1, page_size: int = 20
) -> AccessLogPage:
    """Who else looked at or changed the participant's own data, newest first.

    Only allowed accesses by others: refusals showed the participant nothing of theirs.

    Raises:
        AccessDenied: the viewer is not a participant (audited).
        InvalidInput: paging out of range.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.ACCESS_LOG)
    page, page_size = _check_paging(page, page_size)
    actor = sa.orm.aliased(User)
    result = session.exec(
        select(AuditEntry, actor.display_name, Organisation.name)
        .join(actor, actor.id == AuditEntry.actor_id)
        .outerjoin(Organisation, Organisation.id == AuditEntry.actor_organisation_id)
        .where(
            AuditEntry.subject_participant_id == viewer.user_id,
            AuditEntry.outcome == AuditOutcome.ALLOWED.value,
            AuditEntry.actor_id != viewer.user_id,
        )
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size + 1)
    ).all()
    rows = [
        AccessLogRow(
            occurred_at=entry.occurred_at.isoformat(),
            actor_name=name,
            actor_role=entry.actor_role or "",
            actor_organisation=organisation or "",
            action=entry.action,
            category=entry.category,
        )
        for entry, name, organisation in result[:page_size]
    ]
    return AccessLogPage(rows=rows, page=page, has_next=len(result) > page_size)
