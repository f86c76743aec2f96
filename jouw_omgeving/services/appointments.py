"""Appointments: the counsellor plans a visit or call, the participant sees what is coming.

Planning and cancelling need the participant on the counsellor's active caseload; a
cancelled appointment is kept (status ``cancelled``), never deleted. Every access by staff
is audited by the guard.
"""

from datetime import datetime, timedelta
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Appointment, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AppointmentStatus, ContactKind, Role
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_participant_access,
    require_role,
)
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.paging import page_of
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer

APPOINTMENT_KINDS = (ContactKind.VISIT, ContactKind.PHONE, ContactKind.VIDEO)
MAX_DURATION_MINUTES = 600
MAX_LOCATION_LENGTH = 200
MAX_NOTE_LENGTH = 1000
MAX_DAYS_AHEAD = 366
LIST_PAGE_SIZE = 10
UPCOMING_LIMIT = 20

KIND_REFUSED = N_("Kies een bezoek, een telefoongesprek of een videogesprek.")
WHEN_REFUSED = N_("Kies een datum en tijd in de toekomst (binnen een jaar).")
DURATION_REFUSED = N_("De duur moet tussen 1 en 600 minuten zijn.")
LOCATION_REFUSED = N_("De plaats mag niet langer zijn dan 200 tekens.")
NOTE_REFUSED = N_("De notitie mag niet langer zijn dan 1000 tekens.")
ALREADY_CANCELLED = N_("Deze afspraak is al afgezegd.")


class AppointmentRow(TypedDict):
    """One appointment as a page shows it."""

    public_id: str
    kind: str
    starts_at: str  # ISO datetime, UTC
    duration_minutes: int
    location: str
    note: str
    status: str
    counsellor: str


class AppointmentPage(TypedDict):
    """One page of appointments and how many there are."""

    rows: list[AppointmentRow]
    total: int
    page: int
    pages: int


def _row(appointment: Appointment, counsellor: str, *, with_note: bool = True) -> AppointmentRow:
    return AppointmentRow(
        public_id=str(appointment.public_id),
        kind=appointment.kind,
        starts_at=appointment.starts_at.isoformat(),
        duration_minutes=appointment.duration_minutes,
        location=appointment.location or "",
        note=(appointment.note or "") if with_note else "",
        status=appointment.status,
        counsellor=counsellor,
    )


def _text(value: object, limit: int, message: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise InvalidInput(message, "text refused")
    return value.strip() or None


def appointment_plan(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    kind: object,
    starts_at: object,
    duration_minutes: object,
    location: object = None,
    note: object = None,
) -> AppointmentRow:
    """Plan a visit or call with a participant on the viewer's caseload (audited).

    Raises:
        AccessDenied: the participant is not on the viewer's active caseload.
        InvalidInput: kind, time, duration, place or note refused (a Dutch message says why).
    """
    require_role(
        viewer,
        Role.COUNSELLOR,
        session=session,
        category=Category.APPOINTMENTS,
        action=Action.CREATE,
    )
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.APPOINTMENTS, action=Action.CREATE
    )
    if not isinstance(kind, str) or kind not in {k.value for k in APPOINTMENT_KINDS}:
        raise InvalidInput(KIND_REFUSED, f"kind {kind!r}"[:80])
    now = utcnow()
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        raise InvalidInput(WHEN_REFUSED, "not an aware datetime")
    if not now - timedelta(minutes=5) <= starts_at <= now + timedelta(days=MAX_DAYS_AHEAD):
        raise InvalidInput(WHEN_REFUSED, f"starts_at {starts_at}")
    if (
        not isinstance(duration_minutes, int)
        or isinstance(duration_minutes, bool)
        or not 1 <= duration_minutes <= MAX_DURATION_MINUTES
    ):
        raise InvalidInput(DURATION_REFUSED, f"duration {duration_minutes!r}"[:80])
    appointment = Appointment(
        participant_id=participant.id,
        counsellor_id=viewer.user_id,
        kind=kind,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=_text(location, MAX_LOCATION_LENGTH, LOCATION_REFUSED),
        note=_text(note, MAX_NOTE_LENGTH, NOTE_REFUSED),
        status=AppointmentStatus.PLANNED,
    )
    session.add(appointment)
    session.flush()
    counsellor = session.get(User, viewer.user_id)
    return _row(appointment, counsellor.display_name if counsellor else "")


def appointment_cancel(
    session: Session, viewer: Viewer, appointment_public_id: object
) -> AppointmentRow:
    """Cancel a planned appointment; the row is kept with status ``cancelled`` (audited).

    Raises:
        AccessDenied: unknown, malformed, or the participant is not on the viewer's caseload.
        InvalidInput: it was cancelled already.
    """
    require_role(
        viewer,
        Role.COUNSELLOR,
        session=session,
        category=Category.APPOINTMENTS,
        action=Action.UPDATE,
    )
    parsed = parse_public_id(appointment_public_id)
    appointment = (
        session.exec(select(Appointment).where(Appointment.public_id == parsed)).first()
        if parsed is not None
        else None
    )
    if appointment is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.APPOINTMENTS,
            action=Action.UPDATE,
            detail=f"unknown or malformed appointment id {repr(appointment_public_id)[:60]}",
        )
    require_participant_access(
        session,
        viewer,
        participant_id=appointment.participant_id,
        category=Category.APPOINTMENTS,
        action=Action.UPDATE,
    )
    if appointment.status == AppointmentStatus.CANCELLED:
        raise InvalidInput(ALREADY_CANCELLED, "already cancelled")
    appointment.status = AppointmentStatus.CANCELLED
    session.add(appointment)
    session.flush()
    counsellor = session.get(User, appointment.counsellor_id)
    return _row(appointment, counsellor.display_name if counsellor else "")


def appointments_list(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    page: int = 0,
    page_size: int = LIST_PAGE_SIZE,
) -> AppointmentPage:
    """All appointments of a participant, latest first, one page at a time (audited)."""
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.APPOINTMENTS)
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.APPOINTMENTS
    )
    condition = Appointment.participant_id == participant.id
    found, total, page, pages = page_of(
        session,
        count=select(sa.func.count(Appointment.id)).where(condition),
        rows=select(Appointment, User.display_name)
        .join(User, User.id == Appointment.counsellor_id)
        .where(condition)
        .order_by(Appointment.starts_at.desc(), Appointment.id.desc()),
        page=page,
        page_size=page_size,
    )
    return AppointmentPage(
        rows=[_row(a, name) for a, name in found], total=total, page=page, pages=pages
    )


def my_upcoming_appointments(session: Session, viewer: Viewer) -> list[AppointmentRow]:
    """The logged-in participant's own planned appointments from now on, soonest first.

    Only when, how, where and with whom: the counsellor's note stays on the staff side.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.APPOINTMENTS)
    require_participant_access(
        session, viewer, participant_id=viewer.user_id, category=Category.APPOINTMENTS
    )
    found = session.exec(
        select(Appointment, User.display_name)
        .join(User, User.id == Appointment.counsellor_id)
        .where(
            Appointment.participant_id == viewer.user_id,
            Appointment.status == AppointmentStatus.PLANNED,
            Appointment.starts_at >= utcnow() - timedelta(hours=1),
        )
        .order_by(Appointment.starts_at, Appointment.id)
        .limit(UPCOMING_LIMIT)
    ).all()
    return [_row(a, name, with_note=False) for a, name in found]
