"""The partner's (ketenpartner's) read-only view: who consented, and only what they consented.

Every read goes through the guard (role PARTNER x relation CONSENT), which asks the database
on each call and audits it; so a withdrawal or a passed end date refuses the very next read.
"""

from datetime import datetime
from typing import TypedDict

from sqlmodel import Session, col, func, select

from jouw_omgeving.models import (
    Assessment,
    AssessmentScore,
    Assignment,
    Consent,
    ContentVersion,
    LifeDomain,
    User,
)
from jouw_omgeving.models.enums import AssessorRole, ConsentCategory, Role
from jouw_omgeving.services.access import (
    Action,
    Category,
    Subject,
    consent_current_condition,
    decide,
    refuse,
    require_participant_access,
    require_role,
)
from jouw_omgeving.services.consent_rules import CONSENT_CATEGORIES
from jouw_omgeving.services.goals import GoalCard, goal_board
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer

MAX_LISTED = 500


class PartnerListRow(TypedDict):
    """A participant who lets the partner's organisation follow something now."""

    public_id: str
    name: str
    categories: list[str]  # in the order of CONSENT_CATEGORIES


class DomainScores(TypedDict):
    """One life domain: the latest score by the participant and by the counsellor."""

    domain: dict[str, str]  # name per language
    self_score: int | None
    counsellor_score: int | None


class ProgressTable(TypedDict):
    """The latest self-assessment next to the latest counsellor assessment."""

    self_taken_at: str  # ISO 8601 or ""
    counsellor_taken_at: str
    rows: list[DomainScores]


class AssignmentRow(TypedDict):
    """An assignment's title (per language), status and due date."""

    public_id: str
    title: dict[str, str]
    status: str
    due_date: str  # ISO date or ""


class PartnerParticipantView(TypedDict):
    """What a partner sees of one participant: only the consented categories."""

    public_id: str
    name: str
    categories: list[str]
    goals: list[GoalCard]
    progress: ProgressTable | None
    assignments: list[AssignmentRow]


def _organisation_id(session: Session, viewer: Viewer) -> int:
    require_role(viewer, Role.PARTNER, session=session, category=Category.PROFILE)
    if viewer.organisation_id is None:
        refuse(session, viewer, participant_id=None, category=Category.PROFILE, detail="no org")
    return viewer.organisation_id


def _ordered(categories: set[str]) -> list[str]:
    return [c.value for c in CONSENT_CATEGORIES if c.value in categories]


def partner_participants(
    session: Session, viewer: Viewer, *, now: datetime | None = None
) -> list[PartnerListRow]:
    """Participants with a running consent for the viewer's organisation, by name.

    Each name shown is a profile read of that participant, audited by the guard.

    Raises:
        AccessDenied: the viewer is not a partner with an organisation (audited).
    """
    organisation_id = _organisation_id(session, viewer)
    result = session.exec(
        select(User.id, User.public_id, User.display_name, Consent.category)
        .join(Consent, Consent.participant_id == User.id)
        .where(consent_current_condition(organisation_id, now), User.role == Role.PARTICIPANT)
        .order_by(User.display_name, User.id)
        .limit(MAX_LISTED * len(CONSENT_CATEGORIES))
    ).all()
    people: dict[int, tuple[str, str, set[str]]] = {}
    for user_id, public_id, name, category in result:
        people.setdefault(user_id, (str(public_id), name, set()))[2].add(category)
    rows = []
    for user_id, (public_id, name, categories) in people.items():
        require_participant_access(
            session, viewer, participant_id=user_id, category=Category.PROFILE
        )
        rows.append(PartnerListRow(public_id=public_id, name=name, categories=_ordered(categories)))
    return rows


def partner_participant_view(
    session: Session, viewer: Viewer, public_id: object, *, now: datetime | None = None
) -> PartnerParticipantView:
    """One participant as the partner may see them now: name plus the consented categories.

    Raises:
        AccessDenied: unknown, malformed or no running consent (one answer; audited).
    """
    organisation_id = _organisation_id(session, viewer)
    participant = participant_by_public_id(session, viewer, public_id, category=Category.PROFILE)
    categories = set(
        session.exec(
            select(Consent.category).where(
                consent_current_condition(organisation_id, now),
                Consent.participant_id == participant.id,
            )
        )
    )
    pid = participant.id
    return PartnerParticipantView(
        public_id=str(participant.public_id),
        name=participant.display_name,
        categories=_ordered(categories),
        goals=goal_board(session, viewer, participant_id=pid)
        if ConsentCategory.GOALS in categories
        else [],
        progress=latest_scores(session, viewer, participant_id=pid)
        if ConsentCategory.PROGRESS in categories
        else None,
        assignments=assignment_list(session, viewer, participant_id=pid)
        if ConsentCategory.ASSIGNMENTS in categories
        else [],
    )


def partner_categories_now(
    session: Session, viewer: Viewer, public_id: object, shown: list[str]
) -> list[str]:
    """Which of the ``shown`` categories the partner may still read now (the guard's rule).

    A cheap check for an open page, without reading data (so nothing to audit): when the
    answer differs from what is shown, the page reloads through the audited reads above.

    Raises:
        AccessDenied: the viewer is not a partner with an organisation (audited).
    """
    _organisation_id(session, viewer)
    parsed = parse_public_id(public_id)
    participant_id = (
        session.exec(
            select(User.id).where(User.public_id == parsed, User.role == Role.PARTICIPANT)
        ).first()
        if parsed is not None
        else None
    )
    if participant_id is None:
        return []
    return [
        category
        for category in shown
        if category in {c.value for c in CONSENT_CATEGORIES}
        and decide(session, viewer, Subject(participant_id, Category(category)), Action.READ)
    ]


def _latest(session: Session, participant_id: int, role: AssessorRole) -> Assessment | None:
    return session.exec(
        select(Assessment)
        .where(Assessment.participant_id == participant_id, Assessment.assessor_role == role)
        .order_by(col(Assessment.taken_at).desc(), col(Assessment.id).desc())
    ).first()


def latest_scores(session: Session, viewer: Viewer, *, participant_id: int) -> ProgressTable:
    """Latest score per life domain, by the participant and by the counsellor (guarded)."""
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.PROGRESS
    )
    own = _latest(session, participant_id, AssessorRole.PARTICIPANT)
    theirs = _latest(session, participant_id, AssessorRole.COUNSELLOR)
    assessments = [a for a in (own, theirs) if a is not None]
    scores: dict[tuple[int, int], int] = {}
    domains: dict[int, LifeDomain] = {}
    if assessments:
        for score, domain in session.exec(
            select(AssessmentScore, LifeDomain)
            .join(LifeDomain, LifeDomain.id == AssessmentScore.life_domain_id)
            .where(col(AssessmentScore.assessment_id).in_([a.id for a in assessments]))
        ):
            scores[(score.assessment_id, domain.id)] = score.score
            domains[domain.id] = domain
    ordered = sorted(domains.values(), key=lambda d: (d.instrument_id, d.position, d.id))
    return ProgressTable(
        self_taken_at=own.taken_at.isoformat() if own else "",
        counsellor_taken_at=theirs.taken_at.isoformat() if theirs else "",
        rows=[
            DomainScores(
                domain=dict(domain.name),
                self_score=scores.get((own.id, domain.id)) if own else None,
                counsellor_score=scores.get((theirs.id, domain.id)) if theirs else None,
            )
            for domain in ordered
        ],
    )


def assignment_list(
    session: Session, viewer: Viewer, *, participant_id: int
) -> list[AssignmentRow]:
    """The participant's assignments, newest first: title, status, due date (guarded)."""
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.ASSIGNMENTS
    )
    newest = (
        select(ContentVersion.content_id, func.max(ContentVersion.version).label("version"))
        .group_by(ContentVersion.content_id)
        .subquery()
    )
    result = session.exec(
        select(Assignment, ContentVersion.title)
        .join(newest, newest.c.content_id == Assignment.content_id)
        .join(
            ContentVersion,
            (ContentVersion.content_id == newest.c.content_id)
            & (ContentVersion.version == newest.c.version),
        )
        .where(Assignment.participant_id == participant_id)
        .order_by(col(Assignment.assigned_at).desc(), col(Assignment.id).desc())
        .limit(200)
    ).all()
    return [
        AssignmentRow(
            public_id=str(assignment.public_id),
            title=dict(title),
            status=assignment.status,
            due_date=assignment.due_date.isoformat() if assignment.due_date else "",
        )
        for assignment, title in result
    ]
