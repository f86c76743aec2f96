"""The page where a staff member replaces the one-time initial password an admin gave them."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import STAFF_ROLES
from jouw_omgeving.routes import home_for_role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.own_password import own_password_change
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.slow_work import run_hashing
from jouw_omgeving.state.admin_forms import form_text, message
from jouw_omgeving.state.session import authenticate

MAX_FIELD = 200


class ChoosePasswordState(rx.State):
    """The form; every page but this one refuses the session until the password is chosen."""

    error: str = ""
    busy: bool = False
    loaded: bool = False

    @rx.event
    async def load(self):
        """Only a session that still has to choose its password stays on this page."""
        self.error, self.busy = "", False
        viewer = await authenticate(self, *STAFF_ROLES, choosing_password=True)
        if not isinstance(viewer, Viewer):
            return viewer
        self.loaded = True
        return None

    @rx.event
    async def save(self, form_data: dict):
        """Store the new password (checked, off the event loop), then open the start page."""
        viewer = await authenticate(self, *STAFF_ROLES, choosing_password=True)
        if not isinstance(viewer, Viewer):
            yield viewer
            return
        self.error, self.busy = "", True
        yield
        try:
            password = form_text(form_data, "password", max_length=MAX_FIELD)
            repeat = form_text(form_data, "repeat", max_length=MAX_FIELD)
            await run_hashing(lambda: _change(viewer, password, repeat))
        except ServiceError as refusal:
            self.busy = False
            self.error = await message(self, refusal.message_id)
            return
        self.busy = False
        yield rx.redirect(home_for_role(viewer.role))


def _change(viewer: Viewer, password: str, repeat: str) -> None:
    with db_session() as session:
        own_password_change(session, viewer, password=password, repeat=repeat)
