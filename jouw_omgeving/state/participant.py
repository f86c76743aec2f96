"""The participant's home tiles (the goal board is in :mod:`jouw_omgeving.state.goals`)."""

from functools import partial

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.overviews import participant_home
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import authenticate


def _home(viewer: Viewer) -> dict:
    with db_session() as session:
        return participant_home(session, viewer)


class ParticipantHomeState(rx.State):
    """Counts shown on the home tiles."""

    unread_messages: int = 0
    active_goals: int = 0
    open_assignments: int = 0
    upcoming_appointments: int = 0
    loaded: bool = False

    @rx.event
    async def load(self):
        """Fill the tiles for the logged-in participant."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        summary = await rx.run_in_thread(partial(_home, viewer))  # off the event loop
        self.unread_messages = summary["unread_messages"]
        self.active_goals = summary["active_goals"]
        self.open_assignments = summary["open_assignments"]
        self.upcoming_appointments = summary["upcoming_appointments"]
        self.loaded = True
