"""Appointments: planned by the counsellor on the detail page, seen by the participant.

Dates and times are typed in Dutch local time and stored as UTC; shown with Babel in the
user's language. Every handler checks its arguments; the services check caseload and audit.
"""

from datetime import datetime, time
from typing import TypedDict
from zoneinfo import ZoneInfo

import reflex as rx
from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext, normalise_language
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.appointments import (
    MAX_DURATION_MINUTES,
    WHEN_REFUSED,
    AppointmentRow,
    appointment_cancel,
    appointment_plan,
    appointments_list,
    my_upcoming_appointments,
)
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.contacts import parse_day, parse_minutes
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
KIND_LABELS = {
    "visit": N_("Bezoek"),
    "phone": N_("Telefoongesprek"),
    "video": N_("Videogesprek"),
}
STATUS_LABELS = {
    "planned": N_("Gepland"),
    "cancelled": N_("Afgezegd"),
    "done": N_("Geweest"),
}
PLANNED = N_("Afspraak gepland.")
CANCELLED = N_("Afspraak afgezegd.")
MAX_TEXT = 1000


class AppointmentView(TypedDict):
    """One appointment with its texts in the user's language."""

    public_id: str
    kind: str
    label: str
    day: str
    time: str
    minutes: int
    location: str
    note: str
    status: str
    status_label: str
    counsellor: str


def parse_local_time(day_text: object, time_text: object) -> datetime | None:
    """An aware datetime from a Dutch local date ("2026-12-08") and time ("14:30")."""
    day = parse_day(day_text)
    if day is None or not isinstance(time_text, str) or len(time_text) not in (4, 5):
        return None
    try:
        clock = time.fromisoformat(time_text.zfill(5))
    except ValueError:
        return None
    return datetime.combine(day, clock, tzinfo=LOCAL_ZONE)


def appointment_view(row: AppointmentRow, lang: str) -> AppointmentView:
    """Texts for one appointment: "dinsdag 8 december 2026", "14:30"."""
    locale = normalise_language(lang)
    moment = datetime.fromisoformat(row["starts_at"]).astimezone(LOCAL_ZONE)
    return AppointmentView(
        public_id=row["public_id"],
        kind=row["kind"],
        label=gettext(KIND_LABELS.get(row["kind"], row["kind"]), lang),
        day=babel_date(moment.date(), format="full", locale=locale),
        time=babel_time(moment.time(), format="short", locale=locale),
        minutes=row["duration_minutes"],
        location=row["location"],
        note=row["note"],
        status=row["status"],
        status_label=gettext(STATUS_LABELS.get(row["status"], row["status"]), lang),
        counsellor=row["counsellor"],
    )


class CounsellorAppointmentsState(rx.State):
    """The plan form and the participant's appointments on the detail page."""

    form_open: bool = False
    kind: str = "visit"
    duration: int = 60
    error: str = ""
    message: str = ""
    appointments: list[AppointmentView] = []

    async def _viewer_and_lang(self):
        viewer = await authenticate(self, Role.COUNSELLOR)
        return viewer, (await self.get_state(SessionState)).lang

    def _reload(self, viewer: Viewer, lang: str) -> None:
        try:
            with db_session() as session:
                found = appointments_list(session, viewer, route_parameter(self, ROUTE_PARAMETER))
        except ServiceError:
            self.appointments = []  # the detail page already shows the refusal
            return
        self.appointments = [appointment_view(r, lang) for r in found["rows"]]

    @rx.event
    async def load(self):
        """The participant's appointments (latest first); the form closed."""
        self.form_open, self.error, self.message = False, "", ""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self._reload(viewer, lang)
        return None

    @rx.event
    def forget(self):
        """On opening a participant: drop what was shown of the previous one (no data read)."""
        self.form_open, self.error, self.message, self.appointments = False, "", "", []

    @rx.event
    def open_form(self):
        """Show the plan form."""
        self.form_open, self.error, self.message = True, "", ""

    @rx.event
    def close_form(self):
        """Hide the plan form."""
        self.form_open, self.error = False, ""

    @rx.event
    def choose_kind(self, kind: str):
        """A visit, a phone call or a video call."""
        if isinstance(kind, str) and kind in KIND_LABELS:
            self.kind = kind

    @rx.event
    def pick_duration(self, minutes: str | int):
        """A quick pick or a typed number of minutes."""
        parsed = parse_minutes(minutes)
        if parsed is not None and 1 <= parsed <= MAX_DURATION_MINUTES:
            self.duration = parsed

    @rx.event
    async def plan(self, form_data: dict):
        """Plan the appointment from the form (date, time, duration, place, note)."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        data = form_data if isinstance(form_data, dict) else {}
        starts_at = parse_local_time(data.get("day"), data.get("time"))
        if starts_at is None:
            self.error = gettext(WHEN_REFUSED, lang)
            return None
        minutes = parse_minutes(data.get("minutes", self.duration))
        texts = [data.get(key) for key in ("location", "note")]
        location, note = [t[: MAX_TEXT + 1] if isinstance(t, str) else None for t in texts]
        try:
            with db_session() as session:
                appointment_plan(
                    session,
                    viewer,
                    route_parameter(self, ROUTE_PARAMETER),
                    kind=self.kind,
                    starts_at=starts_at,
                    duration_minutes=minutes if minutes is not None else -1,
                    location=location,
                    note=note,
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.form_open, self.error, self.message = False, "", gettext(PLANNED, lang)
        self._reload(viewer, lang)
        return None

    @rx.event
    async def cancel(self, appointment_public_id: str):
        """Cancel one appointment (it is kept, marked cancelled)."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                # A malformed id still goes to the service: the refusal is audited there.
                appointment_cancel(session, viewer, parse_public_id(appointment_public_id))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.error, self.message = "", gettext(CANCELLED, lang)
        self._reload(viewer, lang)
        return None


class ParticipantAppointmentsState(rx.State):
    """The logged-in participant's upcoming appointments."""

    appointments: list[AppointmentView] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Upcoming appointments, soonest first."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            rows = my_upcoming_appointments(session, viewer)
        self.appointments = [appointment_view(r, lang) for r in rows]
        self.loaded = True
        return None
