"""The authorization matrix: every service function x every role x related/unrelated participant.

Each cell asserts allowed or :class:`AccessDenied`; a refusal must have written a "refused"
audit entry, an allowed access to someone else's data an "allowed" one. A public function
added to ``jouw_omgeving.services`` fails :func:`test_every_service_function_is_in_the_matrix`
until it is given a row here (or, for helpers without a viewer, a reason in ``HELPERS``).
"""

import importlib
import inspect
import json
import pkgutil
import re
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

import jouw_omgeving.services
from jouw_omgeving.models import (
    Attachment,
    AuditEntry,
    Consent,
    ErasureRequest,
    Goal,
    GoalStep,
    LoginSession,
    NetworkMembership,
    Organisation,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentCategory, ConsentStatus, OrganisationKind
from jouw_omgeving.services import (
    accounts,
    admin_accounts,
    admin_caseloads,
    admin_organisations,
    admin_participants,
    admin_sessions,
    admin_settings,
    assignments,
    assignments_counsellor,
    assignments_track,
    consent,
    consent_partner,
    consent_read,
    content,
    content_authoring,
    erasure,
    erasure_refusal,
    evaluation,
    evaluation_contacts,
    evaluation_goals,
    evaluation_outcomes,
    evaluation_scope,
    evaluation_use,
    goal_changes,
    goal_shares,
    goal_suggestions,
    help_numbers,
    instrument_transfer,
    instruments_admin,
    messages_participant,
    my_data,
    my_data_file,
    network_invites,
    network_staff,
    own_password,
    progress,
    progress_counsellor,
    retention,
    self_reports,
    user_settings,
)
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
from jouw_omgeving.services.goal_starters import goal_starters
from jouw_omgeving.services.goals import goal_board, goal_detail
from jouw_omgeving.services.messages import (
    ensure_counsellor_thread,
    open_thread,
    participant_threads,
    poll_thread,
)
from jouw_omgeving.services.messages_access import authorize_thread, open_thread_access
from jouw_omgeving.services.messages_attachments import attachment_download, attachment_send
from jouw_omgeving.services.messages_inbox import counsellor_inbox
from jouw_omgeving.services.messages_network import (
    network_chat_choices,
    network_member_threads,
    network_thread_start,
)
from jouw_omgeving.services.messages_send import send_message
from jouw_omgeving.services.overviews import admin_overview, participant_home, pilot_overview
from jouw_omgeving.services.participants import participant_by_public_id, participant_summary
from jouw_omgeving.services.team import participant_reassign, team_caseloads
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_appointment,
    make_assignment,
    make_consent,
    make_content_item,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_goal_step,
    make_instrument,
    make_message,
    make_network_member,
    make_network_membership,
    make_organisation,
    make_participant,
    make_partner,
    make_partner_organisation,
    make_submission,
    make_team,
    unique,
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


def _evaluation(family: Callable[..., Any]) -> tuple[Call, bool]:
    """An evaluation family over the target's organisation (aggregates, no participant)."""

    def call(s: Session, v: Viewer, t: Target) -> Any:
        organisation = s.get(Organisation, t.participant.organisation_id)
        today = utcnow().date()
        query = evaluation_scope.EvaluationFilter(
            organisation_public_id=str(organisation.public_id),
            start=today - timedelta(days=60),
            end=today,
        )
        return family(s, v, query)

    return call, False


def _end_one_session(s: Session, v: Viewer, t: Target) -> None:
    from jouw_omgeving.auth.sessions import session_start_pending

    session_start_pending(s, user=t.participant, client_address="192.0.2.1")
    row = s.exec(select(LoginSession).where(LoginSession.user_id == t.participant.id)).first()
    admin_sessions.user_session_end(s, v, user_public_id=t.participant.public_id, session_id=row.id)


def _settings_update(s: Session, v: Viewer, t: Target) -> None:
    admin_settings.organisation_settings_update(
        s,
        v,
        organisation_public_id=make_organisation(s).public_id,
        help_numbers=[("Team", "112", "")],
        session_minutes={
            "staff_idle": 15,
            "staff_absolute": 480,
            "participant_idle": 30,
            "participant_absolute": 720,
        },
        suppression_threshold=5,
        retention_months=24,
    )


def _erasure_of_target(s: Session, v: Viewer, t: Target) -> Any:
    request = ErasureRequest(participant_id=t.participant.id)
    s.add(request)
    s.commit()
    return erasure.erasure_execute(
        s, v, request_public_id=str(request.public_id), data_dir=Path(tempfile.mkdtemp())
    )


def _staff_create(s: Session, v: Viewer, t: Target) -> None:
    admin_accounts.staff_create(
        s,
        v,
        display_name="Nieuwe Evaluator",
        username=unique("matrix"),
        role="evaluator",
        organisation_public_id=make_organisation(s).public_id,
    )


def _partner_org(session: Session, target: Target) -> str:
    """The organisation the target consented to (any partner organisation when none)."""
    organisation_id = (
        session.exec(
            select(Consent.organisation_id).where(Consent.participant_id == target.participant.id)
        ).first()
        or session.exec(
            select(Organisation.id).where(Organisation.kind == OrganisationKind.PARTNER)
        ).first()
    )
    return str(session.get(Organisation, organisation_id).public_id)


def _consent_change(change: Callable[..., Any], category: str, **extra: Any) -> Call:
    return lambda s, v, t: change(
        s,
        v,
        participant_id=t.participant.id,
        organisation_public_id=_partner_org(s, t),
        category=category,
        **extra,
    )


def _answer_own_request(session: Session, viewer: Viewer, target: Target) -> Any:
    asked = make_partner_organisation(session)
    make_consent(
        session,
        participant=session.get(User, viewer.user_id),
        organisation=asked,
        category=ConsentCategory.ASSIGNMENTS,
        status=ConsentStatus.REQUESTED,
    )
    return consent.consent_answer(
        session,
        viewer,
        organisation_public_id=str(asked.public_id),
        category="assignments",
        accept=True,
    )


def _about(read: Callable[..., Any]) -> Call:
    return lambda s, v, t: read(s, v, participant_id=t.participant.id)


def _thread(session: Session, target: Target):
    return ensure_counsellor_thread(session, target.participant.id)


_DATA_DIR = Path(tempfile.mkdtemp(prefix="jo-matrix-"))


def _download_of_a_letter(session: Session, viewer: Viewer, target: Target):
    thread = _thread(session, target)
    letter = make_message(session, thread=thread, sender=target.participant, body="📎 brief.pdf")
    attachment = Attachment(
        message_id=letter.id,
        filename="brief.pdf",
        content_type="application/pdf",
        size_bytes=4,
        sha256="0" * 64,
        storage_key=uuid.uuid4().hex,
    )
    session.add(attachment)
    session.flush()
    return attachment_download(
        session, viewer, attachment_public_id=str(attachment.public_id), data_dir=_DATA_DIR
    )


def _poll_with_news(session: Session, viewer: Viewer, target: Target):
    # Polls are audited when they deliver messages (not on every empty tick).
    thread = _thread(session, target)
    make_message(session, thread=thread, sender=target.participant)
    return poll_thread(session, viewer, thread_id=thread.id, after_id=0)


_CHECK = [
    {"key": "q1", "type": "choice", "prompt": {"nl": "?"}, "options": [{"nl": "a"}], "answer": 0}
]


def _assignment_of(session: Session, target: Target) -> str:
    return str(make_assignment(session, participant=target.participant).public_id)


def _submission_of(session: Session, target: Target) -> str:
    return str(
        make_submission(
            session, assignment=make_assignment(session, participant=target.participant)
        ).public_id
    )


def _lesson(session: Session) -> str:
    return str(
        make_content_item(
            session, kind="lesson", track="digital_skills", questions=_CHECK
        ).public_id
    )


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
    "goal_changes.goal_by_public_id": (
        lambda s, v, t: goal_changes.goal_by_public_id(s, v, str(t.goal.public_id)),
        True,
    ),
    "goal_changes.goal_create": (
        lambda s, v, t: goal_changes.goal_create(s, v, participant_id=t.participant.id, title="x"),
        True,
    ),
    "goal_changes.goal_update": (
        lambda s, v, t: goal_changes.goal_update(
            s, v, goal_public_id=str(t.goal.public_id), title="x", due_date=None, helpers=None
        ),
        True,
    ),
    "goal_changes.goal_set_status": (
        lambda s, v, t: goal_changes.goal_set_status(
            s, v, goal_public_id=str(t.goal.public_id), status="paused"
        ),
        True,
    ),
    "goal_changes.step_add": (
        lambda s, v, t: goal_changes.step_add(
            s, v, goal_public_id=str(t.goal.public_id), title="x"
        ),
        True,
    ),
    "goal_changes.step_mark_done": (
        lambda s, v, t: goal_changes.step_mark_done(s, v, step_public_id=_first_step(s, t)),
        True,
    ),
    "goal_changes.step_update": (
        lambda s, v, t: goal_changes.step_update(
            s, v, step_public_id=_first_step(s, t), title="x", due_date=None
        ),
        True,
    ),
    "goal_shares.share_choices": (
        lambda s, v, t: goal_shares.share_choices(s, v, goal_public_id=str(t.goal.public_id)),
        True,
    ),
    "goal_shares.goal_share": (
        lambda s, v, t: goal_shares.goal_share(
            s, v, goal_public_id=str(t.goal.public_id), member_public_id=_member(s, t)
        ),
        True,
    ),
    "goal_shares.goal_unshare": (
        lambda s, v, t: goal_shares.goal_unshare(
            s, v, goal_public_id=str(t.goal.public_id), member_public_id=_member(s, t)
        ),
        True,
    ),
    "goal_shares.shared_goals": (lambda s, v, t: goal_shares.shared_goals(s, v), False),
    "network_invites.network_invite": (
        lambda s, v, t: network_invites.network_invite(
            s, v, display_name="Zus", relation="familie"
        ),
        False,
    ),
    "network_invites.network_list": (lambda s, v, t: network_invites.network_list(s, v), False),
    "network_invites.network_end": (
        lambda s, v, t: network_invites.network_end(s, v, member_public_id=_member(s, t)),
        True,
    ),
    "network_invites.invite_cancel": (
        lambda s, v, t: network_invites.invite_cancel(s, v, member_public_id=_open_invite(s, t)),
        True,
    ),
    "goal_starters.goal_starters": (lambda s, v, t: goal_starters(s, v, lang="nl"), False),
    "user_settings.settings_set_large_text": (
        lambda s, v, t: user_settings.settings_set_large_text(s, v, large_text=True),
        False,
    ),
    "user_settings.settings_set_language": (
        lambda s, v, t: user_settings.settings_set_language(s, v, language="en"),
        False,
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
    "evaluation.evaluation_options": (lambda s, v, t: evaluation.evaluation_options(s, v), False),
    "evaluation.evaluation_dashboard": _evaluation(evaluation.evaluation_dashboard),
    "evaluation_scope.evaluation_scope": _evaluation(evaluation_scope.evaluation_scope),
    "evaluation.evaluation_begin": _evaluation(evaluation.evaluation_begin),
    "evaluation.evaluation_family": _evaluation(
        lambda s, v, q: evaluation.evaluation_family(s, v, q, "goals")
    ),
    "evaluation.evaluation_families": _evaluation(
        lambda s, v, q: evaluation.evaluation_families(lambda: nullcontext(s), v, q, workers=1)
    ),
    "evaluation.evaluation_comparison": _evaluation(
        lambda s, v, q: evaluation.evaluation_comparison(s, v, q, {})
    ),
    "evaluation_use.reach_weekly": _evaluation(evaluation_use.reach_weekly),
    "evaluation_use.retention_cohorts": _evaluation(evaluation_use.retention_cohorts),
    "evaluation_contacts.contact_mix": _evaluation(evaluation_contacts.contact_mix),
    "evaluation_contacts.counsellor_minutes": _evaluation(evaluation_contacts.counsellor_minutes),
    "evaluation_goals.goals_by_domain": _evaluation(evaluation_goals.goals_by_domain),
    "evaluation_outcomes.self_reliance_change": _evaluation(
        evaluation_outcomes.self_reliance_change
    ),
    "evaluation_outcomes.digital_skills_progress": _evaluation(
        evaluation_outcomes.digital_skills_progress
    ),
    "evaluation_outcomes.check_ins_weekly": _evaluation(evaluation_outcomes.check_ins_weekly),
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
    "admin_organisations.organisation_list": (
        lambda s, v, t: admin_organisations.organisation_list(s, v),
        False,
    ),
    "admin_organisations.team_list": (lambda s, v, t: admin_organisations.team_list(s, v), False),
    "admin_organisations.partner_organisation_create": (
        lambda s, v, t: admin_organisations.partner_organisation_create(
            s, v, name="Nieuwe Partner", partner_type="ggz"
        ),
        False,
    ),
    "admin_organisations.team_create": (
        lambda s, v, t: admin_organisations.team_create(
            s, v, organisation_public_id=make_organisation(s).public_id, name="Team Matrix"
        ),
        False,
    ),
    "admin_organisations.team_reads_messages_set": (
        lambda s, v, t: admin_organisations.team_reads_messages_set(
            s, v, team_public_id=make_team(s).public_id, reads=True
        ),
        False,
    ),
    "admin_organisations.team_lead_set": (
        lambda s, v, t: admin_organisations.team_lead_set(
            s, v, user_public_id=make_counsellor(s).public_id, is_lead=True
        ),
        False,
    ),
    "admin_accounts.staff_list": (lambda s, v, t: admin_accounts.staff_list(s, v), False),
    "admin_accounts.staff_detail": (
        lambda s, v, t: admin_accounts.staff_detail(
            s, v, user_public_id=make_counsellor(s).public_id
        ),
        False,
    ),
    "admin_accounts.staff_create": (_staff_create, False),
    "admin_accounts.staff_link_oidc": (
        lambda s, v, t: admin_accounts.staff_link_oidc(
            s, v, user_public_id=make_counsellor(s).public_id, subject="matrix-subject"
        ),
        False,
    ),
    "admin_accounts.staff_set_active": (
        lambda s, v, t: admin_accounts.staff_set_active(
            s, v, user_public_id=make_counsellor(s).public_id, active=False
        ),
        False,
    ),
    "admin_sessions.user_sessions": (
        lambda s, v, t: admin_sessions.user_sessions(s, v, user_public_id=t.participant.public_id),
        True,
    ),
    "admin_sessions.user_session_end": (_end_one_session, True),
    "admin_sessions.user_sessions_end_all": (
        lambda s, v, t: admin_sessions.user_sessions_end_all(
            s, v, user_public_id=t.participant.public_id
        ),
        True,
    ),
    "admin_participants.participant_statuses": (
        lambda s, v, t: admin_participants.participant_statuses(
            s, v, search=t.participant.username
        ),
        True,
    ),
    "admin_settings.organisation_settings": (
        lambda s, v, t: admin_settings.organisation_settings(
            s, v, organisation_public_id=make_organisation(s).public_id
        ),
        False,
    ),
    "admin_settings.organisation_settings_update": (_settings_update, False),
    "admin_caseloads.caseload_counts": (
        lambda s, v, t: admin_caseloads.caseload_counts(s, v),
        False,
    ),
    "help_numbers.help_numbers": (
        lambda s, v, t: help_numbers.help_numbers(s, v, lang="nl"),
        False,
    ),
    # Consent: the participant's own, their counsellor's (on request), the partner's view.
    "consent.consent_give": (
        _consent_change(consent.consent_give, "progress", on_participants_request=True),
        True,
    ),
    "consent.consent_withdraw": (
        _consent_change(consent.consent_withdraw, "goals", on_participants_request=True),
        True,
    ),
    "consent.consent_request": (_consent_change(consent.consent_request, "progress"), True),
    "consent.consent_answer": (_answer_own_request, False),
    "consent_read.consent_overview": (_about(consent_read.consent_overview), True),
    "consent_read.consent_history": (_about(consent_read.consent_history), True),
    "consent_partner.partner_participants": (
        lambda s, v, t: consent_partner.partner_participants(s, v),
        False,
    ),
    "consent_partner.partner_participant_view": (
        lambda s, v, t: consent_partner.partner_participant_view(
            s, v, str(t.participant.public_id)
        ),
        True,
    ),
    "consent_partner.latest_scores": (_about(consent_partner.latest_scores), True),
    "consent_partner.partner_categories_now": (
        lambda s, v, t: consent_partner.partner_categories_now(
            s, v, str(t.participant.public_id), ["goals", "progress"]
        ),
        False,  # a yes/no about access, no data: not audited when allowed
    ),
    "consent_partner.assignment_list": (_about(consent_partner.assignment_list), True),
    "my_data.participant_export": (lambda s, v, t: my_data.participant_export(s, v), False),
    "my_data.my_data_section": (
        lambda s, v, t: my_data.my_data_section(s, v, section="messages"),
        False,
    ),
    "my_data_file.export_begin": (lambda s, v, t: my_data_file.export_begin(s, v), False),
    "erasure.erasure_request_create": (lambda s, v, t: erasure.erasure_request_create(s, v), False),
    "erasure.erasure_request_mine": (lambda s, v, t: erasure.erasure_request_mine(s, v), False),
    "erasure.erasure_requests_list": (lambda s, v, t: erasure.erasure_requests_list(s, v), False),
    "erasure.erasure_execute": (_erasure_of_target, True),
    "progress.scores_over_time": (
        lambda s, v, t: progress.scores_over_time(s, v, participant_id=t.participant.id),
        True,
    ),
    "progress.latest_side_by_side": (
        lambda s, v, t: progress.latest_side_by_side(s, v, participant_id=t.participant.id),
        True,
    ),
    "progress.steps_done_per_month": (
        lambda s, v, t: progress.steps_done_per_month(s, v, participant_id=t.participant.id),
        True,
    ),
    "progress.progress_overview": (
        lambda s, v, t: progress.progress_overview(s, v, participant_id=t.participant.id),
        True,
    ),
    "self_reports.assessment_form": (
        lambda s, v, t: self_reports.assessment_form(s, v, participant_id=t.participant.id),
        True,
    ),
    "self_reports.this_week_check_in": (
        lambda s, v, t: self_reports.this_week_check_in(s, v, participant_id=t.participant.id),
        True,
    ),
    "self_reports.self_assessment_record": (lambda s, v, t: _self_assessment(s, v, t), True),
    "self_reports.check_in_record": (
        lambda s, v, t: self_reports.check_in_record(s, v, participant_id=t.participant.id, mood=3),
        True,
    ),
    "messages.participant_threads": (lambda s, v, t: participant_threads(s, v), False),
    "messages.open_thread": (
        lambda s, v, t: open_thread(s, v, thread_public_id=str(_thread(s, t).public_id)),
        True,
    ),
    "messages.poll_thread": (_poll_with_news, True),
    "messages_access.open_thread_access": (
        lambda s, v, t: open_thread_access(s, v, str(_thread(s, t).public_id)),
        True,
    ),
    "messages_access.authorize_thread": (
        lambda s, v, t: authorize_thread(s, v, _thread(s, t)),
        True,
    ),
    "messages_send.send_message": (
        lambda s, v, t: send_message(
            s,
            v,
            thread_public_id=str(_thread(s, t).public_id),
            body="Hallo",
            idempotency_key="matrix-key-0001",
        ),
        True,
    ),
    "messages_inbox.counsellor_inbox": (lambda s, v, t: counsellor_inbox(s, v), False),
    "messages_attachments.attachment_send": (
        lambda s, v, t: attachment_send(
            s,
            v,
            thread_public_id=str(_thread(s, t).public_id),
            filename="brief.pdf",
            data=b"%PDF-1.7 matrix",
            idempotency_key="matrix-file-0001",
            data_dir=_DATA_DIR,
        ),
        True,
    ),
    "messages_attachments.attachment_download": (_download_of_a_letter, True),
    "messages_network.network_chat_choices": (lambda s, v, t: network_chat_choices(s, v), False),
    "messages_network.network_thread_start": (
        lambda s, v, t: network_thread_start(s, v, member_public_id=_member(s, t)),
        False,
    ),
    "messages_network.network_member_threads": (
        lambda s, v, t: network_member_threads(s, v),
        False,
    ),
    "content.library": (lambda s, v, t: content.library(s, v, lang="nl"), False),
    "content.assignable_content": (
        lambda s, v, t: content.assignable_content(s, v, lang="nl"),
        False,
    ),
    "content.content_item": (
        lambda s, v, t: content.content_item(s, v, content_public_id=_lesson(s), lang="nl"),
        False,
    ),
    "content.visible_item": (lambda s, v, t: content.visible_item(s, v, _lesson(s)), False),
    "assignments.participant_assignments": (
        lambda s, v, t: assignments.participant_assignments(
            s, v, participant_id=t.participant.id, lang="nl"
        ),
        True,
    ),
    "assignments.assignment_by_public_id": (
        lambda s, v, t: assignments.assignment_by_public_id(s, v, _assignment_of(s, t)),
        True,
    ),
    "assignments.assignment_detail": (
        lambda s, v, t: assignments.assignment_detail(
            s, v, assignment_public_id=_assignment_of(s, t), lang="nl"
        ),
        True,
    ),
    "assignments.submission_save": (
        lambda s, v, t: assignments.submission_save(
            s, v, assignment_public_id=_assignment_of(s, t), answers={"q1": "Huur"}
        ),
        True,
    ),
    "assignments_track.track_progress": (
        lambda s, v, t: assignments_track.track_progress(
            s, v, participant_id=t.participant.id, lang="nl"
        ),
        True,
    ),
    "assignments_track.lesson_detail": (
        lambda s, v, t: assignments_track.lesson_detail(
            s, v, content_public_id=_lesson(s), lang="nl"
        ),
        False,
    ),
    "assignments_track.lesson_check_submit": (
        lambda s, v, t: assignments_track.lesson_check_submit(
            s, v, content_public_id=_lesson(s), answers={"q1": 0}, lang="nl"
        ),
        False,
    ),
    "assignments_counsellor.assignment_assign": (
        lambda s, v, t: assignments_counsellor.assignment_assign(
            s, v, participant_id=t.participant.id, content_public_id=_lesson(s)
        ),
        True,
    ),
    "assignments_counsellor.assignments_with_submissions": (
        lambda s, v, t: assignments_counsellor.assignments_with_submissions(
            s, v, participant_id=t.participant.id, lang="nl"
        ),
        True,
    ),
    "assignments_counsellor.feedback_give": (
        lambda s, v, t: assignments_counsellor.feedback_give(
            s, v, submission_public_id=_submission_of(s, t), body="Goed gedaan"
        ),
        True,
    ),
    # The participant detail page's tabs (issue 7).
    "messages_participant.participant_thread_public_id": (
        lambda s, v, t: messages_participant.participant_thread_public_id(
            s, v, str(t.participant.public_id)
        ),
        True,
    ),
    "progress_counsellor.participant_progress_for_staff": (
        lambda s, v, t: progress_counsellor.participant_progress_for_staff(
            s, v, str(t.participant.public_id)
        ),
        True,
    ),
    "progress_counsellor.counsellor_assessment_record": (
        lambda s, v, t: _counsellor_assessment(s, v, t),
        True,
    ),
    "network_staff.participant_network_for_staff": (
        lambda s, v, t: network_staff.participant_network_for_staff(
            s, v, str(t.participant.public_id)
        ),
        True,
    ),
    "goal_suggestions.counsellor_goal_add": (
        lambda s, v, t: goal_suggestions.counsellor_goal_add(
            s, v, str(t.participant.public_id), title="Voorstel", suggest=True
        ),
        True,
    ),
    "goal_suggestions.counsellor_step_add": (
        lambda s, v, t: goal_suggestions.counsellor_step_add(
            s, v, goal_public_id=str(t.goal.public_id), title="Bellen", suggest=True
        ),
        True,
    ),
    "goal_suggestions.goal_suggestion_answer": (
        lambda s, v, t: goal_suggestions.goal_suggestion_answer(
            s,
            v,
            goal_public_id=str(
                make_goal(s, participant=t.participant, steps=(), suggested=True).public_id
            ),
            accept=True,
        ),
        True,
    ),
    "goal_suggestions.step_suggestion_answer": (
        lambda s, v, t: goal_suggestions.step_suggestion_answer(
            s, v, step_public_id=_suggested_step(s, t), accept=False
        ),
        True,
    ),
    "content_authoring.authoring_list": (
        lambda s, v, t: content_authoring.authoring_list(s, v, lang="nl"),
        False,
    ),
    "content_authoring.authoring_domains": (
        lambda s, v, t: content_authoring.authoring_domains(s, v, lang="nl"),
        False,
    ),
    "content_authoring.authoring_item": (
        lambda s, v, t: content_authoring.authoring_item(s, v, content_public_id=_own_draft(s, v)),
        False,
    ),
    "content_authoring.content_create": (
        lambda s, v, t: content_authoring.content_create(s, v, kind="info", draft=_PAGE),
        False,
    ),
    "content_authoring.content_update": (
        lambda s, v, t: content_authoring.content_update(
            s, v, content_public_id=_own_draft(s, v), draft=_PAGE
        ),
        False,
    ),
    "content_authoring.content_publish": (
        lambda s, v, t: content_authoring.content_publish(s, v, content_public_id=_own_draft(s, v)),
        False,
    ),
}

_PAGE = {"title": {"nl": "Post openen"}, "body": {"nl": "Open je post elke week."}}


def _own_draft(session: Session, viewer: Viewer) -> str:
    """A draft information page of the viewer's own organisation (one an editor may edit)."""
    organisation = (
        session.get(Organisation, viewer.organisation_id) if viewer.organisation_id else None
    )
    item = make_content_item(
        session,
        kind="info",
        status="draft",
        organisation=organisation or make_organisation(session),
    )
    return str(item.public_id)


def _counsellor_assessment(session: Session, viewer: Viewer, target: Target) -> str:
    organisation = session.get(Organisation, target.participant.organisation_id)
    instrument = make_instrument(session, organisation=organisation, domains=(("wonen", "W", "H"),))
    return progress_counsellor.counsellor_assessment_record(
        session,
        viewer,
        str(target.participant.public_id),
        instrument_public_id=str(instrument.public_id),
        scores={"wonen": 4},
    )


def _suggested_step(session: Session, target: Target) -> str:
    step = make_goal_step(session, goal=target.goal, title="Voorgesteld")
    step.suggested = True
    session.add(step)
    session.flush()
    return str(step.public_id)


def _first_step(session: Session, target: Target) -> str:
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == target.goal.id)).first()
    return str(step.public_id)


def _member(session: Session, target: Target) -> str:
    """The participant's network member (any UUID when they have none)."""
    member_id = session.exec(
        select(NetworkMembership.member_id).where(
            NetworkMembership.participant_id == target.participant.id
        )
    ).first()
    member = session.get(User, member_id) if member_id else None
    return str(member.public_id) if member else "00000000-0000-4000-8000-000000000000"


def _open_invite(session: Session, target: Target) -> str:
    """An invite of the target participant that nobody has used yet."""
    member = make_network_member(session)
    make_network_membership(session, participant=target.participant, member=member, accepted=False)
    return str(member.public_id)


def _erasure_refusal(s: Session, v: Viewer, t: Target) -> Any:
    request = ErasureRequest(participant_id=t.participant.id)
    s.add(request)
    s.commit()
    return erasure_refusal.erasure_refuse(
        s, v, request_public_id=str(request.public_id), reason="Dossierplicht loopt nog."
    )


def _instrument_file() -> bytes:
    level = {"label": {"nl": "A"}, "pictogram": "meh"}
    data = {
        "format": "jouw-omgeving-instrument",
        "format_version": 1,
        "key": unique("matrix"),
        "version": 1,
        "name": {"nl": "M"},
        "licence": "L",
        "domains": [
            {"key": "wonen", "name": {"nl": "W"}, "question": {"nl": "V"}, "pictogram": "house"}
        ],
        "levels": [{"value": 1, **level}, {"value": 2, **level}],
    }
    return json.dumps(data).encode()


# New instruments and organisations per call: reference data, no participant's.
_INSTRUMENT_CALLS: dict[str, tuple[Call, bool]] = {
    "instruments_admin.instrument_list": (
        lambda s, v, t: instruments_admin.instrument_list(s, v),
        False,
    ),
    "instruments_admin.instrument_usage": (
        lambda s, v, t: instruments_admin.instrument_usage(s, v),
        False,
    ),
    "instruments_admin.instrument_detail": (
        lambda s, v, t: instruments_admin.instrument_detail(
            s, v, instrument_public_id=make_instrument(s).public_id
        ),
        False,
    ),
    "instruments_admin.instrument_domain_edit": (
        lambda s, v, t: instruments_admin.instrument_domain_edit(
            s,
            v,
            instrument_public_id=make_instrument(s).public_id,
            domain_key="housing",
            name={"nl": "Thuis"},
            question={"nl": "Hoe is het thuis?"},
            pictogram="house",
        ),
        False,
    ),
    "instruments_admin.instrument_level_edit": (
        lambda s, v, t: instruments_admin.instrument_level_edit(
            s,
            v,
            instrument_public_id=make_instrument(s).public_id,
            value=1,
            label={"nl": "Slecht"},
            pictogram="frown",
        ),
        False,
    ),
    "instruments_admin.instrument_choose": (
        lambda s, v, t: (
            lambda org: instruments_admin.instrument_choose(
                s,
                v,
                organisation_public_id=org.public_id,
                instrument_public_id=make_instrument(s, organisation=org).public_id,
            )
        )(make_organisation(s)),
        False,
    ),
    "instrument_transfer.instrument_export": (
        lambda s, v, t: instrument_transfer.instrument_export(
            s, v, instrument_public_id=make_instrument(s).public_id
        ),
        False,
    ),
    "instrument_transfer.instrument_import": (
        lambda s, v, t: instrument_transfer.instrument_import(
            s, v, organisation_public_id=make_organisation(s).public_id, raw=_instrument_file()
        ),
        False,
    ),
}
SERVICES.update(_INSTRUMENT_CALLS)
SERVICES.update(
    {
        "erasure_refusal.erasure_refuse": (_erasure_refusal, True),
        "retention.retention_purge": (lambda s, v, t: retention.retention_purge(s, v), False),
        "own_password.own_password_change": (
            lambda s, v, t: own_password.own_password_change(
                s, v, password="een-eigen-wachtwoord", repeat="een-eigen-wachtwoord"
            ),
            False,
        ),
    }
)

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


def _self_assessment(session: Session, viewer: Viewer, target: Target) -> str:
    organisation = session.get(Organisation, target.participant.organisation_id)
    instrument = make_instrument(session, organisation=organisation, domains=(("wonen", "W", "H"),))
    return self_reports.self_assessment_record(
        session,
        viewer,
        participant_id=target.participant.id,
        instrument_public_id=str(instrument.public_id),
        scores={"wonen": 3},
    )


# Progress is read by the participant, their counsellor and team lead (the partner in the
# scenario holds a consent for goals only); only the participant writes their own.
_PROGRESS_READ = {"participant": "AD", "counsellor": "AD", "team_lead": "AD"}

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
    "goal_changes.goal_by_public_id": {
        "participant": "AD",
        "network_member": "AD",  # only the goal shared with them
        "counsellor": "AD",
        "team_lead": "AD",
        "partner_with_consent": "AD",
    },
    # Writing goals: the participant, and their counsellor (audited); reading is not enough.
    "goal_changes.goal_create": {"participant": "AD", "counsellor": "AD"},
    "goal_changes.goal_update": {"participant": "AD", "counsellor": "AD"},
    "goal_changes.goal_set_status": {"participant": "AD", "counsellor": "AD"},
    "goal_changes.step_add": {"participant": "AD", "counsellor": "AD"},
    "goal_changes.step_mark_done": {"participant": "AD", "counsellor": "AD"},
    "goal_changes.step_update": {"participant": "AD", "counsellor": "AD"},
    # Sharing is the participant's own decision.
    "goal_shares.share_choices": {"participant": "AD"},
    "goal_shares.goal_share": {"participant": "AD"},
    "goal_shares.goal_unshare": {"participant": "AD"},
    "goal_shares.shared_goals": {"network_member": "AA"},
    "goal_starters.goal_starters": {"participant": "AA"},
    # Everyone's own display settings.
    "user_settings.settings_set_large_text": dict.fromkeys(KINDS, "AA"),
    "user_settings.settings_set_language": dict.fromkeys(KINDS, "AA"),
    "overviews.participant_home": {"participant": "AA"},
    # Messages: the participant and the caseload counsellor; never admins, partners,
    # evaluators, or a team lead whose team does not read along.
    "messages.participant_threads": {"participant": "AA"},
    "messages.open_thread": {"participant": "AD", "counsellor": "AD"},
    "messages.poll_thread": {"participant": "AD", "counsellor": "AD"},
    "messages_access.open_thread_access": {"participant": "AD", "counsellor": "AD"},
    "messages_access.authorize_thread": {"participant": "AD", "counsellor": "AD"},
    "messages_send.send_message": {"participant": "AD", "counsellor": "AD"},
    "messages_attachments.attachment_send": {"participant": "AD", "counsellor": "AD"},
    "messages_attachments.attachment_download": {"participant": "AD", "counsellor": "AD"},
    "messages_inbox.counsellor_inbox": {"counsellor": "AA", "team_lead": "AA"},
    # Chats with the own network: started by the participant with an active member only.
    "messages_network.network_chat_choices": {"participant": "AA"},
    "messages_network.network_thread_start": {"participant": "AD"},
    "messages_network.network_member_threads": {"network_member": "AA"},
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
    "evaluation.evaluation_options": {"evaluator": "AA"},
    "evaluation.evaluation_dashboard": {"evaluator": "AA"},
    "evaluation_scope.evaluation_scope": {"evaluator": "AA"},
    "evaluation.evaluation_begin": {"evaluator": "AA"},
    "evaluation.evaluation_family": {"evaluator": "AA"},
    "evaluation.evaluation_families": {"evaluator": "AA"},
    "evaluation.evaluation_comparison": {"evaluator": "AA"},
    "evaluation_use.reach_weekly": {"evaluator": "AA"},
    "evaluation_use.retention_cohorts": {"evaluator": "AA"},
    "evaluation_contacts.contact_mix": {"evaluator": "AA"},
    "evaluation_contacts.counsellor_minutes": {"evaluator": "AA"},
    "evaluation_goals.goals_by_domain": {"evaluator": "AA"},
    "evaluation_outcomes.self_reliance_change": {"evaluator": "AA"},
    "evaluation_outcomes.digital_skills_progress": {"evaluator": "AA"},
    "evaluation_outcomes.check_ins_weekly": {"evaluator": "AA"},
    "audit_log.audit_search": {"admin": "AA"},
    "audit_log.access_log": {"participant": "AA"},
    # Counsellors manage the logins of their own caseload; a team lead's team is not enough.
    "accounts.participant_create": {"counsellor": "AA", "team_lead": "AA"},
    "accounts.activation_code_issue": {"counsellor": "AD"},
    "accounts.require_account_access": {"counsellor": "AD"},
    # Admin pages: organisations, teams, staff accounts, settings; account status and
    # sessions of any participant (never care data).
    **{
        name: {"admin": "AA"}
        for name in (
            "admin_organisations.organisation_list",
            "admin_organisations.team_list",
            "admin_organisations.partner_organisation_create",
            "admin_organisations.team_create",
            "admin_organisations.team_reads_messages_set",
            "admin_organisations.team_lead_set",
            "admin_accounts.staff_list",
            "admin_accounts.staff_detail",
            "admin_accounts.staff_create",
            "admin_accounts.staff_link_oidc",
            "admin_accounts.staff_set_active",
            "admin_sessions.user_sessions",
            "admin_sessions.user_session_end",
            "admin_sessions.user_sessions_end_all",
            "admin_participants.participant_statuses",
            "admin_settings.organisation_settings",
            "admin_settings.organisation_settings_update",
            "admin_caseloads.caseload_counts",
        )
    },
    "help_numbers.help_numbers": {"participant": "AA"},
    # Only the participant and their own counsellor change consent; a team lead reads it.
    "consent.consent_give": {"participant": "AD", "counsellor": "AD"},
    "consent.consent_withdraw": {"participant": "AD", "counsellor": "AD"},
    "consent.consent_request": {"counsellor": "AD"},
    "consent.consent_answer": {"participant": "AA"},
    "consent_read.consent_overview": {"participant": "AD", "counsellor": "AD", "team_lead": "AD"},
    "consent_read.consent_history": {"participant": "AD", "counsellor": "AD", "team_lead": "AD"},
    "consent_partner.partner_participants": {
        "partner_with_consent": "AA",
        "partner_without_consent": "AA",
    },
    "consent_partner.partner_participant_view": {"partner_with_consent": "AD"},
    "consent_partner.partner_categories_now": {
        "partner_with_consent": "AA",
        "partner_without_consent": "AA",
    },
    # The scenario's partner has consent for goals only: progress and assignments stay shut.
    "consent_partner.latest_scores": {"participant": "AD", "counsellor": "AD", "team_lead": "AD"},
    "consent_partner.assignment_list": {
        "participant": "AD",
        "counsellor": "AD",
        "team_lead": "AD",
    },
    "my_data.participant_export": {"participant": "AA"},  # always their own, nobody else's
    "my_data.my_data_section": {"participant": "AA"},
    "my_data_file.export_begin": {"participant": "AA"},
    # A participant asks (only for themself); an admin carries out anyone's request.
    "erasure.erasure_request_create": {"participant": "AA"},
    "erasure.erasure_request_mine": {"participant": "AA"},
    "erasure.erasure_requests_list": {"admin": "AA"},
    "erasure.erasure_execute": {"admin": "AA"},
    "erasure_refusal.erasure_refuse": {"admin": "AA"},
    "retention.retention_purge": {"admin": "AA"},
    **{name: {"admin": "AA"} for name in _INSTRUMENT_CALLS},
    # Every staff member chooses their own password; participants use a PIN from activation.
    "own_password.own_password_change": {
        kind: "AA" for kind in KINDS if kind not in ("participant", "network_member")
    },
    "progress.scores_over_time": _PROGRESS_READ,
    "progress.latest_side_by_side": _PROGRESS_READ,
    "progress.steps_done_per_month": _PROGRESS_READ,
    "progress.progress_overview": _PROGRESS_READ,
    "self_reports.assessment_form": _PROGRESS_READ,
    "self_reports.this_week_check_in": _PROGRESS_READ,
    "self_reports.self_assessment_record": {"participant": "AD"},
    "self_reports.check_in_record": {"participant": "AD"},
    # Only the participant manages their own network; nobody else, not even the counsellor.
    "network_invites.network_invite": {"participant": "AA"},
    "network_invites.network_list": {"participant": "AA"},
    "network_invites.network_end": {"participant": "AD"},
    "network_invites.invite_cancel": {"participant": "AD"},
    # Content is no one's personal data: participants and counsellors read the library.
    "content.library": {"participant": "AA", "counsellor": "AA", "team_lead": "AA"},
    "content.assignable_content": {"counsellor": "AA", "team_lead": "AA"},
    "content.content_item": {"participant": "AA", "counsellor": "AA", "team_lead": "AA"},
    "content.visible_item": dict.fromkeys(KINDS, "AA"),  # a lookup; callers guard by role first
    # Assignments: read by the participant, their counsellor and team lead (the scenario's
    # partner has consent for goals only); answered only by the participant; given and
    # responded to only by the caseload counsellor.
    "assignments.participant_assignments": _PROGRESS_READ,
    "assignments.assignment_by_public_id": _PROGRESS_READ,
    "assignments.assignment_detail": _PROGRESS_READ,
    "assignments.submission_save": {"participant": "AD"},
    "assignments_track.track_progress": _PROGRESS_READ,
    "assignments_track.lesson_detail": {"participant": "AA"},
    "assignments_track.lesson_check_submit": {"participant": "AA"},
    "assignments_counsellor.assignment_assign": {"counsellor": "AD"},
    "assignments_counsellor.assignments_with_submissions": _PROGRESS_READ,
    "assignments_counsellor.feedback_give": {"counsellor": "AD"},
    # The detail page's tabs: messages as the thread services; progress and network read by
    # the caseload counsellor and the team lead; adding and suggesting by the caseload
    # counsellor only; a suggestion answered only by the participant.
    "messages_participant.participant_thread_public_id": {
        "participant": "AD",
        "counsellor": "AD",
    },
    "progress_counsellor.participant_progress_for_staff": _PROGRESS_READ,
    "progress_counsellor.counsellor_assessment_record": {"counsellor": "AD"},
    "network_staff.participant_network_for_staff": {
        "participant": "AD",
        "counsellor": "AD",
        "team_lead": "AD",
    },
    "goal_suggestions.counsellor_goal_add": {"counsellor": "AD"},
    "goal_suggestions.counsellor_step_add": {"counsellor": "AD"},
    "goal_suggestions.goal_suggestion_answer": {"participant": "AD"},
    "goal_suggestions.step_suggestion_answer": {"participant": "AD"},
    # Writing content: admins, and counsellors with the editor right (none in the scenario;
    # tests/services/test_content_authoring.py covers them).
    "content_authoring.authoring_list": {"admin": "AA"},
    "content_authoring.authoring_domains": {"admin": "AA"},
    "content_authoring.authoring_item": {"admin": "AA"},
    "content_authoring.content_create": {"admin": "AA"},
    "content_authoring.content_update": {"admin": "AA"},
    "content_authoring.content_publish": {"admin": "AA"},
}

# Public functions of the services package that are not entry points for a viewer.
HELPERS = {
    "evaluation.key_figures": "sums of frames already suppressed, no data access",
    "evaluation.frame_csv": "writes a frame already suppressed as CSV, no data access",
    "evaluation_scope.organisation_threshold": "reads a setting of a row already reached",
    "evaluation_scope.suppress": "hides small groups in a frame, no data access",
    "evaluation_scope.ratio": "pandas arithmetic, no data",
    "evaluation_scope.week_starts": "date arithmetic, no data",
    "evaluation_scope.month_keys": "date arithmetic, no data",
    "evaluation_sql.epoch_seconds": "an SQL expression used inside guarded queries",
    "evaluation_sql.week_index": "an SQL expression used inside guarded queries",
    "evaluation_sql.months_between": "an SQL expression used inside guarded queries",
    "evaluation_sql.month_key": "an SQL expression used inside guarded queries",
    "evaluation_sql.month_index": "an SQL expression used inside guarded queries",
    "evaluation_sql.unindexed": "an SQL expression used inside guarded queries",
    "evaluation_scope.month_starts": "date arithmetic, no data",
    "audit.audit_record": "the append-only writer every guard calls",
    "audit.audit_record_unless_repeated": "the writer for self-refreshing views (one per look)",
    "audit.audit_refused_without_session": "the writer for refusals with no user to name",
    "my_data.export_row": "shapes a row its caller was already allowed to read",
    "my_data.export_columns": "which columns the export writes, no data",
    "my_data.export_values": "shapes a row its caller was already allowed to read",
    "my_data.reference_ids": "an empty set of ids, no data",
    "my_data.collect_reference_ids": "collects ids from rows already read, no data access",
    "my_data.export_references": "names the ids of rows the caller was allowed to read",
    "my_data_file.export_chunks": "writes what export_begin allowed (takes its ExportStart)",
    "paging.page_of": "cuts an already guarded query into pages",
    "goals.steps_by_goal": "loads the steps of goals the caller has guarded already",
    "relations.membership_running_condition": "an SQL condition used inside guarded queries",
    "access.refuse": "the guard's refusal (audits, commits, raises)",
    "access.decide": "the guard's table lookup; covered by tests/services/test_access.py",
    "access.require_role": "the guard for role-only services; covered via every row above",
    "access.require_participant_access": "the guard itself; tests/services/test_access.py",
    "access.require_goal_access": "the guard for one goal; covered via goal_detail",
    "access.require_thread_access": "the guard for one thread; covered via authorize_thread",
    "relations.active_membership_condition": "an SQL condition used inside guarded queries",
    "messages_access.membership_active": "a membership lookup used after a guard",
    "messages_access.may_read": "a guard decision without data (decide, not audited)",
    "relations.active_caseload_condition": "an SQL condition used inside guarded queries",
    "relations.consent_current_condition": "an SQL condition used inside the guard",
    "ids.parse_public_id": "input validation, no data",
    "messages_read.unread_count_expr": "an SQL expression used inside guarded queries",
    "messages_read.unread_for_participant": "a selector run only after a role check",
    "accounts.clean_display_name": "input validation, no data",
    "accounts.participant_by_public_id": "a lookup without viewer; callers guard it first",
    "qr.qr_data_uri": "draws a QR code, no data",
    "goals.goal_card_of": "shapes a goal its caller was already allowed to read",
    "goals.board_preview": "shortens a card its caller was already allowed to read",
    "goal_starters.life_domain_for_goal": "a reference-data lookup inside goal_create",
    "text_input.clean_line": "input validation, no data",
    "admin_common.admin_only": "the admin role check (audited); covered via every admin row",
    "admin_common.admin_audit": "writes an admin's audit line after the role check",
    "admin_common.clean_name": "input validation, no data",
    "admin_common.name_search": "an SQL condition used inside guarded queries",
    "admin_common.users_page": "pages a query its caller built after the role check",
    "admin_common.organisation_by_public_id": "a lookup without viewer; callers guard it first",
    "admin_common.team_by_public_id": "a lookup without viewer; callers guard it first",
    "admin_common.user_by_public_id": "a lookup without viewer; callers guard it first",
    "admin_accounts.clean_role": "input validation, no data",
    "admin_accounts.clean_search": "input validation, no data",
    "admin_accounts.staff_row": "formats a row the caller already reached",
    "admin_accounts.new_initial_password": "makes a random password, no data",
    "help_numbers.tel_target": "formats a phone number, no data",
    "help_numbers.stored_help_numbers": "reads an organisation row the caller already reached",
    "help_numbers.help_numbers_for": "formats an organisation row the caller already reached",
    "help_numbers.clean_help_number": "input validation, no data",
    "help_numbers.clean_help_numbers": "input validation, no data",
    "consent_rules.check_category": "input validation, no data",
    "consent_rules.check_end_date": "input validation, no data",
    "consent_rules.parse_end_date": "input validation, no data",
    "consent_rules.check_note": "input validation, no data",
    "consent_rules.partner_organisation": "looks up a partner organisation (public facts)",
    "consent_rules.end_moment": "date arithmetic, no data",
    "consent_rules.last_day": "date arithmetic, no data",
    "consent_rules.dutch_today": "date arithmetic, no data",
    "consent_read.partner_organisations": "the list of partner organisations (public facts)",
    "consent_read.running_consent_ids": "an SQL selector run only after the guard",
    "instruments.translated": "picks a language from a texts dict, no data",
    "instruments.active_instrument_row": "reference data (the instrument); callers guard first",
    "instruments.instrument_domains": "reference data (an instrument's domains)",
    "instruments.instrument_view": "reference data (an instrument in one language)",
    "self_reports.week_bounds": "date arithmetic, no data",
    "messages_read.thread_unread_expr": "an SQL expression used inside guarded queries",
    "messages.ensure_counsellor_thread": "creates an empty thread; callers guard first",
    "messages_read.mark_read": "moves the viewer's own marker; called after authorize_thread",
    "messages_read.read_positions": "read markers of a thread already authorized",
    "messages_read.thread_news_marks": "two counters per thread already authorized, no content",
    "messages.is_read_by_other_side": "pure comparison, no data",
    "messages.to_items": "shapes rows of a thread already authorized",
    "messages_access.thread_by_public_id": "a lookup; refuses unknown ids, callers authorize",
    "messages_access.may_take_part": "a guard decision without data (decide, not audited)",
    "messages_access.caseload_counsellors": "names of a participant's counsellors, after a guard",
    "messages_access.thread_readers": "who reads a thread already authorized",
    "messages_send.clean_body": "input validation, no data",
    "messages_send.valid_key": "input validation, no data",
    "notifications.get_notifier": "configuration, no data",
    "messages_attachments.sniff_content_type": "input validation, no data",
    "messages_attachments.clean_filename": "input validation, no data",
    "messages_attachments.attachments_dir": "a directory path, no data",
    "notifications.set_notifier": "configuration, no data",
    "contacts.local_today": "today's date in the Netherlands, no data",
    "caseload_signals.caseload_signals": "the overview's SQL; caseload_overview guards it",
    "network_accept.network_invites_accept": "called by activation after the code was checked",
    "content.visible_items_condition": "an SQL condition used inside role-guarded queries",
    "content.latest_published_versions": "content versions (no personal data)",
    "content.life_domain_names": "reference data (life domain names)",
    "content.content_view": "shapes a content item the caller was already allowed to read",
    "content_text.safe_markdown": "neutralises HTML in text, no data",
    "content_text.question_views": "shapes questions of a version already reached",
    "content_text.answer_text": "formats an answer already reached",
    "assignments_answers.clean_answers": "input validation, no data",
    "assignments_answers.check_score": "compares answers already reached, no data",
    "assignments.latest_submission": "a selector run only after the guard",
    "assignments.feedback_rows": "a selector run only after the guard",
    "assignments.assignment_view": "shapes an assignment the caller was already allowed to read",
    "assignments.answers_save": "writes after the guard; refuses all but the participant",
    "erasure.retention_months": "reads an organisation setting the caller already reached",
    "self_reports.assessment_store": "validates and writes after the caller's guard",
    "progress.scores_over_time_unguarded": "a selector run only after the guard",
    "progress.side_by_side_unguarded": "a selector run only after the guard",
    "network_invites.network_rows": "a selector run only after the guard",
    "erasure.request_row": "formats a request the caller already reached",
    "erasure.add_months": "date arithmetic, no data",
    "own_password.staff_password_problem": "input validation, no data",
    "instrument_file.clean_texts": "input validation, no data",
    "instrument_file.clean_pictogram": "input validation, no data",
    "instrument_file.parse_instrument_file": "input validation of an uploaded file, no data",
    "instrument_file.instrument_file_bytes": "serialises checked file data, no data",
    "instrument_rows.instrument_as_file": "reference data (an instrument) after the role check",
    "instrument_rows.instrument_store": "writes reference data after the admin role check",
    "instruments_admin.instrument_by_public_id": "a lookup; callers check the role first",
    "instruments_admin.newest_version": "reference data (an instrument's version number)",
    "content_rules.clean_kind": "input validation, no data",
    "content_rules.clean_translations": "input validation, no data",
    "content_rules.clean_questions": "input validation, no data",
    "content_rules.clean_draft": "input validation, no data",
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
    target = scenario.related[kind] if which == "related" else scenario.unrelated
    call, _ = SERVICES[service]
    expected = MATRIX[service].get(kind, "DD")[0 if which == "related" else 1]
    _check(session, sql_log, service, kind, scenario.viewers[kind], target, call, expected)


def _network_thread(session: Session, target: Target):
    """The target participant's chat with a network member of theirs (made if needed)."""
    member_id = session.exec(
        select(NetworkMembership.member_id).where(
            NetworkMembership.participant_id == target.participant.id
        )
    ).first()
    member = session.get(User, member_id) if member_id else None
    if member is None:
        member = make_network_member(session, participant=target.participant)
    return network_thread_start(
        session, Viewer.of(target.participant), member_public_id=str(member.public_id)
    )


def _poll_network_with_news(session: Session, viewer: Viewer, target: Target):
    thread = _network_thread(session, target)
    make_message(session, thread=thread, sender=target.participant)
    return poll_thread(session, viewer, thread_id=thread.id, after_id=0)


def _download_from_network_thread(session: Session, viewer: Viewer, target: Target):
    thread = _network_thread(session, target)
    photo = make_message(session, thread=thread, sender=target.participant, body="📎 foto.png")
    attachment = Attachment(
        message_id=photo.id,
        filename="foto.png",
        content_type="image/png",
        size_bytes=4,
        sha256="0" * 64,
        storage_key=uuid.uuid4().hex,
    )
    session.add(attachment)
    session.flush()
    return attachment_download(
        session, viewer, attachment_public_id=str(attachment.public_id), data_dir=_DATA_DIR
    )


# The same thread services on a network thread: only its participant and its own network
# member; never a counsellor, a team that reads along, or anyone else.
NETWORK_THREAD_CALLS: dict[str, Call] = {
    "open_thread": lambda s, v, t: open_thread(
        s, v, thread_public_id=str(_network_thread(s, t).public_id)
    ),
    "poll_thread": _poll_network_with_news,
    "authorize_thread": lambda s, v, t: authorize_thread(s, v, _network_thread(s, t)),
    "send_message": lambda s, v, t: send_message(
        s,
        v,
        thread_public_id=str(_network_thread(s, t).public_id),
        body="Hallo",
        idempotency_key="matrix-net-0001",
    ),
    "attachment_send": lambda s, v, t: attachment_send(
        s,
        v,
        thread_public_id=str(_network_thread(s, t).public_id),
        filename="brief.pdf",
        data=b"%PDF-1.7 matrix",
        idempotency_key="matrix-net-file-01",
        data_dir=_DATA_DIR,
    ),
    "attachment_download": _download_from_network_thread,
}
NETWORK_THREAD_MATRIX = {"participant": "AD", "network_member": "AD"}


@pytest.mark.parametrize(
    ("service", "kind", "which"),
    [
        pytest.param(service, kind, which, id=f"network-{service}-{kind}-{which}")
        for service in NETWORK_THREAD_CALLS
        for kind in KINDS
        for which in ("related", "unrelated")
    ],
)
def test_network_thread_cell(
    session: Session, sql_log: list[str], service: str, kind: str, which: str
):
    scenario = _scenario(session)
    target = scenario.related[kind] if which == "related" else scenario.unrelated
    expected = NETWORK_THREAD_MATRIX.get(kind, "DD")[0 if which == "related" else 1]
    call = NETWORK_THREAD_CALLS[service]
    _check(session, sql_log, service, kind, scenario.viewers[kind], target, call, expected)


def _check(
    session: Session,
    sql_log: list[str],
    service: str,
    kind: str,
    viewer_user: User,
    target: Target,
    call: Call,
    expected: str,
) -> None:
    about_participant = SERVICES.get(service, (None, True))[1]
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
