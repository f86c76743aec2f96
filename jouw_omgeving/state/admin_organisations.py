"""The admin's organisations page: lists, a new partner organisation, a new team, a team's
read-along setting. Every handler authenticates, validates its arguments, calls a service.
"""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import OrganisationKind, Role
from jouw_omgeving.services import admin_organisations as service
from jouw_omgeving.services.admin_organisations import OrganisationRow, TeamRow
from jouw_omgeving.services.errors import InvalidInput, NotFound, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import form_text, is_short_text, message
from jouw_omgeving.state.session import authenticate

PARTNER_CREATED = N_("De partnerorganisatie is toegevoegd.")
TEAM_CREATED = N_("Het team is toegevoegd.")
TEAM_CHANGED = N_("Het team is aangepast.")


class OrganisationChoice(TypedDict):
    """An own organisation to put a team (or an account) in."""

    public_id: str
    name: str


class AdminOrganisationsState(rx.State):
    """Organisations and teams an admin manages."""

    organisations: list[OrganisationRow] = []
    teams: list[TeamRow] = []
    own_organisations: list[OrganisationChoice] = []
    error: str = ""
    notice: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Show every organisation and team."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        self.notice = ""
        return await self._refresh(viewer)

    async def _refresh(self, viewer: Viewer):
        try:
            with db_session() as session:
                self.organisations = service.organisation_list(session, viewer)
                self.teams = service.team_list(session, viewer)
        except ServiceError as refusal:
            self.organisations, self.teams = [], []
            self.error = await message(self, refusal.message_id)
        self.own_organisations = [
            OrganisationChoice(public_id=row["public_id"], name=row["name"])
            for row in self.organisations
            if row["kind"] == OrganisationKind.OWN
        ]
        self.loaded = True

    async def _change(self, viewer: Viewer, change, done: str) -> None:
        """Run ``change(session)``; show ``done`` or the refusal in words."""
        self.error = ""
        self.notice = ""
        try:
            with db_session() as session:
                change(session)
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return
        self.notice = await message(self, done)
        await self._refresh(viewer)

    @rx.event
    async def create_partner(self, form_data: dict):
        """Add a partner organisation (name and type from the form)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            name = form_text(form_data, "partner_name")
            kind = form_text(form_data, "partner_type", max_length=40)
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        await self._change(
            viewer,
            lambda s: service.partner_organisation_create(s, viewer, name=name, partner_type=kind),
            PARTNER_CREATED,
        )
        return None

    @rx.event
    async def create_team(self, form_data: dict):
        """Add a team to an own organisation (chosen in the form)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            name = form_text(form_data, "team_name")
            organisation = form_text(form_data, "team_organisation", max_length=45)
        except InvalidInput as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        await self._change(
            viewer,
            lambda s: service.team_create(
                s, viewer, organisation_public_id=organisation, name=name
            ),
            TEAM_CREATED,
        )
        return None

    @rx.event
    async def set_team_reads_messages(self, team_public_id: str, reads: bool):
        """Switch whether a team's colleagues may read along in counsellor threads."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        if not is_short_text(team_public_id) or not isinstance(reads, bool):
            self.error = await message(self, NotFound.message_id)
            return None
        await self._change(
            viewer,
            lambda s: service.team_reads_messages_set(
                s, viewer, team_public_id=team_public_id, reads=reads
            ),
            TEAM_CHANGED,
        )
        return None
