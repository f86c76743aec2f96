"""Participants' account status for the admin: active, activated, last active. No care data."""

from datetime import datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import admin_participants, admin_sessions
from jouw_omgeving.services.admin_accounts import SEARCH_MAX
from jouw_omgeving.services.admin_common import user_by_public_id
from jouw_omgeving.services.errors import InvalidInput, NotFound, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import form_text, is_short_text, language, message
from jouw_omgeving.state.audit_words import moment
from jouw_omgeving.state.session import authenticate

SESSIONS_ENDED = N_("De sessies zijn beëindigd.")


class ParticipantLine(TypedDict):
    """One participant's account status in words."""

    public_id: str
    display_name: str
    username: str
    organisation: str
    active: bool
    activated: bool
    last_active: str


class AdminParticipantsState(rx.State):
    """One page of participant account statuses."""

    lines: list[ParticipantLine] = []
    page: int = 1
    has_next: bool = False
    error: str = ""
    notice: str = ""
    loaded: bool = False
    _search: str = ""

    @rx.event
    async def load(self):
        """The first page, without a search."""
        self._search, self.notice = "", ""
        return await self._show(1)

    @rx.event
    async def search(self, form_data: dict):
        """Search participants by name or username."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            self._search = form_text(form_data, "search", max_length=SEARCH_MAX)
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        return await self._show(1)

    @rx.event
    async def next_page(self):
        """The next page."""
        return await self._show(self.page + 1)

    @rx.event
    async def previous_page(self):
        """The previous page."""
        return await self._show(max(1, self.page - 1))

    @rx.event
    async def end_sessions(self, participant_public_id: str):
        """Log this participant out everywhere (e.g. a lost phone)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.notice = ""
        if not is_short_text(participant_public_id):
            self.error = await message(self, NotFound.message_id)
            return None
        try:
            with db_session() as session:
                user = user_by_public_id(session, participant_public_id)
                if user.role != Role.PARTICIPANT:
                    raise NotFound("not a participant")
                admin_sessions.user_sessions_end_all(
                    session, viewer, user_public_id=participant_public_id
                )
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self.notice = await message(self, SESSIONS_ENDED)
        return await self._show(self.page)

    async def _show(self, page: int):
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        lang = await language(self)
        try:
            with db_session() as session:
                result = admin_participants.participant_statuses(
                    session, viewer, search=self._search, page=page
                )
        except ServiceError as refusal:
            self.lines, self.has_next = [], False
            self.error = await message(self, refusal.message_id)
        else:
            self.lines = [
                ParticipantLine(
                    **{k: row[k] for k in ("public_id", "display_name", "username")},
                    organisation=row["organisation"],
                    active=row["active"],
                    activated=row["activated"],
                    last_active=moment(datetime.fromisoformat(row["last_active_at"]), lang)
                    if row["last_active_at"]
                    else "",
                )
                for row in result["rows"]
            ]
            self.page, self.has_next = result["page"], result["has_next"]
        self.loaded = True
        return None
