"""The network member's start page: the goals shared with them right now."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_shares import SharedGoal, shared_goals
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate


class NetworkHomeState(rx.State):
    """Currently shared goals (a revoked share is gone at the next load)."""

    shared: list[SharedGoal] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Fill the list for the logged-in network member."""
        self.shared, self.error = [], ""
        viewer = await authenticate(self, Role.NETWORK_MEMBER)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                self.shared = shared_goals(session, viewer)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, (await self.get_state(SessionState)).lang)
        self.loaded = True
        return None
