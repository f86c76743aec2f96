"""Test data factories: one keyword-only function per thing, with sensible defaults.

Every factory adds its rows to the given session and flushes, so ids are set and constraints
are checked at once; nothing is committed (the ``session`` fixture rolls everything back).
Missing parents are created on the fly: ``make_goal(session, participant=p)`` is enough, and
``make_participant(session)`` alone gives a participant with a counsellor and a team.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlmodel import Session, col, func, select

from jouw_omgeving.models import (
    Appointment,
    Assessment,
    AssessmentScore,
    Assignment,
    CaseloadAssignment,
    CheckIn,
    Consent,
    ConsentRecord,
    ContactMoment,
    ContentItem,
    ContentVersion,
    Goal,
    GoalShare,
    GoalStep,
    Instrument,
    LifeDomain,
    Message,
    MessageThread,
    NetworkMembership,
    Organisation,
    ScaleLevel,
    Submission,
    Team,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.enums import (
    AppointmentStatus,
    AssessorRole,
    AssignmentStatus,
    ConsentAction,
    ConsentCategory,
    ConsentStatus,
    ContactKind,
    ContentKind,
    ContentStatus,
    GoalStatus,
    OrganisationKind,
    Role,
    StepStatus,
    SubmissionStatus,
    ThreadKind,
)

_sequence = itertools.count(1)

_STATUS_TO_ACTION = {
    ConsentStatus.REQUESTED: ConsentAction.REQUEST,
    ConsentStatus.GRANTED: ConsentAction.GRANT,
    ConsentStatus.DECLINED: ConsentAction.DECLINE,
    ConsentStatus.WITHDRAWN: ConsentAction.WITHDRAW,
}

DEFAULT_DOMAINS: tuple[tuple[str, str, str], ...] = (
    ("housing", "Wonen", "Housing"),
    ("money", "Geld", "Money"),
    ("health", "Gezondheid", "Health"),
    ("daily_activity", "Dagbesteding", "Daily activity"),
    ("social", "Sociale contacten", "Social contacts"),
)


def unique(prefix: str) -> str:
    """Return ``prefix`` with a suffix unique within this test process (usernames, slugs)."""
    return f"{prefix}-{next(_sequence)}-{uuid.uuid4().hex[:6]}"


def now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


T = TypeVar("T")


def _save(session: Session, *rows: T) -> T:
    session.add_all(rows)
    session.flush()
    return rows[0]


# --- organisations and people -----------------------------------------------------------


def make_organisation(
    session: Session,
    *,
    name: str | None = None,
    kind: str = OrganisationKind.OWN,
    partner_type: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Organisation:
    """An organisation; our own (Leger des Heils) unless ``kind="partner"``."""
    return _save(
        session,
        Organisation(
            name=name or unique("Organisatie"),
            kind=kind,
            partner_type=partner_type,
            settings=settings or {},
        ),
    )


def make_partner_organisation(
    session: Session, *, name: str | None = None, partner_type: str = "ggz"
) -> Organisation:
    """A partner organisation in the care chain (GGZ by default)."""
    return make_organisation(
        session, name=name, kind=OrganisationKind.PARTNER, partner_type=partner_type
    )


def make_team(
    session: Session,
    *,
    organisation: Organisation | None = None,
    name: str | None = None,
    team_reads_messages: bool = False,
) -> Team:
    """A team of counsellors (in a new own organisation unless given)."""
    organisation = organisation or make_organisation(session)
    return _save(
        session,
        Team(
            organisation_id=organisation.id,
            name=name or unique("Team"),
            team_reads_messages=team_reads_messages,
        ),
    )


def make_user(
    session: Session,
    *,
    role: str,
    organisation: Organisation | None = None,
    team: Team | None = None,
    username: str | None = None,
    display_name: str | None = None,
    password: str | None = None,
    password_hash: str | None = None,
    active: bool = True,
    **fields: Any,
) -> User:
    """A user of any role. ``password`` is hashed with the app's argon2id hasher (slow-ish).

    ``username`` defaults to a unique one. Other columns (``is_team_lead=True``,
    ``oidc_subject="..."``, ``language="en"``, ...) pass through as keyword arguments.
    """
    if password is not None:
        # Imported here: the module hashes a dummy secret on import (argon2 is slow).
        from jouw_omgeving.auth.passwords import hash_secret

        password_hash = hash_secret(password)
    if team is not None and organisation is None:
        organisation_id = team.organisation_id
    else:
        organisation_id = organisation.id if organisation else None
    return _save(
        session,
        User(
            role=role,
            username=username if username is not None else unique(str(role)),
            display_name=display_name or unique(str(role).capitalize()),
            password_hash=password_hash,
            organisation_id=organisation_id,
            team_id=team.id if team else None,
            active=active,
            **fields,
        ),
    )


def make_counsellor(
    session: Session,
    *,
    team: Team | None = None,
    organisation: Organisation | None = None,
    **fields: Any,
) -> User:
    """A counsellor (begeleider) in ``team`` (a new team unless given)."""
    team = team or make_team(session, organisation=organisation)
    return make_user(session, role=Role.COUNSELLOR, team=team, **fields)


def make_participant(
    session: Session,
    *,
    counsellor: User | None = None,
    with_counsellor: bool = True,
    enrolled_at: datetime | None = None,
    **fields: Any,
) -> User:
    """A participant (deelnemer), enrolled now and on a counsellor's caseload.

    The counsellor is created unless given; ``with_counsellor=False`` gives a participant
    without a caseload assignment.
    """
    if counsellor is None and with_counsellor:
        counsellor = make_counsellor(session)
    if counsellor is not None:
        # The participant belongs to the counsellor's team and organisation.
        if counsellor.team_id is not None:
            fields.setdefault("team", session.get(Team, counsellor.team_id))
        if counsellor.organisation_id is not None:
            fields.setdefault("organisation", session.get(Organisation, counsellor.organisation_id))
    participant = make_user(
        session, role=Role.PARTICIPANT, enrolled_at=enrolled_at or now(), **fields
    )
    if counsellor is not None:
        make_caseload_assignment(session, counsellor=counsellor, participant=participant)
    return participant


def make_network_member(
    session: Session,
    *,
    participant: User | None = None,
    relation: str = "zus",
    **fields: Any,
) -> User:
    """A network member (netwerklid); with ``participant``, an accepted membership too."""
    member = make_user(session, role=Role.NETWORK_MEMBER, **fields)
    if participant is not None:
        make_network_membership(session, participant=participant, member=member, relation=relation)
    return member


def make_partner(
    session: Session, *, organisation: Organisation | None = None, **fields: Any
) -> User:
    """A partner worker (ketenpartner) at a partner organisation (new unless given)."""
    organisation = organisation or make_partner_organisation(session)
    return make_user(session, role=Role.PARTNER, organisation=organisation, **fields)


def make_evaluator(
    session: Session, *, organisation: Organisation | None = None, **fields: Any
) -> User:
    """An evaluator of the pilot."""
    organisation = organisation or make_organisation(session)
    return make_user(session, role=Role.EVALUATOR, organisation=organisation, **fields)


def make_admin(
    session: Session, *, organisation: Organisation | None = None, **fields: Any
) -> User:
    """An administrator (beheerder)."""
    organisation = organisation or make_organisation(session)
    return make_user(session, role=Role.ADMIN, organisation=organisation, **fields)


def make_caseload_assignment(
    session: Session,
    *,
    counsellor: User,
    participant: User,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    created_by: User | None = None,
    handover_note: str | None = None,
) -> CaseloadAssignment:
    """Put ``participant`` on ``counsellor``'s caseload (open-ended unless ``ends_at``)."""
    return _save(
        session,
        CaseloadAssignment(
            counsellor_id=counsellor.id,
            participant_id=participant.id,
            starts_at=starts_at or now(),
            ends_at=ends_at,
            created_by_id=created_by.id if created_by else None,
            handover_note=handover_note,
        ),
    )


def make_network_membership(
    session: Session,
    *,
    participant: User,
    member: User | None = None,
    relation: str = "zus",
    accepted: bool = True,
    ended_at: datetime | None = None,
) -> NetworkMembership:
    """A network membership; accepted (with a member) unless ``accepted=False``."""
    if member is None and accepted:
        member = make_user(session, role=Role.NETWORK_MEMBER)
    return _save(
        session,
        NetworkMembership(
            participant_id=participant.id,
            member_id=member.id if member else None,
            relation=relation,
            invite_code_hash=None if accepted else uuid.uuid4().hex,
            invite_expires_at=None if accepted else now() + timedelta(days=7),
            accepted_at=now() if accepted else None,
            ended_at=ended_at,
        ),
    )


# --- goals ----------------------------------------------------------------------------


def make_goal(
    session: Session,
    *,
    participant: User,
    created_by: User | None = None,
    title: str = "Een eigen woning vinden",
    status: str = GoalStatus.ACTIVE,
    steps: Sequence[str] = ("Inschrijven bij de woningcorporatie", "Bezichtiging plannen"),
    life_domain: LifeDomain | None = None,
    due_date: date | None = None,
    shared_with: Iterable[User] = (),
    **fields: Any,
) -> Goal:
    """A goal with open steps (titles from ``steps``), optionally shared with network members."""
    creator = created_by or participant
    goal = _save(
        session,
        Goal(
            participant_id=participant.id,
            created_by_id=creator.id,
            title=title,
            status=status,
            life_domain_id=life_domain.id if life_domain else None,
            due_date=due_date,
            completed_at=now() if status == GoalStatus.DONE else None,
            **fields,
        ),
    )
    for position, step_title in enumerate(steps):
        make_goal_step(session, goal=goal, title=step_title, position=position, created_by=creator)
    for member in shared_with:
        _save(session, GoalShare(goal_id=goal.id, network_member_id=member.id))
    return goal


def make_goal_step(
    session: Session,
    *,
    goal: Goal,
    title: str = "Een kleine stap",
    position: int = 0,
    status: str = StepStatus.OPEN,
    due_date: date | None = None,
    created_by: User | None = None,
) -> GoalStep:
    """One step of ``goal`` (done steps get ``done_at`` now)."""
    return _save(
        session,
        GoalStep(
            goal_id=goal.id,
            title=title,
            position=position,
            status=status,
            due_date=due_date,
            created_by_id=created_by.id if created_by else goal.created_by_id,
            done_at=now() if status == StepStatus.DONE else None,
        ),
    )


# --- messages -------------------------------------------------------------------------


def make_thread(
    session: Session,
    *,
    participant: User,
    kind: str = ThreadKind.COUNSELLOR,
    network_member: User | None = None,
) -> MessageThread:
    """A message thread of ``participant`` with their counsellor(s) or a network member."""
    return _save(
        session,
        MessageThread(
            participant_id=participant.id,
            kind=kind,
            network_member_id=network_member.id if network_member else None,
        ),
    )


def make_message(
    session: Session,
    *,
    thread: MessageThread,
    sender: User,
    body: str = "Hoi, hoe gaat het?",
    idempotency_key: str | None = None,
    created_at: datetime | None = None,
) -> Message:
    """A message in ``thread``; moves the thread's ``last_message_at`` along."""
    message = Message(
        thread_id=thread.id,
        sender_id=sender.id,
        body=body,
        idempotency_key=idempotency_key or uuid.uuid4().hex,
        created_at=created_at or now(),
    )
    if thread.last_message_at is None or message.created_at > thread.last_message_at:
        thread.last_message_at = message.created_at
    return _save(session, message, thread)


def make_read_marker(
    session: Session,
    *,
    thread: MessageThread,
    user: User,
    last_read_message: Message | None = None,
) -> ThreadReadMarker:
    """Mark ``thread`` read by ``user`` up to ``last_read_message`` (nothing read if None)."""
    return _save(
        session,
        ThreadReadMarker(
            thread_id=thread.id,
            user_id=user.id,
            last_read_message_id=last_read_message.id if last_read_message else 0,
        ),
    )


# --- consent --------------------------------------------------------------------------


def make_consent(
    session: Session,
    *,
    participant: User,
    organisation: Organisation | None = None,
    category: str = ConsentCategory.GOALS,
    status: str = ConsentStatus.GRANTED,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    recorded_by: User | None = None,
) -> Consent:
    """The current consent of ``participant`` for a partner organisation, with its record.

    The organisation is a new partner organisation unless given; ``ends_at`` defaults to
    open-ended. The matching append-only :class:`ConsentRecord` is written too.
    """
    organisation = organisation or make_partner_organisation(session)
    starts_at = starts_at or now()
    consent = _save(
        session,
        Consent(
            participant_id=participant.id,
            organisation_id=organisation.id,
            category=category,
            status=status,
            starts_at=starts_at,
            ends_at=ends_at,
        ),
    )
    _save(
        session,
        ConsentRecord(
            consent_id=consent.id,
            participant_id=participant.id,
            organisation_id=organisation.id,
            category=category,
            action=_STATUS_TO_ACTION[ConsentStatus(status)],
            starts_at=starts_at,
            ends_at=ends_at,
            recorded_by_id=(recorded_by or participant).id,
        ),
    )
    return consent


# --- instruments, assessments, check-ins ----------------------------------------------


def make_instrument(
    session: Session,
    *,
    key: str | None = None,
    version: int = 1,
    domains: Sequence[tuple[str, str, str]] = DEFAULT_DOMAINS,
    scale: Sequence[int] = (1, 2, 3, 4, 5),
    organisation: Organisation | None = None,
) -> Instrument:
    """A life-domain instrument with ``domains`` ((key, nl, en) triples) and a scale."""
    instrument = _save(
        session,
        Instrument(
            key=key or unique("leefgebieden"),
            version=version,
            name={"nl": "Leefgebieden", "en": "Life domains"},
            licence="CC BY 4.0",
            organisation_id=organisation.id if organisation else None,
            scale_min=min(scale),
            scale_max=max(scale),
        ),
    )
    for position, (domain_key, dutch, english) in enumerate(domains):
        session.add(
            LifeDomain(
                instrument_id=instrument.id,
                key=domain_key,
                position=position,
                name={"nl": dutch, "en": english},
                question={"nl": f"Hoe gaat het met {dutch.lower()}?", "en": f"How is {english}?"},
            )
        )
    for value in scale:
        session.add(
            ScaleLevel(
                instrument_id=instrument.id,
                value=value,
                label={"nl": f"Niveau {value}", "en": f"Level {value}"},
            )
        )
    session.flush()
    return instrument


def life_domains(session: Session, instrument: Instrument) -> list[LifeDomain]:
    """The domains of ``instrument`` in their order."""
    statement = (
        select(LifeDomain)
        .where(LifeDomain.instrument_id == instrument.id)
        .order_by(LifeDomain.position)
    )
    return list(session.exec(statement))


def make_assessment(
    session: Session,
    *,
    participant: User,
    assessor: User | None = None,
    instrument: Instrument | None = None,
    scores: Mapping[str, int] | None = None,
    taken_at: datetime | None = None,
) -> Assessment:
    """An assessment with a score per domain key (default: the middle of the scale for all).

    The assessor is the participant unless given; the role follows the assessor.
    """
    instrument = instrument or make_instrument(session)
    assessor = assessor or participant
    assessment = _save(
        session,
        Assessment(
            participant_id=participant.id,
            assessor_id=assessor.id,
            assessor_role=(
                AssessorRole.PARTICIPANT
                if assessor.id == participant.id
                else AssessorRole.COUNSELLOR
            ),
            instrument_id=instrument.id,
            taken_at=taken_at or now(),
        ),
    )
    middle = (instrument.scale_min + instrument.scale_max) // 2
    for domain in life_domains(session, instrument):
        if scores is not None and domain.key not in scores:
            continue
        score = scores[domain.key] if scores is not None else middle
        session.add(
            AssessmentScore(assessment_id=assessment.id, life_domain_id=domain.id, score=score)
        )
    session.flush()
    return assessment


def make_check_in(
    session: Session,
    *,
    participant: User,
    mood: int = 3,
    note: str | None = None,
    created_at: datetime | None = None,
) -> CheckIn:
    """A weekly check-in (mood 1..5)."""
    return _save(
        session,
        CheckIn(
            participant_id=participant.id, mood=mood, note=note, created_at=created_at or now()
        ),
    )


# --- content and assignments ----------------------------------------------------------


def make_content_item(
    session: Session,
    *,
    slug: str | None = None,
    kind: str = ContentKind.ASSIGNMENT,
    status: str = ContentStatus.PUBLISHED,
    title: str = "Je budget op een rij",
    body: str = "Schrijf op wat er binnenkomt en wat eruit gaat.",
    questions: list[dict[str, Any]] | None = None,
    track: str | None = None,
    organisation: Organisation | None = None,
    created_by: User | None = None,
) -> ContentItem:
    """A content item with one version (published when the item is)."""
    item = _save(
        session,
        ContentItem(
            slug=slug or unique("inhoud"),
            kind=kind,
            status=status,
            track=track,
            organisation_id=organisation.id if organisation else None,
            created_by_id=created_by.id if created_by else None,
        ),
    )
    make_content_version(
        session,
        content=item,
        title=title,
        body=body,
        questions=questions,
        published=status == ContentStatus.PUBLISHED,
    )
    return item


def make_content_version(
    session: Session,
    *,
    content: ContentItem,
    version: int | None = None,
    title: str = "Je budget op een rij",
    body: str = "Schrijf op wat er binnenkomt en wat eruit gaat.",
    questions: list[dict[str, Any]] | None = None,
    published: bool = True,
) -> ContentVersion:
    """A version of ``content`` (next number unless given); Dutch and English texts."""
    if version is None:
        highest = session.exec(
            select(func.max(ContentVersion.version)).where(ContentVersion.content_id == content.id)
        ).one()
        version = (highest or 0) + 1
    if questions is None:
        questions = [
            {
                "key": "q1",
                "type": "text",
                "prompt": {"nl": "Wat gaat er elke maand uit?", "en": "What goes out each month?"},
            }
        ]
    return _save(
        session,
        ContentVersion(
            content_id=content.id,
            version=version,
            title={"nl": title, "en": title},
            body={"nl": body, "en": body},
            questions=questions,
            created_by_id=content.created_by_id,
            published_at=now() if published else None,
        ),
    )


def make_assignment(
    session: Session,
    *,
    participant: User,
    content: ContentItem | None = None,
    assigned_by: User | None = None,
    status: str = AssignmentStatus.OPEN,
    due_date: date | None = None,
) -> Assignment:
    """Content given to ``participant`` (a new published assignment item unless given)."""
    content = content or make_content_item(session)
    return _save(
        session,
        Assignment(
            content_id=content.id,
            participant_id=participant.id,
            assigned_by_id=assigned_by.id if assigned_by else None,
            status=status,
            due_date=due_date,
        ),
    )


def make_submission(
    session: Session,
    *,
    assignment: Assignment,
    answers: dict[str, Any] | None = None,
    status: str = SubmissionStatus.SUBMITTED,
    content_version: ContentVersion | None = None,
) -> Submission:
    """Answers to ``assignment`` on its latest content version (submitted now by default)."""
    if content_version is None:
        content_version = session.exec(
            select(ContentVersion)
            .where(ContentVersion.content_id == assignment.content_id)
            .order_by(col(ContentVersion.version).desc())
        ).first()
        assert content_version is not None, "the assignment's content has no version"
    return _save(
        session,
        Submission(
            assignment_id=assignment.id,
            content_version_id=content_version.id,
            answers=answers if answers is not None else {"q1": "Huur en boodschappen"},
            status=status,
            submitted_at=now() if status == SubmissionStatus.SUBMITTED else None,
        ),
    )


# --- contacts -------------------------------------------------------------------------


def make_contact_moment(
    session: Session,
    *,
    participant: User,
    counsellor: User,
    kind: str = ContactKind.VISIT,
    occurred_at: datetime | None = None,
    duration_minutes: int | None = 30,
    note: str | None = None,
) -> ContactMoment:
    """A registered contact between counsellor and participant (now, a 30-minute visit)."""
    return _save(
        session,
        ContactMoment(
            participant_id=participant.id,
            counsellor_id=counsellor.id,
            kind=kind,
            occurred_at=occurred_at or now(),
            duration_minutes=duration_minutes,
            note=note,
        ),
    )


def make_appointment(
    session: Session,
    *,
    participant: User,
    counsellor: User,
    kind: str = ContactKind.VISIT,
    starts_at: datetime | None = None,
    status: str = AppointmentStatus.PLANNED,
    location: str | None = "Kantoor",
) -> Appointment:
    """A planned appointment (tomorrow unless ``starts_at``)."""
    return _save(
        session,
        Appointment(
            participant_id=participant.id,
            counsellor_id=counsellor.id,
            kind=kind,
            starts_at=starts_at or now() + timedelta(days=1),
            status=status,
            location=location,
        ),
    )
