"""The participant's "Wie heeft mijn gegevens bekeken": others' access, in plain words."""

from datetime import datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.audit_log import access_log
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.audit_words import access_sentence, moment
from jouw_omgeving.state.session import SessionState, authenticate

PAGE_SIZE = 20


class AccessLogLine(TypedDict):
    """One line of the list: the sentence, and the exact moment for who wants it."""

    sentence: str
    when: str


class AccessLogState(rx.State):
    """One page of who looked at the logged-in participant's data."""

    lines: list[AccessLogLine] = []
    page: int = 1
    has_next: bool = False
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Show the newest page."""
        return await self._show(1)

    @rx.event
    async def next_page(self):
        """Show older accesses."""
        return await self._show(self.page + 1)

    @rx.event
    async def previous_page(self):
        """Show newer accesses."""
        return await self._show(max(1, self.page - 1))

    async def _show(self, page: int):
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error = ""
        try:
            with db_session() as session:
                result = access_log(session, viewer, page=page, page_size=PAGE_SIZE)
        except ServiceError as refusal:
            self.lines, self.has_next = [], False
            self.error = gettext(refusal.message_id, lang)
        else:
            self.lines = [_line(row, lang) for row in result["rows"]]
            self.page, self.has_next = result["page"], result["has_next"]
        self.loaded = True
        return None


def _line(row, lang: str) -> AccessLogLine:
    occurred_at = datetime.fromisoformat(row["occurred_at"])
    return AccessLogLine(
        sentence=access_sentence(
            name=row["actor_name"],
            role=row["actor_role"],
            organisation=row["actor_organisation"],
            action=row["action"],
            category=row["category"],
            occurred_at=occurred_at,
            lang=lang,
        ),
        when=moment(occurred_at, lang),
    )
