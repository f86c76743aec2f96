"""The admin's overview of what they manage."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.overviews import admin_overview
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import authenticate


class AdminState(rx.State):
    """Counts an admin manages."""

    organisations: int = 0
    teams: int = 0
    users_by_role: dict[str, int] = {}
    open_sessions: int = 0
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the admin overview."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            summary = admin_overview(session, viewer)
        self.organisations = summary["organisations"]
        self.teams = summary["teams"]
        self.users_by_role = summary["users_by_role"]
        self.open_sessions = summary["open_sessions"]
        self.loaded = True
