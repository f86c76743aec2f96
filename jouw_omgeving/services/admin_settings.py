"""Settings per organisation, kept in ``Organisation.settings`` (JSON): help numbers,
session timeouts, the small-group threshold of evaluation and the retention period.

Session timeouts apply to sessions started after the change
(:func:`jouw_omgeving.auth.sessions.lifetime_for` reads them); without them the deployment's
``JO_*`` settings (:mod:`jouw_omgeving.settings`) hold.
"""

from typing import Any, TypedDict

from sqlmodel import Session

from jouw_omgeving.auth.sessions import ORGANISATION_SESSION_KEY, SESSION_MINUTE_RANGES
from jouw_omgeving.i18n import N_
from jouw_omgeving.services.access import Action
from jouw_omgeving.services.admin_common import admin_audit, admin_only, organisation_by_public_id
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.help_numbers import (
    HELP_NUMBERS_KEY,
    clean_help_numbers,
    stored_help_numbers,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings

THRESHOLD_KEY = "suppression_threshold"  # the key the demo data already uses
RETENTION_KEY = "retention_months"
SESSIONS_KEY = ORGANISATION_SESSION_KEY
# DEFAULTS when an organisation has set nothing.
DEFAULT_THRESHOLD = 5
DEFAULT_RETENTION_MONTHS = 24
# (minimum, maximum) of each number an admin may set.
THRESHOLD_RANGE = (5, 100)
RETENTION_RANGE = (1, 120)
SESSION_RANGES = SESSION_MINUTE_RANGES
THRESHOLD_RULES = N_("De drempel voor kleine groepen is een getal van 5 tot 100.")
RETENTION_RULES = N_("De bewaartermijn is een getal van 1 tot 120 maanden.")
SESSION_RULES = N_(
    "Een sessie verloopt na 5 tot 240 minuten zonder gebruik en na 30 tot 1440 minuten in "
    "totaal; de eerste is niet langer dan de tweede."
)


class HelpNumberSetting(TypedDict):
    """One help number as the admin edits it (label and note as plain text)."""

    label: str
    number: str
    note: str


class OrganisationSettings(TypedDict):
    """Everything an admin sets per organisation."""

    organisation: str
    help_numbers: list[HelpNumberSetting]
    session_minutes: dict[str, int]
    suppression_threshold: int
    retention_months: int


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("nl", "")
    return value if isinstance(value, str) else ""


def _default_sessions() -> dict[str, int]:
    settings = get_settings()
    return {
        "staff_idle": settings.staff_idle_seconds // 60,
        "staff_absolute": settings.staff_absolute_seconds // 60,
        "participant_idle": settings.participant_idle_seconds // 60,
        "participant_absolute": settings.participant_absolute_seconds // 60,
    }


def _int_or(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def organisation_settings(
    session: Session, viewer: Viewer, *, organisation_public_id: object
) -> OrganisationSettings:
    """The organisation's settings, with the defaults filled in where it set nothing."""
    admin_only(session, viewer)
    organisation = organisation_by_public_id(session, organisation_public_id)
    stored = organisation.settings or {}
    minutes = stored.get(SESSIONS_KEY) if isinstance(stored.get(SESSIONS_KEY), dict) else {}
    defaults = _default_sessions()
    return OrganisationSettings(
        organisation=organisation.name,
        help_numbers=[
            HelpNumberSetting(
                label=_plain(e.get("label")), number=e["number"], note=_plain(e.get("note"))
            )
            for e in stored_help_numbers(organisation)
        ],
        session_minutes={k: _int_or(minutes.get(k), v) for k, v in defaults.items()},
        suppression_threshold=_int_or(stored.get(THRESHOLD_KEY), DEFAULT_THRESHOLD),
        retention_months=_int_or(stored.get(RETENTION_KEY), DEFAULT_RETENTION_MONTHS),
    )


def _in_range(value: object, bounds: tuple[int, int], message_id: str) -> int:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(message_id, f"{value!r} not in {bounds}")
    return value


def _keep_translations(
    cleaned: list[dict[str, str]], stored: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Keep a stored text per language where the admin left its Dutch text unchanged."""
    kept: list[dict[str, Any]] = []
    for index, entry in enumerate(cleaned):
        old = stored[index] if index < len(stored) else {}
        merged: dict[str, Any] = dict(entry)
        for key in ("label", "note"):
            if isinstance(old.get(key), dict) and _plain(old[key]) == entry[key]:
                merged[key] = old[key]
        kept.append(merged)
    return kept


def _clean_sessions(minutes: object) -> dict[str, int]:
    if not isinstance(minutes, dict) or set(minutes) != set(SESSION_RANGES):
        raise InvalidInput(SESSION_RULES, "session minutes incomplete")
    cleaned = {k: _in_range(minutes[k], r, SESSION_RULES) for k, r in SESSION_RANGES.items()}
    for who in ("staff", "participant"):
        if cleaned[f"{who}_idle"] > cleaned[f"{who}_absolute"]:
            raise InvalidInput(SESSION_RULES, f"{who} idle longer than absolute")
    return cleaned


def organisation_settings_update(
    session: Session,
    viewer: Viewer,
    *,
    organisation_public_id: object,
    help_numbers: object,
    session_minutes: object,
    suppression_threshold: object,
    retention_months: object,
) -> OrganisationSettings:
    """Validate and store all settings of one organisation at once (nothing on a refusal)."""
    admin_only(session, viewer, Action.UPDATE)
    organisation = organisation_by_public_id(session, organisation_public_id)
    values = {
        HELP_NUMBERS_KEY: _keep_translations(
            clean_help_numbers(help_numbers), stored_help_numbers(organisation)
        ),
        SESSIONS_KEY: _clean_sessions(session_minutes),
        THRESHOLD_KEY: _in_range(suppression_threshold, THRESHOLD_RANGE, THRESHOLD_RULES),
        RETENTION_KEY: _in_range(retention_months, RETENTION_RANGE, RETENTION_RULES),
    }
    # A new dict, so SQLAlchemy sees the JSON column change.
    organisation.settings = {**(organisation.settings or {}), **values}
    session.add(organisation)
    session.flush()
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"organisation {organisation.public_id} settings",
    )
    return organisation_settings(session, viewer, organisation_public_id=organisation.public_id)
