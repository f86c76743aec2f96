"""The admin's staff accounts: a filtered, paginated list and a form to create one.

The initial password of a new account is shown once, in this view only, and forgotten as
soon as the admin dismisses it or leaves the page; the database keeps only its hash.
"""

from datetime import datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import admin_accounts as service
from jouw_omgeving.services.admin_organisations import organisation_list, team_list
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.slow_work import run_hashing
from jouw_omgeving.state.admin_forms import form_text, language, message
from jouw_omgeving.state.audit_words import ROLE_WORDS, moment, word
from jouw_omgeving.state.session import authenticate

ACCOUNT_CREATED = N_("Het account is aangemaakt.")


class StaffLine(TypedDict):
    """One staff account as the list shows it."""

    public_id: str
    display_name: str
    username: str
    role: str
    organisation: str
    team: str
    active: bool
    last_active: str


class Choice(TypedDict):
    """An option of a select: its value (a public id) and its label."""

    value: str
    label: str


def staff_line(row: service.StaffRow, lang: str) -> StaffLine:
    """A service row in words for the table."""
    last = row["last_active_at"]
    return StaffLine(
        public_id=row["public_id"],
        display_name=row["display_name"],
        username=row["username"],
        role=word(ROLE_WORDS, row["role"], lang),
        organisation=row["organisation"],
        team=row["team"],
        active=row["active"],
        last_active=moment(datetime.fromisoformat(last), lang) if last else "",
    )


class AdminAccountsState(rx.State):
    """One page of staff accounts, the filters, and the create form's choices."""

    lines: list[StaffLine] = []
    page: int = 1
    has_next: bool = False
    organisations: list[Choice] = []
    teams: list[Choice] = []
    created_username: str = ""
    created_password: str = ""
    error: str = ""
    notice: str = ""
    loaded: bool = False
    _role: str = ""
    _search: str = ""

    @rx.event
    async def load(self):
        """The first page without filters, and the choices for a new account."""
        self._role, self._search = "", ""
        self.created_username, self.created_password = "", ""
        self.notice = ""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                self.organisations = [
                    Choice(value=o["public_id"], label=o["name"])
                    for o in organisation_list(session, viewer)
                ]
                self.teams = [
                    Choice(value=team["public_id"], label=f"{team['organisation']}: {team['name']}")
                    for team in team_list(session, viewer)
                ]
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        return await self._show(viewer, 1)

    @rx.event
    async def filter(self, form_data: dict):
        """Apply the role filter and the name search."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            role = form_text(form_data, "role", max_length=20)
            search = form_text(form_data, "search", max_length=service.SEARCH_MAX)
            if role:
                service.clean_role(role)
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        self._role, self._search = role, search
        return await self._show(viewer, 1)

    @rx.event
    async def next_page(self):
        """The next page of accounts."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        return await self._show(viewer, self.page + 1)

    @rx.event
    async def previous_page(self):
        """The previous page of accounts."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        return await self._show(viewer, max(1, self.page - 1))

    async def _show(self, viewer: Viewer, page: int):
        self.error = ""
        lang = await language(self)
        try:
            with db_session() as session:
                result = service.staff_list(
                    session, viewer, role=self._role or None, search=self._search, page=page
                )
        except ServiceError as refusal:
            self.lines, self.has_next = [], False
            self.error = await message(self, refusal.message_id)
        else:
            self.lines = [staff_line(row, lang) for row in result["rows"]]
            self.page, self.has_next = result["page"], result["has_next"]
        self.loaded = True
        return None

    @rx.event
    async def create(self, form_data: dict):
        """Create a staff account (hashing runs off the event loop); show its password once."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            yield viewer
            return
        self.created_username, self.created_password = "", ""
        self.notice = ""
        try:
            fields = {
                "display_name": form_text(form_data, "display_name", max_length=120),
                "username": form_text(form_data, "username", max_length=60),
                "role": form_text(form_data, "role", max_length=20),
                "organisation_public_id": form_text(form_data, "organisation", max_length=45),
                "team_public_id": form_text(form_data, "team", max_length=45) or None,
            }
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return
        self.error = ""
        yield
        try:
            username, password = await run_hashing(lambda: _create(viewer, fields))
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return
        self.created_username, self.created_password = username, password
        self.notice = await message(self, ACCOUNT_CREATED)
        await self._show(viewer, 1)

    @rx.event
    async def dismiss_password(self):
        """Forget the initial password shown (the admin wrote it down)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.created_username, self.created_password = "", ""
        return None


def _create(viewer: Viewer, fields: dict) -> tuple[str, str]:
    with db_session() as session:
        user, password = service.staff_create(session, viewer, **fields)
        return user.username or "", password
