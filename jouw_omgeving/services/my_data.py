"""The participant's right of access (AVG art. 15 and 20): everything stored about them.

Format (JSON, version 1)::

    {
      "format": "jouw-omgeving-export",
      "version": 1,
      "exported_at": "2026-12-04T10:00:00+00:00",
      "participant_public_id": "…",
      "tables": {"<table name>": [{"<column>": value, …}, …], …},
      "references": {
        "users": {"<id>": {"name": …, "role": …}},       # everyone the rows point at
        "organisations": {"<id>": "<name>"},
        "content": {"<content id>": {"nl": title, "en": title}},
        "life_domains": {"<id>": {"nl": name, "en": name}}
      }
    }

Every table that holds the participant's data is a key of ``tables`` (empty list when there
are no rows), with all its columns except secrets (password, TOTP and token hashes, storage
keys): see :data:`EXPORT` for which rows each table contributes and :data:`NOT_PERSONAL` for
the tables left out and why. Datetimes are ISO 8601 in UTC, ids of rows are the database's
own (they link rows within the export), JSON columns are kept as they are.
A test fails when a table is added to the model without being placed in one of the two.
"""

import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from jouw_omgeving.models import (
    ActivationCode,
    Appointment,
    Assessment,
    AssessmentScore,
    Assignment,
    Attachment,
    AuditEntry,
    CaseloadAssignment,
    CheckIn,
    Consent,
    ConsentRecord,
    ContactMoment,
    ContentVersion,
    ErasureRequest,
    Feedback,
    Goal,
    GoalShare,
    GoalStatusChange,
    GoalStep,
    LifeDomain,
    LoginAttempt,
    LoginSession,
    Message,
    MessageThread,
    NetworkMembership,
    Organisation,
    Submission,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AuditOutcome, Role
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.errors import NotFound
from jouw_omgeving.services.viewer import Viewer

FORMAT = "jouw-omgeving-export"
VERSION = 1

# Never exported: secrets that would let someone log in or reach stored files.
SECRET_COLUMNS = frozenset(
    {
        "password_hash",
        "totp_secret",
        "token_hash",
        "code_hash",
        "invite_code_hash",
        "storage_key",
        "idempotency_key",
    }
)

Condition = Callable[[User], sa.ColumnElement[bool]]


def _own(column: sa.ColumnElement) -> Condition:
    return lambda user: column == user.id


def _goals(user: User) -> sa.Select:
    return select(Goal.id).where(Goal.participant_id == user.id)


def _threads(user: User) -> sa.Select:
    return select(MessageThread.id).where(MessageThread.participant_id == user.id)


def _assignments(user: User) -> sa.Select:
    return select(Assignment.id).where(Assignment.participant_id == user.id)


def _assessments(user: User) -> sa.Select:
    return select(Assessment.id).where(Assessment.participant_id == user.id)


def _submissions(user: User) -> sa.Select:
    return select(Submission.id).where(Submission.assignment_id.in_(_assignments(user)))


def _messages(user: User) -> sa.Select:
    return select(Message.id).where(Message.thread_id.in_(_threads(user)))


def _under(column: sa.ColumnElement, parents: Callable[[User], sa.Select]) -> Condition:
    return lambda user: column.in_(parents(user))


# Table -> which of its rows are the participant's.
EXPORT: Mapping[type[SQLModel], Condition] = {
    User: _own(User.id),
    ActivationCode: _own(ActivationCode.user_id),
    LoginSession: _own(LoginSession.user_id),
    LoginAttempt: lambda user: LoginAttempt.username == user.username,
    CaseloadAssignment: _own(CaseloadAssignment.participant_id),
    NetworkMembership: _own(NetworkMembership.participant_id),
    Goal: _own(Goal.participant_id),
    GoalStep: _under(GoalStep.goal_id, _goals),
    GoalShare: _under(GoalShare.goal_id, _goals),
    GoalStatusChange: _under(GoalStatusChange.goal_id, _goals),
    Assessment: _own(Assessment.participant_id),
    AssessmentScore: _under(AssessmentScore.assessment_id, _assessments),
    CheckIn: _own(CheckIn.participant_id),
    MessageThread: _own(MessageThread.participant_id),
    Message: _under(Message.thread_id, _threads),
    ThreadReadMarker: _under(ThreadReadMarker.thread_id, _threads),
    Attachment: _under(Attachment.message_id, _messages),
    Assignment: _own(Assignment.participant_id),
    Submission: _under(Submission.assignment_id, _assignments),
    Feedback: _under(Feedback.submission_id, _submissions),
    Consent: _own(Consent.participant_id),
    ConsentRecord: _own(ConsentRecord.participant_id),
    ContactMoment: _own(ContactMoment.participant_id),
    Appointment: _own(Appointment.participant_id),
    AuditEntry: _own(AuditEntry.subject_participant_id),  # who looked at their data
    ErasureRequest: _own(ErasureRequest.participant_id),
}

# Tables without the participant's data, and why.
NOT_PERSONAL: Mapping[str, str] = {
    "organisation": "reference data: organisations (names appear in the rows that use them)",
    "team": "reference data: teams of counsellors",
    "instrument": "reference data: the life-domain instruments",
    "life_domain": "reference data: the domains of an instrument",
    "scale_level": "reference data: the points of an instrument's scale",
    "content_item": "reference data: information and assignments written by staff",
    "content_version": "reference data: the texts of content items",
    "oidc_login_request": "staff logins in progress (minutes), linked to no user",
}


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def export_columns(model: type[SQLModel]) -> list[sa.Column]:
    """The columns of ``model`` that the export writes: all but secrets."""
    return [column for column in model.__table__.columns if column.name not in SECRET_COLUMNS]


def export_values(columns: list[sa.Column], values: Any) -> dict[str, Any]:
    """A row read as plain ``values`` of ``columns`` (no ORM objects), as the export writes it."""
    return {column.name: _value(value) for column, value in zip(columns, values, strict=True)}


def export_row(row: SQLModel) -> dict[str, Any]:
    """One row as the export writes it: every column but secrets, JSON-ready values."""
    return {column.name: _value(getattr(row, column.key)) for column in export_columns(type(row))}


def participant_export(
    session: Session, viewer: Viewer, *, now: datetime | None = None
) -> dict[str, Any]:
    """Everything stored about the logged-in participant, as a JSON-ready dict.

    Raises:
        AccessDenied: the viewer is not a participant (audited): nobody exports someone else.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE)
    user = session.get(User, viewer.user_id)
    tables = {}
    for model, condition in EXPORT.items():
        order = model.__table__.primary_key.columns.values()
        rows = session.exec(select(model).where(condition(user)).order_by(*order))
        tables[model.__tablename__] = [export_row(row) for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or utcnow()).isoformat(),
        "participant_public_id": str(user.public_id),
        "tables": tables,
        "references": _references(session, tables),
    }


_USER_COLUMNS = (
    "counsellor_id",
    "assessor_id",
    "sender_id",
    "author_id",
    "assigned_by_id",
    "recorded_by_id",
    "actor_id",
    "member_id",
    "network_member_id",
    "created_by_id",
    "changed_by_id",
)


class ReferenceIds(NamedTuple):
    """The ids that rows point at, to be named in the export's ``references``."""

    users: set[int]
    organisations: set[int]
    content: set[int]
    life_domains: set[int]


def reference_ids() -> ReferenceIds:
    """An empty set of ids, to be filled by :func:`collect_reference_ids`."""
    return ReferenceIds(set(), set(), set(), set())


def collect_reference_ids(ids: ReferenceIds, table: str, rows: list[dict[str, Any]]) -> None:
    """Add the ids that ``rows`` of ``table`` point at to ``ids``."""
    for row in rows:
        for found, columns in (
            (ids.users, _USER_COLUMNS),
            (ids.organisations, ("organisation_id", "actor_organisation_id")),
            (ids.content, ("content_id",)),
            (ids.life_domains, ("life_domain_id",)),
        ):
            found |= {row[c] for c in columns if row.get(c) is not None}
        if table == User.__tablename__:
            ids.users.add(row["id"])


def _references(session: Session, tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    ids = reference_ids()
    for table, rows in tables.items():
        collect_reference_ids(ids, table, rows)
    return export_references(session, ids)


def export_references(session: Session, ids: ReferenceIds) -> dict[str, Any]:
    """Names for the ids the rows point at: people, organisations, content, life domains."""
    newest = (
        select(ContentVersion.content_id, sa.func.max(ContentVersion.version).label("version"))
        .where(ContentVersion.content_id.in_(ids.content))
        .group_by(ContentVersion.content_id)
        .subquery()
    )
    titles = session.exec(
        select(ContentVersion.content_id, ContentVersion.title).join(
            newest,
            (newest.c.content_id == ContentVersion.content_id)
            & (newest.c.version == ContentVersion.version),
        )
    ).all()
    return {
        "users": {
            str(uid): {"name": name, "role": role}
            for uid, name, role in session.exec(
                select(User.id, User.display_name, User.role).where(User.id.in_(ids.users))
            )
        },
        "organisations": {
            str(oid): name
            for oid, name in session.exec(
                select(Organisation.id, Organisation.name).where(
                    Organisation.id.in_(ids.organisations)
                )
            )
        },
        "content": {str(cid): dict(title) for cid, title in titles},
        "life_domains": {
            str(did): dict(name)
            for did, name in session.exec(
                select(LifeDomain.id, LifeDomain.name).where(LifeDomain.id.in_(ids.life_domains))
            )
        },
    }


# --- Mijn gegevens page by page ------------------------------------------------------------

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

# Section of the page -> the table it pages through (newest first) and the rows under each.
SECTIONS: Mapping[str, tuple[type[SQLModel], tuple[tuple[type[SQLModel], Any], ...]]] = {
    "goals": (Goal, ((GoalStep, GoalStep.goal_id),)),
    "assessments": (Assessment, ((AssessmentScore, AssessmentScore.assessment_id),)),
    "messages": (Message, ()),
    "assignments": (Assignment, ()),
    "consents": (ConsentRecord, ()),
    "contacts": (ContactMoment, ()),
    "appointments": (Appointment, ()),
    "access": (AuditEntry, ()),
}


def my_data_section(
    session: Session,
    viewer: Viewer,
    *,
    section: str,
    older_than: int | None = None,
    limit: int = PAGE_SIZE,
) -> dict[str, Any]:
    """One page of one section of the participant's own data, newest first.

    Returns ``{"tables": …, "references": …, "older_than": id or None}`` in the export's
    format: the page's rows (and the rows under them, e.g. a goal's steps), the names they
    point at, and the cursor for the next, older page (``None``: this was the last).

    Raises:
        AccessDenied: the viewer is not a participant (audited).
        NotFound: there is no such section.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE)
    if section not in SECTIONS:
        raise NotFound(f"no section {section!r}")
    user = session.get(User, viewer.user_id)
    model, children = SECTIONS[section]
    query = select(model).where(EXPORT[model](user))
    if model is AuditEntry:  # who looked: only the looks that happened, by a person
        query = query.where(
            AuditEntry.outcome == AuditOutcome.ALLOWED.value, AuditEntry.actor_id.is_not(None)
        )
    if older_than is not None:
        query = query.where(model.id < older_than)
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    rows = session.exec(query.order_by(model.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    tables = {model.__tablename__: [export_row(row) for row in rows], User.__tablename__: []}
    ids = [row.id for row in rows]
    for child, parent_column in children:
        found = session.exec(select(child).where(parent_column.in_(ids)).order_by(child.id))
        tables[child.__tablename__] = [export_row(row) for row in found]
    return {
        "tables": tables,
        "references": _references(session, tables),
        "older_than": rows[-1].id if more else None,
    }
