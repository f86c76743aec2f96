"""Erasure requests: the participant asks on Mijn gegevens, an admin carries them out."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import erasure
from jouw_omgeving.services.errors import NotFound, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings
from jouw_omgeving.state.admin_forms import is_short_text, language, message
from jouw_omgeving.state.audit_words import moment
from jouw_omgeving.state.session import authenticate

STATUS_WORDS = {
    erasure.REQUESTED: N_("Aangevraagd"),
    erasure.DONE: N_("Uitgevoerd"),
    erasure.REFUSED: N_("Geweigerd"),
}
EXECUTED = N_("Het verzoek is uitgevoerd. Hieronder staat wat bewaard is, en waarom.")


class ErasureRequestState(rx.State):
    """The participant's own request: none, asked (waiting) or handled."""

    status: str = ""
    requested_on: str = ""
    confirming: bool = False
    error: str = ""
    loaded: bool = False

    async def _shown(self, row: erasure.ErasureRequestRow | None) -> None:
        self.status = row["status"] if row else ""
        self.requested_on = moment(row["requested_at"], await language(self)) if row else ""

    @rx.event
    async def load(self):
        """Show whether the participant asked for erasure already."""
        self.confirming, self.error = False, ""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                await self._shown(erasure.erasure_request_mine(session, viewer))
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
        self.loaded = True
        return None

    @rx.event
    async def ask(self):
        """Show the confirmation that explains what will happen."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.confirming = True
        return None

    @rx.event
    async def cancel(self):
        """Close the confirmation without asking."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        self.confirming = False
        return None if isinstance(viewer, Viewer) else viewer

    @rx.event
    async def confirm(self):
        """Ask for erasure (only for oneself; an open request is not asked twice)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.confirming, self.error = False, ""
        try:
            with db_session() as session:
                await self._shown(erasure.erasure_request_create(session, viewer))
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
        return None


class ErasureLine(TypedDict):
    """One request on the admin's list, in words."""

    public_id: str
    participant: str
    requested: str
    status: str
    status_word: str
    note: str


class AdminErasureState(rx.State):
    """The admin's list of erasure requests, open ones first."""

    lines: list[ErasureLine] = []
    confirming: str = ""  # public id of the request whose confirmation is open
    error: str = ""
    notice: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Every request, open ones first."""
        self.confirming, self.notice = "", ""
        return await self._show()

    @rx.event
    async def ask_execute(self, request_public_id: str):
        """Open the confirmation for one request (nothing is erased yet)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not is_short_text(request_public_id) or request_public_id not in {
            line["public_id"] for line in self.lines if line["status"] == erasure.REQUESTED
        }:
            self.error = await message(self, NotFound.message_id)
            return None
        self.confirming, self.error = request_public_id, ""
        return None

    @rx.event
    async def cancel(self):
        """Close the confirmation."""
        viewer = await authenticate(self, Role.ADMIN)
        self.confirming = ""
        return None if isinstance(viewer, Viewer) else viewer

    @rx.event
    async def execute(self):
        """Carry out the confirmed request, then show what was kept and why."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        public_id, self.confirming, self.notice = self.confirming, "", ""
        if not public_id:
            return None
        try:
            with db_session() as session:
                erasure.erasure_execute(
                    session, viewer, request_public_id=public_id, data_dir=get_settings().data_dir
                )
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self.notice = await message(self, EXECUTED)
        return await self._show()

    async def _show(self):
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        lang = await language(self)
        try:
            with db_session() as session:
                rows = erasure.erasure_requests_list(session, viewer)
        except ServiceError as refusal:
            self.lines = []
            self.error = await message(self, refusal.message_id)
        else:
            self.lines = [
                ErasureLine(
                    public_id=row["public_id"],
                    participant=row["participant"],
                    requested=moment(row["requested_at"], lang),
                    status=row["status"],
                    status_word=await message(self, STATUS_WORDS[row["status"]]),
                    note=row["note"],
                )
                for row in rows
            ]
        self.loaded = True
        return None
