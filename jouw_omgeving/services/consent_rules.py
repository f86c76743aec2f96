"""What a consent change may be: its category, organisation and end date, checked strictly.

Values arrive from browsers: every check accepts any type and refuses with a plain message.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation
from jouw_omgeving.models.enums import ConsentCategory, OrganisationKind
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id

# The categories a partner may follow, in the order pages show them. Never messages.
CONSENT_CATEGORIES: tuple[ConsentCategory, ...] = (
    ConsentCategory.GOALS,
    ConsentCategory.PROGRESS,
    ConsentCategory.ASSIGNMENTS,
)
MAX_CONSENT_DAYS = 730  # an end date lies at most two years ahead
MAX_NOTE_LENGTH = 1000

# Dates are Dutch days: "tot en met 1 maart" ends when 2 March begins in Amsterdam.
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")

NEVER_MESSAGES = N_("Berichten deel je nooit met een andere organisatie.")
PICK_CATEGORY = N_("Kies wat je wilt delen: doelen, voortgang of opdrachten.")
PICK_ORGANISATION = N_("Kies een organisatie uit de lijst.")
END_IN_FUTURE = N_("Kies een einddatum na vandaag.")
END_TOO_FAR = N_("Kies een einddatum binnen twee jaar.")
BAD_DATE = N_("Vul een geldige datum in.")
NOTE_TOO_LONG = N_("Deze notitie is te lang.")


def check_category(value: object) -> ConsentCategory:
    """A shareable category; "messages" is refused with its own reason."""
    if value == "messages":
        raise InvalidInput(NEVER_MESSAGES, "messages are never shareable")
    if isinstance(value, str) and value in {c.value for c in CONSENT_CATEGORIES}:
        return ConsentCategory(value)
    raise InvalidInput(PICK_CATEGORY, f"category {repr(value)[:60]}")


def partner_organisation(session: Session, public_id: object) -> Organisation:
    """The partner organisation behind ``public_id`` (our own organisation is not one)."""
    parsed = parse_public_id(public_id)
    organisation = (
        session.exec(
            select(Organisation).where(
                Organisation.public_id == parsed, Organisation.kind == OrganisationKind.PARTNER
            )
        ).first()
        if parsed is not None
        else None
    )
    if organisation is None:
        raise InvalidInput(PICK_ORGANISATION, f"organisation {repr(public_id)[:60]}")
    return organisation


def parse_end_date(value: object) -> date | None:
    """An end date from a date input ("2027-03-01"), ``None`` for empty; refuses the rest."""
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidInput(BAD_DATE, f"end date {repr(value)[:40]}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(BAD_DATE, f"end date {value!r}") from None


def check_end_date(ends_on: object, today: date) -> date | None:
    """A valid end date: after ``today`` and at most :data:`MAX_CONSENT_DAYS` ahead."""
    parsed = parse_end_date(ends_on)
    if parsed is None:
        return None
    if parsed <= today:
        raise InvalidInput(END_IN_FUTURE, f"end date {parsed} not after {today}")
    if parsed > today + timedelta(days=MAX_CONSENT_DAYS):
        raise InvalidInput(END_TOO_FAR, f"end date {parsed} too far")
    return parsed


def end_moment(ends_on: date | None) -> datetime | None:
    """The moment a consent "tot en met ``ends_on``" stops: the next Dutch midnight."""
    if ends_on is None:
        return None
    midnight = datetime.combine(ends_on + timedelta(days=1), time(0), tzinfo=_AMSTERDAM)
    return midnight.astimezone(UTC)


def last_day(ends_at: datetime | None) -> date | None:
    """The last Dutch day a consent that stops at ``ends_at`` runs (inverse of end_moment)."""
    if ends_at is None:
        return None
    return (ends_at.astimezone(_AMSTERDAM) - timedelta(microseconds=1)).date()


def dutch_today(now: datetime) -> date:
    """Today's date in the Netherlands."""
    return now.astimezone(_AMSTERDAM).date()


def check_note(value: object) -> str | None:
    """An optional short note on a counsellor's record."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_NOTE_LENGTH:
        raise InvalidInput(NOTE_TOO_LONG, "note too long or not text")
    return value.strip() or None
