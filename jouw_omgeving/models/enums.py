"""Closed vocabularies, stored as short strings (portable, readable in SQL)."""

from enum import StrEnum


class Role(StrEnum):
    """What a user is on the platform."""

    PARTICIPANT = "participant"
    NETWORK_MEMBER = "network_member"
    COUNSELLOR = "counsellor"
    PARTNER = "partner"
    EVALUATOR = "evaluator"
    ADMIN = "admin"


STAFF_ROLES = frozenset({Role.COUNSELLOR, Role.PARTNER, Role.EVALUATOR, Role.ADMIN})


class OrganisationKind(StrEnum):
    """Our own organisation (Leger des Heils) or a partner in the care chain."""

    OWN = "own"
    PARTNER = "partner"


class GoalStatus(StrEnum):
    """Where a goal stands."""

    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    STOPPED = "stopped"


class StepStatus(StrEnum):
    """A small step is open or done (or a suggested step the participant declined)."""

    OPEN = "open"
    DONE = "done"
    DECLINED = "declined"


class AssessorRole(StrEnum):
    """Who filled in a life-domain assessment."""

    PARTICIPANT = "participant"
    COUNSELLOR = "counsellor"


class ThreadKind(StrEnum):
    """Who a participant talks to in a thread."""

    COUNSELLOR = "counsellor"
    NETWORK = "network"


class ConsentCategory(StrEnum):
    """Data a partner organisation may follow. Messages are never shareable."""

    GOALS = "goals"
    PROGRESS = "progress"
    ASSIGNMENTS = "assignments"


class ConsentStatus(StrEnum):
    """Current state of one participant x organisation x category consent."""

    REQUESTED = "requested"
    GRANTED = "granted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class ConsentAction(StrEnum):
    """What one append-only consent record did."""

    REQUEST = "request"
    GRANT = "grant"
    DECLINE = "decline"
    WITHDRAW = "withdraw"


class ContentKind(StrEnum):
    """Information to read, an assignment to do, or a lesson of a track."""

    INFO = "info"
    ASSIGNMENT = "assignment"
    LESSON = "lesson"


class ContentStatus(StrEnum):
    """Editorial state of a content item."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class AssignmentStatus(StrEnum):
    """Progress of an assignment given to a participant."""

    OPEN = "open"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"


class SubmissionStatus(StrEnum):
    """A submission is a saved draft until the participant submits it."""

    DRAFT = "draft"
    SUBMITTED = "submitted"


class ContactKind(StrEnum):
    """How a counsellor and participant were in contact."""

    VISIT = "visit"
    PHONE = "phone"
    VIDEO = "video"
    PLATFORM = "platform"


class AppointmentStatus(StrEnum):
    """State of a planned appointment."""

    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class AuditOutcome(StrEnum):
    """Whether an access was allowed or refused."""

    ALLOWED = "allowed"
    REFUSED = "refused"
