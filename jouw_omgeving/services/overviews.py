"""First overviews for the participant's home, the evaluator and the admin."""

from datetime import timedelta
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import (
    Appointment,
    Assignment,
    ContactMoment,
    ContentItem,
    Goal,
    LoginSession,
    Organisation,
    Team,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import (
    AppointmentStatus,
    AssignmentStatus,
    ContactKind,
    ContentKind,
    GoalStatus,
    OrganisationKind,
    Role,
)
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.evaluation_scope import MINIMUM_THRESHOLD, organisation_threshold
from jouw_omgeving.services.messages_read import unread_for_participant
from jouw_omgeving.services.viewer import Viewer

_CONTACT_LABELS = {
    ContactKind.VISIT: N_("Deelnemers met een bezoek (90 dagen)"),
    ContactKind.PHONE: N_("Deelnemers met een telefoongesprek (90 dagen)"),
    ContactKind.VIDEO: N_("Deelnemers met een videogesprek (90 dagen)"),
    ContactKind.PLATFORM: N_("Deelnemers met contact via het platform (90 dagen)"),
}


class HomeSummary(TypedDict):
    """The counts on the participant's home tiles."""

    unread_messages: int
    active_goals: int
    open_assignments: int
    upcoming_appointments: int


def participant_home(session: Session, viewer: Viewer) -> HomeSummary:
    """Counts for the participant's own home page."""
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE)
    pid = viewer.user_id

    def count(model, *conditions) -> int:
        return session.exec(select(sa.func.count()).select_from(model).where(*conditions)).one()

    return HomeSummary(
        unread_messages=unread_for_participant(session, participant_id=pid),
        active_goals=count(Goal, Goal.participant_id == pid, Goal.status == GoalStatus.ACTIVE),
        open_assignments=count(
            Assignment,
            Assignment.participant_id == pid,
            Assignment.status == AssignmentStatus.OPEN,
            # As on the "Opdrachten" page: lessons taken up alone are not counted.
            sa.or_(
                Assignment.assigned_by_id.is_not(None),
                Assignment.content_id.not_in(
                    select(ContentItem.id).where(ContentItem.kind == ContentKind.LESSON)
                ),
            ),
        ),
        upcoming_appointments=count(
            Appointment,
            Appointment.participant_id == pid,
            Appointment.status == AppointmentStatus.PLANNED,
            Appointment.starts_at >= utcnow(),
        ),
    )


class FigureRow(TypedDict):
    """One labelled figure; ``suppressed`` when too few participants are behind it."""

    label: str
    value: int
    suppressed: bool


def _suppress(label: str, value: int, threshold: int) -> FigureRow:
    hidden = 0 < value < threshold
    return FigureRow(label=label, value=0 if hidden else value, suppressed=hidden)


def pilot_overview(session: Session, viewer: Viewer) -> list[FigureRow]:
    """Headline pilot figures: aggregates only, small groups suppressed.

    The figures span every organisation, so the strictest own organisation's threshold
    (admin setting, never below the minimum) applies.
    """
    require_role(viewer, Role.EVALUATOR, session=session, category=Category.AGGREGATES)
    own = session.exec(select(Organisation).where(Organisation.kind == OrganisationKind.OWN)).all()
    threshold = max((organisation_threshold(o) for o in own), default=MINIMUM_THRESHOLD)
    now = utcnow()
    participants = select(User.id).where(User.role == Role.PARTICIPANT)
    enrolled = session.exec(select(sa.func.count()).select_from(participants.subquery())).one()
    active_30 = session.exec(
        select(sa.func.count()).where(
            User.role == Role.PARTICIPANT, User.last_active_at >= now - timedelta(days=30)
        )
    ).one()
    with_goal_done = session.exec(
        select(sa.func.count(sa.distinct(Goal.participant_id))).where(
            Goal.status == GoalStatus.DONE
        )
    ).one()
    contacts_by_kind = session.exec(
        select(ContactMoment.kind, sa.func.count(sa.distinct(ContactMoment.participant_id)))
        .where(ContactMoment.occurred_at >= now - timedelta(days=90))
        .group_by(ContactMoment.kind)
        .order_by(ContactMoment.kind)
    ).all()
    rows = [
        _suppress(N_("Deelnemers in de pilot"), enrolled, threshold),
        _suppress(N_("Actief online (30 dagen)"), active_30, threshold),
        _suppress(N_("Deelnemers met een bereikt doel"), with_goal_done, threshold),
    ]
    rows += [
        _suppress(_CONTACT_LABELS.get(kind, kind), n, threshold) for kind, n in contacts_by_kind
    ]
    return rows


class AdminSummary(TypedDict):
    """What an admin manages, in counts. No care data."""

    organisations: int
    teams: int
    users_by_role: dict[str, int]
    open_sessions: int


def admin_overview(session: Session, viewer: Viewer) -> AdminSummary:
    """Counts of organisations, teams, accounts per role and open sessions."""
    require_role(viewer, Role.ADMIN, session=session, category=Category.ADMINISTRATION)
    now = utcnow()
    by_role = dict(
        session.exec(
            select(User.role, sa.func.count()).where(User.active).group_by(User.role)
        ).all()
    )
    return AdminSummary(
        organisations=session.exec(select(sa.func.count()).select_from(Organisation)).one(),
        teams=session.exec(select(sa.func.count()).select_from(Team)).one(),
        users_by_role={role.value: int(by_role.get(role.value, 0)) for role in Role},
        open_sessions=session.exec(
            select(sa.func.count()).where(
                LoginSession.revoked_at.is_(None), LoginSession.expires_at > now
            )
        ).one(),
    )
