"""Staff accounts as an admin manages them: list, create, link to the organisation's login,
deactivate and reactivate. Admins only; every change audited.

A new staff account gets a one-time initial password, shown to the admin once and stored
only as a hash. With it the new user logs in and, as every staff login without a second
factor yet, enrols an authenticator app at once (:mod:`jouw_omgeving.auth.local_login`);
then they must choose their own password before any page opens
(:mod:`jouw_omgeving.services.own_password`).
"""

import secrets
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.auth.activation import USERNAME_TAKEN, username_problem
from jouw_omgeving.auth.passwords import hash_secret
from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation, Team, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import STAFF_ROLES, OrganisationKind, Role
from jouw_omgeving.services.access import Action
from jouw_omgeving.services.accounts import clean_display_name
from jouw_omgeving.services.admin_common import (
    admin_audit,
    admin_only,
    organisation_by_public_id,
    team_by_public_id,
    user_by_public_id,
    users_page,
)
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.viewer import Viewer

PAGE_SIZE = 25
SEARCH_MAX = 60
OIDC_SUBJECT_MAX = 255
ROLE_RULES = N_("Kies een rol uit de lijst.")
TEAM_NEEDED = N_("Kies een team: een begeleider hoort bij een team.")
TEAM_ELSEWHERE = N_("Dit team hoort niet bij de gekozen organisatie.")
PARTNER_ORGANISATION_NEEDED = N_("Een ketenpartner hoort bij een partnerorganisatie.")
OWN_ORGANISATION_NEEDED = N_("Kies een eigen organisatie voor deze rol.")
NOT_SELF = N_("Je kunt je eigen account niet uitzetten.")
SUBJECT_TAKEN = N_("Deze inlog-ID is in deze organisatie al aan een ander account gekoppeld.")
SUBJECT_RULES = N_("Een inlog-ID heeft hoogstens 255 tekens, zonder spaties.")
NOT_STAFF = N_("Dit is geen account van een medewerker.")
SEARCH_RULES = N_("Zoek op hoogstens 60 tekens.")


class StaffRow(TypedDict):
    """One staff account in the admin's list. No care data."""

    public_id: str
    display_name: str
    username: str
    role: str
    organisation: str
    team: str
    is_team_lead: bool
    active: bool
    has_second_factor: bool
    oidc_linked: bool
    last_active_at: str


class StaffPage(TypedDict):
    """One page of staff accounts; ``has_next`` when another page follows."""

    rows: list[StaffRow]
    page: int
    has_next: bool


def clean_role(value: object) -> Role:
    """A staff role from the enum, or ``InvalidInput``."""
    try:
        role = Role(value) if isinstance(value, str) else None
    except ValueError:
        role = None
    if role not in STAFF_ROLES:
        raise InvalidInput(ROLE_RULES, f"role {str(value)[:40]!r}")
    return role


def clean_search(value: object) -> str:
    """A search text (may be empty) of at most :data:`SEARCH_MAX` characters."""
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > SEARCH_MAX:
        raise InvalidInput(SEARCH_RULES, "search is not short text")
    return " ".join(value.split())


def staff_row(user: User, organisation: str, team: str) -> StaffRow:
    """The list row of one staff account."""
    return StaffRow(
        public_id=str(user.public_id),
        display_name=user.display_name,
        username=user.username or "",
        role=user.role,
        organisation=organisation,
        team=team,
        is_team_lead=user.is_team_lead,
        active=user.active,
        has_second_factor=bool(user.totp_secret),
        oidc_linked=bool(user.oidc_subject),
        last_active_at=user.last_active_at.isoformat() if user.last_active_at else "",
    )


def staff_list(
    session: Session,
    viewer: Viewer,
    *,
    role: object = None,
    search: object = None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> StaffPage:
    """Staff accounts by name, filtered by role and a name/username search, paginated in SQL."""
    admin_only(session, viewer)
    roles = [clean_role(role)] if role else sorted(STAFF_ROLES)
    text = clean_search(search)
    page = max(1, int(page))
    query = (
        select(User, Organisation.name, Team.name)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .outerjoin(Team, Team.id == User.team_id)
        .where(User.role.in_([str(r) for r in roles]))
    )
    found, has_next = users_page(session, query, search=text, page=page, page_size=page_size)
    rows = [staff_row(user, org or "", team or "") for user, org, team in found]
    return StaffPage(rows=rows, page=page, has_next=has_next)


def new_initial_password() -> str:
    """A one-time initial password: 3 groups of 5 letters and digits (easy to type over)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(3))


def _check_placement(role: Role, organisation: Organisation, team: Team | None) -> None:
    if role == Role.PARTNER and organisation.kind != OrganisationKind.PARTNER:
        raise InvalidInput(PARTNER_ORGANISATION_NEEDED, "partner outside a partner organisation")
    if role != Role.PARTNER and organisation.kind != OrganisationKind.OWN:
        raise InvalidInput(OWN_ORGANISATION_NEEDED, f"{role} in a partner organisation")
    if role == Role.COUNSELLOR and team is None:
        raise InvalidInput(TEAM_NEEDED, "counsellor without team")
    if team is not None and team.organisation_id != organisation.id:
        raise InvalidInput(TEAM_ELSEWHERE, "team of another organisation")


def staff_create(
    session: Session,
    viewer: Viewer,
    *,
    display_name: object,
    username: object,
    role: object,
    organisation_public_id: object,
    team_public_id: object = None,
) -> tuple[User, str]:
    """Create a staff account; returns it and its initial password (show it once).

    Slow (argon2 hashing): call it off the event loop.
    """
    admin_only(session, viewer, Action.CREATE)
    checked_role = clean_role(role)
    if not isinstance(display_name, str) or not isinstance(username, str):
        raise InvalidInput(ROLE_RULES, "name or username is not text")
    name = clean_display_name(display_name)
    login = username.strip().lower()
    problem = username_problem(login)
    if problem:
        raise InvalidInput(problem, "username rules")
    # Hashed before the first query: no transaction waits for argon2.
    password = new_initial_password()
    password_hash = hash_secret(password)
    organisation = organisation_by_public_id(session, organisation_public_id)
    team = team_by_public_id(session, team_public_id) if team_public_id else None
    if checked_role != Role.COUNSELLOR:
        team = None
    _check_placement(checked_role, organisation, team)
    if session.exec(select(User.id).where(User.username == login)).first() is not None:
        raise InvalidInput(USERNAME_TAKEN, "username taken")
    user = User(
        role=checked_role,
        display_name=name,
        username=login,
        password_hash=password_hash,
        must_change_password=True,
        organisation_id=organisation.id,
        team_id=team.id if team else None,
    )
    session.add(user)
    try:
        with session.begin_nested():
            session.flush()
    except sa.exc.IntegrityError as error:  # taken meanwhile by another admin
        raise InvalidInput(USERNAME_TAKEN, "username taken (race)") from error
    admin_audit(
        session, viewer, action=Action.CREATE, detail=f"{checked_role} account {user.public_id}"
    )
    return user, password


def _staff_user(session: Session, user_public_id: object) -> User:
    user = user_by_public_id(session, user_public_id)
    if user.role not in STAFF_ROLES:
        raise NotFound("not a staff account")
    return user


def staff_detail(session: Session, viewer: Viewer, *, user_public_id: object) -> StaffRow:
    """One staff account's row (for its own page)."""
    admin_only(session, viewer)
    user = _staff_user(session, user_public_id)
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    team = session.get(Team, user.team_id) if user.team_id else None
    return staff_row(user, organisation.name if organisation else "", team.name if team else "")


def staff_link_oidc(
    session: Session, viewer: Viewer, *, user_public_id: object, subject: object
) -> User:
    """Link a staff account to its subject at the organisation's identity provider.

    An empty subject removes the link. A subject is unique within one organisation.
    """
    admin_only(session, viewer, Action.UPDATE)
    user = _staff_user(session, user_public_id)
    if not isinstance(subject, str):
        raise InvalidInput(SUBJECT_RULES, "subject is not text")
    cleaned = subject.strip()
    if len(cleaned) > OIDC_SUBJECT_MAX or any(c.isspace() for c in cleaned):
        raise InvalidInput(SUBJECT_RULES, "subject too long or has spaces")
    if cleaned:
        clash = session.exec(
            select(User.id).where(
                User.organisation_id == user.organisation_id,
                User.oidc_subject == cleaned,
                User.id != user.id,
            )
        ).first()
        if clash is not None:
            raise InvalidInput(SUBJECT_TAKEN, "subject taken in organisation")
    user.oidc_subject = cleaned or None
    session.add(user)
    try:
        with session.begin_nested():
            session.flush()
    except sa.exc.IntegrityError as error:
        raise InvalidInput(SUBJECT_TAKEN, "subject taken (race)") from error
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"user {user.public_id} oidc {'linked' if cleaned else 'unlinked'}",
    )
    return user


def staff_set_active(
    session: Session, viewer: Viewer, *, user_public_id: object, active: bool
) -> User:
    """Deactivate (every session ends at once) or reactivate a staff account; never oneself."""
    admin_only(session, viewer, Action.UPDATE)
    user = _staff_user(session, user_public_id)
    if user.id == viewer.user_id and not active:
        raise InvalidInput(NOT_SELF, "admin tried to deactivate themself")
    now = utcnow()
    user.active = bool(active)
    user.deactivated_at = None if active else now
    session.add(user)
    ended = 0 if active else session_revoke_all(session, user_id=user.id, now=now)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"user {user.public_id} {'reactivated' if active else 'deactivated'}"
        + ("" if active else f", {ended} sessions ended"),
    )
    return user
