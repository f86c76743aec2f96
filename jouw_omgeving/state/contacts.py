"""Contact registration on the participant detail page: kind, then save (two taps).

The participant comes from the URL (untrusted, any type); the service checks caseload and
audits. Every handler argument is checked here before it goes anywhere.
"""

from datetime import date, datetime
from typing import TypedDict
from zoneinfo import ZoneInfo

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.contacts import (
    MAX_DURATION_MINUTES,
    MAX_NOTE_LENGTH,
    NOTE_REFUSED,
    contact_register,
    contacts_list,
    local_today,
)
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
# The usual length of each kind of contact: the form starts there.
DEFAULT_MINUTES = {"visit": 60, "phone": 15, "video": 30, "platform": 15}
KIND_LABELS = {
    "visit": N_("Bezoek"),
    "phone": N_("Telefoon"),
    "video": N_("Video"),
    "platform": N_("Platform"),
}
DATE_REFUSED = N_("Kies een geldige datum.")
SAVED = N_("Contact opgeslagen.")


class ContactView(TypedDict):
    """One registered contact as the list shows it."""

    public_id: str
    kind: str
    label: str
    day: str
    minutes: int
    note: str
    counsellor: str


def parse_minutes(value: object) -> int | None:
    """Minutes from a browser value ("30" or 30), or None when it is not a whole number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
        return int(value.strip())
    return None


def parse_day(value: object) -> date | None:
    """A date from an ISO string ("2026-12-04"), or None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _view(row, lang: str) -> ContactView:
    moment = datetime.fromisoformat(row["occurred_at"]).astimezone(LOCAL_ZONE)
    return ContactView(
        public_id=row["public_id"],
        kind=row["kind"],
        label=gettext(KIND_LABELS.get(row["kind"], row["kind"]), lang),
        day=format_date(moment.date(), lang, "medium"),
        minutes=row["duration_minutes"],
        note=row["note"],
        counsellor=row["counsellor"],
    )


class ContactsState(rx.State):
    """The contact form (chosen kind, duration) and one page of registered contacts."""

    kind: str = ""  # "" until a kind is tapped: then the form shows
    today: str = ""
    duration: int = 15
    error: str = ""
    saved: str = ""
    contacts: list[ContactView] = []
    total: int = 0
    page: int = 0
    pages: int = 1

    async def _viewer_and_lang(self) -> tuple[Viewer | rx.event.EventSpec, str]:
        viewer = await authenticate(self, Role.COUNSELLOR)
        return viewer, (await self.get_state(SessionState)).lang

    async def _reload(self, viewer: Viewer, lang: str) -> None:
        public_id = route_parameter(self, ROUTE_PARAMETER)
        try:
            with db_session() as session:
                found = contacts_list(session, viewer, public_id, page=self.page)
        except ServiceError:
            # The detail page already says there is no access; show nothing here.
            self.contacts, self.total, self.page, self.pages = [], 0, 0, 1
            return
        self.contacts = [_view(r, lang) for r in found["rows"]]
        self.total, self.page, self.pages = found["total"], found["page"], found["pages"]

    @rx.event
    async def load(self):
        """The participant's contacts, newest first; the form closed."""
        self.kind, self.error, self.saved, self.page = "", "", "", 0
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        await self._reload(viewer, lang)
        return None

    @rx.event
    def forget(self):
        """On opening a participant: drop what was shown of the previous one (no data read)."""
        self.kind, self.error, self.saved = "", "", ""
        self.contacts, self.total, self.page, self.pages = [], 0, 0, 1

    @rx.event
    def choose_kind(self, kind: str):
        """First tap: how the contact was. The form opens with today and a usual duration."""
        if not isinstance(kind, str) or kind not in DEFAULT_MINUTES:
            return
        self.kind = kind
        self.duration = DEFAULT_MINUTES[kind]
        self.today = local_today().isoformat()
        self.error = ""
        self.saved = ""

    @rx.event
    def pick_duration(self, minutes: str | int):
        """A quick pick (15, 30, 60 minutes) or a typed number of minutes."""
        parsed = parse_minutes(minutes)
        if parsed is not None and 1 <= parsed <= MAX_DURATION_MINUTES:
            self.duration = parsed

    @rx.event
    def close_form(self):
        """Close the form without saving."""
        self.kind = ""
        self.error = ""

    @rx.event
    async def save(self, form_data: dict):
        """Second tap: register the contact with the date, duration and note of the form."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        data = form_data if isinstance(form_data, dict) else {}
        day = parse_day(data.get("day"))
        minutes = parse_minutes(data.get("minutes", self.duration))
        note = data.get("note", "")
        if day is None:
            self.error = gettext(DATE_REFUSED, lang)
            return None
        if not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH:
            self.error = gettext(NOTE_REFUSED, lang)
            return None
        try:
            with db_session() as session:
                contact_register(
                    session,
                    viewer,
                    route_parameter(self, ROUTE_PARAMETER),
                    kind=self.kind,
                    day=day,
                    duration_minutes=minutes if minutes is not None else -1,
                    note=note,
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.kind, self.error, self.page = "", "", 0
        self.saved = gettext(SAVED, lang)
        await self._reload(viewer, lang)
        return None

    @rx.event
    async def next_page(self):
        """Older contacts."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.page = min(self.page + 1, max(0, self.pages - 1))
        await self._reload(viewer, lang)
        return None

    @rx.event
    async def previous_page(self):
        """Newer contacts."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.page = max(0, self.page - 1)
        await self._reload(viewer, lang)
        return None
