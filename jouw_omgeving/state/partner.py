"""The partner's pages: who consented, and one participant's consented data, read-only.

Every load and every refresh asks the service again, which asks the guard, which asks the
database: a consent withdrawn a moment ago refuses the next refresh, and the page drops what
it showed and says so.
"""

from datetime import date, datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.consent_partner import (
    PartnerParticipantView,
    partner_categories_now,
    partner_participant_view,
    partner_participants,
)
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goals import GoalCard
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.consent_words import label
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

LOST_ACCESS = N_(
    "Je hebt geen toegang meer. De deelnemer heeft de toestemming uitgezet, of die is afgelopen."
)
ASSIGNMENT_STATUS = {
    "open": N_("Nog te doen"),
    "submitted": N_("Ingeleverd"),
    "reviewed": N_("Besproken"),
}


class PartnerListLine(TypedDict):
    """A consenting participant and what the organisation may see, in words."""

    public_id: str
    name: str
    categories: str


class ProgressLine(TypedDict):
    """One life domain: the latest scores as text ("–" when none)."""

    domain: str
    self_score: str
    counsellor_score: str


class AssignmentLine(TypedDict):
    """One assignment: title, status and due date in words."""

    title: str
    status: str
    due: str


def _in(translations: dict[str, str], lang: str) -> str:
    return translations.get(lang) or translations.get("nl") or ""


def _day(iso: str, lang: str) -> str:
    if not iso:
        return ""
    parsed = datetime.fromisoformat(iso).date() if "T" in iso else date.fromisoformat(iso)
    return format_date(parsed, lang)


class PartnerHomeState(rx.State):
    """The list of participants who let the partner's organisation follow them now."""

    rows: list[PartnerListLine] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """(Re)load the list; the guard decides again every time."""
        viewer = await authenticate(self, Role.PARTNER)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error = ""
        try:
            with db_session() as session:
                found = partner_participants(session, viewer)
        except ServiceError as refusal:
            self.rows = []
            self.error = gettext(refusal.message_id, lang)
        else:
            self.rows = [
                PartnerListLine(
                    public_id=row["public_id"],
                    name=row["name"],
                    categories=", ".join(label(c, lang) for c in row["categories"]),
                )
                for row in found
            ]
        self.loaded = True
        return None


class PartnerParticipantState(rx.State):
    """One participant's consented categories; empty with a message once access is gone."""

    public_id: str = ""
    name: str = ""
    shows_goals: bool = False
    shows_progress: bool = False
    shows_assignments: bool = False
    goals: list[GoalCard] = []
    progress: list[ProgressLine] = []
    progress_dates: str = ""
    assignments: list[AssignmentLine] = []
    error: str = ""
    loaded: bool = False

    def _clear(self) -> None:
        self.public_id = self.name = self.progress_dates = ""
        self.shows_goals = self.shows_progress = self.shows_assignments = False
        self.goals, self.progress, self.assignments = [], [], []

    @rx.event
    async def load(self):
        """Show the participant in the URL, if the guard allows it now."""
        return await self._show()

    @rx.event
    async def refresh(self):
        """Ask again: the refresh button."""
        return await self._show()

    @rx.event
    async def check(self):
        """Every minute: reload (audited) only when what may be shown has changed."""
        viewer = await authenticate(self, Role.PARTNER)
        if not isinstance(viewer, Viewer):
            self._clear()
            return viewer
        if not self.public_id:
            return None
        shown = [c for c, on in self._shown().items() if on]
        with db_session() as session:
            allowed = partner_categories_now(session, viewer, self.public_id, shown)
        return None if allowed == shown else await self._show()

    def _shown(self) -> dict[str, bool]:
        return {
            "goals": self.shows_goals,
            "progress": self.shows_progress,
            "assignments": self.shows_assignments,
        }

    async def _show(self):
        viewer = await authenticate(self, Role.PARTNER)
        if not isinstance(viewer, Viewer):
            self._clear()
            return viewer
        lang = (await self.get_state(SessionState)).lang
        requested = route_parameter(self, ROUTE_PARAMETER)
        # Lost access (not "never had it") when this very participant was on the page.
        was_showing = self.public_id != "" and self.public_id == str(parse_public_id(requested))
        try:
            with db_session() as session:
                view = partner_participant_view(session, viewer, requested)
        except ServiceError as refusal:
            self._clear()
            self.error = gettext(LOST_ACCESS if was_showing else refusal.message_id, lang)
        else:
            self._fill(view, lang)
            self.error = ""
        self.loaded = True
        return None

    def _fill(self, view: PartnerParticipantView, lang: str) -> None:
        self.public_id, self.name = view["public_id"], view["name"]
        self.shows_goals = "goals" in view["categories"]
        self.shows_progress = "progress" in view["categories"]
        self.shows_assignments = "assignments" in view["categories"]
        self.goals = view["goals"]
        table = view["progress"]
        self.progress = [
            ProgressLine(
                domain=_in(row["domain"], lang),
                self_score=str(row["self_score"]) if row["self_score"] is not None else "–",
                counsellor_score=(
                    str(row["counsellor_score"]) if row["counsellor_score"] is not None else "–"
                ),
            )
            for row in (table["rows"] if table else [])
        ]
        self.progress_dates = (
            gettext(N_("Zelf: {own}. Begeleider: {counsellor}."), lang).format(
                own=_day(table["self_taken_at"], lang) or "–",
                counsellor=_day(table["counsellor_taken_at"], lang) or "–",
            )
            if table
            else ""
        )
        self.assignments = [
            AssignmentLine(
                title=_in(row["title"], lang),
                status=gettext(ASSIGNMENT_STATUS.get(row["status"], row["status"]), lang),
                due=_day(row["due_date"], lang),
            )
            for row in view["assignments"]
        ]
