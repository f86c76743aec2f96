"""Who guides how many participants, per team: counts only, for admins.

Names of participants are not shown: which participant is on whose caseload is caseload
data of that participant, and admins hold no grant for it (:mod:`.policy`). Counsellors'
names and the numbers per counsellor are administration.
"""

from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, Organisation, Team, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.admin_common import admin_only
from jouw_omgeving.services.viewer import Viewer


class CounsellorLoad(TypedDict):
    """One active counsellor and how many participants they guide now."""

    name: str
    is_team_lead: bool
    participants: int


class TeamLoad(TypedDict):
    """One team: its counsellors, their caseloads and the team's participants without one."""

    team: str
    organisation: str
    counsellors: list[CounsellorLoad]
    guided: int
    unassigned: int


def _open_now():
    now = utcnow()
    return sa.and_(
        CaseloadAssignment.starts_at <= now,
        sa.or_(CaseloadAssignment.ends_at.is_(None), CaseloadAssignment.ends_at > now),
    )


def caseload_counts(session: Session, viewer: Viewer) -> list[TeamLoad]:
    """Per team: each active counsellor's number of participants now, and who has nobody."""
    admin_only(session, viewer)
    loads = session.exec(
        select(
            User.team_id,
            User.display_name,
            User.is_team_lead,
            sa.func.count(CaseloadAssignment.id),
        )
        .outerjoin(
            CaseloadAssignment,
            sa.and_(CaseloadAssignment.counsellor_id == User.id, _open_now()),
        )
        .where(User.role == Role.COUNSELLOR, User.active, User.team_id.is_not(None))
        .group_by(User.id, User.team_id, User.display_name, User.is_team_lead)
        .order_by(User.display_name)
    ).all()
    guided = select(CaseloadAssignment.participant_id).where(_open_now())
    unassigned = dict(
        session.exec(
            select(User.team_id, sa.func.count())
            .where(
                User.role == Role.PARTICIPANT,
                User.active,
                User.id.not_in(guided),
                User.team_id.is_not(None),
            )
            .group_by(User.team_id)
        ).all()
    )
    teams = session.exec(
        select(Team.id, Team.name, Organisation.name)
        .join(Organisation, Organisation.id == Team.organisation_id)
        .order_by(Organisation.name, Team.name)
    ).all()
    by_team: dict[int, list[CounsellorLoad]] = {}
    for team_id, name, lead, count in loads:
        by_team.setdefault(team_id, []).append(
            CounsellorLoad(name=name, is_team_lead=lead, participants=int(count))
        )
    return [
        TeamLoad(
            team=team_name,
            organisation=organisation,
            counsellors=by_team.get(team_id, []),
            guided=sum(c["participants"] for c in by_team.get(team_id, [])),
            unassigned=int(unassigned.get(team_id, 0)),
        )
        for team_id, team_name, organisation in teams
    ]
