"""The participant's own settings: larger text and the language, remembered per user."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.user_settings import settings_set_language, settings_set_large_text
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate


class SettingsState(rx.State):
    """Writes the logged-in user's settings; the page shows them from SessionState."""

    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Fresh settings from the database (authenticate fills SessionState)."""
        self.error = ""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.loaded = True
        return None

    async def _save(self, write):
        """Run ``write(session, viewer, session_state)`` for the logged-in participant."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        session_state = await self.get_state(SessionState)
        try:
            with db_session() as session:
                write(session, viewer, session_state)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, session_state.lang)
            return None
        self.error = ""
        return None

    @rx.event
    async def set_large_text(self, large_text: bool):
        """Larger letters on every page, from now on."""

        def write(session, viewer, session_state):
            session_state.large_text = settings_set_large_text(
                session, viewer, large_text=large_text
            )

        return await self._save(write)

    @rx.event
    async def set_language(self, language: str):
        """The language of every page, from now on."""

        def write(session, viewer, session_state):
            session_state.lang = settings_set_language(session, viewer, language=language)

        return await self._save(write)
