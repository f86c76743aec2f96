"""Erasure requests: the participant asks on Mijn gegevens, an admin carries them out."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import erasure
from jouw_omgeving.services.erasure_refusal import erasure_refuse
from jouw_omgeving.services.errors import NotFound, ServiceError
from jouw_omgeving.services.retention import retention_purge
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings
from jouw_omgeving.state.admin_forms import form_text, is_short_text, language, message
from jouw_omgeving.state.audit_words import moment
from jouw_omgeving.state.session import authenticate

STATUS_WORDS = {
    erasure.REQUESTED: N_("Aangevraagd"),
    erasure.DONE: N_("Uitgevoerd"),
    erasure.REFUSED: N_("Geweigerd"),
}
EXECUTED = N_("Het verzoek is uitgevoerd. Hieronder staat wat bewaard is, en waarom.")
PURGED = N_("Opgeruimd: {total} bewaarde rijen van {participants} deelnemers verwijderd.")
REFUSED_NOTICE = N_("Het verzoek is geweigerd. De deelnemer ziet de reden op Mijn gegevens.")


class ErasureRequestState(rx.State):
    """The participant's own request: none, asked (waiting) or handled."""

    status: str = ""
    requested_on: str = ""
    refusal_reason: str = ""
    confirming: bool = False
    error: str = ""
    loaded: bool = False

    async def _shown(self, row: erasure.ErasureRequestRow | None) -> None:
        self.status = row["status"] if row else ""
        self.requested_on = moment(row["requested_at"], await language(self)) if row else ""
        refused = row is not None and row["status"] == erasure.REFUSED
        self.refusal_reason = row["note"] if refused else ""

    @rx.event
    async def load(self):
        """Show whether the participant asked for erasure already."""
        self.confirming, self.error = False, ""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                row = erasure.erasure_request_mine(session, viewer)
            await self._shown(row)
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
                row = erasure.erasure_request_create(session, viewer)
            await self._shown(row)
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
    refusing: str = ""  # public id of the request whose refusal form is open
    error: str = ""
    notice: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Every request, open ones first."""
        self.confirming, self.refusing, self.notice = "", "", ""
        return await self._show()

    def _is_open(self, request_public_id: object) -> bool:
        return is_short_text(request_public_id) and request_public_id in {
            line["public_id"] for line in self.lines if line["status"] == erasure.REQUESTED
        }

    @rx.event
    async def ask_refuse(self, request_public_id: str):
        """Open the form for the reason of a refusal (nothing is stored yet)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not self._is_open(request_public_id):
            self.error = await message(self, NotFound.message_id)
            return None
        self.refusing, self.confirming, self.error = request_public_id, "", ""
        return None

    @rx.event
    async def refuse(self, form_data: dict):
        """Refuse the request whose form is open, with the reason typed in it."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        if not self.refusing:
            return None
        try:
            reason = form_text(form_data, "reason", max_length=2000)
            with db_session() as session:
                erasure_refuse(session, viewer, request_public_id=self.refusing, reason=reason)
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self.refusing = ""
        self.notice = await message(self, REFUSED_NOTICE)
        return await self._show()

    @rx.event
    async def ask_execute(self, request_public_id: str):
        """Open the confirmation for one request (nothing is erased yet)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not self._is_open(request_public_id):
            self.error = await message(self, NotFound.message_id)
            return None
        self.confirming, self.refusing, self.error = request_public_id, "", ""
        return None

    @rx.event
    async def cancel(self):
        """Close the confirmation."""
        viewer = await authenticate(self, Role.ADMIN)
        self.confirming, self.refusing = "", ""
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

    @rx.event
    async def purge(self):
        """Delete what erasures kept once the retention period ended; show how much."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        try:
            with db_session() as session:
                result = retention_purge(session, viewer)
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self.notice = (await message(self, PURGED)).format(
            total=result["total"], participants=result["participants"]
        )
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
