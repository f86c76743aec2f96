"""The participant's list of conversations."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.messages import ThreadTile, participant_threads
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import authenticate


class ParticipantThreadsState(rx.State):
    """The participant's conversations, as big buttons."""

    threads: list[ThreadTile] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """List the logged-in participant's threads."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            self.threads = participant_threads(session, viewer)
        self.loaded = True
        return None
