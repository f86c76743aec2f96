"""The goal board: all of the participant's goals, and one goal to work on.

Every handler authenticates first, checks what the browser sent, and leaves the decision
(and the audit) to the services. Refusals become a Dutch (or English) sentence in ``error``.
"""

from functools import partial

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goal_changes import (
    goal_set_status,
    goal_update,
    step_add,
    step_mark_done,
)
from jouw_omgeving.services.goal_shares import (
    ShareChoice,
    goal_share,
    goal_unshare,
    share_choices,
)
from jouw_omgeving.services.goals import (
    BoardCard,
    GoalCard,
    board_preview,
    goal_board,
    goal_detail,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_input import due_date_of, form_text
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

ROUTE_PARAMETER = "goal_public_id"
STEP_DONE = N_("Goed gedaan! Weer een stap verder.")
ALL_STEPS_DONE = N_("Alle stappen zijn klaar. Knap gedaan!")
STEP_OPEN_AGAIN = N_("De stap staat weer open.")
STEP_ADDED = N_("De stap staat erbij.")
SAVED = N_("Opgeslagen.")
PAUSED = N_("Het doel staat even stil. Je kunt het altijd weer oppakken.")
RESUMED = N_("Fijn dat je weer verdergaat!")
GOAL_DONE = N_("Doel bereikt! Daar mag je trots op zijn.")
SHARED = N_("Gedeeld. Deze persoon kan het doel nu zien.")
UNSHARED = N_("Niet meer gedeeld. Deze persoon ziet het doel niet meer.")
_STATUS_NOTICE = {"paused": PAUSED, "active": RESUMED, "done": GOAL_DONE}

EMPTY_CARD = GoalCard(
    public_id="",
    title="",
    status="",
    due_date="",
    due_label="",
    helpers="",
    steps_done=0,
    steps_total=0,
    steps=[],
    suggested=False,
)


def _board(viewer: Viewer, lang: str) -> list[BoardCard]:
    """The participant's goal cards, each a preview (run in a thread: off the event loop)."""
    with db_session() as session:  # a refusal is audited: may write
        cards = goal_board(session, viewer, participant_id=viewer.user_id, lang=lang)
    return [board_preview(card) for card in cards]


def _goal_and_shares(viewer: Viewer, goal_public_id: object, lang: str):
    """One goal's card and its share choices, both checked by the services (run in a
    thread: off the event loop)."""
    with db_session() as session:  # a refusal is audited: may write
        goal = goal_detail(session, viewer, goal_public_id=goal_public_id, lang=lang)
        return goal, share_choices(session, viewer, goal_public_id=goal_public_id)


class GoalBoardState(rx.State):
    """The participant's own goals, each with a preview of its steps."""

    goals: list[BoardCard] = []
    loaded: bool = False

    async def _show(self, viewer: Viewer, lang: str) -> None:
        """Read the board again, with dates in the reader's language ``lang``."""
        self.goals = await rx.run_in_thread(partial(_board, viewer, lang))
        self.loaded = True

    @rx.event
    async def load(self):
        """Load the logged-in participant's goals."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        await self._show(viewer, (await self.get_state(SessionState)).lang)
        return None


class GoalState(rx.State):
    """One goal: its steps, its status, its words and with whom it is shared."""

    goal: GoalCard = EMPTY_CARD
    shares: list[ShareChoice] = []
    celebration: str = ""
    celebrations: int = 0  # a new key each time: the message is announced and animated again
    notice: str = ""
    error: str = ""
    editing: bool = False
    loaded: bool = False

    async def _viewer_and_lang(self) -> tuple[Viewer | rx.event.EventSpec, str]:
        viewer = await authenticate(self, Role.PARTICIPANT)
        return viewer, (await self.get_state(SessionState)).lang

    async def _change(self, viewer: Viewer, lang: str, change, goal_public_id: object) -> bool:
        """Run ``change(session)``, then show the goal again; False (and why) on a refusal.

        The database work runs in a thread, off the event loop.
        """
        self.error, self.notice, self.celebration = "", "", ""

        def work():
            with db_session() as session:
                change(session)
            return _goal_and_shares(viewer, goal_public_id, lang)

        try:
            self.goal, self.shares = await rx.run_in_thread(work)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return False
        return True

    @rx.event
    async def load(self):
        """Show the goal whose public id is in the URL, if it is the participant's own."""
        self._clear()
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        await self._open(viewer, lang)
        return None

    def _clear(self) -> None:
        self.goal, self.shares, self.error, self.notice, self.celebration = (
            EMPTY_CARD,
            [],
            "",
            "",
            "",
        )
        self.editing = False

    async def _open(self, viewer: Viewer, lang: str) -> None:
        """Show the goal in the URL for ``viewer``, whose session was just checked."""
        goal_public_id = route_parameter(self, ROUTE_PARAMETER)
        try:
            self.goal, self.shares = await rx.run_in_thread(
                partial(_goal_and_shares, viewer, goal_public_id, lang)
            )
        except ServiceError as refusal:
            self.goal = EMPTY_CARD
            self.error = gettext(refusal.message_id, lang)
        self.loaded = True

    @rx.event
    async def add_step(self, form_data: dict):
        """Add a small step (form fields ``goal`` and ``title``); the text stays on a refusal."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            goal_id, title = form_text(form_data, "goal"), form_text(form_data, "title")
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None

        def change(session):
            step_add(session, viewer, goal_public_id=goal_id, title=title)

        if not await self._change(viewer, lang, change, goal_id):
            return None
        self.notice = gettext(STEP_ADDED, lang)
        return rx.set_value("new-step", "")

    @rx.event
    async def mark_step(self, step_public_id: str, done: bool):
        """Mark a step done (and celebrate) or, with ``done=False``, open it again."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer

        def change(session):
            step_mark_done(session, viewer, step_public_id=step_public_id, done=done)

        if not await self._change(viewer, lang, change, self.goal["public_id"]):
            return None
        if not done:
            self.notice = gettext(STEP_OPEN_AGAIN, lang)
            return None
        all_done = self.goal["steps_done"] == self.goal["steps_total"]
        self.celebration = gettext(ALL_STEPS_DONE if all_done else STEP_DONE, lang)
        self.celebrations += 1
        return None

    @rx.event
    async def set_status(self, goal_public_id: str, status: str):
        """Pause, resume or finish the goal."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer

        def change(session):
            goal_set_status(session, viewer, goal_public_id=goal_public_id, status=status)

        if await self._change(viewer, lang, change, goal_public_id):
            message = gettext(_STATUS_NOTICE[self.goal["status"]], lang)
            if self.goal["status"] == "done":
                self.celebration = message
                self.celebrations += 1
            else:
                self.notice = message
        return None

    @rx.event
    async def start_edit(self):
        """Open the form to change the goal's words."""
        viewer, _lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.editing = True
        self.notice = ""
        return None

    @rx.event
    async def cancel_edit(self):
        """Close the form without changing anything."""
        viewer, _lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.editing = False
        self.error = ""
        return None

    @rx.event
    async def save_edit(self, form_data: dict):
        """Save title, due date and helpers (form fields goal, title, due_date, helpers)."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            goal_id = form_text(form_data, "goal")
            title, helpers = form_text(form_data, "title"), form_text(form_data, "helpers")
            due = due_date_of(form_text(form_data, "due_date"))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None

        def change(session):
            goal_update(
                session, viewer, goal_public_id=goal_id, title=title, due_date=due, helpers=helpers
            )

        if await self._change(viewer, lang, change, goal_id):
            self.editing = False
            self.notice = gettext(SAVED, lang)
        return None

    @rx.event
    async def set_shared(self, goal_public_id: str, member_public_id: str, shared: bool):
        """Share the goal with one of the participant's network members, or stop sharing."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        if not isinstance(shared, bool):
            return None

        def change(session):
            action = goal_share if shared else goal_unshare
            action(
                session, viewer, goal_public_id=goal_public_id, member_public_id=member_public_id
            )

        if await self._change(viewer, lang, change, goal_public_id):
            self.notice = gettext(SHARED if shared else UNSHARED, lang)
        return None
