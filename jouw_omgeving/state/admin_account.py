"""One staff account as an admin manages it: status, team lead, OIDC link, open sessions.

The account's public id comes from the URL (untrusted; the service parses it). Session rows
have no public id: their ids stay in a backend var and the browser names a row by its place
in the list it was shown.
"""

from datetime import datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import admin_accounts, admin_organisations, admin_sessions
from jouw_omgeving.services.errors import InvalidInput, NotFound, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_accounts import StaffLine, staff_line
from jouw_omgeving.state.admin_forms import form_text, language, message
from jouw_omgeving.state.audit_words import moment
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import authenticate

ROUTE_PARAMETER = "user_public_id"
SAVED = N_("Opgeslagen.")
CHOOSE = N_("Kies een waarde uit de lijst.")
SESSIONS_ENDED = N_("De sessies zijn beëindigd.")
_EMPTY = StaffLine(
    public_id="",
    display_name="",
    username="",
    role="",
    organisation="",
    team="",
    active=False,
    last_active="",
)


class SessionLine(TypedDict):
    """One open session in words."""

    created: str
    last_seen: str
    client_address: str


class AdminAccountState(rx.State):
    """The account in the URL and what an admin can do with it."""

    account: StaffLine = _EMPTY
    is_counsellor: bool = False
    is_team_lead: bool = False
    has_second_factor: bool = False
    oidc_linked: bool = False
    is_self: bool = False
    sessions: list[SessionLine] = []
    error: str = ""
    notice: str = ""
    loaded: bool = False
    _public_id: str = ""
    _session_ids: list[int] = []

    @rx.event
    async def load(self):
        """Show the account whose public id is in the URL."""
        self.loaded, self.notice, self.error = False, "", ""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        raw = route_parameter(self, ROUTE_PARAMETER)
        self._public_id = raw if isinstance(raw, str) and len(raw) <= 45 else ""
        await self._refresh(viewer)
        return None

    async def _refresh(self, viewer: Viewer) -> None:
        lang = await language(self)
        try:
            with db_session() as session:
                row = admin_accounts.staff_detail(session, viewer, user_public_id=self._public_id)
                sessions = admin_sessions.user_sessions(
                    session, viewer, user_public_id=self._public_id
                )
                me = session.get(User, viewer.user_id)
                is_self = me is not None and str(me.public_id) == row["public_id"]
        except ServiceError as refusal:
            self.account, self.sessions, self._session_ids = _EMPTY, [], []
            self.error = await message(self, refusal.message_id)
        else:
            self.account = staff_line(row, lang)
            self.is_counsellor = row["role"] == Role.COUNSELLOR
            self.is_team_lead = row["is_team_lead"]
            self.has_second_factor = row["has_second_factor"]
            self.oidc_linked = row["oidc_linked"]
            self.is_self = is_self
            self._session_ids = [s["session_id"] for s in sessions]
            self.sessions = [
                SessionLine(
                    created=moment(datetime.fromisoformat(s["created_at"]), lang),
                    last_seen=moment(datetime.fromisoformat(s["last_seen_at"]), lang),
                    client_address=s["client_address"],
                )
                for s in sessions
            ]
        self.loaded = True

    async def _change(self, viewer: Viewer, change, done: str = SAVED) -> None:
        self.error, self.notice = "", ""
        try:
            with db_session() as session:
                change(session)
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return
        await self._refresh(viewer)
        self.notice = await message(self, done)

    @rx.event
    async def set_active(self, active: bool):
        """Deactivate (every session ends) or reactivate this account."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not isinstance(active, bool):
            self.error = await message(self, CHOOSE)
            return None
        await self._change(
            viewer,
            lambda s: admin_accounts.staff_set_active(
                s, viewer, user_public_id=self._public_id, active=active
            ),
        )
        return None

    @rx.event
    async def set_team_lead(self, is_lead: bool):
        """Make this counsellor the lead of their team, or not."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not isinstance(is_lead, bool):
            self.error = await message(self, CHOOSE)
            return None
        await self._change(
            viewer,
            lambda s: admin_organisations.team_lead_set(
                s, viewer, user_public_id=self._public_id, is_lead=is_lead
            ),
        )
        return None

    @rx.event
    async def link_oidc(self, form_data: dict):
        """Link this account to its subject at the organisation's login (empty: unlink)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            subject = form_text(form_data, "oidc_subject", max_length=300)
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        await self._change(
            viewer,
            lambda s: admin_accounts.staff_link_oidc(
                s, viewer, user_public_id=self._public_id, subject=subject
            ),
        )
        return None

    @rx.event
    async def end_session(self, index: int):
        """End the session shown at place ``index`` of the list."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        valid = isinstance(index, int) and not isinstance(index, bool)
        if not valid or not 0 <= index < len(self._session_ids):
            self.error = await message(self, NotFound.message_id)
            return None
        session_id = self._session_ids[index]
        await self._change(
            viewer,
            lambda s: admin_sessions.user_session_end(
                s, viewer, user_public_id=self._public_id, session_id=session_id
            ),
            SESSIONS_ENDED,
        )
        return None

    @rx.event
    async def end_all_sessions(self):
        """End every open session of this account."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        await self._change(
            viewer,
            lambda s: admin_sessions.user_sessions_end_all(
                s, viewer, user_public_id=self._public_id
            ),
            SESSIONS_ENDED,
        )
        return None
