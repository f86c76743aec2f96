"""The participant answers their counsellor's suggestions on their own goal board."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_suggestions import goal_suggestion_answer, step_suggestion_answer
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goals import GoalBoardState
from jouw_omgeving.state.session import SessionState, authenticate

ACCEPTED = N_("Fijn! Het staat nu bij je doelen.")
DECLINED = N_("Goed. Het voorstel is weg.")


class GoalSuggestionState(rx.State):
    """What the last answer did, in words (the board itself is GoalBoardState's)."""

    notice: str = ""
    error: str = ""

    @rx.event
    async def open_board(self):
        """The goal board's one on_load: the earlier answer's notice gone, the goals shown.

        One event instead of two (:meth:`forget` and ``GoalBoardState.load``).
        """
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.notice, self.error = "", ""
        board = await self.get_state(GoalBoardState)
        # The session was checked just now: the board is read for this viewer directly.
        await board._show(viewer, (await self.get_state(SessionState)).lang)
        return None

    async def _answer(self, answer, public_id: object, accept: object):
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        board = await self.get_state(GoalBoardState)

        def work() -> None:
            with db_session() as session:
                answer(session, viewer, public_id, accept)

        try:
            await rx.run_in_thread(work)  # off the event loop, as the board's read
            await board._show(viewer, lang)  # in the reader's language, as on opening the board
        except ServiceError as refusal:
            self.error, self.notice = gettext(refusal.message_id, lang), ""
            return None
        self.error, self.notice = "", gettext(ACCEPTED if accept else DECLINED, lang)
        return None

    @rx.event
    async def answer_goal(self, goal_public_id: str, accept: bool):
        """Accept or decline a suggested goal."""
        return await self._answer(
            lambda s, v, public_id, ok: goal_suggestion_answer(
                s, v, goal_public_id=public_id, accept=ok
            ),
            goal_public_id,
            accept,
        )

    @rx.event
    async def answer_step(self, step_public_id: str, accept: bool):
        """Accept or decline a suggested step."""
        return await self._answer(
            lambda s, v, public_id, ok: step_suggestion_answer(
                s, v, step_public_id=public_id, accept=ok
            ),
            step_public_id,
            accept,
        )
