"""The participant's list of conversations, and starting a chat with their network."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import participant_thread
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages import ThreadTile, participant_threads
from jouw_omgeving.services.messages_network import network_chat_choices, network_thread_start
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

MAX_ID_LENGTH = 64


class ChatChoice(TypedDict):
    """Someone of the participant's network to start (or go on with) a chat."""

    member_public_id: str
    name: str
    relation: str


class ParticipantThreadsState(rx.State):
    """The participant's conversations, as big buttons, and whom they can start one with."""

    threads: list[ThreadTile] = []
    choices: list[ChatChoice] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """List the logged-in participant's threads and their active network members."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            self.threads = participant_threads(session, viewer)
            self.choices = [
                ChatChoice(
                    member_public_id=choice.member_public_id,
                    name=choice.name,
                    relation=choice.relation,
                )
                for choice in network_chat_choices(session, viewer)
            ]
        self.error = ""
        self.loaded = True
        return None

    @rx.event
    async def start_with(self, member_public_id: str):
        """Open the chat with this network member (created the first time) and go there."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        if not isinstance(member_public_id, str) or len(member_public_id) > MAX_ID_LENGTH:
            member_public_id = ""  # refused (and audited) like any unknown id
        try:
            with db_session() as session:
                thread = network_thread_start(session, viewer, member_public_id=member_public_id)
                public_id = str(thread.public_id)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        return rx.redirect(participant_thread(public_id))
