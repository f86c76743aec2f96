"""The access policy as data: which role, in which relation, may do what with which data.

Read :data:`POLICY` as the whole rule book. Anything not granted there is refused; the
participant's own data is theirs and needs no grant. Relations are checked in the database
by :mod:`jouw_omgeving.services.relations`; the guard is :mod:`jouw_omgeving.services.access`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from jouw_omgeving.models.enums import Role


class Category(StrEnum):
    """Kinds of data (and of access) the audit log and the policy speak of."""

    PROFILE = "profile"  # name and basic facts: who this participant is
    GOALS = "goals"
    PROGRESS = "progress"
    ASSIGNMENTS = "assignments"
    MESSAGES = "messages"
    CONTACTS = "contacts"
    APPOINTMENTS = "appointments"
    CONSENT = "consent"
    NETWORK = "network"
    ACCOUNT = "account"  # login, activation codes, sessions
    CASELOAD = "caseload"  # who guides whom
    ACCESS_LOG = "access_log"  # the participant's "wie keek mee"
    AUDIT = "audit"  # the whole audit log (admin)
    CASELOAD_OVERVIEW = "caseload_overview"
    AGGREGATES = "aggregates"  # pilot figures (evaluator)
    ADMINISTRATION = "administration"  # organisations, teams, account counts (admin)


class Action(StrEnum):
    """What is done with the data."""

    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class Relation(StrEnum):
    """How a viewer stands to a participant; each is checked in the database."""

    CASELOAD = "caseload"  # the counsellor guides them now
    TEAM = "team"  # a team lead of the participant's team
    TEAM_READS_MESSAGES = "team_reads_messages"  # a colleague in a team that reads along
    SHARED_GOAL = "shared_goal"  # a network member the goal is shared with, membership active
    NETWORK_THREAD = "network_thread"  # the network member of this chat, membership active
    CONSENT = "consent"  # the partner's organisation holds a current consent for the category
    PLATFORM_ADMIN = "platform_admin"  # admins manage every account


READ = frozenset({Action.READ})
WRITE = frozenset(Action)


@dataclass(frozen=True)
class Grant:
    """Role ``role``, when ``relation`` holds, may do these actions on these categories."""

    role: Role
    relation: Relation
    categories: Mapping[Category, frozenset[Action]]


_CARE = (
    Category.GOALS,
    Category.PROGRESS,
    Category.ASSIGNMENTS,
    Category.CONTACTS,
    Category.APPOINTMENTS,
)

POLICY: tuple[Grant, ...] = (
    Grant(
        Role.COUNSELLOR,
        Relation.CASELOAD,
        {
            Category.PROFILE: READ,
            **dict.fromkeys(_CARE, WRITE),
            Category.MESSAGES: WRITE,
            # Recorded only on the participant's explicit request (a flag on the record).
            Category.CONSENT: frozenset({Action.READ, Action.CREATE}),
            Category.NETWORK: READ,
            Category.ACCOUNT: frozenset({Action.READ, Action.CREATE, Action.UPDATE}),
            Category.CASELOAD: READ,
        },
    ),
    Grant(
        Role.COUNSELLOR,
        Relation.TEAM,
        {
            Category.PROFILE: READ,
            **dict.fromkeys(_CARE, READ),
            # A team lead who stands in for a colleague registers the contact they had.
            Category.CONTACTS: frozenset({Action.READ, Action.CREATE}),
            Category.CONSENT: READ,
            Category.NETWORK: READ,
            Category.CASELOAD: WRITE,  # reassigning within the team
        },
    ),
    Grant(Role.COUNSELLOR, Relation.TEAM_READS_MESSAGES, {Category.MESSAGES: READ}),
    Grant(Role.NETWORK_MEMBER, Relation.SHARED_GOAL, {Category.GOALS: READ}),
    # Only the one chat the participant opened with them; never the counsellor thread.
    Grant(
        Role.NETWORK_MEMBER,
        Relation.NETWORK_THREAD,
        {Category.MESSAGES: frozenset({Action.READ, Action.CREATE})},
    ),
    Grant(
        Role.PARTNER,
        Relation.CONSENT,
        {
            # The name comes with any current consent; the data only with its own category.
            Category.PROFILE: READ,
            Category.GOALS: READ,
            Category.PROGRESS: READ,
            Category.ASSIGNMENTS: READ,
        },
    ),
    Grant(Role.ADMIN, Relation.PLATFORM_ADMIN, {Category.ACCOUNT: WRITE}),
)
"""Everything anyone but the participant may do. Not listed means refused."""
