"""The authorization matrix: every service function x every role x related/unrelated participant.

Each cell asserts allowed or :class:`AccessDenied`; a refusal must have written a "refused"
audit entry, an allowed access to someone else's data an "allowed" one. A public function
added to ``jouw_omgeving.services`` fails :func:`test_every_service_function_is_in_the_matrix`
until it is given a row here (or, for helpers without a viewer, a reason in ``HELPERS``).
"""

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

import jouw_omgeving.services
from jouw_omgeving.models import AuditEntry, Goal, Organisation, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentCategory
from jouw_omgeving.services import accounts
from jouw_omgeving.services.access import Category
from jouw_omgeving.services.appointments import (
    appointment_cancel,
    appointment_plan,
    appointments_list,
    my_upcoming_appointments,
)
from jouw_omgeving.services.audit_log import access_log, audit_search
from jouw_omgeving.services.caseload import caseload_overview
from jouw_omgeving.services.contacts import contact_register, contacts_list, local_today
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.goals import goal_board, goal_detail
from jouw_omgeving.services.overviews import admin_overview, participant_home, pilot_overview
from jouw_omgeving.services.participants import participant_by_public_id, participant_summary
from jouw_omgeving.services.team import participant_reassign, team_caseloads
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_appointment,
    make_consent,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_network_member,
    make_participant,
    make_partner,
    make_team,
)


@dataclass
class Target:
    """The participant a call is about, and one of their goals."""

    participant: User
    goal: Goal


@dataclass
class Scenario:
    """One viewer per kind, and for each kind its related and unrelated participant."""

    viewers: dict[str, User]
    related: dict[str, Target]
    unrelated: Target


def _scenario(session: Session) -> Scenario:
    team = make_team(session)
    counsellor = make_counsellor(session, team=team)
    lead = make_counsellor(session, team=team, is_team_lead=True)
    participant = make_participant(session, counsellor=counsellor)
    member = make_network_member(session, participant=participant)
    shared = make_goal(session, participant=participant, title="Gedeeld", shared_with=[member])
    make_goal(session, participant=participant, title="Niet gedeeld")
    stranger = make_participant(session)  # another counsellor, another team
    strangers_goal = make_goal(session, participant=stranger, title="Van een ander")
    partner = make_partner(session)
    make_consent(
        session,
        participant=participant,
        organisation=session.get(Organisation, partner.organisation_id),
        category=ConsentCategory.GOALS,
    )
    viewers = {
        "participant": participant,
        "network_member": member,
        "counsellor": counsellor,
        "team_lead": lead,
        "partner_with_consent": partner,
        "partner_without_consent": make_partner(session),
        "evaluator": make_evaluator(session),
        "admin": make_admin(session),
    }
    related = dict.fromkeys(viewers, Target(participant, shared))
    return Scenario(viewers, related, Target(stranger, strangers_goal))


Call = Callable[[Session, Viewer, Target], Any]

# service -> (how to call it, whether it is about one participant)
SERVICES: dict[str, tuple[Call, bool]] = {
    "goals.goal_board": (lambda s, v, t: goal_board(s, v, participant_id=t.participant.id), True),
    "goals.goal_detail": (
        lambda s, v, t: goal_detail(s, v, goal_public_id=str(t.goal.public_id)),
        True,
    ),
    "participants.participant_summary": (
        lambda s, v, t: participant_summary(s, v, str(t.participant.public_id)),
        True,
    ),
    "participants.participant_by_public_id": (
        lambda s, v, t: participant_by_public_id(
            s, v, str(t.participant.public_id), category=Category.GOALS
        ),
        True,
    ),
    "overviews.participant_home": (lambda s, v, t: participant_home(s, v), False),
    "caseload.caseload_overview": (lambda s, v, t: caseload_overview(s, v), False),
    "contacts.contact_register": (
        lambda s, v, t: contact_register(
            s, v, str(t.participant.public_id), kind="phone", day=local_today(), duration_minutes=15
        ),
        True,
    ),
    "contacts.contacts_list": (
        lambda s, v, t: contacts_list(s, v, str(t.participant.public_id)),
        True,
    ),
    "appointments.appointment_plan": (
        lambda s, v, t: appointment_plan(
            s,
            v,
            str(t.participant.public_id),
            kind="visit",
            starts_at=utcnow() + timedelta(days=2),
            duration_minutes=60,
        ),
        True,
    ),
    "appointments.appointment_cancel": (
        lambda s, v, t: appointment_cancel(
            s,
            v,
            str(make_appointment(s, participant=t.participant, counsellor=t.participant).public_id),
        ),
        True,
    ),
    "appointments.appointments_list": (
        lambda s, v, t: appointments_list(s, v, str(t.participant.public_id)),
        True,
    ),
    "appointments.my_upcoming_appointments": (
        lambda s, v, t: my_upcoming_appointments(s, v),
        False,
    ),
    "team.team_caseloads": (lambda s, v, t: team_caseloads(s, v), False),
    "team.participant_reassign": (
        lambda s, v, t: participant_reassign(
            s,
            v,
            str(t.participant.public_id),
            counsellor_public_id=str(s.get(User, v.user_id).public_id),
            handover_note="Overdracht",
        ),
        True,
    ),
    "overviews.pilot_overview": (lambda s, v, t: pilot_overview(s, v), False),
    "overviews.admin_overview": (lambda s, v, t: admin_overview(s, v), False),
    "audit_log.audit_search": (
        lambda s, v, t: audit_search(s, v, participant_username=t.participant.username),
        False,
    ),
    "audit_log.access_log": (lambda s, v, t: access_log(s, v), False),
    "accounts.participant_create": (
        lambda s, v, t: accounts.participant_create(s, v, "Nieuwe Deelnemer"),
        False,
    ),
    "accounts.activation_code_issue": (
        lambda s, v, t: accounts.activation_code_issue(s, v, str(t.participant.public_id)),
        True,
    ),
    "accounts.require_account_access": (
        lambda s, v, t: accounts.require_account_access(
            s, v, str(t.participant.public_id), action="update"
        ),
        True,
    ),
}

KINDS = (
    "participant",
    "network_member",
    "counsellor",
    "team_lead",
    "partner_with_consent",
    "partner_without_consent",
    "evaluator",
    "admin",
)

# Per service, per viewer kind: the outcome for the related and for the unrelated participant
# ("A" allowed, "D" denied). A kind left out is denied both.
MATRIX: dict[str, dict[str, str]] = {
    "goals.goal_board": {
        "participant": "AD",
        "counsellor": "AD",
        "team_lead": "AD",
        "partner_with_consent": "AD",
    },
    "goals.goal_detail": {
        "participant": "AD",
        "network_member": "AD",  # only the goal shared with them
        "counsellor": "AD",
        "team_lead": "AD",
        "partner_with_consent": "AD",
    },
    "participants.participant_summary": {
        "participant": "AD",
        "counsellor": "AD",
        "team_lead": "AD",
        "partner_with_consent": "AD",
    },
    "participants.participant_by_public_id": {
        "participant": "AD",
        "counsellor": "AD",
        "team_lead": "AD",
        "partner_with_consent": "AD",
    },
    "overviews.participant_home": {"participant": "AA"},
    "caseload.caseload_overview": {"counsellor": "AA", "team_lead": "AA"},
    # A team lead standing in for a colleague registers the contact; reads the team's list.
    "contacts.contact_register": {"counsellor": "AD", "team_lead": "AD"},
    "contacts.contacts_list": {"counsellor": "AD", "team_lead": "AD"},
    "appointments.appointment_plan": {"counsellor": "AD"},
    "appointments.appointment_cancel": {"counsellor": "AD"},
    "appointments.appointments_list": {"counsellor": "AD", "team_lead": "AD"},
    "appointments.my_upcoming_appointments": {"participant": "AA"},
    "team.team_caseloads": {"team_lead": "AA"},
    "team.participant_reassign": {"team_lead": "AD"},
    "overviews.pilot_overview": {"evaluator": "AA"},
    "overviews.admin_overview": {"admin": "AA"},
    "audit_log.audit_search": {"admin": "AA"},
    "audit_log.access_log": {"participant": "AA"},
    # Counsellors manage the logins of their own caseload; a team lead's team is not enough.
    "accounts.participant_create": {"counsellor": "AA", "team_lead": "AA"},
    "accounts.activation_code_issue": {"counsellor": "AD"},
    "accounts.require_account_access": {"counsellor": "AD"},
}

# Public functions of the services package that are not entry points for a viewer.
HELPERS = {
    "audit.audit_record": "the append-only writer every guard calls",
    "access.refuse": "the guard's refusal (audits, commits, raises)",
    "access.decide": "the guard's table lookup; covered by tests/services/test_access.py",
    "access.require_role": "the guard for role-only services; covered via every row above",
    "access.require_participant_access": "the guard itself; tests/services/test_access.py",
    "access.require_goal_access": "the guard for one goal; covered via goal_detail",
    "relations.active_caseload_condition": "an SQL condition used inside guarded queries",
    "relations.consent_current_condition": "an SQL condition used inside the guard",
    "ids.parse_public_id": "input validation, no data",
    "messages_read.unread_count_expr": "an SQL expression used inside guarded queries",
    "messages_read.unread_for_participant": "a selector run only after a role check",
    "accounts.clean_display_name": "input validation, no data",
    "accounts.participant_by_public_id": "a lookup without viewer; callers guard it first",
    "qr.qr_data_uri": "draws a QR code, no data",
    "contacts.local_today": "today's date in the Netherlands, no data",
    "caseload_signals.caseload_signals": "the overview's SQL; caseload_overview guards it",
}


def _public_service_functions() -> dict[str, str]:
    found = {}
    for info in pkgutil.iter_modules(jouw_omgeving.services.__path__):
        module = importlib.import_module(f"jouw_omgeving.services.{info.name}")
        for name, obj in vars(module).items():
            public = not name.startswith("_")
            if public and inspect.isfunction(obj) and obj.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = module.__name__
    return found


def test_every_service_function_is_in_the_matrix():
    found = _public_service_functions()
    missing = {name: mod for name, mod in found.items() if name not in SERVICES | HELPERS}
    assert missing == {}, "new service functions: add them to MATRIX (or HELPERS with a reason)"
    assert set(SERVICES) | set(HELPERS) <= set(found), "stale entries in the matrix"
    assert set(MATRIX) == set(SERVICES)
    assert all(set(row) <= set(KINDS) for row in MATRIX.values())


@pytest.fixture
def sql_log(engine: sa.Engine) -> Iterator[list[str]]:
    """Every SQL statement sent while the test runs."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    yield statements
    sa.event.remove(engine, "before_cursor_execute", record)


def _new_entries(session: Session, since_id: int, actor: User) -> list[AuditEntry]:
    return list(
        session.exec(
            select(AuditEntry).where(AuditEntry.id > since_id, AuditEntry.actor_id == actor.id)
        )
    )


CELLS = [
    pytest.param(service, kind, which, id=f"{service.split('.')[1]}-{kind}-{which}")
    for service in SERVICES
    for kind in KINDS
    for which in ("related", "unrelated")
]


@pytest.mark.parametrize(("service", "kind", "which"), CELLS)
def test_cell(session: Session, sql_log: list[str], service: str, kind: str, which: str):
    scenario = _scenario(session)
    viewer_user = scenario.viewers[kind]
    target = scenario.related[kind] if which == "related" else scenario.unrelated
    call, about_participant = SERVICES[service]
    expected = MATRIX[service].get(kind, "DD")[0 if which == "related" else 1]
    before = session.exec(select(func.coalesce(func.max(AuditEntry.id), 0))).one()
    viewer = Viewer.of(viewer_user, client_address="192.0.2.10")

    if expected == "D":
        with pytest.raises(AccessDenied):
            call(session, viewer, target)
        outcomes = [e.outcome for e in _new_entries(session, before, viewer_user)]
        assert "refused" in outcomes, f"refusal of {service} to {kind} was not audited"
        assert "allowed" not in outcomes
    else:
        call(session, viewer, target)
        if about_participant and viewer_user.id != target.participant.id:
            entries = _new_entries(session, before, viewer_user)
            assert any(
                e.outcome == "allowed" and e.subject_participant_id == target.participant.id
                for e in entries
            ), f"{kind}'s access through {service} was not audited"
    append_only = re.compile(r"^\s*(update|delete)\b.*\baudit_entry\b", re.I | re.S)
    assert not [s for s in sql_log if append_only.search(s)], "audit entries were changed"
