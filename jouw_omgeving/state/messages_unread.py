"""The home tile's unread count, kept fresh while the participant's home page stays open.

A light loop (one count query every few seconds) runs on the worker that served the page's
``on_load``. It ends when the browser tab disconnects, when the tab's latest event came
from another page (the participant went on), when the home page is opened again (a new
loop takes over) and after at most an hour. Polls never extend the login session.
"""

import asyncio
import time
from functools import partial

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import PARTICIPANT_HOME
from jouw_omgeving.services.messages_read import unread_for_participant
from jouw_omgeving.state.messages_live import client_connected, viewer_without_touch
from jouw_omgeving.state.participant import ParticipantHomeState

HOME_POLL_SECONDS = 5.0
MAX_HOME_WATCH_SECONDS = 3600


def unread_as(cookie_header: str, client_address: str) -> int | None:
    """The participant's unread count, or ``None`` (no valid participant session): stop."""
    viewer = viewer_without_touch(cookie_header, client_address)
    if viewer is None or viewer.role != Role.PARTICIPANT:
        return None
    with db_session() as session:
        return unread_for_participant(session, participant_id=viewer.user_id)


def still_on_home(path: str) -> bool:
    """Whether the tab's latest event came from the home page."""
    return path.rstrip("/") == PARTICIPANT_HOME


class HomeUnreadState(rx.State):
    """Refreshes the "Berichten" tile's count on the participant's home page."""

    _generation: int = 0

    @rx.event(background=True)
    async def watch_home(self):
        """Count unread messages every few seconds while the home page stays open."""
        async with self:
            self._generation += 1
            generation = self._generation
            token = self.router.session.client_token
            cookie = self.router.headers.cookie
            address = self.router.session.client_ip or ""
        deadline = time.monotonic() + MAX_HOME_WATCH_SECONDS
        while time.monotonic() < deadline:
            await asyncio.sleep(HOME_POLL_SECONDS)
            if not await client_connected(token):
                return
            async with self:
                if self._generation != generation or not still_on_home(self.router.url.path):
                    return
            count = await rx.run_in_thread(partial(unread_as, cookie, address))
            if count is None:
                return
            async with self:
                home = await self.get_state(ParticipantHomeState)
                if home.unread_messages != count:
                    home.unread_messages = count
