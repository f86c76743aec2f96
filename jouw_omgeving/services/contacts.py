"""Registered contacts (visit, phone, video, platform): the data the pilot evaluation needs.

A counsellor registers a contact with a participant on their active caseload (a team lead for
anyone in their team); every registration and every read of the list is audited by the guard.
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import TypedDict
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import ContactMoment, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ContactKind, Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.paging import page_of
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
MAX_DURATION_MINUTES = 600
MAX_NOTE_LENGTH = 2000
MAX_DAYS_BACK = 366
LIST_PAGE_SIZE = 10

KIND_REFUSED = N_("Kies hoe het contact was: bezoek, telefoon, video of platform.")
DURATION_REFUSED = N_("De duur moet tussen 1 en 600 minuten zijn.")
NOTE_REFUSED = N_("De notitie mag niet langer zijn dan 2000 tekens.")
DATE_FUTURE_REFUSED = N_("Een contact kan niet in de toekomst liggen.")
DATE_PAST_REFUSED = N_("Die datum is te lang geleden (meer dan een jaar).")


class ContactRow(TypedDict):
    """One registered contact as the participant detail page lists it."""

    public_id: str
    kind: str
    occurred_at: str  # ISO datetime, UTC
    duration_minutes: int
    note: str
    counsellor: str


class ContactPage(TypedDict):
    """One page of contacts (newest first) and how many there are."""

    rows: list[ContactRow]
    total: int
    page: int
    pages: int


def local_today() -> date:
    """Today's date in the Netherlands (where the contacts happen)."""
    return utcnow().astimezone(LOCAL_ZONE).date()


def _occurred_at(day: date, today: date) -> datetime:
    """Now for a contact today; noon, Dutch time, for an earlier day."""
    if day == today:
        return utcnow()
    return datetime.combine(day, time(12), tzinfo=LOCAL_ZONE).astimezone(UTC)


def _checked(kind: object, day: object, duration: object, note: object, today: date):
    if not isinstance(kind, str) or kind not in {k.value for k in ContactKind}:
        raise InvalidInput(KIND_REFUSED, f"kind {kind!r}"[:80])
    if not isinstance(duration, int) or isinstance(duration, bool):
        raise InvalidInput(DURATION_REFUSED, "duration not an int")
    if not 1 <= duration <= MAX_DURATION_MINUTES:
        raise InvalidInput(DURATION_REFUSED, f"duration {duration}")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH):
        raise InvalidInput(NOTE_REFUSED, "note too long")
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInput(DATE_FUTURE_REFUSED, "not a date")
    if day > today + timedelta(days=1):  # a day of slack for time zones
        raise InvalidInput(DATE_FUTURE_REFUSED, f"date {day}")
    if day < today - timedelta(days=MAX_DAYS_BACK):
        raise InvalidInput(DATE_PAST_REFUSED, f"date {day}")
    return (note or "").strip() or None


def _row(contact: ContactMoment, counsellor_name: str) -> ContactRow:
    return ContactRow(
        public_id=str(contact.public_id),
        kind=contact.kind,
        occurred_at=contact.occurred_at.isoformat(),
        duration_minutes=contact.duration_minutes or 0,
        note=contact.note or "",
        counsellor=counsellor_name,
    )


def contact_register(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    kind: object,
    day: object,
    duration_minutes: object,
    note: object = None,
    today: date | None = None,
) -> ContactRow:
    """Register a contact the viewer had with this participant (audited).

    Raises:
        AccessDenied: not on the viewer's active caseload (nor their team, for a team lead).
        InvalidInput: kind, date, duration or note refused (the message says why, in Dutch).
    """
    require_role(
        viewer, Role.COUNSELLOR, session=session, category=Category.CONTACTS, action=Action.CREATE
    )
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.CONTACTS, action=Action.CREATE
    )
    today = today or local_today()
    clean_note = _checked(kind, day, duration_minutes, note, today)
    contact = ContactMoment(
        participant_id=participant.id,
        counsellor_id=viewer.user_id,
        kind=str(kind),
        occurred_at=_occurred_at(day, today),
        duration_minutes=duration_minutes,
        note=clean_note,
    )
    session.add(contact)
    session.flush()
    counsellor = session.get(User, viewer.user_id)
    return _row(contact, counsellor.display_name if counsellor else "")


def contacts_list(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    page: int = 0,
    page_size: int = LIST_PAGE_SIZE,
) -> ContactPage:
    """The participant's registered contacts, newest first, one page at a time (audited)."""
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.CONTACTS)
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.CONTACTS
    )
    condition = ContactMoment.participant_id == participant.id
    found, total, page, pages = page_of(
        session,
        count=select(sa.func.count(ContactMoment.id)).where(condition),
        rows=select(ContactMoment, User.display_name)
        .join(User, User.id == ContactMoment.counsellor_id)
        .where(condition)
        .order_by(ContactMoment.occurred_at.desc(), ContactMoment.id.desc()),
        page=page,
        page_size=page_size,
    )
    return ContactPage(
        rows=[_row(contact, name) for contact, name in found], total=total, page=page, pages=pages
    )
