"""The admin's caseload overview: counts per counsellor and team."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.admin_caseloads import TeamLoad, caseload_counts
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import message
from jouw_omgeving.state.session import authenticate


class AdminCaseloadsState(rx.State):
    """One row per team, with its counsellors' caseload sizes."""

    teams: list[TeamLoad] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the counts."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        try:
            with db_session() as session:
                self.teams = caseload_counts(session, viewer)
        except ServiceError as refusal:
            self.teams = []
            self.error = await message(self, refusal.message_id)
        self.loaded = True
        return None
