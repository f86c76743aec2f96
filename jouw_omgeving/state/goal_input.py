"""Checks on what a browser sends to the goal handlers, before a service sees it."""

from datetime import date

from jouw_omgeving.i18n import N_
from jouw_omgeving.services.errors import InvalidInput

BAD_DATE = N_("Kies een datum uit de kalender.")
# Generous bound on raw input: services clean and check the real length (300).
MAX_RAW_TEXT = 2_000
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


def form_text(form_data: object, name: str) -> str:
    """A text field of a submitted form ('' when missing).

    Raises:
        InvalidInput: not a form, not text, or absurdly long.
    """
    if not isinstance(form_data, dict):
        raise InvalidInput(N_("Er ging iets mis. Probeer het zo opnieuw."), "form is not a dict")
    value = form_data.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(N_("Er ging iets mis. Probeer het zo opnieuw."), f"{name} not text")
    if len(value) > MAX_RAW_TEXT:
        raise InvalidInput(N_("Dit is te lang. Maak het korter."), f"{name} too long")
    return value


def due_date_of(value: str) -> date | None:
    """An ISO date from a date input ('' means no date).

    Raises:
        InvalidInput: not a date, or not between 2000 and 2100.
    """
    if not value.strip():
        return None
    try:
        parsed = date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InvalidInput(BAD_DATE, f"not a date {value[:20]!r}") from None
    if not _FIRST_YEAR <= parsed.year <= _LAST_YEAR:
        raise InvalidInput(BAD_DATE, f"date out of range {parsed}")
    return parsed
