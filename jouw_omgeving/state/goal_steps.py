"""Changing one step of the goal on screen: its words and its due date.

One step at a time is open for changing (``editing`` holds its public id). The change
itself goes through :func:`step_update`, which checks who may change it; the goal is then
shown again by :class:`GoalState`, whose notice and error lines are used here too.
"""

import reflex as rx

from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_changes import step_update
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_input import due_date_of, form_text
from jouw_omgeving.state.goals import GoalState
from jouw_omgeving.state.session import SessionState, authenticate

STEP_SAVED = N_("De stap is aangepast.")
DATE_REMOVED = N_("De datum is weg.")


class StepEditState(rx.State):
    """Which step is open for changing."""

    editing: str = ""  # public id of the step being changed, "" when none

    async def _goal_and_lang(self) -> tuple[GoalState, str]:
        return await self.get_state(GoalState), (await self.get_state(SessionState)).lang

    @rx.event
    async def start(self, step_public_id: str):
        """Open one step of the goal on screen for changing; other ids are ignored."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        goal_state, _lang = await self._goal_and_lang()
        known = {step["public_id"] for step in goal_state.goal["steps"] if not step["done"]}
        self.editing = (
            step_public_id if isinstance(step_public_id, str) and step_public_id in known else ""
        )
        return None

    @rx.event
    async def open_goal(self):
        """The goal page's one on_load: no step form open, and the goal in the URL shown.

        One event instead of two (``GoalState.load`` and :meth:`close`): each event of a page
        load costs a round of the tab's state (with Redis: fetch, lock, store).
        """
        viewer = await authenticate(self, Role.PARTICIPANT)
        goal_state = await self.get_state(GoalState)
        goal_state._clear()
        if not isinstance(viewer, Viewer):
            return viewer
        self.editing = ""  # a step form left open on another goal page closes
        lang = (await self.get_state(SessionState)).lang
        await goal_state._open(viewer, lang)  # the session was checked just now
        return None

    @rx.event
    async def cancel(self):
        """Close the step's form without changing anything."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        goal_state, _lang = await self._goal_and_lang()
        self.editing = ""
        goal_state.error = ""
        return None

    @rx.event
    async def save(self, form_data: dict):
        """Save the step's words and due date (form fields ``step``, ``title``, ``due_date``)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        goal_state, lang = await self._goal_and_lang()
        try:
            step_id, title = form_text(form_data, "step"), form_text(form_data, "title")
            due = due_date_of(form_text(form_data, "due_date"))
        except ServiceError as refusal:
            goal_state.error = gettext(refusal.message_id, lang)
            return None
        return await self._apply(goal_state, viewer, lang, step_id, title, due, STEP_SAVED)

    @rx.event
    async def remove_date(self, step_public_id: str):
        """Take the due date off a step of the goal on screen; its words stay."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        goal_state, lang = await self._goal_and_lang()
        title = next(
            (s["title"] for s in goal_state.goal["steps"] if s["public_id"] == step_public_id),
            "",  # not on screen: the service refuses the id (audited) before the empty title
        )
        step_id = step_public_id
        return await self._apply(goal_state, viewer, lang, step_id, title, None, DATE_REMOVED)

    async def _apply(
        self, goal_state: GoalState, viewer: Viewer, lang: str, step_id, title, due, message: str
    ) -> None:
        """Change the step, show the goal again; on a refusal the form stays open."""

        def change(session):
            step_update(session, viewer, step_public_id=step_id, title=title, due_date=due)

        if await goal_state._change(viewer, lang, change, goal_state.goal["public_id"]):
            self.editing = ""
            goal_state.notice = gettext(message, lang)
        return None
