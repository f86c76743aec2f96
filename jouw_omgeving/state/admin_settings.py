"""The settings of one organisation, as an admin edits them in one form."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import admin_settings as service
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.services.help_numbers import MAX_HELP_NUMBERS
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import form_text, message
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import authenticate

ROUTE_PARAMETER = "organisation_public_id"
SAVED = N_("De instellingen zijn opgeslagen.")
WHOLE_NUMBER = N_("Vul hele getallen in.")
SESSION_FIELDS = tuple(service.SESSION_RANGES)


class HelpNumberField(TypedDict):
    """One row of the help-number inputs (empty rows stay empty)."""

    index: str
    position: str
    label: str
    number: str
    note: str


def _number(form_data: dict, name: str) -> int:
    text = form_text(form_data, name, max_length=6).strip()
    if not text.isdigit() or not text.isascii():
        raise InvalidInput(WHOLE_NUMBER, f"{name} is not a whole number")
    return int(text)


def parse_settings_form(form_data: object) -> dict:
    """The service's keyword arguments from untrusted form data (or ``InvalidInput``)."""
    rows = []
    for i in range(MAX_HELP_NUMBERS):
        entry = tuple(
            form_text(form_data, f"{part}_{i}", max_length=200)
            for part in ("label", "phone", "note")
        )
        if any(part.strip() for part in entry):
            rows.append(entry)
    return {
        "help_numbers": rows,
        "session_minutes": {name: _number(form_data, name) for name in SESSION_FIELDS},
        "suppression_threshold": _number(form_data, "suppression_threshold"),
        "retention_months": _number(form_data, "retention_months"),
    }


class AdminSettingsState(rx.State):
    """The form's current values for the organisation in the URL."""

    organisation: str = ""
    help_rows: list[HelpNumberField] = []
    session_minutes: dict[str, int] = {}
    suppression_threshold: int = 0
    retention_months: int = 0
    error: str = ""
    notice: str = ""
    loaded: bool = False
    _public_id: str = ""

    def _fill(self, shown: service.OrganisationSettings) -> None:
        numbers = shown["help_numbers"]
        self.organisation = shown["organisation"]
        self.help_rows = [
            HelpNumberField(
                index=str(i),
                position=str(i + 1),
                label=numbers[i]["label"] if i < len(numbers) else "",
                number=numbers[i]["number"] if i < len(numbers) else "",
                note=numbers[i]["note"] if i < len(numbers) else "",
            )
            for i in range(MAX_HELP_NUMBERS)
        ]
        self.session_minutes = shown["session_minutes"]
        self.suppression_threshold = shown["suppression_threshold"]
        self.retention_months = shown["retention_months"]

    @rx.event
    async def load(self):
        """Show the settings of the organisation in the URL."""
        self.loaded, self.error, self.notice = False, "", ""
        yield
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            yield viewer
            return
        raw = route_parameter(self, ROUTE_PARAMETER)
        self._public_id = raw if isinstance(raw, str) and len(raw) <= 45 else ""
        try:
            with db_session() as session:
                shown = service.organisation_settings(
                    session, viewer, organisation_public_id=self._public_id
                )
        except ServiceError as refusal:
            self.organisation, self.help_rows = "", []
            self.error = await message(self, refusal.message_id)
        else:
            self._fill(shown)
        self.loaded = True

    @rx.event
    async def save(self, form_data: dict):
        """Validate and store the whole form; on a refusal nothing changes."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        try:
            values = parse_settings_form(form_data)
            with db_session() as session:
                shown = service.organisation_settings_update(
                    session, viewer, organisation_public_id=self._public_id, **values
                )
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self._fill(shown)
        self.notice = await message(self, SAVED)
        return None
