"""Assignments as the counsellor sees them on a participant's page: give, read, respond.

Ready to mount on the counsellor's participant detail (route parameter
``participant_public_id``). Every handler authenticates, re-resolves the participant from
the URL through the guard (audited) and validates what the browser sent.
"""

from datetime import date, datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, format_datetime, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Action, Category
from jouw_omgeving.services.assignments_counsellor import (
    MAX_FEEDBACK,
    AnswerLine,
    assignment_assign,
    assignments_with_submissions,
    feedback_give,
)
from jouw_omgeving.services.content import assignable_content
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.assignments import FeedbackLine, status_text
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

ASSIGNED = N_("De opdracht staat klaar bij de deelnemer.")
FEEDBACK_SENT = N_("Je reactie staat bij de opdracht.")
PICK_FIRST = N_("Kies eerst wat je wilt geven.")
BAD_DATE = N_("Die datum klopt niet.")
_KIND = {"assignment": N_("Opdracht"), "info": N_("Informatie"), "lesson": N_("Les")}


class PickerOption(TypedDict):
    """One item the counsellor can give."""

    value: str
    label: str


class PanelRow(TypedDict):
    """One assignment with what came back."""

    public_id: str
    title: str
    status_text: str
    due_text: str
    submission_public_id: str
    submitted_text: str
    answers: list[AnswerLine]
    feedback: list[FeedbackLine]


class CounsellorAssignmentsState(rx.State):
    """The participant in the URL: their assignments, the picker and feedback drafts."""

    rows: list[PanelRow] = []
    choices: list[PickerOption] = []
    picked: str = ""
    due: str = ""
    drafts: dict[str, str] = {}
    error: str = ""
    notice: str = ""
    loaded: bool = False

    @rx.event
    def forget(self):
        """Clear the previous participant's assignments from the view; reads nothing."""
        self.rows, self.choices, self.drafts = [], [], {}
        self.picked, self.due, self.error, self.notice, self.loaded = "", "", "", "", False

    @rx.event
    async def load(self):
        """Show the assignments of the participant in the URL (an audited read)."""
        self.notice, self.picked, self.due, self.drafts = "", "", "", {}
        return await self._show()

    @rx.event
    def set_picked(self, value: str):
        """Choose the content item to give (a public id from the picker)."""
        if isinstance(value, str) and value in {c["value"] for c in self.choices}:
            self.picked = value

    @rx.event
    def set_due(self, value: str):
        """The optional due date (YYYY-MM-DD, checked again on assigning)."""
        if isinstance(value, str) and len(value) <= 10:
            self.due = value

    @rx.event
    def set_draft(self, submission_public_id: str, text: str):
        """Typing feedback for one submission on screen."""
        if not isinstance(submission_public_id, str) or not isinstance(text, str):
            return
        known = {r["submission_public_id"] for r in self.rows} - {""}
        if submission_public_id in known:
            self.drafts[submission_public_id] = text[:MAX_FEEDBACK]

    async def _viewer(self) -> tuple[Viewer | rx.event.EventSpec, str]:
        viewer = await authenticate(self, Role.COUNSELLOR)
        return viewer, (await self.get_state(SessionState)).lang

    def _participant_id(self, session, viewer: Viewer, action: str) -> int:
        return participant_by_public_id(
            session,
            viewer,
            route_parameter(self, ROUTE_PARAMETER),
            category=Category.ASSIGNMENTS,
            action=action,
        ).id

    @rx.event
    async def assign(self):
        """Give the picked item, with the due date if one was filled in."""
        viewer, lang = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        if parse_public_id(self.picked) is None:
            self.error = gettext(PICK_FIRST, lang)
            return None
        try:
            due = date.fromisoformat(self.due) if self.due else None
        except ValueError:
            self.error = gettext(BAD_DATE, lang)
            return None
        try:
            with db_session() as session:
                assignment_assign(
                    session,
                    viewer,
                    participant_id=self._participant_id(session, viewer, Action.CREATE),
                    content_public_id=self.picked,
                    due_date=due,
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        result = await self._show()
        self.picked, self.due = "", ""
        self.notice = gettext(ASSIGNED, lang)
        return result

    @rx.event
    async def give_feedback(self, submission_public_id: str):
        """Send the typed feedback on one submission."""
        viewer, lang = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        body = (
            self.drafts.get(submission_public_id, "")
            if isinstance(submission_public_id, str)
            else ""
        )
        try:
            with db_session() as session:
                # The URL's participant is checked too: feedback never lands on another page.
                self._participant_id(session, viewer, Action.CREATE)
                feedback_give(session, viewer, submission_public_id=submission_public_id, body=body)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.drafts.pop(submission_public_id, None)
        result = await self._show()
        self.notice = gettext(FEEDBACK_SENT, lang)
        return result

    async def _show(self):
        viewer, lang = await self._viewer()
        if not isinstance(viewer, Viewer):
            self.rows, self.choices = [], []
            return viewer
        self.error = ""
        try:
            with db_session() as session:
                participant_id = self._participant_id(session, viewer, Action.READ)
                rows = assignments_with_submissions(
                    session, viewer, participant_id=participant_id, lang=lang
                )
                content = assignable_content(session, viewer, lang=lang)
        except ServiceError as refusal:
            self.rows, self.choices = [], []
            self.error = gettext(refusal.message_id, lang)
        else:
            self.rows = [
                PanelRow(
                    public_id=r["public_id"],
                    title=r["title"],
                    status_text=status_text(r["status"], lang),
                    due_text=format_date(date.fromisoformat(r["due_date"]), lang)
                    if r["due_date"]
                    else "",
                    submission_public_id=r["submission_public_id"],
                    submitted_text=format_datetime(datetime.fromisoformat(r["submitted_at"]), lang)
                    if r["submitted_at"]
                    else "",
                    answers=r["answers"],
                    feedback=[
                        FeedbackLine(
                            body=f["body"],
                            when=format_datetime(datetime.fromisoformat(f["created_at"]), lang),
                        )
                        for f in r["feedback"]
                    ],
                )
                for r in rows
            ]
            self.choices = [
                PickerOption(
                    value=c["public_id"],
                    label=f"{gettext(_KIND.get(c['kind'], _KIND['info']), lang)}: {c['title']}",
                )
                for c in content
            ]
        self.loaded = True
        return None
