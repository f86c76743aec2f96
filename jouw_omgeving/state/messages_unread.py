"""The home tile's unread count, kept fresh while the participant's home page stays open.

A light loop (one read-only count query every few seconds; the session and the page are
checked every ``RECHECK_SECONDS``; the tab's state is locked only when the count changed)
runs on the worker that served the page's ``on_load``. It ends when the browser tab
disconnects, when the tab's latest event came from another page (the participant went on),
when the home page is opened again (a new loop takes over) and after at most an hour.
Polls never extend the login session.
"""

import asyncio
import time
from functools import partial

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import PARTICIPANT_HOME
from jouw_omgeving.services.messages_read import unread_for_participant
from jouw_omgeving.state.messages_live import (
    RECHECK_SECONDS,
    client_connected,
    viewer_without_touch,
)
from jouw_omgeving.state.participant import ParticipantHomeState

HOME_POLL_SECONDS = 5.0
MAX_HOME_WATCH_SECONDS = 3600


def unread_as(cookie_header: str, client_address: str) -> int | None:
    """The participant's unread count, or ``None`` (no valid participant session): stop."""
    viewer = viewer_without_touch(cookie_header, client_address)
    if viewer is None or viewer.role != Role.PARTICIPANT:
        return None
    return unread_of(viewer.user_id)


def unread_of(participant_id: int) -> int:
    """The unread count of a participant whose session was checked (read-only)."""
    with db_session(write=False) as session:
        return unread_for_participant(session, participant_id=participant_id)


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
        participant_id, shown, last_check = None, None, 0.0
        while time.monotonic() < deadline:
            await asyncio.sleep(HOME_POLL_SECONDS)
            if not await client_connected(token):
                return
            now = time.monotonic()
            if participant_id is None or now - last_check >= RECHECK_SECONDS:
                # The session and the page: checked every RECHECK_SECONDS, not every tick.
                last_check = now
                async with self:
                    if self._generation != generation or not still_on_home(self.router.url.path):
                        return
                viewer = await rx.run_in_thread(partial(viewer_without_touch, cookie, address))
                if viewer is None or viewer.role != Role.PARTICIPANT:
                    return
                participant_id = viewer.user_id
            count = await rx.run_in_thread(partial(unread_of, participant_id))
            if count == shown:
                continue  # nothing changed: no state lock, no update
            async with self:
                if self._generation != generation:
                    return
                home = await self.get_state(ParticipantHomeState)
                if home.unread_messages != count:
                    home.unread_messages = count
            shown = count
