"""The counsellor's caseload overview: sort, filter, search and page in the database, live.

Every handler is callable by a browser with any arguments: each one authenticates, checks
its argument's type and value, and then asks the service again (which checks the role).
While the page is open a background task refreshes the signals every few seconds; it stops
when the client disconnects or leaves the page.
"""

import asyncio
from datetime import datetime
from functools import partial
from typing import TypedDict
from zoneinfo import ZoneInfo

import reflex as rx
from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time
from reflex_base.registry import RegistrationContext

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext, normalise_language
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import COUNSELLOR_HOME
from jouw_omgeving.services.caseload import (
    FILTERS,
    MAX_SEARCH_LENGTH,
    SORTS,
    CaseloadQuery,
    CaseloadRow,
    caseload_overview,
)
from jouw_omgeving.services.caseload_signals import NO_CONTACT_DAYS, SCORE_DROP_MIN
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.messages_live import viewer_without_touch
from jouw_omgeving.state.session import SessionState, authenticate

POLL_SECONDS = 5.0
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
MAX_NO_CONTACT_DAYS = 365

_REASONS = (
    ("unread", N_("1 ongelezen bericht"), N_("{n} ongelezen berichten")),
    ("overdue_steps", N_("1 stap te laat"), N_("{n} stappen te laat")),
    (
        "awaiting_feedback",
        N_("1 opdracht wacht op feedback"),
        N_("{n} opdrachten wachten op feedback"),
    ),
)


class CaseloadViewRow(TypedDict):
    """One row as the page shows it (texts already in the counsellor's language)."""

    public_id: str
    name: str
    unread: int
    contact: str
    active: str
    overdue_steps: int
    awaiting_feedback: int
    next_appointment: str
    reason: str
    attention: int


def _days_text(days: int, lang: str) -> str:
    if days < 0:
        return gettext("nooit", lang)
    if days == 0:
        return gettext("vandaag", lang)
    if days == 1:
        return gettext("1 dag", lang)
    return gettext("{n} dagen", lang).format(n=days)


def _when_text(iso: str, lang: str) -> str:
    """ "11 dec. 2026, 09:30" in Dutch time, formatted for ``lang``."""
    if not iso:
        return "–"
    moment = datetime.fromisoformat(iso).astimezone(LOCAL_ZONE)
    locale = normalise_language(lang)
    day = babel_date(moment.date(), format="medium", locale=locale)
    return f"{day}, {babel_time(moment.time(), format='short', locale=locale)}"


def _reason(row: CaseloadRow, lang: str) -> str:
    """Why this participant needs attention, in words ("2 ongelezen berichten · ...")."""
    parts = []
    for key, one, many in _REASONS:
        n = row[key]
        if n:
            parts.append(gettext(one, lang) if n == 1 else gettext(many, lang).format(n=n))
    days = row["days_since_contact"]
    if days < 0:
        parts.append(gettext("nog nooit contact", lang))
    elif days >= NO_CONTACT_DAYS:
        parts.append(gettext("{n} dagen geen contact", lang).format(n=days))
    if row["score_drop"] >= SCORE_DROP_MIN:
        parts.append(gettext("score gedaald", lang))
    if row["ending_soon"]:
        parts.append(gettext("toestemming of begeleiding stopt binnenkort", lang))
    return " · ".join(parts)


def view_row(row: CaseloadRow, lang: str) -> CaseloadViewRow:
    """The service's row with its texts for the page."""
    return CaseloadViewRow(
        public_id=row["public_id"],
        name=row["name"],
        unread=row["unread"],
        contact=_days_text(row["days_since_contact"], lang),
        active=_days_text(row["days_since_active"], lang),
        overdue_steps=row["overdue_steps"],
        awaiting_feedback=row["awaiting_feedback"],
        next_appointment=_when_text(row["next_appointment"], lang),
        reason=_reason(row, lang),
        attention=row["attention"],
    )


def _client_connected(token: str) -> bool:
    namespace = RegistrationContext.get().app.event_namespace
    return namespace is not None and token in namespace.token_to_sid


class CaseloadState(rx.State):
    """The counsellor's caseload with signals: one page of rows and the query behind it."""

    rows: list[CaseloadViewRow] = []
    total: int = 0
    page: int = 0
    pages: int = 1
    sort: str = "attention"
    filter: str = "all"
    search: str = ""
    no_contact_days: int = NO_CONTACT_DAYS
    error: str = ""
    is_team_lead: bool = False
    is_content_editor: bool = False
    loaded: bool = False
    _polling: bool = False

    def _query(self) -> CaseloadQuery:
        return CaseloadQuery(
            sort=self.sort,
            filter=self.filter,
            search=self.search,
            no_contact_days=self.no_contact_days,
            page=self.page,
        )

    def _show(self, shown: tuple) -> None:
        """Show what :func:`_shown_of` made of an overview."""
        self.rows, self.total, self.page, self.pages = shown

    async def _refresh(self, viewer: Viewer | None = None):
        viewer = viewer or await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.is_team_lead = viewer.is_team_lead
        self.is_content_editor = viewer.is_content_editor
        query = self._query()
        try:
            found = await rx.run_in_thread(lambda: _overview(viewer, query))
        except ServiceError as refusal:
            self.rows, self.total, self.error = [], 0, gettext(refusal.message_id, lang)
        else:
            self._show(_shown_of(found, lang))
            self.error = ""
        self.loaded = True
        return None

    @rx.event
    async def load(self):
        """Load the logged-in counsellor's caseload and start refreshing it."""
        redirect = await self._refresh()
        if redirect is not None:
            return redirect
        return CaseloadState.poll

    @rx.event
    async def set_sort(self, value: str):
        """Sort by one signal (most urgent first)."""
        if isinstance(value, str) and value in SORTS:
            self.sort, self.page = value, 0
        return await self._refresh()

    @rx.event
    async def set_filter(self, value: str):
        """Show only those who need attention, have unread messages, ... (or all)."""
        if isinstance(value, str) and value in FILTERS:
            self.filter, self.page = value, 0
        return await self._refresh()

    @rx.event
    async def set_search(self, value: str):
        """Search by (part of) a name."""
        if isinstance(value, str):
            self.search, self.page = value[:MAX_SEARCH_LENGTH], 0
        return await self._refresh()

    @rx.event
    async def set_no_contact_days(self, value: str):
        """The N of "no contact for N days" (1 to 365)."""
        text = str(value).strip() if isinstance(value, str | int) else ""
        if text.isdigit() and len(text) <= 3:
            days = int(text)
            if 1 <= days <= MAX_NO_CONTACT_DAYS:
                self.no_contact_days, self.page = days, 0
        return await self._refresh()

    @rx.event
    async def next_page(self):
        """The next page of rows."""
        self.page = min(self.page + 1, max(0, self.pages - 1))
        return await self._refresh()

    @rx.event
    async def previous_page(self):
        """The previous page of rows."""
        self.page = max(0, self.page - 1)
        return await self._refresh()

    @rx.event(background=True)
    async def poll(self):
        """Refresh the signals every few seconds while this client has the page open.

        A refresh re-checks the session but is not activity: it does not extend the session,
        so the idle timeout still logs out a counsellor who walked away.
        """
        async with self:
            if self._polling:
                return
            self._polling = True
        try:
            while True:
                await asyncio.sleep(POLL_SECONDS)
                async with self:
                    if not _client_connected(self.router.session.client_token):
                        break
                    if self.rx_router_page.path.rstrip("/") != COUNSELLOR_HOME:
                        break
                    cookie = self.router.headers.cookie
                    address = self.router.session.client_ip or ""
                    query = self._query()
                    lang = (await self.get_state(SessionState)).lang
                    shown = (self.rows, self.total, self.page, self.pages)
                viewer = await rx.run_in_thread(partial(_still_signed_in, cookie, address))
                if viewer is None:
                    break
                # The query runs without holding the tab's state (its own clicks go on), and
                # the state changes only when the rows did: no update sent for nothing.
                try:
                    found = await rx.run_in_thread(partial(_overview, viewer, query))
                except ServiceError:
                    continue  # the next click shows why
                fresh = _shown_of(found, lang)
                if fresh == shown:
                    continue
                async with self:
                    if self._query() == query:  # not re-sorted meanwhile
                        self._show(fresh)
        finally:
            async with self:
                self._polling = False


def _still_signed_in(cookie: str, address: str) -> Viewer | None:
    """The counsellor of a still valid session, checked without touching its idle clock
    (a refresh is no activity)."""
    viewer = viewer_without_touch(cookie, address)
    return viewer if viewer is not None and viewer.role == Role.COUNSELLOR else None


def _shown_of(found: dict, lang: str) -> tuple:
    """What the page shows of an overview: (rows, total, page, pages)."""
    return [view_row(r, lang) for r in found["rows"]], found["total"], found["page"], found["pages"]


def _overview(viewer: Viewer, query: CaseloadQuery):
    with db_session() as session:
        return caseload_overview(session, viewer, query)
