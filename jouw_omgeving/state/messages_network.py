"""The network member's conversations: the chats participants opened with them."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages import ThreadTile
from jouw_omgeving.services.messages_network import network_member_threads
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate


class NetworkThreadsState(rx.State):
    """The network member's chats (one big button each) and how many messages are new."""

    threads: list[ThreadTile] = []
    unread: int = 0
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """List the logged-in network member's chats with participants who invited them."""
        viewer = await authenticate(self, Role.NETWORK_MEMBER)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        try:
            with db_session() as session:
                self.threads = network_member_threads(session, viewer)
        except ServiceError as refusal:
            self.threads, self.error = [], gettext(refusal.message_id, lang)
        else:
            self.error = ""
        self.unread = sum(tile["unread"] for tile in self.threads)
        self.loaded = True
        return None
