"""The right to erasure (AVG art. 17): a participant asks, an admin carries it out.

:data:`PLAN` says for every table that holds the participant's data what erasure does with
their rows: ``"erase"`` (deleted), ``"anonymise"`` (the row stays, everything that names or
identifies them is cleared) or ``"keep: <reason>"`` (kept for the organisation's retention
period, ``retention_months`` in its settings, then to be deleted). Which rows are theirs is
the same rule as the export (:data:`jouw_omgeving.services.my_data.EXPORT`). A test fails when
a table that points at a user is missing from the plan.

Files: attachment rows are deleted in the transaction; their files are removed from disk
only after the commit succeeded. A failed commit thus leaves rows and files as they were; a
file that cannot be removed afterwards has a random name and no row pointing at it any more
(it is logged).
"""

import logging
import uuid
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TypedDict

from sqlmodel import Session, SQLModel, delete, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Attachment, ErasureRequest, LoginAttempt, Organisation, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.admin_common import admin_audit, admin_only
from jouw_omgeving.services.admin_settings import DEFAULT_RETENTION_MONTHS, RETENTION_KEY
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.messages_attachments import attachments_dir
from jouw_omgeving.services.my_data import EXPORT
from jouw_omgeving.services.viewer import Viewer

log = logging.getLogger(__name__)

ERASE = "erase"
ANONYMISE = "anonymise"
KEEP = "keep"
REQUESTED, DONE, REFUSED = "requested", "done", "refused"
ERASED_NAME = "Verwijderde deelnemer"
ALREADY_HANDLED = N_("Dit verzoek is al afgehandeld.")
MAX_LISTED = 200

# Table -> what erasure does with the participant's rows. Order matters: children first.
PLAN: Mapping[str, str] = {
    "login_session": ERASE,
    "login_attempt": ERASE,
    "activation_code": ERASE,
    "caseload_assignment": ERASE,
    "network_membership": ERASE,
    "goal_status_change": ERASE,
    "goal_share": ERASE,
    "goal_step": ERASE,
    "goal": ERASE,
    "assessment_score": ERASE,
    "assessment": ERASE,
    "check_in": ERASE,
    "attachment": ERASE,  # and the files on disk, after the commit
    "thread_read_marker": ERASE,
    "message": ERASE,
    "message_thread": ERASE,
    "feedback": ERASE,
    "submission": ERASE,
    "assignment": ERASE,
    "appointment": ERASE,
    "consent_record": f"{KEEP}: verantwoording van wat met ketenpartners is gedeeld",
    "consent": f"{KEEP}: hoort bij de geschiedenis van de toestemming (consent_record)",
    "contact_moment": f"{KEEP}: dossierplicht; contactmomenten zijn deel van het zorgdossier",
    "audit_entry": f"{KEEP}: wettelijk verplicht logboek van wie gegevens inzag (NEN 7513)",
    "erasure_request": f"{KEEP}: bewijs dat het verzoek is uitgevoerd, en de uitleg ervan",
    "app_user": ANONYMISE,  # kept so that kept rows and audit entries keep their reference
}

_MODELS: Mapping[str, type[SQLModel]] = {m.__tablename__: m for m in EXPORT}


class ErasureRequestRow(TypedDict):
    """One request as the admin's list and the participant's page show it."""

    public_id: str
    participant: str
    requested_at: datetime
    status: str
    handled_at: datetime | None
    note: str


def request_row(request: ErasureRequest, name: str) -> ErasureRequestRow:
    """The list row of one request (``name``: the participant's display name)."""
    return ErasureRequestRow(
        public_id=str(request.public_id),
        participant=name,
        requested_at=request.requested_at,
        status=request.status,
        handled_at=request.handled_at,
        note=request.note or "",
    )


def _participant_only(session: Session, viewer: Viewer, action: str) -> User:
    require_role(
        viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE, action=action
    )
    return session.get(User, viewer.user_id)


def _latest(session: Session, participant_id: int) -> ErasureRequest | None:
    return session.exec(
        select(ErasureRequest)
        .where(ErasureRequest.participant_id == participant_id)
        .order_by(ErasureRequest.requested_at.desc(), ErasureRequest.id.desc())
    ).first()


def erasure_request_create(
    session: Session, viewer: Viewer, *, now: datetime | None = None
) -> ErasureRequestRow:
    """The logged-in participant asks to erase their data; an open request is returned as is.

    Raises:
        AccessDenied: the viewer is not a participant (audited): nobody asks for someone else.
    """
    user = _participant_only(session, viewer, Action.CREATE)
    latest = _latest(session, user.id)
    if latest is None or latest.status != REQUESTED:
        latest = ErasureRequest(participant_id=user.id, requested_at=now or utcnow())
        session.add(latest)
        session.commit()
        session.refresh(latest)
    return request_row(latest, user.display_name)


def erasure_request_mine(session: Session, viewer: Viewer) -> ErasureRequestRow | None:
    """The logged-in participant's latest erasure request, or ``None``."""
    user = _participant_only(session, viewer, Action.READ)
    latest = _latest(session, user.id)
    return request_row(latest, user.display_name) if latest else None


def erasure_requests_list(session: Session, viewer: Viewer) -> list[ErasureRequestRow]:
    """Every erasure request for an admin: open ones first, each group newest first."""
    admin_only(session, viewer)
    rows = session.exec(
        select(ErasureRequest, User.display_name)
        .join(User, User.id == ErasureRequest.participant_id)
        .order_by(
            (ErasureRequest.status != REQUESTED),
            ErasureRequest.requested_at.desc(),
            ErasureRequest.id.desc(),
        )
        .limit(MAX_LISTED)
    ).all()
    return [request_row(request, name) for request, name in rows]


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months (on the 28th at most: never an impossible date)."""
    year, month = divmod(moment.month - 1 + months, 12)
    day = min(moment.day, 28)  # every month has a 28th: never an impossible date
    return moment.replace(year=moment.year + year, month=month + 1, day=day)


def retention_months(session: Session, user: User) -> int:
    """The retention period (months) of the participant's organisation, or the default."""
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    value = (organisation.settings or {}).get(RETENTION_KEY) if organisation else None
    valid = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return value if valid else DEFAULT_RETENTION_MONTHS


def _explanation(kept: dict[str, int], months: int, until: datetime) -> str:
    """What was kept, why and until when, in plain Dutch (stored with the request)."""
    lines = [
        "Alle gegevens van de deelnemer zijn verwijderd: doelen en stappen, scores, check-ins, "
        "berichten met bijlagen (ook de bestanden), opdrachten, afspraken, netwerk, "
        "inlogsessies en codes. Het account is geanonimiseerd en kan niet meer inloggen.",
        f"Bewaard tot {until:%d-%m-%Y} ({months} maanden, de bewaartermijn van de organisatie):",
    ]
    for table, count in kept.items():
        reason = PLAN[table].split(": ", 1)[1]
        lines.append(f"- {table} ({count}): {reason}")
    lines.append("Daarna moeten ook deze gegevens worden verwijderd.")
    return "\n".join(lines)


def _anonymise(user: User, now: datetime) -> None:
    user.display_name = ERASED_NAME
    user.username = None
    user.password_hash = None
    user.totp_secret = None
    user.oidc_subject = None
    user.team_id = None
    user.pseudonym = uuid.uuid4().hex[:12]
    user.language = "nl"
    user.large_text = False
    user.active = False
    user.last_active_at = None
    user.deactivated_at = now


def erasure_execute(
    session: Session,
    viewer: Viewer,
    *,
    request_public_id: object,
    data_dir: Path,
    now: datetime | None = None,
) -> ErasureRequestRow:
    """Carry out an open request in one transaction (by the :data:`PLAN`); audited.

    Returns the handled request, whose note explains what was kept and until when.

    Raises:
        AccessDenied: the viewer is not an admin (audited).
        NotFound: no such request. InvalidInput: it was handled already.
    """
    admin_only(session, viewer, Action.DELETE)
    parsed = parse_public_id(request_public_id)
    request = (
        session.exec(select(ErasureRequest).where(ErasureRequest.public_id == parsed)).first()
        if parsed
        else None
    )
    if request is None:
        raise NotFound("no such erasure request")
    if request.status != REQUESTED:
        raise InvalidInput(ALREADY_HANDLED, f"request is {request.status}")
    now = now or utcnow()
    user = session.get(User, request.participant_id)
    conditions = {m.__tablename__: c for m, c in EXPORT.items()}
    files = session.exec(select(Attachment.storage_key).where(conditions["attachment"](user))).all()
    kept: dict[str, int] = {}
    for table, what in PLAN.items():
        model = _MODELS[table]
        if what == ERASE:
            condition = conditions[table](user)
            if model is LoginAttempt and not user.username:
                continue
            ids = session.exec(select(model.id).where(condition)).all()
            if ids:
                session.exec(delete(model).where(model.id.in_(ids)))
        elif what.startswith(KEEP) and table != ErasureRequest.__tablename__:
            condition = conditions[table](user)
            count = len(session.exec(select(model.id).where(condition)).all())
            if count:
                kept[table] = count
    months = retention_months(session, user)
    _anonymise(user, now)
    request.status = DONE
    request.handled_by_id = viewer.user_id
    request.handled_at = now
    request.note = _explanation(kept, months, add_months(now, months))
    session.add(user)
    session.add(request)
    admin_audit(
        session,
        viewer,
        action=Action.DELETE,
        category=Category.ACCOUNT,
        participant_id=user.id,
        detail=f"erasure request {request.public_id} carried out",
    )
    session.commit()
    _remove_files(data_dir, files)
    session.refresh(request)
    return request_row(request, ERASED_NAME)


def _remove_files(data_dir: Path, storage_keys: list[str]) -> None:
    folder = attachments_dir(data_dir)
    for key in storage_keys:
        try:
            (folder / key).unlink(missing_ok=True)
        except OSError:
            log.exception("attachment file %s not removed after erasure", key)
