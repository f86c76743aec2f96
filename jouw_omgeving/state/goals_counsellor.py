"""The goals tab of the participant detail page: the counsellor adds or suggests goals and steps.

The participant comes from the URL, the goal from a hidden field (both untrusted); the
services check the caseload and audit. After a change the board on the page is read again.
"""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_suggestions import counsellor_goal_add, counsellor_step_add
from jouw_omgeving.services.participants import participant_summary
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_input import form_text
from jouw_omgeving.state.participant_detail import (
    ROUTE_PARAMETER,
    ParticipantDetailState,
    route_parameter,
)
from jouw_omgeving.state.session import SessionState, authenticate

GOAL_ADDED = N_("Het doel staat op het bord van de deelnemer.")
GOAL_SUGGESTED = N_("Voorgesteld. De deelnemer ziet het voorstel en beslist zelf.")
STEP_ADDED = N_("De stap staat erbij.")
STEP_SUGGESTED = N_("De stap is voorgesteld. De deelnemer beslist zelf.")
_NOTICES = {
    ("goal", False): GOAL_ADDED,
    ("goal", True): GOAL_SUGGESTED,
    ("step", False): STEP_ADDED,
    ("step", True): STEP_SUGGESTED,
}


def _suggest(form_data: object) -> bool:
    """Whether the form asks to suggest (the default) rather than add at once."""
    how = form_data.get("how") if isinstance(form_data, dict) else None
    return how != "add"


class CounsellorGoalsState(rx.State):
    """What the last add or suggest did, in words."""

    notice: str = ""
    error: str = ""

    @rx.event
    def forget(self):
        """On opening a participant: drop the previous notice (reads no data)."""
        self.notice, self.error = "", ""

    async def _run(self, what: str, form_data: object, change) -> None:
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        suggest = _suggest(form_data)
        participant = route_parameter(self, ROUTE_PARAMETER)
        try:
            title = form_text(form_data, "title")
            with db_session() as session:
                change(session, viewer, title, suggest)
            with db_session() as session:
                goals = participant_summary(session, viewer, participant)["goals"]
        except ServiceError as refusal:
            self.error, self.notice = gettext(refusal.message_id, lang), ""
            return None
        (await self.get_state(ParticipantDetailState)).goals = goals
        self.error, self.notice = "", gettext(_NOTICES[(what, suggest)], lang)
        return None

    @rx.event
    async def add_goal(self, form_data: dict):
        """Add or suggest a goal for the participant in the URL."""
        participant = route_parameter(self, ROUTE_PARAMETER)
        return await self._run(
            "goal",
            form_data,
            lambda session, viewer, title, suggest: counsellor_goal_add(
                session, viewer, participant, title=title, suggest=suggest
            ),
        )

    @rx.event
    async def add_step(self, form_data: dict):
        """Add or suggest a step on one of the participant's goals (named in the form)."""
        goal = form_data.get("goal") if isinstance(form_data, dict) else None
        return await self._run(
            "step",
            form_data,
            lambda session, viewer, title, suggest: counsellor_step_add(
                session, viewer, goal_public_id=goal, title=title, suggest=suggest
            ),
        )
