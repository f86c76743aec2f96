"""Organisations and teams, as an admin manages them. Admins only; every change audited."""

from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation, Team, User
from jouw_omgeving.models.enums import OrganisationKind, Role
from jouw_omgeving.services.access import Action
from jouw_omgeving.services.admin_common import (
    admin_audit,
    admin_only,
    clean_name,
    organisation_by_public_id,
    team_by_public_id,
    user_by_public_id,
)
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.viewer import Viewer

# A short free word ("ggz", "schuldhulp", "wonen"): lower-case letters, digits and dashes.
PARTNER_TYPE_MAX = 40
PARTNER_TYPE_RULES = N_("Vul een soort in van 2 tot 40 tekens (letters, cijfers of -).")
OWN_ORGANISATION_ONLY = N_("Teams horen bij een eigen organisatie, niet bij een ketenpartner.")
NOT_A_COUNSELLOR = N_("Alleen een begeleider in een team kan teamleider zijn.")


class OrganisationRow(TypedDict):
    """One organisation in the admin's list."""

    public_id: str
    name: str
    kind: str
    partner_type: str
    teams: int
    staff: int


class TeamRow(TypedDict):
    """One team in the admin's list."""

    public_id: str
    name: str
    organisation: str
    team_reads_messages: bool
    leads: str
    counsellors: int


def organisation_list(session: Session, viewer: Viewer) -> list[OrganisationRow]:
    """Own organisations first, then partners, by name; with counts of teams and staff."""
    admin_only(session, viewer)
    teams = (
        select(sa.func.count())
        .where(Team.organisation_id == Organisation.id)
        .correlate(Organisation)
        .scalar_subquery()
    )
    staff = (
        select(sa.func.count())
        .where(User.organisation_id == Organisation.id, User.role != Role.PARTICIPANT)
        .where(User.role != Role.NETWORK_MEMBER, User.active)
        .correlate(Organisation)
        .scalar_subquery()
    )
    rows = session.exec(
        select(Organisation, teams, staff).order_by(
            sa.case((Organisation.kind == OrganisationKind.OWN, 0), else_=1), Organisation.name
        )
    ).all()
    return [
        OrganisationRow(
            public_id=str(org.public_id),
            name=org.name,
            kind=org.kind,
            partner_type=org.partner_type or "",
            teams=int(n_teams),
            staff=int(n_staff),
        )
        for org, n_teams, n_staff in rows
    ]


def team_list(session: Session, viewer: Viewer) -> list[TeamRow]:
    """Every team with its organisation, team leads and number of active counsellors."""
    admin_only(session, viewer)
    teams = session.exec(
        select(Team, Organisation.name)
        .join(Organisation, Organisation.id == Team.organisation_id)
        .order_by(Organisation.name, Team.name)
    ).all()
    members = session.exec(
        select(User.team_id, User.display_name, User.is_team_lead).where(
            User.role == Role.COUNSELLOR, User.active, User.team_id.is_not(None)
        )
    ).all()
    leads: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for team_id, name, is_lead in members:
        counts[team_id] = counts.get(team_id, 0) + 1
        if is_lead:
            leads.setdefault(team_id, []).append(name)
    return [
        TeamRow(
            public_id=str(team.public_id),
            name=team.name,
            organisation=org_name,
            team_reads_messages=team.team_reads_messages,
            leads=", ".join(sorted(leads.get(team.id, []))),
            counsellors=counts.get(team.id, 0),
        )
        for team, org_name in teams
    ]


def _clean_partner_type(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(PARTNER_TYPE_RULES, "partner type is not text")
    word = value.strip().lower()
    allowed = word.replace("-", "").isalnum() and word.isascii()
    if not 2 <= len(word) <= PARTNER_TYPE_MAX or not allowed:
        raise InvalidInput(PARTNER_TYPE_RULES, f"partner type {word[:50]!r}")
    return word


def partner_organisation_create(
    session: Session, viewer: Viewer, *, name: object, partner_type: object
) -> Organisation:
    """Add a partner organisation in the care chain (GGZ, debt help, ...)."""
    admin_only(session, viewer, Action.CREATE)
    organisation = Organisation(
        name=clean_name(name),
        kind=OrganisationKind.PARTNER,
        partner_type=_clean_partner_type(partner_type),
    )
    session.add(organisation)
    session.flush()
    admin_audit(
        session, viewer, action=Action.CREATE, detail=f"organisation {organisation.public_id}"
    )
    return organisation


def team_create(
    session: Session, viewer: Viewer, *, organisation_public_id: object, name: object
) -> Team:
    """Add a team to one of our own organisations (partners have no teams here)."""
    admin_only(session, viewer, Action.CREATE)
    organisation = organisation_by_public_id(session, organisation_public_id)
    if organisation.kind != OrganisationKind.OWN:
        raise InvalidInput(OWN_ORGANISATION_ONLY, "team in a partner organisation")
    team = Team(organisation_id=organisation.id, name=clean_name(name))
    session.add(team)
    session.flush()
    admin_audit(session, viewer, action=Action.CREATE, detail=f"team {team.public_id}")
    return team


def team_reads_messages_set(
    session: Session, viewer: Viewer, *, team_public_id: object, reads: bool
) -> Team:
    """Whether colleagues in this team may read along in participants' counsellor threads."""
    admin_only(session, viewer, Action.UPDATE)
    team = team_by_public_id(session, team_public_id)
    team.team_reads_messages = bool(reads)
    session.add(team)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"team {team.public_id} team_reads_messages={team.team_reads_messages}",
    )
    return team


def team_lead_set(
    session: Session, viewer: Viewer, *, user_public_id: object, is_lead: bool
) -> User:
    """Make a counsellor the lead of their team (or not)."""
    admin_only(session, viewer, Action.UPDATE)
    user = user_by_public_id(session, user_public_id)
    if user.role != Role.COUNSELLOR or user.team_id is None:
        raise InvalidInput(NOT_A_COUNSELLOR, f"user {user.public_id} is {user.role}")
    user.is_team_lead = bool(is_lead)
    session.add(user)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"user {user.public_id} is_team_lead={user.is_team_lead}",
    )
    return user
