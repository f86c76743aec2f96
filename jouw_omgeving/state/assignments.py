"""The participant's "Opdrachten": the list, and one assignment to answer.

Every handler authenticates first; the services decide (and audit) who may see what.
"""

from datetime import date, datetime
from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, format_datetime, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.assignments import (
    AssignmentView,
    assignment_detail,
    participant_assignments,
    submission_save,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.assignments_flow import run_and_show
from jouw_omgeving.state.assignments_form import AnswerFormState
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

ROUTE_PARAMETER = "assignment_public_id"
SAVED = N_("Bewaard. Je kunt later verder.")
SUBMITTED = N_("Ingeleverd! Je begeleider kan het nu lezen.")
_STATUS = {
    "open": N_("Te doen"),
    "submitted": N_("Ingeleverd"),
    "reviewed": N_("Reactie gekregen"),
}


class AssignmentListRow(TypedDict):
    """One line of "Opdrachten"."""

    public_id: str
    title: str
    status: str
    status_text: str
    due_text: str
    overdue: bool


class FeedbackLine(TypedDict):
    """The counsellor's reaction, with when it was given."""

    body: str
    when: str


def status_text(status: str, lang: str) -> str:
    """An assignment's status in words."""
    return gettext(_STATUS.get(status, _STATUS["open"]), lang)


def _due_text(iso: str, lang: str) -> str:
    return format_date(date.fromisoformat(iso), lang) if iso else ""


class AssignmentListState(rx.State):
    """The assignments the counsellor gave the participant."""

    rows: list[AssignmentListRow] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the logged-in participant's assignments."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            found = participant_assignments(
                session, viewer, participant_id=viewer.user_id, lang=lang
            )
        self.rows = [
            AssignmentListRow(
                public_id=r["public_id"],
                title=r["title"],
                status=r["status"],
                status_text=status_text(r["status"], lang),
                due_text=_due_text(r["due_date"], lang),
                overdue=r["overdue"],
            )
            for r in found
        ]
        self.loaded = True
        return None


class AssignmentState(rx.State):
    """One assignment: text, questions (in AnswerFormState), saving and handing in."""

    public_id: str = ""
    title: str = ""
    body: str = ""
    status_text: str = ""
    due_text: str = ""
    submitted: bool = False
    feedback: list[FeedbackLine] = []
    notice: str = ""
    error: str = ""
    loaded: bool = False

    async def _show(self, view: AssignmentView, lang: str) -> None:
        self.public_id = view["public_id"]
        self.title = view["title"]
        self.body = view["body"]
        self.status_text = status_text(view["status"], lang)
        self.due_text = _due_text(view["due_date"], lang)
        self.submitted = view["submitted"]
        self.feedback = [
            FeedbackLine(
                body=f["body"], when=format_datetime(datetime.fromisoformat(f["created_at"]), lang)
            )
            for f in view["feedback"]
        ]
        form = await self.get_state(AnswerFormState)
        form._fill(view["questions"], view["answers"], locked=view["submitted"])

    def _public_id(self) -> object:
        return route_parameter(self, ROUTE_PARAMETER)

    @rx.event
    async def load(self):
        """Show the assignment in the URL, when it is the participant's own."""
        self.public_id = ""
        return await run_and_show(
            self,
            await authenticate(self, Role.PARTICIPANT),
            lambda s, v, lang: assignment_detail(
                s, v, assignment_public_id=self._public_id(), lang=lang
            ),
            self._show,
        )

    async def _store(self, submit: bool):
        return await run_and_show(
            self,
            await authenticate(self, Role.PARTICIPANT),
            lambda s, v, lang, answers: submission_save(
                s,
                v,
                assignment_public_id=self._public_id(),
                answers=answers,
                submit=submit,
                lang=lang,
            ),
            self._show,
            notice=SUBMITTED if submit else SAVED,
            with_answers=True,
        )

    @rx.event
    async def save(self):
        """Bewaren (save): keep the answers as a draft."""
        return await self._store(submit=False)

    @rx.event
    async def submit(self):
        """Inleveren (hand in): every text and choice must be answered."""
        return await self._store(submit=True)
