"""The participant's help page: the crisis and help numbers of their organisation."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.help_numbers import HelpNumber, help_numbers
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import language, message
from jouw_omgeving.state.session import authenticate


class HelpState(rx.State):
    """The numbers to call, in the participant's language."""

    numbers: list[HelpNumber] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the numbers of the logged-in participant's organisation."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        try:
            lang = await language(self)
            with db_session() as session:
                self.numbers = help_numbers(session, viewer, lang=lang)
        except ServiceError as refusal:
            self.numbers = []
            self.error = await message(self, refusal.message_id)
        self.loaded = True
        return None
