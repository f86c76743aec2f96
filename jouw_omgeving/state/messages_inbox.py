"""The counsellor's inbox: a page of caseload threads, a search box and an unread filter."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import format_datetime, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages_inbox import MAX_SEARCH_LENGTH, InboxPage, counsellor_inbox
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

MAX_PAGE = 10_000


class InboxRowView(TypedDict):
    """One thread in the inbox as the page shows it."""

    thread_public_id: str
    name: str
    unread: int
    when: str
    preview: str
    preview_is_mine: bool


class InboxState(rx.State):
    """What the inbox shows, and the filter, search and page the counsellor chose."""

    rows: list[InboxRowView] = []
    unread_first: bool = False
    search: str = ""
    page: int = 0
    has_next: bool = False
    error: str = ""
    loaded: bool = False

    async def _fill(self):
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        unread_first, search, number = self.unread_first, self.search, self.page

        def work() -> InboxPage:
            with db_session() as session:
                return counsellor_inbox(
                    session, viewer, unread_first=unread_first, search=search, page=number
                )

        try:
            page = await rx.run_in_thread(work)  # off the event loop
        except ServiceError as refusal:
            self.rows, self.has_next = [], False
            self.error = gettext(refusal.message_id, lang)
        else:
            self.error = ""
            self.rows = [
                InboxRowView(
                    thread_public_id=row.thread_public_id,
                    name=row.participant_name,
                    unread=row.unread,
                    when=format_datetime(row.last_message_at, lang) if row.last_message_at else "",
                    preview=row.preview,
                    preview_is_mine=row.preview_is_mine,
                )
                for row in page.rows
            ]
            self.has_next = page.has_next
        self.loaded = True
        return None

    @rx.event
    async def load(self):
        """First page, newest first (keeps the filter and search of this visit)."""
        self.page = 0
        return await self._fill()

    @rx.event
    async def set_unread_first(self, value: bool):
        """Threads with unread messages first, or simply newest first."""
        self.unread_first = value is True
        self.page = 0
        return await self._fill()

    @rx.event
    async def search_messages(self, form_data: dict):
        """Search the caseload's messages (and names) for the typed text."""
        typed = form_data.get("q") if isinstance(form_data, dict) else None
        self.search = typed.strip()[:MAX_SEARCH_LENGTH] if isinstance(typed, str) else ""
        self.page = 0
        return await self._fill()

    @rx.event
    async def clear_search(self):
        """Back to all threads."""
        self.search = ""
        self.page = 0
        return await self._fill()

    @rx.event
    async def next_page(self):
        """The next page of threads."""
        if self.has_next and self.page < MAX_PAGE:
            self.page += 1
        return await self._fill()

    @rx.event
    async def previous_page(self):
        """The previous page of threads."""
        self.page = max(0, self.page - 1)
        return await self._fill()
