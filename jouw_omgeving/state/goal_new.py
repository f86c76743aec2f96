"""The "nieuw doel" screen: one goal in the participant's own words, or from a starter."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import participant_goal
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_changes import goal_create
from jouw_omgeving.services.goal_starters import StarterDomain, goal_starters
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_input import due_date_of, form_text
from jouw_omgeving.state.session import SessionState, authenticate

TITLE_INPUT_ID = "title"  # also the form field's name


class NewGoalState(rx.State):
    """Starters per life domain, the chosen domain, and a refusal in plain words."""

    domains: list[StarterDomain] = []
    domain_key: str = ""
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Show the starters of the participant's active instrument."""
        self.error, self.domain_key = "", ""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            self.domains = goal_starters(session, viewer, lang=lang)
        self.loaded = True
        return None

    @rx.event
    async def choose_starter(self, domain_key: str, index: int):
        """Put a starter's words in the title field (the participant can still change them)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        domain = next((d for d in self.domains if d["key"] == domain_key), None)
        if domain is None or not isinstance(index, int) or isinstance(index, bool):
            return None
        if not 0 <= index < len(domain["starters"]):
            return None
        self.domain_key = domain["key"]
        self.error = ""
        return [
            rx.set_value(TITLE_INPUT_ID, domain["starters"][index]),
            rx.set_focus(TITLE_INPUT_ID),
        ]

    @rx.event
    async def create(self, form_data: dict):
        """Save the goal and open it; on a refusal every typed word stays in the form."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        try:
            title, helpers = form_text(form_data, "title"), form_text(form_data, "helpers")
            due = due_date_of(form_text(form_data, "due_date"))
            with db_session() as session:
                goal = goal_create(
                    session,
                    viewer,
                    participant_id=viewer.user_id,
                    title=title,
                    due_date=due,
                    helpers=helpers,
                    life_domain_key=self.domain_key or None,
                )
                public_id = str(goal.public_id)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.error = ""
        return rx.redirect(participant_goal(public_id))
